/**
 * The static linker's top level: one list of passes over an explicit LinkContext.
 *
 *   options -> target -> scripts -> inputs (objects, archives, script files) -> symbol resolution
 *   -> commons -> gc -> synthetic sections -> map input to output sections (script + orphans)
 *   -> addresses (fixed point) -> program headers and file offsets -> synthetic contents
 *   -> relocation + write (ELF executable, relocatable object or raw binary)
 */
import { EM_386, EM_X86_64, SHF_ALLOC, SHF_TLS, SHT_NOBITS, STB_GLOBAL } from '../elf/constants';
import { i386Hooks, x86_64Hooks } from '../targets/x86/link-hooks';
import { assignPass, prepareOutputs } from './assign';
import { InputSection, LinkContext, LinkOptions, LinkStat, ObjectInput, OutputSection, RelocPool, Sym, SymKind } from './context';
import { defaultScript } from './default-scripts';
import { LinkError } from './error';
import { allocateCommons, includeScript, loadInputs, loadScriptInputs } from './input-files';
import { keepSet, LCmd, mapSections } from './layout';
import { mergeSections } from './merge';
import { createEhFrameHdr, editEhFrames, fillEhFrames, parseEhFrames } from './eh-frame';
import { mergePropertyNotes } from './notes';
import { assignFileOffsets, buildSegments, headersSize, Segment } from './phdrs';
import { Assign, AssertCmd, DataCmd, emptyScript, Expr, OutputSectionDesc, ProvideKind, Script } from './script-ast';
import { Region, evalExpr } from './script-eval';
import { parseExpression, parseScript } from './script-parser';
import { symbolAddress, symbolFor } from './symbols';
import { createSynthetic, fillSynthetic } from './synthetic';
import { TargetHooks, writeLE } from './target';
import { writeBinary, writeExecutable } from './write-exec';
import { tpOffset } from './relocate';

// Passes most links do not need are loaded when used (start-up time is a large part of a link).
const collectGarbage = (...a: Parameters<typeof import('./gc').collectGarbage>): void => (require('./gc') as typeof import('./gc')).collectGarbage(...a);
const checkCrossRefs = (...a: Parameters<typeof import('./crossrefs').checkCrossRefs>): void => (require('./crossrefs') as typeof import('./crossrefs')).checkCrossRefs(...a);
const writeMap = (...a: Parameters<typeof import('./map').writeMap>): string => (require('./map') as typeof import('./map')).writeMap(...a);
const writeRelocatable = (...a: Parameters<typeof import('./write-reloc').writeRelocatable>): Uint8Array => (require('./write-reloc') as typeof import('./write-reloc')).writeRelocatable(...a);

export interface LinkIO {
  readFile(path: string): Uint8Array;
  fileExists(path: string): boolean;
}

export interface LinkResult { output: Uint8Array; map: string | null; messages: string[]; stats: LinkStat[] | null }

/** --stats: record the wall and CPU time since the previous lap under `name`. */
function lap(ctx: LinkContext, name: string): void {
  if (!ctx.stats) return;
  const now = performance.now();
  const cpu = cpuMs();
  ctx.stats.push({ name, ms: now - lastLap, cpuMs: cpu - lastCpu });
  lastLap = now;
  lastCpu = cpu;
}
let lastLap = 0;
let lastCpu = 0;

/** User + system CPU time of the process in milliseconds (all threads). */
export function cpuMs(): number { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }

