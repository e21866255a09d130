// The x86 encoder: Instruction (AT&T operand order) -> bytes + fixups, choosing the encoding GNU as
// chooses.
//
// Selection: every form whose AT&T spelling, mode and operand types match is encoded, and the shortest
// encoding wins; between equally long encodings the first form in table order wins. This reproduces GNU
// as without an optimisation level: `add $1,%eax` takes the sign-extended imm8 form (83 c0 01), `mov
// $1,%eax` takes b8+r, `mov $-1,%rax` takes c7 (sign-extended imm32) rather than the 10-byte movabs form,
// `xchg %eax,%ebx` takes 93. Immediates that are symbols never take the imm8 forms (GNU as does not
// relax immediates). Direct jumps and calls take the near form in encode(); encodeBranch() gives the
// short form for the assembler's relaxation.
//
// Prefix order follows GNU as: fwait, segment, 0x67, 0x66, F2/F3 (rep or mandatory), F0 (lock), REX.
// Memory operands: no displacement when it is the constant 0 (except with a (%rbp)/(%r13) base), disp8
// when the constant fits, otherwise disp32 (disp16 with 16-bit addressing); symbolic displacements always
// take the long form. In 64-bit mode an operand with neither base nor index uses the SIB form
// (absolute, not %rip-relative); `sym(%rip)` gives a PC-relative fixup.
//
// Fixups carry the ELF-formula addend: for a PC-relative field the addend already includes
// -(distance from the field to the end of the instruction), so the value is S + A - P with P the
// field's address.

import { X86Error } from './error';
import {
  Instruction, Operand, OpKind, MemOp, RegOp, SymExpr, Value, isConst,
  PFX_LOCK, PFX_REP, PFX_REPNE, PFX_DATA16, PFX_DATA32, PFX_ADDR16, PFX_ADDR32, PFX_WAIT, PFX_NOTRACK, PFX_REX, PFX_VEX3,
} from './operand';
import { REGS, RegClass, REG_NEEDS_REX, REG_FORBIDS_REX } from './regs';
import {
  Form, OpType, Role, ImmKind, BY_SPELLING, F_D64, F_DEF, F_BRANCH, F_FP, F_FI, F_WAIT, F_NOREV,
  MODE16, MODE32, MODE64,
} from './table';
import './tables';

export type Mode = 16 | 32 | 64;

/** Fixup flags */
export const FX_BRANCH = 1; // rel field of a call/jmp/jcc (R_X86_64_PLT32 for symbols in GNU as 2.40)
export const FX_GOTX = 2; // GOT-relative operand of an instruction the linker may relax (GOTPCRELX / GOT32X)
export const FX_REX = 4; // ... and the instruction has a REX prefix (REX_GOTPCRELX)
export const FX_CALL = 8; // rel field of a call
export const FX_DISP = 16; // displacement of a memory operand (GNU as adjusts i386 @GOTOFF there)

export interface Fixup {
  /** Byte offset of the field in the instruction. */
  offset: number;
  /** Field size in bytes: 1, 2, 4 or 8. */
  size: number;
  pcrel: boolean;
  /** The field is sign-extended by the CPU (R_X86_64_32S rather than R_X86_64_32). */
  signed: boolean;
  /** Target: symbol + addend (ELF formula: S + A, or S + A - P when pcrel) with its specifier. */
  expr: SymExpr;
  /** FX_* bits */
  flags: number;
}

export interface Encoded {
  bytes: Uint8Array;
  fixups: Fixup[];
}

const MODE_BIT: Record<number, number> = { 16: MODE16, 32: MODE32, 64: MODE64 };

// ---------------------------------------------------------------------------------------------------
// Matching

function modeOk(r: number, mode: Mode): boolean {
  const info = REGS[r];
  if (mode === 64) return true;
  if (info.cls === RegClass.Gpr64 || info.cls === RegClass.Ip && info.size === 8) return false;
  if (info.num >= 8 && info.cls !== RegClass.Ymm) return false;
  if (info.flags & REG_NEEDS_REX) return false;
  return true;
}

