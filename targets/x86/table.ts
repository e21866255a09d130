// The x86 instruction set as data.
//
// Each instruction form is one row of text in the data files (table-gp.ts, table-sse.ts, ...), written
// much like a line of the Intel manual:
//
//     mnemonic  operands(Intel order, comma separated, '-' for none)  encoding  [| flags]
//     'add rmv,i8s 83 /0 ib | lock'
//     'vaddps xy,xy,xym VEX.L.0F.WIG 58 /r | f=avx'
//
// Operand types (see OPTYPES): r8 r16 r32 r64, rm8..rm64, m (any memory), m8..m512, i8 (any 8-bit
// value), i8s (sign-extended imm8), i16 i32 i32s i64, one (the constant 1), three (the constant 3: int $3 is CC), rel8 rel16 rel32, moffsN,
// fixed registers (al ax eax rax cl dx es cs ss ds fs gs st0), sreg cr dr st mm x (xmm) y (ymm), and
// mixed register/memory types mmm32 mmm64 xm8..xm128 ym256 (the number is the memory size in bits).
// Size-generic types expand one row into several concrete forms:
//   v  in rv rmv mv av iz relz moffsv: operand size 16/32/64 (rv -> r16/r32/r64, iz -> i16/i32/i32s,
//      av -> ax/eax/rax, relz -> rel16/rel32/rel32); the 64-bit form gets REX.W unless the row is d64.
//   L  in xy xym xyh: VEX.L=0 with xmm operands, VEX.L=1 with ymm operands (xyh: xm64 / xm128).
// A mnemonic containing "cc" expands once per condition code (jcc, setcc, cmovcc).
// A mnemonic "a/b" gives the same forms two names.
//
// Encoding tokens: hex bytes (a leading 66/F2/F3 before the opcode is a mandatory prefix), XX+r
// (register in the low 3 bits), /r, /0../7, ib iw id iq iz (immediates in operand order), cb cw cd cz
// (relative), is4 (register in imm8[7:4]), W (REX.W), o16 o32 o64 (operand size), a16 a32 a64 (address
// size), VEX.L.pp.map.W (L: 128 256 LIG LZ L; pp: 66 F2 F3 or absent; map: 0F 0F38 0F3A; W: W0 W1 WIG).
//
// Flags: now64 (no 16-bit operand-size form in 64-bit mode), lock (accepts the lock prefix), rep (accepts rep), d64 (default operand size 64 in 64-bit
// mode), def (the form taken when no suffix and no register operand gives the size), i64 (invalid in
// 64-bit mode), o64 (64-bit mode only), br (branch: rm operands need '*', rel operands are labels),
// far (far call/jmp), nor (AT&T operand order equals Intel order), att=NAME (suffix spellings NAME+b/w/l/q
// for SSE rows with a GPR operand, or movzx-style NAME+src letter+dst letter), fp / fi (x87 memory
// suffixes s/l/t and s/l/ll/q), nosfx (no suffix spellings), sfxonly (only the suffixed spelling: the
// non-default operand size of call/lcall, `calll` in 16-bit mode), str (string instruction: also Intel 'd'
// spelling), roles=XYZ (operand roles in Intel order when the defaults do not fit: r reg, m rm,
// v vvvv, o opcode+r, i imm, 4 is4, - implicit), f=FEATURE, swap (operands may be swapped: test/xchg).
//
// Everything else in the back end is derived from the forms built here: index by AT&T spelling,
// the test corpus, relaxable branches.

import { RegClass } from './regs';

export const enum ImmKind {
  None = 0,
  I8, // any value that fits in 8 bits, signed or unsigned
  I8s, // sign-extended to the operand size
  I16,
  I32,
  I32s, // sign-extended to 64 bits
  I64,
  One, // the constant 1 (shift by one)
  Three, // the constant 3 (int $3 is int3)
}

export const enum Role {
  None = 0,
  Reg, // ModRM.reg
  Rm, // ModRM.rm
  Vvvv, // VEX.vvvv
  OpReg, // low 3 bits of the last opcode byte
  Imm,
  Is4, // register number in imm8[7:4]
  Rel,
  Moffs,
  Far,
  Implicit,
  RegRm, // one register in both ModRM.reg and ModRM.rm (imul $3,%eax)
}

