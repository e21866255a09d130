// ar archives against GNU ar/nm: read what `ar rcs`/`ar rcsT` make, and write archives that
// `ar t` and `nm -s` list identically and that are byte-identical to `ar rcsD` output.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { readArchive, writeArchive, isArchive } from '../../elf/archive';
import { ElfError } from '../../elf/error';
import { compile, run, tmpDir, tmpFile } from './util';

const A = 'int alpha(void) { return 1; }\nint shared_data = 3;\nstatic int hidden(void) { return 2; }\nint common_thing __attribute__((common));\n';
const B = 'extern int alpha(void);\n__attribute__((weak)) int beta(void) { return alpha(); }\n';
const C = 'int gamma_function_with_long_name(int x) { return x * 2; }\n';
const ODD = 'x: .byte 0\n.globl abcdefgh\nabcdefgh: .byte 1\n';

function members(): string[] {
  const files = [
    compile('gcc', 'alpha.c', A, ['-O1']),
    compile('gcc', 'beta.c', B, ['-O1']),
    compile('gcc', 'gamma.c', C, ['-O1']),
    compile('as', 'odd.s', ODD, []),
  ];
  // A long member name (more than 15 characters) and a member that is not an object.
  const long = tmpFile('a_very_long_member_name_for_gamma.o');
  fs.copyFileSync(files[2], long);
  const txt = tmpFile('notes.txt');
  fs.writeFileSync(txt, 'not an object\n');
  return [files[0], files[1], long, files[3], txt];
}

/** `nm -s` archive index as "symbol in member" lines. */
function nmIndex(archive: string): string[] {
  const out = run('nm', ['-s', archive]);
  const start = out.indexOf('Archive index:');
  assert.ok(start >= 0, 'nm -s shows an archive index');
  return out.slice(start).split('\n\n')[0].split('\n').slice(1).filter((l) => l.trim() !== '');
}

test('read an archive made by ar rcs', () => {
  const files = members();
  const lib = tmpFile('gnu.a');
  fs.rmSync(lib, { force: true });
  run('ar', ['rcs', lib, ...files]);
  const bytes = new Uint8Array(fs.readFileSync(lib));
  assert.ok(isArchive(bytes));
  const ar = readArchive(bytes, lib);
  assert.is(ar.thin, false);
  assert.equal(ar.members.map((m) => m.name), run('ar', ['t', lib]).trim().split('\n'));
  assert.equal(ar.symbols.map((s) => `${s.name} in ${ar.members[s.member].name}`), nmIndex(lib));
  files.forEach((f, i) => assert.ok(Buffer.from(ar.members[i].data!).equals(fs.readFileSync(f)), `member ${i} data`));
});

test('written archive: ar t, nm -s and the bytes of ar rcsD agree', () => {
  const files = members();
  const ours = tmpFile('ours.a');
  fs.writeFileSync(ours, writeArchive(files.map((f) => ({ name: path.basename(f), data: fs.readFileSync(f) }))));
  const gnu = tmpFile('gnuD.a');
  fs.rmSync(gnu, { force: true });
  run('ar', ['rcsD', gnu, ...files]);
  assert.is(run('ar', ['t', ours]), run('ar', ['t', gnu]));
  assert.equal(nmIndex(ours), nmIndex(gnu));
  assert.ok(fs.readFileSync(ours).equals(fs.readFileSync(gnu)), 'byte-identical to ar rcsD');
});

test('archive without symbols has no index, like ar rcsD', () => {
  const txt = tmpFile('only.txt');
  fs.writeFileSync(txt, 'hello\n');
  const gnu = tmpFile('txt.a');
  fs.rmSync(gnu, { force: true });
  run('ar', ['rcsD', gnu, txt]);
  assert.ok(Buffer.from(writeArchive([{ name: 'only.txt', data: fs.readFileSync(txt) }])).equals(fs.readFileSync(gnu)));
});

test('read a thin archive made by ar rcsT', () => {
  const files = members();
  const lib = tmpFile('thin.a');
  fs.rmSync(lib, { force: true });
  run('ar', ['rcsT', lib, ...files.map((f) => path.relative(tmpDir(), f))]);
  const ar = readArchive(new Uint8Array(fs.readFileSync(lib)), lib);
  assert.is(ar.thin, true);
  // Thin member names are paths relative to the archive; ar t prints them resolved.
  assert.equal(ar.members.map((m) => path.resolve(path.dirname(lib), m.name)), run('ar', ['t', lib]).trim().split('\n'));
  assert.ok(ar.members.every((m) => m.data === null));
  assert.equal(ar.members.map((m) => m.size), files.map((f) => fs.statSync(f).size));
  assert.equal(ar.symbols.map((s) => `${s.name} in ${path.resolve(path.dirname(lib), ar.members[s.member].name)}`), nmIndex(lib));
});

test('malformed archives throw ElfError with the file name', () => {
  assert.throws(() => readArchive(new TextEncoder().encode('!<arch>\nshort'), 'bad.a'),
    (e: Error) => e instanceof ElfError && e.message === 'bad.a: malformed archive: truncated member header');
  assert.throws(() => readArchive(new TextEncoder().encode('hello'), 'x.a'),
    (e: Error) => e instanceof ElfError && e.message === 'x.a: file format not recognized');
});

test.run();
