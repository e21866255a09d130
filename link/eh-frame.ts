/**
 * .eh_frame editing as GNU ld 2.40 does it (bfd/elf-eh-frame.c is the behaviour to match):
 *
 * - parse: each input `.eh_frame` is split into CIEs, FDEs and the zero terminator; the trailing
 *   DW_CFA_nop padding of each entry is not part of it. A section that does not parse (unknown
 *   augmentation or CFA opcode, an FDE whose CIE is not earlier in the same section, an FDE without
 *   a relocation on its initial location, relocations where none belong...) is left as it is and
 *   no .eh_frame_hdr search table is made. (Speed: an FDE whose last 4 bytes are not all zero has
 *   less than 4 bytes of padding, which the 4-byte layout absorbs, so its CFA instructions are not
 *   walked — nor checked for opcodes unknown to GNU ld.)
 * - --gc-sections: FDEs do not keep their functions; a live function keeps what its FDE and CIE
 *   refer to (LSDA in .gcc_except_table, personality routine) — `fdesOf` for gc.ts.
 * - edit (after sections are mapped, so /DISCARD/, COMDAT losers and collected sections are known):
 *   an FDE whose function's section was discarded is removed, as is one with no relocation and a
 *   zero address range; a CIE stays only when a kept FDE uses it, and identical CIEs (same bytes,
 *   same personality symbol — a local personality only within its own object —, same output
 *   section) are stored once, the first one kept; only the terminator of the last input section is
 *   kept. Entries are laid out again 4-aligned (8 for FDEs with 8-byte addresses), each one's
 *   length reaching the next entry (the gap filled with DW_CFA_nop); every input section but the
 *   last non-empty one is padded to the output section's alignment inside its last entry, so no
 *   zero word (a terminator to the unwinder) appears between sections. Relocations move with their
 *   entries; those of removed entries are dropped; symbols defined in the section follow their entry.
 * - fill (after layout): FDE CIE pointers; with --eh-frame-hdr the .eh_frame_hdr section
 *   (version 1, eh_frame_ptr pcrel|sdata4, fde_count udata4, table datarel|sdata4 of
 *   (initial location, FDE address) sorted by location), read from the relocated output.
 */
import { SHF_ALLOC, SHT_PROGBITS, STT_SECTION } from '../elf/constants';
import { InputSection, LinkContext, RelocList, Sym, SymKind } from './context';
import { LinkError } from './error';
import { gotBase } from './synthetic';
import { symbolFor } from './symbols';
import type { LCmd } from './layout';

const KIND_CIE = 0;
const KIND_FDE = 1;
const KIND_TERM = 2;
/** CIE flags */
const CIE_Z = 1;
const CIE_LSDA = 2;
const CIE_EH = 4;

/** One parsed input .eh_frame section: entries [base, base + n) of the EhFrames arrays. */
export interface EhSection { sec: InputSection; base: number; n: number; rawSize: number }

/**
 * What the link knows about .eh_frame. Entries of all parsed sections live in shared typed arrays
 * (one allocation for the link, not one per object), indexed by entry number.
 */
