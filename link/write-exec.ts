/**
 * The ELF executable writer: header, program headers, section contents (input sections with their
 * relocations applied, data statements, fill patterns), .symtab/.strtab/.shstrtab and the section
 * header table. Also the raw binary writer (--oformat binary: the loadable contents from the lowest
 * LMA to the highest, gaps zero-filled, as objcopy -O binary does).
 */
import { createHash } from 'crypto';
import { ET_EXEC, SHF_ALLOC, SHN_ABS, SHT_NOBITS, SHT_STRTAB, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FILE, STT_SECTION,
  STT_TLS } from '../elf/constants';
import { ehdrSize, nullSectionHeader, phdrSize, shdrSize, writeElfHeader, writeProgramHeader, writeSectionHeader } from '../elf/headers';
import { LinkContext, OutputSection, Sym, SymKind } from './context';
import { Segment } from './phdrs';
import { relocateSection } from './relocate';
import { symbolAddress } from './symbols';

/** Copy section contents into `buf` and apply relocations. */
export function writeSectionContents(ctx: LinkContext, outs: OutputSection[], buf: Uint8Array): void {
  for (const o of outs) {
    if (o.removed || o.type === SHT_NOBITS) continue;
    const start = o.offset;
    fillGaps(ctx, o, buf);
    for (const it of o.items) {
      if (it.k === 'sec') {
        const sec = it.sec;
        if (sec.type === SHT_NOBITS || sec.discarded) continue;
        const at = start + sec.offset;
        buf.set(sec.data.subarray(0, sec.size), at);
        relocateSection(ctx, sec, buf.subarray(at, at + sec.size));
      } else if (it.k === 'data') {
        ctx.target.write(buf, start + it.offset, it.size, it.value);
      }
    }
  }
}

/**
 * Gaps between contents: the =fill pattern, or the one of the last FILL() before the gap, repeated from
 * the gap's start (as GNU ld writes its padding); with no pattern, code sections get the target's
 * no-op instructions and others stay zero.
 */
function fillGaps(ctx: LinkContext, o: OutputSection, buf: Uint8Array): void {
  let end = 0;
  let pat = o.fill;
  const code = (o.flags & 4) !== 0;
  const fill = (from: number, to: number): void => {
    if (to <= from) return;
    if (pat) fillRange(buf, o.offset + from, o.offset + to, pat);
    else if (code) ctx.target.codeFill(buf, o.offset + from, to - from);
  };
  for (const it of o.items) {
    if (it.k === 'fillFrom') { fill(end, it.offset); end = Math.max(end, it.offset); pat = it.pat; continue; }
    const off = it.k === 'sec' ? it.sec.offset : it.k === 'data' ? it.offset : end;
    const size = it.k === 'sec' ? it.sec.size : it.k === 'data' ? it.size : 0;
    fill(end, off);
    end = Math.max(end, off + size);
  }
  fill(end, o.size);
}

function fillRange(buf: Uint8Array, from: number, to: number, pat: Uint8Array): void {
  for (let i = from, j = 0; i < to; i++, j++) buf[i] = pat[j % pat.length];
}

interface SymOut { name: number; value: bigint; size: bigint; info: number; other: number; shndx: number }

