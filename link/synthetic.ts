/**
 * Sections the linker makes itself, for static executables:
 * - .got: one slot per symbol still reached through the GOT after relaxation (its address, or for
 *   an IFUNC its IPLT entry, the function's canonical address);
 * - .got.plt: three reserved words (the base of _GLOBAL_OFFSET_TABLE_) followed by the .igot.plt
 *   slots of IFUNCs; .iplt: one `jmp *slot` entry per IFUNC (8 bytes, 8-aligned, as GNU ld's non-lazy PLT); .rela.iplt / .rel.iplt: one IRELATIVE
 *   relocation per slot, which glibc's static startup applies between __rela_iplt_start and
 *   __rela_iplt_end (the default script defines them around *(.rela.iplt));
 * - .note.gnu.build-id (--build-id); COMMON sections are made by input-files.ts.
 * Their sizes are known before layout; contents are written after it (fillSynthetic).
 */
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOTE, SHT_PROGBITS, SHT_REL, SHT_RELA, STB_WEAK, STT_SECTION } from '../elf/constants';
import { InputSection, LinkContext, RelocList, Sym, SymKind } from './context';
import { GotRelax, RelKind } from './target';
import { symbolAddress, symbolFor } from './symbols';

function synth(ctx: LinkContext, name: string, type: number, flags: number, align: number, size: number, entsize = 0): InputSection {
  const s = new InputSection(ctx.internal, -1, name, type, flags, align, size, new Uint8Array(type === 8 ? 0 : size), RelocList.EMPTY, entsize);
  ctx.internal.sections.push(s);
  return s;
}

/**
 * True when the symbol's GOT references may use its address directly (when the instruction allows):
 * defined in the executable (not an IFUNC, not in a large section), or undefined weak (0).
 */
export function canSkipGot(s: Sym, linkerDefined: Set<string> | null = null): boolean {
  if (s.kind === SymKind.Defined) return !s.isIfunc() && !(s.section !== null && (s.section.flags & 0x10000000) !== 0);
  return s.kind === SymKind.Undefined && (s.binding === STB_WEAK || (linkerDefined !== null && linkerDefined.has(s.name)));
}

/** Scan relocations of live sections and create the GOT, IPLT and build-id sections. */
export function createSynthetic(ctx: LinkContext, live: InputSection[], linkerDefined: Set<string>): void {
  const t = ctx.target;
  const gotSyms: Sym[] = [];
  const iplt: Sym[] = [];
  let needGotBase = ctx.symbols.get('_GLOBAL_OFFSET_TABLE_')?.referenced ?? false;
  // relocation kind by type number (-1: unsupported), so the scan calls no hook per relocation
  const kinds = new Int8Array(256).fill(-1);
  for (let type = 0; type < 256; type++) { const info = t.classify(type); if (info) kinds[type] = info.kind; }
  for (const sec of live) {
    if (!(sec.flags & SHF_ALLOC)) continue;
    const syms = sec.file.syms;
    const rl = sec.relocs;
    const u32 = rl.pool.u32;
    for (let w = 6 * rl.start, end = 6 * (rl.start + rl.count); w < end; w += 6) {
      const type = u32[w + 2];
      const k = type < 256 ? kinds[type] : (t.classify(type)?.kind ?? -1);
      if (k < 0) continue;
      const s = syms[u32[w + 3]];
      if (!s) continue;
      if (k === RelKind.GotOff32 || k === RelKind.GotRel || k === RelKind.GotBasePC || k === RelKind.GotAbs) needGotBase = true;
      if (s.type === 10 && s.kind === SymKind.Defined && s.ipltIndex < 0 && k !== RelKind.None) { s.ipltIndex = iplt.length; iplt.push(s); }
      if (k === RelKind.GotPC || k === RelKind.GotOff32 || k === RelKind.GotAbs) {
        if (s.gotIndex >= 0) continue;
        // GNU relaxes only references with the usual addend (-4 from the end of the field)
        if (k === RelKind.GotPC && u32[w + 4] === 0xfffffffc && u32[w + 5] === 0xffffffff && canSkipGot(s, linkerDefined)
          && t.gotRelax(sec.data, u32[w], type) !== GotRelax.None) continue;
        // i386 GOT32X (REL: the target checks the implicit addend)
        if (k === RelKind.GotOff32 && canSkipGot(s, linkerDefined) && t.gotRelax(sec.data, u32[w], type) !== GotRelax.None) continue;
        s.gotIndex = gotSyms.length;
        gotSyms.push(s);
      }
    }
  }
  const w = t.wordSize;
  ctx.gotEntries = gotSyms;
  ctx.ipltEntries = iplt;
  if (gotSyms.length) ctx.got = synth(ctx, '.got', SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, w, gotSyms.length * w, 0);
  if (iplt.length || needGotBase) ctx.gotPlt = synth(ctx, '.got.plt', SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, w, 3 * w, w);
  if (iplt.length) {
    ctx.gotPlt!.size += iplt.length * w;
    ctx.gotPlt!.data = new Uint8Array(ctx.gotPlt!.size);
    ctx.iplt = synth(ctx, '.iplt', SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, t.ipltEntrySize, iplt.length * t.ipltEntrySize);
    const relSize = t.rela ? (t.cls === 64 ? 24 : 12) : (t.cls === 64 ? 16 : 8);
    ctx.relaIplt = synth(ctx, t.rela ? '.rela.iplt' : '.rel.iplt', t.rela ? SHT_RELA : SHT_REL, SHF_ALLOC | 0x40, w, iplt.length * relSize, relSize);
  }
  if (needGotBase || ctx.gotPlt) {
    const g = symbolFor(ctx, '_GLOBAL_OFFSET_TABLE_');
    if (g.kind !== SymKind.Defined) {
      g.kind = SymKind.Defined;
      g.section = ctx.gotPlt ?? ctx.got;
      g.value = 0n;
      g.visibility = 2;
      g.forcedLocal = true;
      g.type = 1;
    }
  }
  const bid = ctx.opts.buildId;
  if (bid && bid !== 'none' && !ctx.opts.relocatable) {
    const len = bid === 'md5' || bid === 'uuid' ? 16 : bid.startsWith('0x') ? (bid.length - 2) >> 1 : 20;
    const s = synth(ctx, '.note.gnu.build-id', SHT_NOTE, SHF_ALLOC, 4, 16 + ((len + 3) & ~3));
    const dv = new DataView(s.data.buffer);
    dv.setUint32(0, 4, true);
    dv.setUint32(4, len, true);
    dv.setUint32(8, 3, true);
    s.data.set([0x47, 0x4e, 0x55, 0], 12);
    if (bid.startsWith('0x')) for (let i = 0; i < len; i++) s.data[16 + i] = parseInt(bid.slice(2 + 2 * i, 4 + 2 * i), 16);
    ctx.buildIdNote = s;
  }
}

