// The IR containers: Module (globals, ABI types, signatures, functions) and Func (blocks and
// instructions in typed arrays). See docs/IR.md.
//
// An instruction is an index i. Its fields are op[i], ty[i], aux[i], its operands
// args[argStart[i] .. argStart[i] + argCount[i]), its block blk[i] (-1 once removed), and its
// neighbours next[i]/prev[i] in the block's list (-1 at the ends). Operand r >= 0 is the value of
// instruction r; r < 0 is constant ~r. Block operands are block numbers.

import { Op, OPS } from './ops';
import { T, bitsOf, isInt } from './types';

export const enum CK { Int, Float, Sym, BlockAddr, Undef }

export const enum Ext { None, S, Z }

/** An ABI type: a scalar (with extension) or a struct passed by value, described by its leaves. */
export interface AbiType {
  kind: 'void' | 'scalar' | 'struct';
  ty: number;            // scalar: its IR type
  ext: number;           // scalar: Ext
  size: number;          // struct: size in bytes
  align: number;         // struct: alignment
  fields: { ty: number; off: number }[];  // struct: flattened scalar leaves (may overlap: unions)
  name?: string;         // text name (:name), for printing only
}

/** StaticChain: the first parameter is a GNU nested function's static chain (x86-64: in %r10, not
 *  classified as an argument). */
export const enum SigFlag { ReturnsTwice = 1, NoReturn = 2, StaticChain = 4 }

/** A call signature: ABI types of the return and of every actual argument. */
export interface Sig {
  ret: number;           // AbiType index
  params: number[];      // AbiType indices
  nfixed: number;        // -1: not variadic; else number of named parameters
  flags: number;         // SigFlag
}

/** A relocated data item: the address of `sym` (or of its block `block`) + addend; with `minusBlock`
 *  (GNU `&&a - &&b`), the difference of the two blocks of function `sym` + addend, a link-time constant. */
export interface Reloc { off: number; size: 4 | 8; sym: string; addend: number; block?: string; minusBlock?: string }

export interface DataObj {
  name: string;
  size: number;
  align: number;
  linkage: 'global' | 'internal' | 'weak' | 'common';
  visibility: '' | 'hidden' | 'protected';
  tls: boolean;
  readonly: boolean;
  section: string;
  /** null: all zero (bss). */
  init: Uint8Array | null;
  relocs: Reloc[];
}

export interface ExternDecl { name: string; weak: boolean; tls: boolean; visibility: '' | 'hidden' | 'protected' }

export interface AsmInfo { template: string; constraints: string; sideEffects: boolean }

/** Where a replica module numbers what it interns itself (see Module.makeReplica). */
const LOCAL_BASE = 1 << 24;

function abiKey(a: AbiType): string {
  return a.kind === 'struct'
    ? `s${a.size},${a.align},${a.fields.map((f) => `${f.ty}@${f.off}`).join(',')}${a.name ? ':' + a.name : ''}`
    : `${a.kind[0]}${a.ty},${a.ext}`;
}
function sigKey(s: Sig): string { return `${s.ret}(${s.params.join(',')})${s.nfixed}/${s.flags}`; }

export class Module {
  readonly funcs: Func[] = [];
  readonly data: DataObj[] = [];
  readonly externs: ExternDecl[] = [];
  readonly aliases: { name: string; target: string }[] = [];
  readonly ctors: { priority: number; sym: string }[] = [];
  readonly dtors: { priority: number; sym: string }[] = [];
  readonly abiTypes: AbiType[] = [];
  readonly sigs: Sig[] = [];
  /** What code generation must know of a symbol that code refers to, before the unit is complete
   *  (the lowering notes it at each first reference): SYM_LOCAL, SYM_TLS, SYM_TLS_DEFINED. */
  readonly symFlags = new Map<string, number>();
  /** The code writes trampolines on the stack (addresses of nested functions): the stack must be executable. */
  execStack = false;
  private abiKeys = new Map<string, number>();
  private sigKeys = new Map<string, number>();

  // Source positions for debug line tables (-g): a location id indexes these arrays (0 = none).
  /** Source file names, in order of first use. */
  readonly debugFiles: string[] = [];
  readonly locFile: number[] = [0];
  readonly locLine: number[] = [0];
  readonly locCol: number[] = [0];
  private locKeys = new Map<string, number>();
  private fileKeys = new Map<string, number>();

