/**
 * Output-section layout, first half: which input sections go into which output section, in which
 * order. Runs the script's SECTIONS commands in order; each input section description claims the
 * unclaimed input sections whose file and name match (first match wins), sorted as SORT* asks.
 * Sections that nothing claims are orphans and get output sections of their own name, placed by
 * GNU ld's rules: after the output section of the same kind (.text for code, .rodata, .tdata,
 * .data, .bss, .interp for notes), else after the last section with similar flags, else at the end.
 * The result is a list of layout commands that assign.ts walks to give addresses.
 */
import { SHF_ALLOC, SHF_EXECINSTR, SHF_TLS, SHF_WRITE, SHT_NOBITS, SHT_NOTE } from '../elf/constants';
import { InputSection, LinkContext, OutItem, OutputSection } from './context';
import { Assign, AssertCmd, DataCmd, Expr, InputDesc, OutputSectionDesc, SectionPattern } from './script-ast';

export type LStmt =
  | { k: 'assign'; a: Assign }
  | { k: 'assert'; a: AssertCmd }
  | { k: 'secs'; secs: InputSection[]; placed?: PlacedRun }
  | { k: 'data'; d: DataCmd }
  | { k: 'fill'; e: Expr };

/**
 * The result of placing a run of input sections in one layout pass (assign.ts placeInputs): the
 * next pass reuses it when the run starts at the same offset and the same address modulo the
 * largest alignment in it, which is the usual case after the first pass.
 */
export interface PlacedRun { maxAlign: number; sub: number; mod: number; relStart: number; relEnd: number; items: OutItem[] }

export interface LSection { k: 'osec'; desc: OutputSectionDesc | null; out: OutputSection; stmts: LStmt[] }
export type LCmd = { k: 'assign'; a: Assign } | { k: 'assert'; a: AssertCmd } | LSection;

