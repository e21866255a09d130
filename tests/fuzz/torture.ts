// Where things are: the checkout (found from this file or the working directory) and the
// gcc.c-torture corpus (Debian's gcc-12 source package, extracted outside the checkout).

import * as fs from 'fs';
import * as path from 'path';

export const DEFAULT_TORTURE = '/var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture';

function isRepoRoot(dir: string): boolean {
  const pj = path.join(dir, 'package.json');
  if (!fs.existsSync(pj)) return false;
  try {
    return (JSON.parse(fs.readFileSync(pj, 'utf8')) as { name?: string }).name === 'cc-ts';
  } catch {
    return false;
  }
}

function walkUp(start: string): string | null {
  for (let d = path.resolve(start); ; d = path.dirname(d)) {
    if (isRepoRoot(d)) return d;
    if (path.dirname(d) === d) return null;
  }
}

/** The cc-ts checkout: CC_TS_ROOT, else up from this file (dist/tests/fuzz), else up from the cwd. */
export function findRepoRoot(): string {
  if (process.env.CC_TS_ROOT) return path.resolve(process.env.CC_TS_ROOT);
  const r = walkUp(__dirname) ?? walkUp(process.cwd());
  if (!r) throw new Error('cannot find the cc-ts checkout (set CC_TS_ROOT or run from inside it)');
  return r;
}

/** The torture directory: CC_TS_TORTURE or the default cache path. */
export function tortureDir(): string {
  return process.env.CC_TS_TORTURE ?? DEFAULT_TORTURE;
}

/**
 * The seed files of the fuzzer, sorted so that a seed picks the same file on every machine with the
 * same corpus: compile/*.c and execute/*.c (with execute/ieee and execute/builtins), as paths
 * relative to the torture directory. Throws a clear message if the corpus is missing.
 *
 * compile/limits-*.c are left out: they are size stress tests built from nested macros (10^5 to
 * 10^6 tokens), and a mutation that duplicates one of their lines multiplies that work tenfold, so
 * their mutants are slow in gcc as well and would show up as false hangs. The unmutated files are
 * still compiled by the torture corpus runner.
 */
export function tortureFiles(dir = tortureDir()): string[] {
  const subdirs = ['compile', 'execute', 'execute/builtins', 'execute/ieee'];
  if (!fs.existsSync(path.join(dir, 'compile'))) {
    throw new Error(`gcc.c-torture not found at ${dir}: extract Debian's gcc-12 source package ` +
      `(apt-get source --download-only gcc-12) there, or set CC_TS_TORTURE`);
  }
  const out: string[] = [];
  for (const sub of subdirs) {
    const d = path.join(dir, sub);
    if (!fs.existsSync(d)) continue;
    for (const f of fs.readdirSync(d)) if (f.endsWith('.c') && !f.startsWith('limits-')) out.push(`${sub}/${f}`);
  }
  return out.sort();
}