/** Link according to the options; throws LinkError (or ElfError) on bad input. */
export function link(opts: LinkOptions, io: LinkIO): LinkResult {
  const ctx = createContext(opts, io);
  if (opts.stats) { ctx.stats = []; lastLap = performance.now(); lastCpu = cpuMs(); }
  // Scripts: -T replaces the default layout unless it only INSERTs into it; --defsym come first.
  ctx.script = loadScripts(ctx);
  lap(ctx, 'scripts');
  // -u and EXTERN: undefined references that pull archive members.
  for (const u of [...opts.undefined, ...ctx.script.externs]) { const s = symbolFor(ctx, u); s.referenced = true; s.strongRef = true; }
  // Inputs in command-line order; archives are searched as they come.
  if (ctx.script.inputs.length) loadScriptInputs(ctx, ctx.script.inputs, opts.scripts[0] ?? '.');
  loadInputs(ctx, opts.inputs);
  lap(ctx, 'inputs and symbol resolution');
  if (ctx.objects.length === 0) throw new LinkError('no input files');
  // Symbols the script itself uses count as references (a PROVIDE they name is then defined).
  markScriptReferences(ctx);
  if (ctx.errors.length) throw new LinkError(ctx.errors.join('\n'));
  if (opts.relocatable) return { output: writeRelocatable(ctx), map: null, messages: ctx.warnings, stats: ctx.stats };
  // Common symbols become bss-like COMMON input sections.
  allocateCommons(ctx);
  // .eh_frame split into CIEs and FDEs (garbage collection follows FDEs of live functions only).
  ctx.ehFrames = parseEhFrames(ctx);
  createEhFrameHdr(ctx);
  // Linker-provided symbols that depend on output sections (__start_/__stop_, __ehdr_start).
  const startStop = reserveStartStop(ctx);
  let all = liveSections(ctx);
  // Garbage collection needs KEEP() information from the script: map once to learn it.
  if (opts.gcSections) {
    mapSections(ctx, all);
    collectGarbage(ctx, all, keepSet(ctx));
    for (const s of ctx.gcRemoved) if (opts.printGcSections) ctx.warnings.push(`removing unused section '${s.name}' in file '${s.file.display}'`);
    all = liveSections(ctx);
    for (const s of all) s.out = null;
  }
  // GOT, IPLT, IRELATIVE and build-id sections, sized from the relocations.
  createSynthetic(ctx, all, linkerDefined(ctx, startStop));
  all = liveSections(ctx);
  // One combined .note.gnu.property instead of one note per object.
  mergePropertyNotes(ctx, all);
  all = liveSections(ctx);
  lap(ctx, 'commons, gc, synthetic sections, notes');
  // Input sections -> output sections, orphans placed.
  const cmds = mapSections(ctx, all);
  lap(ctx, 'section mapping');
  // SHF_MERGE sections: identical strings and constants stored once per output section.
  mergeSections(ctx, cmds);
  // .eh_frame: FDEs of discarded functions removed, identical CIEs stored once.
  editEhFrames(ctx, cmds);
  lap(ctx, 'merging SHF_MERGE sections, editing .eh_frame');
  const outs = prepareOutputs(ctx, cmds);
  ctx.outputs = outs;
  // Addresses, to a fixed point (SIZEOF_HEADERS, forward references, relro adjustment).
  const segs = layoutToFixedPoint(ctx, cmds, outs);
  ctx.segments = segs;
  defineStartStop(ctx, startStop, outs);
  setTls(ctx, outs);
  ctx.entryAddr = entryAddress(ctx, outs);
  // NOCROSSREFS lists (and OVERLAY ... NOCROSSREFS) are checked on the final placement.
  const crossRefs = crossRefLists(ctx);
  if (crossRefs.length) checkCrossRefs(ctx, outs, crossRefs);
  if (ctx.errors.length) throw new LinkError(ctx.errors.join('\n'));
  lap(ctx, 'addresses and segments');
  // Contents of the synthetic sections, then relocation and output.
  fillSynthetic(ctx, (s) => tpOffset(ctx, symbolAddress(s)));
  fillEhFrames(ctx);
  const output = opts.oformat === 'binary' ? writeBinary(ctx, outs) : writeExecutable(ctx, outs, segs, ctx.endOfSections);
  if (ctx.errors.length) throw new LinkError(ctx.errors.join('\n'));
  lap(ctx, 'relocation and output image');
  const map = opts.mapFile || opts.printMap ? writeMap(ctx, outs) : null;
  if (map !== null) lap(ctx, 'map');
  return { output, map, messages: ctx.warnings, stats: ctx.stats };
}

// x86 relocation fields are whole little-endian integers: the numeric fast path may write them.
const x86_64 = { ...x86_64Hooks, writeNum: writeLE };
const i386 = { ...i386Hooks, writeNum: writeLE };

