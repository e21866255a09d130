// Linux 6.1 C files through the front end: `cc-ts -fsyntax-only` with the kernel's own defconfig
// command line (the flags `make V=1` gives for a built-in object, -Werror included where the config has
// it), in this one process, for every .c file of the kernel's core directories that the architecture's
// gcc accepts with the same flags. Counts accepted / rejected / crashed and prints each rejection's
// first error.
//
//   node dist/tests/corpus/linux-syntax.js [--arch x86_64|arm64|riscv] [--kdir DIR] [--slice=N] [--filter=STR] [--list] [--pp]
//                                           [--dirs a,b,...]   (other directories than the default set)
//
// --pp compares the token sequence of `cc-ts -E` with gcc -E's instead (line markers left out).
//
// The trees are Debian's linux-source-6.1 unpacked and configured with `make defconfig` and
// `make prepare` (for arm64 and riscv with ARCH= and CROSS_COMPILE= of Debian's cross gccs), by default
// /var/cache/cc-ts-corpus/linux-6.1 (x86_64, see tests/corpus/linux-asm.ts), linux-arm64 and
// linux-riscv. gcc is only the oracle: its verdict is cached in $CC_TS_LINUX_CACHE (default
// /tmp/cc-ts-linux-cache/<arch>-status.txt). Expected rejections: tests/corpus/linux-syntax-xfail.txt,
// one `arch path: reason` a line.

import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runFrontend } from '../frontend/run';
import { readXfail } from './xfail';
import { firstDiff, tokenSpellings } from '../pp/util';

const argv = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const eq = argv.find((a) => a.startsWith(name + '='));
  if (eq) return eq.slice(name.length + 1);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : def;
};
const ARCH = opt('--arch', 'x86_64');
const CORPUS = process.env.CC_TS_CORPUS ?? '/var/cache/cc-ts-corpus';
const CACHE = process.env.CC_TS_LINUX_CACHE ?? '/tmp/cc-ts-linux-cache';
const slice = Number(opt('--slice', '1'));
/** --pp: compare `cc-ts -E` with `gcc -E` (token sequences) instead of checking -fsyntax-only. */
const PP = argv.includes('--pp');
const filter = opt('--filter', '');
const ROOT = path.join(__dirname, '..', '..', '..');

/** Include paths and forced includes of every kernel C file of architecture `a`. */
function includes(a: string): string[] {
  return ['-nostdinc', `-I./arch/${a}/include`, `-I./arch/${a}/include/generated`, '-I./include', `-I./arch/${a}/include/uapi`,
    `-I./arch/${a}/include/generated/uapi`, '-I./include/uapi', '-I./include/generated/uapi',
    '-include', './include/linux/compiler-version.h', '-include', './include/linux/kconfig.h',
    '-include', './include/linux/compiler_types.h', '-D__KERNEL__'];
}

/** The flags of every arch: warnings and language (the middle of each command line). */
const COMMON_WARN = ['-fmacro-prefix-map=./=', '-Wall', '-Wundef', '-Werror=strict-prototypes', '-Wno-trigraphs',
  '-fno-strict-aliasing', '-fno-common', '-fshort-wchar', '-fno-PIE', '-Werror=implicit-function-declaration',
  '-Werror=implicit-int', '-Werror=return-type', '-Wno-format-security', '-std=gnu11'];
const COMMON_TAIL = ['-fno-delete-null-pointer-checks', '-Wno-frame-address', '-Wno-format-truncation', '-Wno-format-overflow',
  '-Wno-address-of-packed-member', '-O2', '-fno-allow-store-data-races', '-Wframe-larger-than=2048', '-fstack-protector-strong',
  '-Wno-main', '-Wno-unused-but-set-variable', '-Wno-unused-const-variable', '-Wno-dangling-pointer'];
const COMMON_END = ['-Wvla', '-Wno-pointer-sign', '-Wcast-function-type', '-Wno-stringop-truncation', '-Wno-stringop-overflow',
  '-Wno-restrict', '-Wno-maybe-uninitialized'];
const COMMON_LAST = ['-Wno-array-bounds', '-Wno-alloc-size-larger-than', '-Wimplicit-fallthrough=5', '-fno-strict-overflow',
  '-fno-stack-check', '-fconserve-stack', '-Werror=date-time', '-Werror=incompatible-pointer-types', '-Werror=designated-init',
  '-fno-builtin-wcslen', '-Wno-packed-not-aligned'];

interface ArchSpec { kdir: string; gcc: string; target: string; dirs: string[]; flags: string[] }

