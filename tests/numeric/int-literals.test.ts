// Integer constants against gcc: the type (via _Generic) and value of each literal on x86-64 (LP64,
// with __int128) and on i386 (ILP32, checked with _Static_assert under gcc -m32 -fsyntax-only), and
// gcc's error and warning texts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseIntegerLiteral, isFloatLiteral, IntTypeName, IntLimits } from '../../src/numeric';
import { runC, diagnoseC, Rng } from './oracle';

const LP64: IntLimits = { intBits: 32, longBits: 64, longLongBits: 64 };
const ILP32: IntLimits = { intBits: 32, longBits: 32, longLongBits: 64 };

const TYPES: IntTypeName[] = ['int', 'unsigned int', 'long', 'unsigned long', 'long long', 'unsigned long long', '__int128', 'unsigned __int128'];
const GENERIC = '_Generic((X), ' + TYPES.map((t, i) => `${t}: ${i}`).join(', ') + ', default: 99)';

function literals(): string[] {
  const base = ['0', '1', '00', '07', '0777', '0x0', '0X1F', '0b101', '0B1', '2147483647', '2147483648', '4294967295',
    '4294967296', '0x7fffffff', '0x80000000', '0xffffffff', '0x100000000', '017777777777', '020000000000',
    '9223372036854775807', '9223372036854775808', '18446744073709551615', '18446744073709551616', '0x7fffffffffffffff',
    '0x8000000000000000', '0xffffffffffffffff', '0x10000000000000000', '01777777777777777777777', '02000000000000000000000',
    '340282366920938463463374607431768211455', '340282366920938463463374607431768211457', '0xffffffffffffffffffffffffffffffff1'];
  const suffixes = ['', 'u', 'U', 'l', 'L', 'ul', 'lu', 'LU', 'uL', 'll', 'LL', 'ull', 'llu', 'uLL', 'LLU', 'Ull'];
  const out: string[] = [];
  const rng = new Rng(99);
  for (const b of base) for (let k = 0; k < 4; k++) out.push(b + (k === 0 ? '' : rng.pick(suffixes)));
  for (let i = 0; i < 120; i++) {
    const w = rng.pick([8, 31, 32, 33, 63, 64, 65]);
    const v = rng.bits(w);
    const radix = rng.pick([10, 16, 8, 2]);
    const spelled = radix === 10 ? v.toString() : radix === 16 ? '0x' + v.toString(16) : radix === 8 ? '0' + v.toString(8) : '0b' + v.toString(2);
    out.push(spelled + rng.pick(suffixes));
  }
  return out;
}
const LITS = literals();

test('integer constants: type and value agree with gcc (x86-64)', () => {
  let src = '#include <stdio.h>\ntypedef unsigned long long u64;\nint main(void) {\n';
  for (const l of LITS) {
    src += ` { unsigned __int128 v = (unsigned __int128)(${l}); printf("%d %llx %llx\\n", ${GENERIC.replace('X', l)}, (u64)(v >> 64), (u64)v); }\n`;
  }
  src += ' return 0;\n}\n';
  const lines = runC(src, ['-std=gnu17']).trim().split('\n');
  assert.is(lines.length, LITS.length);
  const bad: string[] = [];
  LITS.forEach((l, i) => {
    const [t, hi, lo] = lines[i].split(' ');
    const r = parseIntegerLiteral(l, LP64);
    if ('error' in r) { bad.push(`${l}: ${r.error}`); return; }
    const type = TYPES[Number(t)];
    if (r.type !== type) bad.push(`${l}: type ${r.type}, gcc ${type}`);
    const want = (BigInt('0x' + hi) << 64n) | BigInt('0x' + lo);
    // the value converted to its type, then (as C does) to unsigned __int128
    const bits = type.includes('__int128') ? 128 : type.includes('long') ? 64 : 32;
    const inType = type.startsWith('unsigned') ? BigInt.asUintN(bits, r.value) : BigInt.asIntN(bits, r.value);
    if (BigInt.asUintN(128, inType) !== want) bad.push(`${l}: value ${r.value}, gcc ${want}`);
  });
  assert.equal(bad, []);
  console.log(`  integer literals: ${LITS.length} checked (LP64)`);
});

test('integer constants: types agree with gcc -m32 (ILP32, no __int128)', () => {
  const codes = ['int', 'unsigned int', 'long', 'unsigned long', 'long long', 'unsigned long long'];
  const g = '_Generic((X), ' + codes.map((t, i) => `${t}: ${i}`).join(', ') + ', default: 99)';
  let src = '';
  const lits = LITS.filter((l) => !/^(340|0xfffffffffffffffffff)/.test(l));
  for (const l of lits) {
    const r = parseIntegerLiteral(l, ILP32);
    if ('error' in r) assert.unreachable(`${l}: ${r.error}`);
    else src += `_Static_assert(${g.replace('X', l)} == ${codes.indexOf(r.type)}, "${l}");\n`;
  }
  const d = diagnoseC(src, ['-m32', '-std=gnu17', '-w']);
  const errors = [...d.values()].flat().filter((m) => m.startsWith('error'));
  if (errors.length && errors.some((e) => /unrecognized|not supported|-m32/.test(e))) throw new Error('gcc -m32 is not usable: ' + errors[0]);
  assert.equal(errors, []);
  console.log(`  integer literals: ${lits.length} checked (ILP32)`);
});

test('integer constant diagnostics match gcc', () => {
  const cases = ['0b', '0x', '0b12', '09', '1uu', '1lL', '1ulu', '1Ll', '1jj', '1ii', '0x1g', '18446744073709551615', '18446744073709551616',
    '0x10000000000000000', '1i', '1ui', '1iu', '0b1111u', '123abc'];
  const src = cases.map((c) => `int x${cases.indexOf(c)} = sizeof(${c});\n`).join('');
  const d = diagnoseC(src, ['-std=gnu17']);
  cases.forEach((c, i) => {
    const want = (d.get(i + 1) ?? [])[0];
    const r = parseIntegerLiteral(c, LP64);
    const got = 'error' in r ? 'error: ' + r.error : r.warning ? 'warning: ' + r.warning : undefined;
    assert.is(got, want, c);
  });
  const wb = parseIntegerLiteral('10wb', LP64);
  assert.ok('error' in wb && /not supported/.test(wb.error));
  const im = parseIntegerLiteral('3ULLi', LP64);
  assert.ok(!('error' in im) && im.imaginary && im.type === 'unsigned long long');
});

test('isFloatLiteral', () => {
  for (const t of ['1.0', '1e5', '1E+5', '.5', '0x1p3', '0x1.8P-1', '1.f', '08.5']) assert.ok(isFloatLiteral(t), t);
  for (const t of ['1', '0x1e', '0xE', '1ul', '0b11', '07']) assert.not.ok(isFloatLiteral(t), t);
});

test.run();