function fitsImm(v: bigint, kind: ImmKind, osz: number): boolean {
  switch (kind) {
    case ImmKind.I8: return v >= -128n && v <= 255n;
    case ImmKind.I8s: {
      const bits = BigInt(osz || 32);
      const mask = (1n << bits) - 1n;
      if (v < -(1n << (bits - 1n)) || v > mask) return false;
      const t = BigInt.asIntN(Number(bits), v);
      return t >= -128n && t <= 127n;
    }
    case ImmKind.I16: return v >= -32768n && v <= 65535n;
    case ImmKind.I32: return v >= -(1n << 31n) && v <= 0xffffffffn;
    case ImmKind.I32s: {
      // with a 64-bit operand a constant is its 64-bit two's complement (GNU as: 0xffffffff80000000 is -2^31)
      const t = osz === 64 && v >= 1n << 63n && v < 1n << 64n ? v - (1n << 64n) : v;
      return t >= -(1n << 31n) && t < 1n << 31n;
    }
    case ImmKind.I64: return v >= -(1n << 63n) && v < 1n << 64n;
    case ImmKind.One: return v === 1n;
    case ImmKind.Three: return v === 3n;
  }
  return false;
}

function isDirectTarget(m: MemOp): boolean {
  return m.base < 0 && m.index < 0 && m.seg < 0 && !m.star;
}

function opMatch(ty: OpType, op: Operand, f: Form, mode: Mode): boolean {
  switch (op.kind) {
    case OpKind.Reg: {
      const info = REGS[op.reg];
      if (!(ty.regCls & (1 << info.cls))) return false;
      if (ty.fixed >= 0 && ty.fixed !== op.reg) return false;
      if (op.star && !(f.flags & F_BRANCH)) return false;
      return modeOk(op.reg, mode);
    }
    case OpKind.Mem:
      if (ty.rel) return isDirectTarget(op);
      if (ty.moffs) return op.base < 0 && op.index < 0 && !op.star;
      if (ty.fixed >= 0 && ty.name === 'dx') return op.base === ty.fixed && op.index < 0 && isConst(op.disp) && op.disp === 0n;
      if (!ty.mem) return false;
      if (f.flags & F_BRANCH && !op.star && isDirectTarget(op)) return false;
      if (op.base >= 0 && !modeOk(op.base, mode)) return false;
      if (op.index >= 0 && !modeOk(op.index, mode)) return false;
      return true;
    case OpKind.Imm:
      if (!ty.imm) return false;
      if (isConst(op.value)) return fitsImm(op.value, ty.imm, f.osz);
      return ty.imm !== ImmKind.I8s && ty.imm !== ImmKind.One && ty.imm !== ImmKind.Three;
    case OpKind.Far:
      return ty.far;
  }
}

/** The operand size GNU as assumes when neither suffix nor register names it. */
function defaultSize(f: Form, mode: Mode): number {
  if (mode === 16) return 16;
  if (mode === 64 && f.flags & F_D64) return 64;
  return 32;
}

export interface Match {
  form: Form;
}

// Matching is a pure function of the mnemonic, the mode and a few facts about each operand (register
// id and '*', memory base/index/segment/'*' and whether the displacement is the constant 0, an
// immediate's constant value or "symbolic"), so its result is cached under a key made of exactly those
// facts. Failures are not cached (they throw and are rare).
const MATCH_CACHE = new Map<string, Form[]>();

function matchKey(inst: Instruction, mode: Mode): string {
  let k = inst.mnemonic + '|' + mode;
  const ops = inst.operands;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    switch (op.kind) {
      case OpKind.Reg: k += (op.star ? '|*r' : '|r') + op.reg; break;
      case OpKind.Mem:
        k += (op.star ? '|*m' : '|m') + op.base + ',' + op.index + ',' + op.seg
          + (isConst(op.disp) && op.disp === 0n ? 'z' : '');
        break;
      case OpKind.Imm: k += isConst(op.value) ? '|i' + op.value : '|s'; break;
      case OpKind.Far: k += '|f'; break;
    }
  }
  return k;
}

/** Forms that match an instruction in a mode (before length selection), cached. Throws X86Error if none. */
export function matchForms(inst: Instruction, mode: Mode): Form[] {
  const key = matchKey(inst, mode);
  let forms = MATCH_CACHE.get(key);
  if (!forms) {
    forms = matchFormsUncached(inst, mode);
    MATCH_CACHE.set(key, forms);
  }
  return forms;
}