  /** The id of a source position (file name, 1-based line and column). */
  locId(file: string, line: number, col: number): number {
    let fi = this.fileKeys.get(file);
    if (fi === undefined) { fi = this.debugFiles.length; this.debugFiles.push(file); this.fileKeys.set(file, fi); }
    const key = `${fi}:${line}:${col}`;
    let id = this.locKeys.get(key);
    if (id === undefined) {
      id = this.locFile.length;
      this.locFile.push(fi); this.locLine.push(line); this.locCol.push(col);
      this.locKeys.set(key, id);
    }
    return id;
  }

  /** Source positions and file names the original module numbered from locFrom / fileFrom on
   *  (src/ir/transfer.ts). */
  adoptLocs(files: string[], fileFrom: number, file: number[], line: number[], col: number[], locFrom: number): void {
    for (let k = 0; k < files.length; k++) this.debugFiles[fileFrom + k] = files[k];
    for (let k = 0; k < file.length; k++) {
      this.locFile[locFrom + k] = file[k]; this.locLine[locFrom + k] = line[k]; this.locCol[locFrom + k] = col[k];
    }
  }

  constructor(readonly ptrSize: 4 | 8) {
    this.abiVoid = this.internAbi({ kind: 'void', ty: T.Void, ext: 0, size: 0, align: 0, fields: [] });
  }
  readonly abiVoid: number;

  internAbi(a: AbiType): number {
    const key = abiKey(a);
    let i = this.abiKeys.get(key);
    if (i === undefined) {
      i = this.localAbi >= 0 ? this.localAbi++ : this.abiTypes.length;
      this.abiTypes[i] = a;
      this.abiKeys.set(key, i);
    }
    return i;
  }
  abiScalar(ty: number, ext = 0): number {
    if (ty === T.Void) return this.abiVoid;
    return this.internAbi({ kind: 'scalar', ty, ext, size: 0, align: 0, fields: [] });
  }
  abiStruct(size: number, align: number, fields: { ty: number; off: number }[], name?: string): number {
    return this.internAbi({ kind: 'struct', ty: T.Void, ext: 0, size, align, fields, name });
  }
  internSig(s: Sig): number {
    const key = sigKey(s);
    let i = this.sigKeys.get(key);
    if (i === undefined) {
      i = this.localSig >= 0 ? this.localSig++ : this.sigs.length;
      this.sigs[i] = s;
      this.sigKeys.set(key, i);
    }
    return i;
  }

  /**
   * A copy of a module made elsewhere, kept up to date by adopt (src/ir/transfer.ts): its signature and
   * ABI type numbers are the other side's, and what is interned here (the code generator asks for
   * the signatures of the helpers it calls) is numbered from LOCAL_BASE, out of their way.
   */
  makeReplica(): void {
    this.localSig = LOCAL_BASE;
    this.localAbi = LOCAL_BASE;
  }
  /** Signatures and ABI types the original numbered from sigs.length / abiTypes.length on. */
  adopt(sigs: Sig[], sigFrom: number, abis: AbiType[], abiFrom: number): void {
    for (let k = 0; k < abis.length; k++) this.adoptEntry(this.abiTypes, this.abiKeys, abiFrom + k, abis[k], abiKey(abis[k]));
    for (let k = 0; k < sigs.length; k++) this.adoptEntry(this.sigs, this.sigKeys, sigFrom + k, sigs[k], sigKey(sigs[k]));
  }
  private adoptEntry<E>(list: E[], keys: Map<string, number>, i: number, e: E, key: string): void {
    list[i] = e;
    if (!keys.has(key)) keys.set(key, i);
  }
  private localSig = -1;
  private localAbi = -1;
  sig(ret: number, params: number[], nfixed = -1, flags = 0): number {
    return this.internSig({ ret, params, nfixed, flags });
  }

  addFunc(name: string, sig: number): Func {
    const f = new Func(this, name, sig);
    this.funcs.push(f);
    return f;
  }
  findFunc(name: string): Func | undefined { return this.funcs.find((f) => f.name === name); }

  addData(d: Partial<DataObj> & { name: string; size: number }): DataObj {
    const o: DataObj = {
      align: 1, linkage: 'global', visibility: '', tls: false, readonly: false, section: '', init: null, relocs: [], ...d,
    };
    this.data.push(o);
    return o;
  }
}

