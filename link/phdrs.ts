/**
 * Program headers and file offsets.
 *
 * Without a PHDRS command the segments are made the way BFD does for GNU ld: allocated sections in
 * LMA order go into one PT_LOAD until a section starts a new one: after a NOBITS section, when the
 * LMA-VMA difference changes, when there is a gap of a page or more, when a writable section
 * follows read-only ones on another page, or (with -z separate-code) when the section's
 * executability changes. The ELF and program headers are loaded as BFD decides (placeHeaders). Then come PT_NOTE (runs of note sections with one alignment),
 * PT_TLS, PT_GNU_PROPERTY, PT_GNU_EH_FRAME, PT_GNU_STACK and PT_GNU_RELRO.
 *
 * File offsets keep offset == vaddr modulo the page size inside demand-paged segments; NOBITS
 * sections take the current offset and no space; non-allocated sections follow at the end.
 */
import { PF_R, PF_W, PF_X, PT_GNU_EH_FRAME, PT_GNU_PROPERTY, PT_GNU_RELRO, PT_GNU_STACK, PT_LOAD, PT_NOTE, PT_TLS,
  SHF_ALLOC, SHF_EXECINSTR, SHF_TLS, SHF_WRITE, SHT_NOBITS, SHT_NOTE } from '../elf/constants';
import { ehdrSize, phdrSize } from '../elf/headers';
import { LinkContext, OutputSection } from './context';
import { LinkError } from './error';
import { evalExpr, EvalEnv } from './script-eval';

export interface Segment {
  type: number;
  flags: number;
  sections: OutputSection[];
  vaddr: bigint;
  paddr: bigint;
  offset: number;
  filesz: number;
  memsz: number;
  align: number;
  headers: boolean;
  phdrs: boolean;
  fixedFlags: boolean;
  fixedPaddr: boolean;
}

function newSeg(type: number, flags = 0): Segment {
  return { type, flags, sections: [], vaddr: 0n, paddr: 0n, offset: 0, filesz: 0, memsz: 0, align: 1, headers: false, phdrs: false, fixedFlags: false, fixedPaddr: false };
}

const isAlloc = (o: OutputSection): boolean => (o.flags & SHF_ALLOC) !== 0;
const isTbss = (o: OutputSection): boolean => (o.flags & SHF_TLS) !== 0 && o.type === SHT_NOBITS;
const secFlags = (o: OutputSection): number => PF_R | (o.flags & SHF_WRITE ? PF_W : 0) | (o.flags & SHF_EXECINSTR ? PF_X : 0);

export function pageSize(ctx: LinkContext): number {
  return ctx.opts.maxPageSize ?? ctx.target.maxPageSize;
}

export function paged(ctx: LinkContext): boolean { return !ctx.opts.omagic && !ctx.opts.nmagic; }

