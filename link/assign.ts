/**
 * Output-section layout, second half: walk the layout commands and give every output section its
 * address (VMA) and load address (LMA), every input section its offset, and every script symbol
 * its value. Runs to a fixed point, because SIZEOF_HEADERS depends on the number of program
 * headers, scripts may refer forward to symbols and sections, and the relro adjustment of
 * DATA_SEGMENT_ALIGN moves the data segment so that the relro part ends on a page boundary.
 *
 * GNU rules kept here: empty output sections are removed before addresses are given (so their
 * alignment does not move `.`) unless a statement in them assigns to `.` or emits data; .tbss
 * takes no address space; non-allocated sections live at address 0 and do not move `.`; without
 * AT() the LMA keeps the previous section's LMA-VMA difference unless the section has an address.
 */
import { SHF_ALLOC, SHF_TLS, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS, STB_GLOBAL } from '../elf/constants';
import { InputSection, LinkContext, OutKind, OutputSection, Sym, SymKind } from './context';
import { LinkError } from './error';
import { LCmd, LSection, LStmt } from './layout';
import { Assign, AssertCmd, ProvideKind } from './script-ast';
import { alignUp, evalExpr, EvalEnv, Region, rel, Val } from './script-eval';
import { symbolFor } from './symbols';

const MERGE_STRINGS = 0x10 | 0x20;
const MERGE_KEEP = ~(MERGE_STRINGS | 0x200) >>> 0; // output flags drop SHF_MERGE, SHF_STRINGS, SHF_GROUP

/** Compute output section attributes from their contents and mark the empty ones removed. */
export function prepareOutputs(ctx: LinkContext, cmds: LCmd[]): OutputSection[] {
  const outs: OutputSection[] = [];
  for (const c of cmds) {
    if (c.k !== 'osec') continue;
    const o = c.out;
    if (outs.includes(o)) continue;
    outs.push(o);
    let flags = 0;
    let progbits = false;
    let type = 0;
    let align = 1;
    let entsize = -1;
    // SHF_MERGE|SHF_STRINGS stay on the output when every input has the same ones (and entry size), as in GNU ld
    let mergeBits = -1;
    let content = false;
    let anyInput = false;
    // GNU ld creates the section with the first statement that needs it: a data statement makes it
    // read-only, an assignment makes it with no flags (writable once allocated)
    let firstMaker: 'data' | 'assign' | '' = '';
    for (const lc of cmds) {
      if (lc.k !== 'osec' || lc.out !== o) continue;
      for (const s of lc.stmts) {
        if (s.k === 'secs') {
          for (const sec of s.secs) {
            if (sec.discarded) continue;
            anyInput = true;
            flags |= sec.flags;
            if (sec.type !== SHT_NOBITS) { progbits = true; if (type === 0 || type === SHT_PROGBITS) type = sec.type; }
            align = Math.max(align, sec.align);
            if (entsize === -1) entsize = sec.entsize; else if (entsize !== sec.entsize) entsize = 0;
            const mb = sec.flags & MERGE_STRINGS;
            if (mergeBits === -1) mergeBits = mb; else if (mb !== mergeBits || (mb !== 0 && entsize === 0)) mergeBits = 0;
            if (sec.size > 0 || ctx.opts.relocatable) content = true;
          }
        } else if (s.k === 'data') { content = true; progbits = true; if (!firstMaker) firstMaker = 'data'; }
        else if (s.k === 'assign') {
          if (!firstMaker) firstMaker = 'assign';
          if (s.a.name === '.' && !trivialDotAssign(s.a)) content = true;
        }
      }
      const d = lc.desc;
      if (d && d.type === 'NOLOAD') o.kind = OutKind.NoLoad;
      if (d && (d.type === 'INFO' || d.type === 'COPY' || d.type === 'DSECT' || d.type === 'OVERLAY')) o.kind = OutKind.Info;
      // an OVERLAY's :phdr list and >region go to each member that has none of its own (GNU lang_leave_overlay)
      if (d) {
        o.phdrNames = d.phdrs.length || !d.overlay ? d.phdrs : d.overlay.phdrs;
        o.regionName = d.region || (d.overlay ? d.overlay.region : '');
        o.lmaRegionName = d.lmaRegion;
      }
    }
    o.flags = ((flags & MERGE_KEEP) | (mergeBits > 0 ? mergeBits : 0)) >>> 0;
    o.type = progbits ? (type || SHT_PROGBITS) : (content ? SHT_NOBITS : SHT_PROGBITS);
    if (!progbits && flags === 0 && content) { o.type = SHT_PROGBITS; }
    if (o.kind === OutKind.NoLoad && (o.flags & SHF_ALLOC)) o.type = SHT_NOBITS;
    if (o.kind === OutKind.Info) o.flags &= ~SHF_ALLOC;
    if (o.flags === 0 && content && !progbits) o.flags = 0;
    // no input sections, only data or `.` moves: GNU ld makes it allocated, loaded and writable
    if ((!progbits || !anyInput) && !(flags & SHF_ALLOC) && content) o.flags |= SHF_ALLOC | (anyInput || firstMaker !== 'data' ? SHF_WRITE : 0);
    if (o.kind === OutKind.Info) o.flags &= ~SHF_ALLOC;
    o.align = align;
    o.entsize = entsize > 0 ? entsize : 0;
    o.removed = !content;
  }
  return outs;
}