/** Glob pattern -> RegExp (cached): * ? [...] as in fnmatch. */
const globCache = new Map<string, RegExp | null>();
export function globMatch(pat: string, s: string): boolean {
  let re = globCache.get(pat);
  if (re === undefined) {
    if (!/[*?[]/.test(pat)) re = null;
    else {
      let src = '^';
      for (let i = 0; i < pat.length; i++) {
        const c = pat[i];
        if (c === '*') src += '.*';
        else if (c === '?') src += '.';
        else if (c === '[') {
          const end = pat.indexOf(']', i + 2);
          if (end < 0) { src += '\\['; continue; }
          let body = pat.slice(i + 1, end);
          if (body.startsWith('!')) body = '^' + body.slice(1);
          src += '[' + body.replace(/\\/g, '\\\\') + ']';
          i = end;
        } else src += c.replace(/[.+^${}()|\\/]/g, '\\$&');
      }
      re = new RegExp(src + '$', 's');
    }
    globCache.set(pat, re);
  }
  return re === null ? pat === s : re.test(s);
}

/** Does an input file match a file pattern (`*`, `*crtbegin?.o`, `libc.a:`, `*libc.a:*.o`)? */
function fileMatches(pat: string, sec: InputSection): boolean {
  if (pat === '*') return true;
  const f = sec.file;
  const colon = pat.indexOf(':');
  if (colon >= 0 && !/^[A-Za-z]:[\\/]/.test(pat)) {
    const ap = pat.slice(0, colon);
    const mp = pat.slice(colon + 1);
    if (!f.archive) return false;
    return (ap === '' || globMatch(ap, f.archive) || globMatch(ap, basename(f.archive))) && (mp === '' || globMatch(mp, f.memberName!));
  }
  if (f.archive) return globMatch(pat, f.memberName!);
  // GNU ld matches a wildcard pattern against the file name as given (`*` crosses `/`); a plain name
  // may also name the file by its last component
  return globMatch(pat, f.name) || (!pat.includes('/') && !/[*?[]/.test(pat) && pat === basename(f.name));
}

function basename(p: string): string { const i = p.lastIndexOf('/'); return i < 0 ? p : p.slice(i + 1); }

interface MapState {
  byName: Map<string, InputSection[]>;
  claimed: Set<InputSection>;
  outputs: Map<string, OutputSection>;
}

/** Build the layout: script commands with their input sections, plus orphans. */
export function mapSections(ctx: LinkContext, all: InputSection[]): LCmd[] {
  const st: MapState = { byName: new Map(), claimed: new Set(), outputs: new Map() };
  for (const s of all) {
    const l = st.byName.get(s.name);
    if (l) l.push(s); else st.byName.set(s.name, [s]);
  }
  const cmds: LCmd[] = [];
  for (const c of ctx.script.sections) {
    if (c.k === 'assign' || c.k === 'assert') { cmds.push(c.k === 'assign' ? { k: 'assign', a: c } : { k: 'assert', a: c }); continue; }
    const descs = c.k === 'overlay' ? c.sections : [c];
    for (const d of descs) {
      const ls = mapOutputSection(ctx, st, d);
      if (ls) cmds.push(ls);
    }
  }
  placeOrphans(ctx, st, all, cmds);
  return cmds;
}

function mapOutputSection(ctx: LinkContext, st: MapState, d: OutputSectionDesc): LSection | null {
  const discard = d.name === '/DISCARD/';
  if (d.constraint) {
    // GNU ld: ONLY_IF_RO when every input is read-only, ONLY_IF_RW when at least one is writable
    let allRo = true;
    for (const s of d.body) {
      if (s.k !== 'input') continue;
      for (const sec of matchInput(ctx, st, s, false)) if (sec.flags & SHF_WRITE) allRo = false;
    }
    if ((d.constraint === 'ONLY_IF_RO') !== allRo) return null;
  }
  // constrained descriptions (ONLY_IF_RO/RW) are separate statements even when a name repeats
  const key = d.constraint ? `${d.name}\0${d.constraint}` : d.name;
  let out = st.outputs.get(key);
  if (!out || discard) {
    out = new OutputSection(d.name);
    if (!discard) st.outputs.set(key, out);
  }
  const ls: LSection = { k: 'osec', desc: d, out, stmts: [] };
  for (const s of d.body) {
    switch (s.k) {
      case 'input': {
        const secs = matchInput(ctx, st, s, true);
        if (discard) { for (const x of secs) x.discarded = true; break; }
        ls.stmts.push({ k: 'secs', secs });
        break;
      }
      case 'assign': ls.stmts.push({ k: 'assign', a: s }); break;
      case 'assert': ls.stmts.push({ k: 'assert', a: s }); break;
      case 'data': ls.stmts.push({ k: 'data', d: s }); break;
      case 'fill': ls.stmts.push({ k: 'fill', e: s.expr }); break;
    }
  }
  return discard ? null : ls;
}

/** The input sections an input description selects, in output order; `claim` marks them taken. */
function matchInput(ctx: LinkContext, st: MapState, d: InputDesc, claim: boolean): InputSection[] {
  const pats: SectionPattern[] = d.sections ?? [{ pattern: '*', excludeFiles: [], sort: [] }];
  const hits: { sec: InputSection; pat: number }[] = [];
  const seen = new Set<InputSection>();
  pats.forEach((p, pi) => {
    const names = p.pattern === 'COMMON' ? ['COMMON'] : /[*?[]/.test(p.pattern) ? [...st.byName.keys()].filter((n) => globMatch(p.pattern, n)) : [p.pattern];
    for (const n of names) {
      for (const sec of st.byName.get(n) ?? []) {
        if (st.claimed.has(sec) || seen.has(sec) || sec.discarded) continue;
        if (!fileMatches(d.filePattern, sec)) continue;
        if (d.fileExclude.some((x) => fileMatches(x, sec)) || p.excludeFiles.some((x) => fileMatches(x, sec))) continue;
        if (d.flagsWith && (sec.flags & d.flagsWith) !== d.flagsWith) continue;
        if (d.flagsWithout && (sec.flags & d.flagsWithout) !== 0) continue;
        seen.add(sec);
        hits.push({ sec, pat: pi });
      }
    }
  });
  const sortOf = (pi: number): string[] => {
    const s = pats[pi].sort;
    if (s.length === 0 && ctx.opts.sortSection) return [ctx.opts.sortSection];
    return s.filter((x) => x !== 'none');
  };
  const anySort = pats.some((_, i) => sortOf(i).length > 0);
  let out: InputSection[];
  if (!anySort) {
    hits.sort((a, b) => a.sec.file.order - b.sec.file.order || secIndex(a.sec) - secIndex(b.sec));
    out = hits.map((h) => h.sec);
  } else {
    const sameSort = pats.every((_, i) => sortOf(i).join() === sortOf(0).join());
    const fileOrder = (a: InputSection, b: InputSection): number => a.file.order - b.file.order || secIndex(a) - secIndex(b);
    if (sameSort) {
      const keys = sortOf(0);
      out = hits.map((h) => h.sec).sort((a, b) => compareBy(keys, a, b) || fileOrder(a, b));
    } else {
      out = [];
      pats.forEach((_, pi) => {
        const keys = sortOf(pi);
        const part = hits.filter((h) => h.pat === pi).map((h) => h.sec);
        part.sort((a, b) => (keys.length ? compareBy(keys, a, b) : 0) || fileOrder(a, b));
        out.push(...part);
      });
    }
  }
  if (claim) {
    for (const s of out) st.claimed.add(s);
    if (d.keep) for (const s of out) keepSet(ctx).add(s);
  }
  return out;
}

function secIndex(s: InputSection): number { return s.index < 0 ? 1e9 + s.file.sections.indexOf(s) : s.index; }

/** Sections named by KEEP, for --gc-sections. */
export function keepSet(ctx: LinkContext): Set<InputSection> {
  const c = ctx as LinkContext & { keep?: Set<InputSection> };
  if (!c.keep) c.keep = new Set();
  return c.keep;
}

function compareBy(keys: string[], a: InputSection, b: InputSection): number {
  for (const k of keys) {
    let r = 0;
    if (k === 'name') r = a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    else if (k === 'alignment') r = b.align - a.align;
    else if (k === 'init_priority') r = initPriority(a.name) - initPriority(b.name);
    if (r !== 0) return r;
  }
  return 0;
}

/** Priority from `.init_array.NNNNN` / `.fini_array.NNNNN` (as is) and `.ctors.NNNNN` / `.dtors` (65535 - N). */
export function initPriority(name: string): number {
  const m = /\.(\d+)$/.exec(name);
  if (!m) return 65536;
  const n = parseInt(m[1], 10);
  return /^\.(ctors|dtors)\./.test(name) ? 65535 - n : n;
}

const enum OrphanClass { Text, Rodata, Tdata, Tbss, Data, Bss, Note, NonAlloc }

function classify(flags: number, type: number): OrphanClass {
  if ((flags & SHF_ALLOC) === 0) return OrphanClass.NonAlloc;
  if (type === SHT_NOTE) return OrphanClass.Note;
  if (flags & SHF_TLS) return type === SHT_NOBITS ? OrphanClass.Tbss : OrphanClass.Tdata;
  if (flags & SHF_WRITE) return type === SHT_NOBITS ? OrphanClass.Bss : OrphanClass.Data;
  if (flags & SHF_EXECINSTR) return OrphanClass.Text;
  return OrphanClass.Rodata;
}

const HOLD: Record<number, string> = {
  [OrphanClass.Text]: '.text', [OrphanClass.Rodata]: '.rodata', [OrphanClass.Tdata]: '.tdata', [OrphanClass.Tbss]: '.tbss',
  [OrphanClass.Data]: '.data', [OrphanClass.Bss]: '.bss', [OrphanClass.Note]: '.interp', [OrphanClass.NonAlloc]: '.comment',
};

function lsClass(ls: LSection): OrphanClass | -1 {
  let flags = 0;
  let type = 0;
  let any = false;
  for (const s of ls.stmts) {
    if (s.k !== 'secs') continue;
    for (const x of s.secs) { flags |= x.flags; type = type || x.type; if (x.type !== SHT_NOBITS) type = x.type; any = true; }
  }
  // a NOLOAD output section has no contents for GNU ld's orphan matching: bss-like
  if (any && ls.desc?.type === 'NOLOAD') type = SHT_NOBITS;
  const t = ls.desc?.type;
  if (any && (t === 'INFO' || t === 'COPY' || t === 'DSECT' || t === 'OVERLAY')) return OrphanClass.NonAlloc;
  return any ? classify(flags, type) : -1;
}

function placeOrphans(ctx: LinkContext, st: MapState, all: InputSection[], cmds: LCmd[]): void {
  const orphans = new Map<string, InputSection[]>();
  for (const s of all) {
    if (st.claimed.has(s) || s.discarded) continue;
    if (ctx.opts.relocatable === false && s.size === 0 && s.type !== SHT_NOBITS && false) continue;
    // unplaced commons join the .bss (.tbss) orphan, as with GNU ld
    const name = s.name === 'COMMON' ? '.bss' : s.name === '.tcommon' ? '.tbss' : s.name;
    const l = orphans.get(name);
    if (l) l.push(s); else orphans.set(name, [s]);
  }
  const lastPlaced = new Map<LCmd, LCmd>();
  for (const [name, secs] of orphans) {
    let flags = 0;
    let type = secs[0].type;
    for (const s of secs) { flags |= s.flags; if (s.type !== SHT_NOBITS) type = s.type; }
    const cls = classify(flags, type);
    const out = st.outputs.get(name) ?? new OutputSection(name);
    out.fromScript = false;
    const ls: LSection = { k: 'osec', desc: null, out, stmts: [{ k: 'secs', secs }] };
    for (const s of secs) st.claimed.add(s);
    // an output section of that name already exists: append there
    const existing = cmds.find((c): c is LSection => c.k === 'osec' && c.out.name === name);
    if (existing && st.outputs.has(name)) { existing.stmts.push({ k: 'secs', secs }); continue; }
    st.outputs.set(name, out);
    let anchorIdx = -1;
    if (name === '.note.gnu.property' || cls === OrphanClass.Note) {
      if (name !== '.note.gnu.property') {
        for (let i = cmds.length - 1; i >= 0; i--) {
          const c = cmds[i];
          if (c.k === 'osec' && lsClass(c) === OrphanClass.Note) { anchorIdx = i; break; }
        }
      }
      if (anchorIdx < 0) anchorIdx = cmds.findIndex((c) => c.k === 'osec' && c.out.name === '.interp');
    }
    if (anchorIdx < 0) {
      const hold = HOLD[cls];
      anchorIdx = cmds.findIndex((c) => c.k === 'osec' && c.out.name === hold && lsClass(c) !== -1);
      if (cls === OrphanClass.NonAlloc && anchorIdx < 0) anchorIdx = cmds.length - 1;
    }
    if (anchorIdx < 0) {
      // no named home: after the last section of the closest kind (orphans placed so far included)
      anchorIdx = bestBySimilarity(cmds, cls);
      if (anchorIdx < 0) { cmds.push(ls); continue; }
      cmds.splice(insertAfter(cmds, anchorIdx), 0, ls);
      continue;
    }
    // after the anchor and after orphans already placed behind it
    const anchor = cmds[anchorIdx];
    const prev = lastPlaced.get(anchor);
    cmds.splice(insertAfter(cmds, prev ? cmds.indexOf(prev) : anchorIdx), 0, ls);
    lastPlaced.set(anchor, ls);
  }
}

/**
 * A .tdata-like orphan with no .tdata home: GNU ld puts it after the last of the first run of TLS data
 * sections, else after the last allocated section with contents of any kind (code and read-only too).
 */
function tdataAnchor(cmds: LCmd[]): number {
  let found = -1;
  let seenTls = false;
  for (let i = 0; i < cmds.length; i++) {
    const c = cmds[i];
    if (c.k !== 'osec') continue;
    const k = lsClass(c);
    if (k === OrphanClass.Tdata) { found = i; seenTls = true; } else if (seenTls) break;
    else if (k === OrphanClass.Text || k === OrphanClass.Rodata || k === OrphanClass.Data || k === OrphanClass.Note) found = i;
  }
  return found;
}

/**
 * Where an orphan goes behind cmds[idx], as GNU ld does it: past the symbol assignments that follow
 * (`end_of_data = .;` stays with its section), but before a `. = ...` that precedes the next output
 * section (the orphan must not be moved by it).
 */
function insertAfter(cmds: LCmd[], idx: number): number {
  let at = idx + 1;
  let dotAt = -1;
  for (; at < cmds.length; at++) {
    const c = cmds[at];
    if (c.k === 'assert') continue;
    if (c.k === 'assign') { if (c.a.name === '.' && dotAt < 0) dotAt = at; continue; }
    if (dotAt >= 0) return dotAt;
    break;
  }
  return at;
}

function bestBySimilarity(cmds: LCmd[], cls: OrphanClass): number {
  if (cls === OrphanClass.Tdata) return tdataAnchor(cmds);
  const prefs: Record<number, OrphanClass[]> = {
    [OrphanClass.Text]: [OrphanClass.Text, OrphanClass.Rodata],
    [OrphanClass.Rodata]: [OrphanClass.Rodata, OrphanClass.Text, OrphanClass.Note],
    [OrphanClass.Tdata]: [OrphanClass.Tdata, OrphanClass.Data],
    [OrphanClass.Tbss]: [OrphanClass.Tbss, OrphanClass.Tdata, OrphanClass.Data],
    [OrphanClass.Data]: [OrphanClass.Data, OrphanClass.Tbss, OrphanClass.Tdata, OrphanClass.Rodata, OrphanClass.Text],
    [OrphanClass.Bss]: [OrphanClass.Bss, OrphanClass.Data, OrphanClass.Rodata, OrphanClass.Text],
    [OrphanClass.Note]: [OrphanClass.Note, OrphanClass.Rodata, OrphanClass.Text],
    [OrphanClass.NonAlloc]: [OrphanClass.NonAlloc],
  };
  for (const want of prefs[cls]) {
    for (let i = cmds.length - 1; i >= 0; i--) {
      const c = cmds[i];
      if (c.k === 'osec' && lsClass(c) === want) return i;
    }
  }
  if (cls !== OrphanClass.NonAlloc) {
    for (let i = cmds.length - 1; i >= 0; i--) {
      const c = cmds[i];
      const k = c.k === 'osec' ? lsClass(c) : -1;
      if (k !== -1 && k !== OrphanClass.NonAlloc) return i;
    }
  }
  return -1;
}
