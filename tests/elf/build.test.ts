// Build an ObjectFile from scratch, the way the assembler will, and check that the writer produces
// exactly the bytes GNU as produces for the equivalent source. Also: objects with more than 0xff00
// sections (SHN_XINDEX, .symtab_shndx) against GNU as.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import {
  EM_X86_64, R_X86_64, SHF_ALLOC, SHF_EXECINSTR, SHF_MERGE, SHF_STRINGS, SHF_WRITE, SHT_NOBITS, SHT_PROGBITS,
  STB_GLOBAL, STB_LOCAL, STT_FILE, STT_FUNC, STT_NOTYPE, STT_OBJECT, STT_SECTION,
} from '../../elf/constants';
import { addSection, addSymbol, makeSection, makeSymbol, newObjectFile, SEC_ABS, SEC_UNDEF } from '../../elf/object';
import { readObject } from '../../elf/read-object';
import { writeObject } from '../../elf/write-object';
import { compile, readelf, tmpFile } from './util';

const S1 = `
  .file "s1.c"
  .text
  .globl main
  .type main, @function
main:
  call foo
  movl var(%rip), %eax
  ret
  .size main, .-main
  .data
  .align 4
  .type var, @object
  .size var, 4
var: .long 7
  .bss
  .align 8
buf: .zero 16
  .section .rodata.str1.1,"aMS",@progbits,1
.LC0: .string "hi"
  .section .data.rel.local,"aw"
  .align 8
  .quad .LC0
  .quad buf+8
  .section .note.GNU-stack,"",@progbits
`;

test('a model built by hand serialises exactly like GNU as', () => {
  const obj = newObjectFile(64, EM_X86_64);
  const text = addSection(obj, makeSection('.text', SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 1,
    Uint8Array.of(0xe8, 0, 0, 0, 0, 0x8b, 0x05, 0, 0, 0, 0, 0xc3)));
  const data = addSection(obj, makeSection('.data', SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 4, Uint8Array.of(7, 0, 0, 0)));
  const bss = addSection(obj, makeSection('.bss', SHT_NOBITS, SHF_ALLOC | SHF_WRITE, 8));
  obj.sections[bss].size = 16;
  const str = addSection(obj, makeSection('.rodata.str1.1', SHT_PROGBITS, SHF_ALLOC | SHF_MERGE | SHF_STRINGS, 1,
    Uint8Array.of(0x68, 0x69, 0), 1));
  const drl = addSection(obj, makeSection('.data.rel.local', SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, 8, new Uint8Array(16)));
  addSection(obj, makeSection('.note.GNU-stack', SHT_PROGBITS, 0, 1));

  // Globals are added first on purpose: the writer must move the locals in front.
  const main = addSymbol(obj, makeSymbol('main', STB_GLOBAL, STT_FUNC, text, 0n, 12n));
  const foo = addSymbol(obj, makeSymbol('foo', STB_GLOBAL, STT_NOTYPE, SEC_UNDEF));
  addSymbol(obj, makeSymbol('s1.c', STB_LOCAL, STT_FILE, SEC_ABS));
  const dataSym = addSymbol(obj, makeSymbol('', STB_LOCAL, STT_SECTION, data));
  const bssSym = addSymbol(obj, makeSymbol('', STB_LOCAL, STT_SECTION, bss));
  addSymbol(obj, makeSymbol('var', STB_LOCAL, STT_OBJECT, data, 0n, 4n));
  addSymbol(obj, makeSymbol('buf', STB_LOCAL, STT_NOTYPE, bss));
  const strSym = addSymbol(obj, makeSymbol('', STB_LOCAL, STT_SECTION, str));
  assert.ok(main > 0);

  obj.sections[text].relocs.push(
    { offset: 1, type: R_X86_64.PLT32, symbol: foo, addend: -4n },
    { offset: 7, type: R_X86_64.PC32, symbol: dataSym, addend: -4n });
  obj.sections[drl].relocs.push(
    { offset: 0, type: R_X86_64['64'], symbol: strSym, addend: 0n },
    { offset: 8, type: R_X86_64['64'], symbol: bssSym, addend: 8n });

  const ours = writeObject(obj);
  const gnu = fs.readFileSync(compile('as', 's1.s', S1, []));
  const mine = tmpFile('s1.mine.o');
  fs.writeFileSync(mine, ours);
  assert.fixture(readelf(mine, ['-h', '-S', '-s', '-r', '-W']), readelf(tmpFile('s1.as.o'), ['-h', '-S', '-s', '-r', '-W']));
  assert.ok(Buffer.compare(Buffer.from(ours), gnu) === 0, 'byte-identical to GNU as');
});

/** Assembly with n one-byte sections and a relocation from the last one. */
function manySections(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`.section .s${i},"a"\n.byte ${i & 255}\n`);
  parts.push('.globl g\ng: .long 0\nlocal_last: .long g\n');
  return parts.join('');
}

for (const n of [65274, 65300]) {
  test(`${n} sections (SHN_XINDEX, .symtab_shndx) round-trip byte-identically`, () => {
    const file = compile('as', `many${n}.s`, manySections(n), []);
    const bytes = fs.readFileSync(file);
    const obj = readObject(bytes, file);
    assert.is(obj.sections.length, n + 4, 'null, .text, .data, .bss and the n sections');
    const last = obj.symbols.find((s) => s.name === 'local_last')!;
    assert.is(obj.sections[last.section].name, `.s${n - 1}`);
    const out = writeObject(obj);
    assert.ok(Buffer.compare(Buffer.from(out), bytes) === 0, 'byte-identical');
  });
}

test('no symbols: no .symtab/.strtab, like GNU as', () => {
  const file = compile('as', 'empty.s', '', []);
  const bytes = fs.readFileSync(file);
  const obj = readObject(bytes, file);
  assert.is(obj.symbols.length, 1);
  assert.ok(Buffer.compare(Buffer.from(writeObject(obj)), bytes) === 0);
});

test.run();
