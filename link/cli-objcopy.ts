/**
 * `cc-ts objcopy`: GNU objcopy's common uses.
 *
 *   objcopy [options] in [out]
 *
 * Inputs: ELF relocatable objects (rewritten through elf/'s object model), ELF executables (raw
 * binary output only), and raw files with -I binary (embedded as an object whose .data holds the
 * bytes, with _binary_NAME_start/_end/_size symbols; NAME is the input path with every character
 * that is not a letter or digit replaced by `_`; -B names the machine).
 * Options: -O binary|elf64-x86-64|elf32-i386, -I binary, -B arch, -j/--only-section, -R/--remove-section,
 * -g/--strip-debug, -S/--strip-all, --set-section-flags, --rename-section, --add-section,
 * --change-addresses/--adjust-vma, --pad-to, --gap-fill.
 * Raw binary images follow GNU: allocated sections with contents laid out by load address from the
 * lowest one, gaps filled with the --gap-fill byte (default 0), extended to --pad-to.
 * Errors print as `cc-ts objcopy: ...` with exit status 1 and leave no output file.
 */
import * as fs from 'fs';
import {
  EM_386, EM_X86_64, ET_EXEC, ET_REL, PT_LOAD, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHT_NOBITS, SHT_NOTE, SHT_PROGBITS,
  STB_GLOBAL, STT_FILE, STT_NOTYPE,
} from '../elf/constants';
import { ElfError } from '../elf/error';
import { addSection, addSymbol, makeSection, makeSymbol, newObjectFile, ObjectFile, ObjSection, SEC_ABS, SEC_COMMON } from '../elf/object';
import { isElf, readElf, sectionData } from '../elf/read-elf';
import { readObject } from '../elf/read-object';
import { writeObject } from '../elf/write-object';

class ObjcopyError extends Error {}

interface CopyOptions {
  input: string; output: string; inFormat: string; outFormat: string; arch: string;
  only: string[]; remove: string[]; stripDebug: boolean; stripAll: boolean;
  setFlags: Map<string, string[]>; rename: { from: string; to: string; flags: string[] | null }[];
  addSections: { name: string; file: string }[]; adjust: bigint; padTo: bigint | null; gapFill: number;
}

const FORMATS: Record<string, { cls: 32 | 64; machine: number }> = {
  'elf64-x86-64': { cls: 64, machine: EM_X86_64 }, 'elf32-i386': { cls: 32, machine: EM_386 },
};
const ARCHES: Record<string, number> = { 'i386:x86-64': EM_X86_64, i386: EM_386 };

function num(s: string, what: string): bigint {
  try {
    const neg = s.startsWith('-');
    const v = BigInt(neg ? s.slice(1) : s.startsWith('+') ? s.slice(1) : s);
    return neg ? -v : v;
  } catch { throw new ObjcopyError(`bad ${what}: ${s}`); }
}

