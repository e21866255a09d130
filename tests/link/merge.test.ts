// SHF_MERGE sections (link/merge.ts) against GNU ld: the merged bytes of .rodata/.data/.comment/
// .text, every symbol's value and the linker's messages must be the same. Hand-written cases cover
// each rule of BFD's merge.c (per-section pieces, alignment by offset, the one empty string of a zero
// run, a piece moving to a better aligned copy, tail merging, constants, sections with relocations,
// unterminated strings, offsets past the end, i386 REL addends, local labels left out of .symtab);
// random cases mix them; a gcc-compiled program must print the same and have GNU's .rodata.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { readElf, readSymbols, sectionData } from '../../elf/read-elf';
import { SHT_SYMTAB, STT_FILE } from '../../elf/constants';
import { mulberry32 } from '../fuzz/mutate';
import { ccLd, gccStaticArgs, requireTools, run, sh, tmpdir } from './util';

requireTools('as', 'ld', 'gcc');
const dir = tmpdir('merge');

/** Assemble sources (name -> text) and return the object paths in order. */
function objects(srcs: Record<string, string>, bits: 32 | 64): string[] {
  return Object.entries(srcs).map(([name, text]) => {
    const s = path.join(dir, `${name}.s`);
    const o = path.join(dir, `${name}.o`);
    fs.writeFileSync(s, text);
    sh('as', [bits === 32 ? '--32' : '--64', '-o', o, s]);
    return o;
  });
}

/** What is compared: section bytes by name, symbol name+type -> value, messages. */
function summary(exe: string): { secs: Map<string, string>; syms: string[] } {
  const elf = readElf(new Uint8Array(fs.readFileSync(exe)), exe);
  const secs = new Map<string, string>();
  for (const s of elf.sections) {
    if (['.rodata', '.data', '.comment', '.text'].includes(s.nameStr)) secs.set(s.nameStr, `${s.addr.toString(16)}:${Buffer.from(sectionData(elf, s)).toString('hex')}`);
  }
  const syms: string[] = [];
  for (const s of elf.sections) {
    if (s.type !== SHT_SYMTAB) continue;
    for (const y of readSymbols(elf, s.index)) if (y.name && y.type !== STT_FILE) syms.push(`${y.name} ${y.binding} ${y.value.toString(16)}`);
  }
  return { secs, syms: syms.sort() };
}

function compareWithGnu(tag: string, objs: string[], emu = 'elf_x86_64'): void {
  const gnu = path.join(dir, `${tag}.gnu`);
  const mine = path.join(dir, `${tag}.cc`);
  const g = sh('sh', ['-c', `ld -m ${emu} -e 0 -o ${gnu} ${objs.join(' ')} 2>&1`]);
  const r = ccLd(['-m', emu, '-e', '0', '-o', mine, ...objs]);
  assert.is(r.code, 0, r.err);
  const a = summary(gnu);
  const b = summary(mine);
  for (const [name, bytes] of a.secs) assert.is(b.secs.get(name), bytes, `${tag}: section ${name}`);
  assert.equal(b.syms, a.syms, `${tag}: symbols`);
  const msgs = (s: string, prog: string): string[] => s.split('\n').filter((l) => l).map((l) => l.replace(`${prog}: `, ''));
  assert.equal(msgs(r.err, 'cc-ts ld'), msgs(g, 'ld'), `${tag}: messages`);
}

const STR = (align: number, entsize = 1): string => `\t.section .rodata.str${entsize}.${align},"aMS",@progbits,${entsize}\n\t.balign ${align}\n`;

test('strings merge across objects, each object keeping the ones it brought first; tail merging; .comment', () => {
  compareWithGnu('basic', objects({
    b1: `${STR(1)}\t.string "x"\n\t.string "merge-named"\n\t.string "lobal"\n\t.section .comment,"MS",@progbits,1\n\t.string "GCC: same"\n`,
    b2: `${STR(1)}.Lm:\t.string "merge-dotL"\nnamed:\t.string "merge-named"\n\t.globl gm\ngm:\t.string "merge-global"\n` +
      `\t.section .rodata,"a"\n\t.string "plain"\n\t.text\n\t.globl _start\n_start:\n\tlea .Lm(%rip), %rax\n\tlea named(%rip), %rax\n\tlea gm(%rip), %rax\n\tret\n`,
    b3: `\t.section .comment,"MS",@progbits,1\n\t.string "GCC: same"\n\t.string "other"\n`,
  }, 64));
});

