// gcc.c-torture syntax runner: parses every compile/ and execute/ file that the target's gcc accepts
// with -fsyntax-only, in this one process, and counts accepted / rejected / crashed.
//
//   node dist/tests/corpus/torture-syntax.js [--target=x86_64,aarch64,riscv64] [--list] [--filter=STR]
//
// Preprocessing is a pluggable step (`Preprocess` in tests/parse/util.ts). By default it is gcc -E,
// run once per file and cached in $CC_TS_TORTURE_CACHE (default /tmp/cc-ts-torture-cache/<arch>/),
// together with gcc's verdict (status.txt: "<file> ok|rej|pperr"). To use cc-ts's own preprocessor,
// pass another Preprocess to runTorture().
// The corpus is Debian's gcc-12 source: $CC_TS_TORTURE (default
// /var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture).

import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { Arch, TARGETS } from '../../targets/layout';
import { GCC, Preprocess, parsePreprocessed } from '../parse/util';

const ROOT = process.env.CC_TS_TORTURE ?? '/var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture';
const CACHE = process.env.CC_TS_TORTURE_CACHE ?? '/tmp/cc-ts-torture-cache';

function listFiles(): string[] {
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
function gccStatus(arch: Arch, files: string[]): Map<string, string> {
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

export const cachedGccPreprocess: Preprocess = (file, arch) => {
  const out = path.join(CACHE, arch, file + '.i');
  if (fs.existsSync(out)) return fs.readFileSync(out, 'utf8');
  const r = spawnSync(GCC[arch], ['-E', ...(arch === 'i386' ? ['-m32'] : []), file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, r.stdout);
  return r.stdout;
};

export interface TortureResult { total: number; accepted: number; rejected: string[]; crashed: string[] }

export function runTorture(arch: Arch, pre: Preprocess = cachedGccPreprocess, filter = ''): TortureResult {
  const files = listFiles().filter((f) => f.includes(filter));
  const status = gccStatus(arch, files);
  const res: TortureResult = { total: 0, accepted: 0, rejected: [], crashed: [] };
  for (const file of files) {
    if (status.get(file) !== 'ok') continue;
    res.total++;
    let text: string;
    try { text = pre(file, arch); } catch { res.crashed.push(`${file}: preprocessing failed`); continue; }
    try {
      const r = parsePreprocessed(text, file, TARGETS[arch]);
      if (r.diag.errors === 0) res.accepted++;
      else res.rejected.push(`${file}: ${r.messages.find((l) => l.includes(': error: ')) ?? r.messages[0]}`);
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
  for (const a of process.argv.slice(2)) {
    if (a.startsWith('--target=')) targets = a.slice(9).split(',') as Arch[];
    else if (a === '--list') list = true;
    else if (a.startsWith('--filter=')) filter = a.slice(9);
  }
  let bad = 0;
  for (const arch of targets) {
    const t0 = Date.now();
    const r = runTorture(arch, cachedGccPreprocess, filter);
    const pct = r.total ? (100 * r.accepted / r.total).toFixed(2) : '0';
    console.log(`${arch}: ${r.accepted}/${r.total} accepted (${pct}%), ${r.rejected.length} rejected, ${r.crashed.length} crashed, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (list) { for (const l of r.crashed) console.log('  CRASH ' + l); for (const l of r.rejected) console.log('  REJECT ' + l); }
    bad += r.crashed.length;
    if (r.total && r.accepted / r.total < 0.995) bad++;
  }
  process.exitCode = bad ? 1 : 0;
}

if (require.main === module) main();
