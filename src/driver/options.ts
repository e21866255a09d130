// gcc-compatible command-line parsing for `cc-ts` (the compiler driver).
//
// Options are rows of a table: a spelling, how its argument is given (none, joined "-Ifoo",
// separate "-I foo", or either), and an action on the DriverOptions record. Longest spelling wins, so
// "-MMD" is not taken for "-M" with argument "MD". Anything that starts with '-' and matches no row is
// gcc's "unrecognized command-line option" error.

import { defaultDiagOptions, DiagOptions } from '../diag/diagnostics';
import { targetFromTriple, TargetLayout, withCodeOptions } from '../../targets/layout';

export type Lang = 'c' | 'c-header' | 'cpp-output' | 'assembler' | 'assembler-with-cpp' | 'object' | 'none';

export interface InputFile {
  path: string;          // '-' for standard input
  lang: Lang;            // 'none': decided by the file name
}

export type Stage = 'preprocess' | 'syntax' | 'assemble-only' /* -S */ | 'compile' /* -c */ | 'link';

export interface DriverOptions {
  stage: Stage;
  output: string | null;
  inputs: InputFile[];
  /** Inputs and -l/-Wl items for the linker, in command-line order. */
  linkItems: string[];
  target: string;          // triple
  std: string;             // gnu17 by default
  quoteDirs: string[];
  includeDirs: string[];   // -I
  systemDirs: string[];    // -isystem
  afterDirs: string[];     // -idirafter
  nostdinc: boolean;
  sysroot: string | null;
  /** -D/-U/-include/-imacros in order: ['D', 'X=1'], ['U', 'X'], ['include', 'f.h'], ['imacros', 'g.h'] */
  macroOps: [string, string][];
  optLevel: string;        // '0' '1' '2' '3' 's' 'g' 'fast' 'z'
  debug: boolean;
  /** -gdwarf-N (gcc's default 5): the DWARF version, passed to the assembler of .s/.S inputs. */
  dwarfVersion: number;
  fflags: Map<string, boolean>;  // -fNAME / -fno-NAME
  fvalues: Map<string, string>;  // -fNAME=VALUE
  mflags: string[];        // -m options as given
  freestanding: boolean;
  /** -fsigned-char / -funsigned-char (the last one given; null: the target's default). */
  charSigned: boolean | null;
  /** -fshort-wchar */
  shortWchar: boolean;
  /** -fmacro-prefix-map=OLD=NEW and -ffile-prefix-map=OLD=NEW, in command-line order. */
  macroPrefixMap: [string, string][];
  pic: 0 | 1 | 2;          // -fpic=1 -fPIC=2
  pie: 0 | 1 | 2;
  // preprocessor output
  dumpMacros: 'M' | 'D' | 'N' | 'I' | null;
  noLineMarkers: boolean;  // -P
  keepComments: boolean;   // -C
  traditional: boolean;
  trigraphs: boolean;
  // dependencies
  deps: { kind: 'M' | 'MM' | null; file: boolean /* -MD/-MMD */; system: boolean; mf: string | null; targets: string[]; phony: boolean; mg: boolean };
  diag: DiagOptions;
  // linking
  libDirs: string[];
  linkerScript: string | null;
  static: boolean;
  shared: boolean;
  nostdlib: boolean;
  nostartfiles: boolean;
  nodefaultlibs: boolean;
  pthread: boolean;
  saveTemps: boolean;
  asFlags: string[];
  verbose: boolean;
  /** Actions that print and exit: --version, --help, -dumpmachine, ... */
  info: string | null;
}

export function defaultOptions(): DriverOptions {
  return {
    stage: 'link', output: null, inputs: [], linkItems: [], target: 'x86_64-linux-gnu', std: 'gnu17',
    quoteDirs: [], includeDirs: [], systemDirs: [], afterDirs: [], nostdinc: false, sysroot: null,
    macroOps: [], optLevel: '0', debug: false, dwarfVersion: 5, fflags: new Map(), fvalues: new Map(), mflags: [],
    freestanding: false, charSigned: null, shortWchar: false, macroPrefixMap: [], pic: 0, pie: 0, dumpMacros: null, noLineMarkers: false, keepComments: false,
    traditional: false, trigraphs: false,
    deps: { kind: null, file: false, system: true, mf: null, targets: [], phony: false, mg: false },
    diag: defaultDiagOptions(), libDirs: [], linkerScript: null, static: false, shared: false,
    nostdlib: false, nostartfiles: false, nodefaultlibs: false, pthread: false, saveTemps: false,
    asFlags: [], verbose: false, info: null,
  };
}