const CORE_DIRS = ['init', 'kernel', 'kernel/sched', 'kernel/locking', 'kernel/time', 'kernel/irq', 'kernel/rcu', 'kernel/printk',
  'mm', 'fs', 'fs/proc', 'fs/ext4', 'lib', 'block', 'ipc', 'security', 'crypto', 'net/core', 'net/ipv4', 'drivers/base',
  'drivers/char', 'drivers/tty'];

/** The defconfig command line of a built-in C object (`make -n kernel/fork.o`), without -c/-o/-M. */
const ARCHES: Record<string, ArchSpec> = {
  x86_64: {
    kdir: 'linux-6.1', gcc: 'gcc', target: 'x86_64-linux-gnu',
    dirs: [...CORE_DIRS, 'arch/x86/kernel', 'arch/x86/mm', 'arch/x86/entry', 'arch/x86/lib', 'arch/x86/events'],
    flags: [...includes('x86'), ...COMMON_WARN, '-mno-sse', '-mno-mmx', '-mno-sse2', '-mno-3dnow', '-mno-avx',
      '-fcf-protection=none', '-m64', '-falign-jumps=1', '-falign-loops=1', '-mno-80387', '-mno-fp-ret-in-387',
      '-mpreferred-stack-boundary=3', '-mskip-rax-setup', '-mtune=generic', '-mno-red-zone', '-mcmodel=kernel', '-Wno-sign-compare',
      '-fno-asynchronous-unwind-tables', '-mindirect-branch=thunk-extern', '-mindirect-branch-register',
      '-mindirect-branch-cs-prefix', '-mfunction-return=thunk-extern', '-fno-jump-tables', ...COMMON_TAIL, '-fomit-frame-pointer',
      '-ftrivial-auto-var-init=zero', '-fno-stack-clash-protection', ...COMMON_END, '-Werror', ...COMMON_LAST],
  },
  arm64: {
    kdir: 'linux-arm64', gcc: 'aarch64-linux-gnu-gcc', target: 'aarch64-linux-gnu',
    dirs: [...CORE_DIRS, 'arch/arm64/kernel', 'arch/arm64/mm', 'arch/arm64/lib'],
    flags: [...includes('arm64'), '-mlittle-endian', '-DKASAN_SHADOW_SCALE_SHIFT=', ...COMMON_WARN, '-mgeneral-regs-only',
      '-DCONFIG_CC_HAS_K_CONSTRAINT=1', '-Wno-psabi', '-mabi=lp64', '-fno-asynchronous-unwind-tables', '-fno-unwind-tables',
      '-mbranch-protection=pac-ret+leaf', '-Wa,-march=armv8.5-a', '-DARM64_ASM_ARCH="armv8.5-a"', '-DKASAN_SHADOW_SCALE_SHIFT=',
      ...COMMON_TAIL, '-fno-omit-frame-pointer', '-fno-optimize-sibling-calls', '-ftrivial-auto-var-init=zero',
      '-fno-stack-clash-protection', ...COMMON_END, ...COMMON_LAST, '-mstack-protector-guard=sysreg',
      '-mstack-protector-guard-reg=sp_el0', '-mstack-protector-guard-offset=1168'],
  },
  riscv: {
    kdir: 'linux-riscv', gcc: 'riscv64-linux-gnu-gcc', target: 'riscv64-linux-gnu',
    dirs: [...CORE_DIRS, 'arch/riscv/kernel', 'arch/riscv/mm', 'arch/riscv/lib'],
    flags: [...includes('riscv'), ...COMMON_WARN, '-mabi=lp64', '-march=rv64imac_zicsr_zifencei_zicbom_zihintpause',
      '-mno-save-restore', '-DCONFIG_PAGE_OFFSET=0xff60000000000000', '-mcmodel=medany', '-fno-omit-frame-pointer',
      '-fno-asynchronous-unwind-tables', '-fno-unwind-tables', '-mno-riscv-attribute', '-Wa,-mno-arch-attr', '-mstrict-align',
      ...COMMON_TAIL, '-fno-omit-frame-pointer', '-fno-optimize-sibling-calls', '-ftrivial-auto-var-init=zero',
      '-fno-stack-clash-protection', ...COMMON_END, ...COMMON_LAST, '-mstack-protector-guard=tls',
      '-mstack-protector-guard-reg=tp', '-mstack-protector-guard-offset=1104'],
  },
};

const spec = ARCHES[ARCH];
if (!spec) {
  console.error(`linux-syntax: unknown --arch ${ARCH} (x86_64, arm64, riscv)`);
  process.exit(2);
}
const KDIR = path.resolve(opt('--kdir', path.join(CORPUS, spec.kdir)));