export interface OpType {
  name: string;
  /** Bit mask of 1 << RegClass allowed for a register operand; 0 if none. */
  regCls: number;
  /** Required register id, or -1. */
  fixed: number;
  /** Register or memory size in bits (0: any). */
  size: number;
  mem: boolean;
  imm: ImmKind;
  /** Relative branch displacement size in bits, 0 if not a relative operand. */
  rel: number;
  moffs: boolean;
  far: boolean;
  /** Integer register operand whose size names the instruction's suffix. */
  gpr: boolean;
}

// Form flags
export const F_LOCK = 1 << 0;
export const F_REP = 1 << 1;
export const F_D64 = 1 << 2;
export const F_DEF = 1 << 3;
export const F_BRANCH = 1 << 4;
export const F_FAR = 1 << 5;
export const F_NOREV = 1 << 6;
export const F_STR = 1 << 7;
export const F_SWAP = 1 << 8;
export const F_FP = 1 << 9;
export const F_FI = 1 << 10;
export const F_NOSFX = 1 << 11;
export const F_MOVABS = 1 << 12; // moffs / imm64 forms only reachable through 'movabs' in 64-bit mode
export const F_NOREXW = 1 << 13; // osz 64 without REX.W (d64 rows)
export const F_WAIT = 1 << 14; // fwait (9B) before the other prefixes (fstcw, finit, ...)

export const MODE16 = 1;
export const MODE32 = 2;
export const MODE64 = 4;

export interface Form {
  id: number;
  /** Table mnemonic (the bare spelling). */
  mn: string;
  /** Operand types in AT&T order. */
  ops: OpType[];
  /** Operand roles in AT&T order. */
  roles: Role[];
  /** Mandatory prefix (0x66, 0xF2, 0xF3) or 0. */
  pfx: number;
  /** Opcode bytes (for VEX forms: the single opcode byte after the VEX prefix). */
  opc: number[];
  /** -1: no ModRM, 0..7: /digit, 8: /r */
  modrm: number;
  rexW: boolean;
  /** Operand-size attribute: 0 (none), 16, 32, 64. */
  osz: number;
  /** Explicit address size (jcxz/jecxz/jrcxz), 0 otherwise. */
  asz: number;
  /** Size (bits) the AT&T suffix names, 0 if none. */
  sfx: number;
  /** Second suffix size for movzx-style spellings (source size), 0 otherwise. */
  sfx2: number;
  vex: boolean;
  vexL: number;
  vexPP: number; // 0 none, 1 66, 2 F3, 3 F2
  vexMap: number; // 1 0F, 2 0F38, 3 0F3A
  vexW: number;
  modes: number;
  flags: number;
  feat: string;
  /** Immediate sizes in bytes, in AT&T operand order. */
  immSize: number[];
  /** The form has suffixed spellings (so a bare spelling must get its size from a register). */
  suffixed: boolean;
  /** A constant immediate byte after ModRM (cmpeqps), or -1. */
  imm8: number;
  /** AT&T base for suffix spellings. */
  att: string;
  /** The source row, for messages and the test corpus. */
  row: string;
}

const R = (c: RegClass) => 1 << c;
const GPR8 = R(RegClass.Gpr8) | R(RegClass.Gpr8Hi);

function t(name: string, p: Partial<OpType>): OpType {
  return {
    name, regCls: p.regCls ?? 0, fixed: p.fixed ?? -1, size: p.size ?? 0, mem: p.mem ?? false,
    imm: p.imm ?? ImmKind.None, rel: p.rel ?? 0, moffs: p.moffs ?? false, far: p.far ?? false, gpr: p.gpr ?? false,
  };
}

export const OPTYPES = new Map<string, OpType>();
function def(o: OpType): void {
  OPTYPES.set(o.name, o);
}

import { regByName } from './regs';

