// Linux kernel linker scripts (fixtures saved from Debian's linux-source-6.1, see the first line of each):
// cc-ts ld must parse them and lay out a synthetic set of input sections exactly as GNU ld does
// (nm, and readelf -SW/-lW for allocated sections).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ccLd, requireTools, sh, tmpdir } from './util';

requireTools('as', 'ld', 'nm', 'readelf');
const SRC = path.join(__dirname, '..', '..', '..', 'tests', 'link', 'fixtures');
const fx = fs.existsSync(SRC) ? SRC : path.join(process.cwd(), 'tests', 'link', 'fixtures');
const dir = tmpdir('kernel');

const layout = (f: string): string[] => sh('readelf', ['-SW', f]).split('\n')
  .filter((l) => /^\s+\[\s*\d+\]/.test(l) && !/\.(sym|str|shstr)tab/.test(l)).map((l) => l.replace(/^(.{0,50}\S+\s+)\S+/, '$1'));

test('arch/x86/boot/setup.ld (i386): same layout as GNU ld', () => {
  const obj = path.join(dir, 'setup-in.o');
  sh('as', ['--32', '-o', obj, path.join(fx, 'kernel-setup-in.s')]);
  const script = path.join(fx, 'kernel-x86-boot-setup.ld');
  const g = path.join(dir, 'g.elf');
  const c = path.join(dir, 'c.elf');
  const gr = spawnSync('ld', ['-m', 'elf_i386', '-T', script, '-o', g, obj], { encoding: 'utf8' });
  assert.is(gr.status, 0, gr.stderr);
  const r = ccLd(['-m', 'elf_i386', '-T', script, '-o', c, obj]);
  assert.is(r.code, 0, r.err);
  assert.is(sh('nm', [c]), sh('nm', [g]));
  assert.equal(layout(c), layout(g));
});

test.run();