function pickTarget(opts: LinkOptions, io: LinkIO): TargetHooks {
  if (opts.emulation === 'elf_i386') return i386;
  if (opts.emulation === 'elf_x86_64') return x86_64;
  if (opts.emulation) return { ...x86_64Hooks, name: opts.emulation, machine: opts.emulation.startsWith('aarch64') ? 183 : 243 };
  for (const a of opts.inputs) {
    if (a.k !== 'file') continue;
    try {
      const b = io.readFile(a.path);
      if (b[0] === 0x7f && b[1] === 0x45) return b[18] === EM_386 ? i386 : x86_64;
    } catch { /* reported later */ }
    break;
  }
  return x86_64;
}

function createContext(opts: LinkOptions, io: LinkIO): LinkContext {
  const target = pickTarget(opts, io);
  const ctx: LinkContext = {
    opts, target, objects: [], archives: [], symbols: new Map(), symbolList: [], relocs: new RelocPool(), script: emptyScript(), outputs: [],
    internal: new ObjectInput('*linker*', null, null), comdat: new Set(),
    got: null, gotPlt: null, iplt: null, relaIplt: null, buildIdNote: null, ehFrames: null,
    gotEntries: [], tlsGotEntries: [], ipltEntries: [], tlsStart: 0n, tlsEnd: 0n, tlsAlign: 1, tlsMemSize: 0n,
    segments: [], sizeofHeaders: 0, loadPhdrs: false, warnings: [], entryAddr: 0n, readFile: io.readFile, fileExists: io.fileExists,
    errors: [], dataSeg: { phase: 'none', base: 0n, relroEnd: 0n, relroOffset: 0n, maxPage: 0n, commonPage: 0n, seenAlign: false, alignDot: 0n },
    gcRemoved: [], endOfSections: 0, stats: null,
  };
  ctx.internal.syms.push(new Sym(''));
  ctx.internal.order = 1e9;
  return ctx;
}

function emulationOf(ctx: LinkContext): string {
  return ctx.opts.emulation || ctx.target.name;
}

/** The built-in script text for this link (printed by --verbose). */
export function builtinScript(emulation: string): string { return defaultScript(emulation || 'elf_x86_64'); }

function loadScripts(ctx: LinkContext): Script {
  const inc = (n: string): { file: string; text: string } => includeScript(ctx, n);
  const user: Script[] = ctx.opts.scripts.map((f) => {
    const { file, text } = includeScript(ctx, f);
    return parseScript(text, file, inc);
  });
  const def = parseScript(defaultScript(emulationOf(ctx)), 'built-in linker script', inc);
  let script: Script;
  const replacing = user.filter((s) => !s.insert);
  if (user.length === 0) script = def;
  else if (replacing.length === 0) script = def;
  else {
    script = emptyScript();
    for (const s of replacing) mergeScript(script, s);
  }
  for (const s of user.filter((u) => u.insert)) insertScript(script, s);
  if (user.length && replacing.length === 0) for (const s of user) { if (!s.insert) mergeScript(script, s); }
  // --defsym assignments act before the script's commands.
  const defs = ctx.opts.defsyms.map((d) => ({
    k: 'assign' as const, name: d.name, op: '=', expr: parseExpression(d.expr, '--defsym'), provide: ProvideKind.None, hidden: false,
    script: { file: '--defsym', text: d.expr }, pos: 0,
  }));
  script.sections.unshift(...defs);
  if (ctx.opts.sysroot === '' && process.env.CC_TS_SYSROOT) ctx.opts.sysroot = process.env.CC_TS_SYSROOT;
  return script;
}

function mergeScript(into: Script, s: Script): void {
  into.sections.push(...s.sections);
  into.hasSections = into.hasSections || s.hasSections;
  into.entry = s.entry ?? into.entry;
  into.memory.push(...s.memory);
  if (s.phdrs) into.phdrs = s.phdrs;
  into.inputs.push(...s.inputs);
  into.searchDirs.push(...s.searchDirs);
  into.output = s.output ?? into.output;
  into.externs.push(...s.externs);
  for (const [k, v] of s.regionAliases) into.regionAliases.set(k, v);
  into.noCrossRefs.push(...s.noCrossRefs);
}

function insertScript(into: Script, s: Script): void {
  const ins = s.insert!;
  const at = into.sections.findIndex((c) => c.k === 'osec' && c.name === ins.section);
  if (at < 0) throw new LinkError(`${ins.section} not found for insert`);
  const cmds = s.sections.filter((c) => c.k !== 'assign' || true);
  into.sections.splice(ins.after ? at + 1 : at, 0, ...cmds);
  into.memory.push(...s.memory);
  into.entry = s.entry ?? into.entry;
}

