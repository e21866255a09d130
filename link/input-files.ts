/**
 * Input files: objects, archives and linker-script text, read in command-line order the way GNU ld
 * does it.
 *
 * Archives are searched when they are reached: a member is extracted while it defines a symbol that
 * is undefined (and strongly referenced) at that point, repeating until nothing changes; later
 * references are not resolved by an earlier archive unless both are inside --start-group/--end-group,
 * whose archives are rescanned until a whole pass extracts nothing. --whole-archive extracts every
 * member. A file that is neither ELF nor an archive is read as a linker script: its INPUT and GROUP
 * commands add files (glibc's libc.so is such a script), and its other commands join the link's script.
 */
import * as path from 'path';
import { allMembers, ArchiveMember, findName, isArchive, memberAt, nameHash, openArchive } from '../elf/archive';
import { isElf, readInputObject } from './read-input';
import { SHF_ALLOC, SHF_WRITE, SHT_NOBITS } from '../elf/constants';
import { ArchiveInput, InputArg, InputSection, LinkContext, ObjectInput, RelocList, SymKind } from './context';
import { LinkError } from './error';
import { parseScript } from './script-parser';
import { checkMachine } from './symbols';
import { Script } from './script-ast';


interface LoadState { whole: boolean; group: ArchiveInput[] | null; staticOnly: boolean }

/** Read every input of the command line, in order. */
export function loadInputs(ctx: LinkContext, args: InputArg[]): void {
  const st: LoadState = { whole: false, group: null, staticOnly: true };
  for (const a of args) {
    switch (a.k) {
      case 'file': addFile(ctx, a.path, st, false); break;
      case 'lib': addFile(ctx, findLibrary(ctx, a.name, st.staticOnly), st, false); break;
      case 'whole': st.whole = a.on; break;
      case 'static': break;
      case 'asNeeded': break;
      case 'group':
        if (a.start) { if (st.group) throw new LinkError('nested --start-group'); st.group = []; }
        else { if (!st.group) throw new LinkError('group ended before it began (--help for usage)'); const g = st.group; st.group = null; scanGroup(ctx, g); }
        break;
    }
  }
  if (st.group) scanGroup(ctx, st.group);
}

/** Search -L directories (and SEARCH_DIR) for lib<name>.a, or for the exact file with -l:name. */
export function findLibrary(ctx: LinkContext, name: string, staticOnly: boolean): string {
  const dirs = [...ctx.opts.libPaths, ...ctx.script.searchDirs.map((d) => (d.startsWith('=') ? ctx.opts.sysroot + d.slice(1) : d))];
  const files = name.startsWith(':') ? [name.slice(1)] : staticOnly ? [`lib${name}.a`] : [`lib${name}.so`, `lib${name}.a`];
  for (const d of dirs) {
    for (const f of files) {
      const p = path.join(d, f);
      if (ctx.fileExists(p)) return p;
    }
  }
  throw new LinkError(`cannot find -l${name}: No such file or directory`);
}

function addFile(ctx: LinkContext, file: string, st: LoadState, fromScript: boolean): void {
  let bytes: Uint8Array;
  try {
    bytes = ctx.readFile(file);
  } catch {
    if (fromScript) {
      for (const d of [...ctx.opts.libPaths, ...ctx.script.searchDirs]) {
        const p = path.join(d, file);
        if (ctx.fileExists(p)) { addFile(ctx, p, st, false); return; }
      }
    }
    throw new LinkError(`cannot find ${file}: No such file or directory`);
  }
  if (isArchive(bytes)) { addArchive(ctx, file, bytes, st); return; }
  if (isElf(bytes)) {
    if (bytes.length > 16 && bytes[16] === 3 && bytes[17] === 0) throw new LinkError(`${file}: shared objects are not supported (static links only)`);
    addObject(ctx, bytes, file, null, null);
    return;
  }
  addScriptFile(ctx, file, bytes, st);
}

function addScriptFile(ctx: LinkContext, file: string, bytes: Uint8Array, st: LoadState): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (/[\0-\x08\x0e-\x1f]/.test(text.slice(0, 512))) throw new LinkError(`${file}: file format not recognized; treating as linker script`);
  const sc = parseScript(text, file, (n) => includeScript(ctx, n));
  mergeImplicitScript(ctx.script, sc);
  addScriptInputs(ctx, sc.inputs, file, st);
}

/**
 * The INPUT and GROUP commands of the -T scripts: GNU ld reads their files where the -T option stands,
 * which is before the command line's objects in the usual `-T script objects...` order.
 */
export function loadScriptInputs(ctx: LinkContext, inputs: Script['inputs'], scriptFile: string): void {
  addScriptInputs(ctx, inputs, scriptFile, { whole: false, group: null, staticOnly: true });
}

function addScriptInputs(ctx: LinkContext, inputs: Script['inputs'], file: string, st: LoadState): void {
  for (const cmd of inputs) {
    const inner: LoadState = { whole: st.whole, group: cmd.group ? [] : st.group, staticOnly: st.staticOnly };
    for (const f of cmd.files) {
      if (f.asNeeded && /\.so(\.|$)/.test(f.name)) continue;
      if (f.name.startsWith('-l')) addFile(ctx, findLibrary(ctx, f.name.slice(2), st.staticOnly), inner, true);
      else addFile(ctx, resolveScriptPath(ctx, file, f.name), inner, true);
    }
    if (cmd.group && inner.group) scanGroup(ctx, inner.group);
  }
}