function parseArgs(argv: string[]): CopyOptions {
  const o: CopyOptions = {
    input: '', output: '', inFormat: '', outFormat: '', arch: '', only: [], remove: [], stripDebug: false, stripAll: false,
    setFlags: new Map(), rename: [], addSections: [], adjust: 0n, padTo: null, gapFill: 0,
  };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    // `--opt=value`, `--opt value`, `-Xvalue`, `-X value`
    const take = (longs: string[], short?: string): string | null => {
      for (const l of longs) {
        if (a === l) { if (i + 1 >= argv.length) throw new ObjcopyError(`option '${l}' requires an argument`); return argv[++i]; }
        if (a.startsWith(l + '=')) return a.slice(l.length + 1);
      }
      if (short && a === short) { if (i + 1 >= argv.length) throw new ObjcopyError(`option requires an argument -- '${short.slice(1)}'`); return argv[++i]; }
      if (short && a.startsWith(short) && a.length > 2 && !a.startsWith('--')) return a.slice(2);
      return null;
    };
    let v: string | null;
    if ((v = take(['--output-target'], '-O')) !== null) o.outFormat = v;
    else if ((v = take(['--input-target'], '-I')) !== null) o.inFormat = v;
    else if ((v = take(['--target'], '-F')) !== null) { o.inFormat = v; o.outFormat = v; }
    else if ((v = take(['--binary-architecture'], '-B')) !== null) o.arch = v;
    else if ((v = take(['--only-section'], '-j')) !== null) o.only.push(v);
    else if ((v = take(['--remove-section'], '-R')) !== null) o.remove.push(v);
    else if (a === '-g' || a === '--strip-debug') o.stripDebug = true;
    else if (a === '-S' || a === '--strip-all') o.stripAll = true;
    else if ((v = take(['--set-section-flags'])) !== null) {
      const [n, f] = v.split('=');
      if (f === undefined) throw new ObjcopyError(`bad format for --set-section-flags: argument ${v}`);
      o.setFlags.set(n, f.split(',').map((x) => x.trim().toLowerCase()));
    } else if ((v = take(['--rename-section'])) !== null) {
      const m = /^([^=]+)=([^,]+)(?:,(.*))?$/.exec(v);
      if (!m) throw new ObjcopyError(`bad format for --rename-section: argument ${v}`);
      o.rename.push({ from: m[1], to: m[2], flags: m[3] ? m[3].split(',').map((x) => x.trim().toLowerCase()) : null });
    } else if ((v = take(['--add-section'])) !== null) {
      const eq = v.indexOf('=');
      if (eq <= 0) throw new ObjcopyError(`bad format for --add-section: argument ${v}`);
      o.addSections.push({ name: v.slice(0, eq), file: v.slice(eq + 1) });
    } else if ((v = take(['--change-addresses', '--adjust-vma'])) !== null) o.adjust = num(v, 'address');
    else if ((v = take(['--pad-to'])) !== null) o.padTo = num(v, 'address');
    else if ((v = take(['--gap-fill'])) !== null) o.gapFill = Number(num(v, 'fill value') & 0xffn);
    else if (a.startsWith('-') && a !== '-') throw new ObjcopyError(`unrecognized option '${a}'`);
    else files.push(a);
  }
  if (files.length === 0) throw new ObjcopyError('no input file specified');
  if (files.length > 2) throw new ObjcopyError(`too many file names: ${files.join(' ')}`);
  o.input = files[0];
  o.output = files[1] ?? files[0];
  return o;
}

const isDebug = (name: string): boolean => /^\.(debug|zdebug|gnu\.debuglto_|line$|stab)/.test(name);

/** A raw file as an object: .data holds the bytes; _binary_NAME_start, _end and _size. */
function binaryToObject(o: CopyOptions, bytes: Uint8Array): ObjectFile {
  const fmt = FORMATS[o.outFormat];
  if (!fmt) throw new ObjcopyError(`-I binary needs -O elf64-x86-64 or elf32-i386, not '${o.outFormat || 'binary'}'`);
  const machine = o.arch ? ARCHES[o.arch] : fmt.machine;
  if (machine === undefined) throw new ObjcopyError(`architecture ${o.arch} unknown`);
  const obj = newObjectFile(fmt.cls, machine);
  const sec = addSection(obj, makeSection('.data', SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 1, bytes));
  const base = '_binary_' + o.input.replace(/[^A-Za-z0-9]/g, '_');
  const size = BigInt(bytes.length);
  addSymbol(obj, makeSymbol(base + '_start', STB_GLOBAL, STT_NOTYPE, sec, 0n));
  addSymbol(obj, makeSymbol(base + '_end', STB_GLOBAL, STT_NOTYPE, sec, size));
  addSymbol(obj, makeSymbol(base + '_size', STB_GLOBAL, STT_NOTYPE, SEC_ABS, size));
  return obj;
}

/** The flag words of --set-section-flags / --rename-section as SHF bits (and whether it has contents). */
function sectionFlags(words: string[], oldType: number): { flags: number; type: number } {
  let flags = 0;
  for (const w of words) {
    if (!['alloc', 'load', 'noload', 'readonly', 'code', 'data', 'rom', 'contents', 'debug', 'share', 'exclude', 'merge', 'strings'].includes(w)) {
      throw new ObjcopyError(`unrecognized section flag \`${w}'`);
    }
  }
  const has = (w: string): boolean => words.includes(w);
  if (has('alloc')) flags |= SHF_ALLOC;
  if (has('alloc') && !has('readonly')) flags |= SHF_WRITE;
  if (has('code')) flags |= SHF_EXECINSTR;
  if (has('exclude')) flags |= 0x80000000;
  let type = oldType;
  if (has('contents') && oldType === SHT_NOBITS) type = SHT_PROGBITS; // zero-filled contents
  if (has('noload')) type = SHT_NOBITS;
  return { flags: flags >>> 0, type };
}