/**
 * Names the linker will define after layout: script assignments (PROVIDE only for a referenced
 * undefined symbol), --defsym, and __start_/__stop_/__ehdr_start. GNU ld relaxes GOT references to
 * them like those of defined symbols.
 */
function linkerDefined(ctx: LinkContext, startStop: string[]): Set<string> {
  const names = new Set(startStop);
  const add = (a: Assign): void => {
    if (a.name === '.') return;
    if (a.provide !== ProvideKind.None) {
      const s = ctx.symbols.get(a.name);
      if (!s || !s.referenced || s.kind !== SymKind.Undefined) return;
    }
    names.add(a.name);
  };
  const body = (d: OutputSectionDesc): void => { for (const b of d.body) if (b.k === 'assign') add(b as Assign); };
  for (const c of ctx.script.sections) {
    if (c.k === 'assign') add(c);
    else if (c.k === 'osec') body(c);
    else if (c.k === 'overlay') c.sections.forEach(body);
  }
  return names;
}

function liveSections(ctx: LinkContext): InputSection[] {
  const out: InputSection[] = [];
  for (const f of [...ctx.objects, ctx.internal]) for (const s of f.sections) if (s && !s.discarded) out.push(s);
  return out;
}

/** __start_SEC/__stop_SEC for referenced, undefined names whose SEC is a C identifier. */
function reserveStartStop(ctx: LinkContext): string[] {
  const names: string[] = [];
  for (const s of ctx.symbols.values()) {
    if (s.kind !== SymKind.Undefined || !s.referenced) continue;
    if (/^__(start|stop)_[A-Za-z_][A-Za-z0-9_]*$/.test(s.name) || s.name === '__ehdr_start' || s.name === '__executable_start') names.push(s.name);
  }
  return names;
}

function defineStartStop(ctx: LinkContext, names: string[], outs: OutputSection[]): void {
  for (const n of names) {
    const s = ctx.symbols.get(n)!;
    if (s.kind === SymKind.Defined) continue;
    let value: bigint | null = null;
    let out: OutputSection | null = null;
    if (n === '__ehdr_start' || n === '__executable_start') {
      const first = ctx.segments.find((g) => g.type === 1 && g.headers);
      if (first) { value = first.vaddr; out = outs.find((o) => !o.removed && (o.flags & SHF_ALLOC)) ?? null; }
    } else {
      const m = /^__(start|stop)_(.*)$/.exec(n)!;
      const o = outs.find((x) => x.name === m[2] && !x.removed);
      if (o) { value = m[1] === 'start' ? o.addr : o.addr + BigInt(o.size); out = o; }
    }
    if (value === null) {
      // GNU ld defines __start_SEC for an input section SEC, then takes the definition back when SEC was
      // discarded or renamed: the symbol is left undefined and hidden (and so absent from .symtab).
      const m = /^__(start|stop)_(.*)$/.exec(n);
      if (m && hasInputSection(ctx, m[2])) s.visibility = 2;
      continue;
    }
    s.kind = SymKind.Defined;
    s.scriptDefined = true;
    s.value = value;
    s.outSection = out;
    s.absolute = !out;
    s.binding = STB_GLOBAL;
    if (s.visibility === 0 && n.startsWith('__st')) s.visibility = 3; // GNU makes them protected
    if (n === '__ehdr_start') { s.visibility = 2; s.forcedLocal = true; } // GNU: hidden, local
  }
}

function hasInputSection(ctx: LinkContext, name: string): boolean {
  for (const f of ctx.objects) for (const x of f.sections) if (x && x.name === name) return true;
  return false;
}

function setTls(ctx: LinkContext, outs: OutputSection[]): void {
  const tls = outs.filter((o) => !o.removed && (o.flags & SHF_TLS) && (o.flags & SHF_ALLOC));
  if (!tls.length) return;
  ctx.tlsStart = tls[0].addr;
  let end = ctx.tlsStart;
  let align = 1;
  for (const o of tls) { const e = o.addr + BigInt(o.size); if (e > end) end = e; align = Math.max(align, o.align); }
  ctx.tlsMemSize = end - ctx.tlsStart;
  ctx.tlsAlign = align;
}