for (const [n, c] of [[8, GPR8], [16, R(RegClass.Gpr16)], [32, R(RegClass.Gpr32)], [64, R(RegClass.Gpr64)]] as const) {
  def(t(`r${n}`, { regCls: c, size: n, gpr: true }));
  def(t(`rm${n}`, { regCls: c, size: n, mem: true, gpr: true }));
  def(t(`moffs${n}`, { size: n, moffs: true }));
}
for (const n of [8, 16, 32, 64, 80, 128, 256, 512]) def(t(`m${n}`, { mem: true, size: n }));
def(t('m', { mem: true }));
for (const n of ['al', 'ax', 'eax', 'rax']) {
  const r = regByName(n);
  def(t(n, { fixed: r, regCls: n === 'al' ? GPR8 : R(n === 'ax' ? RegClass.Gpr16 : n === 'eax' ? RegClass.Gpr32 : RegClass.Gpr64), size: n === 'al' ? 8 : n === 'ax' ? 16 : n === 'eax' ? 32 : 64, gpr: true }));
}
def(t('cl', { fixed: regByName('cl'), regCls: GPR8, size: 8 }));
def(t('dx', { fixed: regByName('dx'), regCls: R(RegClass.Gpr16), size: 16 }));
for (const s of ['es', 'cs', 'ss', 'ds', 'fs', 'gs']) def(t(s, { fixed: regByName(s), regCls: R(RegClass.Seg), size: 16 }));
def(t('sreg', { regCls: R(RegClass.Seg), size: 16 }));
def(t('cr', { regCls: R(RegClass.Cr) }));
def(t('dr', { regCls: R(RegClass.Dr) }));
def(t('st0', { fixed: regByName('st(0)'), regCls: R(RegClass.St) }));
def(t('st', { regCls: R(RegClass.St) }));
def(t('mm', { regCls: R(RegClass.Mmx), size: 64 }));
def(t('mmm32', { regCls: R(RegClass.Mmx), mem: true, size: 32 }));
def(t('mmm64', { regCls: R(RegClass.Mmx), mem: true, size: 64 }));
def(t('x', { regCls: R(RegClass.Xmm), size: 128 }));
def(t('xmm0', { regCls: R(RegClass.Xmm), fixed: regByName('xmm0'), size: 128 }));
for (const n of [8, 16, 32, 64, 128]) def(t(`xm${n}`, { regCls: R(RegClass.Xmm), mem: true, size: n }));
def(t('y', { regCls: R(RegClass.Ymm), size: 256 }));
def(t('ym256', { regCls: R(RegClass.Ymm), mem: true, size: 256 }));
def(t('i8', { imm: ImmKind.I8 }));
def(t('i8s', { imm: ImmKind.I8s }));
def(t('i16', { imm: ImmKind.I16 }));
def(t('i32', { imm: ImmKind.I32 }));
def(t('i32s', { imm: ImmKind.I32s }));
def(t('i64', { imm: ImmKind.I64 }));
def(t('one', { imm: ImmKind.One }));
def(t('three', { imm: ImmKind.Three }));
for (const n of [8, 16, 32]) def(t(`rel${n}`, { rel: n }));
def(t('ptr16', { far: true, size: 16 }));
def(t('ptr32', { far: true, size: 32 }));
for (const n of [16, 32, 64]) def(t(`mfar${n}`, { mem: true, size: n })); // m16:16 / m16:32 / m16:64

// Size-generic names, expanded per operand size (index 0: 16, 1: 32, 2: 64).
const VTYPES: Record<string, string[]> = {
  rv: ['r16', 'r32', 'r64'],
  rmv: ['rm16', 'rm32', 'rm64'],
  mv: ['m16', 'm32', 'm64'],
  av: ['ax', 'eax', 'rax'],
  iz: ['i16', 'i32', 'i32s'],
  i8sv: ['i8s', 'i8s', 'i8s'],
  iv: ['i16', 'i32', 'i64'],
  relz: ['rel16', 'rel32', 'rel32'],
  moffsv: ['moffs16', 'moffs32', 'moffs64'],
  mfarv: ['mfar16', 'mfar32', 'mfar64'],
  ptrz: ['ptr16', 'ptr32', 'ptr32'],
};
// VEX.L-generic names (index 0: L=0, 1: L=1).
const LTYPES: Record<string, string[]> = {
  xy: ['x', 'y'],
  xym: ['xm128', 'ym256'],
  xyh: ['xm64', 'xm128'],
  xyq: ['xm32', 'xm64'],
  xye: ['xm16', 'xm32'],
  xymm: ['m128', 'm256'],
};