function setFlags(s: ObjSection, words: string[]): void {
  const f = sectionFlags(words, s.type);
  s.flags = ((s.flags & ~(SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR)) | f.flags) >>> 0;
  if (s.type === SHT_NOBITS && f.type !== SHT_NOBITS) s.data = new Uint8Array(s.size);
  if (f.type === SHT_NOBITS && s.type !== SHT_NOBITS) s.data = new Uint8Array(0);
  s.type = f.type;
}

function editObject(o: CopyOptions, obj: ObjectFile): void {
  const keep = (name: string, flags: number): boolean => {
    if (o.only.length && !o.only.some((p) => globMatch(p, name))) return false;
    if (o.remove.some((p) => globMatch(p, name))) return false;
    if ((o.stripDebug || o.stripAll) && isDebug(name) && !(flags & SHF_ALLOC)) return false;
    return true;
  };
  // sections: drop, then renumber symbols' and relocations' section indices
  const map = new Int32Array(obj.sections.length);
  const secs = [obj.sections[0]];
  for (let i = 1; i < obj.sections.length; i++) {
    const s = obj.sections[i];
    if (keep(s.name, s.flags)) { map[i] = secs.length; secs.push(s); } else map[i] = -1;
  }
  const removed = (i: number): boolean => i > 0 && map[i] < 0;
  // symbols in removed sections go; with --strip-all so do those no relocation needs
  // --strip-all on an object also drops the relocations (GNU objcopy's -S)
  if (o.stripAll) for (const s of secs) s.relocs = [];
  const symMap = new Int32Array(obj.symbols.length);
  const syms = [obj.symbols[0]];
  for (let i = 1; i < obj.symbols.length; i++) {
    const y = obj.symbols[i];
    let drop = y.section > 0 && removed(y.section);
    if (o.stripAll) drop = true;
    if (o.stripDebug && y.type === STT_FILE) drop = true; // a debugging symbol to GNU objcopy
    // with -j, only symbols of the kept sections stay (undefined ones go too)
    if (o.only.length && (y.section === 0 || y.section === SEC_COMMON)) drop = true;
    if (drop) { symMap[i] = -1; continue; }
    symMap[i] = syms.length;
    syms.push(y);
  }
  for (const y of syms) if (y.section > 0) y.section = map[y.section];
  for (const s of secs) {
    for (const r of s.relocs) {
      if (symMap[r.symbol] < 0) throw new ObjcopyError(`${o.output}: symbol \`${obj.symbols[r.symbol].name}' required but not present`);
      r.symbol = symMap[r.symbol];
    }
    if (s.link > 0) s.link = map[s.link] > 0 ? map[s.link] : 0;
    if (s.info > 0 && (s.flags & 0x40)) s.info = map[s.info] > 0 ? map[s.info] : 0;
    if (s.group) {
      s.group.members = s.group.members.filter((m) => map[m] > 0).map((m) => map[m]);
      s.group.signature = Math.max(0, symMap[s.group.signature]);
    }
  }
  obj.sections = secs;
  obj.symbols = syms;
  // renames and flags
  for (const s of obj.sections) {
    const rn = o.rename.find((r) => r.from === s.name);
    if (rn) {
      s.name = rn.to;
      if (rn.flags) setFlags(s, rn.flags);
    }
    const sf = o.setFlags.get(s.name);
    if (sf) setFlags(s, sf);
  }
  for (const a of o.addSections) {
    let data: Uint8Array;
    try { data = new Uint8Array(fs.readFileSync(a.file)); } catch { throw new ObjcopyError(`cannot open: ${a.file}: No such file or directory`); }
    addSection(obj, makeSection(a.name, a.name.startsWith('.note') ? SHT_NOTE : SHT_PROGBITS, 0, 1, data));
  }
}

/** sh_addr of allocated sections moved by --change-addresses (the object model keeps no addresses). */
function patchAddresses(bytes: Uint8Array, delta: bigint): void {
  if (delta === 0n) return;
  const elf = readElf(bytes);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const is64 = elf.class === 64;
  const entSize = is64 ? 64 : 40;
  for (const s of elf.sections) {
    if (!(s.flags & SHF_ALLOC)) continue;
    const at = elf.shoff + s.index * entSize + (is64 ? 16 : 12);
    if (is64) dv.setBigUint64(at, BigInt.asUintN(64, s.addr + delta), true);
    else dv.setUint32(at, Number(BigInt.asUintN(32, s.addr + delta)), true);
  }
}

