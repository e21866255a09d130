// Relocation types and addends of symbolic operands against GNU as (readelf -r), x86-64 and i386.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { encode, Mode } from '../../targets/x86/encode';
import { parseInstruction } from '../../targets/x86/syntax';
import * as R from '../../targets/x86/relocs';

const NAMES = new Map<string, number>();
for (const [k, v] of Object.entries(R)) if (typeof v === 'number') NAMES.set(k, v);

const L64 = [
  'call foo', 'jmp foo', 'je foo', 'call foo@PLT', 'jmp *foo@GOTPCREL(%rip)', 'call *foo@GOTPCREL(%rip)',
  'mov foo@GOTPCREL(%rip),%rax', 'mov foo@GOTPCREL(%rip),%eax', 'add foo@GOTPCREL(%rip),%rax', 'test %rax,foo@GOTPCREL(%rip)',
  'lea foo@GOTPCREL(%rip),%rax', 'mov foo@GOTPCREL(%rip),%r9d', 'mov $foo,%eax', 'mov $foo,%rax', 'movabs $foo,%rax', 'mov foo,%eax',
  'mov foo+8(%rip),%eax', 'pushq $foo', 'movl $5,foo(%rip)', 'cmpb $1,foo-3(%rip)', 'mov %fs:foo@TPOFF,%rax', 'movq $foo@TPOFF,%rax',
  'mov foo@GOTTPOFF(%rip),%rax', 'lea foo@TLSGD(%rip),%rdi', 'lea foo@TLSLD(%rip),%rdi', 'lea foo@DTPOFF(%rax),%rdi',
  'movabs $foo@GOTOFF,%rax', 'mov foo(,%rax,8),%ecx', 'movb $foo,%al', 'movw $foo,%ax', 'shl $foo,%eax', 'loop foo', 'jrcxz foo',
  'mov foo(%eax),%ecx', 'movabs foo,%eax',
];
const L32 = [
  'call foo', 'jmp foo', 'je foo', 'call foo@PLT', 'mov foo@GOT(%ebx),%eax', 'call *foo@GOT(%ebx)', 'lea foo@GOT(%ebx),%eax',
  'lea foo@GOTOFF(%ebx),%eax', 'mov %gs:foo@NTPOFF,%eax', 'mov foo@GOTNTPOFF(%ebx),%eax', 'mov foo@INDNTPOFF,%eax',
  'lea foo@TLSGD(,%ebx,1),%eax', 'lea foo@TLSLDM(%ebx),%eax', 'lea foo@DTPOFF(%eax),%eax', 'mov $foo@TPOFF,%eax',
  'mov $foo,%eax', 'mov foo,%eax', 'movw $foo,%ax', 'pushl $foo', 'ljmp $0x10,$foo',
];

function gasRelocs(lines: string[], mode: Mode): Map<number, string[]> {
  const dir = '/tmp/h-x86/relocs';
  fs.mkdirSync(dir, { recursive: true });
  const src = lines.map((l, i) => `x${i}: ${l}`).join('\n') + '\nx_end:\n';
  fs.writeFileSync(`${dir}/r${mode}.s`, src);
  execFileSync('as', [mode === 64 ? '--64' : '--32', '-o', `${dir}/r${mode}.o`, `${dir}/r${mode}.s`]);
  const nm = execFileSync('nm', ['-n', `${dir}/r${mode}.o`], { encoding: 'utf8' });
  const starts: number[] = [];
  for (const l of nm.split('\n')) {
    const m = /^([0-9a-f]+) t x(\d+)$/.exec(l);
    if (m) starts[+m[2]] = parseInt(m[1], 16);
  }
  const rel = execFileSync('readelf', ['-rW', `${dir}/r${mode}.o`], { encoding: 'utf8' });
  const out = new Map<number, string[]>();
  for (const l of rel.split('\n')) {
    const m = /^([0-9a-f]+)\s+[0-9a-f]+\s+(R_\S+)\s+[0-9a-f]+\s+(\S+)(?:\s+([-+])\s+([0-9a-f]+))?/.exec(l);
    if (!m) continue;
    const off = parseInt(m[1], 16);
    let idx = 0;
    while (idx + 1 < starts.length && starts[idx + 1] <= off) idx++;
    const addend = m[4] ? (m[4] === '-' ? '-' : '') + BigInt('0x' + m[5]).toString() : '';
    const s = `${off - starts[idx]} ${m[2]} ${m[3]}${mode === 64 ? ' ' + (addend === '-0' ? '0' : addend) : ''}`;
    if (!out.has(idx)) out.set(idx, []);
    out.get(idx)!.push(s);
  }
  return out;
}

test('relocations agree with GNU as', () => {
  let bad = 0;
  for (const [mode, lines] of [[64, L64], [32, L32]] as [Mode, string[]][]) {
    const gas = gasRelocs(lines, mode);
    let ok = 0;
    lines.forEach((l, i) => {
      const enc = encode(parseInstruction(l), mode);
      const mine = enc.fixups.map((f) => {
        const t = mode === 64 ? R.x86_64RelocType(f, false) : R.i386RelocType(f);
        const name = [...NAMES].find(([k, v]) => v === t && k.startsWith(mode === 64 ? 'R_X86_64_' : 'R_386_'))![0];
        return `${f.offset} ${name} ${f.expr.sym}${mode === 64 ? ' ' + f.expr.addend.toString() : ''}`;
      });
      const theirs = gas.get(i) ?? [];
      if (mine.join(';') === theirs.join(';')) ok++;
      else { bad++; console.log(`${mode}|${l}|ours ${mine.join(';')} gas ${theirs.join(';')}`); }
    });
    console.log(`mode ${mode}: ${ok}/${lines.length} relocations agree with GNU as`);
  }
  assert.is(bad, 0);
});

test.run();