test('alignment by offset, one empty string per zero run, last section padding, better-aligned copies', () => {
  compareWithGnu('align', objects({
    a1: `${STR(4)}\t.string "ab"\n\t.byte 0,0,0,0,0\n\t.string "cd"\n\t.byte 0\n\t.string "ab"\n`,
    a2: `${STR(4)}\t.string "zz"\n\t.string "abc"\n\t.globl a5sym\n\t.set a5sym, .rodata.str1.4+3\n`,
    a3: `${STR(4)}\t.string "abc"\n\t.string "abc"\n\t.data\n\t.quad .rodata.str1.4, .rodata.str1.4+2, a5sym\n`,
    a4: `${STR(8)}\t.string "abcdefgh"\n\t.string "xyz"\n\t.balign 8\n\t.string "yz"\n\t.string "efgh"\n\t.data\n\t.quad .rodata.str1.8+9, .rodata.str1.8+16, .rodata.str1.8+19, .rodata.str1.8+3\n`,
  }, 64));
});

test('constants (cst4, cst8, cst16), wide strings, sections with relocations are not merged', () => {
  compareWithGnu('const', objects({
    c1: `\t.section .rodata.cst8,"aM",@progbits,8\n\t.balign 8\n\t.quad 7, 8, 7\n\t.section .rodata.cst4,"aM",@progbits,4\n\t.balign 4\n\t.long 1, 2, 1\n` +
      `\t.section .rodata.cst16,"aM",@progbits,16\n\t.balign 16\n\t.quad 5, 6\n${STR(2, 2)}\t.short 65, 66, 0, 66, 0\n` +
      `${STR(1)}\t.string "withreloc"\n\t.quad x\n\t.data\nx:\t.quad .rodata.cst8+16, .rodata.cst4+8, .rodata.str2.2+6\n`,
    c2: `\t.section .rodata.cst8,"aM",@progbits,8\n\t.balign 8\n\t.quad 8, 9\n\t.section .rodata.cst4,"aM",@progbits,4\n\t.balign 4\n\t.long 2\n` +
      `${STR(2, 2)}\t.short 66, 0\n${STR(1)}\t.string "withreloc"\n`,
  }, 64));
});

test('unterminated last string, offsets at and past the end (GNU message), section-symbol addends', () => {
  compareWithGnu('ends', objects({
    f1: `${STR(1)}\t.string "hello"\n\t.ascii "wor"\n\t.data\n\t.quad .rodata.str1.1+6, .rodata.str1.1+9, .rodata.str1.1+12\n` +
      `\t.text\n\t.globl _start\n_start:\n\tlea .rodata.str1.1+4(%rip), %rax\n\tlea .rodata.str1.1+5(%rip), %rbx\n\tmovabs $.rodata.str1.1+4, %rcx\n\tret\n`,
    f2: `${STR(1)}\t.string "zzzzzzzzzzzz"\n\t.string "wor"\n\t.string "hello"\n`,
  }, 64));
});

test('i386 REL: PC-relative section-symbol addends are looked up with the field size added', () => {
  compareWithGnu('i386', objects({
    i2: `${STR(1)}\t.string "zzzzzzzzzzzz"\n\t.string "hello"\n\t.string "q"\n\t.string "abc"\n`,
    i1: `${STR(1)}\t.string "abc"\n\t.string "hello"\n\t.text\n\t.globl _start\n_start:\n\tcall 1f\n1:\tmovl $.rodata.str1.1+4, %eax\n` +
      `\t.byte 0xe8\n\t.long .rodata.str1.1+4-.-4\n\t.byte 0xe8\n\t.long .rodata.str1.1+1-.-4\n\tret\n`,
  }, 32), 'elf_i386');
});