/** `. = .`-like assignments that do not keep an empty section (GNU ld's list). */
function trivialDotAssign(a: Assign): boolean {
  const e = a.expr;
  if (a.op !== '=') return false;
  if (e.k === 'num' && e.v === 0n) return true;
  if (e.k === 'bin' && e.op === '+' && e.a.k === 'dot' && e.b.k === 'num' && e.b.v === 0n) return true;
  // . = ALIGN(. != 0 ? n : 1)
  if (e.k === 'call' && e.fn === 'ALIGN' && e.args.length === 1) {
    const c = e.args[0];
    if (c.k === 'cond' && c.c.k === 'bin' && c.c.op === '!=' && c.c.a.k === 'dot' && c.c.b.k === 'num' && c.c.b.v === 0n && c.b.k === 'num' && c.b.v === 1n) return true;
  }
  return false;
}

interface PassState {
  env: EvalEnv;
  /** Per VMA region (null: the default region): the last section placed there, for the LMA rule. */
  lastInRegion: Map<Region | null, OutputSection>;
  /** The previous output section statement: its `>region` and LMA region (GNU propagates the latter). */
  prevRegions: { region: string; lmaRegion: string } | null;
  prevOut: OutputSection | null;
  overlayEnd: Map<object, bigint>;
  /** For GNU's section_for_dot: the commands, the one being run, the output sections in order, the
   *  last output section statement and whether `.` was assigned at the top level since. */
  cmds: LCmd[];
  cmdIndex: number;
  outList: OutputSection[];
  curSection: OutputSection | null;
  preferNext: boolean;
  /** A removed (empty) output section whose assignments are being run. */
  removedOut: OutputSection | null;
}

/** One layout pass over the commands. `final` turns on errors for things that may settle later. */
export function assignPass(ctx: LinkContext, cmds: LCmd[], outputs: Map<string, OutputSection>, regions: Map<string, Region>,
                           final: boolean): void {
  for (const r of regions.values()) r.cur = r.origin;
  const env: EvalEnv = {
    ctx, dot: 0n, cur: null, final, outputs, regions, assigned: new Set(),
    src: ctx.script.sections.length ? { file: '', text: '' } : { file: '', text: '' },
    maxPage: BigInt(ctx.opts.maxPageSize ?? ctx.target.maxPageSize),
    commonPage: BigInt(ctx.opts.commonPageSize ?? ctx.target.commonPageSize),
  };
  const outList: OutputSection[] = [];
  for (const c of cmds) if (c.k === 'osec' && !outList.includes(c.out)) outList.push(c.out);
  const st: PassState = {
    env, lastInRegion: new Map(), prevRegions: null, prevOut: null, overlayEnd: new Map(),
    cmds, cmdIndex: 0, outList, curSection: null, preferNext: false, removedOut: null,
  };
  for (let ci = 0; ci < cmds.length; ci++) {
    const c = cmds[ci];
    st.cmdIndex = ci;
    if (c.k === 'assign') { env.cur = null; doAssign(st, c.a); if (c.a.name === '.') st.preferNext = true; continue; }
    if (c.k === 'assert') { env.cur = null; doAssert(st, c.a); continue; }
    layoutSection(ctx, st, c);
    st.curSection = c.out;
    st.preferNext = false;
  }
}

