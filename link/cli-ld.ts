/**
 * `cc-ts ld`: GNU ld's command line. Errors are printed as `cc-ts ld: message` with exit status 1;
 * the output is written to a temporary file and renamed, so a failed link leaves no output behind.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ElfError } from '../elf/error';
import { LinkError } from './error';
import { builtinScript, link } from './link';
import { parseLdArgs } from './options';

const PROG = 'cc-ts ld';

export function ldCommand(argv: string[]): number {
  try {
    const opts = parseLdArgs(argv);
    if (opts.warnings.includes('version')) { process.stdout.write('cc-ts ld (GNU ld compatible) 0.1.0\n'); if (opts.inputs.length === 0) return 0; }
    if (opts.warnings.includes('help')) { process.stdout.write('Usage: cc-ts ld [options] file...\n'); return 0; }
    if (opts.verbose) {
      const emu = opts.emulation || 'elf_x86_64';
      process.stdout.write(`cc-ts ld 0.1.0\n  Supported emulations:\n   elf_x86_64\n   elf_i386\n   aarch64linux\n   elf64lriscv\nusing internal linker script:\n==================================================\n${builtinScript(emu)}\n==================================================\n`);
      if (opts.inputs.length === 0) return 0;
    }
    const io = { readFile: (p: string) => new Uint8Array(fs.readFileSync(p)), fileExists: (p: string) => { try { return fs.statSync(p).isFile(); } catch { return false; } } };
    const res = link(opts, io);
    for (const m of res.messages) process.stderr.write(`${PROG}: ${m}\n`);
    writeAtomically(opts.output, res.output, opts.oformat === 'binary' ? 0o755 : 0o755);
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