/** The forms for encode(): direct jumps and calls keep only their near form. */
const NEAR_CACHE = new Map<Form[], Form[]>();
function nearForms(inst: Instruction, mode: Mode): Form[] {
  const all = matchForms(inst, mode);
  let forms = NEAR_CACHE.get(all);
  if (!forms) {
    const maxRel = all.reduce((m, f) => Math.max(m, relSize(f)), 0);
    forms = maxRel > 8 ? all.filter((f) => relSize(f) === 0 || relSize(f) === maxRel) : all;
    NEAR_CACHE.set(all, forms);
  }
  return forms;
}

function matchFormsUncached(inst: Instruction, mode: Mode): Form[] {
  const mn = inst.mnemonic;
  const list = BY_SPELLING.get(mn) ?? BY_SPELLING.get(mn.toLowerCase());
  if (!list) throw new X86Error(`no such instruction: \`${mn}'`);
  const bit = MODE_BIT[mode];
  const ops = inst.operands;
  const out: Form[] = [];
  const unsized: Form[] = [];
  let modeMiss = false;
  for (const { form: f, explicit } of list) {
    if (f.ops.length !== ops.length) continue;
    let ok = true;
    for (let i = 0; i < ops.length && ok; i++) ok = opMatch(f.ops[i], ops[i], f, mode);
    if (!ok) continue;
    if (!(f.modes & bit)) { modeMiss = true; continue; }
    if (!explicit && f.sfx && f.suffixed && !sizeNamedByRegister(f, ops)) unsized.push(f);
    else out.push(f);
  }
  // A bare mnemonic whose size no register names: fine if every match has the same size, otherwise
  // GNU as takes the default operand size where the instruction has one (push, call, lgdt, x87 's').
  let ambiguous = false;
  if (unsized.length) {
    const sizes = new Set(unsized.map((f) => f.sfx));
    if (sizes.size === 1) out.push(...unsized);
    else {
      const keep = unsized.filter((f) => (f.flags & F_FP ? f.sfx === 32 : f.flags & F_DEF && f.osz === defaultSize(f, mode)));
      if (keep.length) out.push(...keep);
      else ambiguous = true;
    }
  }
  if (!out.length) {
    if (ambiguous) throw new X86Error(`no instruction mnemonic suffix given and no register operands; unable to guess`);
    if (modeMiss) throw new X86Error(`\`${mn}' is not supported in ${mode}-bit mode`);
    if (list.every((e) => e.form.ops.length !== ops.length)) throw new X86Error(`number of operands mismatch for \`${mn}'`);
    throw new X86Error(`operand type mismatch for \`${mn}'`);
  }
  return out;
}

