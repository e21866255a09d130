// Shared by tests/runtime/*.test.ts: builds runtime/ files with a GNU C compiler for one target,
// renames every symbol they define from __x to rt___x (objcopy --redefine-syms, which also renames
// the references between runtime files), links a C driver against those objects and the target's
// real libgcc, and runs it (natively, or under qemu-user for the cross targets). A driver calls
// libgcc's __x and our rt___x on the same inputs and prints one line `N checked, M failed`,
// preceded by a description of each of the first failures.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageRoot } from '../../src/pp/paths';

export interface Target {
  name: 'x86_64' | 'aarch64' | 'riscv64';
  triple: string;
  gcc: string;
  objcopy: string;
  nm: string;
  /** Command prefix that runs one of its executables. */
  run: string[];
  /** Library folder with crt1.o, libc.a, libm.a. */
  libdir: string;
}

export const TARGETS: Target[] = [
  { name: 'x86_64', triple: 'x86_64-linux-gnu', gcc: 'gcc', objcopy: 'objcopy', nm: 'nm', run: [], libdir: '/usr/lib/x86_64-linux-gnu' },
  { name: 'aarch64', triple: 'aarch64-linux-gnu', gcc: 'aarch64-linux-gnu-gcc', objcopy: 'aarch64-linux-gnu-objcopy', nm: 'aarch64-linux-gnu-nm',
    run: ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'], libdir: '/usr/aarch64-linux-gnu/lib' },
  { name: 'riscv64', triple: 'riscv64-linux-gnu', gcc: 'riscv64-linux-gnu-gcc', objcopy: 'riscv64-linux-gnu-objcopy', nm: 'riscv64-linux-gnu-nm',
    run: ['qemu-riscv64', '-L', '/usr/riscv64-linux-gnu'], libdir: '/usr/riscv64-linux-gnu/lib' },
];

export const ROOT = packageRoot();
export const RUNTIME = path.join(ROOT, 'runtime');

interface Manifest { files: Record<string, string[]> }

/** The runtime files built for a target, from runtime/manifest.json. */
export function manifestFiles(t: Target): string[] {
  const m = JSON.parse(fs.readFileSync(path.join(RUNTIME, 'manifest.json'), 'utf8')) as Manifest;
  return Object.keys(m.files).filter((f) => m.files[f].includes(t.name));
}

function which(cmd: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, cmd))) return true;
  }
  return false;
}

/** Throws a clear message when a tool the target needs is missing. */
export function requireTools(t: Target): void {
  for (const tool of [t.gcc, t.objcopy, t.nm, ...t.run.slice(0, 1)]) {
    if (!which(tool)) throw new Error(`${tool} not found: install gcc, gcc-aarch64-linux-gnu, gcc-riscv64-linux-gnu and qemu-user`);
  }
}

let scratch: string | null = null;
/** A scratch folder for this test process, removed at exit (kept when CC_TS_KEEP_TMP is set). */
export function tmpDir(): string {
  if (!scratch) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-runtime-'));
    scratch = dir;
    if (!process.env.CC_TS_KEEP_TMP) process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return scratch;
}

function sh(cmd: string, args: string[], timeout = 120000): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'], timeout });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

/** Flags the runtime is compiled with: freestanding, cc-ts's own headers, no contraction
    (cc-ts does not fuse a*b+c, so neither may the gcc build we test). */
export function runtimeCflags(): string[] {
  return ['-O2', '-Wall', '-Werror', '-ffreestanding', '-nostdinc', '-isystem', path.join(ROOT, 'include'), '-ffp-contract=off', '-fno-stack-protector'];
}

/** Compile runtime files for t; with rename, every defined global __x becomes rt___x.
    extraFlags come after the usual ones (so they may override them). */
export function buildRuntime(t: Target, files: string[], rename: boolean, extraFlags: string[] = []): string[] {
  const dir = path.join(tmpDir(), t.name + (rename ? '-renamed' : '-plain') + extraFlags.join(''));
  fs.mkdirSync(dir, { recursive: true });
  const objs = files.map((f) => {
    const o = path.join(dir, f.replace(/\.c$/, '.o'));
    sh(t.gcc, [...runtimeCflags(), ...extraFlags, '-c', path.join(RUNTIME, f), '-o', o]);
    return o;
  });
  if (!rename) return objs;
  const syms = new Set<string>();
  for (const o of objs) {
    for (const line of sh(t.nm, ['-g', '--defined-only', o]).split('\n')) {
      const name = line.trim().split(/\s+/)[2];
      if (name) syms.add(name);
    }
  }
  const map = path.join(dir, 'rename.txt');
  fs.writeFileSync(map, [...syms].map((s) => `${s} rt_${s}\n`).join(''));
  for (const o of objs) sh(t.objcopy, ['--redefine-syms=' + map, o]);
  return objs;
}

/** Compile and run a C driver (source text) with the given objects; returns its stdout. */
export function runDriver(t: Target, name: string, source: string, objs: string[], flags: string[] = []): string {
  const dir = tmpDir();
  const src = path.join(dir, `${t.name}-${name}.c`), exe = path.join(dir, `${t.name}-${name}`);
  fs.writeFileSync(src, source);
  sh(t.gcc, ['-O1', '-static', '-ffp-contract=off', src, ...objs, '-o', exe, ...flags, '-lm']);
  const run = t.run.length ? t.run : [exe];
  return sh(run[0], [...run.slice(1), ...(t.run.length ? [exe] : [])], 300000);
}

/** Parses a driver's `N checked, M failed` line; returns [checked, failed, text of failures]. */
export function summary(out: string): [number, number, string] {
  const m = /(\d+) checked, (\d+) failed\s*$/.exec(out);
  if (!m) throw new Error('driver printed no summary:\n' + out);
  return [Number(m[1]), Number(m[2]), out.slice(0, m.index).trim()];
}

/** C source every driver starts with: types, a seeded generator (splitmix64) and counters. */
export const DRIVER_PRELUDE = `
#include <stdio.h>
#include <stdint.h>
#include <string.h>
typedef unsigned __int128 u128;
typedef __int128 i128;
static uint64_t seed = 0x243f6a8885a308d3u;
static uint64_t rnd(void) {
  uint64_t z = (seed += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}
static long checked, failed;
#define CHECK(ok, ...) do { checked++; if (!(ok)) { if (failed++ < 10) printf(__VA_ARGS__); } } while (0)
static void hex128(char *buf, u128 v) { sprintf(buf, "%016llx%016llx", (unsigned long long)(v >> 64), (unsigned long long)v); }
/* A 128-bit value of a random shape: full width, small, a power of two (+-1), near a limit. */
static u128 r128(void) {
  u128 v = ((u128)rnd() << 64) | rnd();
  switch (rnd() % 8) {
  case 0: return v;
  case 1: return v >> (rnd() % 128);
  case 2: return (u128)1 << (rnd() % 128);
  case 3: return ((u128)1 << (rnd() % 128)) - 1 + (rnd() % 3);
  case 4: return ~(v >> (rnd() % 128));
  case 5: return (u128)(rnd() >> (rnd() % 64));
  case 6: return ((u128)rnd() << 64) >> (rnd() % 64);
  default: return v & (((u128)1 << (rnd() % 128)) - 1);
  }
}
static int finish(void) { printf("%ld checked, %ld failed\\n", checked, failed); return 0; }
`;
