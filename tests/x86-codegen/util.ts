// Helpers for the x86-64 code generator tests: IR text -> assembly (generateX86_64) -> GNU as ->
// link with a C driver by gcc -> run. GNU tools are oracles here, never part of the product.

import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseModule } from '../../src/ir/parse';
import { generateX86_64, X86Options } from '../../targets/x86/emit';

export const DEFAULT_OPTS: X86Options = { pic: false, optLevel: 1, functionSections: false, dataSections: false, omitFramePointer: false };

let dir = '';
export function tmpDir(): string {
  if (!dir) dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-x86cg-'));
  return dir;
}

export function haveTools(): void {
  for (const t of ['as', 'gcc']) {
    const r = spawnSync(t, ['--version']);
    if (r.status !== 0) throw new Error(`x86-codegen tests need GNU ${t} (binutils/gcc) on PATH`);
  }
}

export function compileIR(ir: string, opts: Partial<X86Options> = {}): string {
  if (process.env.CCTS_DUMP) fs.writeFileSync(path.join(tmpDir(), `last.ir`), ir);
  const m = parseModule(ir);
  return generateX86_64(m, { ...DEFAULT_OPTS, ...opts });
}

let counter = 0;
/** Assembles asm text with GNU as; returns the object path (throws with the assembler's messages). */
export function assemble(asm: string, name = `t${counter++}`): string {
  const d = tmpDir();
  const s = path.join(d, name + '.s'), o = path.join(d, name + '.o');
  fs.writeFileSync(s, asm);
  const r = spawnSync('as', ['--64', '-o', o, s], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`as failed:\n${r.stderr}\n--- asm ---\n${numbered(asm)}`);
  return o;
}

function numbered(s: string): string {
  return s.split('\n').map((l, k) => `${String(k + 1).padStart(4)} ${l}`).join('\n');
}

export interface RunOut { stdout: string; status: number }

/** Links objects and C sources with gcc, runs the program. */
export function linkRun(objs: string[], cSources: string[], extra: string[] = [], name = `p${counter++}`): RunOut {
  const d = tmpDir();
  const files = cSources.map((c, k) => { const p = path.join(d, `${name}_${k}.c`); fs.writeFileSync(p, c); return p; });
  const exe = path.join(d, name);
  const r = spawnSync('gcc', ['-O1', '-w', '-o', exe, ...files, ...objs, ...extra], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`gcc link failed:\n${r.stderr}`);
  const run = spawnSync(exe, [], { encoding: 'utf8', timeout: 10000 });
  return { stdout: run.stdout, status: run.status ?? -1 };
}

/** IR text + C driver -> program output. */
export function runIR(ir: string, driver: string, opts: Partial<X86Options> = {}, extra: string[] = []): RunOut {
  const asm = compileIR(ir, opts);
  const o = assemble(asm);
  return linkRun([o], driver ? [driver] : [], extra);
}

export { execFileSync };