function sizeNamedByRegister(f: Form, ops: Operand[]): boolean {
  for (let i = 0; i < ops.length; i++) if (f.ops[i].gpr && ops[i].kind === OpKind.Reg) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Encoding one form

const buf = new Uint8Array(32);
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

class Emitter {
  n = 0;
  fixups: Fixup[] = [];
  byte(b: number): void {
    buf[this.n++] = b & 0xff;
  }
  le(v: bigint, size: number): void {
    if (v >= -SAFE && v <= SAFE) {
      // the common case in plain numbers: floor division keeps two's complement bytes of negatives
      let x = Number(v);
      for (let i = 0; i < size; i++) {
        buf[this.n++] = x & 0xff;
        x = Math.floor(x / 256);
      }
      return;
    }
    let x = BigInt.asUintN(size * 8, v);
    for (let i = 0; i < size; i++) {
      buf[this.n++] = Number(x & 0xffn);
      x >>= 8n;
    }
  }
  /** A constant or a symbolic field. */
  value(v: Value, size: number, pcrel: boolean, signed: boolean, flags: number): void {
    if (isConst(v) && !pcrel) return this.le(v, size);
    const expr: SymExpr = isConst(v) ? { sym: '', addend: v, spec: '' } : v;
    this.fixups.push({ offset: this.n, size, pcrel, signed, expr: { sym: expr.sym, addend: expr.addend, spec: expr.spec }, flags });
    this.le(0n, size);
  }
}

const SEG_PREFIX = [0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65];
const ALU_GOTX = new Set([0x03, 0x0b, 0x13, 0x1b, 0x23, 0x2b, 0x33, 0x3b, 0x85, 0x8b]);

// GNU as leaves out a segment override that names the operand's default segment (%ss with a
// %ebp/%esp/%bp base, %ds otherwise).
function isDefaultSegment(m: MemOp, asz: number): boolean {
  const s = REGS[m.seg].num;
  if (s !== 2 && s !== 3) return false;
  let ssBased = false;
  if (m.base >= 0) {
    const b = REGS[m.base];
    ssBased = asz === 16 ? b.num === 5 : (b.num & 7) === 4 || ((b.num & 7) === 5 && b.cls !== RegClass.Ip);
    if (asz !== 16 && b.num >= 8) ssBased = false;
  }
  return s === (ssBased ? 2 : 3);
}

function addrSize(m: MemOp, mode: Mode, inst: Instruction): number {
  const r = m.base >= 0 ? m.base : m.index;
  if (r >= 0) {
    const info = REGS[r];
    if (info.cls === RegClass.Ip) return info.size * 8;
    return info.size * 8;
  }
  if (inst.prefixes & PFX_ADDR32) return 32;
  if (inst.prefixes & PFX_ADDR16) return 16;
  return mode;
}

/** Encode `inst` with form `f`. */
function encodeForm(inst: Instruction, f: Form, mode: Mode): Encoded {
  const ops = inst.operands;
  const roles = f.roles;
  let regField = -1;
  let rmReg = -1;
  let memOp: MemOp | null = null;
  let vvvv = 0;
  let opReg = -1;
  let is4 = -1;
  let forbidRex = false;
  let needRex = false;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op.kind === OpKind.Reg) {
      const info = REGS[op.reg];
      if (info.flags & REG_FORBIDS_REX) forbidRex = true;
      if (info.flags & REG_NEEDS_REX && info.cls !== RegClass.Ymm) needRex = true;
      switch (roles[i]) {
        case Role.Reg: regField = info.num; break;
        case Role.Rm: rmReg = info.num; break;
        case Role.RegRm: regField = rmReg = info.num; break;
        case Role.Vvvv: vvvv = info.num; break;
        case Role.OpReg: opReg = info.num; break;
        case Role.Is4: is4 = info.num; break;
      }
    } else if (op.kind === OpKind.Mem && roles[i] === Role.Rm) memOp = op;
  }
  if (f.opc.length === 1 && f.opc[0] === 0x90 && opReg === 0) {
    // xchg %eax,%eax is not a nop in 64-bit mode (it zero-extends): 87 c0 is taken instead.
    if (mode === 64 && f.osz === 32) throw new X86Error('xchg %eax,%eax needs the ModRM form in 64-bit mode');
    if (f.osz === 64) return { bytes: Uint8Array.of(0x90), fixups: [] }; // GNU as: xchg %rax,%rax is nop
  }

  // Address size and memory operand checks.
  let asz = mode as number;
  let mem: MemOp | null = memOp;
  let moffs: MemOp | null = null;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (roles[i] === Role.Moffs && op.kind === OpKind.Mem) moffs = op;
    if (op.kind === OpKind.Mem && op.seg >= 0 && !mem && roles[i] === Role.Implicit) mem = op; // (%dx)
  }
  if (memOp) {
    asz = addrSize(memOp, mode, inst);
    if (inst.prefixes & PFX_ADDR32 && asz !== 32 && (memOp.base >= 0 || memOp.index >= 0)) throw new X86Error(`invalid base/index expression with addr32`);
  }
  else if (moffs) asz = inst.prefixes & PFX_ADDR32 ? 32 : inst.prefixes & PFX_ADDR16 ? 16 : mode;
  else if (f.asz) asz = f.asz;
  else if (inst.prefixes & PFX_ADDR32) asz = 32;
  else if (inst.prefixes & PFX_ADDR16) asz = 16;
  if (mode === 64 && asz === 16) throw new X86Error(`16-bit addressing is not allowed in 64-bit mode`);
  if (mode !== 64 && asz === 64) throw new X86Error(`64-bit addressing is only available in 64-bit mode`);

  const e = new Emitter();
  // Prefixes in GNU as order.
  if (inst.prefixes & PFX_WAIT || f.flags & F_WAIT) e.byte(0x9b);
  const segOp = memOp ?? moffs;
  if (segOp && segOp.seg >= 0 && !isDefaultSegment(segOp, asz)) e.byte(SEG_PREFIX[REGS[segOp.seg].num]);
  if (inst.prefixes & PFX_NOTRACK) e.byte(0x3e);
  if (asz !== mode) e.byte(0x67);
  const osz16 = (f.osz === 16 && mode !== 16) || (f.osz === 32 && mode === 16);
  if (osz16 || f.pfx === 0x66 || inst.prefixes & (mode === 16 ? PFX_DATA32 : PFX_DATA16)) e.byte(0x66);
  if (f.pfx === 0xf2 || f.pfx === 0xf3) e.byte(f.pfx);
  else if (inst.prefixes & PFX_REP) e.byte(0xf3);
  else if (inst.prefixes & PFX_REPNE) e.byte(0xf2);
  if (inst.prefixes & PFX_LOCK) e.byte(0xf0);

  // REX / VEX bits.
  const base = mem && mem.base >= 0 ? REGS[mem.base] : null;
  const index = mem && mem.index >= 0 ? REGS[mem.index] : null;
  const R = regField >= 0 ? (regField >> 3) & 1 : 0;
  const X = index ? (index.num >> 3) & 1 : 0;
  const B = rmReg >= 0 ? (rmReg >> 3) & 1 : base && base.cls !== RegClass.Ip ? (base.num >> 3) & 1 : opReg >= 0 ? (opReg >> 3) & 1 : 0;
  if (f.vex) {
    const pp = f.vexPP;
    const vbits = ((~vvvv & 15) << 3) | (f.vexL << 2) | pp;
    if (f.vexMap === 1 && f.vexW === 0 && !X && !B && !(inst.prefixes & PFX_VEX3)) {
      e.byte(0xc5);
      e.byte(((R ^ 1) << 7) | vbits);
    } else {
      e.byte(0xc4);
      e.byte(((R ^ 1) << 7) | ((X ^ 1) << 6) | ((B ^ 1) << 5) | f.vexMap);
      e.byte((f.vexW << 7) | vbits);
    }
  } else {
    const W = f.rexW ? 1 : 0;
    const rex = (W << 3) | (R << 2) | (X << 1) | B;
    if (rex || needRex || inst.prefixes & PFX_REX) {
      if (mode !== 64) throw new X86Error(`bad register name`);
      if (forbidRex) throw new X86Error(`can't encode register '%${REGS[ops.map((o) => (o.kind === OpKind.Reg ? o.reg : -1)).find((r) => r >= 0 && REGS[r].flags & REG_FORBIDS_REX)!].name}' in an instruction requiring REX prefix`);
      e.byte(0x40 | rex);
    }
  }
  const hasRex = !f.vex && (f.rexW || R || X || B || needRex);

  // Opcode.
  for (let i = 0; i < f.opc.length; i++) {
    e.byte(i === f.opc.length - 1 && opReg >= 0 ? f.opc[i] + (opReg & 7) : f.opc[i]);
  }

  // ModRM, SIB, displacement.
  if (f.modrm >= 0) {
    const reg = f.modrm < 8 ? f.modrm : regField & 7;
    if (rmReg >= 0) e.byte(0xc0 | (reg << 3) | (rmReg & 7));
    else if (memOp) {
      let fxFlags = 0;
      if (!isConst(memOp.disp) && (memOp.disp.spec === 'GOTPCREL' || memOp.disp.spec === 'GOT')) {
        const op0 = f.opc[0];
        const gotx = (op0 === 0xff && (f.modrm === 2 || f.modrm === 4)) || (f.opc.length === 1 && ALU_GOTX.has(op0));
        if (gotx) fxFlags = FX_GOTX | (hasRex ? FX_REX : 0);
      }
      encodeMem(e, memOp, reg, asz, mode, fxFlags);
    } else throw new X86Error(`internal: no rm operand for ${f.row}`);
  }
  if (f.imm8 >= 0) e.byte(f.imm8);

  // Immediates, relative targets, moffs, far pointers, in Intel operand order.
  const rev = !(f.flags & F_NOREV);
  for (let k = 0; k < ops.length; k++) {
    const i = rev ? ops.length - 1 - k : k;
    const op = ops[i];
    const ty = f.ops[i];
    switch (roles[i]) {
      case Role.Imm:
        if (op.kind === OpKind.Imm && f.immSize[i]) {
          e.value(op.value, f.immSize[i], false, ty.imm === ImmKind.I8s || ty.imm === ImmKind.I32s, 0);
        }
        break;
      case Role.Rel:
        if (op.kind === OpKind.Mem) {
          const fl = FX_BRANCH | (f.opc[0] === 0xe8 ? FX_CALL : 0);
          e.value(op.disp, ty.rel / 8, true, true, fl);
        }
        break;
      case Role.Moffs:
        if (op.kind === OpKind.Mem) e.value(op.disp, asz / 8, false, false, FX_DISP);
        break;
      case Role.Far:
        if (op.kind === OpKind.Far) {
          e.value(op.off, ty.size / 8, false, false, 0);
          e.value(op.sel, 2, false, false, 0);
        }
        break;
    }
  }
  if (is4 >= 0) e.byte(is4 << 4);

  const bytes = buf.slice(0, e.n);
  for (const fx of e.fixups) if (fx.pcrel) fx.expr.addend -= BigInt(e.n - fx.offset);
  return { bytes, fixups: e.fixups };
}

