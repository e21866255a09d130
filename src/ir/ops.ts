// The opcode table: every IR op is described once, here, with its result class, operand classes and
// properties. The printer, parser, verifier, folder, interpreter and passes read this table; nothing
// else lists ops. Ops are grouped so that classification is a range check (isTerminator,
// isComparison, ...). The table's row order must equal the Op numbering (checked at load).
//
// Result class (`res`):  I integer  F float  A any  P ptr  - none  M none, `ty` is the stored type
//                        S special (call/asm: any type or void)
// Operand classes (`args`, one char per fixed operand):
//   r  same type as the result          p  pointer (ptr or the pointer-width integer)
//   x  integer, same type as other x    y  float, same type as other y
//   i  any integer                      f  any float
//   m  the stored type (ty)             c  condition: any integer, tested against 0
//   b  a block                          *  variable operand list, checked by custom code

export const enum Op {
  // terminators
  Ret, Jmp, Br, Switch, IndirectBr, Unreachable, Trap,
  // integer binary
  Add, Sub, Mul, SDiv, UDiv, SRem, URem, And, Or, Xor, Shl, LShr, AShr,
  // float binary
  FAdd, FSub, FMul, FDiv,
  // unary
  Neg, Not, FNeg, Bswap, Clz, Ctz, Popcnt,
  // integer comparisons
  Eq, Ne, Slt, Sle, Sgt, Sge, Ult, Ule, Ugt, Uge,
  // float comparisons
  FEq, FNe, FLt, FLe, FGt, FGe, FUo, FOrd,
  // conversions
  Trunc, SExt, ZExt, FPTrunc, FPExt, SIToFP, UIToFP, FPToSI, FPToUI, Bitcast, PtrToInt, IntToPtr,
  // misc
  Copy, Select, Phi, Param,
  // memory
  Load, Store, Alloca, DAlloca, Memcpy, Memset,
  // atomics
  ALoad, AStore, ARmw, CmpXchg, Fence,
  // calls and inline asm
  Call, Asm,
  // varargs (target-lowered)
  VaStart, VaArg, VaEnd, VaCopy,
  // target hooks
  TlsAddr, StackSave, StackRestore, FrameAddr, RetAddr,
  // __builtin_constant_p, decided by the optimiser (opt/isconst.ts)
  IsConst,
  Count,

  TermFirst = Ret, TermLast = Trap,
  IBinFirst = Add, IBinLast = AShr,
  FBinFirst = FAdd, FBinLast = FDiv,
  ICmpFirst = Eq, ICmpLast = Uge,
  FCmpFirst = FEq, FCmpLast = FOrd,
  ConvFirst = Trunc, ConvLast = IntToPtr,
}

export const enum F {
  Val = 1,        // produces a value
  Pure = 2,       // result depends only on operands, no side effect (CSE, DCE, hoisting)
  Comm = 4,       // commutative in its first two operands
  Read = 8,       // reads memory
  Write = 16,     // writes memory or has another side effect: never deleted
  Term = 32,      // ends a block
  Trap = 64,      // may trap
  Mem = 128,      // carries memory attributes in aux (align, volatile, order)
}

export interface OpInfo { op: Op; name: string; res: string; args: string; flags: number }

const V = F.Val, P = F.Val | F.Pure, C = F.Comm;
function row(op: Op, name: string, res: string, args: string, flags: number): OpInfo {
  return { op, name, res, args, flags };
}

