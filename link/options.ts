/**
 * GNU ld's command line -> LinkOptions. Options that only matter to dynamic linking or to tools that
 * cc-ts replaces (plugins, hash styles, dynamic linker) are accepted and ignored, so gcc's and
 * Makefiles' command lines work unchanged.
 */
import { InputArg, LinkOptions } from './context';
import { LinkError } from './error';

export function defaultOptions(): LinkOptions {
  return {
    output: 'a.out', entry: null, scripts: [], defsyms: [], sectionStart: new Map(), maxPageSize: null, commonPageSize: null,
    omagic: false, nmagic: false, relocatable: false, oformat: 'elf', mapFile: null, gcSections: false, printGcSections: false,
    noUndefined: false, undefined: [], sortSection: '', emulation: '', verbose: false, buildId: '', strip: 'none', libPaths: [],
    ehFrameHdr: false, noexecstack: false, execstack: false, relro: true, separateCode: true, inputs: [], sysroot: '',
    noInhibitExec: false, printMap: false, warnings: [], static: true, traceSymbols: [], nostdlib: false, stats: false,
  };
}

function parseAddress(s: string, opt: string): bigint {
  const t = s.trim();
  try {
    if (/^(0x)?[0-9a-fA-F]+$/.test(t)) return BigInt(t.startsWith('0x') || t.startsWith('0X') ? t : '0x' + t);
  } catch { /* fall through */ }
  throw new LinkError(`invalid hex number \`${s}' for ${opt}`);
}

const IGNORED_WITH_ARG = new Set(['-plugin', '-dynamic-linker', '--dynamic-linker', '-soname', '-h', '-rpath', '-rpath-link', '--version-script',
  '-Y', '-a', '-assert', '--exclude-libs', '-F', '-f', '--auxiliary', '--filter', '-G', '--hash-size', '--trace-symbol', '-y', '-P', '--depaudit', '--audit', '-O']);

