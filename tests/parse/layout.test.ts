// Struct layout against gcc: generated structs (bit-fields, packed, aligned, unions, flexible arrays,
// #pragma pack, anonymous members) for each 64-bit target. gcc -S of an array of sizeof/_Alignof/
// offsetof values gives the oracle; our parser folds the same initializer. Bit-field positions are
// checked on x86-64 by running a gcc-built program that prints each field's mask bytes.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GCC, parsePreprocessed } from './util';
import { TARGETS, Arch } from '../../targets/layout';

let seed = Number(process.env.LAYOUT_SEED ?? 12345);
function rnd(n: number): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}

const SCALARS = ['char', 'signed char', 'unsigned char', 'short', 'unsigned short', 'int', 'unsigned', 'long',
  'unsigned long', 'long long', 'float', 'double', 'long double', 'void *', '_Bool', 'char *'];
const BF_TYPES = ['char', 'unsigned char', 'short', 'unsigned short', 'int', 'unsigned int', 'long', 'unsigned long long'];
const BF_BITS: Record<string, number> = { char: 8, 'unsigned char': 8, short: 16, 'unsigned short': 16, int: 32, 'unsigned int': 32, long: 64, 'unsigned long long': 64 };

interface Gen { src: string; values: string[]; bitfields: { s: string; f: string }[] }

function genStructs(count: number): Gen {
  let src = '#include <stddef.h>\n';
  const values: string[] = [];
  const bitfields: { s: string; f: string }[] = [];
  for (let i = 0; i < count; i++) {
    const name = `S${i}`;
    const isUnion = rnd(6) === 0;
    const kw = isUnion ? 'union' : 'struct';
    const pack = rnd(8) === 0 ? [1, 2, 4][rnd(3)] : 0;
    const packed = rnd(6) === 0;
    const aligned = rnd(10) === 0 ? [4, 8, 16, 32][rnd(4)] : 0;
    const n = 1 + rnd(7);
    let body = '';
    const named: string[] = [];
    for (let k = 0; k < n; k++) {
      const f = `f${k}`;
      const r = rnd(10);
      if (r < 4) {
        const t = SCALARS[rnd(SCALARS.length)];
        const attr = rnd(12) === 0 ? ` __attribute__((aligned(${[1, 2, 8, 16][rnd(4)]})))` : rnd(14) === 0 ? ' __attribute__((packed))' : '';
        body += `  ${t} ${f}${attr};\n`;
        named.push(f);
      } else if (r < 8) {
        const t = BF_TYPES[rnd(BF_TYPES.length)];
        const max = BF_BITS[t];
        const w = rnd(9) === 0 ? 0 : 1 + rnd(max);
        if (w === 0) body += `  ${t} : 0;\n`;
        else if (rnd(6) === 0) body += `  ${t} : ${w};\n`;
        else { body += `  ${t} ${f} : ${w};\n`; bitfields.push({ s: `${kw} ${name}`, f }); }
      } else if (r < 9) {
        const t = SCALARS[rnd(SCALARS.length)];
        body += `  ${t} ${f}[${1 + rnd(5)}];\n`;
        named.push(f);
      } else if (i > 0) {
        const j = rnd(i);
        if (rnd(3) === 0 && !isUnion) body += `  struct { int a${k}; char b${k}; };\n`; // anonymous member
        else { body += `  ${values.length && rnd(2) ? 'struct' : 'struct'} S${j}_t ${f};\n`; named.push(f); }
      }
    }
    if (!isUnion && named.length > 0 && rnd(8) === 0) { body += `  int flex[];\n`; }
    if (pack) src += `#pragma pack(push, ${pack})\n`;
    src += `${kw} ${name} {\n${body || '  int dummy;\n'}}${packed ? ' __attribute__((packed))' : ''}${aligned ? ` __attribute__((aligned(${aligned})))` : ''};\n`;
    if (pack) src += `#pragma pack(pop)\n`;
    src += `typedef ${kw} ${name} S${i}_t_${i};\n`;
    values.push(`sizeof(${kw} ${name})`, `_Alignof(${kw} ${name})`);
    for (const f of named) values.push(`offsetof(${kw} ${name}, ${f})`);
  }
  // the nested struct references use typedef names S<j>_t: define them
  src = src.replace(/struct (S\d+)_t (f\d+);/g, (_m, s, f) => `${structKw(src, s)} ${s} ${f};`);
  return { src, values, bitfields };
}

function structKw(src: string, s: string): string {
  return new RegExp(`union ${s} \\{`).test(src) ? 'union' : 'struct';
}

function dir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-layout-'));
}