test('local labels in merge sections are left out of .symtab, other locals stay', () => {
  const objs = objects({
    l1: `${STR(1)}.Lone:\t.string "1"\n..two:\t.string "2"\n_.L_three:\t.string "3"\n.X.four:\t.string "4"\nLfive:\t.string "5"\nsix:\t.string "6"\n` +
      `\t.section .rodata,"a"\n.Leight:\t.string "8"\n\t.text\n\t.globl _start\n_start:\n\tlea .Lone(%rip), %rax\n\tlea ..two(%rip), %rax\n` +
      `\tlea _.L_three(%rip), %rax\n\tlea .X.four(%rip), %rax\n\tlea Lfive(%rip), %rax\n\tlea six(%rip), %rax\n\tlea .Leight(%rip), %rax\n\tret\n`,
  }, 64);
  const keep = path.join(dir, 'l1k.o');
  sh('as', ['--64', '-L', '-o', keep, path.join(dir, 'l1.s')]);
  compareWithGnu('labels', [keep]);
  const names = summary(path.join(dir, 'labels.cc')).syms.map((s) => s.split(' ')[0]);
  assert.ok(names.includes('.Leight') && names.includes('six') && !names.includes('.Lone'));
  void objs;
});

/** A random merge section: strings from a small alphabet (so duplicates and tails are common). */
function randomObject(rnd: () => number, i: number): string {
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const words = ['a', 'b', 'ab', 'ba', 'aab', 'bab', 'abab', 'xab', 'yab', 'zzab', ''];
  let text = '';
  const labels: string[] = [];
  for (let s = 0; s < 3; s++) {
    const align = pick([1, 1, 2, 4, 8, 16]);
    const es = pick([1, 1, 1, 2, 4].filter((e) => e <= align || (e & (e - 1)) === 0));
    text += `${STR(align, es)}`;
    const sec = `.rodata.str${es}.${align}`;
    for (let k = 0, n = 1 + Math.floor(rnd() * 8); k < n; k++) {
      const w = pick(words);
      if (rnd() < 0.3) text += `\t.balign ${pick([1, 2, 4, 8, 16])}\n`;
      if (rnd() < 0.3) { const l = `L${i}_${s}_${k}`; labels.push(l); text += `${l}:\n`; }
      const units = [...w].map((c) => c.charCodeAt(0));
      const dir = es === 1 ? '.byte' : es === 2 ? '.short' : '.long';
      text += `\t${dir} ${[...units, 0].join(', ')}\n`;
      if (rnd() < 0.2) text += `\t${dir} 0\n`;
    }
    text += `\t.data\n\t.quad ${sec}+${Math.floor(rnd() * 6)}\n`;
  }
  const cst = pick([4, 8, 16]);
  text += `\t.section .rodata.cst${cst},"aM",@progbits,${cst}\n\t.balign ${cst}\n`;
  for (let k = 0, n = 1 + Math.floor(rnd() * 4); k < n; k++) text += `\t.quad ${Math.floor(rnd() * 3)}${cst === 16 ? `, ${Math.floor(rnd() * 2)}` : ''}\n`;
  if (cst === 4) text = text.replace(/\.rodata\.cst4,"aM",@progbits,4\n\t\.balign 4\n((\t\.quad \d+\n)+)/, (_m, q: string) => `.rodata.cst4,"aM",@progbits,4\n\t.balign 4\n${q.replace(/\.quad/g, '.long')}`);
  text += `\t.data\n\t.quad .rodata.cst${cst}+${cst * Math.floor(rnd() * 2)}\n`;
  for (const l of labels) text += `\t.quad ${l}\n`;
  if (i === 0) text += `\t.text\n\t.globl _start\n_start:\tret\n`;
  return text;
}

test('40 random links of merge sections give GNU ld\'s bytes and symbols', () => {
  const rnd = mulberry32(20250531);
  for (let c = 0; c < 40; c++) {
    const srcs: Record<string, string> = {};
    for (let i = 0, n = 1 + Math.floor(rnd() * 3); i < n; i++) srcs[`r${c}_${i}`] = randomObject(rnd, i);
    compareWithGnu(`rand${c}`, objects(srcs, 64));
  }
});

