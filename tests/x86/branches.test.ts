// Relaxable branches: the short form for a near label and the near form for a far one, resolved the
// way an assembler does it (S + A - P), against GNU as in every mode.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { encodeBranch, isRelaxable, Mode } from '../../targets/x86/encode';
import { parseInstruction } from '../../targets/x86/syntax';

const BRANCHES = ['jmp', 'je', 'jne', 'jb', 'jae', 'jl', 'jg', 'jo', 'jp'];

test('short and near branches agree with GNU as', () => {
  const dir = '/tmp/h-x86/branches';
  fs.mkdirSync(dir, { recursive: true });
  for (const mode of [64, 32, 16] as Mode[]) {
    let expected = '';
    let src = mode === 16 ? '.code16\n' : '';
    for (const b of BRANCHES) {
      for (const gap of [0, 20, 125, 300]) {
        const inst = parseInstruction(`${b} L_${b}_${gap}`);
        assert.ok(isRelaxable(inst, mode));
        const form = gap <= 125 ? 'short' : 'near';
        const enc = encodeBranch(inst, mode, form);
        const bytes = enc.bytes.slice();
        const f = enc.fixups[0];
        // S - P: the label is `gap` bytes after the end of the instruction
        let v = BigInt.asUintN(f.size * 8, BigInt(bytes.length - f.offset + gap) + f.expr.addend);
        for (let k = 0; k < f.size; k++, v >>= 8n) bytes[f.offset + k] = Number(v & 0xffn);
        expected += Buffer.from(bytes).toString('hex') + '90'.repeat(gap);
        src += `${b} L_${b}_${gap}\n.fill ${gap},1,0x90\nL_${b}_${gap}:\n`;
      }
    }
    fs.writeFileSync(`${dir}/b${mode}.s`, src);
    execFileSync('as', [mode === 64 ? '--64' : '--32', '-o', `${dir}/b${mode}.o`, `${dir}/b${mode}.s`]);
    execFileSync('objcopy', ['-O', 'binary', '-j', '.text', `${dir}/b${mode}.o`, `${dir}/b${mode}.bin`]);
    const gas = fs.readFileSync(`${dir}/b${mode}.bin`).toString('hex');
    assert.is(expected, gas, `mode ${mode}`);
    console.log(`mode ${mode}: ${BRANCHES.length * 4} branches agree with GNU as`);
  }
});

test.run();