function resolveScriptPath(ctx: LinkContext, script: string, name: string): string {
  if (path.isAbsolute(name)) {
    if (ctx.opts.sysroot && ctx.fileExists(ctx.opts.sysroot + name)) return ctx.opts.sysroot + name;
    return name;
  }
  if (ctx.fileExists(name)) return name;
  const rel = path.join(path.dirname(script), name);
  if (ctx.fileExists(rel)) return rel;
  return name;
}

/** Read an INCLUDEd script from the current directory or the -L paths. */
export function includeScript(ctx: LinkContext, name: string): { file: string; text: string } {
  const cands = [name, ...ctx.opts.libPaths.map((d) => path.join(d, name))];
  for (const c of cands) {
    if (ctx.fileExists(c)) return { file: c, text: Buffer.from(ctx.readFile(c)).toString('latin1') };
  }
  throw new LinkError(`cannot open linker script file ${name}: No such file or directory`);
}

/** Commands of a script given as an input file join the main script (they do not replace SECTIONS). */
function mergeImplicitScript(main: Script, sc: Script): void {
  main.sections.push(...sc.sections);
  if (sc.hasSections) main.hasSections = true;
  if (sc.entry) main.entry = sc.entry;
  main.memory.push(...sc.memory);
  if (sc.phdrs) main.phdrs = sc.phdrs;
  main.searchDirs.push(...sc.searchDirs);
  main.externs.push(...sc.externs);
}

function addArchive(ctx: LinkContext, file: string, bytes: Uint8Array, st: LoadState): void {
  const lazy = openArchive(bytes, file);
  const input: ArchiveInput = { path: file, lazy, loaded: new Set(), syms: new Array(lazy.names), synced: 0, wholeArchive: st.whole };
  ctx.archives.push(input);
  if (st.whole) {
    for (const m of allMembers(lazy)) loadMember(ctx, input, m);
    return;
  }
  if (st.group) st.group.push(input);
  scanArchive(ctx, input);
}

/**
 * Look up the global symbols created since the last call in the archive's index. A symbol that is
 * defined (or common) by then never becomes undefined again, so it can never pull a member: only
 * the undefined ones are looked up.
 */
function syncArchive(ctx: LinkContext, ar: ArchiveInput): void {
  const list = ctx.symbolList;
  if (ar.lazy.names === 0) { ar.synced = list.length; return; }
  for (let i = ar.synced; i < list.length; i++) {
    const s = list[i];
    if (s.kind !== SymKind.Undefined) continue;
    if (s.nameHash < 0) s.nameHash = nameHash(s.name);
    const u = findName(ar.lazy, s.name, s.nameHash);
    if (u >= 0) ar.syms[u] = s;
  }
  ar.synced = list.length;
}

/**
 * Extract members that define currently undefined (strongly referenced) symbols, walking the index
 * in order and repeating until a pass extracts nothing; true if anything was extracted.
 */
function scanArchive(ctx: LinkContext, ar: ArchiveInput): boolean {
  const { names, start, offsets } = ar.lazy;
  let any = false;
  for (;;) {
    let changed = false;
    syncArchive(ctx, ar);
    for (let u = 0; u < names; u++) {
      const s = ar.syms[u];
      if (s === undefined || s.kind !== SymKind.Undefined || !s.strongRef) continue;
      for (let k = start[u]; k < start[u + 1]; k++) {
        const off = offsets[k];
        if (ar.loaded.has(off)) continue;
        loadMember(ctx, ar, memberAt(ar.lazy, off));
        syncArchive(ctx, ar);
        changed = true;
        break;
      }
    }
    if (!changed) return any;
    any = true;
  }
}

function scanGroup(ctx: LinkContext, group: ArchiveInput[]): void {
  for (;;) {
    let any = false;
    for (const ar of group) if (scanArchive(ctx, ar)) any = true;
    if (!any) return;
  }
}

function loadMember(ctx: LinkContext, ar: ArchiveInput, m: ArchiveMember): void {
  ar.loaded.add(m.headerOffset);
  const data = m.data ?? ctx.readFile(path.join(path.dirname(ar.path), m.name));
  if (!isElf(data)) {
    if (ar.wholeArchive) return;
    throw new LinkError(`${ar.path}(${m.name}): file format not recognized`);
  }
  addObject(ctx, data, ar.path, ar.path, m.name);
}

/** Read one object and add its sections and symbols. */
export function addObject(ctx: LinkContext, bytes: Uint8Array, name: string, archive: string | null, member: string | null): ObjectInput {
  const display = archive ? `${archive}(${member})` : name;
  return readInputObject(ctx, bytes, display, name, archive, member, (machine, cls) => {
    checkMachine(display, machine, ctx.target.machine, ctx.target.machine === 62 ? 'i386:x86-64' : 'i386');
    if (cls !== ctx.target.cls) throw new LinkError(`${display}: file class ELF${cls} incompatible with ELF${ctx.target.cls}`);
  });
}

/** Give every common symbol a bss-like COMMON section in its defining file, then define it there. */
export function allocateCommons(ctx: LinkContext): void {
  for (const s of ctx.symbols.values()) {
    if (s.kind !== SymKind.Common || !s.file) continue;
    const align = Math.max(1, Number(s.value));
    const isTls = s.type === 6;
    const sec = new InputSection(s.file, -1, isTls ? '.tcommon' : 'COMMON', SHT_NOBITS, SHF_ALLOC | SHF_WRITE | (isTls ? 0x400 : 0), align,
      Number(s.size), new Uint8Array(0), RelocList.EMPTY, 0);
    s.file.sections.push(sec);
    s.kind = SymKind.Defined;
    s.section = sec;
    s.value = 0n;
    if (s.type === 0) s.type = 1; // STT_OBJECT
  }
}

