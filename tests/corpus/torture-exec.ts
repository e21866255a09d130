// gcc.c-torture/execute built by cc-ts alone and run natively, against gcc -O0 in the same harness.
//
//   node dist/tests/corpus/torture-exec.js [--levels 0,2] [--limit N] [--filter STR] [--jobs 2] [--list]
//                                          [--libgcc]   (development only: link gcc's libgcc instead of runtime/)
//
// For every execute/*.c and execute/ieee/*.c: gcc -O0 builds and runs it once (verdicts cached in
// $CC_TS_CORPUS/exec-cache/gcc-O0.txt); cc-ts compiles and links it in process (worker threads running
// driverMain, with PATH emptied: no gcc, cc, as or ld can be reached), then the program runs with a
// 10 s limit. A test passes when it exits 0 (torture tests call abort() on failure). The figure is
// cc-ts passes among the tests gcc -O0 passes, per level, over the whole corpus.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FrontendPool } from '../fuzz/pool';
import { DEFAULT_TORTURE } from '../fuzz/torture';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
const levels = opt('--levels', '0,2').split(',');
const limit = Number(opt('--limit', '0'));
const filter = opt('--filter', '');
const jobs = Number(opt('--jobs', String(Math.min(2, os.cpus().length))));
const useLibgcc = args.includes('--libgcc');
const corpus = process.env.CC_TS_CORPUS ?? '/var/cache/cc-ts-corpus';
export const execDir = path.join(process.env.CC_TS_TORTURE ?? DEFAULT_TORTURE, 'execute');
const cacheDir = path.join(corpus, 'exec-cache');
let workDir = '';
/** Scratch folder, made on first use. */
function work(): string {
  if (!workDir) workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-exec-'));
  return workDir;
}

export function executeFiles(): string[] {
  const out: string[] = [];
  for (const sub of ['', 'ieee']) {
    const d = path.join(execDir, sub);
    for (const f of fs.readdirSync(d)) if (f.endsWith('.c')) out.push(path.join(sub, f));
  }
  return out.sort();
}

export function run(exe: string): boolean {
  const r = spawnSync(exe, [], { timeout: 10000, stdio: 'ignore' });
  return r.status === 0;
}

/** gcc -O0 verdicts, computed once and cached. */
export function gccVerdicts(files: string[]): Map<string, boolean> {
  const dir = execDir;
  fs.mkdirSync(cacheDir, { recursive: true });
  const f = path.join(cacheDir, 'gcc-O0.txt');
  const m = new Map<string, boolean>();
  if (fs.existsSync(f)) for (const l of fs.readFileSync(f, 'utf8').split('\n')) {
    const [name, v] = l.split(' ');
    if (name) m.set(name, v === 'pass');
  }
  let added = false;
  for (const file of files) {
    if (m.has(file)) continue;
    const exe = path.join(work(), 'gcc.exe');
    const c = spawnSync('gcc', ['-O0', '-w', path.join(dir, file), '-lm', '-o', exe], { stdio: 'ignore' });
    m.set(file, c.status === 0 && run(exe));
    added = true;
  }
  if (added) fs.writeFileSync(f, [...m].map(([k, v]) => `${k} ${v ? 'pass' : 'fail'}`).join('\n') + '\n');
  return m;
}

function libgccItems(): string[] {
  const lg = spawnSync('gcc', ['-print-libgcc-file-name'], { encoding: 'utf8' }).stdout.trim();
  return ['-Wl,--start-group', lg, path.join(path.dirname(lg), 'libgcc_eh.a'), '-lc', '-Wl,--end-group'];
}

async function main(): Promise<void> {
  let files = executeFiles();
  if (filter) files = files.filter((f) => f.includes(filter));
  if (limit) files = files.slice(0, limit);
  const gcc = gccVerdicts(files);
  const extra = useLibgcc ? libgccItems() : [];
  const baseline = files.filter((f) => gcc.get(f));
  process.env.PATH = ''; // nothing from a GNU toolchain can be reached from here on
  const pool = new FrontendPool({ size: jobs, timeoutMs: 60000 });
  const lines: string[] = [];
  try {
    for (const lv of levels) {
      let pass = 0, compileFail = 0, runFail = 0, crash = 0;
      const failures: string[] = [];
      let k = 0;
      await Promise.all(baseline.map(async (file, i) => {
        const exe = path.join(work(), `${lv}-${i}.exe`);
        const r = await pool.run([`-O${lv}`, '-w', path.join(execDir, file), '-lm', ...extra, '-o', exe]);
        k++;
        if (r.crash || r.hang) { crash++; failures.push(`${file} crash: ${(r.crash ?? 'hang').split('\n')[0]}`); return; }
        if (r.status !== 0) { compileFail++; failures.push(`${file} build: ${r.stderr.split('\n').find((l) => /error/.test(l)) ?? r.stderr.split('\n')[0]}`); return; }
        const ok = run(exe);
        fs.rmSync(exe, { force: true });
        if (ok) pass++; else { runFail++; failures.push(`${file} run: wrong result`); }
        if (k % 200 === 0) process.stderr.write(`  -O${lv}: ${k}/${baseline.length}\n`);
      }));
      const line = `-O${lv}: ${pass}/${baseline.length} of the tests gcc -O0 passes (${(100 * pass / baseline.length).toFixed(2)}%); ` +
        `${compileFail} failed to build, ${runFail} ran wrong, ${crash} crashed (corpus: ${files.length} files)`;
      lines.push(line);
      if (args.includes('--list')) for (const f of failures.sort()) console.log(`  -O${lv} ${f}`);
      console.log(line);
    }
  } finally {
    await pool.close();
    fs.rmSync(work(), { recursive: true, force: true });
  }
}

if (require.main === module) void main();
