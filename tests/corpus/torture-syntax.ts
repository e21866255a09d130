// gcc.c-torture syntax runner: checks every compile/ and execute/ file that the target's gcc accepts
// with -fsyntax-only, in this one process, and counts accepted / rejected / crashed.
//
//   node dist/tests/corpus/torture-syntax.js [--target=x86_64,aarch64,riscv64] [--list] [--filter=STR] [--pp=gcc]
//
// By default each file goes through cc-ts's own front end exactly as `cc-ts -fsyntax-only -w
// --target=T file` runs it (the driver's preprocessor options, in process: tests/frontend/run.ts).
// gcc is only the oracle: its verdict (`gcc -fsyntax-only -w`) is cached in $CC_TS_TORTURE_CACHE
// (default /tmp/cc-ts-torture-cache/<arch>/status.txt: "<file> ok|rej"), and only files it accepts count.
// `--pp=gcc` preprocesses with gcc -E instead (cached as <file>.i) and parses that text, to tell
// preprocessor problems from parser problems.
// The corpus is Debian's gcc-12 source: $CC_TS_TORTURE (default
// /var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture).

import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { Arch, TARGETS } from '../../targets/layout';
import { GCC, parsePreprocessed } from '../parse/util';
import { runFrontend, TRIPLES } from '../frontend/run';

const ROOT = process.env.CC_TS_TORTURE ?? '/var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture';
const CACHE = process.env.CC_TS_TORTURE_CACHE ?? '/tmp/cc-ts-torture-cache';

export function listFiles(): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.c')) out.push(r);
    }
  };
  walk('compile');
  walk('execute');
  return out.sort();
}

/** gcc's verdict per file, computed once and cached. */
export function gccStatus(arch: Arch, files: string[]): Map<string, string> {
  const dir = path.join(CACHE, arch);
  const f = path.join(dir, 'status.txt');
  const m = new Map<string, string>();
  if (fs.existsSync(f)) {
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
      const [name, st] = line.split(' ');
      if (name) m.set(name, st);
    }
  }
  let added = false;
  for (const file of files) {
    if (m.has(file)) continue;
    const r = spawnSync(GCC[arch], ['-fsyntax-only', '-w', ...(arch === 'i386' ? ['-m32'] : []), file], { cwd: ROOT });
    m.set(file, r.status === 0 ? 'ok' : 'rej');
    added = true;
  }
  if (added) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(f, [...m].map(([k, v]) => `${k} ${v}`).join('\n') + '\n');
  }
  return m;
}

/** A front end under test: the first error for a file (null if it is accepted); throws on a crash. */
export type Frontend = (file: string, arch: Arch) => string | null;

/** cc-ts's own preprocessor and parser, as the driver runs them. */
export const ownFrontend: Frontend = (file, arch) => {
  const r = runFrontend(['-fsyntax-only', '-w', `--target=${TRIPLES[arch]}`, path.join(ROOT, file)]);
  return r.status === 0 ? null : r.messages.find((l) => l.includes(' error: ')) ?? r.lines[0] ?? 'rejected';
};

/** gcc -E (cached) and cc-ts's parser. */
export const gccPreprocessFrontend: Frontend = (file, arch) => {
  const out = path.join(CACHE, arch, file + '.i');
  let text: string;
  if (fs.existsSync(out)) text = fs.readFileSync(out, 'utf8');
  else {
    const r = spawnSync(GCC[arch], ['-E', ...(arch === 'i386' ? ['-m32'] : []), file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, r.stdout);
    text = r.stdout;
  }
  const r = parsePreprocessed(text, file, TARGETS[arch]);
  return r.diag.errors === 0 ? null : r.messages.find((l) => l.includes(': error: ')) ?? r.messages[0] ?? 'rejected';
};

export interface TortureResult { total: number; accepted: number; rejected: string[]; crashed: string[] }

/** Run `files` (default: the whole corpus) that gcc accepts through a front end. */
export function runTorture(arch: Arch, fe: Frontend = ownFrontend, filter = '', files?: string[]): TortureResult {
  const list = (files ?? listFiles()).filter((f) => f.includes(filter));
  const status = gccStatus(arch, list);
  const res: TortureResult = { total: 0, accepted: 0, rejected: [], crashed: [] };
  for (const file of list) {
    if (status.get(file) !== 'ok') continue;
    res.total++;
    try {
      const err = fe(file, arch);
      if (err === null) res.accepted++;
      else res.rejected.push(`${file}: ${err}`);
    } catch (e) {
      const err = e as Error;
      res.crashed.push(`${file}: ${err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : String(e)}`);
    }
  }
  return res;
}

function main(): void {
  let targets: Arch[] = ['x86_64', 'aarch64', 'riscv64'];
  let list = false;
  let filter = '';
  let fe = ownFrontend;
  for (const a of process.argv.slice(2)) {
    if (a.startsWith('--target=')) targets = a.slice(9).split(',') as Arch[];
    else if (a === '--list') list = true;
    else if (a.startsWith('--filter=')) filter = a.slice(9);
    else if (a === '--pp=gcc') fe = gccPreprocessFrontend;
  }
  let bad = 0;
  for (const arch of targets) {
    const t0 = Date.now();
    const r = runTorture(arch, fe, filter);
    const pct = r.total ? (100 * r.accepted / r.total).toFixed(2) : '0';
    console.log(`${arch}: ${r.accepted}/${r.total} accepted (${pct}%), ${r.rejected.length} rejected, ${r.crashed.length} crashed, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (list) { for (const l of r.crashed) console.log('  CRASH ' + l); for (const l of r.rejected) console.log('  REJECT ' + l); }
    bad += r.crashed.length;
    if (r.total && r.accepted / r.total < 0.995) bad++;
  }
  process.exitCode = bad ? 1 : 0;
}

if (require.main === module) main();