const MODRM16: Record<string, number> = { '3,6': 0, '3,7': 1, '5,6': 2, '5,7': 3, '6,-1': 4, '7,-1': 5, '5,-1': 6, '3,-1': 7 };

function encodeMem(e: Emitter, m: MemOp, reg: number, asz: number, mode: Mode, fxFlags: number): void {
  fxFlags |= FX_DISP;
  const d = m.disp;
  const sym = !isConst(d);
  const dv = isConst(d) ? d : 0n;
  if (asz === 16) {
    if (m.base < 0 && m.index < 0) {
      e.byte((reg << 3) | 6);
      e.value(d, 2, false, false, fxFlags);
      return;
    }
    const key = `${m.base >= 0 ? REGS[m.base].num : -1},${m.index >= 0 ? REGS[m.index].num : -1}`;
    let rm = MODRM16[key];
    if (rm === undefined) rm = MODRM16[`${m.index >= 0 ? REGS[m.index].num : -1},${m.base >= 0 ? REGS[m.base].num : -1}`];
    if (rm === undefined || m.scale !== 1) throw new X86Error(`invalid 16-bit addressing mode`);
    const v = BigInt.asIntN(16, dv);
    if (!sym && v === 0n && rm !== 6) e.byte((reg << 3) | rm);
    else if (!sym && v >= -128n && v <= 127n) { e.byte(0x40 | (reg << 3) | rm); e.le(v, 1); }
    else { e.byte(0x80 | (reg << 3) | rm); e.value(d, 2, false, false, fxFlags); }
    return;
  }
  const base = m.base >= 0 ? REGS[m.base] : null;
  const index = m.index >= 0 ? REGS[m.index] : null;
  if (index && (index.num === 4 || index.cls === RegClass.Ip)) throw new X86Error(`\`%${index.name}' is not a valid index register`);
  const ss = m.scale === 1 ? 0 : m.scale === 2 ? 1 : m.scale === 4 ? 2 : m.scale === 8 ? 3 : -1;
  if (ss < 0) throw new X86Error(`expecting scale factor of 1, 2, 4, or 8: got \`${m.scale}'`);
  if (base && base.cls === RegClass.Ip) {
    if (index) throw new X86Error(`invalid use of register`);
    e.byte((reg << 3) | 5);
    e.value(d, 4, sym, true, fxFlags);
    return;
  }
  if (!base) {
    if (index) {
      e.byte((reg << 3) | 4);
      e.byte((ss << 6) | ((index.num & 7) << 3) | 5);
    } else if (mode === 64) {
      e.byte((reg << 3) | 4);
      e.byte(0x25);
    } else e.byte((reg << 3) | 5);
    e.value(d, 4, false, mode === 64 && asz === 64, fxFlags);
    return;
  }
  const v = BigInt.asIntN(32, dv);
  const needSib = !!index || (base.num & 7) === 4;
  const rmBits = needSib ? 4 : base.num & 7;
  let mod: number;
  if (sym) mod = 2;
  else if (v === 0n && (base.num & 7) !== 5) mod = 0;
  else if (v >= -128n && v <= 127n) mod = 1;
  else mod = 2;
  e.byte((mod << 6) | (reg << 3) | rmBits);
  if (needSib) e.byte((ss << 6) | ((index ? index.num & 7 : 4) << 3) | (base.num & 7));
  if (mod === 1) e.le(v, 1);
  else if (mod === 2) e.value(sym ? d : v, 4, false, asz === 64, fxFlags);
}

