// The general reader on executables: header, program headers, section headers and symbols checked
// against readelf/nm, and against the independent `elfy` parser (for executables and for objects
// written by write-object.ts).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { readElf, readSymbols, findSectionByName } from '../../elf/read-elf';
import { readObject } from '../../elf/read-object';
import { writeObject } from '../../elf/write-object';
import { ElfError } from '../../elf/error';
import { PT_LOAD, SHT_SYMTAB } from '../../elf/constants';
import { compile, run, tmpFile } from './util';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const elfy = require('elfy') as { parse(b: Buffer): ElfyFile };

interface ElfyFile {
  entry: number; shoff: number; shnum: number; phnum: number;
  body: { programs: Array<{ offset: number; vaddr: number; filesz: number; memsz: number }>;
          sections: Array<{ name: string; off: number; size: number; addr: number; link: number; info: number }> };
}

const HELLO = '#include <stdio.h>\nint counter = 3;\nint main(void) { printf("hi %d\\n", counter); return 0; }\n';

function link(tool: string, name: string, args: string[]): string {
  const src = tmpFile(name + '.c');
  fs.writeFileSync(src, HELLO);
  const out = tmpFile(name);
  run(tool, [...args, '-o', out, src]);
  return out;
}

const hex = (v: number | bigint): string => v.toString(16);

function checkAgainstReadelf(file: string, readelfTool: string): void {
  const elf = readElf(new Uint8Array(fs.readFileSync(file)), file);
  const hdr = run(readelfTool, ['-h', file]);
  assert.ok(hdr.includes(`Entry point address:               0x${hex(elf.entry)}`), 'entry');
  // Program headers: type-independent numeric columns.
  const phLines = run(readelfTool, ['-l', '-W', file]).split('\n').filter((l) => /^\s+[A-Z_]+\s+0x[0-9a-f]+ 0x/.test(l));
  assert.is(phLines.length, elf.programs.length, 'program header count');
  elf.programs.forEach((p, i) => {
    const f = phLines[i].trim().split(/\s+/);
    assert.equal(f.slice(1, 6).map((x) => BigInt(x)), [BigInt(p.offset), p.vaddr, p.paddr, BigInt(p.filesz), BigInt(p.memsz)], `phdr ${i}`);
    assert.is(BigInt(f[f.length - 1]), BigInt(p.align), `phdr ${i} align`);
  });
  assert.ok(elf.programs.some((p) => p.type === PT_LOAD));
  // Section headers.
  const shLines = run(readelfTool, ['-S', '-W', file]).split('\n').filter((l) => /^\s+\[\s*\d+\]/.test(l));
  assert.is(shLines.length, elf.sections.length, 'section count');
  elf.sections.forEach((s, i) => {
    const m = /\]\s(\S*)\s.*?\s([0-9a-f]{8,16}) ([0-9a-f]{6,}) ([0-9a-f]{6,}) ([0-9a-f]{2,})\s+[A-Za-z]*\s+(\d+)\s+(\d+)\s+(\d+)$/.exec(shLines[i]);
    assert.ok(m, shLines[i]);
    assert.is(s.nameStr, m![1]);
    assert.equal([m![2], m![3], m![4], m![5]].map((x) => BigInt('0x' + x)), [s.addr, BigInt(s.offset), BigInt(s.size), BigInt(s.entsize)], `section ${i}`);
    assert.equal([+m![6], +m![7], +m![8]], [s.link, s.info, s.addralign], `section ${i} link/info/align`);
  });
  // Symbols: main's value matches nm.
  const symtab = elf.sections.find((s) => s.type === SHT_SYMTAB)!;
  const main = readSymbols(elf, symtab.index).find((s) => s.name === 'main')!;
  const nm = run(readelfTool.replace('readelf', 'nm'), [file]).split('\n').find((l) => / T main$/.test(l))!;
  assert.is(BigInt('0x' + nm.split(' ')[0]), main.value);
}

test('x86-64 PIE executable against readelf and nm', () => {
  checkAgainstReadelf(link('gcc', 'hello', ['-O1']), 'readelf');
});

test('aarch64 static executable against readelf and nm', () => {
  checkAgainstReadelf(link('aarch64-linux-gnu-gcc', 'hello-a64', ['-O1', '-static']), 'aarch64-linux-gnu-readelf');
});

test('riscv64 static executable against readelf and nm', () => {
  checkAgainstReadelf(link('riscv64-linux-gnu-gcc', 'hello-rv', ['-O1', '-static']), 'riscv64-linux-gnu-readelf');
});

function checkAgainstElfy(bytes: Uint8Array, label: string): void {
  const ours = readElf(bytes, label);
  const theirs = elfy.parse(Buffer.from(bytes));
  assert.is(theirs.body.sections.length, ours.sections.length, `${label}: section count`);
  ours.sections.forEach((s, i) => {
    const t = theirs.body.sections[i];
    assert.equal([t.name, t.off, t.size, t.link, t.info], [s.nameStr, s.offset, s.size, s.link, s.info], `${label}: section ${i}`);
  });
  assert.is(theirs.body.programs.length, ours.programs.length);
  ours.programs.forEach((p, i) => {
    const t = theirs.body.programs[i];
    assert.equal([t.offset, BigInt(t.vaddr), t.filesz, t.memsz], [p.offset, p.vaddr, p.filesz, p.memsz], `${label}: phdr ${i}`);
  });
}

test('elfy agrees on an executable and on objects written by write-object', () => {
  checkAgainstElfy(new Uint8Array(fs.readFileSync(link('gcc', 'hello2', ['-O0']))), 'exe');
  const c = 'int x = 1; static int y; int f(void) { return x + y++; }\n';
  for (const [tool, args] of [['gcc', ['-O2', '-g']], ['riscv64-linux-gnu-gcc', ['-O1']], ['gcc', ['-m32', '-O1']]] as Array<[string, string[]]>) {
    const obj = readObject(new Uint8Array(fs.readFileSync(compile(tool, 'elfy.c', c, args))));
    checkAgainstElfy(writeObject(obj), `${tool} ${args.join(' ')}`);
  }
});

test('errors carry binutils-style text', () => {
  const bad = (b: Uint8Array, msg: string): void => {
    assert.throws(() => readElf(b, 'bad.o'), (e: Error) => e instanceof ElfError && e.message === msg);
  };
  bad(new TextEncoder().encode('not an elf file at all'), 'bad.o: file format not recognized');
  const obj = new Uint8Array(fs.readFileSync(compile('gcc', 'small.c', 'int v = 1;\n', ['-O1'])));
  bad(obj.slice(0, 40), 'bad.o: file truncated');
  bad(obj.slice(0, obj.length - 10), 'bad.o: section header table extends past end of file');
  const elf = readElf(obj);
  const data = elf.sections[findSectionByName(elf, '.data')];
  const moved = obj.slice();
  new DataView(moved.buffer).setUint32(elf.shoff + data.index * 64 + 24, obj.length - 2, true);
  bad(moved, `bad.o: section ${data.index} extends past end of file`);
  const nonRel = obj.slice();
  nonRel[16] = 2;
  assert.throws(() => readObject(nonRel, 'x.o'), (e: Error) => e.message === 'x.o: not a relocatable object file');
});

test.run();