/** Make the segment list (before file offsets are known). */
export function buildSegments(ctx: LinkContext, outs: OutputSection[], env: EvalEnv | null): Segment[] {
  if (ctx.script.phdrs) return scriptSegments(ctx, outs, env);
  const page = BigInt(pageSize(ctx));
  const allocs = outs.filter((o) => isAlloc(o) && !o.removed);
  const order = allocs.map((o, i) => ({ o, i })).sort((a, b) => (a.o.lma < b.o.lma ? -1 : a.o.lma > b.o.lma ? 1 : a.i - b.i)).map((x) => x.o);
  const segs: Segment[] = [];
  let cur: Segment | null = null;
  let prev: OutputSection | null = null;
  const isPaged = paged(ctx);
  for (const o of order) {
    if (isTbss(o) && prev && cur) { cur.sections.push(o); continue; }
    let start = !cur;
    if (cur && prev && isPaged) {
      const prevEnd = prev.lma + BigInt(prev.type === SHT_NOBITS && !isTbss(prev) ? prev.size : prev.size);
      const writable = (cur.flags & PF_W) !== 0;
      if (prev.type === SHT_NOBITS && !isTbss(prev) && o.type !== SHT_NOBITS) start = true;
      else if (o.lma - o.addr !== prev.lma - prev.addr) start = true;
      else if (o.lma < prevEnd) start = true;
      else if (alignUp(prevEnd, page) < alignDown(o.lma, page)) start = true;
      else if (!writable && (o.flags & SHF_WRITE) && alignDown(prevEnd - 1n, page) !== alignDown(o.lma, page)) start = true;
      else if (ctx.opts.separateCode && ((cur.flags & PF_X) !== 0) !== ((o.flags & SHF_EXECINSTR) !== 0)
        && alignDown(prevEnd - 1n, page) !== alignDown(o.lma, page)) start = true;
    } else if (cur && prev && !isPaged && ctx.opts.nmagic) {
      if (((cur.flags & PF_W) === 0) && (o.flags & SHF_WRITE)) start = true;
    }
    if (start) {
      cur = newSeg(PT_LOAD);
      cur.align = isPaged ? pageSize(ctx) : 1;
      segs.push(cur);
    }
    cur!.sections.push(o);
    cur!.flags |= secFlags(o);
    if (!isPaged) cur!.align = Math.max(cur!.align, o.align);
    prev = o;
  }
  if (ctx.opts.omagic && segs.length) segs[0].flags = PF_R | PF_W | PF_X;
  if (segs.length && isPaged) placeHeaders(ctx, segs, page);
  // notes
  let noteRun: Segment | null = null;
  let lastNote: OutputSection | null = null;
  const notes: Segment[] = [];
  for (const o of allocs) {
    if (o.type !== SHT_NOTE) { lastNote = null; noteRun = null; continue; }
    if (!noteRun || !lastNote || lastNote.align !== o.align) { noteRun = newSeg(PT_NOTE, PF_R); noteRun.align = o.align; notes.push(noteRun); }
    noteRun.sections.push(o);
    lastNote = o;
  }
  segs.push(...notes);
  const tls = allocs.filter((o) => o.flags & SHF_TLS);
  if (tls.length) { const s = newSeg(PT_TLS, PF_R); s.sections = tls; s.align = Math.max(...tls.map((o) => o.align)); segs.push(s); }
  const prop = allocs.find((o) => o.name === '.note.gnu.property');
  if (prop) { const s = newSeg(PT_GNU_PROPERTY, PF_R); s.sections = [prop]; s.align = prop.align; segs.push(s); }
  const ehh = allocs.find((o) => o.name === '.eh_frame_hdr');
  if (ehh && ehh.size > 0) { const s = newSeg(PT_GNU_EH_FRAME, PF_R); s.sections = [ehh]; s.align = ehh.align; segs.push(s); }
  // PT_GNU_STACK only when every object says what it needs (or -z [no]execstack decides)
  if (ctx.opts.execstack || ctx.opts.noexecstack || ctx.objects.every((f) => f.hasStackNote)) {
    const stack = newSeg(PT_GNU_STACK, PF_R | PF_W | (execStack(ctx) ? PF_X : 0));
    stack.align = 16;
    segs.push(stack);
  }
  const ds = ctx.dataSeg;
  if (ctx.opts.relro && ds.seenAlign && ds.relroEnd > ds.base && !ctx.opts.relocatable) {
    const rs = allocs.filter((o) => o.addr >= ds.base && o.addr < ds.relroEnd && !(isTbss(o) && false));
    if (rs.length) { const s = newSeg(PT_GNU_RELRO, PF_R); s.sections = rs; s.align = 1; segs.push(s); }
  }
  return segs;
}

/**
 * Where the ELF and program headers go (BFD's rule): they are loaded when the script asked for
 * SIZEOF_HEADERS or when the first section's page offset leaves room for them below it. Their page
 * is the one holding (first LMA - headers size); with -z separate-code and a code section first they
 * get a read-only PT_LOAD of their own — one page lower when that page is the first section's, or
 * in the first segment after all when there is no lower page. Headers that would sit above the
 * first section or below address 0 are not loaded.
 */
