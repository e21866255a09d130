// The builder: the API the C lowering uses to emit IR into a function. It keeps a current block;
// emitting after a terminator opens a fresh (unreachable) block, so code after `return` needs no
// special case. Fixed-size allocas always go to the entry block, after the params.

import { Func, Module } from './module';
import { Op, memAux, isTerminator } from './ops';
import { T } from './types';

export class Builder {
  block = -1;
  private lastAlloca = -1;

  constructor(readonly fn: Func) {
    if (fn.layout.length) this.block = fn.layout[fn.layout.length - 1];
  }

  static func(m: Module, name: string, sig: number, paramTypes: number[]): { b: Builder; params: number[] } {
    const fn = m.addFunc(name, sig);
    const b = new Builder(fn);
    b.block = fn.newBlock('entry');
    const params = paramTypes.map((t, k) => b.emit(Op.Param, t, [], k));
    if (params.length) b.lastAlloca = params[params.length - 1];
    return { b, params };
  }

  newBlock(name?: string): number { return this.fn.newBlock(name); }
  setBlock(b: number): void { this.block = b; }
  /** True when the current block already ends with a terminator. */
  terminated(): boolean { return this.fn.term(this.block) >= 0; }

  /** Emits an instruction at the end of the current block; returns its value number. */
  emit(op: number, ty: number, args: ArrayLike<number>, aux = 0): number {
    if (this.block < 0 || this.terminated()) this.block = this.fn.newBlock();
    const i = this.fn.newInstr(op, ty, args, aux);
    this.fn.append(this.block, i);
    return i;
  }

  // ---- constants
  int(ty: number, v: number | bigint): number { return this.fn.iconst(ty, v); }
  float(ty: number, bits: bigint): number { return this.fn.fconst(ty, bits); }
  sym(name: string, off = 0): number { return this.fn.symAddr(name, off); }
  blockAddr(b: number): number { return this.fn.blockAddr(b); }
  undef(ty: number): number { return this.fn.undef(ty); }

  // ---- arithmetic
  binary(op: number, ty: number, a: number, b: number): number { return this.emit(op, ty, [a, b]); }
  unary(op: number, ty: number, a: number): number { return this.emit(op, ty, [a]); }
  /** Comparison: result of type resTy (0 or 1). */
  cmp(op: number, a: number, b: number, resTy: number = T.I32): number { return this.emit(op, resTy, [a, b]); }
  conv(op: number, ty: number, a: number): number { return this.emit(op, ty, [a]); }
  copy(ty: number, a: number): number { return this.emit(Op.Copy, ty, [a]); }
  select(ty: number, c: number, a: number, b: number): number { return this.emit(Op.Select, ty, [c, a, b]); }
  /** A phi; incoming pairs [block, value, ...] (more can be added with addIncoming). */
  phi(ty: number, incoming: number[] = []): number {
    const f = this.fn, b = this.block;
    const i = f.newInstr(Op.Phi, ty, incoming);
    // phis go first in their block
    let at = f.first[b];
    while (at >= 0 && f.op[at] === Op.Phi) at = f.next[at];
    if (at >= 0) f.insertBefore(at, i); else f.append(b, i);
    return i;
  }
  addIncoming(phi: number, block: number, value: number): void {
    const a = this.fn.argList(phi);
    a.push(block, value);
    this.fn.setArgs(phi, a);
  }

  // ---- memory
  load(ty: number, p: number, align: number, isVolatile = false): number {
    return this.emit(Op.Load, ty, [p], memAux(align, isVolatile));
  }
  store(ty: number, v: number, p: number, align: number, isVolatile = false): number {
    return this.emit(Op.Store, ty, [v, p], memAux(align, isVolatile));
  }
  /** A fixed frame slot (in the entry block, whatever the current block). */
  alloca(size: number, align: number): number {
    const f = this.fn;
    const i = f.newInstr(Op.Alloca, T.Ptr, [f.iconst(T.Ptr, size)], align);
    const entry = f.entry;
    let after = this.lastAlloca >= 0 && f.blk[this.lastAlloca] === entry ? this.lastAlloca : -1;
    if (after < 0) {
      for (let j = f.first[entry]; j >= 0 && (f.op[j] === Op.Param || f.op[j] === Op.Alloca); j = f.next[j]) after = j;
    }
    if (after >= 0) f.insertAfter(after, i);
    else if (f.first[entry] >= 0) f.insertBefore(f.first[entry], i);
    else f.append(entry, i);
    this.lastAlloca = i;
    return i;
  }
  /** A dynamic allocation (VLA, alloca()): n bytes each time it runs. */
  dalloca(n: number, align: number): number { return this.emit(Op.DAlloca, T.Ptr, [n], align); }
  memcpy(dst: number, src: number, n: number, align: number, isVolatile = false): number {
    return this.emit(Op.Memcpy, T.Void, [dst, src, n], memAux(align, isVolatile));
  }
  memset(dst: number, byte: number, n: number, align: number, isVolatile = false): number {
    return this.emit(Op.Memset, T.Void, [dst, byte, n], memAux(align, isVolatile));
  }

