/**
 * Helpers for the elf/ tests: a scratch directory, running GNU tools (oracles) with a clear
 * message when one is missing, and normalising their output.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

let scratch: string | null = null;

/** A per-process scratch directory, removed at exit. */
export function tmpDir(): string {
  if (!scratch) {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-elf-'));
    const dir = scratch;
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return scratch;
}

export function tmpFile(name: string): string {
  return path.join(tmpDir(), name);
}

/** Run a tool and return its stdout; a missing tool fails with a message naming the package. */
export function run(tool: string, args: string[], opts: { cwd?: string; input?: string } = {}): string {
  try {
    return execFileSync(tool, args, {
      cwd: opts.cwd ?? tmpDir(), input: opts.input, encoding: 'utf8', maxBuffer: 256 << 20,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') {
      throw new Error(`missing GNU tool '${tool}': install binutils, gcc, g++, gcc-aarch64-linux-gnu and gcc-riscv64-linux-gnu`);
    }
    throw new Error(`${tool} ${args.join(' ')} failed: ${err.stderr ?? err.message}`);
  }
}

/** Write `source` to a file and compile/assemble it with `tool args... -c -o out`; returns the object path. */
export function compile(tool: string, name: string, source: string, args: string[]): string {
  const src = tmpFile(name);
  fs.writeFileSync(src, source);
  const out = src.replace(/\.[^.]+$/, '') + '.' + [tool, ...args].join('_').replace(/[^A-Za-z0-9_=-]/g, '') + '.o';
  const isAs = /(^|-)as$/.test(tool);
  run(tool, isAs ? [...args, '-o', out, src] : [...args, '-c', '-o', out, src]);
  return out;
}

/** readelf output with the file name removed, so two files can be compared. */
export function readelf(file: string, opts: string[], tool = 'readelf'): string {
  return run(tool, [...opts, file]).split(file).join('FILE');
}

/** objdump output without the file name line. */
export function objdump(file: string, opts: string[], tool = 'objdump'): string {
  return run(tool, [...opts, file]).split(file).join('FILE');
}

/** Deterministic PRNG: the project's one mulberry32 (tests/fuzz/mutate.ts). */
export { mulberry32 as prng } from '../fuzz/mutate';
