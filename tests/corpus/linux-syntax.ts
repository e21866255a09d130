// Linux 6.1 C files through the front end: `cc-ts -fsyntax-only` with the kernel's own x86_64
// defconfig command line (the flags `make V=1` gives for a built-in object, -Werror included), in this
// one process, for every .c file of the kernel's core directories that gcc accepts with the same flags.
// Counts accepted / rejected / crashed and prints each rejection's first error.
//
//   node dist/tests/corpus/linux-syntax.js [--kdir DIR] [--slice=N] [--filter=STR] [--list]
//
// The tree (Debian's linux-source-6.1, configured with `make defconfig` and `make prepare`, see
// tests/corpus/linux-asm.ts) is /var/cache/cc-ts-corpus/linux-6.1 by default. gcc is only the oracle:
// its verdict is cached in $CC_TS_LINUX_CACHE (default /tmp/cc-ts-linux-cache/status.txt).
// Expected rejections: tests/corpus/linux-syntax-xfail.txt, one `path: reason` a line.

import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { runFrontend } from '../frontend/run';

const argv = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const eq = argv.find((a) => a.startsWith(name + '='));
  if (eq) return eq.slice(name.length + 1);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : def;
};
const KDIR = path.resolve(opt('--kdir', '/var/cache/cc-ts-corpus/linux-6.1'));
const CACHE = process.env.CC_TS_LINUX_CACHE ?? '/tmp/cc-ts-linux-cache';
const slice = Number(opt('--slice', '1'));
const filter = opt('--filter', '');
const ROOT = path.join(__dirname, '..', '..', '..');

/** Directories whose .c files (not their subdirectories) form the corpus. */
const DIRS = ['init', 'kernel', 'kernel/sched', 'kernel/locking', 'kernel/time', 'kernel/irq', 'kernel/rcu', 'kernel/printk',
  'mm', 'fs', 'fs/proc', 'fs/ext4', 'lib', 'block', 'ipc', 'security', 'crypto', 'net/core', 'net/ipv4', 'drivers/base',
  'drivers/char', 'drivers/tty', 'arch/x86/kernel', 'arch/x86/mm', 'arch/x86/entry', 'arch/x86/lib', 'arch/x86/events'];

/** The x86_64 defconfig command line of a built-in C object (`make -n kernel/fork.o`), without -c/-o/-M. */
export const KERNEL_CFLAGS = ['-nostdinc', '-I./arch/x86/include', '-I./arch/x86/include/generated', '-I./include',
  '-I./arch/x86/include/uapi', '-I./arch/x86/include/generated/uapi', '-I./include/uapi', '-I./include/generated/uapi',
  '-include', './include/linux/compiler-version.h', '-include', './include/linux/kconfig.h',
  '-include', './include/linux/compiler_types.h', '-D__KERNEL__', '-fmacro-prefix-map=./=', '-Wall', '-Wundef',
  '-Werror=strict-prototypes', '-Wno-trigraphs', '-fno-strict-aliasing', '-fno-common', '-fshort-wchar', '-fno-PIE',
  '-Werror=implicit-function-declaration', '-Werror=implicit-int', '-Werror=return-type', '-Wno-format-security',
  '-std=gnu11', '-mno-sse', '-mno-mmx', '-mno-sse2', '-mno-3dnow', '-mno-avx', '-fcf-protection=none', '-m64',
  '-falign-jumps=1', '-falign-loops=1', '-mno-80387', '-mno-fp-ret-in-387', '-mpreferred-stack-boundary=3',
  '-mskip-rax-setup', '-mtune=generic', '-mno-red-zone', '-mcmodel=kernel', '-Wno-sign-compare',
  '-fno-asynchronous-unwind-tables', '-mindirect-branch=thunk-extern', '-mindirect-branch-register',
  '-mindirect-branch-cs-prefix', '-mfunction-return=thunk-extern', '-fno-jump-tables', '-fno-delete-null-pointer-checks',
  '-Wno-frame-address', '-Wno-format-truncation', '-Wno-format-overflow', '-Wno-address-of-packed-member', '-O2',
  '-fno-allow-store-data-races', '-Wframe-larger-than=2048', '-fstack-protector-strong', '-Wno-main',
  '-Wno-unused-but-set-variable', '-Wno-unused-const-variable', '-Wno-dangling-pointer', '-fomit-frame-pointer',
  '-ftrivial-auto-var-init=zero', '-fno-stack-clash-protection', '-Wvla', '-Wno-pointer-sign', '-Wcast-function-type',
  '-Wno-stringop-truncation', '-Wno-stringop-overflow', '-Wno-restrict', '-Wno-maybe-uninitialized', '-Werror',
  '-Wno-array-bounds', '-Wno-alloc-size-larger-than', '-Wimplicit-fallthrough=5', '-fno-strict-overflow',
  '-fno-stack-check', '-fconserve-stack', '-Werror=date-time', '-Werror=incompatible-pointer-types',
  '-Werror=designated-init', '-fno-builtin-wcslen', '-Wno-packed-not-aligned'];

function fileFlags(file: string): string[] {
  const base = path.basename(file, '.c');
  const mod = file.slice(0, -2);
  return [...KERNEL_CFLAGS, `-DKBUILD_MODFILE="${mod}"`, `-DKBUILD_BASENAME="${base}"`, `-DKBUILD_MODNAME="${base}"`,
    `-D__KBUILD_MODNAME=kmod_${base.replace(/-/g, '_')}`];
}

function listFiles(): string[] {
  const out: string[] = [];
  for (const d of DIRS) {
    const dir = path.join(KDIR, d);
    if (!fs.existsSync(dir)) continue;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isFile() && e.name.endsWith('.c')) out.push(path.join(d, e.name));
  }
  return out.sort();
}

/** gcc's verdict per file (`ok` or `rej`), computed once and cached. */
function gccStatus(files: string[]): Map<string, string> {
  const f = path.join(CACHE, 'status.txt');
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
    const r = spawnSync('gcc', [...fileFlags(file), '-fsyntax-only', file], { cwd: KDIR, timeout: 60000 });
    m.set(file, r.status === 0 ? 'ok' : 'rej');
    if (++added % 50 === 0) save();
  }
  if (added) save();
  return m;
}

function xfails(): Map<string, string> {
  const m = new Map<string, string>();
  const f = path.join(ROOT, 'tests', 'corpus', 'linux-syntax-xfail.txt');
  if (!fs.existsSync(f)) return m;
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const i = t.indexOf(': ');
    m.set(i < 0 ? t : t.slice(0, i), i < 0 ? '' : t.slice(i + 2));
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
      const r = runFrontend([...fileFlags(file), '-fsyntax-only', file]);
      if (r.status === 0) { ok++; verdict = ''; }
      else { rejected++; verdict = r.messages.find((l) => l.includes(' error: ')) ?? r.lines[0] ?? 'rejected'; }
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
  console.log(`linux-syntax: ${ok}/${files.length} accepted (${((100 * ok) / Math.max(1, files.length)).toFixed(1)}%), `
    + `${rejected} rejected (${listed} listed), ${crashed} crashed; ${skipped} files gcc rejects not counted`);
  if (unexpected.length) process.exitCode = 1;
}

main();