export const OPS: readonly OpInfo[] = [
  row(Op.Ret, 'ret', '-', '*', F.Term),
  row(Op.Jmp, 'jmp', '-', 'b', F.Term),
  row(Op.Br, 'br', '-', 'cbb', F.Term),
  row(Op.Switch, 'switch', '-', '*', F.Term),
  row(Op.IndirectBr, 'indirectbr', '-', '*', F.Term),
  row(Op.Unreachable, 'unreachable', '-', '', F.Term),
  row(Op.Trap, 'trap', '-', '', F.Term | F.Write),

  row(Op.Add, 'add', 'I', 'rr', P | C),
  row(Op.Sub, 'sub', 'I', 'rr', P),
  row(Op.Mul, 'mul', 'I', 'rr', P | C),
  row(Op.SDiv, 'sdiv', 'I', 'rr', P | F.Trap),
  row(Op.UDiv, 'udiv', 'I', 'rr', P | F.Trap),
  row(Op.SRem, 'srem', 'I', 'rr', P | F.Trap),
  row(Op.URem, 'urem', 'I', 'rr', P | F.Trap),
  row(Op.And, 'and', 'I', 'rr', P | C),
  row(Op.Or, 'or', 'I', 'rr', P | C),
  row(Op.Xor, 'xor', 'I', 'rr', P | C),
  row(Op.Shl, 'shl', 'I', 'rr', P),
  row(Op.LShr, 'lshr', 'I', 'rr', P),
  row(Op.AShr, 'ashr', 'I', 'rr', P),

  row(Op.FAdd, 'fadd', 'F', 'rr', P | C),
  row(Op.FSub, 'fsub', 'F', 'rr', P),
  row(Op.FMul, 'fmul', 'F', 'rr', P | C),
  row(Op.FDiv, 'fdiv', 'F', 'rr', P),

  row(Op.Neg, 'neg', 'I', 'r', P),
  row(Op.Not, 'not', 'I', 'r', P),
  row(Op.FNeg, 'fneg', 'F', 'r', P),
  row(Op.Bswap, 'bswap', 'I', 'r', P),
  row(Op.Clz, 'clz', 'I', 'r', P),
  row(Op.Ctz, 'ctz', 'I', 'r', P),
  row(Op.Popcnt, 'popcnt', 'I', 'r', P),

  row(Op.Eq, 'eq', 'I', 'xx', P | C),
  row(Op.Ne, 'ne', 'I', 'xx', P | C),
  row(Op.Slt, 'slt', 'I', 'xx', P),
  row(Op.Sle, 'sle', 'I', 'xx', P),
  row(Op.Sgt, 'sgt', 'I', 'xx', P),
  row(Op.Sge, 'sge', 'I', 'xx', P),
  row(Op.Ult, 'ult', 'I', 'xx', P),
  row(Op.Ule, 'ule', 'I', 'xx', P),
  row(Op.Ugt, 'ugt', 'I', 'xx', P),
  row(Op.Uge, 'uge', 'I', 'xx', P),

  row(Op.FEq, 'feq', 'I', 'yy', P | C),
  row(Op.FNe, 'fne', 'I', 'yy', P | C),
  row(Op.FLt, 'flt', 'I', 'yy', P),
  row(Op.FLe, 'fle', 'I', 'yy', P),
  row(Op.FGt, 'fgt', 'I', 'yy', P),
  row(Op.FGe, 'fge', 'I', 'yy', P),
  row(Op.FUo, 'fuo', 'I', 'yy', P | C),
  row(Op.FOrd, 'ford', 'I', 'yy', P | C),

  row(Op.Trunc, 'trunc', 'I', 'i', P),
  row(Op.SExt, 'sext', 'I', 'i', P),
  row(Op.ZExt, 'zext', 'I', 'i', P),
  row(Op.FPTrunc, 'fptrunc', 'F', 'f', P),
  row(Op.FPExt, 'fpext', 'F', 'f', P),
  row(Op.SIToFP, 'sitofp', 'F', 'i', P),
  row(Op.UIToFP, 'uitofp', 'F', 'i', P),
  row(Op.FPToSI, 'fptosi', 'I', 'f', P),
  row(Op.FPToUI, 'fptoui', 'I', 'f', P),
  row(Op.Bitcast, 'bitcast', 'A', '*', P),
  row(Op.PtrToInt, 'ptrtoint', 'I', 'p', P),
  row(Op.IntToPtr, 'inttoptr', 'P', 'i', P),

  row(Op.Copy, 'copy', 'A', 'r', P),
  row(Op.Select, 'select', 'A', 'crr', P),
  row(Op.Phi, 'phi', 'A', '*', V),
  row(Op.Param, 'param', 'A', '', V),

  row(Op.Load, 'load', 'A', 'p', V | F.Read | F.Trap | F.Mem),
  row(Op.Store, 'store', 'M', 'mp', F.Write | F.Trap | F.Mem),
  row(Op.Alloca, 'alloca', 'P', 'p', V),
  row(Op.DAlloca, 'dalloca', 'P', 'p', V | F.Write),
  row(Op.Memcpy, 'memcpy', '-', 'ppp', F.Read | F.Write | F.Trap | F.Mem),
  row(Op.Memset, 'memset', '-', 'pip', F.Write | F.Trap | F.Mem),

  row(Op.ALoad, 'aload', 'I', 'p', V | F.Read | F.Write | F.Trap | F.Mem),
  row(Op.AStore, 'astore', 'M', 'mp', F.Write | F.Trap | F.Mem),
  row(Op.ARmw, 'armw', 'I', 'pr', V | F.Read | F.Write | F.Trap | F.Mem),
  row(Op.CmpXchg, 'cmpxchg', 'I', 'prr', V | F.Read | F.Write | F.Trap | F.Mem),
  row(Op.Fence, 'fence', '-', '', F.Write | F.Mem),

  row(Op.Call, 'call', 'S', '*', F.Read | F.Write | F.Trap),
  row(Op.Asm, 'asm', 'S', '*', F.Read | F.Write | F.Trap),

  row(Op.VaStart, 'vastart', '-', 'p', F.Write),
  row(Op.VaArg, 'vaarg', 'A', 'p', V | F.Read | F.Write),
  row(Op.VaEnd, 'vaend', '-', 'p', F.Write),
  row(Op.VaCopy, 'vacopy', '-', 'pp', F.Read | F.Write),

  row(Op.TlsAddr, 'tlsaddr', 'P', 'p', P),
  row(Op.StackSave, 'stacksave', 'P', '', V | F.Read),
  row(Op.StackRestore, 'stackrestore', '-', 'p', F.Write),
  row(Op.FrameAddr, 'frameaddr', 'P', '', V | F.Read),
  row(Op.RetAddr, 'retaddr', 'P', '', V | F.Read),

  row(Op.IsConst, 'isconst', 'I', '*', P),
];

