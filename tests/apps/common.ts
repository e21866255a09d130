// Shared helpers for the application corpora (Lua, SQLite, Csmith) and their benchmarks.
//
// cc-ts always runs as `node bin/cc-ts` with an empty PATH, so that no gcc, cc, as or ld can be
// reached: what gets built is built by cc-ts alone. gcc and tcc (the oracles) run with the normal PATH.
// CC_TS_ROOT names the checkout whose bin/cc-ts and dist/ are used (default: three levels above this
// compiled file's folder: the checkout when this is built into its dist/tests/apps/).

import { spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const root = process.env.CC_TS_ROOT ? path.resolve(process.env.CC_TS_ROOT) : path.resolve(__dirname, '../../..');
export const ccts = path.join(root, 'bin/cc-ts');
export const corpus = process.env.CC_TS_CORPUS ?? '/var/cache/cc-ts-corpus';
/** The project's own sources of tests/apps (scripts, SQL, repros), found from the checkout. */
export const appsDir = path.join(root, 'tests/apps');

/** Environment for a cc-ts run: nothing on PATH. */
export function cctsEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: '', CC_TS_ROOT: root };
}

export interface Ran { status: number | null; signal: string | null; stdout: string; stderr: string; ms: number; timedOut: boolean }

/** Runs a command asynchronously, capturing output (latin1, so bytes compare exactly). */
export function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = opts.timeoutMs ? setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, opts.timeoutMs) : null;
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.stdin.on('error', () => { /* the program may exit before reading its input */ });
    child.stdin.end(opts.input ?? '');
    child.on('error', (e) => { err.push(Buffer.from(String(e))); });
    child.on('close', (status, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out).toString('latin1'), stderr: Buffer.concat(err).toString('latin1'), ms: Date.now() - t0, timedOut });
    });
  });
}

/** Runs cc-ts (node bin/cc-ts ARGS) with an empty PATH. */
export function runCcts(args: string[], cwd?: string, timeoutMs = 15 * 60 * 1000): Promise<Ran> {
  return run(process.execPath, [ccts, ...args], { cwd, env: cctsEnv(), timeoutMs });
}

export function runSync(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'latin1', maxBuffer: 1 << 30 });
}

/** Maps fn over items with at most `jobs` running at once; results in input order. */
export async function parallel<T, R>(items: T[], jobs: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
  return out;
}

export function defaultJobs(): number {
  return Math.max(1, Math.min(2, os.cpus().length));
}

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The first error line of a compiler's output (or its first line, or the signal). */
export function firstErrorLine(r: Ran): string {
  if (r.timedOut) return 'timed out';
  const lines = r.stderr.split('\n');
  return lines.find((l) => /\b(error|multiple definition|undefined reference)\b/.test(l)) ?? lines.find((l) => l.trim() !== '') ??
    (r.signal ? `killed by ${r.signal}` : `exit status ${r.status}`);
}

/** Groups failures by their message with file names, line numbers and quoted names blanked out. */
export function bucket(messages: string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const msg of messages) {
    const key = msg.replace(/^[^:]*:\d+(:\d+)?: /, '').replace(/[`'][^']*'/g, "'…'").replace(/\b0x[0-9a-f]+\b|\b\d+\b/g, 'N');
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return [...m].sort((a, b) => b[1] - a[1]);
}

export interface BuildResult { ok: boolean; exe: string; failures: { file: string; error: string; stderr: string }[]; ms: number }

/** Compiles each source to an object (cc-ts with empty PATH, or gcc/tcc), then links them. */
export async function buildProgram(opts: {
  compiler: 'cc-ts' | 'gcc' | 'tcc'; sources: string[]; cflags: string[]; ldflags: string[];
  outDir: string; exeName: string; jobs?: number;
}): Promise<BuildResult> {
  const t0 = Date.now();
  fs.mkdirSync(opts.outDir, { recursive: true });
  const exe = path.join(opts.outDir, opts.exeName);
  fs.rmSync(exe, { force: true });
  const compile = (args: string[]): Promise<Ran> =>
    opts.compiler === 'cc-ts' ? runCcts(args, opts.outDir) : run(opts.compiler, args, { cwd: opts.outDir });
  const objs = opts.sources.map((s) => path.join(opts.outDir, path.basename(s).replace(/\.c$/, '.o')));
  const failures: BuildResult['failures'] = [];
  await parallel(opts.sources, opts.jobs ?? defaultJobs(), async (src, i) => {
    const r = await compile([...opts.cflags, '-c', src, '-o', objs[i]]);
    if (r.status !== 0) failures.push({ file: path.basename(src), error: firstErrorLine(r), stderr: r.stderr });
  });
  if (failures.length === 0) {
    const r = await compile(['-o', exe, ...objs, ...opts.ldflags]);
    if (r.status !== 0) failures.push({ file: '(link)', error: firstErrorLine(r), stderr: r.stderr });
  }
  return { ok: failures.length === 0, exe, failures, ms: Date.now() - t0 };
}

/** Prints a failed build: each file's first error, then the errors bucketed. */
export function reportBuild(label: string, b: BuildResult): void {
  if (b.ok) {
    console.log(`${label}: built in ${(b.ms / 1000).toFixed(1)} s`);
    return;
  }
  console.log(`${label}: BUILD FAILED (${b.failures.length} file(s))`);
  for (const f of b.failures) console.log(`  ${f.file}: ${f.error}`);
  const all: string[] = [];
  for (const f of b.failures) for (const l of f.stderr.split('\n')) if (/error|multiple definition|undefined reference/.test(l)) all.push(l);
  for (const [k, n] of bucket(all).slice(0, 20)) console.log(`  ${String(n).padStart(5)} × ${k}`);
}

/** Describes where two outputs first differ (line number and both lines). */
export function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: expected ${JSON.stringify(la[i] ?? '<end>').slice(0, 160)} got ${JSON.stringify(lb[i] ?? '<end>').slice(0, 160)}`;
  }
  return 'identical';
}

/** One program run described for comparison: output, error output and how it ended. */
export function outcome(r: Ran): string {
  const end = r.timedOut ? 'timed out' : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
  return `${r.stdout}\n--- stderr ---\n${r.stderr}\n--- ${end}\n`;
}

export function argOpt(args: string[], name: string, def: string): string {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
}