export class OptionError extends Error {}

type Arg = 'none' | 'joined' | 'separate' | 'either' | 'prefix';
interface Row {
  name: string;
  arg: Arg;
  act: (o: DriverOptions, value: string, spelled: string) => void;
}

const STDS = new Set([
  'c89', 'c90', 'c99', 'c9x', 'c11', 'c1x', 'c17', 'c18', 'c2x', 'c23', 'gnu89', 'gnu90', 'gnu99', 'gnu9x',
  'gnu11', 'gnu1x', 'gnu17', 'gnu18', 'gnu2x', 'gnu23', 'iso9899:1990', 'iso9899:199409', 'iso9899:1999',
  'iso9899:2011', 'iso9899:2017', 'iso9899:2018',
]);
const STD_ALIAS: Record<string, string> = {
  c90: 'c89', c9x: 'c99', c1x: 'c11', c18: 'c17', c23: 'c2x', gnu90: 'gnu89', gnu9x: 'gnu99', gnu1x: 'gnu11',
  gnu18: 'gnu17', gnu23: 'gnu2x', 'iso9899:1990': 'c89', 'iso9899:199409': 'c94', 'iso9899:1999': 'c99',
  'iso9899:2011': 'c11', 'iso9899:2017': 'c17', 'iso9899:2018': 'c17',
};

const LANGS = new Set(['c', 'c-header', 'cpp-output', 'assembler', 'assembler-with-cpp', 'none']);

let pendingLang: Lang = 'none';

function warningFlag(o: DriverOptions, v: string): void {
  const d = o.diag;
  if (v === 'all') { d.wall = true; return; }
  if (v === 'extra') { d.wextra = true; return; }
  if (v === 'error') { d.werror = true; return; }
  if (v === 'no-error') { d.werror = false; return; }
  if (v === 'pedantic') { d.pedantic = true; return; }
  if (v.startsWith('error=')) { d.werrorFlags.add(v.slice(6)); d.enabled.set(v.slice(6), true); return; }
  if (v.startsWith('no-error=')) { d.werrorFlags.delete(v.slice(9)); return; }
  const eq = v.indexOf('=');
  const name = eq >= 0 ? v.slice(0, eq) : v;
  if (name.startsWith('no-')) d.enabled.set(name.slice(3), false);
  else d.enabled.set(name, eq < 0 || v.slice(eq + 1) !== '0'); // -Wformat=0 is -Wno-format
}

function fFlag(o: DriverOptions, v: string): void {
  const eq = v.indexOf('=');
  if (eq >= 0) {
    const key = v.slice(0, eq), val = v.slice(eq + 1);
    o.fvalues.set(key, val);
    if (key === 'macro-prefix-map' || key === 'file-prefix-map') {
      // OLD=NEW splits at the last '=' (gcc: a '=' may be part of OLD, not of NEW)
      const k = val.lastIndexOf('=');
      if (k < 0) throw new OptionError(`invalid argument '${val}' to '-f${key}'`);
      o.macroPrefixMap.push([val.slice(0, k), val.slice(k + 1)]);
    }
    return;
  }
  const on = !v.startsWith('no-');
  const name = on ? v : v.slice(3);
  o.fflags.set(name, on);
  switch (name) {
    case 'pic': o.pic = on ? 1 : 0; break;
    case 'PIC': o.pic = on ? 2 : 0; break;
    case 'pie': o.pie = on ? 1 : 0; o.pic = on ? 1 : o.pic; break;
    case 'PIE': o.pie = on ? 2 : 0; o.pic = on ? 2 : o.pic; break;
    case 'freestanding': o.freestanding = on; break;
    case 'hosted': o.freestanding = !on; break;
    case 'signed-char': o.charSigned = on; break;
    case 'unsigned-char': o.charSigned = !on; break;
    case 'short-wchar': o.shortWchar = on; break;
    case 'syntax-only': o.stage = 'syntax'; break;
    case 'diagnostics-show-caret': o.diag.caret = on; break;
  }
  if (name.startsWith('max-errors')) o.diag.maxErrors = Number(v.split('=')[1] ?? 0);
}