export const CONDITIONS: string[][] = [
  ['o'], ['no'], ['b', 'c', 'nae'], ['ae', 'nb', 'nc'], ['e', 'z'], ['ne', 'nz'], ['be', 'na'], ['a', 'nbe'],
  ['s'], ['ns'], ['p', 'pe'], ['np', 'po'], ['l', 'nge'], ['ge', 'nl'], ['le', 'ng'], ['g', 'nle'],
];

const SIZE_LETTER: Record<number, string> = { 8: 'b', 16: 'w', 32: 'l', 64: 'q' };
let autoSuffix = true;

export const FORMS: Form[] = [];
/** AT&T spelling -> forms; `explicit` tells whether the spelling carries the operand size. */
export const BY_SPELLING = new Map<string, { form: Form; explicit: boolean }[]>();

function addSpelling(name: string, form: Form, explicit: boolean): void {
  let l = BY_SPELLING.get(name);
  if (!l) BY_SPELLING.set(name, (l = []));
  if (!l.some((e) => e.form === form)) l.push({ form, explicit });
}

interface Parsed {
  names: string[];
  ops: string[];
  enc: string[];
  flags: Map<string, string>;
  row: string;
}

function parseRow(row: string): Parsed {
  const bar = row.indexOf('|');
  const head = (bar < 0 ? row : row.slice(0, bar)).trim().split(/\s+/);
  const flags = new Map<string, string>();
  if (bar >= 0) {
    for (const f of row.slice(bar + 1).trim().split(/\s+/)) {
      if (!f) continue;
      const eq = f.indexOf('=');
      flags.set(eq < 0 ? f : f.slice(0, eq), eq < 0 ? '' : f.slice(eq + 1));
    }
  }
  const names = head[0].split('/');
  const ops = head[1] === '-' ? [] : head[1].split(',');
  return { names, ops, enc: head.slice(2), flags, row };
}

/** Add the rows of one data file to the table. */
export function addRows(rows: string[], feature: string, suffixes = true): void {
  autoSuffix = suffixes;
  for (const row of rows) {
    const p = parseRow(row);
    const feat = p.flags.get('f') ?? feature;
    const hasCC = p.names.some((n) => n.includes('cc'));
    const ccList = hasCC ? CONDITIONS.map((names, i) => ({ names, i })) : [{ names: [''], i: -1 }];
    for (const cc of ccList) {
      const names: string[] = [];
      for (const n of p.names) {
        if (cc.i < 0) names.push(n);
        else for (const c of cc.names) names.push(n.replace('cc', c));
      }
      expandSizes(p, names, cc.i, feat);
    }
  }
}

function expandSizes(p: Parsed, names: string[], cc: number, feat: string): void {
  const hasV = p.ops.some((o) => o in VTYPES) || p.enc.includes('ov');
  const hasL = p.ops.some((o) => o in LTYPES);
  const d64 = p.flags.has('d64');
  if (hasV) {
    for (let k = 0; k < 3; k++) {
      const ops = p.ops.map((o) => (o in VTYPES ? VTYPES[o][k] : o));
      const osz = 16 << k;
      let modes = MODE16 | MODE32 | MODE64;
      if (k === 2) modes = MODE64;
      if (d64 && k === 1) modes = MODE16 | MODE32;
      if (k === 0 && p.flags.has('now64')) modes = MODE16 | MODE32;
      build(p, names, ops, cc, feat, osz, -1, modes);
    }
  } else if (hasL) {
    for (let k = 0; k < 2; k++) build(p, names, p.ops.map((o) => (o in LTYPES ? LTYPES[o][k] : o)), cc, feat, 0, k, 7);
  } else build(p, names, p.ops, cc, feat, 0, -1, 7);
}

