// Helpers for the linker tests: GNU tools as oracles, cc-ts ld run in process.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { link } from '../../link/link';
import { parseLdArgs } from '../../link/options';
import { LinkError } from '../../link/error';
import { ElfError } from '../../elf/error';

export const GCC_LIB = '/usr/lib/gcc/x86_64-linux-gnu/12';
export const LIBC = '/usr/lib/x86_64-linux-gnu';

export function tmpdir(tag: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cc-ts-link-${tag}-`));
}

export function have(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

export function requireTools(...tools: string[]): void {
  for (const t of tools) if (!have(t)) throw new Error(`this test needs ${t} (GNU binutils/gcc) on PATH`);
}

/** Run cc-ts ld in process; returns the exit status and the messages (as the CLI would print them). */
export function ccLd(args: string[]): { code: number; err: string } {
  try {
    const opts = parseLdArgs(args);
    const io = { readFile: (p: string) => new Uint8Array(fs.readFileSync(p)), fileExists: (p: string) => { try { return fs.statSync(p).isFile(); } catch { return false; } } };
    const res = link(opts, io);
    fs.writeFileSync(opts.output, res.output, { mode: 0o755 });
    if (res.map !== null && opts.mapFile) fs.writeFileSync(opts.mapFile, res.map);
    return { code: 0, err: res.messages.join('\n') };
  } catch (e) {
    if (e instanceof LinkError || e instanceof ElfError) return { code: 1, err: e.message };
    throw e;
  }
}

/** The static-link command line gcc passes to ld, minus the output and the user objects. */
export function gccStaticArgs(objs: string[], out: string): string[] {
  return ['--build-id', '-m', 'elf_x86_64', '-static', '-o', out, `${LIBC}/crt1.o`, `${LIBC}/crti.o`, `${GCC_LIB}/crtbeginT.o`,
    `-L${GCC_LIB}`, `-L${LIBC}`, ...objs, '--start-group', '-lgcc', '-lgcc_eh', '-lc', '--end-group', `${GCC_LIB}/crtend.o`, `${LIBC}/crtn.o`];
}

export function sh(cmd: string, args: string[], opts: { cwd?: string } = {}): string {
  return execFileSync(cmd, args, { encoding: 'utf8', cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function run(exe: string, timeoutMs = 10000): { code: number | null; out: string } {
  const r = spawnSync(exe, [], { encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status, out: (r.stdout ?? '') + (r.stderr ?? '') };
}