export class EhFrames {
  sections: EhSection[] = [];
  parsed = new Map<InputSection, EhSection>();
  /** function section -> FDE entry numbers (built for --gc-sections only) */
  fdes: Map<InputSection, number[]> | null = null;
  /** an .eh_frame section that did not parse: no search table */
  failed = false;
  /** edited sections in output order */
  edited: EhSection[] = [];
  fdeCount = 0;
  hdr: InputSection | null = null;
  count = 0;
  /** entry offset in its input section; size without trailing DW_CFA_nop padding (4: terminator) */
  off: Int32Array = new Int32Array(0);
  size: Int32Array = new Int32Array(0);
  kind: Uint8Array = new Uint8Array(0);
  /** FDE: entry number of its CIE (-1: zero-range FDE, never kept); CIE: CIE_* flags */
  cie: Int32Array = new Int32Array(0);
  /** relocations of the entry: indexes [rel0, rel1) into its section's relocation list */
  rel0: Int32Array = new Int32Array(0);
  rel1: Int32Array = new Int32Array(0);
  /** DW_EH_PE encoding of FDE addresses (the CIE's 'R', absptr by default) */
  enc: Uint8Array = new Uint8Array(0);
  /** CIE: offset of its personality field inside the entry (0: none) */
  perOff: Int32Array = new Int32Array(0);
  /** CIE: offset of its initial instructions inside the entry */
  insOff: Int32Array = new Int32Array(0);
  kept: Uint8Array = new Uint8Array(0);
  newOff: Int32Array = new Int32Array(0);
  /** FDE: the CIE it uses in the output; CIE merged away: the CIE replacing it (-1: none) */
  to: Int32Array = new Int32Array(0);
  /** entry -> index in `sections` */
  owner: Int32Array = new Int32Array(0);
  grow(n: number): void {
    const cap = this.off.length;
    if (this.count + n <= cap) return;
    const c = Math.max(this.count + n, cap * 2, 1024);
    const g32 = (a: Int32Array): Int32Array => { const b = new Int32Array(c); b.set(a); return b; };
    const g8 = (a: Uint8Array): Uint8Array => { const b = new Uint8Array(c); b.set(a); return b; };
    this.off = g32(this.off); this.size = g32(this.size); this.kind = g8(this.kind); this.cie = g32(this.cie);
    this.rel0 = g32(this.rel0); this.rel1 = g32(this.rel1); this.enc = g8(this.enc); this.perOff = g32(this.perOff); this.insOff = g32(this.insOff);
    this.kept = g8(this.kept); this.newOff = g32(this.newOff); this.to = g32(this.to); this.owner = g32(this.owner);
  }
}

const DW_EH_PE_omit = 0xff;

/** Width of a DW_EH_PE-encoded value (0: variable or unknown), as GNU's get_DW_EH_PE_width. */
function encWidth(enc: number, ptr: number): number {
  if ((enc & 0x60) === 0x60) return 0;
  switch (enc & 7) {
    case 2: return 2;
    case 3: return 4;
    case 4: return 8;
    case 0: return ptr;
    default: return 0;
  }
}

// The parser's cursor (module state: no per-entry objects or closures on this path).
const EMPTY = new Uint8Array(0);
let D: Uint8Array = EMPTY;
let P = 0;
let END = 0;
let OK = true;

function byte(): number { if (P >= END) { OK = false; return 0; } return D[P++]; }
function skip(n: number): void { if (END - P < n) { OK = false; P = END; } else P += n; }
function skipLeb(): void {
  while (P < END && (D[P] & 0x80)) P++;
  if (P >= END) OK = false; else P++;
}
function uleb(): number {
  let v = 0;
  let mul = 1;
  for (;;) {
    if (P >= END) { OK = false; return 0; }
    const b = D[P++];
    v += (b & 0x7f) * mul;
    mul *= 128;
    if (!(b & 0x80)) return v;
  }
}

/**
 * Skip CFA instructions from P to END; returns the offset after the last one that is not a
 * DW_CFA_nop (where the padding starts), -1 for an opcode GNU ld does not know, -2 for a
 * DW_CFA_set_loc when `noSetLoc`.
 */
