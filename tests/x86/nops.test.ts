// Code padding bytes against GNU as's .p2align padding in .text, lengths 1..255, each mode.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import { codePadding } from '../../targets/x86/nops';

const DIR = '/tmp/h-x86/nops';

function gasPadding(mode: 16 | 32 | 64, lengths: number[]): Map<number, string> {
  fs.mkdirSync(DIR, { recursive: true });
  // Each case: align to 256, then (256 - n) bytes of int3, then align to 256: exactly n bytes of padding.
  const lines: string[] = [mode === 16 ? '.code16' : ''];
  for (const n of lengths) lines.push('.p2align 8', `.fill ${256 - n},1,0xcc`, '.p2align 8');
  fs.writeFileSync(`${DIR}/p${mode}.s`, lines.join('\n') + '\n');
  execFileSync('as', [mode === 64 ? '--64' : '--32', '-o', `${DIR}/p${mode}.o`, `${DIR}/p${mode}.s`]);
  execFileSync('objcopy', ['-O', 'binary', '-j', '.text', `${DIR}/p${mode}.o`, `${DIR}/p${mode}.bin`]);
  const bin = fs.readFileSync(`${DIR}/p${mode}.bin`);
  const out = new Map<number, string>();
  lengths.forEach((n, i) => out.set(n, bin.subarray(i * 256 + 256 - n, i * 256 + 256).toString('hex')));
  return out;
}

test('code padding matches GNU as in 64-, 32- and 16-bit mode', () => {
  const lengths = Array.from({ length: 255 }, (_, i) => i + 1);
  for (const mode of [64, 32, 16] as const) {
    const gas = gasPadding(mode, lengths);
    let ok = 0;
    for (const n of lengths) {
      const mine = Buffer.from(codePadding(n, mode)).toString('hex');
      if (mine === gas.get(n)) ok++;
      else if (ok > n - 6) console.log(`mode ${mode} n=${n}: ours ${mine} gas ${gas.get(n)}`);
    }
    console.log(`mode ${mode}: ${ok}/${lengths.length} padding lengths agree with GNU as`);
    assert.is(ok, lengths.length);
  }
});

test.run();