test('a gcc-compiled program sharing strings across files: same output, GNU ld\'s .rodata', () => {
  const a = path.join(dir, 'pa.c');
  const b = path.join(dir, 'pb.c');
  fs.writeFileSync(a, '#include <stdio.h>\nvoid f(void);\nconst char *p = "hello world";\nint main(void) { puts("hello world"); puts("world"); puts(p + 6); f(); printf("%s|%s\\n", p, "orld"); return 0; }\n');
  fs.writeFileSync(b, '#include <stdio.h>\nvoid f(void) { puts("world"); puts("other"); printf("%.2f %.3f\\n", 2.5, 0.125); }\n');
  const objs = [a, b].map((c) => { const o = c.replace(/\.c$/, '.o'); sh('gcc', ['-c', '-O2', '-g', '-o', o, c]); return o; });
  const gnu = path.join(dir, 'prog.gnu');
  sh('gcc', ['-static', '-o', gnu, ...objs]);
  const mine = path.join(dir, 'prog.cc');
  const r = ccLd(gccStaticArgs(objs, mine));
  assert.is(r.code, 0, r.err);
  assert.is(run(mine).out, run(gnu).out);
  const rodata = (f: string): string => /\.rodata\s+PROGBITS\s+\S+\s+\S+\s+(\S+)/.exec(sh('readelf', ['-SW', f]))![1];
  assert.is(rodata(mine), rodata(gnu));
  // debug strings are merged too (.debug_info refers to them through section symbol + addend), and
  // the output keeps SHF_MERGE|SHF_STRINGS and the entry size when every input has them
  const names = (f: string): string => sh('readelf', ['--debug-dump=info', f]).split('\n').filter((l) => /DW_AT_(name|producer|comp_dir)/.test(l)).map((l) => l.replace(/^.*<[0-9a-f]+>\s+/, '')).join('\n');
  assert.is(names(mine), names(gnu), 'strings .debug_info refers to');
  for (const sec of ['.debug_str', '.comment']) {
    const bytes = (f: string): string => { const e = readElf(new Uint8Array(fs.readFileSync(f)), f); const x = e.sections.find((y) => y.nameStr === sec)!; return Buffer.from(sectionData(e, x)).toString('hex'); };
    assert.is(bytes(mine), bytes(gnu), sec);
  }
  for (const sec of ['.debug_str', '.debug_info', '.comment']) {
    const hdr = (f: string): string => new RegExp(`\\${sec}\\s+PROGBITS\\s+\\S+\\s+\\S+\\s+\\S+\\s+(\\S+\\s+\\S*)`).exec(sh('readelf', ['-SW', f]))![1];
    assert.is(hdr(mine), hdr(gnu), `${sec} entsize and flags`);
  }
});

test('-M: merged string sections and edited .eh_frame show their size before, as GNU ld\'s map does', () => {
  const src = (n: number, other: string): string => `const char *f${n}(void) { return "hello world"; }\nconst char *g${n}(void) { return "${other}"; }\n`;
  const objs = [src(1, 'world'), src(2, 'other') + 'int main(void) { return 0; }\n'].map((text, i) => {
    const c = path.join(dir, `map${i}.c`);
    fs.writeFileSync(c, text);
    const o = path.join(dir, `map${i}.o`);
    sh('gcc', ['-O2', '-c', '-o', o, c]);
    return o;
  });
  // (input section, address, size, size before) for every entry GNU ld marks
  const marked = (map: string): string[] => {
    const out: string[] = [];
    const lines = map.split('\n');
    for (let i = 1; i < lines.length; i++) {
      const m = /^\s+(0x[0-9a-f]+) \(size before relaxing\)/.exec(lines[i]);
      if (!m) continue;
      let j = i - 1;
      while (j > 0 && !/^ \.\S+/.test(lines[j])) j--;
      const f = (lines[j] + ' ' + (j + 1 < i ? lines[j + 1] : '')).trim().split(/\s+/);
      out.push(`${f[0]} ${BigInt(f[1])} ${BigInt(f[2])} ${f[3]} ${BigInt(m[1])}`);
    }
    return out;
  };
  const gnu = sh('ld', ['-static', '-e', 'main', '-M', '-o', path.join(dir, 'map.gnu'), ...objs]);
  const mineMap = path.join(dir, 'map.cc.map');
  const r = ccLd(['-static', '-e', 'main', '-Map', mineMap, '-o', path.join(dir, 'map.cc'), ...objs]);
  assert.is(r.code, 0, r.err);
  const want = marked(gnu);
  assert.is(want.length, 4); // two .rodata.str1.1, the second .eh_frame, the first .comment
  assert.equal(marked(fs.readFileSync(mineMap, 'utf8')), want);
});

test.run();
