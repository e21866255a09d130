// String instructions written with operands (segment override on the source, address size from the
// registers, operand size from the accumulator): every combination in 64-, 32- and 16-bit mode,
// compared with GNU as.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ccAs, sameAsGnu } from '../asm/compare';

const same = sameAsGnu(test);
const SEGS = ['', '%es:', '%cs:', '%ss:', '%ds:', '%fs:', '%gs:'];
const ACC: Record<string, string> = { b: 'al', w: 'ax', l: 'eax', q: 'rax' };

function lines(mode: 16 | 32 | 64): string {
  const out: string[] = [`.code${mode}`];
  const regSets = mode === 64 ? [['rsi', 'rdi', 'rbx'], ['esi', 'edi', 'ebx']] : [['esi', 'edi', 'ebx'], ['si', 'di', 'bx']];
  const sfxs = mode === 64 ? ['b', 'w', 'l', 'q'] : ['b', 'w', 'l'];
  for (const [si, di, bx] of regSets) {
    for (const seg of SEGS) {
      for (const s of sfxs) {
        const a = `%${ACC[s]}`;
        out.push(`movs${s} ${seg}(%${si}),%es:(%${di})`, `cmps${s} %es:(%${di}),${seg}(%${si})`);
        out.push(`lods${s} ${seg}(%${si})`, `lods ${seg}(%${si}),${a}`, `lods${s} ${seg}(%${si}),${a}`);
        out.push(`stos${s} %es:(%${di})`, `stos ${a},%es:(%${di})`, `scas${s} %es:(%${di})`, `scas %es:(%${di}),${a}`);
        out.push(`rep movs${s} ${seg}(%${si}),(%${di})`, `repne cmps${s} (%${di}),${seg}(%${si})`);
        if (s !== 'q') out.push(`outs${s} ${seg}(%${si}),(%dx)`, `ins${s} (%dx),%es:(%${di})`, `rep outs${s} ${seg}(%${si}),(%dx)`);
      }
      out.push(`xlat ${seg}(%${bx})`, `xlatb ${seg}(%${bx})`);
    }
  }
  return out.join('\n') + '\n';
}

same('64-bit mode', lines(64));
same('32-bit mode', lines(32), 'i386');
same('16-bit mode', lines(16), 'i386');

test('errors', () => {
  const r = ccAs('movsb %fs:(%rsi),%fs:(%rdi)\nmovsb (%rsi),(%edi)\nlodsb (%rsi),%ax\nmovsb %fs:(%rsi)\n', 'x86_64');
  assert.match(r.err, "`movs' operand 2 must use `%es' segment");
  assert.match(r.err, "`(%edi)' is not a valid base/index expression");
  assert.match(r.err, "`%ax' not allowed with `lodsb'");
  assert.match(r.err, "number of operands mismatch for `movsb'");
});

test.run();
