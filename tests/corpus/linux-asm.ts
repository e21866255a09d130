// The x86 .S files of Debian's linux-source-6.1 (x86_64 defconfig) through cc-ts -E and cc-ts as,
// against gcc -E and GNU as (the oracles). For each file, the kernel's own gcc command line is read
// from its .cmd file (after `make ARCH=x86 defconfig prepare` and `make ARCH=x86 <file>.o`); the
// boot files' real-mode flags are rebuilt from arch/x86/boot/Makefile (the top-level single-target
// build uses the generic flags for them). Only the preprocessor flags are kept (-D -U -I -include
// -isystem -iquote -nostdinc -m16/-m32/-m64); the code-generation flags are dropped.
//
// Per file: cc-ts -E | cc-ts as  vs  gcc -E | GNU as, comparing `objdump -dr` and `readelf -rW`
// (file names normalised). Also reported, to tell the preprocessor from the assembler:
//   pp   whether the two preprocessed outputs have the same token sequence (line markers dropped);
//   x    whether GNU as on cc-ts's preprocessed text gives GNU as's object on gcc's text.
//
//   node dist/tests/corpus/linux-asm.js [--kdir DIR] [--bootgen DIR] [--keep DIR] [--list] [--all]
// --all: every x86 .S file of the tree (see allFiles), not only the ones the issue names.
// --bootgen: a folder holding voffset.h and zoffset.h for arch/x86/boot/header.S (they are made from
// a linked vmlinux; any plausible values do, since both sides get the same ones).
// Expected differences: tests/corpus/linux-asm-xfail.txt, one `path: reason` a line; the summary
// counts them and any other file that is not identical is reported as unexpected.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXfail } from './xfail';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string): string => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const KDIR = opt('--kdir', '/var/cache/cc-ts-corpus/linux-6.1');
const BOOTGEN = opt('--bootgen', '/tmp/h-kern/bootgen');
const ROOT = process.env.CC_TS_ROOT ?? path.join(__dirname, '..', '..', '..');
const CCTS = path.join(ROOT, 'bin', 'cc-ts');
const keep = argv.includes('--keep') ? opt('--keep', '') : '';
const work = keep || fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-linux-asm-'));
fs.mkdirSync(work, { recursive: true });

const BOOT = ['bioscall', 'copy', 'header', 'pmjump'].map((b) => `arch/x86/boot/${b}.S`);
const COMMON_INC = ['-nostdinc', '-I./arch/x86/include', '-I./arch/x86/include/generated', '-I./include', '-I./arch/x86/include/uapi',
  '-I./arch/x86/include/generated/uapi', '-I./include/uapi', '-I./include/generated/uapi',
  '-include', './include/linux/compiler-version.h', '-include', './include/linux/kconfig.h', '-D__KERNEL__'];
// arch/x86/Makefile REALMODE_CFLAGS + arch/x86/boot/Makefile KBUILD_AFLAGS (preprocessor part only).
const BOOT_FLAGS = [...COMMON_INC, '-m16', '-DDISABLE_BRANCH_PROFILING', '-D__DISABLE_EXPORTS', '-D_SETUP', '-D__ASSEMBLY__'];

/** Split a shell command line (the kernel's .cmd files use '...' and "..." quoting). */
function shellSplit(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'") { const j = s.indexOf("'", i + 1); cur += s.slice(i + 1, j); i = j; has = true; }
    else if (c === '"') { const j = s.indexOf('"', i + 1); cur += s.slice(i + 1, j); i = j; has = true; }
    else if (c === ' ' || c === '\t') { if (has) out.push(cur); cur = ''; has = false; }
    else if (c === ';') break;
    else { cur += c; has = true; }
  }
  if (has) out.push(cur);
  return out;
}

/** The preprocessor flags of the kernel's command line for `src` (null when it has no .cmd file). */
function kernelFlags(src: string): string[] | null {
  if (BOOT.includes(src)) return src.endsWith('header.S') ? [...BOOT_FLAGS, `-I${BOOTGEN}`] : BOOT_FLAGS;
  const cmd = path.join(KDIR, path.dirname(src), `.${path.basename(src, '.S')}.o.cmd`);
  if (!fs.existsSync(cmd)) return ALL && !/_32\.S$|\.lds\.S$/.test(src) ? AFLAGS_64 : null;
  const line = fs.readFileSync(cmd, 'utf8').split('\n').find((l) => l.startsWith('cmd_'));
  if (!line) return null;
  const words = shellSplit(line.slice(line.indexOf(':=') + 2));
  const keepFlags: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (['-include', '-isystem', '-iquote', '-imacros'].includes(w)) keepFlags.push(w, words[++i]);
    else if (w === '-o') i++;
    else if (/^-[DUI]/.test(w) || w === '-nostdinc' || /^-m(16|32|64)$/.test(w)) keepFlags.push(w);
  }
  return keepFlags;
}

/** --all: every .S file under arch/x86 (but the boot and real-mode ones, built with their own flags in
 *  the boot list, and the 32-bit and linker-script ones), with the x86_64 defconfig's AFLAGS of a
 *  built-in object (`make -n arch/x86/kernel/relocate_kernel_64.o`) where no .cmd file says otherwise. */
const ALL = argv.includes('--all');
const AFLAGS_64 = ['-nostdinc', '-I./arch/x86/include', '-I./arch/x86/include/generated', '-I./include', '-I./arch/x86/include/uapi',
  '-I./arch/x86/include/generated/uapi', '-I./include/uapi', '-I./include/generated/uapi', '-include', './include/linux/compiler-version.h',
  '-include', './include/linux/kconfig.h', '-D__KERNEL__', '-D__ASSEMBLY__', '-m64'];

