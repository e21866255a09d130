// Link speed: the SQLite shell (sqlite3.c + shell.c compiled once by gcc -c -O2, cached) linked
// statically by cc-ts ld, GNU ld and ld.lld with the same inputs gcc -static passes, in one run.
// Prints the median wall time and CPU time (user + system, steadier than wall time on a busy
// machine) of N runs, the peak memory of each, the ratios, and cc-ts ld's own --stats breakdown
// (start-up, then each pass) from one more run.
//
//   node dist/bench/link.js [--runs 3]

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at >= 0 ? Number(args[at + 1]) : 3;
const corpus = process.env.CC_TS_CORPUS ?? '/var/cache/cc-ts-corpus';
const src = path.join(corpus, 'sqlite3');
const cache = path.join(corpus, 'link-bench');
const root = path.resolve(__dirname, '../..');

function objects(): string[] {
  fs.mkdirSync(cache, { recursive: true });
  const out: string[] = [];
  for (const f of ['sqlite3.c', 'shell.c']) {
    const o = path.join(cache, f.replace(/\.c$/, '.o'));
    if (!fs.existsSync(o)) {
      const r = spawnSync('gcc', ['-c', '-O2', '-fno-pie', '-DSQLITE_THREADSAFE=0', '-DSQLITE_OMIT_LOAD_EXTENSION', path.join(src, f), '-o', o], { stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`gcc -c ${f} failed`);
    }
    out.push(o);
  }
  return out;
}

function gccFile(name: string): string {
  return spawnSync('gcc', [`-print-file-name=${name}`], { encoding: 'utf8' }).stdout.trim();
}

function measure(cmd: string[]): { s: number; cpu: number; kb: number; ok: boolean } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...cmd], { encoding: 'utf8' });
  const [s, user, sys, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { s, cpu: user + sys, kb, ok: r.status === 0 };
}

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1];

function main(): void {
  if (!fs.existsSync(path.join(src, 'sqlite3.c'))) {
    console.error(`bench: ${src}/sqlite3.c not found (run tests/corpus/fetch.sh)`);
    process.exitCode = 1;
    return;
  }
  const objs = objects();
  const lib = '/usr/lib/x86_64-linux-gnu';
  const inputs = [
    `${lib}/crt1.o`, `${lib}/crti.o`, gccFile('crtbeginT.o'), ...objs,
    '--start-group', gccFile('libgcc.a'), gccFile('libgcc_eh.a'), `${lib}/libm.a`, `${lib}/libc.a`, '--end-group',
    gccFile('crtend.o'), `${lib}/crtn.o`,
  ];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-linkbench-'));
  const linkers: [string, string[]][] = [
    ['GNU ld', ['ld', '-m', 'elf_x86_64', '-static', '-o', path.join(tmp, 'gnu'), ...inputs]],
    ['ld.lld', ['ld.lld', '-m', 'elf_x86_64', '-static', '-o', path.join(tmp, 'lld'), ...inputs]],
    ['cc-ts ld', [process.execPath, path.join(root, 'bin/cc-ts'), 'ld', '-m', 'elf_x86_64', '-static', '-o', path.join(tmp, 'cc'), ...inputs]],
  ];
  console.log(`static link of the SQLite shell (sqlite3.o + shell.o + glibc), median of ${runs}`);
  const res = new Map<string, { s: number; cpu: number; kb: number }>();
  for (const [name, cmd] of linkers) {
    const ms = Array.from({ length: runs }, () => measure(cmd));
    const s = median(ms.map((m) => m.s));
    const cpu = median(ms.map((m) => m.cpu));
    const kb = Math.max(...ms.map((m) => m.kb));
    res.set(name, { s, cpu, kb });
    console.log(`${name.padEnd(10)} ${s.toFixed(2).padStart(6)} s ${cpu.toFixed(2).padStart(6)} s CPU ${(kb / 1024).toFixed(0).padStart(6)} MiB${ms.every((m) => m.ok) ? '' : '  (FAILED)'}`);
  }
  const cc = res.get('cc-ts ld')!;
  for (const other of ['GNU ld', 'ld.lld']) {
    const o = res.get(other)!;
    console.log(`cc-ts ld / ${other}: ${(cc.s / o.s).toFixed(2)}x time, ${(cc.cpu / o.cpu).toFixed(2)}x CPU, ${(cc.kb / o.kb).toFixed(2)}x memory`);
  }
  const node0 = median(Array.from({ length: runs }, () => measure([process.execPath, '-e', '0']).s));
  console.log(`(node -e 0 alone: ${node0.toFixed(2)} s)`);
  const stats = spawnSync(process.execPath, [...linkers[2][1].slice(1), '--stats'], { encoding: 'utf8' });
  console.log(`cc-ts ld --stats (one run, wall and CPU per pass):\n${stats.stderr.trim().replace(/^cc-ts ld: /gm, '  ')}`);
  const run = spawnSync(path.join(tmp, 'cc'), [':memory:', 'select sqlite_version();'], { encoding: 'utf8' });
  console.log(`cc-ts-linked shell runs: ${run.status === 0 ? run.stdout.trim() : 'FAILED ' + run.stderr}`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

main();