const NO_U8 = new Uint8Array(0), NO_I32 = new Int32Array(0);

/** The constant pool's lookup key: a number for the common small integers (no string to build). */
function constKey(kind: number, ty: number, val: bigint | string, off: number): string | number {
  if (kind === CK.Int && off === 0 && typeof val === 'bigint' && val >= -2147483648n && val < 2147483648n) {
    return ty * 4294967296 + Number(val) + 2147483648;
  }
  return `${kind}|${ty}|${val}|${off}`;
}

function grow<A extends Int32Array | Uint8Array | Uint16Array>(a: A, n: number): A {
  if (n <= a.length) return a;
  let len = a.length * 2;
  while (len < n) len *= 2;
  const b = new (a.constructor as { new(n: number): A })(len);
  b.set(a);
  return b;
}

/** module.symFlags bits: not preemptible (internal linkage or hidden), thread-local, and a thread-local
 *  defined in this unit. */
export const SYM_LOCAL = 1, SYM_TLS = 2, SYM_TLS_DEFINED = 4;

export class Func {
  // function attributes
  linkage: 'global' | 'internal' | 'weak' = 'global';
  visibility: '' | 'hidden' | 'protected' = '';
  section = '';
  noinline = false;
  /** Addresses of its blocks appear in static data (`&&label` in an initialiser): the code generator
   *  must keep a name for each block. */
  labelsInData = false;

  // instructions
  nInstr = 0;
  // (the eight per-instruction arrays are views of one buffer, allocated by growInstrs: an ArrayBuffer
  // is costly to make, and a unit makes thousands of functions)
  op = NO_U8;
  ty = NO_U8;
  aux = NO_I32;
  argStart = NO_I32;
  argCount = NO_I32;
  blk = NO_I32;
  next = NO_I32;
  prev = NO_I32;
  names: (string | undefined)[] = [];

  // operand pool
  args = new Int32Array(256);
  nArgs = 0;

  // blocks
  nBlocks = 0;
  first = new Int32Array(16);
  last = new Int32Array(16);
  blockNames: (string | undefined)[] = [];
  /** Blocks in layout order; the first is the entry. Removed blocks are not in it. */
  layout: number[] = [];

  // constants
  cKind: number[] = [];
  cType: number[] = [];
  cVal: (bigint | string)[] = [];     // Int/Float: bigint; Sym: name; others: ''
  cOff: number[] = [];               // Sym: addend; BlockAddr: block
  private cKeys = new Map<string | number, number>();

  asms: AsmInfo[] = [];
  /** -g: each instruction's source position (Module.locId; 0 = none), null without -g. New
   *  instructions take curLoc. */
  loc: Int32Array | null = null;
  curLoc = 0;
  /** -g: the position of the function's name (the prologue's line). */
  declLoc = 0;
  /** Referenced in ways the IR does not show (the `used` attribute): never dropped as unreferenced. */
  keep = false;

  constructor(readonly module: Module, public name: string, public sig: number) {}

  get ptrSize(): number { return this.module.ptrSize; }
  get entry(): number { return this.layout[0]; }

  // ---- blocks
  newBlock(name?: string): number {
    const b = this.nBlocks++;
    this.first = grow(this.first, this.nBlocks);
    this.last = grow(this.last, this.nBlocks);
    this.first[b] = -1;
    this.last[b] = -1;
    this.blockNames[b] = name;
    this.layout.push(b);
    return b;
  }
  removeBlock(b: number): void {
    for (let i = this.first[b]; i >= 0;) { const n = this.next[i]; this.blk[i] = -1; i = n; }
    this.first[b] = this.last[b] = -1;
    const k = this.layout.indexOf(b);
    if (k >= 0) this.layout.splice(k, 1);
  }
  blockName(b: number): string { return this.blockNames[b] ?? `${b}`; }
  /** The terminator of block b, or -1. */
  term(b: number): number {
    const i = this.last[b];
    return i >= 0 && OPS[this.op[i]].flags & 32 ? i : -1;
  }