function cfaEnd(ptrWidth: number, noSetLoc: boolean): number {
  const d = D;
  const end = END;
  let p = P;
  let last = p;
  // one pass with the cursor in a local (this loop sees every CFA byte of the link)
  while (p < end) {
    const op = d[p++];
    if (op === 0) continue;
    if (op >= 0x40) {
      if (op < 0xc0 && op >= 0x80) { while (p < end && d[p] >= 0x80) p++; if (p++ >= end) return -1; } // DW_CFA_offset
      last = p;
      continue;
    }
    let lebs = 0;
    let n = 0;
    switch (op) {
      case 0x0a: case 0x0b: case 0x2d: break; // remember_state, restore_state, GNU_window_save
      case 0x06: case 0x07: case 0x08: case 0x0d: case 0x0e: case 0x13: case 0x2e: lebs = 1; break;
      case 0x05: case 0x09: case 0x0c: case 0x11: case 0x12: case 0x14: case 0x15: case 0x2f: lebs = 2; break;
      case 0x0f: case 0x10: case 0x16: { // def_cfa_expression; expression, val_expression: [leb] + block
        if (op !== 0x0f) { while (p < end && d[p] >= 0x80) p++; if (p++ >= end) return -1; }
        P = p; END = end; OK = true;
        n = uleb();
        if (!OK) return -1;
        p = P;
        break;
      }
      case 0x01: if (noSetLoc) return -2; n = ptrWidth; break; // set_loc
      case 0x02: n = 1; break;
      case 0x03: n = 2; break;
      case 0x04: n = 4; break;
      case 0x1d: n = 8; break; // MIPS_advance_loc8
      default: return -1;
    }
    for (; lebs > 0; lebs--) { while (p < end && d[p] >= 0x80) p++; if (p++ >= end) return -1; }
    if (end - p < n) return -1;
    p += n;
    last = p;
  }
  P = p;
  return last;
}

/** Parse every live input .eh_frame (before --gc-sections, which uses the FDE lists). */
export function parseEhFrames(ctx: LinkContext): EhFrames {
  const eh = new EhFrames();
  const ptr = ctx.target.cls === 64 ? 8 : 4;
  for (const f of ctx.objects) {
    if (f.ehFrames === null) continue;
    for (const s of f.ehFrames) {
      if (s.discarded || s.size === 0 || s.type === 8) continue;
      const p = parseOne(eh, s, ptr);
      if (p !== null) { eh.parsed.set(s, p); eh.sections.push(p); }
      else {
        eh.failed = true;
        if (ctx.opts.ehFrameHdr) ctx.warnings.push(`${s.file.display}: error in ${s.file.display}(.eh_frame); no .eh_frame_hdr table will be created`);
      }
    }
  }
  D = EMPTY;
  if (ctx.opts.gcSections) {
    const fdes = new Map<InputSection, number[]>();
    for (const p of eh.sections) {
      const syms = p.sec.file.syms;
      const rl = p.sec.relocs;
      const u32 = rl.pool.u32;
      for (let i = p.base; i < p.base + p.n; i++) {
        if (eh.kind[i] !== KIND_FDE) continue;
        const sym = syms[u32[6 * (rl.start + eh.rel0[i]) + 3]];
        const target = sym !== undefined && sym.kind === SymKind.Defined ? sym.section : null;
        if (target === null) continue;
        const l = fdes.get(target);
        if (l) l.push(i); else fdes.set(target, [i]);
      }
    }
    eh.fdes = fdes;
  }
  return eh;
}

