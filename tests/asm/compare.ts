// Differential testing of the assembler: the same source through GNU as (the oracle) and through
// cc-ts's assembler, compared by their objdump/readelf listings (file names normalised away).
// Used by tests/asm/*.test.ts and tests/corpus/asm-torture.ts.

import { execFileSync, spawnSync } from 'child_process';
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assemble, AssembleFailed, AssembleOpts } from '../../asm/index';
import { writeObject } from '../../elf/write-object';

export type Arch = 'x86_64' | 'i386';

/** A test-registering helper: `same(name, src[, arch])` asserts the source assembles as GNU as does. */
export function sameAsGnu(test: Test, dflt: Arch = 'x86_64'): (name: string, src: string, arch?: Arch) => void {
  return (name, src, arch = dflt) => test(name, () => {
    const r = compareAsm(src, arch);
    assert.ok(r.same, r.diff);
  });
}

let tmpDir = '';
let counter = 0;
function tmp(ext: string): string {
  if (!tmpDir) tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-asm-'));
  return path.join(tmpDir, `f${process.pid}_${counter++}${ext}`);
}

/** Fail clearly when a GNU tool is missing. */
export function requireTool(name: string): void {
  const r = spawnSync(name, ['--version'], { stdio: 'ignore' });
  if (r.error) throw new Error(`GNU tool '${name}' is needed by this test (apt-get install binutils)`);
}

/** Assemble with GNU as; returns the object path, or the error text. */
export function gnuAs(src: string, arch: Arch, srcPath?: string, args: string[] = []): { obj: string | null; err: string } {
  const s = srcPath ?? tmp('.s');
  if (!srcPath) fs.writeFileSync(s, src, 'latin1');
  const obj = tmp('.o');
  const r = spawnSync('as', [arch === 'i386' ? '--32' : '--64', ...args, '-o', obj, s], { encoding: 'latin1' });
  return r.status === 0 ? { obj, err: r.stderr } : { obj: null, err: r.stderr };
}

/** Assemble with cc-ts in process; returns the object path, or the error lines. */
export function ccAs(src: string, arch: Arch, fileName = 'test.s', opts: Partial<AssembleOpts> = {}): { obj: string | null; err: string } {
  const errs: string[] = [];
  const diag = {
    warning: (f: string, l: number, m: string) => { errs.push(`${f}:${l}: Warning: ${m}`); },
    error: (f: string, l: number, m: string) => { errs.push(`${f}:${l}: Error: ${m}`); },
    print: () => {},
  };
  try {
    const bytes = writeObject(assemble(src, { ...opts, fileName, target: arch, diag }), 'test.o');
    const obj = tmp('.o');
    fs.writeFileSync(obj, bytes);
    return { obj, err: errs.join('\n') };
  } catch (e) {
    if (e instanceof AssembleFailed) return { obj: null, err: errs.join('\n') };
    return { obj: null, err: `crash: ${(e as Error).stack}` };
  }
}

/** A tool's listing of an object with the object's file name removed. */
export function listing(obj: string, tool: 'objdump' | 'readelf', args: string[]): string {
  const out = execFileSync(tool, [...args, obj], { encoding: 'latin1', maxBuffer: 1 << 28 });
  // File offsets of sections depend on the sizes of everything before them; the contents are compared.
  return out.split(obj).join('OBJ').replace(/^OBJ:\s+file format/m, 'OBJ: file format')
    .replace(/ at offset 0x[0-9a-f]+ /g, ' at offset X ');
}

export const DUMPS: { tool: 'objdump' | 'readelf'; args: string[] }[] = [
  { tool: 'objdump', args: ['-dr'] },
  { tool: 'readelf', args: ['-SsrW'] },
  { tool: 'objdump', args: ['-s'] },
];

export interface Comparison {
  same: boolean;
  /** First differing lines (or the error of the side that failed). */
  diff: string;
  identicalBytes: boolean;
}

export function compareObjects(a: string, b: string, dumps = DUMPS): Comparison {
  const ba = fs.readFileSync(a);
  const bb = fs.readFileSync(b);
  if (ba.equals(bb)) return { same: true, diff: '', identicalBytes: true };
  for (const d of dumps) {
    const la = listing(a, d.tool, d.args).split('\n');
    const lb = listing(b, d.tool, d.args).split('\n');
    for (let i = 0; i < Math.max(la.length, lb.length); i++) {
      if (la[i] !== lb[i]) {
        return { same: false, identicalBytes: false, diff: `${d.tool} ${d.args.join(' ')} line ${i + 1}:\n  gnu:   ${la[i]}\n  cc-ts: ${lb[i]}` };
      }
    }
  }
  return { same: true, diff: '', identicalBytes: false };
}

/** Assemble `src` both ways and compare. */
export function compareAsm(src: string, arch: Arch = 'x86_64', dumps = DUMPS): Comparison {
  const g = gnuAs(src, arch);
  if (!g.obj) throw new Error(`GNU as rejected the test input:\n${g.err}`);
  const c = ccAs(src, arch);
  if (!c.obj) return { same: false, identicalBytes: false, diff: `cc-ts failed:\n${c.err}` };
  return compareObjects(g.obj, c.obj, dumps);
}

export function cleanup(): void {
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  tmpDir = '';
}
