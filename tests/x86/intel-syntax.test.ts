// Intel syntax (`.intel_syntax noprefix`) hand cases through the whole assembler, against GNU as:
// operand forms, sizes, symbols and relocations, branches, string and x87 instructions, gcc
// -masm=intel idioms, switching back with `.att_syntax`; errors; no crash on mutated input.
// The table-wide corpus: intel-gas.test.ts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { ccAs, cleanup, compareAsm, gnuAs, requireTool } from '../asm/compare';
import { runFuzz } from '../asm/fuzz';
import { gccIntel, tortureFiles } from './intel-torture';

requireTool('as');
requireTool('objdump');

const same = (name: string, src: string, arch: 'x86_64' | 'i386' = 'x86_64') =>
  test(name, () => {
    const r = compareAsm('.intel_syntax noprefix\n' + src, arch);
    assert.ok(r.same, r.diff);
  });

same('memory operands and sizes', `
  mov eax, dword ptr [rax+rbx*4+8]
  mov ecx, [rsi + 4*rdx]
  mov ecx, [rsi + rdx*4 - 8]
  mov ecx, [4*rdx]
  mov eax, [rbx][rcx*2]
  mov eax, 16[rbp]
  mov eax, [-8 + rbp]
  mov eax, [rbp + -8]
  mov eax, [rbx + (2*8)]
  mov qword ptr [rax], 5
  mov byte ptr [rax], 5
  mov word ptr [rbx+8], 5
  add dword ptr [rax], 1
  test byte ptr [rax], 1
  nop dword ptr [rax+rax]
  inc qword ptr [rsp]
  movaps xmm0, xmmword ptr [rax]
  vmovaps ymm0, ymmword ptr [rax]
  movsd xmm0, qword ptr [rax]
  movss dword ptr [rdi], xmm1
  cvtsi2sd xmm0, dword ptr [rax]
  cvtsi2sd xmm0, qword ptr [rax]
  vcvtpd2ps xmm1, ymmword ptr [rax]
  vcvtpd2ps xmm1, xmmword ptr [rax]
  punpcklbw mm1, dword ptr [rax]
  mov eax, DWORD PTR [rbp-4]
  lea eax, [rax + rax*2]
  lea rax, qword ptr [rbx]
  mov eax, [ebx]
`);

same('registers give the size; immediates without $', `
  mov eax, 1
  mov eax, -1
  mov rax, 0x123456789
  movabs rax, 0x123456789abcdef0
  add rsp, 8
  imul eax, ebx, 10
  shl eax, 3
  shl eax, cl
  shl eax
  xchg eax, ebx
  in al, dx
  out dx, eax
  push 1
  push rax
  pop qword ptr [rax]
  ret
  ret 8
  retf
  int 3
  int 0x80
  enter 16, 0
  sete al
  cmovne eax, ebx
  lock cmpxchg qword ptr [rdi], rsi
  lock add dword ptr [rax], 1
  cwde
  cdqe
  cqo
  bswap eax
`);

same('movzx, movsx, movsxd', `
  movzx eax, byte ptr [rax]
  movzx eax, word ptr [rax]
  movzx rax, byte ptr [rax]
  movzx eax, al
  movzx ecx, dx
  movsx rax, byte ptr [rax]
  movsx rax, word ptr [rax]
  movsx eax, cl
  movsxd rax, dword ptr [rax]
  movsx rax, dword ptr [rax]
  movsx rax, eax
  movsxd rdx, ecx
`);

same('symbols: memory by default, offset for the address, rip-relative, segments', `
  .data
var: .long 1
  .text
  mov eax, offset sym
  mov eax, offset sym + 8
  mov eax, sym
  mov eax, dword ptr sym
  mov eax, var
  lea rax, [rip + sym]
  lea rax, [sym + rip]
  lea rax, sym[rip]
  lea rax, sym+8[rip]
  mov rax, qword ptr [rip + var]
  mov rax, qword ptr fs:[0x28]
  mov rax, fs:[0x28]
  mov rax, fs:0x28
  mov eax, gs:[rbx+4]
  mov rax, QWORD PTR sym@GOTPCREL[rip]
  call sym@PLT
  mov eax, DWORD PTR sym@GOTTPOFF[rip]
  .set N, 12
  mov eax, N
  mov eax, [rbx + N]
`);