// ---------------------------------------------------------------------------------------------------
// Public interface

function relSize(f: Form): number {
  for (const t of f.ops) if (t.rel) return t.rel;
  return 0;
}

function pick(inst: Instruction, forms: Form[], mode: Mode): Encoded {
  let best: Encoded | null = null;
  let firstErr: unknown = null;
  for (const f of forms) {
    let enc: Encoded;
    try {
      enc = encodeForm(inst, f, mode);
    } catch (err) {
      if (!(err instanceof X86Error)) throw err;
      firstErr ??= err;
      continue;
    }
    if (!best || enc.bytes.length < best.bytes.length) best = enc;
  }
  if (!best) throw firstErr;
  return best;
}

/**
 * Encode one instruction. Direct branches get their near (rel16/rel32) form when they have one;
 * use encodeBranch() for the short form.
 */
export function encode(inst: Instruction, mode: Mode): Encoded {
  if (inst.operands.length !== 0 && STRING_MNEMONICS.has(inst.mnemonic)) return encodeString(inst, mode);
  return pick(inst, nearForms(inst, mode), mode);
}

// String instructions written with their operands (`movsb %fs:(%rsi),%es:(%rdi)`, `lods %gs:(%esi),%al`,
// `outsl %fs:(%esi),(%dx)`, `xlat %fs:(%rbx)`): the operands only choose the segment of the source
// (an override prefix unless it is %ds), the address size (0x67 when the registers are not the mode's
// own size) and, through an accumulator register, the operand size of an unsuffixed mnemonic; the
// instruction is then the operand-less one. GNU as orders the prefixes segment, address size, then
// the instruction's own (operand size, rep, REX).

