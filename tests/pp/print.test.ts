// -E line structure and -M rules against gcc: every output token must sit on the same source line
// (as line markers and newlines place it) as in gcc -E, and the dependency rule must list the same
// files in the same order.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { runPP, gccE, tokenSpellings } from './util';
import { dependencyRule } from '../../src/pp/print';
import { compilerIncludeDir } from '../../src/pp/paths';
import { driverMain } from '../../src/driver/main';

/** "file:line token" for every token of -E output, as line markers and newlines place it. */
function placed(text: string): string[] {
  const out: string[] = [];
  let file = '', line = 0;
  for (const l of text.split('\n')) {
    const m = /^# (\d+) "((?:[^"\\]|\\.)*)"/.exec(l);
    if (m) { line = Number(m[1]); file = m[2]; continue; }
    for (const t of tokenSpellings(l)) out.push(`${path.basename(file)}:${line} ${t}`);
    line++;
  }
  return out;
}

const SRC = `#include <stddef.h>
#define F(a, b) a + \\
  b
int x = F(1,
          2);


int y;
#line 50 "other.c"
int z = __LINE__;
#pragma weak y
`;

test('-E places tokens on the lines gcc does', () => {
  const file = '/tmp/cc-ts-pp-print.c';
  fs.writeFileSync(file, SRC);
  const ours = placed(runPP(file, {}).out).filter((s) => !s.startsWith('stddef.h'));
  const theirs = placed(gccE('x86_64', ['-E', file])).filter((s) => !s.startsWith('stddef.h'));
  assert.equal(ours, theirs);
});

test('-M lists the same files as gcc -M', () => {
  const file = '/tmp/cc-ts-pp-deps.c';
  fs.writeFileSync(file, '#include <stdio.h>\n#include <stddef.h>\n#include "cc-ts-pp-deps.h"\n');
  fs.writeFileSync('/tmp/cc-ts-pp-deps.h', '#pragma once\n#include "cc-ts-pp-deps.h"\n');
  const r = runPP(file, {});
  const ours = dependencyRule(file, r.pp, { targets: [{ name: 'x.o', quote: false }] });
  const theirs = execFileSync('gcc', ['-M', '-MT', 'x.o', file], { encoding: 'utf8' });
  const norm = (s: string) => s.replace(/\\\n/g, ' ').split(/\s+/).filter(Boolean)
    .map((p) => p.replace(compilerIncludeDir() + '/', 'GCC/').replace(/^\/usr\/lib\/gcc\/x86_64-linux-gnu\/12\/include\//, 'GCC/'));
  assert.equal(norm(ours), norm(theirs));
  const mm = dependencyRule(file, r.pp, { targets: [{ name: 'x.o', quote: false }], userOnly: true, phony: true });
  assert.is(mm, `x.o: ${file} /tmp/cc-ts-pp-deps.h\n/tmp/cc-ts-pp-deps.h:\n`);
});

test('a source that is not UTF-8 keeps its bytes in -E output, as gcc -E', () => {
  const file = '/tmp/cc-ts-pp-raw.c', out = '/tmp/cc-ts-pp-raw.i';
  // 0xff, 0x80 and a lone 0xfe are not UTF-8; U+00E9 and U+1F600 are, in the same file
  fs.writeFileSync(file, Buffer.from('const char s[] = "a\xff\xc3\xa9b\x80\xf0\x9f\x98\x80";\nint c = \'\xfe\';\n', 'latin1'));
  assert.is(driverMain(['-E', '-P', file, '-o', out]), 0);
  const want = execFileSync('gcc', ['-E', '-P', file]);
  assert.equal([...fs.readFileSync(out)].filter((b) => b !== 10), [...want].filter((b) => b !== 10));
});

test.run();
