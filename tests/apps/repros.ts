// Runs the repros in tests/apps/repros/: each NAME.c built by gcc -O0 (the oracle must print
// NAME.expected) and by cc-ts at -O0 and -O2 with an empty PATH; prints one line per repro and level.
//
//   node dist/tests/apps/repros.js [NAME ...]
//
// Exit status 0 when every repro passes at every level (then its work-around can go).

import * as fs from 'fs';
import * as path from 'path';
import { appsDir, firstErrorLine, run, runCcts, tmpDir } from './common';

const dir = path.join(appsDir, 'repros');

export interface ReproResult { name: string; level: string; ok: boolean; why: string }

/** `max-cpu-seconds: X` anywhere in the source: the cc-ts builds must also run within X s of CPU. */
function cpuLimitOf(src: string): number {
  const m = /max-cpu-seconds:\s*([\d.]+)/.exec(src);
  return m ? Number(m[1]) : Infinity;
}

function flagsOf(src: string): string[] {
  const m = /^\/\/ cc-ts-flags:(.*)$/m.exec(src.split('\n')[0] ?? '');
  return m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
}

export async function runRepro(name: string, work: string): Promise<ReproResult[]> {
  const file = path.join(dir, `${name}.c`);
  const src = fs.readFileSync(file, 'utf8');
  const expected = fs.readFileSync(path.join(dir, `${name}.expected`), 'latin1');
  const flags = flagsOf(src);
  const out: ReproResult[] = [];
  const check = async (label: string, build: (exe: string) => Promise<{ status: number | null; stderr: string; timedOut: boolean; signal: string | null; stdout: string; ms: number }>): Promise<void> => {
    const exe = path.join(work, `${name}-${label.replace(/\W/g, '')}`);
    const b = await build(exe);
    if (b.status !== 0) { out.push({ name, level: label, ok: false, why: `build: ${firstErrorLine(b)}` }); return; }
    const limit = label.startsWith('cc-ts') ? cpuLimitOf(src) : Infinity;
    const timed = Number.isFinite(limit);
    const r = timed ? await run('/usr/bin/time', ['-f', '%U', exe], { timeoutMs: 120000 }) : await run(exe, [], { timeoutMs: 10000 });
    const cpu = timed ? Number(r.stderr.trim().split('\n').pop()) : 0;
    const ok = r.status === 0 && r.stdout === expected && cpu <= limit;
    const why = r.status !== 0 || r.stdout !== expected
      ? `${r.timedOut ? 'timed out' : r.signal ?? 'exit ' + r.status}, printed ${JSON.stringify(r.stdout.slice(0, 120))}`
      : cpu > limit ? `too slow: ${cpu.toFixed(2)} s CPU (limit ${limit} s)` : timed ? `${cpu.toFixed(2)} s CPU` : '';
    out.push({ name, level: label, ok, why });
  };
  await check('gcc -O0', (exe) => run('gcc', ['-O0', '-w', ...flags, file, '-o', exe, '-lm']));
  for (const lv of ['0', '2']) await check(`cc-ts -O${lv}`, (exe) => runCcts([`-O${lv}`, '-w', ...flags, file, '-o', exe, '-lm']));
  return out;
}

export function reproNames(): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.c')).map((f) => f.slice(0, -2)).sort();
}

async function main(): Promise<void> {
  const want = process.argv.slice(2);
  const names = want.length ? want : reproNames();
  const work = tmpDir('cc-ts-repros-');
  let bad = 0;
  try {
    for (const n of names) {
      for (const r of await runRepro(n, work)) {
        if (!r.ok) bad++;
        console.log(`${r.ok ? 'pass' : 'FAIL'}  ${n.padEnd(28)} ${r.level.padEnd(10)} ${r.why}`);
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.exitCode = bad ? 1 : 0;
}

if (require.main === module) void main();