/** Operand roles in AT&T order: s = (%rsi) (any segment), d = %es:(%rdi), a = accumulator, x = (%dx),
 *  b = (%rbx) (any segment); several strings: the accepted operand lists. */
const STRING_ROLES: Record<string, string[]> = {
  movs: ['sd'], cmps: ['ds'], lods: ['s', 'sa'], stos: ['d', 'ad'], scas: ['d', 'da'], ins: ['xd'], outs: ['sx'], xlat: ['b'],
};

/** Every spelling of a string instruction (lower and upper case), for the one lookup encode() makes. */
const STRING_MNEMONICS: ReadonlySet<string> = new Set(
  ['movs', 'cmps', 'lods', 'stos', 'scas', 'ins', 'outs'].flatMap((b) => ['', 'b', 'w', 'l', 'q'].map((x) => b + x))
    .concat(['xlat', 'xlatb']).flatMap((m) => [m, m.toUpperCase()]),
);

function stringBase(mn: string): string {
  const m = mn.toLowerCase();
  if (m === 'xlat' || m === 'xlatb') return 'xlat';
  const base = /^(movs|cmps|lods|stos|scas|ins|outs)[bwlq]?$/.exec(m);
  return base ? base[1] : '';
}

const ROLE_BASE: Record<string, number> = { s: 6, d: 7, b: 3 };

