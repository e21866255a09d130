/**
 * -r: combine the inputs into one relocatable object. Sections with the same name, type and flags
 * are concatenated (COMDAT group members stay separate, with their group); symbols and relocations
 * are renumbered, section-relative values shifted by each input section's offset. The result goes
 * through elf/write-object.ts, so it is laid out like GNU as output.
 */
import { SHF_GROUP, SHT_GROUP, SHT_NOBITS, STB_LOCAL, STT_SECTION } from '../elf/constants';
import { makeSection, makeSymbol, newObjectFile, ObjSection, ObjectFile } from '../elf/object';
import { writeObject } from '../elf/write-object';
import { InputSection, LinkContext, Sym, SymKind } from './context';

export function writeRelocatable(ctx: LinkContext): Uint8Array {
  const t = ctx.target;
  const out: ObjectFile = newObjectFile(t.cls, t.machine, ctx.objects[0]?.eflags ?? 0);
  const where = new Map<InputSection, { idx: number; off: number }>();
  const byKey = new Map<string, number>();
  // sections
  for (const f of ctx.objects) {
    for (const s of f.sections) {
      if (!s || s.discarded) continue;
      const inGroup = (s.flags & SHF_GROUP) !== 0;
      const key = `${s.name}|${s.type}|${s.flags}|${s.entsize}`;
      let idx = inGroup ? undefined : byKey.get(key);
      if (idx === undefined) {
        idx = out.sections.length;
        out.sections.push(makeSection(s.name, s.type, s.flags, s.align, new Uint8Array(0), s.entsize));
        if (!inGroup) byKey.set(key, idx);
      }
      const os = out.sections[idx];
      const off = Math.ceil(os.size / s.align) * s.align;
      os.addralign = Math.max(os.addralign, s.align);
      if (s.type !== SHT_NOBITS) {
        const nd = new Uint8Array(off + s.size);
        nd.set(os.data);
        nd.set(s.data.subarray(0, s.size), off);
        os.data = nd;
      }
      os.size = off + s.size;
      where.set(s, { idx, off });
    }
  }
  // symbols: section symbols, locals, then globals
  const secSym = new Map<number, number>();
  for (let i = 1; i < out.sections.length; i++) {
    secSym.set(i, out.symbols.length);
    out.symbols.push(makeSymbol('', STB_LOCAL, STT_SECTION, i));
  }
  const symIndex = new Map<Sym, number>();
  const place = (s: Sym): { section: number; value: bigint } => {
    if (s.kind === SymKind.Common) return { section: -0xfff2, value: s.value };
    if (s.kind !== SymKind.Defined) return { section: 0, value: 0n };
    if (s.section) { const w = where.get(s.section); return w ? { section: w.idx, value: s.value + BigInt(w.off) } : { section: 0, value: 0n }; }
    return { section: -0xfff1, value: s.value };
  };
  for (const f of ctx.objects) {
    for (const s of f.syms) {
      if (!s.isLocal || s.type === STT_SECTION || s.name === '') continue;
      const p = place(s);
      symIndex.set(s, out.symbols.length);
      out.symbols.push(makeSymbol(s.name, STB_LOCAL, s.type, s.type === 4 ? -0xfff1 : p.section, p.value, s.size, s.visibility));
    }
  }
  for (const s of ctx.symbols.values()) {
    if (s.name === '' || (s.kind === SymKind.Undefined && !s.referenced)) continue;
    const p = place(s);
    symIndex.set(s, out.symbols.length);
    out.symbols.push(makeSymbol(s.name, s.binding === 2 ? 2 : 1, s.type, p.section, p.value, s.size, s.visibility));
  }
  // relocations
  for (const [s, w] of where) {
    const os = out.sections[w.idx];
    const rl = s.relocs;
    for (let i = 0; i < rl.count; i++) {
      const r = { offset: rl.offset(i), type: rl.type(i), symbol: rl.symbol(i) };
      const sym = s.file.syms[r.symbol];
      let symbol = 0;
      let addend = rl.addendOf(i);
      if (sym && sym.type === STT_SECTION && sym.section) {
        const tw = where.get(sym.section);
        if (tw) {
          symbol = secSym.get(tw.idx)!;
          if (t.rela) addend += BigInt(tw.off);
          else addImplicit(os, w.off + r.offset, tw.off, t.classify(r.type)?.size ?? 4);
        }
      } else if (sym) symbol = symIndex.get(sym) ?? 0;
      os.relocs.push({ offset: w.off + r.offset, type: r.type, symbol, addend });
    }
  }
  // groups
  for (const f of ctx.objects) {
    for (const gs of f.groups) {
      const members = gs.members.map((m) => f.sections[m]).filter((x): x is InputSection => !!x && !x.discarded && where.has(x));
      if (!members.length) continue;
      const sig = f.syms[gs.signature];
      const g: ObjSection = makeSection(gs.name, SHT_GROUP, 0, 4);
      g.group = { flags: gs.flags, signature: symIndex.get(sig) ?? secSym.get(where.get(members[0])!.idx)!, members: members.map((m) => where.get(m)!.idx) };
      out.sections.push(g);
    }
  }
  return writeObject(out, ctx.opts.output);
}

function addImplicit(os: ObjSection, at: number, delta: number, size: number): void {
  const dv = new DataView(os.data.buffer, os.data.byteOffset);
  if (size === 4) dv.setUint32(at, (dv.getUint32(at, true) + delta) >>> 0, true);
  else if (size === 2) dv.setUint16(at, (dv.getUint16(at, true) + delta) & 0xffff, true);
  else if (size === 1) dv.setUint8(at, (dv.getUint8(at) + delta) & 0xff);
}