function markScriptReferences(ctx: LinkContext): void {
  const provides: Assign[] = [];
  let changed = false;
  const mark = (e: Expr | null): void => {
    if (!e) return;
    switch (e.k) {
      case 'sym': { const s = symbolFor(ctx, e.name); if (!s.referenced) { s.referenced = true; changed = true; } return; }
      case 'un': mark(e.a); return;
      case 'bin': mark(e.a); mark(e.b); return;
      case 'cond': mark(e.c); mark(e.a); mark(e.b); return;
      case 'call': if (e.fn !== 'DEFINED') for (const a of e.args) mark(a); return;
      default:
    }
  };
  const stmt = (c: Assign | AssertCmd | { k: string }): void => {
    if (c.k === 'assign') { const a = c as Assign; if (a.provide !== ProvideKind.None) provides.push(a); else mark(a.expr); }
    else if (c.k === 'assert') mark((c as AssertCmd).expr);
    else if (c.k === 'data') mark((c as DataCmd).expr);
  };
  const osec = (d: OutputSectionDesc): void => { mark(d.addr); mark(d.lma); for (const b of d.body) stmt(b); };
  for (const c of ctx.script.sections) {
    if (c.k === 'osec') osec(c);
    else if (c.k === 'overlay') { mark(c.start); mark(c.lma); c.sections.forEach(osec); }
    else stmt(c);
  }
  // a PROVIDE that will be defined references what its expression names, and so on
  const done = new Set<Assign>();
  do {
    changed = false;
    for (const a of provides) {
      if (done.has(a)) continue;
      const s = ctx.symbols.get(a.name);
      if (!s || !s.referenced || (s.kind === SymKind.Defined && !s.scriptDefined)) continue;
      done.add(a);
      mark(a.expr);
      changed = true;
    }
  } while (changed);
}

function crossRefLists(ctx: LinkContext): string[][] {
  const lists = [...ctx.script.noCrossRefs];
  for (const c of ctx.script.sections) if (c.k === 'overlay' && c.noCrossRefs) lists.push(c.sections.map((d) => d.name));
  return lists;
}

function entryAddress(ctx: LinkContext, outs: OutputSection[]): bigint {
  const named = ctx.opts.entry ?? ctx.script.entry;
  // No ENTRY and no -e (a -T script replacing the default): GNU ld takes .text's address, else 0.
  if (named === null) return outs.find((o) => o.name === '.text' && !o.removed)?.addr ?? 0n;
  const name = named;
  const s = ctx.symbols.get(name);
  if (s && s.kind === SymKind.Defined) return symbolAddress(s);
  if (/^(0x[0-9a-fA-F]+|\d+)$/.test(name)) return BigInt(name);
  const text = outs.find((o) => o.name === '.text' && !o.removed) ?? outs.find((o) => !o.removed && (o.flags & SHF_ALLOC) && (o.flags & 4));
  const v = text ? text.addr : 0n;
  if (ctx.opts.entry !== null || ctx.script.entry !== null || name === '_start') {
    ctx.warnings.push(`warning: cannot find entry symbol ${name}; defaulting to ${v.toString(16).padStart(ctx.target.cls === 64 ? 16 : 8, '0')}`);
  }
  return v;
}