function placeHeaders(ctx: LinkContext, segs: Segment[], page: bigint): void {
  const first = segs[0].sections[0];
  const hdr = BigInt(ctx.sizeofHeaders);
  const bits = ctx.target.cls;
  let inSegment = ctx.loadPhdrs || first.lma % page >= hdr % page;
  if (!inSegment) return;
  let phdrLma = alignDown(BigInt.asUintN(bits, first.lma - hdr), page);
  let separate = false;
  if (ctx.opts.separateCode && (first.flags & SHF_EXECINSTR)) {
    separate = true;
    if (alignDown(phdrLma + hdr - 1n, page) === alignDown(first.lma, page)) {
      if (phdrLma >= page) phdrLma -= page;
      else separate = false;
    }
  }
  if (first.lma < phdrLma || first.lma < hdr) inSegment = false;
  else if (separate) {
    // (sic) the headers' address is one page below the first section's page only in the LMA
    const h = newSeg(PT_LOAD);
    h.headers = true; h.phdrs = true; h.flags = PF_R; h.align = pageSize(ctx);
    h.vaddr = alignDown(BigInt.asUintN(bits, first.addr - hdr), page);
    h.paddr = phdrLma;
    segs.unshift(h);
    inSegment = false;
  }
  if (inSegment) { segs[0].headers = true; segs[0].phdrs = true; }
}

function execStack(ctx: LinkContext): boolean {
  if (ctx.opts.execstack) return true;
  if (ctx.opts.noexecstack) return false;
  return ctx.objects.some((f) => f.execStack);
}

function scriptSegments(ctx: LinkContext, outs: OutputSection[], env: EvalEnv | null): Segment[] {
  const descs = ctx.script.phdrs!;
  const segs = descs.map((d) => {
    const s = newSeg(d.type);
    s.headers = d.fileHdr;
    s.phdrs = d.phdrs;
    if (d.flags && env) { s.flags = Number(evalExpr(env, d.flags).v); s.fixedFlags = true; }
    if (d.at && env) { s.paddr = evalExpr(env, d.at).v; s.fixedPaddr = true; }
    s.align = d.type === PT_LOAD ? pageSize(ctx) : 1;
    return s;
  });
  const byName = new Map(descs.map((d, i) => [d.name, segs[i]]));
  let last: string[] = [];
  for (const o of outs) {
    if (o.removed || !isAlloc(o)) continue;
    let names = o.phdrNames.length ? o.phdrNames : last;
    if (o.phdrNames.length) last = o.phdrNames;
    if (names.includes('NONE')) names = [];
    for (const n of names) {
      const s = byName.get(n);
      if (!s) throw new LinkError(`section \`${o.name}' assigned to non-existent phdr \`${n}'`);
      s.sections.push(o);
      if (!s.fixedFlags) s.flags |= secFlags(o);
      if (s.type !== PT_LOAD) s.align = Math.max(s.align, o.align);
    }
  }
  for (const s of segs) if (!s.fixedFlags && s.headers) s.flags |= PF_R;
  return segs;
}

const alignUp = (v: bigint, a: bigint): bigint => ((v + a - 1n) / a) * a;
const alignDown = (v: bigint, a: bigint): bigint => (v / a) * a;

/** Size of the ELF header plus the program headers. */
export function headersSize(ctx: LinkContext, phnum: number): number {
  return ehdrSize(ctx.target.cls) + phnum * phdrSize(ctx.target.cls);
}

