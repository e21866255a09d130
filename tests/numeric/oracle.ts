// gcc as an oracle for the numeric tests: compile one C file per test file, run it, read its output;
// or compile with -fsyntax-only and collect the diagnostics by line. Also a small seeded PRNG.

import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

function scratch(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-numeric-'));
}

function needGcc(): void {
  const r = spawnSync('gcc', ['--version']);
  if (r.error || r.status !== 0) throw new Error('these tests need gcc (the oracle) on PATH');
}

/** Compiles and runs a C program with the host gcc; returns its standard output. */
export function runC(source: string, flags: string[] = []): string {
  needGcc();
  const dir = scratch();
  try {
    const c = path.join(dir, 't.c'), exe = path.join(dir, 't');
    fs.writeFileSync(c, source);
    execFileSync('gcc', ['-O0', '-w', ...flags, c, '-o', exe, '-lm'], { stdio: ['ignore', 'pipe', 'pipe'] });
    return execFileSync(exe, { maxBuffer: 1 << 28 }).toString();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** gcc -fsyntax-only; returns the diagnostics ("error: ..." / "warning: ...") of each 1-based line. */
export function diagnoseC(source: string, flags: string[] = []): Map<number, string[]> {
  needGcc();
  const dir = scratch();
  try {
    const c = path.join(dir, 't.c');
    fs.writeFileSync(c, source);
    const r = spawnSync('gcc', ['-fsyntax-only', '-fdiagnostics-plain-output', ...flags, c], { encoding: 'utf8' });
    const out = new Map<number, string[]>();
    for (const line of r.stderr.split('\n')) {
      const m = /^[^:]*t\.c:(\d+):\d+: (error|warning): (.*?)(?: \[-W[^\]]*\])?$/.exec(line);
      if (!m) continue;
      const n = Number(m[1]);
      if (!out.has(n)) out.set(n, []);
      out.get(n)!.push(`${m[2]}: ${m[3]}`);
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A seeded PRNG (mulberry32). */
export class Rng {
  private s: number;
  constructor(seed: number) { this.s = seed >>> 0; }
  u32(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** An integer in [0, n). */
  int(n: number): number { return Math.floor((this.u32() / 4294967296) * n); }
  bits(n: number): bigint {
    let v = 0n;
    for (let i = 0; i < n; i += 32) v = (v << 32n) | BigInt(this.u32());
    return v & ((1n << BigInt(n)) - 1n);
  }
  pick<T>(a: readonly T[]): T { return a[this.int(a.length)]; }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + this.int(10));
    return s;
  }
}

export function hex(v: bigint): string { return '0x' + v.toString(16); }
