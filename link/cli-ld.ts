/**
 * `cc-ts ld`: GNU ld's command line. Errors are printed as `cc-ts ld: message` with exit status 1;
 * the output is written to a temporary file and renamed, so a failed link leaves no output behind.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { ElfError } from '../elf/error';
import { LinkError } from './error';
import { builtinScript, cpuMs, link } from './link';
import type { LinkStat } from './context';
import { parseLdArgs } from './options';

const PROG = 'cc-ts ld';

export function ldCommand(argv: string[]): number {
  return withoutOptimizer(() => ldCommandBody(argv));
}

/**
 * Run without V8's optimising compiler (TurboFan), then restore it. A link is over in a few tenths of
 * a second, too soon for optimised code to repay its compilation: linking the SQLite shell takes
 * about 290 ms of CPU without it and 465 ms with it (most of the difference on compiler threads,
 * which compete with the link on a busy machine). Node options that set a tier are respected.
 */
function withoutOptimizer<T>(f: () => T): T {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /turbofan|\bopt\b|maglev|sparkplug/.test(a));
  if (given) return f();
  v8.setFlagsFromString('--no-turbofan');
  try { return f(); } finally { v8.setFlagsFromString('--turbofan'); }
}

function ldCommandBody(argv: string[]): number {
  try {
    const opts = parseLdArgs(argv);
    if (opts.warnings.includes('version')) { process.stdout.write('cc-ts ld (GNU ld compatible) 0.1.0\n'); if (opts.inputs.length === 0) return 0; }
    if (opts.warnings.includes('help')) { process.stdout.write('Usage: cc-ts ld [options] file...\n'); return 0; }
    if (opts.verbose) {
      const emu = opts.emulation || 'elf_x86_64';
      process.stdout.write(`cc-ts ld 0.1.0\n  Supported emulations:\n   elf_x86_64\n   elf_i386\n   aarch64linux\n   elf64lriscv\nusing internal linker script:\n==================================================\n${builtinScript(emu)}\n==================================================\n`);
      if (opts.inputs.length === 0) return 0;
    }
    const io = { readFile: readInput, fileExists: (p: string) => { try { return fs.statSync(p).isFile(); } catch { return false; } } };
    const started = opts.stats ? performance.now() : 0;
    const startedCpu = opts.stats ? cpuMs() : 0;
    const res = link(opts, io);
    for (const m of res.messages) process.stderr.write(`${PROG}: ${m}\n`);
    writeAtomically(opts.output, res.output, opts.oformat === 'binary' ? 0o755 : 0o755);
    if (res.stats) printStats(res.stats, started, startedCpu);
    if (res.map !== null) {
      if (opts.mapFile) fs.writeFileSync(opts.mapFile, res.map); else process.stdout.write(res.map);
    }
    return 0;
  } catch (e) {
    if (e instanceof LinkError || e instanceof ElfError) {
      process.stderr.write(`${PROG}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/** A file's bytes as a plain Uint8Array view (no copy; Buffer's own subarray is slower to make). */
function readInput(p: string): Uint8Array {
  const b = fs.readFileSync(p);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

/**
 * --stats: where the time went. GNU ld prints its total time and memory; this prints the start-up
 * (node and module loading, measured from process start) and every pass of link().
 */
function printStats(stats: LinkStat[], started: number, startedCpu: number): void {
  const ms = (v: number): string => `${v.toFixed(1).padStart(7)} ms`;
  const line = (name: string, wall: number, cpu: number): string => `${PROG}: ${name.padEnd(40)} ${ms(wall)} ${ms(cpu)} CPU`;
  const lines = [line('start-up (node, modules, arguments)', started, startedCpu)];
  for (const s of stats) lines.push(line(s.name, s.ms, s.cpuMs));
  const now = performance.now();
  const cpu = cpuMs();
  lines.push(line('writing the file', now - started - stats.reduce((a, s) => a + s.ms, 0), cpu - startedCpu - stats.reduce((a, s) => a + s.cpuMs, 0)));
  lines.push(line('total', now, cpu));
  lines.push(`${PROG}: memory: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB resident at exit`);
  process.stderr.write(lines.join('\n') + '\n');
}

/** Write to a temporary file in the same directory and rename it into place. */
export function writeAtomically(file: string, data: Uint8Array, mode: number): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    try { fs.unlinkSync(tmp); } catch { /* nothing to clean */ }
    throw new LinkError(`cannot open output file ${file}: ${(e as Error).message}`);
  }
}

if (require.main === module) process.exit(ldCommand(process.argv.slice(2)));