/** Give every output section its file offset and every segment its fields; returns the end offset. */
export function assignFileOffsets(ctx: LinkContext, outs: OutputSection[], segs: Segment[]): number {
  const page = pageSize(ctx);
  const isPaged = paged(ctx);
  let off = headersSize(ctx, segs.length);
  const loads = segs.filter((s) => s.type === PT_LOAD);
  const placed = new Set<OutputSection>();
  for (const seg of loads) {
    const secs = seg.sections;
    if (secs.length === 0) {
      if (seg.headers && !seg.vaddr) { seg.offset = 0; seg.vaddr = seg.fixedPaddr ? seg.paddr : 0n; }
      continue;
    }
    const first = secs[0];
    if (seg.headers) {
      const hdr = BigInt(headersSize(ctx, segs.length));
      if (first.addr < hdr) throw new LinkError('not enough room for program headers, try linking with -N');
      // the segment starts at the page of (first address - headers size), file offset 0
      first.offset = isPaged ? Number(first.addr - alignDown(first.addr - hdr, BigInt(page))) : Number(hdr);
    } else if (isPaged) {
      const want = Number(first.addr % BigInt(page));
      first.offset = off + ((want - (off % page)) % page + page) % page;
    } else {
      first.offset = alignNum(off, first.align);
    }
    placed.add(first);
    let fileEnd = first.offset + (first.type === SHT_NOBITS ? 0 : first.size);
    for (let i = 1; i < secs.length; i++) {
      const o = secs[i];
      if (placed.has(o)) continue;
      placed.add(o);
      if (o.type === SHT_NOBITS) { o.offset = fileEnd; continue; }
      o.offset = first.offset + Number(o.addr - first.addr);
      if (o.offset < fileEnd) o.offset = alignNum(fileEnd, o.align);
      fileEnd = o.offset + o.size;
    }
    off = Math.max(off, fileEnd);
  }
  // allocated sections outside any load segment, then the rest
  for (const o of outs) {
    if (o.removed || placed.has(o)) continue;
    if (isAlloc(o) && o.type !== SHT_NOBITS) { o.offset = alignNum(off, o.align); off = o.offset + o.size; placed.add(o); }
  }
  for (const o of outs) {
    if (o.removed || placed.has(o)) continue;
    if (o.type === SHT_NOBITS) { o.offset = off; continue; }
    o.offset = alignNum(off, o.align);
    off = o.offset + o.size;
  }
  fillSegments(ctx, segs);
  return off;
}

function alignNum(v: number, a: number): number { return a > 1 ? Math.ceil(v / a) * a : v; }

function fillSegments(ctx: LinkContext, segs: Segment[]): void {
  const hdr = headersSize(ctx, segs.length);
  for (const s of segs) {
    if (s.type === PT_GNU_STACK) continue;
    const secs = s.sections;
    if (!secs.length) {
      if (s.headers && s.type === PT_LOAD) {
        // a headers-only load segment (separate code): vaddr/paddr were set when it was made
        s.offset = 0;
        s.filesz = s.memsz = hdr;
      } else if (s.headers || s.phdrs) {
        const load = segs.find((x) => x.type === PT_LOAD && x.headers && x.sections.length);
        const eh = ehdrSize(ctx.target.cls);
        const base = load ? load.sections[0].addr - BigInt(load.sections[0].offset) : 0n;
        s.offset = s.headers ? 0 : eh;
        s.vaddr = base + BigInt(s.offset);
        s.filesz = s.memsz = s.headers ? hdr : hdr - eh;
        if (!s.fixedPaddr) s.paddr = s.vaddr;
        if (!s.fixedFlags) s.flags = PF_R;
        s.align = ctx.target.cls === 64 ? 8 : 4;
      }
      continue;
    }
    const first = secs[0];
    const last = secs[secs.length - 1];
    if (s.headers && s.type === PT_LOAD) {
      s.offset = 0;
      s.vaddr = first.addr - BigInt(first.offset);
      if (!s.fixedPaddr) s.paddr = first.lma - BigInt(first.offset);
    } else {
      s.offset = first.offset;
      s.vaddr = first.addr;
      if (!s.fixedPaddr) s.paddr = first.lma;
    }
    let fileEnd = s.offset;
    let memEnd = s.vaddr;
    // a load segment's extent follows the load addresses (overlay members share their VMA)
    const byLma = s.type === PT_LOAD;
    for (const o of secs) {
      if (o.type !== SHT_NOBITS) fileEnd = Math.max(fileEnd, o.offset + o.size);
      const at = byLma ? o.lma - first.lma + first.addr : o.addr;
      if (!isTbss(o) || s.type === PT_TLS) memEnd = maxB(memEnd, at + BigInt(o.size));
    }
    s.filesz = fileEnd - s.offset;
    s.memsz = Number(memEnd - s.vaddr);
    if (s.type === PT_GNU_RELRO) {
      const end = ctx.dataSeg.relroEnd;
      s.memsz = Number(end - s.vaddr);
      s.filesz = s.memsz;
    }
    void last;
  }
}

const maxB = (a: bigint, b: bigint): bigint => (a > b ? a : b);