for (let i = 0; i < OPS.length; i++) if (OPS[i].op !== i) throw new Error(`ops.ts: row ${i} (${OPS[i].name}) out of order`);
if (OPS.length !== Op.Count) throw new Error('ops.ts: table length differs from Op.Count');

const BY_NAME = new Map<string, number>();
for (const o of OPS) BY_NAME.set(o.name, o.op);
export function opByName(name: string): number { return BY_NAME.get(name) ?? -1; }

/** Flags of each op, as a typed array for hot loops. */
export const OP_FLAGS = Uint16Array.from(OPS, (o) => o.flags);

export function isTerminator(op: number): boolean { return op <= Op.TermLast; }
export function isComparison(op: number): boolean { return op >= Op.ICmpFirst && op <= Op.FCmpLast; }
export function isIntCompare(op: number): boolean { return op >= Op.ICmpFirst && op <= Op.ICmpLast; }
export function isFloatCompare(op: number): boolean { return op >= Op.FCmpFirst && op <= Op.FCmpLast; }
export function isIntBinary(op: number): boolean { return op >= Op.IBinFirst && op <= Op.IBinLast; }
export function isFloatBinary(op: number): boolean { return op >= Op.FBinFirst && op <= Op.FBinLast; }
export function isConversion(op: number): boolean { return op >= Op.ConvFirst && op <= Op.ConvLast; }
export function isPure(op: number): boolean { return (OP_FLAGS[op] & F.Pure) !== 0; }
export function hasSideEffect(op: number): boolean { return (OP_FLAGS[op] & (F.Write | F.Term)) !== 0; }

/** The comparison with swapped operands (a < b  ==  b > a). */
export function swapCompare(op: number): number {
  switch (op) {
    case Op.Slt: return Op.Sgt; case Op.Sgt: return Op.Slt; case Op.Sle: return Op.Sge; case Op.Sge: return Op.Sle;
    case Op.Ult: return Op.Ugt; case Op.Ugt: return Op.Ult; case Op.Ule: return Op.Uge; case Op.Uge: return Op.Ule;
    case Op.FLt: return Op.FGt; case Op.FGt: return Op.FLt; case Op.FLe: return Op.FGe; case Op.FGe: return Op.FLe;
  }
  return op;
}

/** The integer comparison that is true exactly when `op` is false. */
export function invertIntCompare(op: number): number {
  switch (op) {
    case Op.Eq: return Op.Ne; case Op.Ne: return Op.Eq;
    case Op.Slt: return Op.Sge; case Op.Sge: return Op.Slt; case Op.Sgt: return Op.Sle; case Op.Sle: return Op.Sgt;
    case Op.Ult: return Op.Uge; case Op.Uge: return Op.Ult; case Op.Ugt: return Op.Ule; case Op.Ule: return Op.Ugt;
  }
  return -1;
}

// Memory attributes in `aux` of F.Mem ops (load, store, memcpy, memset, atomics, fence).
export const enum MemBits {
  AlignMask = 0x1f,          // log2(alignment)
  Volatile = 0x20,
  OrderShift = 6,            // memory order (Order), 3 bits
  FailShift = 9,             // cmpxchg failure order, 3 bits
  Weak = 0x1000,             // cmpxchg weak
  RmwShift = 16,             // armw kind (Rmw), 4 bits
}

export const enum Order { None, Relaxed, Consume, Acquire, Release, AcqRel, SeqCst }
export const ORDER_NAMES = ['', 'relaxed', 'consume', 'acquire', 'release', 'acq_rel', 'seq_cst'];

export const enum Rmw { Xchg, Add, Sub, And, Or, Xor, Nand, SMax, SMin, UMax, UMin }
export const RMW_NAMES = ['xchg', 'add', 'sub', 'and', 'or', 'xor', 'nand', 'smax', 'smin', 'umax', 'umin'];

export function memAux(align: number, isVolatile = false, order = 0, rmw = 0, failOrder = 0, weak = false): number {
  const lg = align > 0 ? 31 - Math.clz32(align) : 0;
  return lg | (isVolatile ? MemBits.Volatile : 0) | (order << MemBits.OrderShift) | (failOrder << MemBits.FailShift) |
    (weak ? MemBits.Weak : 0) | (rmw << MemBits.RmwShift);
}
export function memAlign(aux: number): number { return 1 << (aux & MemBits.AlignMask); }
export function memVolatile(aux: number): boolean { return (aux & MemBits.Volatile) !== 0; }
export function memOrder(aux: number): number { return (aux >> MemBits.OrderShift) & 7; }
export function memFailOrder(aux: number): number { return (aux >> MemBits.FailShift) & 7; }
export function memWeak(aux: number): boolean { return (aux & MemBits.Weak) !== 0; }
export function memRmw(aux: number): number { return (aux >> MemBits.RmwShift) & 15; }
