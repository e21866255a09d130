// Corpus runner: every gcc.c-torture/execute test compiled by gcc -c (-O0 and -O2), linked by
// cc-ts ld (in process) and by GNU ld (gcc -static), both run with a timeout; exit status and output
// must agree. Objects are cached under /var/cache/cc-ts-corpus/link-cache/. Prints counts over the
// whole corpus; failures are listed (and compared with tests/link/torture-xfail.txt when present).
//
// Usage: node dist/tests/corpus/link-torture.js [--limit N] [--from K] [--opts O0,O2] [--quiet]
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { link } from '../../link/link';
import { parseLdArgs } from '../../link/options';
import { LinkError } from '../../link/error';
import { ElfError } from '../../elf/error';

export const TORTURE_DIR = '/var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture/execute';
const CACHE = '/var/cache/cc-ts-corpus/link-cache';
const GCC_LIB = '/usr/lib/gcc/x86_64-linux-gnu/12';
const LIBC = '/usr/lib/x86_64-linux-gnu';

export interface TortureResult { name: string; opt: string; status: 'pass' | 'fail' | 'skip'; detail: string }

const fileCache = new Map<string, Uint8Array>();
const io = {
  readFile(p: string): Uint8Array {
    let b = fileCache.get(p);
    if (!b) { b = new Uint8Array(fs.readFileSync(p)); if (p.endsWith('.a') || p.includes('/crt')) fileCache.set(p, b); }
    return b;
  },
  fileExists(p: string): boolean { if (fileCache.has(p)) return true; try { return fs.statSync(p).isFile(); } catch { return false; } },
};

function objectFor(src: string, opt: string): string | null {
  const dir = path.join(CACHE, opt);
  fs.mkdirSync(dir, { recursive: true });
  const base = path.basename(src, '.c');
  const obj = path.join(dir, base + '.o');
  const bad = obj + '.nocompile';
  if (fs.existsSync(obj)) return obj;
  if (fs.existsSync(bad)) return null;
  const r = spawnSync('gcc', ['-c', `-${opt}`, '-w', '-fno-diagnostics-color', '-o', obj, src], { encoding: 'utf8', timeout: 60000 });
  if (r.status !== 0) { fs.writeFileSync(bad, r.stderr ?? ''); try { fs.unlinkSync(obj); } catch { /* none */ } return null; }
  return obj;
}

function runExe(exe: string): { code: number | null; out: string; signal: string | null } {
  const r = spawnSync(exe, [], { encoding: 'latin1', timeout: 5000, stdio: ['ignore', 'pipe', 'pipe'] });
  return { code: r.status, out: (r.stdout ?? '') + (r.stderr ?? ''), signal: r.signal };
}

/** Run one test at one optimisation level. */
export function runOne(src: string, opt: string, work: string): TortureResult {
  const name = path.basename(src, '.c');
  const obj = objectFor(src, opt);
  if (!obj) return { name, opt, status: 'skip', detail: 'gcc cannot compile it' };
  const gnu = path.join(work, `${name}-${opt}.gnu`);
  const g = spawnSync('gcc', ['-static', '-o', gnu, obj, '-lm'], { encoding: 'utf8' });
  if (g.status !== 0) return { name, opt, status: 'skip', detail: 'GNU ld cannot link it: ' + (g.stderr ?? '').split('\n')[0] };
  const mine = path.join(work, `${name}-${opt}.cc`);
  try {
    const opts = parseLdArgs(['--build-id', '-m', 'elf_x86_64', '-static', '-o', mine, `${LIBC}/crt1.o`, `${LIBC}/crti.o`, `${GCC_LIB}/crtbeginT.o`,
      `-L${GCC_LIB}`, `-L${LIBC}`, obj, '-lm', '--start-group', '-lgcc', '-lgcc_eh', '-lc', '--end-group', `${GCC_LIB}/crtend.o`, `${LIBC}/crtn.o`]);
    const res = link(opts, io);
    fs.writeFileSync(mine, res.output, { mode: 0o755 });
  } catch (e) {
    if (e instanceof LinkError || e instanceof ElfError) return { name, opt, status: 'fail', detail: 'link error: ' + e.message.split('\n')[0] };
    return { name, opt, status: 'fail', detail: 'linker crash: ' + (e as Error).stack?.split('\n').slice(0, 3).join(' | ') };
  }
  const a = runExe(gnu);
  const b = runExe(mine);
  try { fs.unlinkSync(gnu); fs.unlinkSync(mine); } catch { /* ignore */ }
  if (a.code !== b.code || a.out !== b.out || a.signal !== b.signal) {
    return { name, opt, status: 'fail', detail: `GNU: ${a.code}/${a.signal} ${JSON.stringify(a.out.slice(0, 60))} cc-ts: ${b.code}/${b.signal} ${JSON.stringify(b.out.slice(0, 60))}` };
  }
  return { name, opt, status: 'pass', detail: '' };
}

export function tortureFiles(): string[] {
  return fs.readdirSync(TORTURE_DIR).filter((f) => f.endsWith('.c')).sort().map((f) => path.join(TORTURE_DIR, f));
}

function main(): void {
  const args = process.argv.slice(2);
  const get = (k: string, d: string): string => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
  const limit = Number(get('--limit', '0'));
  const from = Number(get('--from', '0'));
  const opts = get('--opts', 'O0,O2').split(',');
  const quiet = args.includes('--quiet');
  let files = tortureFiles().slice(from);
  if (limit) files = files.slice(0, limit);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-link-torture-'));
  const xfailFile = path.join(__dirname, '..', '..', '..', 'tests', 'link', 'torture-xfail.txt');
  const xfail = new Set(fs.existsSync(xfailFile) ? fs.readFileSync(xfailFile, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[0]) : []);
  const counts = { pass: 0, fail: 0, skip: 0, xfail: 0 };
  const fails: TortureResult[] = [];
  const t0 = Date.now();
  for (const f of files) {
    for (const o of opts) {
      const r = runOne(f, o, work);
      if (r.status === 'fail' && xfail.has(r.name)) { counts.xfail++; continue; }
      counts[r.status]++;
      if (r.status === 'fail') { fails.push(r); if (!quiet) console.log(`FAIL ${r.name} -${r.opt}: ${r.detail}`); }
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  const linked = counts.pass + counts.fail;
  console.log(`link-torture: ${files.length} files x ${opts.length} levels: ${counts.pass} pass, ${counts.fail} fail, ${counts.xfail} expected failures (tests/link/torture-xfail.txt), ${counts.skip} skipped (gcc/GNU ld cannot build them); ` +
    `${linked ? ((100 * counts.pass) / linked).toFixed(2) : '0'}% of linkable; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module) main();