function parseOne(eh: EhFrames, sec: InputSection, ptr: number): EhSection | null {
  const d = sec.data;
  const size = sec.size;
  if (d.length < size) return null;
  const dv = new DataView(d.buffer, d.byteOffset, size);
  // count entries first
  let n = 0;
  for (let p = 0; p !== size;) {
    if (size - p < 4) return null;
    const len = dv.getUint32(p, true);
    n++;
    if (len === 0) break;
    if (len === 0xffffffff || len > size - p - 4 || len < 4) return null;
    p += 4 + len;
  }
  eh.grow(n);
  const base = eh.count;
  const rl = sec.relocs;
  const u32 = rl.pool.u32;
  const r0 = 6 * rl.start;
  const rc = rl.count;
  for (let k = 1; k < rc; k++) if (u32[r0 + 6 * k] < u32[r0 + 6 * (k - 1)]) return null;
  const syms = sec.file.syms;
  let ri = 0; // next relocation
  let pos = 0;
  let i = base;
  const cieList: number[] = []; // this section's CIEs (entry numbers)
  D = d;
  const off = eh.off, kind = eh.kind, cie = eh.cie, enc = eh.enc, perOff = eh.perOff, insOff = eh.insOff;
  const owner = eh.sections.length;
  const esize = eh.size, rel0 = eh.rel0, rel1 = eh.rel1, to = eh.to, own = eh.owner;
  while (pos !== size) {
    const len = dv.getUint32(pos, true);
    const end = pos + 4 + len;
    off[i] = pos;
    rel0[i] = ri;
    own[i] = owner;
    if (len === 0) {
      for (let q = pos; q < size; q += 4) if (size - q < 4 || dv.getUint32(q, true) !== 0) return null;
      if (ri < rc && u32[r0 + 6 * ri] < size) return null;
      kind[i] = KIND_TERM;
      esize[i] = 4;
      rel1[i] = ri;
      cie[i] = 0;
      i++;
      break;
    }
    const id = dv.getUint32(pos + 4, true);
    P = pos + 8;
    END = end;
    OK = true;
    let insnEnd: number;
    if (id === 0) {
      kind[i] = KIND_CIE;
      to[i] = -1;
      cieList.push(i);
      const version = byte();
      if (version !== 1 && version !== 3 && version !== 4) return null;
      const augStart = P;
      while (P < end && d[P] !== 0) P++;
      if (P >= end || P - augStart >= 20) return null;
      const augEnd = P;
      P++;
      if (ri < rc && u32[r0 + 6 * ri] < P) return null;
      let flags = 0;
      if (d[augStart] === 0x65 && d[augStart + 1] === 0x68) { // "eh": GCC < 3.0
        flags |= CIE_EH;
        skip(ptr);
        while (ri < rc && u32[r0 + 6 * ri] < P) ri++;
      }
      if (version >= 4) { if (byte() !== ptr || byte() !== 0) return null; }
      skipLeb(); skipLeb();
      if (version === 1) byte(); else skipLeb();
      if (!OK || (ri < rc && u32[r0 + 6 * ri] < P)) return null;
      let fdeEnc = DW_EH_PE_omit;
      if (!(flags & CIE_EH)) {
        let a = augStart;
        if (d[a] === 0x7a) { a++; flags |= CIE_Z; skipLeb(); if (ri < rc && u32[r0 + 6 * ri] < P) return null; } // 'z'
        for (; a < augEnd; a++) {
          const c = d[a];
          if (c === 0x42 || c === 0x53) continue; // 'B', 'S'
          if (c === 0x4c || c === 0x52) { // 'L', 'R'
            const e = byte();
            if (!OK || (ri < rc && u32[r0 + 6 * ri] < P) || encWidth(e, ptr) === 0) return null;
            if (c === 0x52) fdeEnc = e; else flags |= CIE_LSDA;
            continue;
          }
          if (c !== 0x50) return null; // 'P'
          const e = byte();
          const w = encWidth(e, ptr);
          if (!OK || w === 0) return null;
          if ((e & 0x70) === 0x50) skip(-P & (w - 1));
          if ((ri < rc && u32[r0 + 6 * ri] < P) || !(ri < rc && u32[r0 + 6 * ri] === P)) return null;
          perOff[i] = P - pos;
          while (ri < rc && u32[r0 + 6 * ri] === P) ri++;
          skip(w);
        }
      }
      if (!OK) return null;
      cie[i] = flags;
      enc[i] = fdeEnc === DW_EH_PE_omit ? 0 : fdeEnc;
      insOff[i] = P - pos;
      insnEnd = cfaEnd(encWidth(enc[i], ptr), true);
      if (insnEnd < 0) return null;
      if (ri < rc && u32[r0 + 6 * ri] < end) return null;
    } else {
      // FDE (the common case: kept short, it runs for every function of the link)
      kind[i] = KIND_FDE;
      const cieOff = pos + 4 - id;
      let c = cieList.length === 1 ? cieList[0] : -1;
      if (c < 0 || off[c] !== cieOff) {
        c = -1;
        for (let k = 0; k < cieList.length; k++) if (off[cieList[k]] === cieOff) { c = cieList[k]; break; }
        if (c < 0) return null;
      }
      cie[i] = c;
      if (ri >= rc || u32[r0 + 6 * ri] !== pos + 8) return null;
      const sym = syms[u32[r0 + 6 * ri + 3]];
      if (sym !== undefined && sym.section !== null && sym.section.file !== sec.file && sym.kind === SymKind.Defined) return null;
      ri++;
      const fenc = enc[c];
      enc[i] = fenc;
      const w = (fenc & 7) === 3 && (fenc & 0x60) !== 0x60 ? 4 : encWidth(fenc, ptr);
      const rangeAt = pos + 8 + w;
      P = rangeAt + w;
      if (P > end) return null;
      while (ri < rc && u32[r0 + 6 * ri] < rangeAt) ri++;
      if (!(ri < rc && u32[r0 + 6 * ri] === rangeAt)) {
        let zero = true;
        for (let q = rangeAt; q < P; q++) if (d[q] !== 0) zero = false;
        if (zero) cie[i] = -1; // GNU: "discarding zero address range FDE"
      }
      const cf = cie[c];
      if (cf & CIE_Z) {
        const a = d[P];
        if (a < 0x80 && P < end) P += 1 + a;
        else P += uleb();
      } else if (cf & CIE_LSDA) P = end;
      if (P > end || !OK) return null;
      // Where the DW_CFA_nop padding starts only matters to 4 bytes (entries are laid out 4-aligned):
      // fewer than 4 trailing zero bytes need no walk over the instructions (gcc pads FDEs to 4)
      if (d[end - 1] !== 0 || d[end - 2] !== 0 || d[end - 3] !== 0 || d[end - 4] !== 0) {
        insnEnd = end;
        while (insnEnd > P && d[insnEnd - 1] === 0) insnEnd--;
      } else {
        insnEnd = cfaEnd(w, false);
        if (insnEnd < 0) return null;
      }
      while (ri < rc && u32[r0 + 6 * ri] < end) ri++;
    }
    esize[i] = insnEnd - pos;
    rel1[i] = ri;
    i++;
    pos = end;
  }
  if (ri !== rc) return null;
  eh.count = i;
  return { sec, base, n: i - base, rawSize: size };
}

