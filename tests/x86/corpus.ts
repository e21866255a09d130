// Builds a test corpus of x86 instructions from the form table itself, and assembles a corpus with GNU
// as in one batch per mode (labels between the instructions, addresses read back with nm).

import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FORMS, BY_SPELLING, Form, OpType, ImmKind, MODE16, MODE32, MODE64, F_FAR, F_MOVABS } from '../../targets/x86/table';
import { Instruction, Operand, reg, imm, mem, far, sym, OpKind } from '../../targets/x86/operand';
import { regByName, regOf, RegClass } from '../../targets/x86/regs';
import { Mode } from '../../targets/x86/encode';
import '../../targets/x86/tables';

export interface Case {
  form: Form;
  mode: Mode;
  inst: Instruction;
}

const spellCache = new Map<Form, { explicit: string[]; bare: string[] }>();
function spellingsOf(f: Form): { explicit: string[]; bare: string[] } {
  if (!spellCache.size) {
    for (const [name, list] of BY_SPELLING) {
      for (const { form, explicit } of list) {
        let s = spellCache.get(form);
        if (!s) spellCache.set(form, (s = { explicit: [], bare: [] }));
        (explicit ? s.explicit : s.bare).push(name);
      }
    }
  }
  return spellCache.get(f) ?? { explicit: [], bare: [] };
}

function pickReg(ty: OpType, i: number, variant: number, mode: Mode): number {
  if (ty.fixed >= 0) return ty.fixed;
  const hi = variant === 1 && mode === 64;
  const n = hi ? 9 + i : 1 + i;
  const m = ty.regCls;
  const has = (c: RegClass) => (m & (1 << c)) !== 0;
  if (has(RegClass.Gpr8)) return regOf(RegClass.Gpr8, hi ? n : [1, 2, 3, 6][i]);
  if (has(RegClass.Gpr16)) return regOf(RegClass.Gpr16, n);
  if (has(RegClass.Gpr32)) return regOf(RegClass.Gpr32, n);
  if (has(RegClass.Gpr64)) return regOf(RegClass.Gpr64, n);
  if (has(RegClass.Seg)) return regByName(['ds', 'fs', 'es'][i]);
  if (has(RegClass.Cr)) return regOf(RegClass.Cr, hi ? 8 : [0, 3, 4][i]);
  if (has(RegClass.Dr)) return regOf(RegClass.Dr, [1, 7, 6][i]);
  if (has(RegClass.St)) return regOf(RegClass.St, 1 + i + variant);
  if (has(RegClass.Mmx)) return regOf(RegClass.Mmx, 1 + i + variant * 3);
  if (has(RegClass.Xmm)) return regOf(RegClass.Xmm, n);
  if (has(RegClass.Ymm)) return regOf(RegClass.Ymm, n);
  throw new Error('no register for ' + ty.name);
}

function pickMem(variant: number, mode: Mode): Operand {
  if (mode === 16) return variant === 0 ? mem(0x12n, regByName('bx'), regByName('si')) : mem(-0x300n, regByName('bp'));
  if (mode === 32) return variant === 0 ? mem(0x12n, regByName('eax'), regByName('ecx'), 4) : mem(-0x80n, regByName('ebp'), regByName('esi'), 8);
  if (variant === 0) return mem(0x12n, regByName('rax'), regByName('rcx'), 4);
  if (variant === 1) return mem(-0x80n, regByName('r13'), regByName('r14'), 8);
  return mem(0x12345n, regByName('rsp'));
}

function pickImm(ty: OpType, mode: Mode, f: Form): bigint {
  switch (ty.imm) {
    case ImmKind.I8: return 0x12n;
    case ImmKind.I8s: return -3n;
    case ImmKind.I16: return 0x1234n;
    case ImmKind.I32: return f.osz === 16 ? 0x1234n : 0x12345678n;
    case ImmKind.I32s: return -0x12345678n;
    case ImmKind.I64: return 0x123456789abcdef0n;
    case ImmKind.One: return 1n;
    case ImmKind.Three: return 3n;
  }
  return 0n;
}