function encodeString(inst: Instruction, mode: Mode): Encoded {
  const mn = inst.mnemonic.toLowerCase();
  const base = stringBase(mn);
  const ops = inst.operands;
  const roles = STRING_ROLES[base].find((r) => r.length === ops.length);
  if (!roles) throw new X86Error(`number of operands mismatch for \`${inst.mnemonic}'`);
  let seg = -1, asz = 0, osz = 0;
  const shown = (m: MemOp): string => `${m.seg >= 0 ? '%' + REGS[m.seg].name + ':' : ''}(${m.base >= 0 ? '%' + REGS[m.base].name : ''})`;
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i], op = ops[i];
    if (role === 'a') {
      const r = op.kind === OpKind.Reg ? REGS[op.reg] : null;
      if (!r || r.num !== 0 || r.cls < RegClass.Gpr8 || r.cls > RegClass.Gpr64 || r.cls === RegClass.Gpr8Hi) {
        throw new X86Error(`operand type mismatch for \`${inst.mnemonic}'`);
      }
      osz = r.size;
      continue;
    }
    if (op.kind !== OpKind.Mem || op.index >= 0 || op.star || op.base < 0 || (typeof op.disp !== 'bigint' || op.disp !== 0n)) {
      throw new X86Error(`operand type mismatch for \`${inst.mnemonic}'`);
    }
    const r = REGS[op.base];
    if (role === 'x') {
      if (r.name !== 'dx' || op.seg >= 0) throw new X86Error(`operand type mismatch for \`${inst.mnemonic}'`);
      continue;
    }
    const size = r.cls === RegClass.Gpr16 ? 2 : r.cls === RegClass.Gpr32 ? 4 : r.cls === RegClass.Gpr64 ? 8 : 0;
    if (!size || (mode === 64 && size === 2) || (mode !== 64 && size === 8) || (asz && size !== asz)) {
      throw new X86Error(`\`${shown(op)}' is not a valid base/index expression`);
    }
    if (r.num !== ROLE_BASE[role]) {
      throw new X86Error(`\`${shown(op)}' is not valid here (expected \`(%${REGS[regOfSize(ROLE_BASE[role], size)].name})')`);
    }
    asz = size;
    if (role === 'd') {
      if (op.seg >= 0 && REGS[op.seg].name !== 'es') throw new X86Error(`\`${base}' operand ${i + 1} must use \`%es' segment`);
    } else if (op.seg >= 0 && REGS[op.seg].name !== 'ds') seg = op.seg;
  }
  // The operand-less instruction: the mnemonic's suffix, else the accumulator's size, else 'l'.
  let name = mn;
  if (base !== 'xlat') {
    const sfx = mn.length > base.length ? mn[mn.length - 1] : '';
    const want = osz ? 'bwlq'[[1, 2, 4, 8].indexOf(osz)] : '';
    if (sfx && want && sfx !== want) throw new X86Error(`\`%${REGS[(ops[roles.indexOf('a')] as RegOp).reg].name}' not allowed with \`${inst.mnemonic}'`);
    name = base + (sfx || want || 'l');
  } else name = 'xlat';
  const plain = pick({ mnemonic: name, operands: [], prefixes: inst.prefixes }, nearForms({ mnemonic: name, operands: [], prefixes: inst.prefixes }, mode), mode);
  const pre: number[] = [];
  if (seg >= 0) pre.push(SEG_PREFIX[REGS[seg].num]);
  if (asz && asz !== (mode === 16 ? 2 : mode === 32 ? 4 : 8)) pre.push(0x67);
  if (!pre.length) return plain;
  const bytes = new Uint8Array(pre.length + plain.bytes.length);
  bytes.set(pre);
  bytes.set(plain.bytes, pre.length);
  return { ...plain, bytes, fixups: plain.fixups.map((f) => ({ ...f, offset: f.offset + pre.length })) };
}

function regOfSize(num: number, size: number): number {
  const cls = size === 2 ? RegClass.Gpr16 : size === 4 ? RegClass.Gpr32 : RegClass.Gpr64;
  for (let r = 0; r < REGS.length; r++) if (REGS[r].cls === cls && REGS[r].num === num && !(REGS[r].flags & REG_NEEDS_REX)) return r;
  return 0;
}

/** True if `inst` is a direct jmp/jcc with both a short (rel8) and a near form. */
export function isRelaxable(inst: Instruction, mode: Mode): boolean {
  let forms: Form[];
  try {
    forms = matchForms(inst, mode);
  } catch {
    return false;
  }
  return forms.some((f) => relSize(f) === 8) && forms.some((f) => relSize(f) > 8);
}

/** Encode a direct branch in its short (rel8) or near (rel16/rel32) form. */
export function encodeBranch(inst: Instruction, mode: Mode, form: 'short' | 'near'): Encoded {
  const forms = matchForms(inst, mode).filter((f) => (form === 'short' ? relSize(f) === 8 : relSize(f) > 8));
  if (!forms.length) throw new X86Error(`\`${inst.mnemonic}' has no ${form} form`);
  return pick(inst, forms, mode);
}

/** The forms of a relaxable branch: sizes of the short and near encodings. */
export function branchSizes(inst: Instruction, mode: Mode): { short: number; near: number } {
  return { short: encodeBranch(inst, mode, 'short').bytes.length, near: encodeBranch(inst, mode, 'near').bytes.length };
}


