// Every form of the x86 table, in every mode where it is valid, with representative operands:
// our encoder's bytes against GNU as's bytes (one `as` run per mode).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildCorpus, gasAssemble, hex, Case } from './corpus';
import { encode, Encoded, Mode } from '../../targets/x86/encode';
import { printInstruction } from '../../targets/x86/syntax';

const DIR = '/tmp/h-x86/corpus';

// i386 objects use REL relocations: GNU as stores the addend in the field itself.
function withImplicitAddends(enc: Encoded, mode: Mode): Uint8Array {
  const b = enc.bytes.slice();
  if (mode === 64) return b;
  for (const f of enc.fixups) {
    let v = BigInt.asUintN(f.size * 8, f.expr.addend);
    for (let k = 0; k < f.size; k++, v >>= 8n) b[f.offset + k] = Number(v & 0xffn);
  }
  return b;
}

// Intended differences: "mode|text|reason" lines in encode-exceptions.txt.
function exceptions(): Map<string, string> {
  const file = path.join(__dirname, '../../../tests/x86/encode-exceptions.txt');
  const alt = path.join(__dirname, 'encode-exceptions.txt');
  const f = fs.existsSync(file) ? file : alt;
  const m = new Map<string, string>();
  if (!fs.existsSync(f)) return m;
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [mode, text, reason] = line.split('|');
    m.set(`${mode}|${text}`, reason);
  }
  return m;
}

test('encoder agrees with GNU as on every table form', () => {
  const cases = buildCorpus();
  const exc = exceptions();
  const bad: string[] = [];
  let total = 0;
  let agree = 0;
  for (const mode of [64, 32, 16] as Mode[]) {
    const cs: Case[] = cases.filter((c) => c.mode === mode);
    const lines = cs.map((c) => printInstruction(c.inst));
    const gas = gasAssemble(lines, mode, DIR);
    let ok = 0;
    let excused = 0;
    for (let i = 0; i < cs.length; i++) {
      const key = `${mode}|${lines[i]}`;
      let mine: string;
      try {
        mine = hex(withImplicitAddends(encode(cs[i].inst, mode), mode));
      } catch (e) {
        mine = 'error: ' + (e as Error).message;
      }
      const theirs = gas.bytes[i] ? hex(gas.bytes[i]) : 'gas error: ' + gas.errors.get(i);
      if (mine === theirs) ok++;
      else if (exc.has(key)) excused++;
      else bad.push(`${mode}|${lines[i]}|ours ${mine} gas ${theirs} [${cs[i].form.row}]`);
    }
    total += cs.length;
    agree += ok;
    console.log(`mode ${mode}: ${ok}/${cs.length} forms agree with GNU as${excused ? `, ${excused} listed exceptions` : ''}`);
  }
  if (bad.length) {
    fs.writeFileSync('/tmp/h-x86/mismatches.txt', bad.join('\n') + '\n');
    console.log(bad.slice(0, 60).join('\n'));
    console.log(`... ${bad.length} mismatches (all in /tmp/h-x86/mismatches.txt)`);
  }
  assert.is(bad.length, 0, `${bad.length} of ${total} forms disagree with GNU as`);
});

test.run();