function layoutToFixedPoint(ctx: LinkContext, cmds: LCmd[], outs: OutputSection[]): Segment[] {
  const outputs = new Map<string, OutputSection>();
  for (const o of outs) if (!outputs.has(o.name) || outputs.get(o.name)!.removed) outputs.set(o.name, o);
  const regions = new Map<string, Region>();
  const env0 = { ctx, dot: 0n, cur: null, final: false, outputs, regions, assigned: new Set<string>(), src: { file: 'MEMORY', text: '' }, maxPage: 0n, commonPage: 0n };
  for (const r of ctx.script.memory) {
    const origin = evalExpr(env0, r.origin).v;
    regions.set(r.name, { name: r.name, origin, length: evalExpr(env0, r.length).v, cur: origin, attrs: r.attrs });
  }
  for (const [alias, name] of ctx.script.regionAliases) {
    const r = regions.get(name);
    if (!r) throw new LinkError(`REGION_ALIAS: undefined memory region \`${name}'`);
  }
  let phnum = ctx.script.phdrs ? ctx.script.phdrs.length : 6;
  ctx.sizeofHeaders = headersSize(ctx, phnum);
  let segs: Segment[] = [];
  const env = { ...env0, maxPage: BigInt(ctx.opts.maxPageSize ?? ctx.target.maxPageSize), commonPage: BigInt(ctx.opts.commonPageSize ?? ctx.target.commonPageSize) };
  let relroDone = false;
  for (let iter = 0; iter < 10; iter++) {
    ctx.dataSeg.relroEnd = 0n;
    assignPass(ctx, cmds, outputs, regions, false);
    segs = buildSegments(ctx, outs, env);
    const hs = headersSize(ctx, segs.length);
    if (hs !== ctx.sizeofHeaders && !ctx.script.phdrs) { ctx.sizeofHeaders = hs; phnum = segs.length; continue; }
    if (iter === 0) continue; // one more pass so forward references (SIZEOF of later sections) settle
    if (!relroDone && ctx.opts.relro && ctx.dataSeg.seenAlign && ctx.dataSeg.relroEnd > ctx.dataSeg.base) {
      ctx.dataSeg.base = relroBase(ctx, outs);
      ctx.dataSeg.phase = 'adjust';
      relroDone = true;
      continue;
    }
    break;
  }
  assignPass(ctx, cmds, outputs, regions, true);
  segs = buildSegments(ctx, outs, env);
  ctx.endOfSections = assignFileOffsets(ctx, outs, segs);
  checkOverlaps(ctx, outs);
  return segs;
}

/**
 * Move the start of the data segment so that the relro part ends on a page boundary: each relro
 * section is pushed up (respecting its alignment) to end where the next one starts; the relro end
 * is rounded down to a page when that still leaves the data segment above the previous one.
 */
function relroBase(ctx: LinkContext, outs: OutputSection[]): bigint {
  const ds = ctx.dataSeg;
  const page = ds.maxPage > 0n ? ds.maxPage : 0x1000n;
  const limit = ds.relroEnd - ds.relroOffset;
  const secs = outs.filter((o) => !o.removed && (o.flags & SHF_ALLOC) && o.addr >= ds.base && o.addr < limit).sort((a, b) => (a.addr < b.addr ? -1 : 1));
  const fit = (end: bigint): bigint => {
    let desired = end;
    for (let i = secs.length - 1; i >= 0; i--) {
      const o = secs[i];
      const tbss = (o.flags & SHF_TLS) && o.type === SHT_NOBITS;
      const secEnd = o.addr + (tbss ? 0n : BigInt(o.size));
      let start = o.addr + (desired - secEnd);
      const a = BigInt(o.align);
      start = start - (((start % a) + a) % a);
      desired = start;
    }
    return desired;
  };
  const floorEnd = (ds.relroEnd / page) * page;
  const down = fit(floorEnd - ds.relroOffset);
  const minBase = ((ds.alignDot + page - 1n) / page) * page;
  if (down >= minBase && down >= ds.alignDot) return down;
  const up = fit(((ds.relroEnd + page - 1n) / page) * page - ds.relroOffset);
  return up >= ds.base ? up : ds.base;
}

function checkOverlaps(ctx: LinkContext, outs: OutputSection[]): void {
  const loads = outs.filter((o) => !o.removed && (o.flags & SHF_ALLOC) && o.type !== SHT_NOBITS && o.size > 0)
    .sort((a, b) => (a.lma < b.lma ? -1 : a.lma > b.lma ? 1 : 0));
  for (let i = 1; i < loads.length; i++) {
    const p = loads[i - 1];
    const o = loads[i];
    const pend = p.lma + BigInt(p.size);
    if (o.lma < pend) {
      throw new LinkError(`section ${o.name} LMA [${hex16(o.lma)},${hex16(o.lma + BigInt(o.size) - 1n)}] overlaps section ${p.name} LMA [${hex16(p.lma)},${hex16(pend - 1n)}]`);
    }
  }
  void ctx;
}

const hex16 = (v: bigint): string => v.toString(16).padStart(16, '0');

export { emulationOf, EM_X86_64 };