function fileFlags(file: string): string[] {
  const base = path.basename(file, '.c');
  const mod = file.slice(0, -2);
  return [...spec.flags, `-DKBUILD_MODFILE="${mod}"`, `-DKBUILD_BASENAME="${base}"`, `-DKBUILD_MODNAME="${base}"`,
    `-D__KBUILD_MODNAME=kmod_${base.replace(/-/g, '_')}`];
}

function listFiles(): string[] {
  const out: string[] = [];
  const dirs = opt('--dirs', '') ? opt('--dirs', '').split(',') : spec.dirs;
  for (const d of dirs) {
    const dir = path.join(KDIR, d);
    if (!fs.existsSync(dir)) continue;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isFile() && e.name.endsWith('.c')) out.push(path.join(d, e.name));
  }
  return out.sort();
}

/** gcc's verdict per file (`ok` or `rej`), computed once and cached. */
function gccStatus(files: string[]): Map<string, string> {
  const f = path.join(CACHE, `${ARCH}-status.txt`);
  const m = new Map<string, string>();
  if (fs.existsSync(f)) {
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
      const [name, st] = line.split(' ');
      if (name) m.set(name, st);
    }
  }
  let added = 0;
  const save = () => {
    fs.mkdirSync(CACHE, { recursive: true });
    fs.writeFileSync(f, [...m].map(([k, v]) => `${k} ${v}`).join('\n') + '\n');
  };
  for (const file of files) {
    if (m.has(file)) continue;
    const r = spawnSync(spec.gcc, [...fileFlags(file), '-fsyntax-only', file], { cwd: KDIR, timeout: 60000 });
    m.set(file, r.status === 0 ? 'ok' : 'rej');
    if (++added % 50 === 0) save();
  }
  if (added) save();
  return m;
}

/** The expected rejections of this arch: path -> reason. */
function xfails(): Map<string, string> {
  const m = new Map<string, string>();
  for (const [key, why] of readXfail(path.join(ROOT, 'tests', 'corpus', 'linux-syntax-xfail.txt'))) {
    if (key.startsWith(ARCH + ' ')) m.set(key.slice(ARCH.length + 1), why);
  }
  return m;
}

function main(): void {
  if (!fs.existsSync(path.join(KDIR, 'include/generated/autoconf.h'))) {
    console.error(`linux-syntax: ${KDIR} is not a configured kernel tree (see tests/corpus/linux-asm.ts)`);
    process.exitCode = 1;
    return;
  }
  const all = listFiles().filter((f, i) => i % slice === 0 && f.includes(filter));
  const status = gccStatus(all);
  const files = all.filter((f) => status.get(f) === 'ok');
  const expected = xfails();
  process.chdir(KDIR);
  let ok = 0, rejected = 0, crashed = 0, listed = 0;
  const unexpected: string[] = [];
  for (const file of files) {
    let verdict: string;
    try {
      if (PP) {
        // -E: the token sequence of gcc -E (line markers left out)
        const args = [...fileFlags(file), '-E', file];
        const c = spawnSync(path.join(ROOT, 'bin', 'cc-ts'), [`--target=${spec.target}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
        const g = spawnSync(spec.gcc, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
        const d = c.status !== 0 ? `cc-ts -E failed: ${String(c.stderr).split('\n')[0]}` : firstDiff(tokenSpellings(c.stdout), tokenSpellings(g.stdout));
        if (d === null) { ok++; verdict = ''; } else { rejected++; verdict = d; }
      } else {
        const r = runFrontend([`--target=${spec.target}`, ...fileFlags(file), '-fsyntax-only', file]);
        if (r.status === 0) { ok++; verdict = ''; }
        else { rejected++; verdict = r.messages.find((l) => l.includes(' error: ')) ?? r.lines[0] ?? 'rejected'; }
      }
    } catch (e) {
      crashed++;
      verdict = `CRASH ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`;
    }
    if (verdict) {
      if (expected.has(file) && !verdict.startsWith('CRASH')) listed++;
      else unexpected.push(`${file}: ${verdict}`);
    } else if (expected.has(file)) unexpected.push(`${file}: accepted, but listed in linux-syntax-xfail.txt`);
    if (argv.includes('--list')) console.log(`${verdict ? 'FAIL' : 'ok  '} ${file}${verdict ? `  ${verdict}` : ''}`);
  }
  for (const u of unexpected) console.log(u);
  const skipped = all.length - files.length;
  console.log(`linux-syntax ${ARCH}${PP ? ' -E' : ''}: ${ok}/${files.length} ${PP ? 'equal to gcc -E' : 'accepted'} (${((100 * ok) / Math.max(1, files.length)).toFixed(1)}%), `
    + `${rejected} rejected (${listed} listed), ${crashed} crashed; ${skipped} files gcc rejects not counted`);
  if (unexpected.length) process.exitCode = 1;
}

main();