function doAssert(st: PassState, a: AssertCmd): void {
  st.env.src = a.script;
  const v = evalExpr(st.env, a.expr);
  if (st.env.final && v.v === 0n) throw new LinkError(a.msg || 'assertion failed');
}

function doAssign(st: PassState, a: Assign): void {
  const env = st.env;
  env.src = a.script;
  if (a.name === '.') {
    let v = evalExpr(env, a.expr);
    if (a.op !== '=') v = combine(env, a, rel(env.dot, env.cur), v);
    let nv = v.v;
    if (env.cur && v.num) nv = env.cur.addr + v.v;
    if (env.cur && nv < env.dot && env.final) {
      throw new LinkError(`${a.script.file}:${lineOf(a)}: cannot move location counter backwards (from ${hex(env.dot)} to ${hex(nv)})`);
    }
    env.dot = nv;
    return;
  }
  const existing = env.ctx.symbols.get(a.name);
  if (a.provide !== ProvideKind.None) {
    if (!existing || !existing.referenced) return;
    if (existing.kind === SymKind.Defined && !existing.scriptDefined) return;
    if (existing.kind === SymKind.Common) return;
    // __start_SEC/__stop_SEC are the linker's own when SEC exists
    const ss = /^__(start|stop)_(.*)$/.exec(a.name);
    if (ss && env.outputs.has(ss[2]) && !env.outputs.get(ss[2])!.removed) { if (a.hidden) { existing.visibility = 2; existing.forcedLocal = true; } return; }
  }
  env.relFromAbs = false;
  let v = evalExpr(env, a.expr);
  const fromDot = env.relFromAbs;
  if (a.op !== '=') {
    const old = existing && existing.kind === SymKind.Defined ? { v: existing.value, sec: existing.outSection, num: false } : { v: 0n, sec: null, num: true };
    v = combine(env, a, old, v);
  }
  const s = symbolFor(env.ctx, a.name);
  let addr = v.v;
  let sec: OutputSection | null = v.sec;
  if (v.num && env.cur) { addr = env.cur.addr + v.v; sec = env.cur; }
  // GNU ld: an absolute top-level value computed from `.` (or ALIGN(n), ORIGIN, SEGMENT_START)
  // gets a section for the symbol table by the statement's place (section_for_dot)
  if (!sec && !v.num && !env.cur && fromDot) sec = st.removedOut ?? sectionForDot(st);
  s.kind = SymKind.Defined;
  s.scriptDefined = true;
  s.section = null;
  s.value = addr;
  s.outSection = sec;
  s.absolute = !sec;
  if (s.binding !== 2 && s.binding !== STB_GLOBAL) s.binding = STB_GLOBAL;
  if (s.binding === 2 && !s.referenced) s.binding = STB_GLOBAL;
  if (a.hidden) { s.visibility = 2; s.forcedLocal = true; }
  if (s.type === 0 || s.type === 10) s.type = 0;
  env.assigned.add(a.name);
}

const forDot = (o: OutputSection): boolean => !o.removed && (o.flags & SHF_ALLOC) !== 0 && (o.flags & SHF_TLS) === 0;

/**
 * GNU ld's section_for_dot: a top-level symbol belongs to the previous output section statement's
 * section (or the last allocated one before it), unless `.` was assigned since (it then sets up the
 * next section): then to the next output section statement's (or the allocated one before it).
 */