/** Address of a symbol's IPLT entry, or of its GOT slot. */
export function ipltAddress(ctx: LinkContext, s: Sym): bigint {
  return ctx.iplt!.out!.addr + BigInt(ctx.iplt!.offset + s.ipltIndex * ctx.target.ipltEntrySize);
}
export function gotSlotAddress(ctx: LinkContext, s: Sym): bigint {
  return ctx.got!.out!.addr + BigInt(ctx.got!.offset + s.gotIndex * ctx.target.wordSize);
}
/** gotSlotAddress as a double (callers check the result stays below 2^53). */
export function gotSlotAddressNum(ctx: LinkContext, s: Sym): number {
  return Number(ctx.got!.out!.addr) + ctx.got!.offset + s.gotIndex * ctx.target.wordSize;
}
export function gotBase(ctx: LinkContext): bigint {
  const g = ctx.gotPlt ?? ctx.got;
  return g && g.out ? g.out.addr + BigInt(g.offset) : 0n;
}

/** Write GOT, IPLT and IRELATIVE contents once addresses are known. */
export function fillSynthetic(ctx: LinkContext, tpOf: (s: Sym) => bigint): void {
  const t = ctx.target;
  const w = t.wordSize;
  const put = (d: Uint8Array, off: number, v: bigint): void => t.write(d, off, w, v);
  if (ctx.got) {
    ctx.gotEntries.forEach((s, i) => {
      const v = s.isIfunc() ? ipltAddress(ctx, s) : s.type === 6 ? tpOf(s) : symbolAddress(s);
      put(ctx.got!.data, i * w, v);
    });
  }
  if (ctx.iplt && ctx.gotPlt && ctx.relaIplt) {
    const gp = ctx.gotPlt;
    const rel = ctx.relaIplt;
    const dv = new DataView(rel.data.buffer, rel.data.byteOffset, rel.data.byteLength);
    ctx.ipltEntries.forEach((s, i) => {
      const slotOff = 3 * w + i * w;
      const slot = gp.out!.addr + BigInt(gp.offset + slotOff);
      const pltAddr = ipltAddress(ctx, s);
      const resolver = symbolAddress(s);
      t.writeIplt(ctx.iplt!.data, i * t.ipltEntrySize, pltAddr, slot);
      put(gp.data, slotOff, resolver);
      if (t.cls === 64) {
        dv.setBigUint64(i * 24, slot, true);
        dv.setBigUint64(i * 24 + 8, BigInt(t.irelativeType), true);
        dv.setBigInt64(i * 24 + 16, BigInt.asIntN(64, resolver), true);
      } else {
        dv.setUint32(i * rel.entsize, Number(slot), true);
        dv.setUint32(i * rel.entsize + 4, t.irelativeType, true);
        if (t.rela) dv.setUint32(i * rel.entsize + 8, Number(resolver), true);
      }
    });
  }
  void STT_SECTION;
}
