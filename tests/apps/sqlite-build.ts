// Building the SQLite shell (sqlite3.c + shell.c from $CC_TS_CORPUS/sqlite3, the amalgamation made
// from Debian's sqlite3 source) and test/speedtest1.c with cc-ts, gcc or tcc, and running the
// project's SQL workload (tests/apps/sql/*.sql, each fed to a fresh in-memory database on stdin).

import * as fs from 'fs';
import * as path from 'path';
import { appsDir, buildProgram, BuildResult, corpus, Ran, run } from './common';
import { workaroundsFor } from './workarounds';

export const sqliteDir = path.join(corpus, 'sqlite3');
export const sqlDir = path.join(appsDir, 'sql');
export const SQLITE_CFLAGS = ['-DSQLITE_THREADSAFE=0', '-DSQLITE_OMIT_LOAD_EXTENSION', '-w'];

export function sqlFiles(): string[] {
  return fs.readdirSync(sqlDir).filter((f) => f.endsWith('.sql')).sort();
}

function extraFlags(compiler: string, level: string, log: (s: string) => void): string[] {
  const extra: string[] = [];
  if (compiler !== 'cc-ts') return extra;
  for (const w of workaroundsFor('sqlite', level)) {
    log(`  work-around for cc-ts -O${level}: ${w.flags.join(' ')} (${w.why}; repro tests/apps/repros/${w.repro})`);
    extra.push(...w.flags);
  }
  return extra;
}

function need(f: string): string {
  if (!fs.existsSync(f)) throw new Error(`${f} not found (run tests/corpus/fetch.sh)`);
  return f;
}

/** The shell: sqlite3.c and shell.c compiled separately (two jobs), linked with -lm. */
export function buildShell(compiler: 'cc-ts' | 'gcc' | 'tcc', level: string, outDir: string, log: (s: string) => void = () => {}): Promise<BuildResult> {
  return buildProgram({
    compiler, sources: [need(path.join(sqliteDir, 'sqlite3.c')), need(path.join(sqliteDir, 'shell.c'))],
    cflags: [`-O${level}`, `-I${sqliteDir}`, ...SQLITE_CFLAGS, ...extraFlags(compiler, level, log)], ldflags: ['-lm'],
    outDir, exeName: 'sqlite3',
  });
}

/** speedtest1: test/speedtest1.c with sqlite3.c. */
export function buildSpeedtest(compiler: 'cc-ts' | 'gcc' | 'tcc', level: string, outDir: string, log: (s: string) => void = () => {}): Promise<BuildResult> {
  return buildProgram({
    compiler, sources: [need(path.join(sqliteDir, 'sqlite3.c')), need(path.join(sqliteDir, 'test/speedtest1.c'))],
    cflags: [`-O${level}`, `-I${sqliteDir}`, ...SQLITE_CFLAGS, ...extraFlags(compiler, level, log)], ldflags: ['-lm'],
    outDir, exeName: 'speedtest1',
  });
}

/** Feeds one workload file on stdin to the shell on a fresh :memory: database (errors are output too). */
export function runSql(shell: string, file: string, timeoutMs = 120000): Promise<Ran> {
  const input = fs.readFileSync(path.join(sqlDir, file), 'latin1');
  return run(shell, [':memory:'], { cwd: sqlDir, env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' }, timeoutMs, input });
}

/** speedtest1 on an in-memory database with --verify (it prints a hash of all results); --size 10 takes
 *  about 0.4 s for a gcc -O2 build. */
export function runSpeedtest(exe: string, size = 10, timeoutMs = 600000): Promise<Ran> {
  return run(exe, ['--size', String(size), '--memdb', '--nomemstat', '--verify'], { env: { ...process.env, TZ: 'UTC' }, timeoutMs });
}