function allFiles(): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(KDIR, rel), { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) { if (!['arch/x86/boot', 'arch/x86/realmode', 'arch/x86/um'].includes(r)) walk(r); }
      else if (e.name.endsWith('.S')) out.push(r);
    }
  };
  walk('arch/x86');
  return out.sort();
}

function run(cmd: string, args: string[]): { ok: boolean; err: string } {
  const r = spawnSync(cmd, args, { cwd: KDIR, encoding: 'latin1', maxBuffer: 1 << 28, timeout: 120000 });
  return { ok: r.status === 0, err: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

function dump(obj: string): string {
  let s = '';
  for (const [tool, args] of [['objdump', ['-dr']], ['readelf', ['-rW']]] as const) {
    const r = spawnSync(tool, [...args, obj], { encoding: 'latin1', maxBuffer: 1 << 28 });
    s += (r.stdout ?? '').split(obj).join('OBJ').replace(/ at offset 0x[0-9a-f]+ /g, ' at offset X ');
  }
  return s;
}

function firstDiff(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: gnu '${(la[i] ?? '').trim()}' / cc-ts '${(lb[i] ?? '').trim()}'`;
  }
  return '';
}

/** Preprocessed assembly as a token sequence: line markers and blank space dropped. */
function tokens(file: string): string {
  return fs.readFileSync(file, 'latin1').split('\n').filter((l) => !/^# \d+ /.test(l))
    .join('\n').replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').replace(/\n+/g, '\n').trim();
}

interface Row { file: string; verdict: 'identical' | 'different' | 'failed' | 'skipped'; pp: string; x: string; why: string }

function one(src: string): Row {
  const row: Row = { file: src, verdict: 'failed', pp: '-', x: '-', why: '' };
  const flags = kernelFlags(src);
  if (!flags) return { ...row, verdict: 'skipped', why: 'no .cmd file (not built in the x86_64 defconfig)' };
  const as = flags.includes('-m64') ? '--64' : '--32';
  const base = path.join(work, src.replace(/\//g, '_').replace(/\.S$/, ''));
  const gi = `${base}.gcc.s`, ci = `${base}.cc.s`, go = `${base}.gnu.o`, co = `${base}.cc.o`, xo = `${base}.x.o`;
  const gp = run('gcc', ['-E', ...flags, '-o', gi, src]);
  if (!gp.ok) return { ...row, verdict: 'skipped', why: `gcc -E failed: ${gp.err.split('\n')[0]}` };
  const ga = run('as', [as, '-o', go, gi]);
  if (!ga.ok) return { ...row, verdict: 'skipped', why: `GNU as failed: ${ga.err.split('\n').slice(0, 2).join(' ')}` };
  const cp = run('node', [CCTS, '-E', '-x', 'assembler-with-cpp', ...flags, '-o', ci, src]);
  if (!cp.ok) return { ...row, why: `cc-ts -E: ${cp.err.split('\n').filter((l) => l).slice(0, 2).join(' | ')}` };
  row.pp = tokens(gi) === tokens(ci) ? 'same' : 'diff';
  const gdump = dump(go);
  const xa = run('as', [as, '-o', xo, ci]);
  row.x = xa.ok ? (dump(xo) === gdump ? 'same' : 'diff') : 'fail';
  const ca = run('node', [CCTS, 'as', as, '-o', co, ci]);
  if (!ca.ok) return { ...row, why: `cc-ts as: ${ca.err.split('\n').filter((l) => l).slice(0, 2).join(' | ')}` };
  const d = firstDiff(gdump, dump(co));
  if (!d) return { ...row, verdict: 'identical' };
  return { ...row, verdict: 'different', why: d };
}

/** The expected-difference list: file -> reason. */
function xfails(): Map<string, string> {
  return readXfail(path.join(ROOT, 'tests', 'corpus', 'linux-asm-xfail.txt'));
}

function main(): void {
  const files = ALL ? [...BOOT, ...allFiles()] : [...BOOT, 'arch/x86/kernel/head_64.S', 'arch/x86/entry/entry_64.S',
    ...fs.readdirSync(path.join(KDIR, 'arch/x86/lib')).filter((f) => f.endsWith('.S')).sort().map((f) => `arch/x86/lib/${f}`)];
  const t0 = Date.now();
  const rows = files.map(one);
  for (const r of rows) console.log(`${r.verdict.padEnd(9)} pp=${r.pp.padEnd(4)} x=${r.x.padEnd(4)} ${r.file}${r.why ? `: ${r.why}` : ''}`);
  const n = (v: Row['verdict']): number => rows.filter((r) => r.verdict === v).length;
  const total = rows.length - n('skipped');
  const xf = xfails();
  const bad = rows.filter((r) => r.verdict === 'different' || r.verdict === 'failed');
  for (const r of bad) console.log(xf.has(r.file) ? `expected: ${r.file}: ${xf.get(r.file)}` : `UNEXPECTED: ${r.file}`);
  for (const [f] of xf) if (!bad.some((r) => r.file === f)) console.log(`xfail no longer needed: ${f}`);
  console.log(`linux-asm: ${n('identical')}/${total} identical (${((100 * n('identical')) / Math.max(1, total)).toFixed(1)}%), ` +
    `${n('different')} different, ${n('failed')} failed (${bad.filter((r) => xf.has(r.file)).length} expected, ` +
    `${bad.filter((r) => !xf.has(r.file)).length} unexpected), ${n('skipped')} of ${rows.length} .S files skipped; ` +
    `${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
}

main();
