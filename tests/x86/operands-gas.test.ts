// Hand-picked operand variations (immediate boundaries, every addressing form, prefixes, segment
// overrides, mixed address sizes, bare mnemonics) parsed from text and encoded, against GNU as.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gasAssemble, hex } from './corpus';
import { encode, Mode } from '../../targets/x86/encode';
import { parseInstruction } from '../../targets/x86/syntax';

const IMMS = ['0', '1', '-1', '127', '128', '-128', '-129', '255', '256', '0x7fff', '0x8000', '0xffff', '-32768', '0x7fffffff', '-0x80000000'];

function lines(mode: Mode): string[] {
  const r = mode === 64 ? ['rax', 'rcx', 'rsp', 'rbp', 'r12', 'r13', 'r8'] : ['eax', 'ecx', 'esp', 'ebp', 'esi', 'edi'];
  const out: string[] = [];
  for (const op of ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp', 'mov', 'test']) {
    for (const v of IMMS) {
      out.push(`${op}l $${v},%eax`, `${op}l $${v},%ecx`, `${op}w $${v === '0x7fffffff' || v === '-0x80000000' ? '1' : v},%ax`, `${op}l $${v},(%${r[1]})`);
      if (mode === 64) out.push(`${op}q $${v},%rax`, `${op}q $${v},%r9`);
    }
    for (const v of ['0', '1', '-1', '127', '255', '-128']) out.push(`${op}b $${v},%al`, `${op}b $${v},%dl`, `${op}b $${v},(%${r[0]})`);
  }
  for (const v of ['1', '-1', '127', '128', mode === 16 ? '0x1234' : '0x12345678']) out.push(`push $${v}`, `pushw $${v === '0x12345678' ? '0x1234' : v}`);
  for (const v of ['0', '1', '-1', '0x7fffffff', '0xffffffff']) out.push(`mov $${v},%eax`);
  if (mode === 64) for (const v of ['0', '-1', '0x7fffffff', '0x80000000', '0xffffffff', '-0x80000000', '0x100000000']) out.push(`mov $${v},%rax`, `movq $${v},%r11`);
  // addressing forms
  const base = r;
  const disps = ['', '0', '1', '-1', '127', '128', '-128', '-129', '0x12345678'];
  for (const b of base) {
    for (const d of disps) {
      out.push(`mov ${d}(%${b}),%ecx`);
      if (b !== r[2]) out.push(`mov ${d}(%${r[0]},%${b},2),%ecx`, `lea ${d}(,%${b},8),%ecx`);
    }
  }
  out.push('mov 0x1234,%eax', 'mov 0x1234,%ecx', 'mov %eax,0x1234', 'mov %fs:0,%eax', 'mov %gs:0x10,%ecx', 'mov %es:(%' + r[0] + '),%eax',
    'mov %cs:4(%' + r[1] + '),%al', 'movb $1,%ss:(%' + r[3] + ')');
  if (mode === 64) {
    out.push('mov 0x10(%rip),%eax', 'mov -4(%rip),%rcx', 'mov 0(%eip),%eax', 'mov (%eax),%r9', 'mov 8(%r8d,%r9d,2),%eax', 'lea (%rip),%rax', 'mov %fs:0,%rax',
      'movq %fs:0x28,%rax', 'mov %ds:(%rax),%eax', 'mov %ss:(%rsp),%eax', 'mov %ss:(%r12),%eax', 'mov %ss:(%r13),%eax', 'mov %ds:(%rbp),%eax', 'mov %ss:(%rip),%eax', 'mov %ds:4(,%rbp,2),%eax', 'lgdt (%rax)', 'lgdtq (%rax)', 'sidt (%rax)', 'push %fs', 'pushw %gs', 'popq %fs', 'mov %al,%sil', 'mov %spl,%r8b', 'movzbl %sil,%eax', 'movsbq %dil,%r15', 'addr32 mov (%rax),%eax');
  } else {
    out.push('mov (%bx,%si),%ax', 'mov 4(%bp),%ax', 'mov (%bp,%di),%ax', 'mov 0x300(%bx),%ax', 'mov 4(%di),%eax');
  }
  // prefixes and special forms
  out.push('lock addl $1,(%' + r[0] + ')', 'lock cmpxchgl %ecx,(%' + r[0] + ')', 'lock xaddw %cx,(%' + r[0] + ')', 'rep movsb', 'rep stosl', 'repne scasb', 'rep ret',
    'lock incl (%' + r[0] + ')', 'xchg %eax,%ecx', 'xchg %ecx,%eax', 'xchg %ax,%ax', 'xchg %eax,%eax', 'shl %eax', 'shl $1,%eax', 'sar $1,%cl',
    'imul $3,%eax', 'imul $300,%ecx', 'imul $3,%ecx,%edx', 'test %eax,%ecx', 'test (%' + r[0] + '),%ecx', 'test %ecx,(%' + r[0] + ')', 'in $0x60,%al', 'out %al,$0x80', 'inb %dx,%al', 'outw %ax,%dx',
    'in (%dx),%al', 'movzbl (%' + r[0] + '),%ecx', 'movzwl %ax,%ecx', 'movsbw %al,%cx', 'cltd', 'cwtl', 'cbtw', 'movl %ds,%eax', 'mov %ds,%ax', 'mov %eax,%ds', 'movw %ax,%es',
    'push %fs', 'pop %gs', 'pushf', 'popf', 'ret', 'ret $8', 'lret', 'iret', 'leave', 'enter $8,$0', 'int $0x80', 'int3', 'hlt', 'nopl 0(%' + r[0] + ',%' + r[0] + ',1)',
    'nopw 0(%' + r[0] + ',%' + r[0] + ',1)', 'fld %st(1)', 'fadd %st(2),%st', 'fadd %st,%st(2)', 'fsub %st,%st(3)', 'fsubr %st,%st(3)', 'fsubp', 'fdivrp %st,%st(1)',
    'fdivp', 'fucomip %st(1),%st', 'fistpll (%' + r[0] + ')', 'fildq (%' + r[0] + ')', 'flds (%' + r[0] + ')', 'fldt (%' + r[0] + ')', 'fnstcw (%' + r[0] + ')', 'fstcw (%' + r[0] + ')',
    'fstcw %fs:(%' + r[0] + ')', 'cvtsi2sdl %eax,%xmm1', 'cvtsi2sd %eax,%xmm1', 'cvttsd2si %xmm0,%eax', 'pxor %xmm0,%xmm0', 'movq %xmm1,%xmm2', 'movd %eax,%xmm0', 'movss (%' + r[0] + '),%xmm0',
    'movq (%' + r[0] + '),%xmm0', 'movq %xmm0,(%' + r[0] + ')', 'popcnt %eax,%ecx', 'popcntw %ax,%cx', 'crc32b %al,%ecx', 'crc32l %eax,%ecx', 'bswap %eax',
    'jmp *%' + r[0], 'jmp *(%' + r[0] + ')', 'call *%' + r[1], 'call *8(%' + r[1] + ')', 'ljmp $0x10,$0x1000', 'lcall $0x18,$0x2000', 'ljmp *(%' + r[0] + ')', 'lgdt (%' + r[0] + ')', 'lidt 6(%' + r[0] + ')',
    'mov %cr0,%' + r[0], 'mov %' + r[0] + ',%cr3', 'mov %db7,%' + r[1], 'ltr %ax', 'lldt %cx', 'str %eax', 'sldt (%' + r[0] + ')', 'invlpg (%' + r[0] + ')',
    'wrmsr', 'rdmsr', 'cpuid', 'rdtsc', 'rdtscp', 'cli', 'sti', 'clts', 'wbinvd', 'xsave (%' + r[0] + ')', 'xrstor (%' + r[0] + ')', 'cmpxchg8b (%' + r[0] + ')', 'sysenter',
    'shld $3,%eax,%ecx', 'shrd %cl,%eax,%ecx', 'bt $3,%eax', 'btsl $3,(%' + r[0] + ')', 'setne %al', 'sete (%' + r[0] + ')', 'cmovge %eax,%ecx', 'cmpeqps %xmm1,%xmm2', 'pclmullqhqdq %xmm1,%xmm2',
    'andn %eax,%ecx,%edx', 'shlx %eax,%ecx,%edx', 'rorx $3,%eax,%ecx', 'blsr %eax,%ecx', 'bextr %eax,(%' + r[0] + '),%ecx');
  if (mode === 64) {
    out.push('cltq', 'cqto', 'movslq %eax,%rcx', 'movabs $0x123456789,%rax', 'movabs 0x1234,%eax', 'movabs %al,0x1234', 'iretq', 'lretq', 'sysretq', 'sysret', 'swapgs',
      'cmpxchg16b (%rax)', 'xsave64 (%rax)', 'mov %cr8,%rax', 'mov %rax,%cr8', 'pushq $1', 'pushq (%rax)', 'popq %r12', 'push %r12', 'jmpq *%rax', 'callq *(%rax)',
      'movq %rax,%xmm0', 'movq %xmm0,%rax', 'movd %rax,%xmm0', 'cvtsi2sdq %rax,%xmm1', 'cvttsd2siq %xmm0,%rax', 'cvtsi2ssq (%rax),%xmm1', 'pextrq $1,%xmm0,%rax', 'pinsrq $1,%rax,%xmm8',
      'xchg %rax,%rax', 'xchg %r8,%rax', 'xchg %eax,%r8d', 'movzbl %ah,%eax', 'andn %rax,%r9,%r10', 'mulx (%r8),%rax,%rcx', 'movaps %xmm8,%xmm0', 'addsd %xmm8,%xmm15',
      'invpcid (%rax),%rcx', 'rdfsbase %rax', 'wrgsbase %r9', 'rdpid %rax', 'rdrand %r9', 'mov %ss,%r9', 'mov %r9,%ds');
  }
  if (mode === 16) out.push('ret', 'retl', 'lret', 'lretl', 'iret', 'iretl', 'pushw $1', 'pushl $1', 'push $0x1234', 'pushal', 'popa', 'pushw %ds', 'pushl %fs', 'push %es', 'lgdtw (%si)', 'call *%ax', 'jmp *%ax', 'jmpl *%eax', 'data32 call *%ax', 'movl %cr0,%eax', 'lgdtl (%eax)', 'lgdt (%si)');
  if (mode === 32) out.push('pusha', 'popal', 'pushw %ds', 'into', 'aam', 'aad $10', 'daa', 'lds (%eax),%ecx', 'bound'.length ? 'arpl %ax,%cx' : '', 'jmp *%ax', 'lcall *(%eax)', 'addr16 lea (%bx,%si),%eax');
  return out.filter((x) => x);
}

test('operand variations agree with GNU as', () => {
  let bad = 0;
  for (const mode of [64, 32, 16] as Mode[]) {
    const ls = lines(mode);
    const gas = gasAssemble(ls, mode, '/tmp/h-x86/operands');
    let ok = 0;
    for (let i = 0; i < ls.length; i++) {
      let mine: string;
      try {
        const enc = encode(parseInstruction(ls[i]), mode);
        mine = hex(enc.bytes);
      } catch (e) {
        mine = 'error: ' + (e as Error).message;
      }
      const theirs = gas.bytes[i] ? hex(gas.bytes[i]) : 'error: ' + gas.errors.get(i);
      if (mine === theirs || (mine.startsWith('error') && theirs.startsWith('error'))) ok++;
      else {
        bad++;
        console.log(`${mode}|${ls[i]}|ours ${mine} gas ${theirs}`);
      }
    }
    console.log(`mode ${mode}: ${ok}/${ls.length} operand variations agree with GNU as`);
  }
  assert.is(bad, 0);
});

test.run();