/** FDEs (and their CIEs) of a live function section: gc.ts marks what their relocations name. */
export function markFdes(ctx: LinkContext, sec: InputSection, mark: (s: InputSection) => void): void {
  const eh = ctx.ehFrames;
  const l = eh?.fdes?.get(sec);
  if (!eh || !l) return;
  for (const i of l) {
    markRelocs(eh, i, mark);
    if (eh.cie[i] >= 0) markRelocs(eh, eh.cie[i], mark);
  }
}

function markRelocs(eh: EhFrames, i: number, mark: (s: InputSection) => void): void {
  const sec = eh.sections[eh.owner[i]].sec;
  const rl = sec.relocs;
  const u32 = rl.pool.u32;
  const syms = sec.file.syms;
  for (let k = eh.rel0[i]; k < eh.rel1[i]; k++) {
    const s = syms[u32[6 * (rl.start + k) + 3]];
    if (s && s.kind === SymKind.Defined && s.section) mark(s.section);
  }
}

/** Create the (empty) .eh_frame_hdr input section for --eh-frame-hdr, before sections are mapped. */
export function createEhFrameHdr(ctx: LinkContext): void {
  if (!ctx.opts.ehFrameHdr || !ctx.ehFrames) return;
  const s = new InputSection(ctx.internal, -1, '.eh_frame_hdr', SHT_PROGBITS, SHF_ALLOC, 4, 0, new Uint8Array(0), RelocList.EMPTY, 0);
  ctx.internal.sections.push(s);
  ctx.ehFrames.hdr = s;
}

/**
 * Remove and merge entries of the input sections mapped to the output section .eh_frame; new
 * section sizes and contents (CIE pointers are written by fillEhFrames once offsets are known).
 */