function build(p: Parsed, names: string[], opsIntel: string[], cc: number, feat: string, osz: number, vexL: number, modes: number): void {
  const f: Form = {
    id: FORMS.length, mn: names[0], ops: [], roles: [], pfx: 0, opc: [], modrm: -1, rexW: false, osz, asz: 0,
    sfx: 0, sfx2: 0, vex: false, vexL: 0, vexPP: 0, vexMap: 0, vexW: 0, modes, flags: 0, feat, immSize: [], suffixed: false, imm8: -1, att: '', row: p.row,
  };
  const types = opsIntel.map((o) => {
    const ty = OPTYPES.get(o);
    if (!ty) throw new Error(`x86 table: unknown operand type '${o}' in: ${p.row}`);
    return ty;
  });
  const immSizesIntel: number[] = [];
  let opRegIdx = false;
  for (let i = 0; i < p.enc.length; i++) {
    const tok = p.enc[i];
    if (/^[0-9A-F]{2}$/.test(tok)) {
      const b = parseInt(tok, 16);
      if (f.opc.length === 0 && !f.vex && f.pfx === 0 && (b === 0x66 || b === 0xf2 || b === 0xf3) && i + 1 < p.enc.length && /^[0-9A-F]{2}/.test(p.enc[i + 1])) f.pfx = b;
      else if (f.opc.length === 0 && b === 0x9b && i + 1 < p.enc.length) f.flags |= F_WAIT;
      else f.opc.push(b);
    } else if (/^[0-9A-F]{2}\+r$/.test(tok)) {
      f.opc.push(parseInt(tok, 16));
      opRegIdx = true;
    } else if (/^[0-9A-F]{2}\+cc$/.test(tok)) f.opc.push(parseInt(tok, 16) + cc);
    else if (tok === '/r') f.modrm = 8;
    else if (/^\/[0-7]$/.test(tok)) f.modrm = +tok[1];
    else if (tok === 'ib') immSizesIntel.push(1);
    else if (tok === 'iw') immSizesIntel.push(2);
    else if (tok === 'id') immSizesIntel.push(4);
    else if (tok === 'iq') immSizesIntel.push(8);
    else if (tok === 'iz') immSizesIntel.push(osz === 16 ? 2 : 4);
    else if (tok === 'iv') immSizesIntel.push(osz / 8);
    else if (tok === 'cb' || tok === 'cw' || tok === 'cd' || tok === 'cz') { /* sizes come from the rel operand type */ }
    else if (tok === 'is4') immSizesIntel.push(1);
    else if (tok === 'W') f.rexW = true;
    else if (tok === 'o16' || tok === 'o32' || tok === 'o64') f.osz = +tok.slice(1);
    else if (tok === 'o8') f.sfx = 8;
    else if (tok === 'ov') { /* size expansion */ }
    else if (tok[0] === '#') f.imm8 = parseInt(tok.slice(1), 16);
    else if (tok === 'a16' || tok === 'a32' || tok === 'a64') f.asz = +tok.slice(1);
    else if (tok.startsWith('VEX.')) parseVex(f, tok, vexL, p.row);
    else throw new Error(`x86 table: bad encoding token '${tok}' in: ${p.row}`);
  }
  const fl = p.flags;
  if (fl.has('lock')) f.flags |= F_LOCK;
  if (fl.has('rep')) f.flags |= F_REP;
  if (fl.has('d64')) f.flags |= F_D64;
  if (fl.has('def')) f.flags |= F_DEF;
  if (fl.has('br')) f.flags |= F_BRANCH;
  if (fl.has('far')) f.flags |= F_FAR;
  if (fl.has('nor')) f.flags |= F_NOREV;
  if (fl.has('str')) f.flags |= F_STR;
  if (fl.has('swap')) f.flags |= F_SWAP;
  if (fl.has('fp')) f.flags |= F_FP;
  if (fl.has('fi')) f.flags |= F_FI;
  if (fl.has('nosfx')) f.flags |= F_NOSFX;
  if (fl.has('movabs')) f.flags |= F_MOVABS;
  if (fl.has('i64')) f.modes &= ~MODE64;
  if (fl.has('o64')) f.modes &= MODE64;
  if (fl.has('m16')) f.modes &= MODE16;
  if (fl.has('n16')) f.modes &= ~MODE16;
  if (f.osz === 64 && !f.rexW && !(f.flags & F_D64) && !fl.has('norexw')) f.rexW = true;
  if (f.osz === 64 && !f.rexW) f.flags |= F_NOREXW;
  if (f.rexW || f.asz === 64) f.modes &= MODE64;
  if (f.modes === 0) return;

  // Roles (Intel order).
  const roles = fl.has('roles') ? [...fl.get('roles')!].map(roleOf) : defaultRoles(types, f, opRegIdx);
  if (roles.length !== types.length) throw new Error(`x86 table: roles do not match operands in: ${p.row}`);
  // Immediate sizes: from the encoding tokens, else from the operand type.
  let immK = 0;
  const immIntel: number[] = types.map((ty, i) => {
    if (roles[i] === Role.Imm) return immSizesIntel[immK++] ?? immBytes(ty);
    if (roles[i] === Role.Is4) return 1;
    return 0;
  });

  // Suffix size: the operand-size attribute, else the first integer register/memory operand's size.
  if (!f.sfx) f.sfx = f.osz;
  if (fl.has('sfxop')) f.sfx = types[+fl.get('sfxop')!].size;
  if (!f.sfx) for (const ty of types) if (ty.gpr || (ty.mem && ty.size && ty.size <= 64 && !ty.regCls)) { f.sfx = ty.size; break; }
  if (f.flags & F_FP || f.flags & F_FI) {
    f.sfx = 0;
    for (const ty of types) if (ty.mem && !ty.regCls && ty.size) f.sfx = ty.size;
  }
  const rev = !(f.flags & F_NOREV);
  f.ops = rev ? types.slice().reverse() : types;
  f.roles = rev ? roles.slice().reverse() : roles;
  f.immSize = rev ? immIntel.slice().reverse() : immIntel;
  f.att = fl.get('att') ?? '';
  const sx = fl.get('sx');
  if (sx) f.sfx2 = +sx;
  FORMS.push(f);
  for (const n of names) spellings(f, n, fl);
}

