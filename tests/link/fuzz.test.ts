// Mutation fuzz: corrupted objects, archives and linker scripts must give a located LinkError or
// ElfError from cc-ts ld, never a crash (any other exception fails the test).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { writeArchive } from '../../elf/archive';
import { ElfError } from '../../elf/error';
import { LinkError } from '../../link/error';
import { link } from '../../link/link';
import { parseLdArgs } from '../../link/options';
import { requireTools, sh, tmpdir } from './util';

requireTools('as');
const dir = tmpdir('fuzz');
const src = path.join(process.cwd(), 'tests', 'link', 'scripts');
sh('as', ['--64', '-o', path.join(dir, 'a.o'), path.join(src, 'a.s')]);
sh('as', ['--64', '-o', path.join(dir, 'b.o'), path.join(src, 'b.s')]);
const A = new Uint8Array(fs.readFileSync(path.join(dir, 'a.o')));
const B = new Uint8Array(fs.readFileSync(path.join(dir, 'b.o')));
const AR = writeArchive([{ name: 'b.o', data: B }]);
const SCRIPT = fs.readFileSync(path.join(src, '05-memory.ld'), 'utf8') + fs.readFileSync(path.join(src, '10-data.ld'), 'utf8').replace(/SECTIONS/g, '');

// CC_TS_LINK_FUZZ_SCALE multiplies the case counts (tests/corpus/fuzz-link.ts runs 10,000 cases with
// scale 12.5); CC_TS_LINK_FUZZ_SEED changes the series.
const SCALE = Number(process.env.CC_TS_LINK_FUZZ_SCALE ?? 1);
const N = (n: number): number => Math.round(n * SCALE);
let seed = Number(process.env.CC_TS_LINK_FUZZ_SEED ?? 12345);
const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };

function mutate(b: Uint8Array): Uint8Array {
  const out = b.slice();
  const kind = rnd(4);
  if (kind === 0) return out.subarray(0, rnd(out.length));
  const n = 1 + rnd(8);
  for (let i = 0; i < n; i++) {
    const at = rnd(out.length);
    out[at] = kind === 1 ? rnd(256) : kind === 2 ? out[at] ^ (1 << rnd(8)) : 0xff;
  }
  return out;
}

function mutateText(s: string): string {
  const chars = '{}();=:*.>,"/ \nABCxyz0123+-';
  const a = s.split('');
  const n = 1 + rnd(4);
  for (let i = 0; i < n; i++) {
    const at = rnd(a.length);
    const k = rnd(3);
    if (k === 0) a.splice(at, 1);
    else if (k === 1) a.splice(at, 0, chars[rnd(chars.length)]);
    else a[at] = chars[rnd(chars.length)];
  }
  return a.join('');
}

function tryLink(files: Record<string, Uint8Array>, args: string[]): 'ok' | 'error' {
  const io = { readFile: (p: string) => { const f = files[p]; if (!f) throw new Error('ENOENT'); return f; }, fileExists: (p: string) => p in files };
  try {
    link(parseLdArgs(args), io);
    return 'ok';
  } catch (e) {
    if (e instanceof LinkError || e instanceof ElfError) {
      assert.ok(e.message.length > 0);
      return 'error';
    }
    throw e;
  }
}

test(`${N(300)} mutated objects: error or success, never a crash`, () => {
  let errors = 0;
  for (let i = 0; i < N(300); i++) {
    const r = tryLink({ 'a.o': mutate(A), 'b.o': B }, ['-o', 'out', 'a.o', 'b.o', '-e', '0']);
    if (r === 'error') errors++;
  }
  assert.ok(errors > N(50), `only ${errors} mutations were rejected`);
});

test(`${N(200)} mutated archives: error or success, never a crash`, () => {
  for (let i = 0; i < N(200); i++) tryLink({ 'a.o': A, 'lib.a': mutate(AR) }, ['-o', 'out', 'a.o', 'lib.a']);
});

test(`${N(300)} mutated linker scripts: located error or success, never a crash`, () => {
  let located = 0;
  for (let i = 0; i < N(300); i++) {
    const text = mutateText(SCRIPT);
    const io = { 'a.o': A, 'b.o': B, 's.ld': new TextEncoder().encode(text) };
    try {
      link(parseLdArgs(['-T', 's.ld', '-o', 'out', 'a.o', 'b.o']), { readFile: (p) => { const f = (io as Record<string, Uint8Array>)[p]; if (!f) throw new Error('ENOENT'); return f; }, fileExists: (p) => p in io });
    } catch (e) {
      if (!(e instanceof LinkError || e instanceof ElfError)) throw e;
      if (/^s\.ld:\d+: /.test(e.message)) located++;
    }
  }
  assert.ok(located > N(30), `only ${located} script errors had a file:line`);
});

test.run();
