// The front-end fuzzer's loop, shared by tests/fuzz/frontend.test.ts (a short slice in npm test) and
// tests/corpus/fuzz-frontend.ts (the full run, 10,000 cases by default).
//
// Case i of a run with seed S has the case seed caseSeed(S, i) (mutate.ts). Each mutant is written
// to a temporary file and compiled with driverMain(['-fsyntax-only', '-w', FILE]) in a worker
// thread (pool.ts). Status 0 and 1 are both fine; a crash is an exception escaping driverMain, an
// "internal compiler error" message, another status or a dead worker; a hang is a case slower than
// the time limit. Crashing and hanging mutants are saved (with a note of their seed, file and
// mutations) so that they can be replayed: `node dist/tests/corpus/fuzz-frontend.js --replay SEED`.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FrontendPool, RunResult } from './pool';
import { caseSeed, FuzzCase, hex32, makeCase } from './mutate';
import { tortureDir, tortureFiles } from './torture';

export interface FuzzOptions {
  count: number;
  seed: number;
  /** First case index (default 0): lets a run be split into slices. */
  start?: number;
  jobs?: number;
  timeoutMs?: number;
  /** Where failing mutants are saved (default /tmp/cc-ts-fuzz); null: do not save. */
  saveDir?: string | null;
  /** Extra driver arguments before the file (default none; '-fsyntax-only -w' always come first). */
  extraArgs?: string[];
  /** Compiled driver module (default: the one next to the tests, see pool.ts). */
  driverPath?: string;
  /** Called after each case. */
  progress?: (done: number, total: number) => void;
}

export interface Failure {
  kind: 'crash' | 'hang';
  seed: number;
  index: number;
  file: string;
  mutations: string[];
  detail: string;
  saved: string | null;
}

export interface FuzzSummary {
  cases: number;
  accepted: number;
  rejected: number;
  crashes: Failure[];
  hangs: Failure[];
  ms: number;
  slowest: { seed: number; file: string; ms: number } | null;
}

export function describeFailure(f: Failure): string {
  const lines = [
    `${f.kind.toUpperCase()} case ${f.index} seed ${hex32(f.seed)} file ${f.file}`,
    ...f.mutations.map((m) => `    ${m}`),
    ...f.detail.split('\n').slice(0, 8).map((l) => `    | ${l}`),
  ];
  if (f.saved) lines.push(`    saved: ${f.saved}`);
  lines.push(`    replay: node dist/tests/corpus/fuzz-frontend.js --replay ${hex32(f.seed)}`);
  return lines.join('\n');
}

export function readTorture(dir: string): (file: string) => string {
  const cache = new Map<string, string>();
  return (file) => {
    let s = cache.get(file);
    if (s === undefined) {
      s = fs.readFileSync(path.join(dir, file), 'latin1');
      cache.set(file, s);
    }
    return s;
  };
}

function save(dir: string | null, c: FuzzCase, kind: string, detail: string): string | null {
  if (!dir) return null;
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${kind}-${hex32(c.seed)}`);
  fs.writeFileSync(base + '.c', c.mutant.source, 'latin1');
  fs.writeFileSync(base + '.txt', [`seed ${hex32(c.seed)}`, `file ${c.file}`, ...c.mutant.mutations, '', detail, ''].join('\n'));
  return base + '.c';
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzSummary> {
  const dir = tortureDir();
  const files = tortureFiles(dir);
  const read = readTorture(dir);
  const jobs = Math.max(1, opts.jobs ?? 1);
  const pool = new FrontendPool({ size: jobs, timeoutMs: opts.timeoutMs ?? 5000, driverPath: opts.driverPath });
  const saveDir = opts.saveDir === undefined ? '/tmp/cc-ts-fuzz' : opts.saveDir;
  const start = opts.start ?? 0;
  const summary: FuzzSummary = { cases: 0, accepted: 0, rejected: 0, crashes: [], hangs: [], ms: 0, slowest: null };
  const t0 = Date.now();
  let next = 0;
  const probe = await pool.run(['--version']);
  if (probe.loadFailure) {
    await pool.close();
    throw new Error(probe.crash ?? 'cannot load the driver');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-fuzz-'));
  async function worker(): Promise<void> {
    while (next < opts.count) {
      const index = start + next++;
      const seed = caseSeed(opts.seed, index);
      const c = makeCase(seed, files, read);
      const file = path.join(tmp, `${hex32(seed)}.c`);
      const r: RunResult = await pool.run(['-fsyntax-only', '-w', ...(opts.extraArgs ?? []), file], { file, source: c.mutant.source });
      fs.rmSync(file, { force: true });
      summary.cases++;
      if (!summary.slowest || r.ms > summary.slowest.ms) summary.slowest = { seed, file: c.file, ms: r.ms };
      if (r.hang || r.crash) {
        const kind = r.hang ? 'hang' : 'crash';
        const detail = r.hang ? `no answer after ${Math.round(r.ms)} ms` : r.crash!;
        const f: Failure = { kind, seed, index, file: c.file, mutations: c.mutant.mutations, detail, saved: save(saveDir, c, kind, detail) };
        (r.hang ? summary.hangs : summary.crashes).push(f);
      } else if (r.status === 0) summary.accepted++;
      else summary.rejected++;
      opts.progress?.(summary.cases, opts.count);
    }
  }
  try {
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    await pool.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  summary.ms = Date.now() - t0;
  return summary;
}

/** Rebuilds the case with seed `seed`, saves its mutant and runs it once; returns the result. */
export async function replay(seed: number, saveDir: string, timeoutMs = 5000): Promise<{ c: FuzzCase; file: string; r: RunResult }> {
  const dir = tortureDir();
  const c = makeCase(seed >>> 0, tortureFiles(dir), readTorture(dir));
  fs.mkdirSync(saveDir, { recursive: true });
  const file = path.join(saveDir, `case-${hex32(seed)}.c`);
  const pool = new FrontendPool({ size: 1, timeoutMs });
  try {
    const r = await pool.run(['-fsyntax-only', '-w', file], { file, source: c.mutant.source });
    return { c, file, r };
  } finally {
    await pool.close();
  }
}