  // ---- instructions
  /** Allocates an instruction (not yet in any block). */
  newInstr(op: number, ty: number, args: ArrayLike<number>, aux = 0): number {
    const i = this.nInstr++;
    if (i >= this.op.length) this.growInstrs(i + 1);
    if (this.loc) {
      if (i >= this.loc.length) this.loc = grow(this.loc, i + 1);
      this.loc[i] = this.curLoc;
    }
    this.op[i] = op; this.ty[i] = ty; this.aux[i] = aux;
    this.blk[i] = -1; this.next[i] = -1; this.prev[i] = -1;
    this.setArgs(i, args);
    return i;
  }
  private growInstrs(n: number): void {
    let cap = Math.max(64, this.op.length * 2);
    while (cap < n) cap *= 2;
    const buf = new ArrayBuffer(cap * 26);
    const i32 = (k: number, old: Int32Array): Int32Array<ArrayBuffer> => { const a = new Int32Array(buf, 4 * k * cap, cap); a.set(old); return a; };
    this.aux = i32(0, this.aux); this.argStart = i32(1, this.argStart); this.argCount = i32(2, this.argCount);
    this.blk = i32(3, this.blk); this.next = i32(4, this.next); this.prev = i32(5, this.prev);
    const op = new Uint8Array(buf, 24 * cap, cap), ty = new Uint8Array(buf, 25 * cap, cap);
    op.set(this.op); ty.set(this.ty);
    this.op = op; this.ty = ty;
  }
  /** Replaces the operand list of instruction i. */
  setArgs(i: number, a: ArrayLike<number>): void {
    const n = a.length;
    if (n <= this.argCount[i]) {      // shrinking or same size: reuse the slot
      const s0 = this.argStart[i];
      for (let k = 0; k < n; k++) this.args[s0 + k] = a[k];
      this.argCount[i] = n;
      return;
    }
    const start = this.nArgs;
    this.args = grow(this.args, start + n);
    for (let k = 0; k < n; k++) this.args[start + k] = a[k];
    this.nArgs += n;
    this.argStart[i] = start;
    this.argCount[i] = n;
  }
  arg(i: number, k: number): number { return this.args[this.argStart[i] + k]; }
  setArg(i: number, k: number, v: number): void { this.args[this.argStart[i] + k] = v; }
  argList(i: number): number[] {
    const s = this.argStart[i], n = this.argCount[i], out = new Array<number>(n);
    for (let k = 0; k < n; k++) out[k] = this.args[s + k];
    return out;
  }

  append(b: number, i: number): void {
    this.blk[i] = b;
    this.prev[i] = this.last[b];
    this.next[i] = -1;
    if (this.last[b] >= 0) this.next[this.last[b]] = i; else this.first[b] = i;
    this.last[b] = i;
  }
  insertBefore(before: number, i: number): void {
    const b = this.blk[before];
    this.blk[i] = b;
    const p = this.prev[before];
    this.prev[i] = p; this.next[i] = before; this.prev[before] = i;
    if (p >= 0) this.next[p] = i; else this.first[b] = i;
  }
  insertAfter(after: number, i: number): void {
    const n = this.next[after];
    if (n >= 0) { this.insertBefore(n, i); return; }
    this.append(this.blk[after], i);
  }
  /** Unlinks instruction i from its block. */
  remove(i: number): void {
    const b = this.blk[i];
    if (b < 0) return;
    const p = this.prev[i], n = this.next[i];
    if (p >= 0) this.next[p] = n; else this.first[b] = n;
    if (n >= 0) this.prev[n] = p; else this.last[b] = p;
    this.blk[i] = -1; this.next[i] = this.prev[i] = -1;
  }
  /** Instructions of block b in order (a copy: safe to mutate the block while walking it). */
  instrs(b: number): number[] {
    const out: number[] = [];
    for (let i = this.first[b]; i >= 0; i = this.next[i]) out.push(i);
    return out;
  }

  /** Successor blocks of block b (from its terminator), possibly with repeats. */
  succs(b: number): number[] {
    const t = this.term(b);
    if (t < 0) return [];
    const s = this.argStart[t], n = this.argCount[t], a = this.args;
    switch (this.op[t]) {
      case Op.Jmp: return [a[s]];
      case Op.Br: return [a[s + 1], a[s + 2]];
      case Op.Switch: { const out = [a[s + 1]]; for (let k = 2; k < n; k += 3) out.push(a[s + k + 2]); return out; }
      case Op.IndirectBr: { const out: number[] = []; for (let k = 1; k < n; k++) out.push(a[s + k]); return out; }
    }
    return [];
  }
  /** Rewrites every reference to block `from` in b's terminator to `to`. */
  retarget(b: number, from: number, to: number): void {
    const t = this.term(b);
    const s = this.argStart[t], n = this.argCount[t], a = this.args;
    switch (this.op[t]) {
      case Op.Jmp: if (a[s] === from) a[s] = to; break;
      case Op.Br: if (a[s + 1] === from) a[s + 1] = to; if (a[s + 2] === from) a[s + 2] = to; break;
      case Op.Switch: if (a[s + 1] === from) a[s + 1] = to; for (let k = 2; k < n; k += 3) if (a[s + k + 2] === from) a[s + k + 2] = to; break;
      case Op.IndirectBr: for (let k = 1; k < n; k++) if (a[s + k] === from) a[s + k] = to; break;
    }
  }

