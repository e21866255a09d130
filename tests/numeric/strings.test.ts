// String literals and character constants against gcc: sizeof and the code units of each string
// (also after concatenation), the value of each character constant with signed and unsigned plain
// char, and gcc's diagnostics for bad escapes and prefixes.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeString, decodeChar, concatStrings, Encoding } from '../../src/numeric';
import { runC, diagnoseC } from './oracle';

const STRINGS: string[][] = [
  ['""'], ['"abc"'], ['"a\\nb\\tc\\v\\b\\r\\f\\a\\\\\\?\\\'\\"\\e"'], ['"\\0\\1\\12\\123\\1234"'], ['"\\x41\\x7fx\\xff"'],
  ['"héllo wörld €😀"'], ['u8"h€😀"'], ['L"h€😀"'], ['u"h€😀"'], ['U"h€😀"'], ['"\\u00e9\\u20ac\\U0001F600"'],
  ['L"\\u00e9\\U0001F600\\xffffffff\\377"'], ['u"\\U0001F600\\xffff\\uFFFF"'], ['U"\\x10ffff\\777"'],
  ['"a"', '"b"'], ['"a"', 'L"b"'], ['L"a"', '"b"', 'L"c"'], ['"\\xff"', 'u"x"'], ['u8"é"', '"è"'], ['"é"', 'U"x"'],
  ['"\\u0024\\u0040\\u0060"'], ['"\\x41"', '"B"'], ['"\\1"', '"2"'], ['u"\\x12"', '"3"'], ['"\\(\\{\\[\\%"'],
];

const ENC_TYPE: Record<Encoding, [string, number]> = {
  char: ['unsigned char', 1], utf8: ['unsigned char', 1], wchar: ['unsigned int', 4], char16: ['unsigned short', 2], char32: ['unsigned int', 4],
};

test('string literals: units agree with gcc', () => {
  let src = '#include <stdio.h>\n#include <string.h>\n';
  src += 'static void pu(const void *p, int size, int unit) { printf("%d", size / unit); for (int i = 0; i < size / unit; i++) { unsigned v = 0; memcpy(&v, (const char *)p + i * unit, unit); printf(" %x", v); } printf("\\n"); }\n';
  src += 'int main(void) {\n';
  const decoded = STRINGS.map((parts) => concatStrings(parts));
  STRINGS.forEach((parts, i) => {
    const r = decoded[i];
    if ('error' in r) assert.unreachable(`${parts.join(' ')}: ${r.error}`);
    else src += ` pu(${parts.join(' ')}, sizeof(${parts.join(' ')}), ${ENC_TYPE[r.encoding][1]});\n`;
  });
  src += ' return 0;\n}\n';
  const lines = runC(src, ['-std=gnu17', '-finput-charset=UTF-8']).trim().split('\n');
  STRINGS.forEach((parts, i) => {
    const r = decoded[i];
    if ('error' in r) return;
    const want = lines[i].split(' ');
    const got = [String(r.units.length + 1), ...r.units.map((u) => u.toString(16)), '0'];
    assert.equal(got, want, parts.join(' '));
  });
  const one = decodeString('L"ab"');
  assert.ok(!('error' in one) && one.encoding === 'wchar' && one.units.join() === '97,98');
  console.log(`  strings: ${STRINGS.length} checked`);
});

const CHARS = ["'a'", "'\\0'", "'\\n'", "'\\377'", "'\\xff'", "'\\x80'", "'\\x7f'", "'ab'", "'abcd'", "'\\xff\\xfe'", "'\\377abc'",
  "'é'", "'€'", "L'a'", "L'€'", "L'\\xffffffff'", "L'\\x80000000'", "L'😀'", "u'a'", "u'\\xffff'", "u'€'", "U'😀'", "U'\\xffffffff'",
  "'\\e'", "'\\''", "'\"'", "'\\\\'", "'\\u00e9'", "L'\\u00e9'", "U'\\U0001F600'", "u8'a'", "u8'\\xff'"];

function charProgram(): string {
  let src = '#include <stdio.h>\nint main(void) {\n';
  for (const c of CHARS) src += ` printf("%lld\\n", (long long)(${c}));\n`;
  return src + ' return 0;\n}\n';
}

for (const signed of [true, false]) {
  test(`character constants agree with gcc (${signed ? 'signed' : 'unsigned'} char)`, () => {
    const lines = runC(charProgram(), ['-std=gnu2x', signed ? '-fsigned-char' : '-funsigned-char']).trim().split('\n');
    CHARS.forEach((c, i) => {
      const r = decodeChar(c, signed, true);
      if ('error' in r) assert.unreachable(`${c}: ${r.error}`);
      else assert.is(r.value.toString(), lines[i], c);
    });
  });
}

test('character constant and string diagnostics match gcc', () => {
  const cases = ['"\\u0041"', '"\\uD800"', '"\\U00110000"', '"\\u12"', '"\\x"', '"\\xfff"', '"\\400"', '"\\q"', "''", "'ab'",
    "'abcde'", "L'ab'", "u'😀'", "U'ab'", '"a" L"b"', 'u8"a" L"b"', 'u"a" "b" u"c"', "L'\\xfffffffff'", "u'\\x10000'", "'\\u00e9'",
    '"\\u0024"', '"ok\\%"'];
  const src = cases.map((c, i) => `int x${i} = sizeof(${c});\n`).join('');
  const d = diagnoseC(src, ['-std=gnu17']);
  cases.forEach((c, i) => {
    const want = (d.get(i + 1) ?? [])[0];
    let got: string | undefined;
    if (c.endsWith("'")) {
      const r = decodeChar(c, true, true);
      got = 'error' in r ? 'error: ' + r.error : r.warning ? 'warning: ' + r.warning : undefined;
    } else {
      const r = concatStrings(c.split(' '));
      got = 'error' in r ? 'error: ' + r.error : r.warnings ? 'warning: ' + r.warnings[0].message : undefined;
    }
    assert.is(got, want, c);
  });
  const u = decodeChar("u8'ab'", false, true);
  assert.ok(!('error' in u) && u.value === 98n && u.encoding === 'utf8');
  const bad = decodeString('"abc');
  assert.ok('error' in bad);
});

test.run();