function sectionForDot(st: PassState): OutputSection | null {
  const outs = st.outList;
  if (st.curSection === null || st.preferNext) {
    let next: OutputSection | null = null;
    for (let k = st.cmdIndex + 1; k < st.cmds.length; k++) {
      const c = st.cmds[k];
      if (c.k === 'osec' && !c.out.removed) { next = c.out; break; }
    }
    for (let i = next ? outs.indexOf(next) : outs.length - 1; i >= 0; i--) if (forDot(outs[i])) return outs[i];
    return null;
  }
  for (let i = outs.indexOf(st.curSection); i >= 0; i--) if (forDot(outs[i])) return outs[i];
  for (const o of outs) if (forDot(o)) return o;
  return null;
}

function combine(env: EvalEnv, a: Assign, old: Val, v: Val): Val {
  const op = a.op.slice(0, -1);
  const fake = { k: 'bin' as const, op, a: { k: 'num' as const, v: 0n }, b: { k: 'num' as const, v: 0n }, pos: a.pos };
  void fake;
  const x = old.v;
  const y = v.v;
  let r: bigint;
  switch (op) {
    case '+': r = x + y; break;
    case '-': r = x - y; break;
    case '*': r = x * y; break;
    case '/': if (y === 0n) throw new LinkError('division by zero'); r = x / y; break;
    case '%': if (y === 0n) throw new LinkError('division by zero'); r = x % y; break;
    case '<<': r = x << y; break;
    case '>>': r = x >> y; break;
    case '&': r = x & y; break;
    case '|': r = x | y; break;
    default: r = x ^ y;
  }
  return { v: BigInt.asUintN(64, r), sec: old.sec, num: old.num && v.num };
}

function lineOf(a: { pos: number; script: { text: string } }): number {
  let line = 1;
  for (let i = 0; i < a.pos && i < a.script.text.length; i++) if (a.script.text.charCodeAt(i) === 10) line++;
  return line;
}

const hex = (v: bigint): string => '0x' + v.toString(16);

function findRegion(env: EvalEnv, name: string): Region {
  const alias = env.ctx.script.regionAliases.get(name) ?? name;
  const r = env.regions.get(alias);
  if (!r) throw new LinkError(`memory region \`${name}' not declared`);
  return r;
}

/** Region chosen by attributes when a section names none (MEMORY present). */
function regionByAttrs(env: EvalEnv, o: OutputSection): Region | null {
  for (const r of env.regions.values()) {
    if (!r.attrs) continue;
    let neg = false;
    let match = false;
    let excluded = false;
    for (const ch of r.attrs.toLowerCase()) {
      if (ch === '!') { neg = true; continue; }
      const has = ch === 'w' ? (o.flags & SHF_WRITE) !== 0 : ch === 'x' ? (o.flags & 4) !== 0
        : ch === 'a' ? (o.flags & SHF_ALLOC) !== 0 : ch === 'r' ? (o.flags & SHF_WRITE) === 0
          : ch === 'i' || ch === 'l' ? o.type !== SHT_NOBITS : false;
      if (neg) { if (has) excluded = true; } else if (has) match = true;
    }
    if (match && !excluded) return r;
  }
  return null;
}