function immBytes(ty: OpType): number {
  switch (ty.imm) {
    case ImmKind.I8: case ImmKind.I8s: return 1;
    case ImmKind.I16: return 2;
    case ImmKind.I32: case ImmKind.I32s: return 4;
    case ImmKind.I64: return 8;
    case ImmKind.One: case ImmKind.Three: return 0;
  }
  return 0;
}

function roleOf(c: string): Role {
  switch (c) {
    case 'r': return Role.Reg;
    case 'm': return Role.Rm;
    case 'v': return Role.Vvvv;
    case 'o': return Role.OpReg;
    case 'i': return Role.Imm;
    case '4': return Role.Is4;
    case '-': return Role.Implicit;
    case 'b': return Role.RegRm;
  }
  throw new Error(`x86 table: bad role '${c}'`);
}

// Default operand roles (Intel order). Immediates, relative targets, moffs, far pointers and fixed
// registers place themselves. With +r the register goes into the opcode. Otherwise the rm-capable operand
// goes to ModRM.rm; of two plain registers the first goes to ModRM.reg (control, debug and segment
// registers always do), and a VEX form's remaining register goes to VEX.vvvv. With /digit a lone
// register goes to rm, and in VEX forms the first of two registers is vvvv (vpslld $n,%xmm2,%xmm1).
function defaultRoles(types: OpType[], f: Form, opReg: boolean): Role[] {
  const roles: Role[] = types.map((ty) =>
    ty.imm ? Role.Imm : ty.rel ? Role.Rel : ty.moffs ? Role.Moffs : ty.far ? Role.Far : ty.fixed >= 0 ? Role.Implicit : Role.None);
  const rest: number[] = [];
  roles.forEach((r, i) => { if (r === Role.None) rest.push(i); });
  if (opReg) {
    if (rest.length) roles[rest[0]] = Role.OpReg;
    else { const i = roles.indexOf(Role.Implicit); if (i >= 0) roles[i] = Role.OpReg; }
    return roles;
  }
  if (f.modrm < 0) {
    for (const i of rest) roles[i] = Role.Implicit;
    return roles;
  }
  const digit = f.modrm < 8;
  const special = R(RegClass.Cr) | R(RegClass.Dr) | R(RegClass.Seg);
  let rm = rest.find((i) => types[i].mem) ?? -1;
  if (rm < 0) {
    if (digit) rm = f.vex && rest.length > 1 ? rest[1] : rest[0];
    else if (f.vex) rm = rest[rest.length - 1];
    else rm = rest.find((i) => !(types[i].regCls & special) && i !== rest[0]) ?? rest.find((i) => !(types[i].regCls & special)) ?? -1;
  }
  if (rm >= 0) roles[rm] = Role.Rm;
  const others = rest.filter((i) => i !== rm);
  if (!digit && others.length) {
    const reg = others.find((i) => types[i].regCls & special) ?? others[0];
    roles[reg] = Role.Reg;
  }
  for (const i of others) if (roles[i] === Role.None) roles[i] = f.vex ? Role.Vvvv : Role.None;
  if (roles.includes(Role.None)) throw new Error(`x86 table: cannot place the operands of: ${f.row}`);
  return roles;
}