const ROWS: Row[] = [
  { name: '-E', arg: 'none', act: (o) => { o.stage = 'preprocess'; } },
  { name: '-S', arg: 'none', act: (o) => { if (o.stage !== 'preprocess') o.stage = 'assemble-only'; } },
  { name: '-c', arg: 'none', act: (o) => { if (o.stage === 'link') o.stage = 'compile'; } },
  { name: '-fsyntax-only', arg: 'none', act: (o) => { o.stage = 'syntax'; } },
  { name: '-o', arg: 'either', act: (o, v) => { o.output = v; } },
  { name: '-I', arg: 'either', act: (o, v) => { if (v === '-') o.quoteDirs.push(...o.includeDirs.splice(0)); else o.includeDirs.push(v); } },
  { name: '-iquote', arg: 'either', act: (o, v) => { o.quoteDirs.push(v); } },
  { name: '-isystem', arg: 'either', act: (o, v) => { o.systemDirs.push(v); } },
  { name: '-idirafter', arg: 'either', act: (o, v) => { o.afterDirs.push(v); } },
  { name: '-nostdinc', arg: 'none', act: (o) => { o.nostdinc = true; } },
  { name: '--sysroot', arg: 'either', act: (o, v) => { o.sysroot = v.startsWith('=') ? v.slice(1) : v; } },
  { name: '-isysroot', arg: 'either', act: (o, v) => { o.sysroot = v; } },
  { name: '-D', arg: 'either', act: (o, v) => { o.macroOps.push(['D', v]); } },
  { name: '-U', arg: 'either', act: (o, v) => { o.macroOps.push(['U', v]); } },
  { name: '-include', arg: 'either', act: (o, v) => { o.macroOps.push(['include', v]); } },
  { name: '-imacros', arg: 'either', act: (o, v) => { o.macroOps.push(['imacros', v]); } },
  { name: '-std=', arg: 'joined', act: (o, v) => {
    if (!STDS.has(v)) throw new OptionError(`unrecognized command-line option '-std=${v}'`);
    o.std = STD_ALIAS[v] ?? v;
  } },
  { name: '--std', arg: 'either', act: (o, v) => { o.std = STD_ALIAS[v.replace(/^=/, '')] ?? v.replace(/^=/, ''); } },
  { name: '-ansi', arg: 'none', act: (o) => { o.std = 'c89'; } },
  { name: '-w', arg: 'none', act: (o) => { o.diag.noWarnings = true; } },
  { name: '-W', arg: 'joined', act: (o, v) => {
    if (v.startsWith('l,')) { o.linkItems.push(...v.slice(2).split(',').map((s) => '-Wl,' + s)); return; }
    if (v.startsWith('a,')) { o.asFlags.push(...v.slice(2).split(',')); return; }
    if (v.startsWith('p,')) { o.macroOps.push(...ppFlags(v.slice(2).split(','))); return; }
    warningFlag(o, v);
  } },
  { name: '-Xlinker', arg: 'separate', act: (o, v) => { o.linkItems.push('-Wl,' + v); } },
  { name: '-Xassembler', arg: 'separate', act: (o, v) => { o.asFlags.push(v); } },
  { name: '-pedantic', arg: 'none', act: (o) => { o.diag.pedantic = true; } },
  { name: '-pedantic-errors', arg: 'none', act: (o) => { o.diag.pedantic = true; o.diag.pedanticErrors = true; } },
  { name: '--pedantic', arg: 'none', act: (o) => { o.diag.pedantic = true; } },
  { name: '-M', arg: 'none', act: (o) => { o.deps.kind = 'M'; o.deps.system = true; if (o.stage !== 'syntax') o.stage = 'preprocess'; } },
  { name: '-MM', arg: 'none', act: (o) => { o.deps.kind = 'MM'; o.deps.system = false; if (o.stage !== 'syntax') o.stage = 'preprocess'; } },
  { name: '-MD', arg: 'none', act: (o) => { o.deps.kind = 'M'; o.deps.file = true; o.deps.system = true; } },
  { name: '-MMD', arg: 'none', act: (o) => { o.deps.kind = 'MM'; o.deps.file = true; o.deps.system = false; } },
  { name: '-MF', arg: 'either', act: (o, v) => { o.deps.mf = v; } },
  { name: '-MT', arg: 'either', act: (o, v) => { o.deps.targets.push(v); } },
  { name: '-MQ', arg: 'either', act: (o, v) => { o.deps.targets.push(quoteMakeTarget(v)); } },
  { name: '-MP', arg: 'none', act: (o) => { o.deps.phony = true; } },
  { name: '-MG', arg: 'none', act: (o) => { o.deps.mg = true; } },
  { name: '-dM', arg: 'none', act: (o) => { o.dumpMacros = 'M'; } },
  { name: '-dD', arg: 'none', act: (o) => { o.dumpMacros = 'D'; } },
  { name: '-dN', arg: 'none', act: (o) => { o.dumpMacros = 'N'; } },
  { name: '-dI', arg: 'none', act: (o) => { o.dumpMacros = 'I'; } },
  { name: '-P', arg: 'none', act: (o) => { o.noLineMarkers = true; } },
  { name: '-C', arg: 'none', act: (o) => { o.keepComments = true; } },
  { name: '-CC', arg: 'none', act: (o) => { o.keepComments = true; } },
  { name: '-traditional-cpp', arg: 'none', act: (o) => { o.traditional = true; } },
  { name: '-trigraphs', arg: 'none', act: (o) => { o.trigraphs = true; } },
  { name: '-undef', arg: 'none', act: (o) => { o.macroOps.push(['undef', '']); } },
  { name: '-x', arg: 'either', act: (_o, v) => {
    if (!LANGS.has(v)) throw new OptionError(`language ${v} not recognized`);
    pendingLang = v as Lang;
  } },
  { name: '-v', arg: 'none', act: (o) => { o.verbose = true; } },
  { name: '--verbose', arg: 'none', act: (o) => { o.verbose = true; } },
  { name: '--version', arg: 'none', act: (o) => { o.info = 'version'; } },
  { name: '--help', arg: 'none', act: (o) => { o.info = 'help'; } },
  { name: '-dumpmachine', arg: 'none', act: (o) => { o.info = 'dumpmachine'; } },
  { name: '-dumpversion', arg: 'none', act: (o) => { o.info = 'dumpversion'; } },
  { name: '-dumpfullversion', arg: 'none', act: (o) => { o.info = 'dumpversion'; } },
  { name: '-print-prog-name=', arg: 'joined', act: (o, v) => { o.info = 'prog-name=' + v; } },
  { name: '-print-file-name=', arg: 'joined', act: (o, v) => { o.info = 'file-name=' + v; } },
  { name: '-print-search-dirs', arg: 'none', act: (o) => { o.info = 'search-dirs'; } },
  { name: '-print-multiarch', arg: 'none', act: (o) => { o.info = 'multiarch'; } },
  { name: '--target=', arg: 'joined', act: (o, v) => { o.target = v; } },
  { name: '-target', arg: 'separate', act: (o, v) => { o.target = v; } },
  { name: '--freestanding', arg: 'none', act: (o) => { o.freestanding = true; o.nostdlib = true; o.nostdinc = true; } },
  { name: '-ffreestanding', arg: 'none', act: (o) => { o.freestanding = true; } },
  { name: '-O', arg: 'joined', act: (o, v) => { o.optLevel = v === '' ? '1' : v; } },
  { name: '-g', arg: 'joined', act: (o, v) => {
    o.debug = !/^0$/.test(v);
    const m = /^dwarf-([2-5])$/.exec(v);
    if (m) o.dwarfVersion = Number(m[1]);
  } },
  { name: '-f', arg: 'joined', act: (o, v) => { fFlag(o, v); } },
  { name: '-m', arg: 'joined', act: (o, v) => { o.mflags.push(v); } },
  { name: '-l', arg: 'either', act: (o, v) => { o.linkItems.push('-l' + v); } },
  { name: '-L', arg: 'either', act: (o, v) => { o.libDirs.push(v); } },
  { name: '-T', arg: 'either', act: (o, v) => { o.linkerScript = v; } },
  { name: '-static', arg: 'none', act: (o) => { o.static = true; } },
  { name: '-static-pie', arg: 'none', act: (o) => { o.static = true; o.pie = 2; } },
  { name: '-shared', arg: 'none', act: (o) => { o.shared = true; } },
  { name: '-no-pie', arg: 'none', act: (o) => { o.pie = 0; } },
  { name: '-pie', arg: 'none', act: (o) => { o.pie = 2; } },
  { name: '-rdynamic', arg: 'none', act: () => {} },
  { name: '-nostdlib', arg: 'none', act: (o) => { o.nostdlib = true; } },
  { name: '-nostartfiles', arg: 'none', act: (o) => { o.nostartfiles = true; } },
  { name: '-nodefaultlibs', arg: 'none', act: (o) => { o.nodefaultlibs = true; } },
  { name: '-nolibc', arg: 'none', act: (o) => { o.nodefaultlibs = true; } },
  { name: '-pthread', arg: 'none', act: (o) => { o.pthread = true; } },
  { name: '-save-temps', arg: 'joined', act: (o) => { o.saveTemps = true; } },
  { name: '-pipe', arg: 'none', act: () => {} },
  { name: '-s', arg: 'none', act: (o) => { o.linkItems.push('-Wl,-s'); } },
  { name: '-e', arg: 'either', act: (o, v) => { o.linkItems.push('-Wl,-e', '-Wl,' + v); } },
  { name: '-u', arg: 'either', act: (o, v) => { o.linkItems.push('-Wl,-u', '-Wl,' + v); } },
  { name: '-H', arg: 'none', act: () => {} },
  { name: '-Q', arg: 'none', act: () => {} },
  { name: '-p', arg: 'none', act: () => {} },
  { name: '-integrated-as', arg: 'none', act: () => {} },
  { name: '--param', arg: 'either', act: () => {} },
  { name: '-Xpreprocessor', arg: 'separate', act: (o, v) => { o.macroOps.push(...ppFlags([v])); } },
];