/** Build .symtab entries: file symbols and locals per file, then globals (hidden ones made local). */
function buildSymbols(ctx: LinkContext, outs: OutputSection[], strtab: StringTable): { syms: SymOut[]; firstGlobal: number } {
  const locals: SymOut[] = [];
  const globals: SymOut[] = [];
  const shndx = (s: Sym): number => {
    if (s.scriptDefined) return s.outSection && !s.outSection.removed ? s.outSection.index : SHN_ABS;
    if (s.section) return s.section.out && !s.section.discarded ? s.section.out.index : 0;
    return s.absolute ? SHN_ABS : 0;
  };
  const symValue = (s: Sym): bigint => {
    const v = symbolAddress(s);
    return s.type === STT_TLS && s.section?.out ? v - ctx.tlsStart : v;
  };
  for (const f of ctx.objects) {
    let fileSym = false;
    for (let i = 1; i < f.syms.length; i++) {
      const s = f.syms[i];
      if (!s.isLocal || s.type === STT_SECTION || s.name === '') continue;
      if (s.type === STT_FILE) { continue; }
      if (s.section && (s.section.discarded || !s.section.out)) continue;
      if (!fileSym) {
        const fs = f.syms.find((x) => x.isLocal && x.type === STT_FILE);
        if (fs) locals.push({ name: strtab.add(fs.name), value: 0n, size: 0n, info: STT_FILE, other: 0, shndx: SHN_ABS });
        fileSym = true;
      }
      locals.push({ name: strtab.add(s.name), value: symValue(s), size: s.size, info: s.type, other: s.visibility, shndx: shndx(s) });
    }
  }
  const hiddenLocals: SymOut[] = [];
  // -u and EXTERN names that nothing defined stay in the table as undefined, as with GNU ld
  const forced = new Set([...ctx.opts.undefined, ...ctx.script.externs]);
  for (const s of ctx.symbols.values()) {
    if (s.kind !== SymKind.Defined && !(s.kind === SymKind.Undefined && s.referenced && (s.binding === STB_WEAK || forced.has(s.name)))) continue;
    if (s.kind === SymKind.Undefined && (!s.referenced || s.visibility === 2)) continue;
    if (s.section && (s.section.discarded || !s.section.out)) continue;
    const vis = s.visibility;
    const entry: SymOut = {
      name: strtab.add(s.name), value: s.kind === SymKind.Defined ? symValue(s) : 0n, size: s.size,
      info: ((vis === 2 || vis === 1) && s.kind === SymKind.Defined ? STB_LOCAL : s.binding === STB_WEAK ? STB_WEAK : STB_GLOBAL) << 4 | s.type,
      other: vis, shndx: s.kind === SymKind.Defined ? shndx(s) : 0,
    };
    if (entry.info >> 4 === STB_LOCAL) hiddenLocals.push(entry); else globals.push(entry);
  }
  void outs;
  const syms: SymOut[] = [{ name: 0, value: 0n, size: 0n, info: 0, other: 0, shndx: 0 }, ...locals, ...hiddenLocals];
  const firstGlobal = syms.length;
  syms.push(...globals);
  return { syms, firstGlobal };
}

/** Serialise the executable. */
export function writeExecutable(ctx: LinkContext, outs: OutputSection[], segs: Segment[], endOfSections: number): Uint8Array {
  const cls = ctx.target.cls;
  const live = outs.filter((o) => !o.removed && !(ctx.opts.strip !== 'none' && /^\.(debug|line|stab|zdebug|gnu\.debuglto)/.test(o.name) && !(o.flags & SHF_ALLOC)));
  live.forEach((o, i) => { o.index = i + 1; });
  const shstr = new StringTable();
  const strtab = new StringTable();
  const withSymtab = ctx.opts.strip !== 'all';
  const { syms, firstGlobal } = withSymtab ? buildSymbols(ctx, live, strtab) : { syms: [], firstGlobal: 0 };
  const names = live.map((o) => shstr.add(o.name));
  const symtabName = withSymtab ? shstr.add('.symtab') : 0;
  const strtabName = withSymtab ? shstr.add('.strtab') : 0;
  const shstrName = shstr.add('.shstrtab');
  const symSize = cls === 64 ? 24 : 16;
  const align = cls === 64 ? 8 : 4;
  let off = endOfSections;
  const symOff = withSymtab ? (off = alignTo(off, align)) : 0;
  if (withSymtab) off += syms.length * symSize;
  const strBytes = withSymtab ? strtab.finish() : new Uint8Array(0);
  const strOff = off;
  off += strBytes.length;
  const shstrBytes = shstr.finish();
  const shstrOff = off;
  off += shstrBytes.length;
  const shoff = alignTo(off, align);
  const shnum = live.length + 1 + (withSymtab ? 2 : 0) + 1;
  const total = shoff + shnum * shdrSize(cls);
  const buf = new Uint8Array(total);
  const view = new DataView(buf.buffer);
  writeSectionContents(ctx, live, buf);
  // program headers
  const phoff = ehdrSize(cls);
  segs.forEach((s, i) => writeProgramHeader(view, phoff + i * phdrSize(cls), cls, {
    type: s.type, flags: s.flags, offset: s.offset, vaddr: s.vaddr, paddr: s.paddr, filesz: s.filesz, memsz: s.memsz, align: s.align,
  }));
  // symbols
  if (withSymtab) {
    let p = symOff;
    for (const s of syms) {
      if (cls === 64) {
        view.setUint32(p, s.name, true); view.setUint8(p + 4, s.info); view.setUint8(p + 5, s.other);
        view.setUint16(p + 6, s.shndx, true); view.setBigUint64(p + 8, BigInt.asUintN(64, s.value), true);
        view.setBigUint64(p + 16, BigInt.asUintN(64, s.size), true);
      } else {
        view.setUint32(p, s.name, true); view.setUint32(p + 4, Number(BigInt.asUintN(32, s.value)), true);
        view.setUint32(p + 8, Number(BigInt.asUintN(32, s.size)), true); view.setUint8(p + 12, s.info);
        view.setUint8(p + 13, s.other); view.setUint16(p + 14, s.shndx, true);
      }
      p += symSize;
    }
    buf.set(strBytes, strOff);
  }
  buf.set(shstrBytes, shstrOff);
  // section headers
  const symtabIndex = live.length + 1;
  const shstrIndex = shnum - 1;
  const sh = (i: number): number => shoff + i * shdrSize(cls);
  writeSectionHeader(view, sh(0), cls, nullSectionHeader(shnum, shstrIndex));
  live.forEach((o, i) => {
    let link = o.link;
    let info = o.info;
    if (ctx.relaIplt && o === ctx.relaIplt.out) { link = withSymtab ? symtabIndex : 0; info = ctx.gotPlt?.out?.index ?? 0; }
    writeSectionHeader(view, sh(i + 1), cls, {
      name: names[i], type: o.type, flags: o.flags, addr: o.addr, offset: o.offset, size: o.size, link, info,
      addralign: o.align, entsize: o.entsize,
    });
  });
  if (withSymtab) {
    writeSectionHeader(view, sh(symtabIndex), cls, { name: symtabName, type: SHT_SYMTAB, flags: 0, addr: 0n, offset: symOff, size: syms.length * symSize, link: symtabIndex + 1, info: firstGlobal, addralign: align, entsize: symSize });
    writeSectionHeader(view, sh(symtabIndex + 1), cls, { name: strtabName, type: SHT_STRTAB, flags: 0, addr: 0n, offset: strOff, size: strBytes.length, link: 0, info: 0, addralign: 1, entsize: 0 });
  }
  writeSectionHeader(view, sh(shstrIndex), cls, { name: shstrName, type: SHT_STRTAB, flags: 0, addr: 0n, offset: shstrOff, size: shstrBytes.length, link: 0, info: 0, addralign: 1, entsize: 0 });
  writeElfHeader(view, {
    class: cls, type: ET_EXEC, machine: ctx.target.machine, osabi: ctx.objects.some((f) => f.obj.osabi === 3) && ctx.ipltEntries.length ? 3 : 0, abiversion: 0,
    flags: ctx.objects[0]?.obj.flags ?? 0, entry: ctx.entryAddr, phoff, phnum: segs.length, shoff, shnum, shstrndx: shstrIndex,
  });
  fillBuildId(ctx, buf);
  return buf;
}