function parseVex(f: Form, tok: string, vexL: number, row: string): void {
  f.vex = true;
  const parts = tok.split('.').slice(1);
  for (const part of parts) {
    if (part === '128' || part === 'LZ' || part === 'L0' || part === 'LIG') f.vexL = 0;
    else if (part === '256' || part === 'L1') f.vexL = 1;
    else if (part === 'L') f.vexL = vexL < 0 ? 0 : vexL;
    else if (part === '66') f.vexPP = 1;
    else if (part === 'F3') f.vexPP = 2;
    else if (part === 'F2') f.vexPP = 3;
    else if (part === '0F') f.vexMap = 1;
    else if (part === '0F38') f.vexMap = 2;
    else if (part === '0F3A') f.vexMap = 3;
    else if (part === 'W0' || part === 'WIG') f.vexW = 0;
    else if (part === 'W1') f.vexW = 1;
    else if (part === 'NDS' || part === 'NDD' || part === 'DDS') { /* roles say it */ }
    else throw new Error(`x86 table: bad VEX field '${part}' in: ${row}`);
  }
}

// AT&T spellings of a form: the bare name, and suffixed names that carry the operand size.
function spellings(f: Form, name: string, fl: Map<string, string>): void {
  if (!fl.has('sfxonly')) addSpelling(name, f, false);
  const sfxLetter = SIZE_LETTER[f.sfx];
  if (f.flags & F_FP) {
    const l = f.sfx === 32 ? 's' : f.sfx === 64 ? 'l' : f.sfx === 80 ? 't' : '';
    if (l) addSpelling(name + l, f, true);
    f.suffixed = !!l;
    return;
  }
  if (f.flags & F_FI) {
    const ls = f.sfx === 16 ? ['s'] : f.sfx === 32 ? ['l'] : f.sfx === 64 ? ['ll', 'q'] : [];
    for (const l of ls) addSpelling(name + l, f, true);
    f.suffixed = ls.length > 0;
    return;
  }
  if (f.flags & F_NOSFX || !sfxLetter) return;
  const att = f.att || (!autoSuffix || f.pfx || f.vex || f.opc[0] === 0x0f && (f.opc[1] === 0x38 || f.opc[1] === 0x3a) ? '' : name);
  if (!att) return;
  f.suffixed = true;
  if (f.sfx2) {
    addSpelling(att + SIZE_LETTER[f.sfx2] + sfxLetter, f, true);
    return;
  }
  addSpelling(att + sfxLetter, f, true);
  if (f.flags & F_STR && f.sfx === 32) addSpelling(att + 'd', f, true);
}

export function sizeLetter(bits: number): string {
  return SIZE_LETTER[bits] ?? '';
}
