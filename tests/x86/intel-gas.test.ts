// Intel syntax against GNU as: every form of the x86 table with representative operands (the corpus
// of encode-gas.test.ts) written in Intel syntax (intel-corpus.ts), assembled by GNU as after
// `.intel_syntax noprefix` and parsed by cc-ts's Intel parser (targets/x86/intel.ts) then encoded.
// The bytes must agree in 64-, 32- and 16-bit mode.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { buildCorpus, gasAssemble, hex, Case } from './corpus';
import { intelText } from './intel-corpus';
import { encode, Encoded, Mode } from '../../targets/x86/encode';
import { parseIntelInstruction } from '../../targets/x86/intel';
import { defaultParseExpr } from '../../targets/x86/syntax';

const DIR = '/tmp/h-x86/intel-corpus';

function withImplicitAddends(enc: Encoded, mode: Mode): Uint8Array {
  const b = enc.bytes.slice();
  if (mode === 64) return b;
  for (const f of enc.fixups) {
    let v = BigInt.asUintN(f.size * 8, f.expr.addend);
    for (let k = 0; k < f.size; k++, v >>= 8n) b[f.offset + k] = Number(v & 0xffn);
  }
  return b;
}

function ccIntel(line: string, mode: Mode): string {
  const sp = /^(\S+)\s*(.*)$/.exec(line)!;
  try {
    return hex(withImplicitAddends(encode(parseIntelInstruction(sp[1], sp[2], defaultParseExpr, mode), mode), mode));
  } catch (e) {
    return 'error: ' + (e as Error).message;
  }
}

test('Intel syntax: every table form agrees with GNU as', () => {
  const cases = buildCorpus();
  const bad: string[] = [];
  let all = 0, agree = 0, unsaid = 0, gasRejects = 0;
  for (const mode of [64, 32, 16] as Mode[]) {
    const cs: Case[] = [];
    const lines: string[] = [];
    for (const c of cases) {
      if (c.mode !== mode) continue;
      const t = intelText(c);
      if (t === null) { unsaid++; continue; }
      cs.push(c);
      lines.push(t);
    }
    const gas = gasAssemble(lines, mode, DIR, '.intel_syntax noprefix');
    let ok = 0;
    for (let i = 0; i < cs.length; i++) {
      const theirs = gas.bytes[i] ? hex(gas.bytes[i]) : null;
      const mine = ccIntel(lines[i], mode);
      if (theirs === null) {
        gasRejects++;
        if (!mine.startsWith('error')) bad.push(`${mode}|${lines[i]}|ours ${mine}, GNU as: ${gas.errors.get(i)}`);
        else ok++;
      } else if (mine === theirs) ok++;
      else bad.push(`${mode}|${lines[i]}|ours ${mine} gas ${theirs} [${cs[i].form.row}]`);
    }
    all += cs.length;
    agree += ok;
    console.log(`Intel mode ${mode}: ${ok}/${cs.length} agree with GNU as`);
  }
  console.log(`Intel forms: ${agree}/${all} agree (${gasRejects} rejected by both), ${unsaid} AT&T-only spellings not written in Intel syntax`);
  if (bad.length) {
    fs.mkdirSync(DIR, { recursive: true });
    fs.writeFileSync(`${DIR}/mismatches.txt`, bad.join('\n') + '\n');
    console.log(bad.slice(0, 40).join('\n'));
  }
  assert.is(bad.length, 0, `${bad.length} of ${all} Intel forms disagree with GNU as (${DIR}/mismatches.txt)`);
});

test.run();