function layoutSection(ctx: LinkContext, st: PassState, c: LSection): void {
  const env = st.env;
  const o = c.out;
  const d = c.desc;
  if (d) env.src = ctx.script.sections.length ? (findSrc(ctx, d) ?? env.src) : env.src;
  const alloc = (o.flags & SHF_ALLOC) !== 0;
  // INFO/COPY/DSECT/OVERLAY sections are not allocated, yet GNU ld gives them addresses at `.` and moves `.`
  const placed = alloc || o.kind === OutKind.Info;
  // A second statement for the same output section (orphans joining, overlays) continues it.
  const cont = o.items.length > 0 && (o as OutputSection & { pass?: unknown }).pass === env;
  if (o.removed) {
    // Symbols inside still get values: at the current location, in the removed section (the
    // symbol table then names a section nearby, as GNU ld does)
    const saveCur = env.cur;
    env.cur = null;
    st.removedOut = o;
    for (const s of c.stmts) if (s.k === 'assign') doAssign(st, s.a);
    st.removedOut = null;
    env.cur = saveCur;
    const ov = d?.overlay;
    if (ov && !st.overlayEnd.has(ov)) {
      const base = ov.start ? evalExpr(env, ov.start).v : env.dot;
      st.overlayEnd.set(ov, base);
      (ov as unknown as { base: bigint }).base = base;
      env.dot = base;
    }
    o.addr = env.dot;
    // its (empty) input sections sit at `.`: their symbols keep that address (GNU ld gives them
    // a nearby section in .symtab)
    for (const s of c.stmts) {
      if (s.k !== 'secs') continue;
      for (const x of s.secs) if (!x.discarded && x.size === 0 && (x.out === null || x.out === o)) { x.out = o; x.offset = 0; }
    }
    return;
  }
  if (!cont) {
    (o as OutputSection & { pass?: unknown }).pass = env;
    o.items = [];
    let region: Region | null = null;
    if (o.regionName) region = findRegion(env, o.regionName);
    else if (alloc && env.regions.size && !d?.addr && !ctx.opts.sectionStart.has(o.name)) region = regionByAttrs(env, o);
    (o as OutputSection & { region?: Region | null }).region = region;
    // SUBALIGN raises the output section's alignment; the inputs' own alignments still count
    if (d?.subalign) o.align = Math.max(o.align, Number(evalExpr(env, d.subalign).v));
    let align = BigInt(o.align);
    if (d?.align) { align = evalExpr(env, d.align).v; if (Number(align) > o.align) o.align = Number(align); }
    const ov = d?.overlay;
    let addr: bigint;
    // GNU ld gives a section with neither AT nor an address the LMA region of the statement before it
    // when both use the same VMA region
    let lmaRegionName = o.lmaRegionName;
    const prev = st.prevRegions;
    if (!lmaRegionName && !d?.lma && !d?.addr && !ov && prev && prev.region === o.regionName) lmaRegionName = prev.lmaRegion;
    st.prevRegions = { region: o.regionName, lmaRegion: lmaRegionName };
    const start = ctx.opts.sectionStart.get(o.name);
    if (start !== undefined) { addr = start; }
    else if (ov) {
      if (!st.overlayEnd.has(ov)) {
        const base = ov.start ? evalExpr(env, ov.start).v : env.dot;
        st.overlayEnd.set(ov, base);
        (ov as unknown as { base: bigint }).base = base;
      }
      addr = (ov as unknown as { base: bigint }).base;
    } else if (d?.addr) { const v = evalExpr(env, d.addr); addr = v.v; if (d.align) addr = alignUp(addr, align); }
    else if (!placed) addr = 0n;
    else if (region) addr = alignUp(region.cur, align);
    else addr = alignUp(env.dot, align);
    o.addr = addr;
    // load address
    let lma: bigint;
    if (ov) {
      const ovAny = ov as unknown as { lmaNext?: bigint; lmaBase?: boolean };
      if (ov.sections[0] === d) { lma = ov.lma ? evalExpr(env, ov.lma).v : addr; }
      else lma = ovAny.lmaNext ?? addr;
    } else if (d?.lma) lma = evalExpr(env, d.lma).v;
    else if (lmaRegionName) {
      // GNU: the LMA region's current address; aligned as the VMA only when both regions are the same,
      // otherwise only by an explicit ALIGN()
      const r = findRegion(env, lmaRegionName);
      if (r === region) lma = alignUp(r.cur, align);
      else lma = d?.align ? alignUp(r.cur, evalExpr(env, d.align).v) : r.cur;
    } else if (!alloc) lma = addr;
    else {
      // keep the VMA-LMA difference of the last section in the same region (with an explicit
      // address too, then not aligned: GNU ld), unless `.` moved back below that section
      const last = st.lastInRegion.get(region);
      const back = last !== undefined && addr < last.addr && addr + BigInt(o.size) <= last.addr;
      lma = last && !back ? addr + last.lma - last.addr : addr;
      if (last && !back && !d?.addr && start === undefined) lma = alignUp(lma, align);
    }
    o.lma = lma;
    (o as OutputSection & { lmaRegionUsed?: string | null }).lmaRegionUsed = lmaRegionName;
    o.size = 0;
  }
  const saveDot = env.dot;
  env.cur = o;
  env.dot = cont ? o.addr + BigInt(o.size) : o.addr;
  const subalign = d?.subalign ? evalExpr(env, d.subalign).v : 0n;
  for (const s of c.stmts) layoutStatement(st, o, s, subalign);
  o.size = Number(env.dot - o.addr);
  env.cur = null;
  // overlays: sections share a start; the LMAs follow each other; `.` moves past the largest
  const ov = d?.overlay;
  if (ov) {
    const ovAny = ov as unknown as { lmaNext?: bigint; base: bigint };
    ovAny.lmaNext = o.lma + BigInt(o.size);
    const end = o.addr + BigInt(o.size);
    if (end > (st.overlayEnd.get(ov) ?? 0n)) st.overlayEnd.set(ov, end);
    env.dot = st.overlayEnd.get(ov)!;
    defineOverlaySymbols(ctx, o);
    if (ov.sections[ov.sections.length - 1] === d) ovAny.lmaNext = undefined;
  } else if (!placed) env.dot = saveDot;
  else if ((o.flags & SHF_TLS) && o.type === SHT_NOBITS) env.dot = o.addr;
  const fill = d ? d.fill ?? d.overlay?.fill ?? null : null;
  if (fill) o.fill = fillPattern(evalExpr(env, fill).v, fill.k === 'num' ? fill.hex : undefined);
  const region = (o as OutputSection & { region?: Region | null }).region;
  if (region && alloc) {
    region.cur = o.addr + BigInt(o.size);
    if (env.final && region.cur > region.origin + region.length) {
      throw new LinkError(`section \`${o.name}' will not fit in region \`${region.name}'\nregion \`${region.name}' overflowed by ${region.cur - region.origin - region.length} bytes`);
    }
  }
  if (alloc && (o.size !== 0 || o.lma !== o.addr)) st.lastInRegion.set(region ?? null, o);
  const lmaRegionUsed = (o as OutputSection & { lmaRegionUsed?: string | null }).lmaRegionUsed;
  if (lmaRegionUsed && alloc) {
    const r = findRegion(env, lmaRegionUsed);
    r.cur = o.lma + BigInt(o.type === SHT_NOBITS ? 0 : o.size);
    if (env.final && r.cur > r.origin + r.length) {
      throw new LinkError(`section \`${o.name}' will not fit in region \`${r.name}'\nregion \`${r.name}' overflowed by ${r.cur - r.origin - r.length} bytes`);
    }
  }
  // .tbss takes no room at `.`: symbols after it belong to the section before (as with GNU ld)
  if (alloc && !((o.flags & SHF_TLS) && o.type === SHT_NOBITS)) st.prevOut = o;
}