export function editEhFrames(ctx: LinkContext, cmds: LCmd[]): void {
  const eh = ctx.ehFrames;
  if (!eh) return;
  // the input sections of the output .eh_frame in order
  const list: InputSection[] = [];
  for (const c of cmds) {
    if (c.k !== 'osec' || c.out.name !== '.eh_frame') continue;
    for (const st of c.stmts) if (st.k === 'secs') for (const s of st.secs) if (!s.discarded) list.push(s);
  }
  const ptr = ctx.target.cls === 64 ? 8 : 4;
  const cies = new Map<string, number>();
  const symIds = new Map<Sym, number>();
  let outAlign = 1;
  for (const s of list) outAlign = Math.max(outAlign, s.align);
  for (let li = 0; li < list.length; li++) {
    const p = eh.parsed.get(list[li]);
    if (p === undefined) continue;
    const syms = p.sec.file.syms;
    const u32 = p.sec.relocs.pool.u32;
    const r0 = 6 * p.sec.relocs.start;
    const lastInput = li === list.length - 1;
    const end = p.base + p.n;
    for (let i = p.base; i < end; i++) {
      const k = eh.kind[i];
      if (k === KIND_TERM) { eh.kept[i] = lastInput ? 1 : 0; continue; }
      if (k !== KIND_FDE || eh.cie[i] < 0) continue;
      const sym = syms[u32[r0 + 6 * eh.rel0[i] + 3]];
      if (sym !== undefined && sym.kind === SymKind.Defined && sym.section !== null && sym.section.discarded) continue;
      eh.kept[i] = 1;
      eh.fdeCount++;
      eh.to[i] = mergedCie(eh, p, eh.cie[i], cies, symIds);
    }
    // new offsets: entries 4-aligned, FDEs with 8-byte addresses 8-aligned
    let off = 0;
    for (let i = p.base; i < end; i++) {
      if (!eh.kept[i]) continue;
      let a = 4;
      if (eh.kind[i] === KIND_FDE && encWidth(eh.enc[i], ptr) === 8) a = 8;
      off = (off + a - 1) & -a;
      eh.newOff[i] = off;
      off += eh.size[i];
    }
    p.sec.size = (off + 3) & ~3;
    eh.edited.push(p);
  }
  // trailing empty sections go; every section before the last non-empty one is padded to the
  // output alignment (inside its last entry)
  let t = list.length - 1;
  for (; t >= 0; t--) {
    const sz = list[t].size;
    if (sz === 0) list[t].discarded = true;
    else if (sz > 4) break;
  }
  for (let i = t - 1; i >= 0; i--) {
    const s = list[i];
    s.size = (s.size + outAlign - 1) & -outAlign;
  }
  for (const p of eh.edited) rebuild(eh, p);
  const hdr = eh.hdr;
  if (hdr === null) return;
  hdr.size = list.some((s) => s.size > 8) ? 8 + (eh.failed ? 0 : 4 + 8 * eh.fdeCount) : 0;
  if (hdr.size) {
    // a hidden symbol for systems without access to the program headers, as GNU ld defines
    const g = symbolFor(ctx, '__GNU_EH_FRAME_HDR');
    if (g.kind !== SymKind.Defined) {
      g.kind = SymKind.Defined;
      g.section = hdr;
      g.value = 0n;
      g.visibility = 2;
      g.forcedLocal = true;
    }
  }
}

