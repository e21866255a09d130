// Mutation fuzzing of assembly input: gcc -S output of torture tests, mutated by a seeded generator
// (lines deleted, duplicated, swapped or cut; tokens replaced by other tokens, numbers or junk;
// directives given odd arguments). Every mutant must either assemble or be rejected through the
// diagnostic sink as `file:line: Error: ...` (AssembleFailed); any other exception is a crash.
// Used by tests/asm/fuzz.test.ts (a few hundred) and tests/corpus/fuzz-asm.ts (10,000).

import * as fs from 'fs';
import * as path from 'path';
import { assemble, AssembleFailed } from '../../asm/index';
import { gccAsm, TORTURE } from '../corpus/asm-torture';

/** xorshift32: small, fast and reproducible. */
export function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const JUNK = ['', '0', '-1', '0x7fffffffffffffff', '99999999999999999999', '$', '%', '(', ')', ',', '@PLT', '@GOTPCREL',
  '%rax', '%xmm0', '%st(9)', '(%rip)', '.L999', '1b', '1f', '"', '\\', "'", '.', '*', '+', '<<', '/0', '.text', '.section',
  '.macro', '.endm', '.rept', '.endr', '.if', '.endif', '.cfi_endproc', '.cfi_startproc', '.p2align 99', '.org 0',
  '.org -1', '.fill 1<<40', '.skip -5', '.uleb128 x', '.set a,a', 'a=a+1', '.weakref x,x', '.incbin "/nonexistent"',
  '.include "/nonexistent"', '.code16gcc', '.code64', '\u00e9', '\x00', ';', '#', '/*', 'lock', 'rep', '{vex3}'];

/** One mutant of `src`. */
export function mutate(src: string, r: () => number): string {
  const lines = src.split('\n');
  const pick = () => Math.floor(r() * lines.length);
  const n = 1 + Math.floor(r() * 3);
  for (let k = 0; k < n; k++) {
    const i = pick();
    switch (Math.floor(r() * 7)) {
      case 0: lines.splice(i, 1); break;
      case 1: lines.splice(i, 0, lines[pick()]); break;
      case 2: { const j = pick(); [lines[i], lines[j]] = [lines[j], lines[i]]; break; }
      case 3: lines[i] = lines[i].slice(0, Math.floor(r() * lines[i].length)); break;
      case 4: case 5: {
        const toks = lines[i].split(/(\s+|,)/);
        const t = Math.floor(r() * toks.length);
        toks[t] = JUNK[Math.floor(r() * JUNK.length)];
        lines[i] = toks.join('');
        break;
      }
      default: lines.splice(i, 0, JUNK[Math.floor(r() * JUNK.length)]); break;
    }
  }
  return lines.join('\n');
}

/** Source files to mutate: cached gcc -S output of the first `n` torture tests (-O0 and -O2). */
export function fuzzInputs(n: number): { name: string; src: string }[] {
  if (!fs.existsSync(TORTURE)) throw new Error(`corpus missing: ${TORTURE} (apt-get source gcc-12; see DESIGN.md)`);
  const out: { name: string; src: string }[] = [];
  for (const f of fs.readdirSync(TORTURE).filter((x) => x.endsWith('.c')).sort().slice(0, n)) {
    for (const opt of ['-O0', '-O2']) {
      const s = gccAsm(path.join(TORTURE, f), opt, 'x86_64');
      if (s) out.push({ name: path.basename(s), src: fs.readFileSync(s, 'latin1') });
    }
  }
  return out;
}

export interface FuzzResult { assembled: number; rejected: number; crashes: string[] }

/** Assemble `count` mutants (seeded); crashes are reported with the seed that reproduces them. */
export function runFuzz(inputs: { name: string; src: string }[], count: number, seed = 1): FuzzResult {
  const res: FuzzResult = { assembled: 0, rejected: 0, crashes: [] };
  for (let k = 0; k < count; k++) {
    const r = rng(seed * 1000003 + k);
    const input = inputs[Math.floor(r() * inputs.length)];
    const src = mutate(input.src, r);
    const arch = r() < 0.2 ? 'i386' : 'x86_64';
    const errs: string[] = [];
    const diag = {
      warning: () => {},
      error: (f: string, l: number, m: string) => { errs.push(`${f}:${l}: Error: ${m}`); },
      print: () => {},
    };
    try {
      assemble(src, { fileName: input.name, target: arch, diag, readFile: () => null });
      res.assembled++;
    } catch (e) {
      const ok = e instanceof AssembleFailed && errs.length > 0 && errs.every((x) => /^[^:]+:\d+: Error: ./.test(x));
      if (ok) res.rejected++;
      else res.crashes.push(`mutant ${k} (seed ${seed}) of ${input.name} [${arch}]: ${errs.find((x) => !/^[^:]+:\d+: Error: ./.test(x)) ?? (e as Error).stack?.split("\n").slice(0, 3).join(" | ")}`);
    }
  }
  return res;
}