  // ---- values
  /** Type of a value reference (instruction result or constant). */
  typeOf(r: number): number { return r >= 0 ? this.ty[r] : this.cType[~r]; }
  isConst(r: number): boolean { return r < 0; }

  /** After the constant pool was filled from elsewhere (src/ir/transfer.ts): its lookup table. */
  rebuildConstKeys(): void {
    this.cKeys.clear();
    for (let c = 0; c < this.cKind.length; c++) {
      const key = constKey(this.cKind[c], this.cType[c], this.cVal[c], this.cOff[c]);
      if (!this.cKeys.has(key)) this.cKeys.set(key, c);
    }
  }

  private intern(kind: number, ty: number, val: bigint | string, off: number): number {
    const key = constKey(kind, ty, val, off);
    let c = this.cKeys.get(key);
    if (c === undefined) {
      c = this.cKind.length;
      this.cKind.push(kind); this.cType.push(ty); this.cVal.push(val); this.cOff.push(off);
      this.cKeys.set(key, c);
    }
    return ~c;
  }
  /** Integer constant of type ty (value taken modulo the width, stored sign-normalised). */
  iconst(ty: number, v: number | bigint): number {
    const bits = bitsOf(ty, this.module.ptrSize);
    return this.intern(CK.Int, ty, BigInt.asIntN(bits, BigInt(v)), 0);
  }
  /** Float constant from its bit pattern. */
  fconst(ty: number, bits: bigint): number { return this.intern(CK.Float, ty, bits, 0); }
  symAddr(name: string, off = 0): number { return this.intern(CK.Sym, T.Ptr, name, off); }
  blockAddr(b: number): number { return this.intern(CK.BlockAddr, T.Ptr, '', b); }
  undef(ty: number): number { return this.intern(CK.Undef, ty, '', 0); }
  /** Integer value of an integer constant ref, or undefined. */
  constInt(r: number): bigint | undefined {
    if (r >= 0 || this.cKind[~r] !== CK.Int) return undefined;
    return this.cVal[~r] as bigint;
  }
  isIntConst(r: number, v: bigint): boolean { return this.constInt(r) === v; }

  /** A fresh value name for printing, if any. */
  setName(i: number, name: string): void { this.names[i] = name; }
}

export function isIntType(t: number): boolean { return isInt(t); }

/** Is operand k of an instruction with this op a value (else a block number)? */
export function isValueSlot(op: number, k: number): boolean {
  switch (op) {
    case Op.Jmp: return false;
    case Op.Br: case Op.IndirectBr: return k === 0;
    case Op.Switch: return k === 0 || (k >= 2 && (k - 2) % 3 !== 2);
    case Op.Phi: return (k & 1) === 1;
  }
  return true;
}

/** Rewrites every value operand r of every placed instruction to map(r) (map returns r to keep it). */
export function rewriteOperands(f: Func, map: (r: number) => number): void {
  const A = f.args;
  for (const b of f.layout) {
    for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      const s = f.argStart[i], n = f.argCount[i], op = f.op[i];
      for (let k = 0; k < n; k++) if (A[s + k] >= 0 && isValueSlot(op, k)) A[s + k] = map(A[s + k]);
    }
  }
}

/** Number of uses of each value among placed instructions. */
export function useCounts(f: Func): Int32Array {
  const cnt = new Int32Array(f.nInstr);
  const A = f.args;
  for (const b of f.layout) {
    for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      const s = f.argStart[i], n = f.argCount[i], op = f.op[i];
      for (let k = 0; k < n; k++) if (A[s + k] >= 0 && isValueSlot(op, k)) cnt[A[s + k]]++;
    }
  }
  return cnt;
}
