// Csmith differential testing: random programs with fixed seeds, built by gcc -O0 (the oracle) and by
// cc-ts (in process, worker threads, PATH emptied), run with a time limit, checksums compared.
//
// Generated sources and gcc's checksums are cached in $CC_TS_CORPUS/csmith-cache/<options>/ (csmith is
// deterministic for a seed and options; the cache folder name holds the options and csmith's version).

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FrontendPool } from '../fuzz/pool';
import { corpus, firstErrorLine, parallel, root, run } from './common';

export const CSMITH_INC = '/usr/include/csmith';
export const DEFAULT_CSMITH_ARGS = ['--max-funcs', '8'];

export type Verdict = 'match' | 'mismatch' | 'crash' | 'build-fail' | 'timeout';
export interface SeedResult { seed: number; level: string; verdict: Verdict; detail: string }

const TOOLS_ENV = { ...process.env, PATH: '/usr/local/bin:/usr/bin:/bin' };

function cacheDir(csmithArgs: string[]): string {
  const v = spawnSync('/usr/bin/csmith', ['--version'], { encoding: 'utf8', env: TOOLS_ENV }).stdout.split('\n')[0]?.replace(/\W+/g, '_') ?? 'unknown';
  const d = path.join(corpus, 'csmith-cache', `${v}${csmithArgs.join('_').replace(/\W+/g, '_')}`);
  fs.mkdirSync(d, { recursive: true });
  return d;
}

/** The program for a seed (generated once) and gcc -O0's output for it ('' plus reason if unusable). */
export async function oracle(seed: number, csmithArgs: string[], work: string, timeoutMs: number): Promise<{ src: string; expected: string | null; why: string }> {
  const dir = cacheDir(csmithArgs);
  const src = path.join(dir, `${seed}.c`);
  const exp = path.join(dir, `${seed}.gcc-O0`);
  if (!fs.existsSync(src)) {
    const g = await run('/usr/bin/csmith', ['--seed', String(seed), ...csmithArgs, '-o', `${src}.tmp`], { env: TOOLS_ENV, cwd: work });
    if (g.status !== 0) return { src, expected: null, why: `csmith failed: ${firstErrorLine(g)}` };
    fs.renameSync(`${src}.tmp`, src);
  }
  if (fs.existsSync(exp)) {
    const t = fs.readFileSync(exp, 'latin1');
    return t.startsWith('!') ? { src, expected: null, why: t.slice(1) } : { src, expected: t, why: '' };
  }
  const exe = path.join(work, `gcc-${seed}`);
  const c = await run('gcc', ['-O0', '-w', `-I${CSMITH_INC}`, src, '-o', exe], { env: TOOLS_ENV });
  let text: string;
  if (c.status !== 0) text = `!gcc failed to build: ${firstErrorLine(c)}`;
  else {
    const r = await run(exe, [], { timeoutMs });
    text = r.timedOut ? '!the gcc -O0 program timed out' : r.status !== 0 ? `!the gcc -O0 program exited ${r.status ?? r.signal}` : r.stdout;
    fs.rmSync(exe, { force: true });
  }
  fs.writeFileSync(exp, text, 'latin1');
  return text.startsWith('!') ? { src, expected: null, why: text.slice(1) } : { src, expected: text, why: '' };
}

/** A pool of cc-ts drivers (the checkout's dist/) with PATH emptied for this process and its workers. */
export function cctsPool(jobs: number): FrontendPool {
  process.env.PATH = '';
  process.env.CC_TS_ROOT = root;
  return new FrontendPool({ size: jobs, timeoutMs: 180000, driverPath: path.join(root, 'dist/src/driver/main.js') });
}

/** Builds one program with cc-ts -O<level> and compares its output with the oracle's. */
export async function checkSeed(pool: FrontendPool, seed: number, level: string, src: string, expected: string, work: string, timeoutMs: number): Promise<SeedResult> {
  const exe = path.join(work, `cc-${level}-${seed}`);
  const b = await pool.run([`-O${level}`, '-w', `-I${CSMITH_INC}`, src, '-o', exe]);
  if (b.crash || b.hang || b.status !== 0) {
    const why = b.hang ? 'compile hang' : b.crash ? `crash: ${b.crash.split('\n')[0]}` : firstErrorLine({ ...b, signal: null, timedOut: false, ms: b.ms });
    return { seed, level, verdict: 'build-fail', detail: why };
  }
  const r = await run(exe, [], { timeoutMs });
  fs.rmSync(exe, { force: true });
  if (r.timedOut) return { seed, level, verdict: 'timeout', detail: `no result within ${timeoutMs / 1000} s` };
  if (r.signal || r.status !== 0) return { seed, level, verdict: 'crash', detail: r.signal ? `killed by ${r.signal}` : `exit ${r.status}` };
  if (r.stdout === expected) return { seed, level, verdict: 'match', detail: '' };
  return { seed, level, verdict: 'mismatch', detail: `${r.stdout.trim().slice(-40)} instead of ${expected.trim().slice(-40)}` };
}

export interface CsmithSummary { results: SeedResult[]; unusable: { seed: number; why: string }[] }

/** Oracles for all seeds (two at a time), then every seed at every level through the pool. */
export async function runSeeds(seeds: number[], levels: string[], opts: { jobs: number; timeoutMs: number; csmithArgs: string[]; work: string; progress?: (s: string) => void }): Promise<CsmithSummary> {
  const unusable: CsmithSummary['unusable'] = [];
  const oracles = await parallel(seeds, opts.jobs, (s) => oracle(s, opts.csmithArgs, opts.work, opts.timeoutMs));
  const usable: { seed: number; src: string; expected: string }[] = [];
  seeds.forEach((seed, i) => {
    const o = oracles[i];
    if (o.expected === null) unusable.push({ seed, why: o.why });
    else usable.push({ seed, src: o.src, expected: o.expected });
  });
  const pool = cctsPool(opts.jobs);
  const results: SeedResult[] = [];
  try {
    const jobs = levels.flatMap((lv) => usable.map((u) => ({ lv, u })));
    let done = 0;
    await parallel(jobs, opts.jobs, async ({ lv, u }) => {
      results.push(await checkSeed(pool, u.seed, lv, u.src, u.expected, opts.work, opts.timeoutMs));
      if (++done % 100 === 0 && opts.progress) opts.progress(`  ${done}/${jobs.length}`);
    });
  } finally {
    await pool.close();
  }
  results.sort((a, b) => (a.level === b.level ? a.seed - b.seed : a.level < b.level ? -1 : 1));
  return { results, unusable };
}
