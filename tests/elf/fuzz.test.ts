// Mutation fuzzing: objects made by GNU tools, mutated with a seeded PRNG (byte changes biased
// towards the headers and tables, nasty u32 values, truncations). Reading must either succeed or
// throw ElfError, never a TypeError/RangeError; what reads must also write. Same for archives.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { ElfError } from '../../elf/error';
import { readObject } from '../../elf/read-object';
import { readElf, readSymbols } from '../../elf/read-elf';
import { writeObject } from '../../elf/write-object';
import { readArchive, writeArchive } from '../../elf/archive';
import { SHT_SYMTAB } from '../../elf/constants';
import { compile, prng } from './util';

const C = `
static int counter;
int data = 1;
__thread int tv;
extern int ext;
const char *msg = "text";
inline int inl(int x) { return x + 1; }
int g(int x) { static int s; s += x; return counter + ext + s + msg[0] + tv + inl(x); }
int main(void) { return g(data); }
`;
const I386 = `
  .text
  .globl f
f: call g
  movl $var, %eax
  ret
  .data
var: .long f
  .section .text.t,"axG",@progbits,t,comdat
  .globl t
t: ret
`;

const NASTY = [0, 1, 0xff, 0xffff, 0xff00, 0xfff1, 0xffff_ffff, 0x7fff_ffff, 0x8000_0000, 0x1000];

/** One mutated copy of `orig`. */
function mutate(orig: Uint8Array, rnd: () => number): Uint8Array {
  const pick = (n: number): number => Math.floor(rnd() * n);
  const kind = rnd();
  if (kind < 0.1) return orig.slice(0, pick(orig.length));
  const m = orig.slice();
  const view = new DataView(m.buffer);
  // Structure lives in the ELF header and, in these objects, in the last part of the file
  // (symtab, strtab, relocations, shstrtab, section headers).
  const where = (): number => {
    const r = rnd();
    if (r < 0.25) return pick(Math.min(64, m.length));
    if (r < 0.75) return m.length - 1 - pick(Math.floor(m.length / 2));
    return pick(m.length);
  };
  const count = 1 + pick(4);
  for (let i = 0; i < count; i++) {
    const p = where();
    if (kind < 0.55 || p + 4 > m.length) m[p] = pick(256);
    else view.setUint32(p & ~3, NASTY[pick(NASTY.length)], true);
  }
  return m;
}

function check(label: string, inputs: Uint8Array[], n: number, seed: number, fn: (b: Uint8Array) => void,
               mutator = mutate): void {
  const rnd = prng(seed);
  let ok = 0, rejected = 0;
  const crashes: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = mutator(inputs[i % inputs.length], rnd);
    try { fn(m); ok++; } catch (e) {
      if (e instanceof ElfError) rejected++;
      else crashes.push(`#${i}: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    }
  }
  assert.equal(crashes.slice(0, 5), [], `${label}: ${crashes.length} crashes`);
  assert.ok(ok > n / 20 && rejected > n / 20, `${label}: both outcomes occur (read ${ok}, rejected ${rejected})`);
}

// Plain Uint8Array copies: a Buffer's slice() is a view and its ArrayBuffer is a shared pool.
const objects = [
  compile('gcc', 'fz.c', C, ['-O1', '-g']),
  compile('as', 'fz32.s', I386, ['--32']),
  compile('aarch64-linux-gnu-gcc', 'fz.c', C, ['-O2']),
  compile('riscv64-linux-gnu-gcc', 'fz.c', C, ['-O2']),
].map((f) => new Uint8Array(fs.readFileSync(f)));

test('2000 mutated objects: readObject + writeObject succeed or throw ElfError', () => {
  check('object', objects, 2000, 12345, (b) => { writeObject(readObject(b, 'fuzz.o')); });
});

test('1000 mutated objects: readElf + readSymbols succeed or throw ElfError', () => {
  check('elf', objects, 1000, 777, (b) => {
    const elf = readElf(b, 'fuzz.o');
    for (const s of elf.sections) if (s.type === SHT_SYMTAB) readSymbols(elf, s.index);
  });
});

test('500 mutated archives: readArchive succeeds or throws ElfError', () => {
  const ar = writeArchive(objects.map((data, i) => ({ name: i === 0 ? 'a_rather_long_member_name.o' : `m${i}.o`, data })));
  // Mutate the archive's own structure: the magic, member headers, symbol index and long names.
  const spots: number[] = [];
  for (let p = 0; p < 400; p++) spots.push(p);
  for (const m of readArchive(ar).members) for (let p = 0; p < 60; p++) spots.push(m.headerOffset + p);
  const mutateArchive = (orig: Uint8Array, rnd: () => number): Uint8Array => {
    if (rnd() < 0.1) return orig.slice(0, Math.floor(rnd() * orig.length));
    const m = orig.slice();
    const n = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < n; i++) {
      const p = spots[Math.floor(rnd() * spots.length)];
      m[p] = rnd() < 0.5 ? Math.floor(rnd() * 256) : '0123456789/ `\n'.charCodeAt(Math.floor(rnd() * 15));
    }
    return m;
  };
  check('archive', [ar], 500, 99, (b) => { readArchive(b, 'fuzz.a'); }, mutateArchive);
});

test.run();
