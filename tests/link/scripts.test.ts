// The linker-script suite: every tests/link/scripts/*.ld, for x86-64 and i386, on two small objects
// made by GNU as (a.s, b.s). cc-ts ld must give what GNU ld gives:
//   - nm: the same symbols with the same addresses and type letters;
//   - readelf -SW: same section names, types, addresses, sizes, flags and alignments
//     (ignored: file offsets, ES, Lk, Inf);
//   - readelf -lW: the same entry point, same program headers (type, virtual and physical address, sizes, flags, align;
//     ignored: file offset) and the same section-to-segment mapping;
//   - scripts marked `/* binary */`: identical --oformat binary images.
// A first-line comment `/* ld-args: ... */` adds options to both links. When GNU ld refuses a script,
// cc-ts ld must refuse it too. c.s, d.s and e.s give c.o and libd.a (d.o, e.o, made by GNU ar) for
// INPUT/GROUP/EXTERN; in scripts and ld-args @OBJ@ is the folder of the objects, @SRC@ this folder,
// @FORMAT@ and @ARCH@ the arch's OUTPUT_FORMAT and OUTPUT_ARCH names.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ccLd, requireTools, sh, tmpdir } from './util';

requireTools('as', 'ld', 'nm', 'readelf');
const SRC = path.join(__dirname, '..', '..', '..', 'tests', 'link', 'scripts');
const srcDir = fs.existsSync(SRC) ? SRC : path.join(process.cwd(), 'tests', 'link', 'scripts');
const dir = tmpdir('scripts');
const ARCHES = [
  { name: 'x86_64', as: '--64', emu: 'elf_x86_64', format: 'elf64-x86-64', arch: 'i386:x86-64' },
  { name: 'i386', as: '--32', emu: 'elf_i386', format: 'elf32-i386', arch: 'i386' },
];

/** tests/link/scripts-xfail.txt: `SCRIPT ARCH reason` per line; such a case must still fail (else: remove it). */
const XFAIL = new Map<string, string>();
const xf = path.join(srcDir, '..', 'scripts-xfail.txt');
if (fs.existsSync(xf)) {
  for (const line of fs.readFileSync(xf, 'utf8').split('\n')) {
    const m = /^(\S+)\s+(\S+)\s+(.*)$/.exec(line.trim());
    if (m && !line.startsWith('#')) XFAIL.set(`${m[1]} ${m[2]}`, m[3]);
  }
}

for (const a of ARCHES) {
  fs.mkdirSync(path.join(dir, a.name));
  for (const f of ['a', 'b', 'c', 'd', 'e']) sh('as', [a.as, '-o', path.join(dir, a.name, `${f}.o`), path.join(srcDir, `${f}.s`)]);
  sh('ar', ['rcsD', path.join(dir, a.name, 'libd.a'), path.join(dir, a.name, 'd.o'), path.join(dir, a.name, 'e.o')]);
}

function subst(text: string, a: typeof ARCHES[number]): string {
  return text.replace(/@OBJ@/g, path.join(dir, a.name)).replace(/@SRC@/g, srcDir)
    .replace(/@FORMAT@/g, a.format).replace(/@ARCH@/g, a.arch);
}

function nm(file: string): string[] {
  return sh('nm', [file]).split('\n').filter(Boolean).sort();
}

function sections(file: string): string[] {
  const out = sh('readelf', ['-SW', file]);
  const rows: string[] = [];
  for (const m of out.matchAll(/^\s*\[\s*\d+\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([A-Za-z]*)\s+\d+\s+\d+\s+(\d+)\s*$/gm)) {
    if (m[1] === '.symtab' || m[1] === '.strtab' || m[1] === '.shstrtab') continue;
    rows.push(`${m[1]} ${m[2]} addr=${m[3]} size=${m[4]} flags=${m[5]} align=${m[6]}`);
  }
  return rows;
}

function segments(file: string): string[] {
  const out = sh('readelf', ['-lW', file]);
  const rows: string[] = [/Entry point (0x[0-9a-f]+)/.exec(out)?.[1] ?? 'no entry'];
  for (const m of out.matchAll(/^\s+([A-Z_]+)\s+0x[0-9a-f]+\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+(0x[0-9a-f]+)\s+([RWE ]+?)\s+(0x[0-9a-f]+)\s*$/gm)) {
    rows.push(`${m[1]} vaddr=${m[2]} paddr=${m[3]} filesz=${m[4]} memsz=${m[5]} flags=${m[6].replace(/\s+/g, '')} align=${m[7]}`);
  }
  const map = /Section to Segment mapping:[\s\S]*$/.exec(out);
  if (map) rows.push(...map[0].split('\n').slice(2).map((l) => l.trim()).filter(Boolean));
  return rows;
}

const scripts = fs.readdirSync(srcDir).filter((f) => f.endsWith('.ld')).sort();

for (const s of scripts) {
  const text = fs.readFileSync(path.join(srcDir, s), 'utf8');
  const extraText = /\/\* ld-args: (.*?) \*\//.exec(text)?.[1] ?? '';
  const binary = /\/\* binary \*\//.test(text);
  for (const a of ARCHES) {
    const name = `${s} (${a.name}): same symbols, sections, segments${binary ? ', binary image' : ''} as GNU ld`;
    const why = XFAIL.get(`${s} ${a.name}`);
    if (why !== undefined) {
      test(`${name} [expected failure: ${why}]`, () => {
        let passed = true;
        try { check(); } catch { passed = false; }
        assert.ok(!passed, `${s} (${a.name}) now matches GNU ld: remove it from tests/link/scripts-xfail.txt`);
      });
    } else test(name, () => check());
    function check(): void {
      const objs = [path.join(dir, a.name, 'a.o'), path.join(dir, a.name, 'b.o')];
      const script = path.join(dir, a.name, s);
      fs.writeFileSync(script, subst(text, a));
      const extra = subst(extraText, a).split(/\s+/).filter(Boolean);
      const gnu = path.join(dir, `${s}-${a.name}.gnu`);
      const mine = path.join(dir, `${s}-${a.name}.cc`);
      // GNU ld reads a -T script where it stands: -L folders (for INCLUDE) must come first
      const lArgs: string[] = [];
      const rest: string[] = [];
      for (let i = 0; i < extra.length; i++) {
        if (extra[i] === '-L') lArgs.push(extra[i], extra[++i]); else if (extra[i].startsWith('-L')) lArgs.push(extra[i]); else rest.push(extra[i]);
      }
      const args = (out: string, more: string[] = []): string[] => ['-m', a.emu, ...lArgs, '-T', script, ...rest, ...more, '-o', out, ...objs];
      const g = spawnSync('ld', args(gnu), { encoding: 'utf8' });
      const r = ccLd(args(mine));
      if (g.status !== 0) {
        assert.is(r.code, 1, `GNU ld failed (${g.stderr.trim()}) but cc-ts ld did not`);
        return;
      }
      assert.is(r.code, 0, r.err);
      assert.equal(nm(mine), nm(gnu), 'nm');
      assert.equal(sections(mine), sections(gnu), 'readelf -S');
      assert.equal(segments(mine), segments(gnu), 'readelf -l');
      if (binary) {
        const gb = gnu + '.bin';
        const mb = mine + '.bin';
        assert.is(spawnSync('ld', args(gb, ['--oformat', 'binary'])).status, 0);
        assert.is(ccLd(args(mb, ['--oformat', 'binary'])).code, 0);
        assert.ok(Buffer.from(fs.readFileSync(mb)).equals(fs.readFileSync(gb)), 'binary image differs');
      }
    }
  }
}

test.run();