function findSrc(ctx: LinkContext, d: object): { file: string; text: string } | null {
  void ctx; void d;
  return null;
}

function defineOverlaySymbols(ctx: LinkContext, o: OutputSection): void {
  const base = o.name.replace(/[^A-Za-z0-9_]/g, '');
  for (const [n, v] of [[`__load_start_${base}`, o.lma], [`__load_stop_${base}`, o.lma + BigInt(o.size)]] as [string, bigint][]) {
    const s = ctx.symbols.get(n);
    if (!s || (s.kind === SymKind.Defined && !s.scriptDefined)) continue;
    s.kind = SymKind.Defined;
    s.scriptDefined = true;
    s.absolute = true;
    s.outSection = null;
    s.value = v;
  }
}

function layoutStatement(st: PassState, o: OutputSection, s: LStmt, subalign: bigint): void {
  const env = st.env;
  switch (s.k) {
    case 'assign': doAssign(st, s.a); return;
    case 'assert': doAssert(st, s.a); return;
    case 'fill': {
      const v = evalExpr(env, s.e).v;
      o.items.push({ k: 'fillFrom', offset: Number(env.dot - o.addr), pat: fillPattern(v, s.e.k === 'num' ? s.e.hex : undefined) });
      return;
    }
    case 'data': {
      const v = evalExpr(env, s.d.expr).v;
      o.items.push({ k: 'data', offset: Number(env.dot - o.addr), size: s.d.size, value: v });
      env.dot += BigInt(s.d.size);
      return;
    }
    case 'secs':
      placeInputs(env, o, s, subalign);
  }
}