/** The CIE an FDE of section `p` using CIE `i` gets in the output (GNU's find_merged_cie). */
function mergedCie(eh: EhFrames, p: EhSection, i: number, cies: Map<string, number>, symIds: Map<Sym, number>): number {
  if (eh.kept[i]) return i;
  if (eh.to[i] >= 0) return eh.to[i];
  eh.kept[i] = 1;
  // GNU never merges "eh" CIEs and compares at most 50 bytes of initial instructions
  if (eh.cie[i] & CIE_EH) return i;
  const d = p.sec.data;
  const off = eh.off[i];
  const size = eh.size[i];
  let per = '';
  if (eh.perOff[i]) {
    const syms = p.sec.file.syms;
    const rl = p.sec.relocs;
    let k = eh.rel0[i];
    while (k < eh.rel1[i] && rl.offset(k) !== off + eh.perOff[i]) k++;
    const symIdx = rl.symbol(k);
    const sym = syms[symIdx];
    if (!sym) return i;
    if (sym.isLocal) {
      if (!sym.section || sym.section.discarded) return i;
      per = `L${p.sec.file.order}:${symIdx}`;
    } else {
      let id = symIds.get(sym);
      if (id === undefined) { id = symIds.size; symIds.set(sym, id); }
      per = `G${id}`;
    }
  }
  if (size - eh.insOff[i] > 50) return i;
  // the CIE's bytes (trimmed length, version, augmentation, alignment factors, encodings,
  // initial instructions) and its personality symbol identify it
  const key = `${per}|${size}|${Buffer.from(d.buffer, d.byteOffset + off + 8, size - 8).toString('latin1')}`;
  const prev = cies.get(key);
  if (prev === undefined) { cies.set(key, i); return i; }
  eh.kept[i] = 0;
  eh.to[i] = prev;
  return prev;
}

/** New contents, relocations moved with their entries, symbols moved. */
function rebuild(eh: EhFrames, p: EhSection): void {
  const sec = p.sec;
  const old = sec.data;
  const out = new Uint8Array(sec.size);
  const dv = new DataView(out.buffer);
  const rl = sec.relocs;
  const u32 = rl.pool.u32;
  const { off, newOff, kept, rel0, rel1, kind } = eh;
  const size = eh.size;
  const end = p.base + p.n;
  let next: number;
  let runEnd = -1; // old end of the run of kept entries moved by the same distance (copied at once)
  let runDelta = 0;
  let runStart = 0;
  for (let i = end - 1; i >= p.base; i--) {
    const isKept = kept[i] === 1;
    const delta = newOff[i] - off[i];
    for (let k = rel0[i]; k < rel1[i]; k++) {
      const w = 6 * (rl.start + k);
      if (isKept) u32[w] += delta;
      else u32[w + 2] = 0; // R_*_NONE
    }
    if (!isKept) continue;
    if (kind[i] !== KIND_TERM) { // the terminator is 4 zero bytes
      // kept entries moved by the same distance are copied at once: the bytes between them are the
      // first one's trailing DW_CFA_nop padding (zeros), in the input as in the output
      if (runEnd >= 0 && delta === runDelta && off[i] + size[i] <= runStart) runStart = off[i];
      else {
        if (runEnd >= 0) out.set(old.subarray(runStart, runEnd), runStart + runDelta);
        runStart = off[i];
        runEnd = off[i] + size[i];
        runDelta = delta;
      }
    }
  }
  if (runEnd >= 0) out.set(old.subarray(runStart, runEnd), runStart + runDelta);
  // lengths: each entry reaches the next one (the gap is DW_CFA_nop)
  next = sec.size;
  for (let i = end - 1; i >= p.base; i--) {
    if (!kept[i]) continue;
    if (kind[i] !== KIND_TERM) dv.setUint32(newOff[i], next - newOff[i] - 4, true);
    next = newOff[i];
  }
  // symbols defined in the section (read-input.ts lists them: there are seldom any) follow their
  // entry; a removed entry's go to the next kept one
  const ehSyms = sec.file.ehSyms;
  if (ehSyms !== null) {
    for (const k of ehSyms) {
      const s = sec.file.syms[k];
      if (s.section === sec && s.kind === SymKind.Defined) s.value = BigInt(newPosition(eh, p, Number(s.value)));
    }
  }
  sec.data = out;
}

function newPosition(eh: EhFrames, p: EhSection, v: number): number {
  const end = p.base + p.n;
  let i = -1;
  for (let k = p.base; k < end; k++) if (eh.off[k] <= v) i = k; else break;
  if (i < 0) return v;
  if (eh.kept[i]) return eh.newOff[i] + (v - eh.off[i]);
  for (let k = i + 1; k < end; k++) if (eh.kept[k]) return eh.newOff[k];
  return p.sec.size;
}

