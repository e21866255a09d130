// Predefined macros: cc-ts -dM against gcc 12 -dM -E for each target, -std, -O level and the other
// options that change them. Intended differences are listed in predefined-differences.txt.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { runPP, gccE, haveTool, GCC } from './util';
import { Arch } from '../../targets/layout';
import { PPOptions } from '../../src/pp/preprocess';

const diffFile = path.join(__dirname, '../../../tests/pp/predefined-differences.txt');
const srcDiff = fs.existsSync(diffFile) ? diffFile : path.join(process.cwd(), 'tests/pp/predefined-differences.txt');
const ignored: string[] = fs.readFileSync(srcDiff, 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split(' : ')[0].trim());
const isIgnored = (name: string) => ignored.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));

function parse(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split('\n')) {
    const r = /^#define (\S+)(?: (.*))?$/.exec(line);
    if (r && !isIgnored(r[1].replace(/\(.*/, ''))) m.set(r[1], r[2] ?? '');
  }
  return m;
}

function compare(arch: Arch, gccArgs: string[], o: Partial<PPOptions>): void {
  const empty = '/tmp/cc-ts-pp-empty.c';
  fs.writeFileSync(empty, '');
  const ours = parse(runPP(empty, { arch, dM: true, ...o }).out);
  const theirs = parse(gccE(arch, ['-dM', '-E', ...gccArgs, empty]));
  const problems: string[] = [];
  for (const [k, v] of theirs) {
    if (!ours.has(k)) problems.push(`missing ${k} ${v}`);
    else if (ours.get(k) !== v) problems.push(`${k}: cc-ts "${ours.get(k)}" gcc "${v}"`);
  }
  for (const k of ours.keys()) if (!theirs.has(k)) problems.push(`extra ${k} ${ours.get(k)}`);
  assert.equal(problems, [], `${arch} ${gccArgs.join(' ')}`);
}

const archs = Object.keys(GCC) as Arch[];
for (const arch of archs) {
  test(`-dM matches gcc for ${arch}`, () => {
    if (!haveTool(GCC[arch][0])) assert.unreachable(`${GCC[arch][0]} is not installed (CI installs it)`);
    compare(arch, [], {});
  });
}

const VARIANTS: [string[], Partial<PPOptions>][] = [
  [['-std=c89'], { std: 'c89' }], [['-std=gnu89'], { std: 'gnu89' }], [['-std=c99'], { std: 'c99' }],
  [['-std=gnu99'], { std: 'gnu99' }], [['-std=c11'], { std: 'c11' }], [['-std=c17'], { std: 'c17' }],
  [['-std=c2x'], { std: 'c2x' }], [['-std=gnu2x'], { std: 'gnu2x' }],
  [['-O2'], { optimize: '2' }], [['-Os'], { optimize: 's' }], [['-ffreestanding'], { freestanding: true }],
  [['-fPIC'], { pic: 2 }], [['-fpic'], { pic: 1 }], [['-fPIE'], { pie: 2 }], [['-pthread'], { pthread: true }],
  [['-x', 'assembler-with-cpp'], { asm: true }], [['-std=c99', '-x', 'assembler-with-cpp'], { std: 'c99', asm: true }],
];
for (const arch of ['x86_64', 'aarch64'] as Arch[]) {
  for (const [args, o] of VARIANTS) {
    test(`-dM matches gcc for ${arch} ${args.join(' ')}`, () => {
      if (!haveTool(GCC[arch][0])) assert.unreachable(`${GCC[arch][0]} is not installed`);
      compare(arch, args, o);
    });
  }
}

// -mcmodel= (and -fpic on RISC-V) name the code model
const CMODELS: [Arch, string[], Partial<PPOptions>][] = [
  ['x86_64', ['-mcmodel=kernel'], { cmodel: 'kernel' }], ['x86_64', ['-mcmodel=large'], { cmodel: 'large' }],
  ['aarch64', ['-mcmodel=tiny'], { cmodel: 'tiny' }], ['aarch64', ['-mcmodel=large'], { cmodel: 'large' }],
  ['riscv64', ['-mcmodel=medany'], { cmodel: 'medany' }], ['riscv64', ['-fpic'], { pic: 1 }], ['riscv64', ['-fPIE'], { pie: 2 }],
];
for (const [arch, args, o] of CMODELS) {
  test(`-dM matches gcc for ${arch} ${args.join(' ')}`, () => {
    if (!haveTool(GCC[arch][0])) assert.unreachable(`${GCC[arch][0]} is not installed`);
    compare(arch, args, o);
  });
}

test.run();