/** --build-id: a hash of the whole file (with the note's descriptor still zero), deterministic. */
export function fillBuildId(ctx: LinkContext, buf: Uint8Array): void {
  const n = ctx.buildIdNote;
  if (!n || !n.out || ctx.opts.buildId.startsWith('0x')) return;
  const at = n.out.offset + n.offset + 16;
  const len = new DataView(buf.buffer, buf.byteOffset).getUint32(n.out.offset + n.offset + 4, true);
  const algo = ctx.opts.buildId === 'md5' || ctx.opts.buildId === 'uuid' ? 'md5' : 'sha1';
  const digest = createHash(algo).update(buf).digest();
  buf.set(digest.subarray(0, len), at);
}

/** A string table that hands out offsets as strings are added (no tail merging: linking is hot). */
export class StringTable {
  private map = new Map<string, number>();
  private parts: Buffer[] = [Buffer.from([0])];
  private size = 1;
  add(s: string): number {
    if (s === '') return 0;
    const o = this.map.get(s);
    if (o !== undefined) return o;
    const b = Buffer.from(s + '\0', 'utf8');
    const off = this.size;
    this.map.set(s, off);
    this.parts.push(b);
    this.size += b.length;
    return off;
  }
  finish(): Uint8Array { return new Uint8Array(Buffer.concat(this.parts)); }
}

function alignTo(v: number, a: number): number { return Math.ceil(v / a) * a; }

/** --oformat binary: loadable section contents laid out by load address. */
export function writeBinary(ctx: LinkContext, outs: OutputSection[]): Uint8Array {
  const loads = outs.filter((o) => !o.removed && (o.flags & SHF_ALLOC) && o.type !== SHT_NOBITS && o.size > 0);
  if (!loads.length) return new Uint8Array(0);
  let lo = loads[0].lma;
  let hi = 0n;
  for (const o of loads) {
    if (o.lma < lo) lo = o.lma;
    const e = o.lma + BigInt(o.size);
    if (e > hi) hi = e;
  }
  const size = Number(hi - lo);
  if (size > 1 << 30) throw new Error(`binary image would be ${size} bytes`);
  // lay out contents in a scratch ELF-offset space, then copy each section to its LMA offset
  let scratchSize = 0;
  for (const o of loads) scratchSize = Math.max(scratchSize, o.offset + o.size);
  const scratch = new Uint8Array(scratchSize);
  writeSectionContents(ctx, loads, scratch);
  const out = new Uint8Array(size);
  for (const o of loads) out.set(scratch.subarray(o.offset, o.offset + o.size), Number(o.lma - lo));
  return out;
}