  // ---- atomics (order: Order)
  atomicLoad(ty: number, p: number, align: number, order: number): number { return this.emit(Op.ALoad, ty, [p], memAux(align, false, order)); }
  atomicStore(ty: number, v: number, p: number, align: number, order: number): number { return this.emit(Op.AStore, ty, [v, p], memAux(align, false, order)); }
  atomicRmw(rmw: number, ty: number, p: number, v: number, align: number, order: number): number {
    return this.emit(Op.ARmw, ty, [p, v], memAux(align, false, order, rmw));
  }
  cmpxchg(ty: number, p: number, expected: number, desired: number, align: number, order: number, failOrder: number, weak = false): number {
    return this.emit(Op.CmpXchg, ty, [p, expected, desired], memAux(align, false, order, 0, failOrder, weak));
  }
  fence(order: number): number { return this.emit(Op.Fence, T.Void, [], memAux(1, false, order)); }

  // ---- calls
  /** A call; `callee` is a symbol constant or a value; resTy is Void when the call has no value.
   * For a struct-returning signature, args[0] is the destination address. */
  call(sig: number, callee: number, args: number[], resTy: number = T.Void): number {
    return this.emit(Op.Call, resTy, [callee, ...args], sig);
  }
  asm(template: string, constraints: string, args: number[], resTy: number = T.Void, sideEffects = true): number {
    const k = this.fn.asms.length;
    this.fn.asms.push({ template, constraints, sideEffects });
    return this.emit(Op.Asm, resTy, args, k);
  }

  // ---- varargs
  vaStart(ap: number): number { return this.emit(Op.VaStart, T.Void, [ap]); }
  /** abi: AbiType index; scalar gives the value, struct gives a pointer to it. */
  vaArg(ty: number, ap: number, abi: number): number { return this.emit(Op.VaArg, ty, [ap], abi); }
  vaEnd(ap: number): number { return this.emit(Op.VaEnd, T.Void, [ap]); }
  vaCopy(dst: number, src: number): number { return this.emit(Op.VaCopy, T.Void, [dst, src]); }

  // ---- target hooks
  tlsAddr(sym: number): number { return this.emit(Op.TlsAddr, T.Ptr, [sym]); }
  stackSave(): number { return this.emit(Op.StackSave, T.Ptr, []); }
  stackRestore(p: number): number { return this.emit(Op.StackRestore, T.Void, [p]); }
  /** __builtin_constant_p(v): i32 1 if the optimiser finds v constant, else 0. */
  isConst(v: number): number { return this.emit(Op.IsConst, T.I32, [v]); }
  frameAddr(level: number): number { return this.emit(Op.FrameAddr, T.Ptr, [], level); }
  retAddr(level: number): number { return this.emit(Op.RetAddr, T.Ptr, [], level); }

  // ---- terminators
  ret(v?: number): number { return this.emit(Op.Ret, T.Void, v === undefined ? [] : [v]); }
  jmp(b: number): number { return this.emit(Op.Jmp, T.Void, [b]); }
  br(c: number, t: number, f: number): number { return this.emit(Op.Br, T.Void, [c, t, f]); }
  /** cases: [lo, hi, block] with lo/hi constant refs of v's type (lo === hi for a single value). */
  switch(v: number, dflt: number, cases: [number, number, number][]): number {
    const a = [v, dflt];
    for (const [lo, hi, b] of cases) a.push(lo, hi, b);
    return this.emit(Op.Switch, T.Void, a);
  }
  indirectBr(addr: number, targets: number[]): number { return this.emit(Op.IndirectBr, T.Void, [addr, ...targets]); }
  unreachable(): number { return this.emit(Op.Unreachable, T.Void, []); }
  trap(): number { return this.emit(Op.Trap, T.Void, []); }
}

export { isTerminator };
