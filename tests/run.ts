// The test command (`npm test`): runs every tests/**/*.test.js file (uvu suites, compiled to dist/),
// two at a time (the CI machine has two cores), and prints the totals over everything that ran.
// The last line is the plain summary `N passed, N failed` (`, N skipped` when any were skipped).
//
// Usage: node dist/tests/run.js [substring ...]   (only files whose path contains one of the substrings)

import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

interface Result { file: string; total: number; passed: number; skipped: number; ok: boolean; out: string; ms: number }

function findTests(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findTests(p, out);
    else if (e.name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

function runOne(file: string): Promise<Result> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('close', (code) => {
      // eslint-disable-next-line no-control-regex
      const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
      const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
      const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
      const skipped = Number(/Skipped:\s+(\d+)/.exec(plain)?.[1] ?? 0);
      if (Number.isNaN(total) || Number.isNaN(passed)) {
        // crashed before uvu's summary: one failure for the file
        resolve({ file, total: 1, passed: 0, skipped: 0, ok: false, out: plain, ms: Date.now() - t0 });
      } else {
        resolve({ file, total, passed, skipped, ok: code === 0 && passed + skipped === total, out: plain, ms: Date.now() - t0 });
      }
    });
  });
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname);
  const filters = process.argv.slice(2);
  let files = findTests(root, []).sort();
  if (filters.length) files = files.filter((f) => filters.some((s) => f.includes(s)));
  const jobs = Math.max(1, Math.min(2, os.cpus().length));
  const results: Result[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const f = files[next++];
      const r = await runOne(f);
      results.push(r);
      const rel = path.relative(root, f);
      const failed = r.total - r.passed - r.skipped;
      process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${rel}: ${r.passed} passed, ${failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''} (${(r.ms / 1000).toFixed(1)} s)\n`);
      if (!r.ok) process.stdout.write(r.out.split('\n').map((l) => '     | ' + l).join('\n') + '\n');
    }
  }
  await Promise.all(Array.from({ length: jobs }, worker));
  let passed = 0, failed = 0, skipped = 0;
  for (const r of results) {
    passed += r.passed;
    skipped += r.skipped;
    failed += r.total - r.passed - r.skipped;
  }
  process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