same('call and jmp: direct, through registers and memory', `
f: call rax
  call qword ptr [rax]
  call [rax]
  call sym
  call f
  jmp rax
  jmp qword ptr [rip + sym]
  jmp sym
  jmp f
  jne f
  call [QWORD PTR [rax+rbx*8]]
  call [QWORD PTR 32[rdi]]
  jmp [QWORD PTR [rdx+rax*8]]
  loop f
  jrcxz f
`);

same('string instructions and rep', `
  rep movsb
  rep stosq
  rep movsd
  movsb
  movsd
  cmpsb
  scasw
  lodsd
  stosd
  repne scasb
  movs byte ptr [rdi], byte ptr [rsi]
  stos dword ptr [rdi]
  lods qword ptr [rsi]
  movsd xmm0, xmm1
  cmpsd xmm0, xmm1, 1
`);

same('x87: sizes, and fsub/fdiv forms under their Intel names', `
  fld tbyte ptr [rax]
  fld qword ptr [rax]
  fld dword ptr [rax]
  fild word ptr [rax]
  fild dword ptr [rax]
  fild qword ptr [rax]
  fistp qword ptr [rsp]
  fstp tbyte ptr [rdi]
  fld st(1)
  fadd st, st(1)
  fadd st(1), st
  fsub st(1), st
  fsub st, st(1)
  fsubr st(2), st
  fdivr st(3), st
  fdivr st, st(3)
  fsubp st(1), st
  fsubrp st(1), st
  fdivp st(1), st
  fdivrp st(2), st
  fsubp
  fdivp
  faddp
  fmulp st(2), st
  fxch st(3)
  fcomp st(2)
`);

same('32-bit: moffs, far pointers, gcc -m32 -masm=intel idioms', `
  mov al, [0x1234]
  mov eax, ds:0x1234
  jmp 0x10:0x1234
  call 0x10:0x1234
  ljmp 0x10, 0x1234
  jmp fword ptr [eax]
  call fword ptr [eax]
  lss esp, fword ptr [eax]
  lds ax, dword ptr [eax]
  mov eax, OFFSET FLAT:sym
  push OFFSET FLAT:sym
  push sym
  mov eax, [ebx+ecx*2+sym+4]
  mov [eax], es
  mov es, word ptr [eax]
  mov edx, DWORD PTR .L4@GOTOFF[ebx+eax*4]
  pushd 1
  pushw 1
  retw
  iretd
  .section .rodata
.L4:
  .long .L5@GOTOFF
  .text
.L5: ret
`, 'i386');

same('16-bit: dword ptr on jmp is a far jump', `
  .code16
  jmp dword ptr [bx]
  call dword ptr [bp+si]
  jmp word ptr [bx]
  mov ax, [bx+si+4]
  lea ax, [bp+di-2]
`, 'i386');

test('.att_syntax switches back; `.intel_syntax prefix` takes %registers', () => {
  const src = '.intel_syntax noprefix\n  mov eax, [rbx+4]\n.att_syntax\n  movl 4(%rbx), %eax\n.intel_syntax prefix\n'
    + '  mov %eax, DWORD PTR [%rbx+4]\n.intel_syntax\n  add %eax, 1\n';
  const r = compareAsm(src);
  assert.ok(r.same, r.diff);
});

test('the operand size must be known or match (both assemblers refuse)', () => {
  for (const line of ['mov [rax], 1', 'mov eax, byte ptr [rax]', 'inc [rax]', 'mov eax, bx']) {
    const src = `.intel_syntax noprefix\n  ${line}\n`;
    assert.ok(!gnuAs(src, 'x86_64').obj, `GNU as accepts ${line}`);
    const c = ccAs(src, 'x86_64');
    assert.ok(!c.obj && /test\.s:2: Error: /.test(c.err), `cc-ts: ${line}: ${c.err}`);
  }
});

test('300 mutants of gcc -masm=intel output: assembled or rejected with errors, never a crash', () => {
  const inputs: { name: string; src: string }[] = [];
  for (const f of tortureFiles().slice(0, 15)) {
    for (const opt of ['-O0', '-O2']) {
      const s = gccIntel(f, opt);
      if (s) inputs.push({ name: s, src: fs.readFileSync(s, 'latin1') });
    }
  }
  const r = runFuzz(inputs, 300, 5);
  assert.ok(r.rejected > 20, 'the mutations should produce errors');
  assert.equal(r.crashes.length, 0, r.crashes.slice(0, 5).join('\n'));
});

test.after(cleanup);
test.run();