/** Values of `unsigned long long v[] = {...}` from gcc -S output. */
function gccValues(arch: Arch, src: string): bigint[] {
  const d = dir();
  fs.writeFileSync(path.join(d, 'l.c'), src);
  const asm = execFileSync(GCC[arch], ['-S', '-o', '-', '-w', 'l.c'], { cwd: d, encoding: 'utf8', maxBuffer: 1 << 28 });
  const out: bigint[] = [];
  let inV = false;
  for (const line of asm.split('\n')) {
    if (/^v:/.test(line)) { inV = true; continue; }
    if (!inV) continue;
    const m = /^\s*\.(quad|dword|xword|8byte)\s+(-?\d+)/.exec(line);
    if (m) out.push(BigInt.asUintN(64, BigInt(m[2])));
    else if (/^\s*\.(size|text|section|ident)/.test(line) || /^\S+:/.test(line)) break;
  }
  return out;
}

function ourValues(arch: Arch, src: string): { vals: (bigint | null)[]; errors: string[] } {
  const d = dir();
  fs.writeFileSync(path.join(d, 'l.c'), src);
  const text = execFileSync(GCC[arch], ['-E', 'l.c'], { cwd: d, encoding: 'utf8', maxBuffer: 1 << 28 });
  const r = parsePreprocessed(text, 'l.c', TARGETS[arch]);
  const v = r.tu.decls.find((o) => o.name === 'v');
  const vals = (v?.init ?? []).map((it) => it.expr.val);
  return { vals, errors: r.messages.filter((m) => m.includes('error')) };
}

const gen = genStructs(250);
const valueSrc = gen.src + `unsigned long long v[] = {\n  ${gen.values.join(',\n  ')}\n};\n`;

for (const arch of ['x86_64', 'aarch64', 'riscv64'] as Arch[]) {
  test(`struct layout matches ${GCC[arch]} (${gen.values.length} values)`, () => {
    const want = gccValues(arch, valueSrc);
    assert.is(want.length, gen.values.length, 'gcc output parsed');
    const got = ourValues(arch, valueSrc);
    assert.equal(got.errors, []);
    const bad: string[] = [];
    for (let i = 0; i < want.length; i++) {
      if (got.vals[i] !== want[i]) bad.push(`${gen.values[i]}: gcc ${want[i]}, cc-ts ${got.vals[i]}`);
    }
    assert.equal(bad.slice(0, 10), []);
  });
}

test('bit-field positions match gcc on x86-64 (run)', () => {
  // print, for each bit-field, the bytes of the struct with only that field set to all ones
  let prog = gen.src + '#include <stdio.h>\n#include <string.h>\nint main(void) {\n';
  for (const b of gen.bitfields) {
    prog += `  { ${b.s} x; memset(&x, 0, sizeof x); x.${b.f} = -1; unsigned char *p = (unsigned char *)&x;
    for (size_t i = 0; i < sizeof x; i++) printf("%02x", p[i]); printf("\\n"); }\n`;
  }
  prog += '  return 0;\n}\n';
  const d = dir();
  fs.writeFileSync(path.join(d, 'b.c'), prog);
  const cc = spawnSync('gcc', ['-w', '-o', 'b', 'b.c'], { cwd: d, encoding: 'utf8' });
  assert.is(cc.status, 0, cc.stderr);
  const lines = execFileSync(path.join(d, 'b'), { encoding: 'utf8' }).trim().split('\n');
  // ours: from the layout of each struct, reached through one probe object per struct
  let probes = gen.src;
  for (let k = 0; k < 250; k++) probes += `S${k}_t_${k} probe_${k};\n`;
  fs.writeFileSync(path.join(d, 'p.c'), probes);
  const text = execFileSync('gcc', ['-E', 'p.c'], { cwd: d, encoding: 'utf8', maxBuffer: 1 << 28 });
  const r = parsePreprocessed(text, 'p.c', TARGETS.x86_64);
  const bad: string[] = [];
  gen.bitfields.forEach((b, i) => {
    const idx = b.s.split(' ')[1].slice(1);
    const ty = r.tu.decls.find((x) => x.name === `probe_${idx}`)?.ty;
    if (!ty) { bad.push(`no type for ${b.s}`); return; }
    const m = ty.rec!.members.find((mm) => mm.name === b.f)!;
    const bytes = new Uint8Array(ty.size);
    for (let k = 0; k < m.bitWidth; k++) {
      const bit = m.offset * 8 + m.bitOffset + k;
      bytes[bit >> 3] |= 1 << (bit & 7);
    }
    const hex = Buffer.from(bytes).toString('hex');
    if (hex !== lines[i]) bad.push(`${b.s}.${b.f}: gcc ${lines[i]}, cc-ts ${hex}`);
  });
  assert.equal(bad.slice(0, 10), []);
});

test.run();