/** Parse the arguments after `ld`. */
export function parseLdArgs(argv: string[]): LinkOptions {
  const o = defaultOptions();
  let i = 0;
  const next = (name: string): string => {
    if (i + 1 >= argv.length) throw new LinkError(`option '${name}' requires an argument`);
    return argv[++i];
  };
  /** Value of `--opt=value`, `--opt value`, `-ovalue` forms. */
  const value = (a: string, names: string[]): string | null => {
    for (const n of names) {
      if (a === n) return next(n);
      if (a.startsWith(n + '=')) return a.slice(n.length + 1);
    }
    return null;
  };
  for (; i < argv.length; i++) {
    const a = argv[i];
    let v: string | null;
    if (!a.startsWith('-') || a === '-') { o.inputs.push({ k: 'file', path: a }); continue; }
    if (a === '-(' || a === '--start-group') { o.inputs.push({ k: 'group', start: true }); continue; }
    if (a === '-)' || a === '--end-group') { o.inputs.push({ k: 'group', start: false }); continue; }
    if (a === '--whole-archive') { o.inputs.push({ k: 'whole', on: true }); continue; }
    if (a === '--no-whole-archive') { o.inputs.push({ k: 'whole', on: false }); continue; }
    if (a === '-static' || a === '-Bstatic' || a === '-dn' || a === '-non_shared' || a === '--static') { o.static = true; continue; }
    if (a === '-Bdynamic' || a === '-dy' || a === '-call_shared' || a === '--as-needed' || a === '--no-as-needed' || a === '-no-pie' || a === '--no-pie') continue;
    if (a === '-pie' || a === '--pic-executable' || a === '-shared' || a === '-Bshareable' || a === '--shared') throw new LinkError(`${a}: only static executables are supported`);
    if (a === '-r' || a === '-i' || a === '--relocatable' || a === '-Ur') { o.relocatable = true; continue; }
    if (a === '-N' || a === '--omagic') { o.omagic = true; continue; }
    if (a === '-n' || a === '--nmagic') { o.nmagic = true; continue; }
    if (a === '--no-omagic') { o.omagic = false; continue; }
    if (a === '-s' || a === '--strip-all') { o.strip = 'all'; continue; }
    if (a === '-S' || a === '--strip-debug') { if (o.strip === 'none') o.strip = 'debug'; continue; }
    if (a === '--gc-sections') { o.gcSections = true; continue; }
    if (a === '--no-gc-sections') { o.gcSections = false; continue; }
    if (a === '--print-gc-sections') { o.printGcSections = true; continue; }
    if (a === '--no-print-gc-sections') { o.printGcSections = false; continue; }
    if (a === '--no-undefined') { o.noUndefined = true; continue; }
    if (a === '--verbose' || a === '-verbose') { o.verbose = true; continue; }
    if (a === '--eh-frame-hdr') { o.ehFrameHdr = true; continue; }
    if (a === '--no-eh-frame-hdr') { o.ehFrameHdr = false; continue; }
    if (a === '-M' || a === '--print-map') { o.printMap = true; continue; }
    if (a === '--build-id') { o.buildId = 'sha1'; continue; }
    if (a === '--noinhibit-exec') { o.noInhibitExec = true; continue; }
    if (a === '-nostdlib') { o.nostdlib = true; continue; }
    if (a === '--stats') { o.stats = true; continue; }
    if (a.startsWith('--build-id=')) { o.buildId = a.slice(11) === 'none' ? '' : a.slice(11); continue; }
    if ((v = value(a, ['--output'])) !== null || (a.startsWith('-o') && !a.startsWith('--') && (v = a === '-o' ? next(a) : a.slice(2)) !== null)) { o.output = v!; continue; }
    if ((v = value(a, ['--entry', '-e'])) !== null || (a.startsWith('-e') && a.length > 2 && !a.startsWith('--') && (v = a.slice(2)))) { o.entry = v; continue; }
    if ((v = value(a, ['--script', '-T', '-dT', '--default-script'])) !== null) { o.scripts.push(v); continue; }
    if ((v = value(a, ['--defsym'])) !== null) {
      const eq = v.indexOf('=');
      if (eq <= 0) throw new LinkError(`--defsym: missing expression in \`${v}'`);
      o.defsyms.push({ name: v.slice(0, eq).trim(), expr: v.slice(eq + 1) });
      continue;
    }
    const tm = /^-T(text|data|bss|text-segment|rodata-segment|ldata-segment)(=(.*))?$/.exec(a);
    if (tm) {
      const val = tm[3] ?? next(a);
      const key = tm[1].endsWith('segment') ? `-T${tm[1]}` : `.${tm[1]}`;
      o.sectionStart.set(key, parseAddress(val, a));
      continue;
    }
    if ((v = value(a, ['--section-start'])) !== null) {
      const eq = v.lastIndexOf('=');
      if (eq <= 0) throw new LinkError(`invalid argument to option "--section-start"`);
      o.sectionStart.set(v.slice(0, eq), parseAddress(v.slice(eq + 1), '--section-start'));
      continue;
    }
    if (a.startsWith('-T') && a.length > 2) { o.scripts.push(a.slice(2)); continue; }
    if (a === '-z' || (a.startsWith('-z') && a.length > 2)) { zOption(o, a === '-z' ? next(a) : a.slice(2)); continue; }
    if ((v = value(a, ['--oformat'])) !== null) {
      if (v === 'binary') o.oformat = 'binary';
      else if (/^elf(32|64)-/.test(v)) o.oformat = 'elf';
      else throw new LinkError(`cannot represent machine \`${v}'`);
      continue;
    }
    if ((v = value(a, ['-Map', '--Map'])) !== null) { o.mapFile = v; continue; }
    if ((v = value(a, ['--undefined', '-u'])) !== null || (a.startsWith('-u') && a.length > 2 && !a.startsWith('--') && (v = a.slice(2)))) { o.undefined.push(v); continue; }
    if ((v = value(a, ['--require-defined'])) !== null) { o.undefined.push(v); continue; }
    if ((v = value(a, ['--sort-section'])) !== null) {
      if (v !== 'name' && v !== 'alignment') throw new LinkError(`invalid section sorting option: ${v}`);
      o.sortSection = v;
      continue;
    }
    if ((v = value(a, ['-m'])) !== null || (a.startsWith('-m') && a.length > 2 && (v = a.slice(2)))) {
      if (!['elf_x86_64', 'elf_i386', 'aarch64linux', 'elf64lriscv', 'aarch64elf', 'elf64briscv', 'elf32lriscv'].includes(v)) {
        throw new LinkError(`unrecognised emulation mode: ${v}\nSupported emulations: elf_x86_64 elf_i386 aarch64linux elf64lriscv`);
      }
      o.emulation = v;
      continue;
    }
    if ((v = value(a, ['--library-path', '-L'])) !== null || (a.startsWith('-L') && (v = a.slice(2)))) { o.libPaths.push(v); continue; }
    if ((v = value(a, ['--library', '-l'])) !== null || (a.startsWith('-l') && (v = a.slice(2)))) { o.inputs.push({ k: 'lib', name: v } as InputArg); continue; }
    if ((v = value(a, ['--sysroot'])) !== null) { o.sysroot = v; continue; }
    if ((v = value(a, ['--hash-style', '--plugin-opt', '-plugin-opt', '--build-id-style', '--compress-debug-sections', '--unresolved-symbols', '--icf', '--threads'])) !== null) continue;
    if (IGNORED_WITH_ARG.has(a)) { next(a); continue; }
    if (/^-O\d*$/.test(a) || /^--(no-)?(relax|warn-[a-z-]+|fatal-warnings|demangle|allow-multiple-definition|copy-dt-needed-entries|export-dynamic|enable-new-dtags|disable-new-dtags|push-state|pop-state|cref|trace|error-.*|warn-common|sort-common|discard-all|discard-locals|gdb-index|dependency-file.*|no-undefined-version|be-verbose)$/.test(a) || ['-X', '-x', '-t', '-E', '-Qy', '-d', '-dc', '-dp', '--export-dynamic', '-g', '-q', '--emit-relocs', '-Bsymbolic', '--allow-shlib-undefined', '--no-allow-shlib-undefined', '-EL'].includes(a)) continue;
    if (a === '--version' || a === '-v' || a === '-V') { o.warnings.push('version'); continue; }
    if (a === '--help') { o.warnings.push('help'); continue; }
    throw new LinkError(`unrecognized option '${a}'`);
  }
  return o;
}

function zOption(o: LinkOptions, z: string): void {
  const m = /^(max-page-size|common-page-size)=(.*)$/.exec(z);
  if (m) {
    const n = Number(m[2]);
    if (!Number.isFinite(n) || n <= 0 || (n & (n - 1)) !== 0) throw new LinkError(`invalid page size \`${m[2]}'`);
    if (m[1] === 'max-page-size') o.maxPageSize = n; else o.commonPageSize = n;
    return;
  }
  switch (z) {
    case 'noexecstack': o.noexecstack = true; o.execstack = false; return;
    case 'execstack': o.execstack = true; o.noexecstack = false; return;
    case 'relro': o.relro = true; return;
    case 'norelro': o.relro = false; return;
    case 'separate-code': o.separateCode = true; return;
    case 'noseparate-code': o.separateCode = false; return;
    case 'defs': o.noUndefined = true; return;
    default: return; // now, lazy, combreloc, text, notext, ... are for dynamic links
  }
}
