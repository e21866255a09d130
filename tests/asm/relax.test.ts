// Branch relaxation against GNU as: where write.c's relax_segment stops is part of the output (a
// forward branch guesses its target moved by the growth so far unless an alignment or .org lies
// between them, so a branch that crosses an alignment can stay short where a plain fixed-point
// iteration would make it long). Hand cases from the kernel plus seeded random programs of
// jmp/jcc/.p2align/.skip/.fill, each assembled by GNU as and by cc-ts.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cleanup, compareAsm, requireTool, sameAsGnu } from './compare';
import { rng } from './fuzz';

requireTool('as');
requireTool('objdump');

const same = sameAsGnu(test);

// entry_64.S's clear_bhb_loop after a branch that grows: `jmp 5f` crosses `.align 64` and stays short.
same('a forward jmp across .align stays short when an earlier branch grows (clear_bhb_loop)', `
  .text
f: .skip 9, 0x90
  jmp far1
  .skip 130, 0x90
far1: nop
  .p2align 4, 0x90
g: push %rbp
  movl $5, %ecx
  call 1f
  jmp 5f
  .align 64, 0xcc
  .skip 27, 0xcc
1: call 2f
  ret
  .align 64, 0xcc
  .skip 14, 0xcc
2: movl $5, %eax
3: jmp 4f
  nop
4: sub $1, %eax
  jnz 3b
  sub $1, %ecx
  jnz 1b
  ret
5: lfence
  ret
`);

same('.fill with a count known after layout (head_64.S early_idt_handler_array)', `
  .text
a: nop
  i = 0
  .rept 4
  jmp fwd
  i = i + 1
  .fill a + i*9 - ., 1, 0xcc
  .endr
  jmp fwd
  .fill a + 60 - ., 2, 0x1234
fwd: ret
`);

/** A random program of branches, alignments and fixed-size filler. */
function program(seed: number): string {
  const r = rng(seed);
  const n = 12 + Math.floor(r() * 30);
  const lines: string[] = ['  .text'];
  for (let i = 0; i < n; i++) {
    lines.push(`L${i}:`);
    const k = r();
    const to = `L${Math.floor(r() * n)}`;
    if (k < 0.3) lines.push(`  jmp ${to}`);
    else if (k < 0.5) lines.push(`  jne ${to}`);
    else if (k < 0.6) lines.push(`  .p2align ${2 + Math.floor(r() * 5)}${r() < 0.4 ? `,,${Math.floor(r() * 20)}` : ''}`);
    else if (k < 0.65) lines.push(`  .balign ${[8, 16, 32, 64][Math.floor(r() * 4)]}, 0xcc`);
    else if (k < 0.9) lines.push(`  .skip ${Math.floor(r() * 70)}, 0x90`);
    else lines.push(`  .fill L${i} + ${Math.floor(r() * 40)} - ., 1, 0xcc`);
  }
  lines.push(`L${n}: ret`);
  return lines.join('\n') + '\n';
}

test('150 random programs of branches and alignments', () => {
  const bad: string[] = [];
  for (let seed = 1; seed <= 150; seed++) {
    const src = program(seed);
    let r;
    try {
      r = compareAsm(src);
    } catch {
      continue; // GNU as rejected it (a .fill that would go backwards)
    }
    if (!r.same) bad.push(`seed ${seed}: ${r.diff}`);
  }
  assert.equal(bad.length, 0, bad.slice(0, 3).join('\n'));
});

test.after(cleanup);
test.run();
