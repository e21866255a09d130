// Relocation tables against readelf: write one relocation of every type we name into an object and
// check that readelf prints the same name. Types newer than binutils 2.40 are listed (readelf shows
// them as unrecognized) and must really be unknown to it, so the list stays honest.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import {
  EM_386, EM_AARCH64, EM_RISCV, EM_X86_64, SHF_ALLOC, SHF_EXECINSTR, SHT_PROGBITS, STB_GLOBAL, STT_NOTYPE,
  relocName, relocNumber, relocTypes, R_X86_64, R_AARCH64, R_RISCV, R_386,
} from '../../elf/constants';
import { addSection, addSymbol, makeSection, makeSymbol, newObjectFile } from '../../elf/object';
import { writeObject } from '../../elf/write-object';
import { readelf, tmpFile } from './util';

/** Types that binutils 2.40's readelf does not know yet (psABI additions after its release). */
const NEWER_THAN_BINUTILS_2_40 = new Set([
  'R_X86_64_CODE_4_GOTPCRELX', 'R_X86_64_CODE_4_GOTTPOFF', 'R_X86_64_CODE_4_GOTPC32_TLSDESC',
  'R_X86_64_CODE_5_GOTPCRELX', 'R_X86_64_CODE_5_GOTTPOFF', 'R_X86_64_CODE_5_GOTPC32_TLSDESC',
  'R_X86_64_CODE_6_GOTPCRELX', 'R_X86_64_CODE_6_GOTTPOFF', 'R_X86_64_CODE_6_GOTPC32_TLSDESC',
  'R_RISCV_PLT32', 'R_RISCV_SET_ULEB128', 'R_RISCV_SUB_ULEB128', 'R_RISCV_TLSDESC', 'R_RISCV_TLSDESC_HI20',
  'R_RISCV_TLSDESC_LOAD_LO12', 'R_RISCV_TLSDESC_ADD_LO12', 'R_RISCV_TLSDESC_CALL', 'R_RISCV_VENDOR',
  'R_AARCH64_PLT32', 'R_AARCH64_GOTPCREL32',
]);

const machines: Array<[string, number, 32 | 64]> = [
  ['x86-64', EM_X86_64, 64], ['i386', EM_386, 32], ['aarch64', EM_AARCH64, 64], ['riscv', EM_RISCV, 64],
];

for (const [label, machine, cls] of machines) {
  test(`${label} relocation names match readelf`, () => {
    const types = relocTypes(machine);
    assert.ok(types.length > 30, 'table is populated');
    const obj = newObjectFile(cls, machine);
    const text = addSection(obj, makeSection('.text', SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, 4, new Uint8Array(8 * types.length)));
    const sym = addSymbol(obj, makeSymbol('target', STB_GLOBAL, STT_NOTYPE, 0));
    types.forEach(([, num], i) => obj.sections[text].relocs.push({ offset: 8 * i, type: num, symbol: sym, addend: 0n }));
    const file = tmpFile(`relocs-${label}.o`);
    fs.writeFileSync(file, writeObject(obj));
    const lines = readelf(file, ['-r', '-W']).split('\n').filter((l) => /^[0-9a-f]{8,16}\s/.test(l));
    assert.is(lines.length, types.length, 'one line per relocation');
    const wrong: string[] = [];
    lines.forEach((line, i) => {
      const theirs = line.trim().split(/\s+/)[2];
      const [ours, num] = types[i];
      const newer = NEWER_THAN_BINUTILS_2_40.has(ours);
      if (newer ? theirs.startsWith('R_') : theirs !== ours) wrong.push(`${num}: ours ${ours}, readelf ${theirs}`);
    });
    assert.equal(wrong, []);
  });
}

test('name <-> number lookups', () => {
  assert.is(relocName(EM_X86_64, 2), 'R_X86_64_PC32');
  assert.is(relocNumber(EM_X86_64, 'R_X86_64_PC32'), R_X86_64.PC32);
  assert.is(R_X86_64['64'], 1);
  assert.is(R_386.GOT32X, 43);
  assert.is(relocNumber(EM_AARCH64, 'R_AARCH64_CALL26'), R_AARCH64.CALL26);
  assert.is(R_AARCH64.CALL26, 283);
  assert.is(relocName(EM_RISCV, R_RISCV.RELAX), 'R_RISCV_RELAX');
  assert.is(relocName(EM_RISCV, 9999), undefined);
  assert.is(relocNumber(EM_RISCV, 'R_X86_64_PC32'), undefined);
  assert.is(relocNumber(EM_RISCV, 'R_RISCV_toString'), undefined);
});

test.run();