// rows sorted longest first so that "-MMD" wins over "-M" and "-include" over "-I"
const SORTED = [...ROWS].sort((a, b) => b.name.length - a.name.length);

function ppFlags(list: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const f of list) {
    if (f.startsWith('-D')) out.push(['D', f.slice(2)]);
    else if (f.startsWith('-U')) out.push(['U', f.slice(2)]);
  }
  return out;
}

/** Make-quoting for -MQ: '$' doubled, spaces and '#' escaped. */
export function quoteMakeTarget(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ' ' || c === '\t') {
      for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) out += '\\';
      out += '\\' + c;
    } else if (c === '$') out += '$$';
    else if (c === '#') out += '\\#';
    else out += c;
  }
  return out;
}

/** Parse gcc-style arguments. Throws OptionError with gcc's wording. */
export function parseArgs(argv: string[]): DriverOptions {
  const o = defaultOptions();
  pendingLang = 'none';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-' || !a.startsWith('-')) {
      o.inputs.push({ path: a, lang: pendingLang });
      o.linkItems.push(a);
      continue;
    }
    let matched = false;
    for (const r of SORTED) {
      if (!a.startsWith(r.name)) continue;
      const rest = a.slice(r.name.length);
      if (r.arg === 'none') {
        if (rest !== '') continue;
        r.act(o, '', a);
      } else if (r.arg === 'joined') {
        r.act(o, rest, a);
      } else if (r.arg === 'separate') {
        if (rest !== '') continue;
        if (i + 1 >= argv.length) throw new OptionError(`missing argument to '${a}'`);
        r.act(o, argv[++i], a);
      } else { // either
        if (rest !== '') r.act(o, rest.startsWith('=') && r.name.startsWith('--') ? rest.slice(1) : rest, a);
        else {
          if (i + 1 >= argv.length) throw new OptionError(`missing argument to '${a}'`);
          r.act(o, argv[++i], a);
        }
      }
      matched = true;
      break;
    }
    if (!matched) throw new OptionError(`unrecognized command-line option '${a}'`);
  }
  applyMachineFlags(o);
  return o;
}

