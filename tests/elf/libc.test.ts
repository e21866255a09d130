// Every member of glibc's libc.a (x86-64, i386, AArch64, RISC-V sysroots): read the archive with
// readArchive (its member list must match `ar t`), read each object and write it back.
// Objects written by GNU as come back byte-identical. Debian strips libc.a with objcopy, which
// orders .shstrtab names differently when there are section groups; those must still give the same
// `readelf -S -s -r -g -W` (checked on a sample to keep the test fast).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { readArchive } from '../../elf/archive';
import { readObject } from '../../elf/read-object';
import { writeObject } from '../../elf/write-object';
import { SHT_GROUP } from '../../elf/constants';
import { readelf, run, tmpFile } from './util';

const LIBCS: Array<[string, string, string]> = [
  ['x86-64', '/usr/lib/x86_64-linux-gnu/libc.a', 'readelf'],
  ['i386', '/usr/lib32/libc.a', 'readelf'],
  ['aarch64', '/usr/aarch64-linux-gnu/lib/libc.a', 'aarch64-linux-gnu-readelf'],
  ['riscv64', '/usr/riscv64-linux-gnu/lib/libc.a', 'riscv64-linux-gnu-readelf'],
];
const SAMPLE = 6;

for (const [label, lib, readelfTool] of LIBCS) {
  test(`${label} libc.a members round-trip`, () => {
    if (!fs.existsSync(lib)) throw new Error(`missing ${lib}: install libc6-dev, libc6-dev-i386, libc6-dev-arm64-cross and libc6-dev-riscv64-cross`);
    const ar = readArchive(new Uint8Array(fs.readFileSync(lib)), lib);
    assert.equal(ar.members.map((m) => m.name), run('ar', ['t', lib]).trim().split('\n'), 'member list');
    let identical = 0;
    const others: Array<[string, Uint8Array, Uint8Array]> = [];
    const unexplained: string[] = [];
    for (const m of ar.members) {
      const obj = readObject(m.data!, `${lib}(${m.name})`);
      const out = writeObject(obj);
      if (Buffer.from(out).equals(Buffer.from(m.data!))) { identical++; continue; }
      if (!obj.sections.some((s) => s.type === SHT_GROUP)) unexplained.push(m.name);
      others.push([m.name, m.data!, out]);
    }
    assert.equal(unexplained, [], 'differences outside objects with groups');
    for (const [name, orig, out] of others.slice(0, SAMPLE)) {
      const a = tmpFile(`${label}-orig-${name}`), b = tmpFile(`${label}-ours-${name}`);
      fs.writeFileSync(a, orig);
      fs.writeFileSync(b, out);
      const opts = ['-S', '-s', '-r', '-g', '-W'];
      assert.fixture(readelf(b, opts, readelfTool), readelf(a, opts, readelfTool), name);
    }
    assert.ok(identical + others.length === ar.members.length && identical > 0);
    console.log(`  ${label}: ${identical}/${ar.members.length} byte-identical, ${others.length} objcopy-ordered (${Math.min(SAMPLE, others.length)} checked with readelf)`);
  });
}

test.run();