/** Raw image of an ELF file's allocated sections with contents, by load address. */
function binaryImage(o: CopyOptions, bytes: Uint8Array): Uint8Array {
  const elf = readElf(bytes, o.input);
  const parts: { lma: bigint; data: Uint8Array }[] = [];
  for (const s of elf.sections) {
    if (s.index === 0 || !(s.flags & SHF_ALLOC) || s.type === SHT_NOBITS || s.size === 0) continue;
    const name = s.nameStr;
    if (o.only.length && !o.only.some((p) => globMatch(p, name))) continue;
    if (o.remove.some((p) => globMatch(p, name))) continue;
    let lma = s.addr;
    if (elf.type === ET_EXEC || elf.programs.length) {
      for (const p of elf.programs) {
        if (p.type !== PT_LOAD) continue;
        if (s.offset >= p.offset && s.offset + s.size <= p.offset + p.filesz) { lma = p.paddr + BigInt(s.offset - p.offset); break; }
      }
    }
    parts.push({ lma: lma + o.adjust, data: sectionData(elf, s) });
  }
  if (!parts.length) return new Uint8Array(0);
  parts.sort((a, b) => (a.lma < b.lma ? -1 : a.lma > b.lma ? 1 : 0));
  const base = parts[0].lma;
  let end = 0n;
  for (const p of parts) { const e = p.lma + BigInt(p.data.length); if (e > end) end = e; }
  if (o.padTo !== null && o.padTo > end) end = o.padTo;
  const out = new Uint8Array(Number(end - base));
  if (o.gapFill) out.fill(o.gapFill);
  for (const p of parts) out.set(p.data, Number(p.lma - base));
  return out;
}

function copy(o: CopyOptions): Uint8Array {
  let bytes: Uint8Array;
  try { bytes = new Uint8Array(fs.readFileSync(o.input)); } catch { throw new ObjcopyError(`'${o.input}': No such file`); }
  if (o.inFormat === 'binary') {
    const obj = binaryToObject(o, bytes);
    editObject(o, obj);
    const out = writeObject(obj, o.output);
    patchAddresses(out, o.adjust);
    return out;
  }
  if (o.inFormat && !FORMATS[o.inFormat]) throw new ObjcopyError(`${o.input}: invalid bfd target '${o.inFormat}'`);
  if (!isElf(bytes)) throw new ObjcopyError(`${o.input}: file format not recognized`);
  if (o.outFormat === 'binary') return binaryImage(o, bytes);
  if (o.outFormat && !FORMATS[o.outFormat]) throw new ObjcopyError(`${o.output}: invalid bfd target '${o.outFormat}'`);
  const elf = readElf(bytes, o.input);
  if (elf.type !== ET_REL) throw new ObjcopyError(`${o.input}: only relocatable objects can be rewritten as ELF (executables: -O binary)`);
  const obj = readObject(bytes, o.input);
  const fmt = o.outFormat ? FORMATS[o.outFormat] : null;
  if (fmt && (fmt.cls !== obj.class || fmt.machine !== obj.machine)) {
    throw new ObjcopyError(`${o.input}: cannot convert between ELF classes or machines (${o.outFormat})`);
  }
  editObject(o, obj);
  const out = writeObject(obj, o.output);
  patchAddresses(out, o.adjust);
  return out;
}

/** fnmatch-style pattern for -j/-R: * ? [..] */
function globMatch(pat: string, s: string): boolean {
  if (!/[*?[]/.test(pat)) return pat === s;
  const re = '^' + pat.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$';
  return new RegExp(re).test(s);
}

/** `cc-ts objcopy ...`: returns the exit status. */
export function objcopyCommand(argv: string[]): number {
  let o: CopyOptions | null = null;
  try {
    o = parseArgs(argv);
    const out = copy(o);
    const tmp = `${o.output}.cc-ts-objcopy-${process.pid}`;
    fs.writeFileSync(tmp, out, { mode: o.outFormat === 'binary' ? 0o755 : 0o644 });
    fs.renameSync(tmp, o.output);
    return 0;
  } catch (e) {
    if (e instanceof ObjcopyError || e instanceof ElfError) {
      process.stderr.write(`cc-ts objcopy: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