/** -m16/-m32/-m64 pick the x86 target width. */
function applyMachineFlags(o: DriverOptions): void {
  for (const m of o.mflags) {
    if ((m === '32' || m === '16') && /^(x86_64|i[3-6]86)/.test(o.target)) o.target = 'i386-linux-gnu';
    if (m === '64' && /^i[3-6]86/.test(o.target)) o.target = 'x86_64-linux-gnu';
  }
}

/** Language of an input from its name (gcc's suffix rules). */
export function langOf(f: InputFile): Lang {
  if (f.lang !== 'none') return f.lang;
  if (f.path === '-') return 'c';
  const m = /\.([^./]+)$/.exec(f.path);
  switch (m ? m[1] : '') {
    case 'c': return 'c';
    case 'h': return 'c-header';
    case 'i': return 'cpp-output';
    case 's': return 'assembler';
    case 'S': case 'sx': return 'assembler-with-cpp';
    default: return 'object';
  }
}

/** The target of the command line, with the options that change its C types (-funsigned-char,
 *  -fshort-wchar); null when --target names none cc-ts knows. */
export function driverTarget(o: DriverOptions): TargetLayout | null {
  const t = targetFromTriple(o.target);
  return t && withCodeOptions(t, { charSigned: o.charSigned ?? undefined, shortWchar: o.shortWchar });
}