function build(f: Form, mode: Mode, variant: number, mn: string): Instruction | null {
  const ops: Operand[] = [];
  let regIdx = 0;
  for (let i = 0; i < f.ops.length; i++) {
    const ty = f.ops[i];
    if (ty.regCls && !(ty.mem && variant === 2)) {
      const star = (f.flags & 16) !== 0; // F_BRANCH
      ops.push(reg(pickReg(ty, regIdx++, variant === 2 ? 0 : variant, mode), star && !ty.fixed));
    } else if (ty.mem || ty.name === 'dx') {
      const m = pickMem(variant, mode) as any;
      if (f.flags & 16) m.star = true;
      ops.push(m);
    } else if (ty.imm) ops.push(imm(pickImm(ty, mode, f)));
    else if (ty.rel) ops.push(mem(sym('ext_target')));
    else if (ty.moffs) ops.push(mem(0x1234n));
    else if (ty.far) ops.push(far(0x10n, 0x1234n));
    else return null;
  }
  return { mnemonic: mn, operands: ops, prefixes: 0 };
}

/** One or more cases per form and mode. */
export function buildCorpus(): Case[] {
  const out: Case[] = [];
  for (const f of FORMS) {
    const sp = spellingsOf(f);
    const mn = sp.explicit[0] ?? sp.bare[0];
    if (!mn) continue;
    for (const mode of [16, 32, 64] as Mode[]) {
      const bit = mode === 16 ? MODE16 : mode === 32 ? MODE32 : MODE64;
      if (!(f.modes & bit)) continue;
      const hasRm = f.ops.some((t) => t.mem && t.regCls);
      const hasMem = f.ops.some((t) => t.mem);
      const variants = mode === 64 ? [0, 1] : [0];
      if (hasRm) variants.push(2);
      else if (hasMem && mode === 64) variants.push(2);
      for (const v of variants) {
        const inst = build(f, mode, v, mn);
        if (inst) out.push({ form: f, mode, inst });
      }
    }
  }
  return out;
}

export interface GasResult {
  /** bytes per line index, or null if gas rejected the line */
  bytes: (Uint8Array | null)[];
  errors: Map<number, string>;
}

/** Assemble lines (one instruction each) with GNU as; returns each line's bytes. `header`: a first
 *  line such as `.intel_syntax noprefix`. */
export function gasAssemble(lines: string[], mode: Mode, dir: string, header = ''): GasResult {
  fs.mkdirSync(dir, { recursive: true });
  const errors = new Map<number, string>();
  const active = lines.map(() => true);
  for (let round = 0; round < 6; round++) {
    const src: string[] = [(mode === 16 ? '.code16' : '') + (header ? `; ${header}` : '')];
    const lineOf: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      if (!active[i]) continue;
      lineOf[src.length + 1] = i;
      src.push(`x${i}: ${lines[i]}`);
    }
    src.push(`x_end:`);
    const tag = header ? 'h' : '';
    const s = path.join(dir, `m${mode}${tag}.s`);
    const o = path.join(dir, `m${mode}${tag}.o`);
    fs.writeFileSync(s, src.join('\n') + '\n');
    const r = spawnSync('as', [mode === 64 ? '--64' : '--32', '-o', o, s], { encoding: 'utf8' });
    if (r.error) throw new Error(`GNU as is needed for this test (apt-get install binutils): ${r.error.message}`);
    if (r.status !== 0) {
      let found = false;
      for (const m of r.stderr.matchAll(/:(\d+): Error: (.*)/g)) {
        const idx = lineOf[+m[1]];
        if (idx !== undefined) { active[idx] = false; errors.set(idx, m[2]); found = true; }
      }
      if (!found) throw new Error(`as failed: ${r.stderr.slice(0, 2000)}`);
      continue;
    }
    const bin = path.join(dir, `m${mode}${tag}.bin`);
    execFileSync('objcopy', ['-O', 'binary', '-j', '.text', o, bin]);
    const text = fs.readFileSync(bin);
    const nm = execFileSync('nm', ['-n', o], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const addr = new Map<string, number>();
    for (const l of nm.split('\n')) {
      const m = /^([0-9a-f]+) t (x\S+)$/.exec(l);
      if (m) addr.set(m[2], parseInt(m[1], 16));
    }
    const bytes: (Uint8Array | null)[] = lines.map(() => null);
    const order = lines.map((_, i) => i).filter((i) => active[i]);
    for (let k = 0; k < order.length; k++) {
      const a = addr.get(`x${order[k]}`)!;
      const b = k + 1 < order.length ? addr.get(`x${order[k + 1]}`)! : addr.get('x_end')!;
      bytes[order[k]] = new Uint8Array(text.subarray(a, b));
    }
    return { bytes, errors };
  }
  throw new Error('as keeps failing');
}

export const hex = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('hex') : 'null');
export { F_FAR, F_MOVABS, OpKind };
