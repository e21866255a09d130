// Module-level output checked with GNU as + readelf: sections for data kinds, -ffunction-sections /
// -fdata-sections, symbol binding/visibility/type/size, common, weak, aliases, .init_array
// priorities, TLS sections, PIC forms (GOTPCREL, PLT), .note.GNU-stack.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import { haveTools, compileIR, assemble } from './util';

const IR = `target ptr 8
extern $ext_data
extern weak $maybe
data $d align 8 { i64 1, a8 $d+8 }
data internal readonly $ro align 4 { i32 7 }
data $z align 16 size 32
data common $cm align 8 size 24
data weak hidden $w align 4 { i32 3 }
data tls $t align 4 { i32 5 }
data tls $tb align 8 size 8
data $p align 8 { a8 $ext_data+16 }
alias $d_alias = $d
func $f() -> i64 {
@entry:
  %a =i64 load $ext_data align 8
  %b =i64 call $g()
  %c =i64 add %a, %b
  %m =i64 ptrtoint $maybe
  %x =i64 call $ext_fn()
  %d =i64 add %c, %m
  %e =i64 add %d, %x
  ret %e
}
func internal $g() -> i64 {
@entry:
  ret 1
}
ctor 101 $f
dtor 65535 $f`;

function readelf(o: string, flag: string): string {
  const r = spawnSync('readelf', ['-W', flag, o], { encoding: 'utf8' });
  return r.stdout;
}

test('sections, symbols, ctors, TLS', () => {
  haveTools();
  const o = assemble(compileIR(IR, { dataSections: true, functionSections: true }));
  const secs = readelf(o, '-S');
  for (const s of ['.text.f', '.text.g', '.data.d', '.rodata.ro', '.bss.z', '.tdata.t', '.tbss.tb', '.init_array.00101', '.fini_array', '.note.GNU-stack']) {
    assert.ok(secs.includes(' ' + s + ' '), `section ${s} missing:\n${secs}`);
  }
  const syms = readelf(o, '-s');
  assert.match(syms, /16 OBJECT +GLOBAL DEFAULT +\S+ d\n/);
  assert.match(syms, /4 OBJECT +LOCAL +DEFAULT +\S+ ro\n/);
  assert.match(syms, /24 OBJECT +GLOBAL DEFAULT +COM cm\n/);
  assert.match(syms, /4 OBJECT +WEAK +HIDDEN +\S+ w\n/);
  assert.match(syms, /4 TLS +GLOBAL DEFAULT +\S+ t\n/);
  assert.match(syms, /FUNC +GLOBAL DEFAULT +\S+ f\n/);
  assert.match(syms, /FUNC +LOCAL +DEFAULT +\S+ g\n/);
  assert.match(syms, /NOTYPE +WEAK +DEFAULT +UND maybe\n/);
  assert.match(syms, /GLOBAL DEFAULT +\S+ d_alias\n/);
});

test('PIC: GOTPCREL for preemptible data, PLT for calls, PC32 for local', () => {
  haveTools();
  const o = assemble(compileIR(IR, { pic: true }));
  const rel = readelf(o, '-r');
  assert.match(rel, /R_X86_64_REX_GOTPCRELX +0+ ext_data - 4|R_X86_64_GOTPCREL/);
  const text = spawnSync('objdump', ['-dr', o], { encoding: 'utf8' }).stdout;
  assert.match(text, /R_X86_64_PLT32\s+ext_fn-0x4/);
  const fs = assemble(compileIR(IR, { pic: true, functionSections: true }));
  assert.match(spawnSync('objdump', ['-dr', fs], { encoding: 'utf8' }).stdout, /R_X86_64_(PLT32|PC32)\s+(g|\.text\.g)-0x4/);
  const np = assemble(compileIR(IR, { pic: false }));
  assert.not.match(readelf(np, '-r'), /GOTPCREL/);
});

test.run();