/**
 * Input sections one after the other, each aligned. Offsets inside the output section are numbers;
 * an alignment that divides 2^32 (any power of two up to 2^31) only needs the low 32 bits of the
 * section's address, so the common case does no bigint arithmetic per section.
 */
function placeInputs(env: EvalEnv, o: OutputSection, run: LStmt & { k: 'secs' }, subalign: bigint): void {
  const secs = run.secs;
  const low = Number(BigInt.asUintN(32, o.addr));
  let rel = Number(env.dot - o.addr);
  const sub = Number(subalign);
  // the same start as in the previous pass: the same offsets, the same items
  const last = run.placed;
  if (last && last.sub === sub && last.relStart === rel && rel >= 0 && (low + rel) % last.maxAlign === last.mod) {
    const items = o.items;
    for (let i = 0; i < last.items.length; i++) items.push(last.items[i]);
    env.dot = o.addr + BigInt(last.relEnd);
    return;
  }
  const relStart = rel;
  const first = o.items.length;
  let maxAlign = 1;
  let cacheable = rel >= 0;
  for (const sec of secs) {
    if (sec.discarded) continue;
    const a = sub > 0 ? sub : sec.align;
    if (a > 0x80000000 || (a & (a - 1)) !== 0 || rel < 0 || rel + low >= 2 ** 52) {
      env.dot = o.addr + BigInt(rel);
      placeInput(env, o, sec, subalign);
      rel = Number(env.dot - o.addr);
      cacheable = false;
      continue;
    }
    if (a > maxAlign) maxAlign = a;
    // a merged section left with no piece takes no place (and no alignment padding)
    if (a > 1 && !sec.merge?.excluded) rel += (a - ((low + rel) % a)) % a;
    sec.out = o;
    sec.offset = rel;
    o.items.push(sec.item ??= { k: 'sec', sec });
    rel += sec.size;
  }
  env.dot = o.addr + BigInt(rel);
  run.placed = cacheable ? { maxAlign, sub, mod: (low + relStart) % maxAlign, relStart, relEnd: rel, items: o.items.slice(first) } : undefined;
}

function placeInput(env: EvalEnv, o: OutputSection, sec: InputSection, subalign: bigint): void {
  if (sec.discarded) return;
  const a = subalign > 0n ? subalign : BigInt(sec.align);
  if (!sec.merge?.excluded) env.dot = alignUp(env.dot, a);
  sec.out = o;
  sec.offset = Number(env.dot - o.addr);
  o.items.push({ k: 'sec', sec });
  env.dot += BigInt(sec.size);
}

/** A FILL/=fill value as the byte pattern GNU ld repeats: the four low bytes, big-endian. */
export function fillPattern(v: bigint, hexDigits?: string): Uint8Array {
  if (hexDigits) {
    const d = hexDigits.length & 1 ? '0' + hexDigits : hexDigits;
    const out = new Uint8Array(d.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(d.slice(2 * i, 2 * i + 2), 16);
    return out;
  }
  const x = Number(BigInt.asUintN(32, v));
  return Uint8Array.of(x >>> 24, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff);
}

export { Sym };