/** After layout: the CIE pointer of each kept FDE (the distance back to its CIE in the output). */
export function fillEhFrames(ctx: LinkContext): void {
  const eh = ctx.ehFrames;
  if (!eh) return;
  for (const p of eh.edited) {
    const d = p.sec.data;
    const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
    const base = p.sec.offset;
    for (let i = p.base; i < p.base + p.n; i++) {
      if (!eh.kept[i] || eh.kind[i] !== KIND_FDE) continue;
      const c = eh.to[i];
      const v = (base + eh.newOff[i] + 4) - (eh.sections[eh.owner[c]].sec.offset + eh.newOff[c]);
      dv.setUint32(eh.newOff[i] + 4, v >>> 0, true);
    }
  }
}

/** Write .eh_frame_hdr from the relocated .eh_frame in the output image `buf`. */
export function writeEhFrameHdr(ctx: LinkContext, buf: Uint8Array): void {
  const eh = ctx.ehFrames;
  const hdr = eh?.hdr;
  if (!eh || !hdr || !hdr.out || hdr.size === 0 || hdr.discarded) return;
  const ehOut = ctx.outputs.find((o) => o.name === '.eh_frame' && !o.removed);
  const hdrAddr = hdr.out.addr + BigInt(hdr.offset);
  const at = hdr.out.offset + hdr.offset;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  buf[at] = 1;
  buf[at + 1] = 0x1b; // pcrel | sdata4
  const ehAddr = ehOut ? ehOut.addr : 0n;
  dv.setInt32(at + 4, Number(BigInt.asIntN(32, ehAddr - (hdrAddr + 4n))), true);
  if (hdr.size === 8) { buf[at + 2] = 0xff; buf[at + 3] = 0xff; return; }
  buf[at + 2] = 0x03; // udata4
  buf[at + 3] = 0x3b; // datarel | sdata4
  const ptr = ctx.target.cls === 64 ? 8 : 4;
  const n = eh.fdeCount;
  const loc = new Float64Array(n);
  const range = new Float64Array(n);
  const fde = new Float64Array(n);
  let k = 0;
  for (const p of eh.edited) {
    const o = p.sec.out!;
    for (let i = p.base; i < p.base + p.n; i++) {
      if (!eh.kept[i] || eh.kind[i] !== KIND_FDE) continue;
      const addr = Number(o.addr) + p.sec.offset + eh.newOff[i];
      const q = o.offset + p.sec.offset + eh.newOff[i] + 8;
      const enc = eh.enc[i];
      const w = encWidth(enc, ptr);
      let v = readValue(dv, q, w, (enc & 0x08) !== 0);
      if (v !== 0) {
        if ((enc & 0x70) === 0x10) v += addr + 8; // pcrel
        else if ((enc & 0x70) === 0x30) v += Number(gotBase(ctx)); // datarel (i386: the GOT)
      }
      if (ptr === 4) v = v >>> 0;
      loc[k] = v;
      range[k] = readValue(dv, q + w, w, false);
      fde[k] = addr;
      k++;
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => loc[a] - loc[b] || range[a] - range[b]);
  dv.setUint32(at + 8, k, true);
  const h = Number(hdrAddr);
  let overlap = false;
  for (let j = 0; j < k; j++) {
    const x = order[j];
    dv.setInt32(at + 12 + 8 * j, loc[x] - h, true);
    dv.setInt32(at + 16 + 8 * j, fde[x] - h, true);
    if (j > 0 && loc[x] < loc[order[j - 1]] + range[order[j - 1]]) overlap = true;
  }
  if (overlap) throw new LinkError('.eh_frame_hdr refers to overlapping FDEs');
}

function readValue(dv: DataView, p: number, w: number, signed: boolean): number {
  switch (w) {
    case 2: return signed ? dv.getInt16(p, true) : dv.getUint16(p, true);
    case 4: return signed ? dv.getInt32(p, true) : dv.getUint32(p, true);
    case 8: return Number(signed ? dv.getBigInt64(p, true) : dv.getBigUint64(p, true));
    default: return 0;
  }
}
