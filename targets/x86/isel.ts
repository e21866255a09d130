// Instruction selection for x86-64: one IR function -> machine IR (targets/common/mir.ts) over
// virtual registers, ready for the register allocator.
//
// Values: integers up to 64 bits and pointers live in one general virtual register (the bits above
// the type's width are unspecified; sext/zext make them explicit); i128 in a pair (lo, hi); f32, f64
// and f128 in an xmm virtual register; f80 (x87 long double) in a 16-byte frame slot, computed on
// the x87 stack one operation at a time. Arithmetic on i8/i16 uses 32-bit instructions when the low
// bits do not depend on the high ones (add, sub, mul, logic, left shift).
// Folding: an `alloca` is a frame slot, never a register, and is used directly as a memory operand;
// `add p, c` and `add p, shl(i, 0..3)` whose only uses are load/store addresses become addressing
// modes; a comparison used only by `br`/`select` in its block is emitted next to its user as
// cmp + jcc / cmov; small integer constants become immediates.
// Phis: each predecessor edge gets a parallel copy (pmove.ts) at its end; critical edges (a
// predecessor with several successors into a block with phis) are split by a new block.

import { Module as IRModule, Func, CK, Ext, SYM_LOCAL, SYM_TLS, SYM_TLS_DEFINED } from '../../src/ir/module';
import { Op, memAlign, memOrder, memRmw, Order, Rmw, memVolatile } from '../../src/ir/ops';
import { T } from '../../src/ir/types';
import { MFunc, MBlock, MInst, MOp, MReg, MMem, MK, Dst, MF, minst, mreg, mimm, mmem, mslot, mlabel, msym, mphys, MValue } from '../common/mir';
import { sequentialize } from '../common/pmove';
import { layoutCall, CallLayout, AC, Piece } from './abi';
import { RAX, RCX, RDX, RSP, RBP, RSI, RDI, XMM0, FIRST_VREG, CLS_GP, CLS_SSE, CALLER_SAVED, R8, R9 } from './target';
import { RegClass, regOf, regByName } from './regs';

export interface ISelOptions { pic: boolean; optLevel: number }

/** Module-wide state shared by the functions: literal pool and symbol facts. */
export class ModuleCtx {
  literals: { label: string; bytes: number[]; align: number }[] = [];
  private litKeys = new Map<string, string>();
  /** Switch tables: block numbers of `fn`, turned into its block labels (`names`) once it is emitted. */
  jumpTables: { label: string; fn: MFunc | null; targets: number[]; base: string; names: string[] | null }[] = [];
  localSyms = new Set<string>();
  tlsLocal = new Set<string>();
  tlsSyms = new Set<string>();
  labelCounter = 0;
  constructor(readonly m: IRModule, readonly opts: ISelOptions) {
    for (const f of m.funcs) if (f.linkage === 'internal' || f.visibility === 'hidden' || !opts.pic) this.localSyms.add(f.name);
    for (const d of m.data) {
      if (d.linkage === 'internal' || d.visibility === 'hidden' || !opts.pic) this.localSyms.add(d.name);
      if (d.tls) { this.tlsSyms.add(d.name); this.tlsLocal.add(d.name); }
    }
    for (const e of m.externs) {
      if (e.tls) this.tlsSyms.add(e.name);
      if (e.visibility === 'hidden') this.localSyms.add(e.name);
    }
  }
  /** A read-only literal; identical literals share a label. */
  literal(bytes: number[], align: number): string {
    const key = align + ':' + bytes.join(',');
    let l = this.litKeys.get(key);
    if (!l) { l = `.LC${this.literals.length}`; this.literals.push({ label: l, bytes, align }); this.litKeys.set(key, l); }
    return l;
  }
  /** Is the symbol defined in this module (or otherwise not preemptible): direct, pc-relative access.
   *  The module may be incomplete (functions are compiled as they come): what the lowering noted at the
   *  references counts too. */
  isLocal(name: string): boolean {
    if (!this.opts.pic) {
      // without -fPIC, extern data is still reached pc-relatively (static link); extern weak too
      return true;
    }
    return this.localSyms.has(name) || ((this.m.symFlags.get(name) ?? 0) & SYM_LOCAL) !== 0;
  }
  isTls(name: string): boolean { return this.tlsSyms.has(name) || ((this.m.symFlags.get(name) ?? 0) & SYM_TLS) !== 0; }
  /** A thread-local defined in this unit. */
  isTlsDefined(name: string): boolean { return this.tlsLocal.has(name) || ((this.m.symFlags.get(name) ?? 0) & SYM_TLS_DEFINED) !== 0; }
}

function leBytes(v: bigint, n: number): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(n * 8, v);
  for (let k = 0; k < n; k++) { out.push(Number(x & 0xffn)); x >>= 8n; }
  return out;
}

const SFX = ['', 'b', 'w', '', 'l', '', '', '', 'q'];
const INT_CC: Record<number, string> = {
  [Op.Eq]: 'e', [Op.Ne]: 'ne', [Op.Slt]: 'l', [Op.Sle]: 'le', [Op.Sgt]: 'g', [Op.Sge]: 'ge',
  [Op.Ult]: 'b', [Op.Ule]: 'be', [Op.Ugt]: 'a', [Op.Uge]: 'ae',
};
const INV_CC: Record<string, string> = {
  e: 'ne', ne: 'e', l: 'ge', ge: 'l', le: 'g', g: 'le', b: 'ae', ae: 'b', be: 'a', a: 'be', p: 'np', np: 'p', s: 'ns', ns: 's',
};

/** A condition: cc, or a float equality needing the parity flag (and: cc && !P, or: cc || P). */
interface Cond { cc: string; par: 0 | 1 | 2 }

function isz(t: number): number {
  switch (t) { case T.I8: return 1; case T.I16: return 2; case T.I32: return 4; case T.F32: return 4; default: return 8; }
}

export class FuncISel {
  mf: MFunc;
  cur!: MBlock;
  private vr: Int32Array;
  private vhi: Int32Array;
  private f80: (MMem | undefined)[] = [];
  private addrOf: (MMem | undefined)[] = [];
  private uses: Int32Array;
  private addrOnly: Uint8Array;
  private fused: Uint8Array;
  private head: number[] = [];
  private edgeBlocks = new Map<string, number>();
  private pendingEdges: { from: number; to: number; mb: MBlock }[] = [];
  private sretPtr = -1;
  private vaSave = -1;
  private xfer = -1;
  private layout: CallLayout;
  private depth: Int32Array;
  readonly labelBase: string;
  /** -g: the source position of the IR instruction being selected (0 = none). */
  private curLoc = 0;

  constructor(readonly ctx: ModuleCtx, readonly f: Func, fnIndex: number) {
    this.mf = new MFunc(f.name, FIRST_VREG);
    this.vr = new Int32Array(f.nInstr).fill(-1);
    this.vhi = new Int32Array(f.nInstr).fill(-1);
    this.uses = new Int32Array(f.nInstr);
    this.addrOnly = new Uint8Array(f.nInstr);
    this.fused = new Uint8Array(f.nInstr);
    this.depth = new Int32Array(f.nBlocks);
    this.labelBase = `.L${fnIndex}_`;
    this.layout = layoutCall(ctx.m, f.sig);
  }

  get m(): IRModule { return this.ctx.m; }

  // ------------------------------------------------------------------ emission helpers
  emit(mn: string, ops: MOp[], dst: Dst, flags = 0): MInst {
    const i = minst(mn, ops, dst, flags);
    i.loc = this.curLoc;
    this.cur.insts.push(i);
    return i;
  }
  newMBlock(): MBlock {
    const b = this.mf.newBlock(this.labelBase + 'x' + this.mf.blocks.length, this.cur ? this.cur.depth : 0);
    return b;
  }
  /** Starts a new machine block placed right after the current one in layout. */
  startBlock(b: MBlock): void {
    const k = this.mf.order.indexOf(this.cur.id);
    this.mf.order.splice(k + 1, 0, b.id);
    this.cur = b;
  }
  gpv(): number { return this.mf.newVreg(CLS_GP, 8); }
  xmv(wide = false): number { return this.mf.newVreg(CLS_SSE, wide ? 16 : 8); }
  R(u: number, size: number): MReg { return mreg(u, size); }
  copy(src: number, dst: number, size = 8): void {
    if (src === dst) return;
    const cls = (src >= XMM0 && src < FIRST_VREG) || (src >= FIRST_VREG && this.mf.vclass[src - FIRST_VREG] === CLS_SSE);
    if (cls) this.emit('movaps', [mreg(src, 16), mreg(dst, 16)], Dst.Def, MF.Copy);
    else this.emit(size === 8 ? 'movq' : 'movl', [mreg(src, size), mreg(dst, size)], Dst.Def, size >= 4 ? MF.Copy : 0);
  }
  xferSlot(): MMem {
    if (this.xfer < 0) this.xfer = this.mf.newSlot(16, 16);
    return mslot(this.xfer);
  }

  // ------------------------------------------------------------------ values
  private isAlloca(r: number): boolean { return r >= 0 && this.f.op[r] === Op.Alloca; }
  vreg(v: number): number {
    let r = this.vr[v];
    if (r < 0) {
      const t = this.f.ty[v];
      r = t === T.F32 || t === T.F64 || t === T.F128 ? this.xmv(t === T.F128) : this.gpv();
      this.vr[v] = r;
    }
    return r;
  }
  vregHi(v: number): number {
    if (this.vhi[v] < 0) this.vhi[v] = this.gpv();
    return this.vhi[v];
  }
  /** Defines IR value v as held in register r (freshly defined, single definition). */
  setVal(v: number, r: number): void {
    if (this.vr[v] < 0) this.vr[v] = r; else this.copy(r, this.vr[v]);
  }
  f80loc(v: number): MMem {
    let m = this.f80[v];
    if (!m) { m = mslot(this.mf.newSlot(16, 16)); this.f80[v] = m; }
    return m;
  }
  constBits(r: number): bigint {
    const c = ~r;
    if (this.f.cKind[c] === CK.Int || this.f.cKind[c] === CK.Float) return this.f.cVal[c] as bigint;
    return 0n;
  }
  /** A symbol's address as an immediate-like value (non-PIC only) or undefined. */
  private symOf(r: number): { name: string; off: number } | undefined {
    if (r >= 0 || this.f.cKind[~r] !== CK.Sym) return undefined;
    return { name: this.f.cVal[~r] as string, off: this.f.cOff[~r] };
  }
  /** The integer constant value of r if it fits a sign-extended imm32. */
  imm32(r: number): bigint | undefined {
    if (r >= 0) return undefined;
    const k = this.f.cKind[~r];
    if (k === CK.Undef) return 0n;
    if (k !== CK.Int) return undefined;
    const v = this.f.cVal[~r] as bigint;
    return v >= -0x80000000n && v <= 0x7fffffffn ? v : undefined;
  }
  /** Register holding the low 64 bits of integer/pointer ref r. */
  gp(r: number): number {
    if (r >= 0) {
      if (this.isAlloca(r) || this.addrOf[r] || this.addrOnly[r]) {
        const t = this.gpv();
        this.emit('leaq', [this.addr(r), mreg(t, 8)], Dst.Def);
        return t;
      }
      if (this.fused[r]) return this.materializeCond(r);
      return this.vreg(r);
    }
    const c = ~r, t = this.gpv();
    switch (this.f.cKind[c]) {
      case CK.Int: case CK.Float: {
        const v = BigInt.asIntN(64, this.f.cVal[c] as bigint);
        if (v === 0n) this.emit('xorl', [mreg(t, 4), mreg(t, 4)], Dst.Def, MF.ZeroIdiom);
        else if (v >= 0n && v <= 0xffffffffn) this.emit('movl', [mimm(v), mreg(t, 4)], Dst.Def);
        else if (v >= -0x80000000n && v < 0n) this.emit('movq', [mimm(v), mreg(t, 8)], Dst.Def);
        else this.emit('movabsq', [mimm(v), mreg(t, 8)], Dst.Def);
        return t;
      }
      case CK.Sym: case CK.BlockAddr:
        this.emit(this.f.cKind[c] === CK.Sym && !this.ctx.isLocal(this.f.cVal[c] as string) ? 'movq' : 'leaq', [this.addr(r), mreg(t, 8)], Dst.Def);
        if (this.f.cKind[c] === CK.Sym && !this.ctx.isLocal(this.f.cVal[c] as string) && this.f.cOff[c]) {
          this.emit('addq', [mimm(this.f.cOff[c]), mreg(t, 8)], Dst.UseDef);
        }
        return t;
      default:
        this.emit('xorl', [mreg(t, 4), mreg(t, 4)], Dst.Def, MF.ZeroIdiom);
        return t;
    }
  }
  gpHi(r: number): number {
    if (r >= 0) return this.vregHi(r);
    const t = this.gpv();
    const v = this.f.cKind[~r] === CK.Int ? BigInt.asIntN(64, (this.f.cVal[~r] as bigint) >> 64n) : 0n;
    if (v === 0n) this.emit('xorl', [mreg(t, 4), mreg(t, 4)], Dst.Def, MF.ZeroIdiom);
    else if (v >= -0x80000000n && v <= 0x7fffffffn) this.emit('movq', [mimm(v), mreg(t, 8)], Dst.Def);
    else this.emit('movabsq', [mimm(v), mreg(t, 8)], Dst.Def);
    return t;
  }
  /** An immediate or register operand for an instruction of `size` bytes. */
  ri(r: number, size: number): MOp {
    const v = this.imm32(r);
    if (v !== undefined) return mimm(size === 8 ? v : BigInt.asIntN(32, BigInt.asIntN(size * 8, v)));
    return mreg(this.gp(r), size);
  }
  /** xmm register holding float ref r. */
  xmm(r: number): number {
    if (r >= 0) return this.vreg(r);
    const t = this.f.cType[~r], bits = this.f.cKind[~r] === CK.Float ? this.constBits(r) : 0n;
    const d = this.xmv(t === T.F128);
    if (bits === 0n) { this.emit('xorps', [mreg(d, 16), mreg(d, 16)], Dst.Def, MF.ZeroIdiom); return d; }
    const n = t === T.F32 ? 4 : t === T.F64 ? 8 : 16;
    const l = this.ctx.literal(leBytes(bits, n), n);
    this.emit(n === 4 ? 'movss' : n === 8 ? 'movsd' : 'movaps', [this.ripMem(l), mreg(d, 16)], Dst.Def);
    return d;
  }
  ripMem(name: string, off = 0n, spec = ''): MMem { return mmem(-2, { sym: name, addend: off, spec }); }
  /** The memory holding f80 ref r. */
  f80mem(r: number): MMem {
    if (r >= 0) return this.f80loc(r);
    const bits = this.f.cKind[~r] === CK.Float ? this.constBits(r) : 0n;
    const l = this.ctx.literal(leBytes(bits, 16), 16);
    return this.ripMem(l);
  }

  // ------------------------------------------------------------------ addresses
  /** A memory operand for pointer ref r, folding frame slots, symbols and address arithmetic. */
  addr(r: number, extra = 0): MMem {
    if (r < 0) {
      const c = ~r;
      if (this.f.cKind[c] === CK.Sym) {
        const name = this.f.cVal[c] as string, off = this.f.cOff[c] + extra;
        if (this.ctx.isTls(name)) return mmem(this.tlsAddr(name), off);
        if (this.ctx.isLocal(name)) return this.ripMem(name, BigInt(off));
        const t = this.gpv();
        this.emit('movq', [this.ripMem(name, 0n, 'GOTPCREL'), mreg(t, 8)], Dst.Def);
        return mmem(t, off);
      }
      if (this.f.cKind[c] === CK.BlockAddr) return this.ripMem(this.labelBase + this.f.cOff[c], BigInt(extra));
      const v = this.imm32(r);
      if (v !== undefined) return mmem(-1, v + BigInt(extra));
      return mmem(this.gp(r), extra);
    }
    if (this.isAlloca(r)) { this.ensureAllocaSlot(r); return mslot(this.allocaSlot[r], extra); }
    const a = this.addrOf[r];
    if (a) return { ...a, disp: addDisp(a.disp, extra) };
    if (this.addrOnly[r]) {
      const x = this.f.arg(r, 0), y = this.f.arg(r, 1);
      const c = this.imm32(y);
      if (c !== undefined) return this.addr(x, extra + Number(c));
      // base + index*scale
      let idx = y, scale = 1;
      if (y >= 0 && this.addrOnly[y] === 2) {
        const k = Number(this.f.constInt(this.f.arg(y, 1)));
        idx = this.f.arg(y, 0); scale = 1 << k;
      }
      const base = this.addr(x, extra);
      if (base.index < 0 && base.slot < 0 && base.base >= 0) return { ...base, index: this.gp(idx), scale };
      const t = this.gpv();
      this.emit('leaq', [base, mreg(t, 8)], Dst.Def);
      return mmem(t, 0, this.gp(idx), scale);
    }
    return mmem(this.gp(r), extra);
  }
  private allocaSlot: number[] = [];
  private ensureAllocaSlot(r: number): void {
    if (this.allocaSlot[r] !== undefined) return;
    const size = Number(this.f.constInt(this.f.arg(r, 0)) ?? 8n);
    this.allocaSlot[r] = this.mf.newSlot(Math.max(size, 1), Math.max(this.f.aux[r], 1));
  }
  private tlsAddr(name: string): number {
    const t = this.gpv();
    this.emit('movq', [mmem(-1, 0, -1, 1, -1, regByName('fs')), mreg(t, 8)], Dst.Def);
    if (this.ctx.isTlsDefined(name) && !this.ctx.opts.pic) this.emit('leaq', [mmem(t, { sym: name, addend: 0n, spec: 'TPOFF' }), mreg(t, 8)], Dst.UseDef);
    else this.emit('addq', [this.ripMem(name, 0n, 'GOTTPOFF'), mreg(t, 8)], Dst.UseDef);
    return t;
  }

  // ------------------------------------------------------------------ analysis
  private analyse(): void {
    const f = this.f;
    const addrUses = new Int32Array(f.nInstr);
    for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      const s = f.argStart[i], n = f.argCount[i], op = f.op[i];
      for (let k = 0; k < n; k++) {
        const a = f.args[s + k];
        if (a < 0) continue;
        if (op === Op.Phi && k % 2 === 0) continue;
        if ((op === Op.Jmp) || (op === Op.Br && k > 0) || (op === Op.Switch && k === 1) || (op === Op.IndirectBr && k > 0)) continue;
        if (op === Op.Switch && k >= 2 && (k - 2) % 3 === 2) continue;
        this.uses[a]++;
        if ((op === Op.Load && k === 0) || (op === Op.Store && k === 1)) addrUses[a]++;
      }
    }
    // loop depth: a back edge (to an earlier block in layout) marks the blocks in between
    const pos = new Int32Array(f.nBlocks);
    f.layout.forEach((b, k) => { pos[b] = k; });
    for (const b of f.layout) for (const s of f.succs(b)) {
      if (pos[s] <= pos[b]) for (let k = pos[s]; k <= pos[b]; k++) this.depth[f.layout[k]]++;
    }
    // address folding, in reverse so that nested adds see their users' decision
    if (this.ctx.opts.optLevel >= 0) {
      for (let li = f.layout.length - 1; li >= 0; li--) {
        const b = f.layout[li];
        for (let i = f.last[b]; i >= 0; i = f.prev[i]) {
          if (f.op[i] !== Op.Add || (f.ty[i] !== T.Ptr && f.ty[i] !== T.I64) || this.uses[i] === 0) continue;
          if (addrUses[i] !== this.uses[i]) continue;
          const y = f.arg(i, 1);
          if (this.imm32(y) === undefined) {
            if (y < 0) continue;
            if ((f.op[y] === Op.Shl) && this.uses[y] === 1) {
              const k = f.constInt(f.arg(y, 1));
              if (k !== undefined && k >= 0n && k <= 3n && f.ty[y] === T.I64 || (k !== undefined && k >= 0n && k <= 3n && f.ty[y] === T.Ptr)) this.addrOnly[y] = 2;
            }
          }
          this.addrOnly[i] = 1;
          const x = f.arg(i, 0);
          if (x >= 0 && f.op[x] === Op.Add && (f.ty[x] === T.Ptr || f.ty[x] === T.I64) && this.uses[x] === 1) addrUses[x]++;
        }
      }
    }
    // compare fusion: a comparison used once, by br/select in the same block
    for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      const op = f.op[i];
      if (op === Op.Br || op === Op.Select) {
        const c = f.arg(i, 0);
        if (c >= 0 && f.blk[c] === b && this.uses[c] === 1 && f.op[c] >= Op.Eq && f.op[c] <= Op.FOrd) {
          const ot = f.typeOf(f.arg(c, 0));
          if (ot !== T.F128) this.fused[c] = 1;
        }
      }
    }
  }

  // ------------------------------------------------------------------ driver
  run(): MFunc {
    const f = this.f;
    this.analyse();
    for (const b of f.layout) {
      const mb = this.mf.newBlock(this.labelBase + b, this.depth[b]);
      this.head[b] = mb.id;
    }
    this.mf.order = f.layout.map((b) => this.head[b]);
    this.cur = this.mf.blocks[this.head[f.entry]];
    const loc = f.loc;
    this.curLoc = f.declLoc;
    this.prologue();
    for (const b of f.layout) {
      const mb = this.mf.blocks[this.head[b]];
      if (this.cur !== mb) this.cur = mb;
      for (let i = f.first[b]; i >= 0; i = f.next[i]) {
        if (loc !== null && loc[i] !== 0) this.curLoc = loc[i];
        this.instr(i);
      }
    }
    for (const e of this.pendingEdges) this.mf.order.push(e.mb.id);
    return this.mf;
  }

  private prologue(): void {
    const L = this.layout, f = this.f;
    if (L.ret.where === 'sret') { this.sretPtr = this.gpv(); this.copy(RDI, this.sretPtr); }
    const sig = this.m.sigs[f.sig];
    if (sig.nfixed >= 0) {
      // register save area: rdi rsi rdx rcx r8 r9 then xmm0..7
      this.vaSave = this.mf.newSlot(176, 16);
      [RDI, RSI, RDX, RCX, R8, R9].forEach((u, k) => this.emit('movq', [mreg(u, 8), mslot(this.vaSave, 8 * k)], Dst.Use));
      for (let k = 0; k < 8; k++) this.emit('movaps', [mreg(XMM0 + k, 16), mslot(this.vaSave, 48 + 16 * k)], Dst.Use);
    }
    for (let i = f.first[f.entry]; i >= 0 && f.op[i] === Op.Param; i = f.next[i]) {
      const loc = L.args[f.aux[i]];
      if (!loc) continue;
      const ty = f.ty[i];
      if (loc.struct) {
        if (loc.where === 'stack') { this.addrOf[i] = mmem(RBP, 16 + loc.stackOff); continue; }
        const slot = this.mf.newSlot(Math.ceil(loc.size / 8) * 8, Math.max(8, loc.align));
        for (const p of loc.pieces) {
          if (p.cls === AC.Integer) this.emit('movq', [mreg(p.reg, 8), mslot(slot, p.off)], Dst.Use);
          else this.emit(p.size === 16 ? 'movups' : 'movsd', [mreg(p.reg, 16), mslot(slot, p.off)], Dst.Use);
        }
        this.addrOf[i] = mslot(slot);
        continue;
      }
      if (loc.where === 'stack') {
        const m = mmem(RBP, 16 + loc.stackOff);
        if (ty === T.F80) { this.f80[i] = m; continue; }
        if (ty === T.I128) { this.ld(m, T.I64, this.vreg(i)); this.ld(mmem(RBP, 24 + loc.stackOff), T.I64, this.vregHi(i)); continue; }
        this.ld(m, ty, this.vreg(i));
        continue;
      }
      const p = loc.pieces;
      if (ty === T.I128) { this.copy(p[0].reg, this.vreg(i)); this.copy(p[1].reg, this.vregHi(i)); continue; }
      this.copy(p[0].reg, this.vreg(i));
    }
  }

  /** Load of type ty from m into register d. */
  ld(m: MMem, ty: number, d: number): void {
    switch (ty) {
      case T.I8: this.emit('movzbl', [m, mreg(d, 4)], Dst.Def); break;
      case T.I16: this.emit('movzwl', [m, mreg(d, 4)], Dst.Def); break;
      case T.I32: this.emit('movl', [m, mreg(d, 4)], Dst.Def); break;
      case T.F32: this.emit('movss', [m, mreg(d, 16)], Dst.Def); break;
      case T.F64: this.emit('movsd', [m, mreg(d, 16)], Dst.Def); break;
      case T.F128: this.emit('movups', [m, mreg(d, 16)], Dst.Def); break;
      default: this.emit('movq', [m, mreg(d, 8)], Dst.Def);
    }
  }
  /** Store of register/immediate operand src (type ty) to m. */
  st(src: MOp, ty: number, m: MMem): void {
    if (ty === T.F32) this.emit('movss', [src, m], Dst.Use);
    else if (ty === T.F64) this.emit('movsd', [src, m], Dst.Use);
    else if (ty === T.F128) this.emit('movups', [src, m], Dst.Use);
    else { const s = isz(ty); this.emit('mov' + SFX[s], [src.k === MK.Reg ? mreg(src.r, s) : src, m], Dst.Use); }
  }
  /** Copies n bytes between memory operands through registers. */
  memCopy(dst: MMem, src: MMem, n: number): void {
    let off = 0;
    while (n - off >= 16) {
      const t = this.xmv(true);
      this.emit('movups', [withOff(src, off), mreg(t, 16)], Dst.Def);
      this.emit('movups', [mreg(t, 16), withOff(dst, off)], Dst.Use);
      off += 16;
    }
    for (const s of [8, 4, 2, 1]) {
      while (n - off >= s) {
        const t = this.gpv();
        this.emit(s === 8 ? 'movq' : s === 4 ? 'movl' : s === 2 ? 'movzwl' : 'movzbl', [withOff(src, off), mreg(t, s === 8 ? 8 : 4)], Dst.Def);
        this.emit('mov' + SFX[s], [mreg(t, s), withOff(dst, off)], Dst.Use);
        off += s;
      }
    }
  }
  /** Loads n (1..8) bytes at m into a new general register, without reading past them. */
  loadPartial(m: MMem, n: number): number {
    const d = this.gpv();
    if (n === 8 || n === 4 || n === 2 || n === 1) { this.ld(m, n === 8 ? T.I64 : n === 4 ? T.I32 : n === 2 ? T.I16 : T.I8, d); return d; }
    let first = true;
    let off = 0;
    for (const s of [4, 2, 1]) {
      if (n - off >= s) {
        const t = first ? d : this.gpv();
        this.ld(withOff(m, off), s === 4 ? T.I32 : s === 2 ? T.I16 : T.I8, t);
        if (!first) {
          this.emit('shlq', [mimm(off * 8), mreg(t, 8)], Dst.UseDef);
          this.emit('orq', [mreg(t, 8), mreg(d, 8)], Dst.UseDef);
        }
        first = false;
        off += s;
      }
    }
    return d;
  }
  /** Stores the low n (1..8) bytes of register r at m. */
  storePartial(r: number, m: MMem, n: number): void {
    if (n === 8 || n === 4 || n === 2 || n === 1) { this.emit('mov' + SFX[n], [mreg(r, n), m], Dst.Use); return; }
    const t = this.gpv();
    this.copy(r, t);
    let off = 0;
    for (const s of [4, 2, 1]) {
      if (n - off >= s) {
        this.emit('mov' + SFX[s], [mreg(t, s), withOff(m, off)], Dst.Use);
        off += s;
        if (off < n) this.emit('shrq', [mimm(s * 8), mreg(t, 8)], Dst.UseDef);
      }
    }
  }

  // ------------------------------------------------------------------ instructions
  private instr(i: number): void {
    const f = this.f, op = f.op[i], ty = f.ty[i];
    const a0 = f.argCount[i] > 0 ? f.arg(i, 0) : 0, a1 = f.argCount[i] > 1 ? f.arg(i, 1) : 0;
    if (this.fused[i] || this.addrOnly[i]) return;
    switch (op) {
      case Op.Param: case Op.Alloca: case Op.Phi: return;
      case Op.Ret: return this.ret(i);
      case Op.Jmp: this.edgeCopies(f.blk[i], a0); this.jmpTo(this.target(f.blk[i], a0)); return;
      case Op.Br: return this.br(i);
      case Op.Switch: return this.switch(i);
      case Op.IndirectBr: {
        const r = this.gp(a0);
        const targets: number[] = [];
        for (let k = 1; k < f.argCount[i]; k++) targets.push(this.target(f.blk[i], f.arg(i, k)));
        const j = this.emit('jmp', [{ ...mreg(r, 8) }], Dst.Use, MF.Barrier | MF.Term);
        j.ops = [{ k: MK.Reg, r, size: 8 }];
        (j as MInst & { star?: boolean }).mn = 'jmp*';
        j.targets = targets;
        return;
      }
      case Op.Unreachable: case Op.Trap: this.emit('ud2', [], Dst.None, MF.Barrier); return;
      case Op.Add: case Op.Sub: case Op.Mul: case Op.And: case Op.Or: case Op.Xor:
        if (ty === T.I128) return this.bin128(i);
        return this.binop(i);
      case Op.Shl: case Op.LShr: case Op.AShr:
        if (ty === T.I128) return this.shift128(i);
        return this.shift(i);
      case Op.SDiv: case Op.UDiv: case Op.SRem: case Op.URem:
        if (ty === T.I128) return this.libcall(i, ['__divti3', '__udivti3', '__modti3', '__umodti3'][op - Op.SDiv], [a0, a1]);
        return this.div(i);
      case Op.FAdd: case Op.FSub: case Op.FMul: case Op.FDiv: return this.fbin(i);
      case Op.Neg: case Op.Not: return this.unary(i);
      case Op.FNeg: return this.fneg(i);
      case Op.Bswap: case Op.Clz: case Op.Ctz: case Op.Popcnt: return this.bitop(i);
      case Op.Copy: return this.copyVal(i, a0);
      case Op.Select: return this.select(i);
      case Op.Load: return this.load(i);
      case Op.Store: return this.store(i);
      case Op.DAlloca: return this.dalloca(i);
      case Op.Memcpy: return this.memcpy(i);
      case Op.Memset: return this.memset(i);
      case Op.Call: return this.call(i);
      case Op.Asm: return this.inlineAsm(i);
      case Op.VaStart: return this.vaStart(a0);
      case Op.VaArg: return this.vaArg(i);
      case Op.VaEnd: return;
      case Op.VaCopy: this.memCopy(this.addr(a0), this.addr(a1), 24); return;
      case Op.TlsAddr: {
        const s = this.symOf(a0)!;
        const t = this.tlsAddr(s.name);
        if (s.off) this.emit('addq', [mimm(s.off), mreg(t, 8)], Dst.UseDef);
        this.setVal(i, t);
        return;
      }
      case Op.StackSave: { const d = this.gpv(); this.emit('movq', [mreg(RSP, 8), mreg(d, 8)], Dst.Def); this.setVal(i, d); return; }
      case Op.StackRestore: this.emit('movq', [mreg(this.gp(a0), 8), mreg(RSP, 8)], Dst.Def); return;
      case Op.FrameAddr: case Op.RetAddr: {
        let d = this.gpv();
        this.emit('movq', [mreg(RBP, 8), mreg(d, 8)], Dst.Def);
        for (let k = 0; k < f.aux[i]; k++) { const n = this.gpv(); this.emit('movq', [mmem(d, 0), mreg(n, 8)], Dst.Def); d = n; }
        if (op === Op.RetAddr) { const n = this.gpv(); this.emit('movq', [mmem(d, 8), mreg(n, 8)], Dst.Def); d = n; }
        this.setVal(i, d);
        return;
      }
      case Op.ALoad: case Op.AStore: case Op.ARmw: case Op.CmpXchg: case Op.Fence: return this.atomic(i);
    }
    if (op >= Op.Eq && op <= Op.FOrd) { this.setVal(i, this.materializeCond(i)); return; }
    if (op >= Op.Trunc && op <= Op.IntToPtr) return this.convert(i);
    throw new Error(`x86 isel: op ${op} not handled`);
  }

  private binop(i: number): void {
    const f = this.f, op = f.op[i], ty = f.ty[i], a = f.arg(i, 0), b = f.arg(i, 1);
    const sz = ty === T.I64 || ty === T.Ptr ? 8 : 4, s = SFX[sz];
    const mn = { [Op.Add]: 'add', [Op.Sub]: 'sub', [Op.Mul]: 'imul', [Op.And]: 'and', [Op.Or]: 'or', [Op.Xor]: 'xor' }[op]!;
    const d = this.gpv();
    const comm = op !== Op.Sub;
    let x = a, y = b;
    if (comm && this.imm32(x) !== undefined && this.imm32(y) === undefined) { x = b; y = a; }
    const c = this.imm32(y);
    if (op === Op.Add && c !== undefined && x >= 0) {
      this.emit('lea' + s, [mmem(this.gp(x), c), mreg(d, sz)], Dst.Def);
    } else if (op === Op.Mul && c !== undefined) {
      this.emit('imul' + s, [mimm(c), mreg(this.gp(x), sz), mreg(d, sz)], Dst.Def);
    } else {
      this.copy(this.gp(x), d, sz);
      this.emit(mn + s, [this.ri(y, sz), mreg(d, sz)], Dst.UseDef);
    }
    this.setVal(i, d);
  }

  private shift(i: number): void {
    const f = this.f, op = f.op[i], ty = f.ty[i], a = f.arg(i, 0), b = f.arg(i, 1);
    const sz = ty === T.I64 || ty === T.Ptr ? 8 : 4, s = SFX[sz];
    const d = this.gpv();
    const src = this.gp(a);
    if (ty === T.I8 || ty === T.I16) {
      const w = ty === T.I8 ? 'b' : 'w';
      if (op === Op.LShr) this.emit(`movz${w}l`, [mreg(src, isz(ty)), mreg(d, 4)], Dst.Def);
      else if (op === Op.AShr) this.emit(`movs${w}l`, [mreg(src, isz(ty)), mreg(d, 4)], Dst.Def);
      else this.copy(src, d, 4);
    } else this.copy(src, d, sz);
    const mn = (op === Op.Shl ? 'shl' : op === Op.LShr ? 'shr' : 'sar') + s;
    const c = this.f.constInt(b);
    if (c !== undefined) this.emit(mn, [mimm(Number(BigInt.asUintN(8, c)) & (sz * 8 - 1)), mreg(d, sz)], Dst.UseDef);
    else {
      this.copy(this.gp(b), RCX, 4);
      const j = this.emit(mn, [mphys(regOf(RegClass.Gpr8, 1)), mreg(d, sz)], Dst.UseDef);
      j.iuse = [RCX];
    }
    this.setVal(i, d);
  }

  /** Extends an i8/i16 register to 32 bits (signed or not); others unchanged. */
  private widen(r: number, ty: number, signed: boolean): number {
    if (ty !== T.I8 && ty !== T.I16) return r;
    const d = this.gpv();
    this.emit(`mov${signed ? 's' : 'z'}${ty === T.I8 ? 'b' : 'w'}l`, [mreg(r, isz(ty)), mreg(d, 4)], Dst.Def);
    return d;
  }

  private div(i: number): void {
    const f = this.f, op = f.op[i], ty = f.ty[i];
    const signed = op === Op.SDiv || op === Op.SRem;
    const sz = ty === T.I64 || ty === T.Ptr ? 8 : 4, s = SFX[sz];
    const a = this.widen(this.gp(f.arg(i, 0)), ty, signed);
    const b = this.widen(this.gp(f.arg(i, 1)), ty, signed);
    this.copy(a, RAX, sz);
    if (signed) { const j = this.emit(sz === 8 ? 'cqto' : 'cltd', [], Dst.None); j.iuse = [RAX]; j.idef = [RDX]; }
    else this.emit('xorl', [mreg(RDX, 4), mreg(RDX, 4)], Dst.Def, MF.ZeroIdiom);
    const j = this.emit((signed ? 'idiv' : 'div') + s, [mreg(b, sz)], Dst.None);
    j.iuse = [RAX, RDX]; j.idef = [RAX, RDX];
    const d = this.gpv();
    this.copy(op === Op.SDiv || op === Op.UDiv ? RAX : RDX, d, sz);
    this.setVal(i, d);
  }

  private unary(i: number): void {
    const f = this.f, ty = f.ty[i], a = f.arg(i, 0);
    const mn = f.op[i] === Op.Neg ? 'neg' : 'not';
    if (ty === T.I128) {
      const lo = this.gpv(), hi = this.gpv();
      this.copy(this.gp(a), lo); this.copy(this.gpHi(a), hi);
      if (mn === 'not') { this.emit('notq', [mreg(lo, 8)], Dst.UseDef); this.emit('notq', [mreg(hi, 8)], Dst.UseDef); }
      else {
        this.emit('negq', [mreg(lo, 8)], Dst.UseDef);
        this.emit('adcq', [mimm(0), mreg(hi, 8)], Dst.UseDef);
        this.emit('negq', [mreg(hi, 8)], Dst.UseDef);
      }
      this.setVal(i, lo); this.setHi(i, hi);
      return;
    }
    const sz = ty === T.I64 || ty === T.Ptr ? 8 : 4;
    const d = this.gpv();
    this.copy(this.gp(a), d, sz);
    this.emit(mn + SFX[sz], [mreg(d, sz)], Dst.UseDef);
    this.setVal(i, d);
  }
  private setHi(v: number, r: number): void {
    if (this.vhi[v] < 0) this.vhi[v] = r; else this.copy(r, this.vhi[v]);
  }

  private bin128(i: number): void {
    const f = this.f, op = f.op[i], a = f.arg(i, 0), b = f.arg(i, 1);
    const lo = this.gpv(), hi = this.gpv();
    if (op === Op.Mul) {
      // (ah:al) * (bh:bl) mod 2^128 = al*bl + ((al*bh + ah*bl) << 64)
      const al = this.gp(a), ah = this.gpHi(a), bl = this.gp(b), bh = this.gpHi(b);
      const t1 = this.gpv(), t2 = this.gpv();
      this.copy(al, t1); this.emit('imulq', [mreg(bh, 8), mreg(t1, 8)], Dst.UseDef);
      this.copy(ah, t2); this.emit('imulq', [mreg(bl, 8), mreg(t2, 8)], Dst.UseDef);
      this.emit('addq', [mreg(t2, 8), mreg(t1, 8)], Dst.UseDef);
      this.copy(al, RAX);
      const j = this.emit('mulq', [mreg(bl, 8)], Dst.None); j.iuse = [RAX]; j.idef = [RAX, RDX];
      this.copy(RAX, lo);
      this.copy(RDX, hi);
      this.emit('addq', [mreg(t1, 8), mreg(hi, 8)], Dst.UseDef);
    } else {
      const mn = { [Op.Add]: ['addq', 'adcq'], [Op.Sub]: ['subq', 'sbbq'], [Op.And]: ['andq', 'andq'], [Op.Or]: ['orq', 'orq'], [Op.Xor]: ['xorq', 'xorq'] }[op]!;
      this.copy(this.gp(a), lo); this.copy(this.gpHi(a), hi);
      const bl = this.ri(b, 8);
      const bh = b < 0 && this.f.cKind[~b] === CK.Int && this.fits32((this.constBits(b) >> 64n)) ? mimm(BigInt.asIntN(64, this.constBits(b) >> 64n)) : mreg(this.gpHi(b), 8);
      const blOk = b < 0 && bl.k === MK.Imm && BigInt.asIntN(64, this.constBits(b)) === (bl as { v: bigint }).v ? bl : mreg(this.gp(b), 8);
      this.emit(mn[0], [blOk, mreg(lo, 8)], Dst.UseDef);
      this.emit(mn[1], [bh, mreg(hi, 8)], Dst.UseDef);
    }
    this.setVal(i, lo); this.setHi(i, hi);
  }
  private fits32(v: bigint): boolean { const x = BigInt.asIntN(64, v); return x >= -0x80000000n && x <= 0x7fffffffn; }

  private shift128(i: number): void {
    const f = this.f, op = f.op[i], a = f.arg(i, 0), b = f.arg(i, 1);
    const lo = this.gpv(), hi = this.gpv();
    this.copy(this.gp(a), lo); this.copy(this.gpHi(a), hi);
    this.copy(this.gp(b), RCX, 4);
    const cl = mphys(regOf(RegClass.Gpr8, 1));
    const t = this.gpv();
    const u = (j: MInst): void => { j.iuse = [RCX]; };
    if (op === Op.Shl) {
      u(this.emit('shldq', [cl, mreg(lo, 8), mreg(hi, 8)], Dst.UseDef));
      u(this.emit('shlq', [cl, mreg(lo, 8)], Dst.UseDef));
      this.emit('xorl', [mreg(t, 4), mreg(t, 4)], Dst.Def, MF.ZeroIdiom);
      u(this.emit('testb', [mimm(64), mphys(regOf(RegClass.Gpr8, 1))], Dst.None));
      this.emit('cmovneq', [mreg(lo, 8), mreg(hi, 8)], Dst.UseDef);
      this.emit('cmovneq', [mreg(t, 8), mreg(lo, 8)], Dst.UseDef);
    } else {
      u(this.emit('shrdq', [cl, mreg(hi, 8), mreg(lo, 8)], Dst.UseDef));
      if (op === Op.LShr) { u(this.emit('shrq', [cl, mreg(hi, 8)], Dst.UseDef)); this.emit('xorl', [mreg(t, 4), mreg(t, 4)], Dst.Def, MF.ZeroIdiom); }
      else { this.copy(hi, t); this.emit('sarq', [mimm(63), mreg(t, 8)], Dst.UseDef); u(this.emit('sarq', [cl, mreg(hi, 8)], Dst.UseDef)); }
      u(this.emit('testb', [mimm(64), mphys(regOf(RegClass.Gpr8, 1))], Dst.None));
      this.emit('cmovneq', [mreg(hi, 8), mreg(lo, 8)], Dst.UseDef);
      this.emit('cmovneq', [mreg(t, 8), mreg(hi, 8)], Dst.UseDef);
    }
    this.setVal(i, lo); this.setHi(i, hi);
  }

  private fbin(i: number): void {
    const f = this.f, op = f.op[i], ty = f.ty[i], a = f.arg(i, 0), b = f.arg(i, 1);
    const k = op - Op.FAdd;
    if (ty === T.F128) return this.libcall(i, ['__addtf3', '__subtf3', '__multf3', '__divtf3'][k], [a, b]);
    if (ty === T.F80) {
      this.emit('fldt', [this.f80mem(a)], Dst.None);
      this.emit('fldt', [this.f80mem(b)], Dst.None);
      this.emit(['faddp', 'fsubrp', 'fmulp', 'fdivrp'][k], [mphys(regOf(RegClass.St, 0)), mphys(regOf(RegClass.St, 1))], Dst.None);
      this.emit('fstpt', [this.f80loc(i)], Dst.None);
      return;
    }
    const s = ty === T.F32 ? 'ss' : 'sd';
    const d = this.xmv();
    this.copy(this.xmm(a), d);
    this.emit(['add', 'sub', 'mul', 'div'][k] + s, [this.fop(b, ty), mreg(d, 16)], Dst.UseDef);
    this.setVal(i, d);
  }
  /** A float operand: a register, or a constant from the literal pool as memory. */
  private fop(r: number, ty: number): MOp {
    if (r < 0 && this.f.cKind[~r] === CK.Float && (ty === T.F32 || ty === T.F64)) {
      const n = ty === T.F32 ? 4 : 8;
      return this.ripMem(this.ctx.literal(leBytes(this.constBits(r), n), n));
    }
    return mreg(this.xmm(r), 16);
  }

  private fneg(i: number): void {
    const f = this.f, ty = f.ty[i], a = f.arg(i, 0);
    if (ty === T.F80) {
      this.emit('fldt', [this.f80mem(a)], Dst.None);
      this.emit('fchs', [], Dst.None);
      this.emit('fstpt', [this.f80loc(i)], Dst.None);
      return;
    }
    const n = ty === T.F32 ? 4 : ty === T.F64 ? 8 : 16;
    const mask = leBytes(1n << BigInt(n * 8 - 1), n);
    while (mask.length < 16) mask.push(0);
    const d = this.xmv(ty === T.F128);
    this.copy(this.xmm(a), d);
    this.emit('xorps', [this.ripMem(this.ctx.literal(mask, 16)), mreg(d, 16)], Dst.UseDef);
    this.setVal(i, d);
  }

  private bitop(i: number): void {
    const f = this.f, op = f.op[i], ty = f.ty[i], a = f.arg(i, 0);
    if (ty === T.I128) return this.bitop128(i);
    const sz = ty === T.I64 || ty === T.Ptr ? 8 : 4, s = SFX[sz], w = ty === T.I8 ? 8 : ty === T.I16 ? 16 : sz * 8;
    const d = this.gpv();
    if (op === Op.Bswap) {
      this.copy(this.gp(a), d, sz);
      if (ty === T.I16) this.emit('rolw', [mimm(8), mreg(d, 2)], Dst.UseDef);
      else if (ty !== T.I8) this.emit('bswap' + s, [mreg(d, sz)], Dst.UseDef);
      this.setVal(i, d);
      return;
    }
    const x = this.widen(this.gp(a), ty, false);
    if (op === Op.Popcnt) {
      // SWAR population count (popcnt is not in the x86-64 baseline)
      const t = this.gpv(), c = this.gpv();
      const m55 = sz === 8 ? 0x5555555555555555n : 0x55555555n, m33 = sz === 8 ? 0x3333333333333333n : 0x33333333n;
      const m0f = sz === 8 ? 0x0f0f0f0f0f0f0f0fn : 0x0f0f0f0fn, m01 = sz === 8 ? 0x0101010101010101n : 0x01010101n;
      const k = (v: bigint): MOp => { const r = this.gpv(); this.emit(sz === 8 ? 'movabsq' : 'movl', [mimm(v), mreg(r, sz)], Dst.Def); return mreg(r, sz); };
      this.copy(x, d, sz); this.copy(x, t, sz);
      this.emit('shr' + s, [mimm(1), mreg(t, sz)], Dst.UseDef);
      this.emit('and' + s, [k(m55), mreg(t, sz)], Dst.UseDef);
      this.emit('sub' + s, [mreg(t, sz), mreg(d, sz)], Dst.UseDef);
      const m3 = k(m33);
      this.copy(d, t, sz);
      this.emit('shr' + s, [mimm(2), mreg(t, sz)], Dst.UseDef);
      this.emit('and' + s, [m3, mreg(d, sz)], Dst.UseDef);
      this.emit('and' + s, [{ ...m3 }, mreg(t, sz)], Dst.UseDef);
      this.emit('add' + s, [mreg(t, sz), mreg(d, sz)], Dst.UseDef);
      this.copy(d, t, sz);
      this.emit('shr' + s, [mimm(4), mreg(t, sz)], Dst.UseDef);
      this.emit('add' + s, [mreg(t, sz), mreg(d, sz)], Dst.UseDef);
      this.emit('and' + s, [k(m0f), mreg(d, sz)], Dst.UseDef);
      this.emit('imul' + s, [k(m01), mreg(d, sz)], Dst.UseDef);
      this.emit('shr' + s, [mimm(sz * 8 - 8), mreg(d, sz)], Dst.UseDef);
      void c;
      this.setVal(i, d);
      return;
    }
    const t = this.gpv();
    if (op === Op.Ctz) {
      this.emit('bsf' + s, [mreg(x, sz), mreg(d, sz)], Dst.Def);
      this.emit('mov' + s, [mimm(w), mreg(t, sz)], Dst.Def);
      this.emit('cmove' + s, [mreg(t, sz), mreg(d, sz)], Dst.UseDef);
    } else {
      // clz = (w-1) - bsr, with bsr(0) taken as -1
      this.emit('bsr' + s, [mreg(x, sz), mreg(d, sz)], Dst.Def);
      this.emit('mov' + s, [mimm(-1), mreg(t, sz)], Dst.Def);
      this.emit('cmove' + s, [mreg(t, sz), mreg(d, sz)], Dst.UseDef);
      this.emit('neg' + s, [mreg(d, sz)], Dst.UseDef);
      this.emit('add' + s, [mimm(w - 1), mreg(d, sz)], Dst.UseDef);
    }
    this.setVal(i, d);
  }
  private bitop128(i: number): void {
    const f = this.f, op = f.op[i], a = f.arg(i, 0);
    const lo = this.gp(a), hi = this.gpHi(a);
    const d = this.gpv(), e = this.gpv(), z = this.gpv();
    if (op === Op.Bswap) {
      const h = this.gpv();
      this.copy(hi, d); this.emit('bswapq', [mreg(d, 8)], Dst.UseDef);
      this.copy(lo, h); this.emit('bswapq', [mreg(h, 8)], Dst.UseDef);
      this.setVal(i, d); this.setHi(i, h);
      return;
    }
    this.emit('xorl', [mreg(z, 4), mreg(z, 4)], Dst.Def, MF.ZeroIdiom);
    if (op === Op.Popcnt) {
      // popcount(lo) + popcount(hi) via two 64-bit IR-free sequences: reuse bitop through temps
      const pl = this.popcnt64(lo), ph = this.popcnt64(hi);
      this.copy(pl, d);
      this.emit('addq', [mreg(ph, 8), mreg(d, 8)], Dst.UseDef);
    } else if (op === Op.Ctz) {
      // lo != 0 ? bsf lo : 64 + (hi != 0 ? bsf hi : 64)
      this.emit('bsfq', [mreg(hi, 8), mreg(e, 8)], Dst.Def);
      const t = this.gpv();
      this.emit('movl', [mimm(64), mreg(t, 4)], Dst.Def);
      this.emit('cmoveq', [mreg(t, 8), mreg(e, 8)], Dst.UseDef);
      this.emit('addq', [mimm(64), mreg(e, 8)], Dst.UseDef);
      this.emit('bsfq', [mreg(lo, 8), mreg(d, 8)], Dst.Def);
      this.emit('cmoveq', [mreg(e, 8), mreg(d, 8)], Dst.UseDef);
    } else {
      // hi != 0 ? 63 - bsr hi : 127 - (lo != 0 ? bsr lo : -1)
      const t = this.gpv();
      this.emit('bsrq', [mreg(lo, 8), mreg(e, 8)], Dst.Def);
      this.emit('movq', [mimm(-1), mreg(t, 8)], Dst.Def);
      this.emit('cmoveq', [mreg(t, 8), mreg(e, 8)], Dst.UseDef);
      this.emit('negq', [mreg(e, 8)], Dst.UseDef);
      this.emit('addq', [mimm(127), mreg(e, 8)], Dst.UseDef);
      this.emit('bsrq', [mreg(hi, 8), mreg(d, 8)], Dst.Def);
      this.emit('negq', [mreg(d, 8)], Dst.UseDef);
      this.emit('addq', [mimm(63), mreg(d, 8)], Dst.UseDef);
      this.emit('testq', [mreg(hi, 8), mreg(hi, 8)], Dst.None);
      this.emit('cmoveq', [mreg(e, 8), mreg(d, 8)], Dst.UseDef);
    }
    this.setVal(i, d); this.setHi(i, z);
  }
  private popcnt64(x: number): number {
    const d = this.gpv(), t = this.gpv();
    const k = (v: bigint): MOp => { const r = this.gpv(); this.emit('movabsq', [mimm(v), mreg(r, 8)], Dst.Def); return mreg(r, 8); };
    this.copy(x, d); this.copy(x, t);
    this.emit('shrq', [mimm(1), mreg(t, 8)], Dst.UseDef);
    this.emit('andq', [k(0x5555555555555555n), mreg(t, 8)], Dst.UseDef);
    this.emit('subq', [mreg(t, 8), mreg(d, 8)], Dst.UseDef);
    const m3 = k(0x3333333333333333n);
    this.copy(d, t);
    this.emit('shrq', [mimm(2), mreg(t, 8)], Dst.UseDef);
    this.emit('andq', [m3, mreg(d, 8)], Dst.UseDef);
    this.emit('andq', [{ ...m3 }, mreg(t, 8)], Dst.UseDef);
    this.emit('addq', [mreg(t, 8), mreg(d, 8)], Dst.UseDef);
    this.copy(d, t);
    this.emit('shrq', [mimm(4), mreg(t, 8)], Dst.UseDef);
    this.emit('addq', [mreg(t, 8), mreg(d, 8)], Dst.UseDef);
    this.emit('andq', [k(0x0f0f0f0f0f0f0f0fn), mreg(d, 8)], Dst.UseDef);
    this.emit('imulq', [k(0x0101010101010101n), mreg(d, 8)], Dst.UseDef);
    this.emit('shrq', [mimm(56), mreg(d, 8)], Dst.UseDef);
    return d;
  }

  private copyVal(i: number, a: number): void {
    const ty = this.f.ty[i];
    if (ty === T.F80) { this.memCopy(this.f80loc(i), this.f80mem(a), 10); return; }
    if (ty === T.F32 || ty === T.F64 || ty === T.F128) { const d = this.xmv(ty === T.F128); this.copy(this.xmm(a), d); this.setVal(i, d); return; }
    const d = this.gpv();
    this.copy(this.gp(a), d);
    this.setVal(i, d);
    if (ty === T.I128) { const h = this.gpv(); this.copy(this.gpHi(a), h); this.setHi(i, h); }
  }

  // ------------------------------------------------------------------ conditions
  /** Emits the flags computation for condition ref c and returns the condition to test. */
  cond(c: number): Cond {
    const f = this.f;
    if (c >= 0 && this.fused[c]) return this.compare(c);
    const ty = f.typeOf(c);
    if (c < 0) {
      const v = this.imm32(c) ?? 1n;
      const t = this.gpv();
      this.emit('movl', [mimm(v !== 0n ? 1 : 0), mreg(t, 4)], Dst.Def);
      this.emit('testl', [mreg(t, 4), mreg(t, 4)], Dst.None);
      return { cc: 'ne', par: 0 };
    }
    if (ty === T.I128) {
      const t = this.gpv();
      this.copy(this.gp(c), t);
      this.emit('orq', [mreg(this.gpHi(c), 8), mreg(t, 8)], Dst.UseDef);
      return { cc: 'ne', par: 0 };
    }
    const sz = isz(ty), r = this.gp(c);
    this.emit('test' + SFX[sz], [mreg(r, sz), mreg(r, sz)], Dst.None);
    return { cc: 'ne', par: 0 };
  }

  private compare(c: number): Cond {
    const f = this.f, op = f.op[c];
    let a = f.arg(c, 0), b = f.arg(c, 1);
    const ty = f.typeOf(a) === T.Void ? f.typeOf(b) : f.typeOf(a);
    if (op <= Op.Uge) {
      if (ty === T.I128) return this.compare128(op, a, b);
      const sz = isz(ty);
      let cc = INT_CC[op];
      if (this.imm32(a) !== undefined && this.imm32(b) === undefined) { [a, b] = [b, a]; cc = INT_CC[swapOp(op)]; }
      const bi = this.imm32(b);
      if (bi === 0n && (op === Op.Eq || op === Op.Ne)) {
        const r = this.gp(a);
        this.emit('test' + SFX[sz], [mreg(r, sz), mreg(r, sz)], Dst.None);
      } else this.emit('cmp' + SFX[sz], [this.ri(b, sz), mreg(this.gp(a), sz)], Dst.None);
      return { cc, par: 0 };
    }
    // floats: after ucomis(x, y): above = x > y, ae = x >= y, e+np = equal, p = unordered
    let swap = op === Op.FLt || op === Op.FLe;
    if (ty === T.F128) return this.compare128f(op, a, b);
    if (swap) [a, b] = [b, a];
    if (ty === T.F80) {
      this.emit('fldt', [this.f80mem(b)], Dst.None);
      this.emit('fldt', [this.f80mem(a)], Dst.None);
      this.emit('fucomip', [mphys(regOf(RegClass.St, 1)), mphys(regOf(RegClass.St, 0))], Dst.None);
      this.emit('fstp', [mphys(regOf(RegClass.St, 0))], Dst.None);
    } else {
      this.emit(ty === T.F32 ? 'ucomiss' : 'ucomisd', [this.fop(b, ty), mreg(this.xmm(a), 16)], Dst.None);
    }
    swap = false;
    switch (op) {
      case Op.FGt: case Op.FLt: return { cc: 'a', par: 0 };
      case Op.FGe: case Op.FLe: return { cc: 'ae', par: 0 };
      case Op.FEq: return { cc: 'e', par: 1 };
      case Op.FNe: return { cc: 'ne', par: 2 };
      case Op.FUo: return { cc: 'p', par: 0 };
      default: return { cc: 'np', par: 0 };
    }
  }
  private compare128(op: number, a: number, b: number): Cond {
    if (op === Op.Eq || op === Op.Ne) {
      const t = this.gpv(), u = this.gpv();
      this.copy(this.gp(a), t); this.emit('xorq', [mreg(this.gp(b), 8), mreg(t, 8)], Dst.UseDef);
      this.copy(this.gpHi(a), u); this.emit('xorq', [mreg(this.gpHi(b), 8), mreg(u, 8)], Dst.UseDef);
      this.emit('orq', [mreg(u, 8), mreg(t, 8)], Dst.UseDef);
      return { cc: op === Op.Eq ? 'e' : 'ne', par: 0 };
    }
    // a < b: flags of a - b computed with cmp/sbb; gt/le swap the operands
    let x = a, y = b, cc: string;
    switch (op) {
      case Op.Slt: cc = 'l'; break; case Op.Sge: cc = 'ge'; break;
      case Op.Sgt: cc = 'l'; x = b; y = a; break; case Op.Sle: cc = 'ge'; x = b; y = a; break;
      case Op.Ult: cc = 'b'; break; case Op.Uge: cc = 'ae'; break;
      case Op.Ugt: cc = 'b'; x = b; y = a; break; default: cc = 'ae'; x = b; y = a;
    }
    const t = this.gpv();
    this.emit('cmpq', [mreg(this.gp(y), 8), mreg(this.gp(x), 8)], Dst.None);
    this.copy(this.gpHi(x), t);
    this.emit('sbbq', [mreg(this.gpHi(y), 8), mreg(t, 8)], Dst.UseDef);
    return { cc, par: 0 };
  }
  private compare128f(op: number, a: number, b: number): Cond {
    const names: Record<number, [string, string]> = {
      [Op.FEq]: ['__eqtf2', 'e'], [Op.FNe]: ['__netf2', 'ne'], [Op.FLt]: ['__lttf2', 'l'], [Op.FLe]: ['__letf2', 'le'],
      [Op.FGt]: ['__gttf2', 'g'], [Op.FGe]: ['__getf2', 'ge'], [Op.FUo]: ['__unordtf2', 'ne'], [Op.FOrd]: ['__unordtf2', 'e'],
    };
    const [fn, cc] = names[op];
    const r = this.callHelper(fn, T.I32, [a, b])[0];
    this.emit('testl', [mreg(r, 4), mreg(r, 4)], Dst.None);
    return { cc, par: 0 };
  }

  private materializeCond(c: number): number {
    const cd = this.f.op[c] >= Op.Eq && this.f.op[c] <= Op.FOrd ? (this.f.typeOf(this.f.arg(c, 0)) === T.F128 || this.f.typeOf(this.f.arg(c, 1)) === T.F128 ? this.compare128f(this.f.op[c], this.f.arg(c, 0), this.f.arg(c, 1)) : this.compare(c)) : this.cond(c);
    const t = this.gpv(), d = this.gpv();
    this.emit('set' + cd.cc, [mreg(t, 1)], Dst.Def);
    if (cd.par) {
      const u = this.gpv();
      this.emit(cd.par === 1 ? 'setnp' : 'setp', [mreg(u, 1)], Dst.Def);
      this.emit(cd.par === 1 ? 'andb' : 'orb', [mreg(u, 1), mreg(t, 1)], Dst.UseDef);
    }
    this.emit('movzbl', [mreg(t, 1), mreg(d, 4)], Dst.Def);
    return d;
  }

  private select(i: number): void {
    const f = this.f, ty = f.ty[i], c = f.arg(i, 0), x = f.arg(i, 1), y = f.arg(i, 2);
    if (ty === T.F80 || ty === T.F32 || ty === T.F64 || ty === T.F128) {
      // branchy: d = y; if (c) d = x
      const cd = this.cond(c);
      const join = this.newMBlock(), take = this.newMBlock();
      let d = -1;
      if (ty === T.F80) this.memCopyNoFlags(this.f80loc(i), this.f80mem(y));
      else { d = this.xmv(ty === T.F128); this.copyNoFlags(y, d); }
      this.jcc(cd, take.id, join.id);
      this.startBlock(take);
      if (ty === T.F80) this.memCopy(this.f80loc(i), this.f80mem(x), 10);
      else this.copy(this.xmm(x), d);
      this.startBlock(join);
      if (d >= 0) this.setVal(i, d);
      return;
    }
    const sz = ty === T.I64 || ty === T.Ptr || ty === T.I128 ? 8 : 4;
    const xr = this.gp(x), yr = this.gp(y);
    const xh = ty === T.I128 ? this.gpHi(x) : -1, yh = ty === T.I128 ? this.gpHi(y) : -1;
    const cd = this.cond(c);
    const d = this.gpv();
    this.copy(yr, d, sz);
    const h = ty === T.I128 ? this.gpv() : -1;
    if (h >= 0) this.copy(yh, h);
    const cm = (cc: string, src: number, dst: number): void => { this.emit('cmov' + cc + SFX[sz], [mreg(src, sz), mreg(dst, sz)], Dst.UseDef); };
    if (cd.par === 0) { cm(cd.cc, xr, d); if (h >= 0) cm(cd.cc, xh, h); }
    else if (cd.par === 1) { cm('e', xr, d); cm('p', yr, d); if (h >= 0) { cm('e', xh, h); cm('p', yh, h); } }
    else { cm('ne', xr, d); cm('p', xr, d); if (h >= 0) { cm('ne', xh, h); cm('p', xh, h); } }
    this.setVal(i, d);
    if (h >= 0) this.setHi(i, h);
  }
  /** Copies without touching flags (mov only); constants are materialized first by the caller. */
  private copyNoFlags(r: number, d: number): void {
    if (r < 0) {
      // literal loads do not touch flags, but xorps-zero would not either; keep it simple
      const x = this.xmm(r); this.copy(x, d); return;
    }
    this.copy(this.xmm(r), d);
  }
  private memCopyNoFlags(dst: MMem, src: MMem): void { this.memCopy(dst, src, 10); }

  /** Conditional branch to t, else to e (e may be the fall-through block). */
  jcc(cd: Cond, t: number, e: number): void {
    if (cd.par === 1) { this.emit('jp', [mlabel(e)], Dst.None, MF.Term); this.emit('je', [mlabel(t)], Dst.None, MF.Term); }
    else if (cd.par === 2) { this.emit('jp', [mlabel(t)], Dst.None, MF.Term); this.emit('jne', [mlabel(t)], Dst.None, MF.Term); }
    else this.emit('j' + cd.cc, [mlabel(t)], Dst.None, MF.Term);
    this.jmpTo(e);
  }
  jmpTo(b: number): void { this.emit('jmp', [mlabel(b)], Dst.None, MF.Term | MF.Barrier); }

  // ------------------------------------------------------------------ control flow
  private hasPhis(b: number): boolean { const i = this.f.first[b]; return i >= 0 && this.f.op[i] === Op.Phi; }
  /** The machine block to jump to for the edge from -> to (a split block when it carries phi copies). */
  private target(from: number, to: number): number {
    if (!this.hasPhis(to)) return this.head[to];
    const succ = this.f.succs(from);
    if (succ.length === 1 || succ.every((s) => s === to)) return this.head[to];
    const key = `${from}>${to}`;
    let id = this.edgeBlocks.get(key);
    if (id === undefined) {
      const saved = this.cur;
      const mb = this.mf.newBlock(this.labelBase + 'e' + from + '_' + to, this.depth[to]);
      this.cur = mb;
      this.edgeCopies(from, to);
      this.jmpTo(this.head[to]);
      this.cur = saved;
      id = mb.id;
      this.edgeBlocks.set(key, id);
      this.pendingEdges.push({ from, to, mb });
    }
    return id;
  }
  /** Parallel copies for the phis of `to` on the edge from `from`, at the end of the current block. */
  private edgeCopies(from: number, to: number): void {
    const f = this.f;
    const moves: { dst: number; src: number }[] = [];
    const consts: { dst: number; ref: number; hi: boolean }[] = [];
    const f80s: { phi: number; ref: number }[] = [];
    for (let p = f.first[to]; p >= 0 && f.op[p] === Op.Phi; p = f.next[p]) {
      let ref = -0x7fffffff;
      for (let k = 0; k < f.argCount[p]; k += 2) if (f.arg(p, k) === from) { ref = f.arg(p, k + 1); break; }
      if (ref === -0x7fffffff) continue;
      const ty = f.ty[p];
      if (ty === T.F80) { f80s.push({ phi: p, ref }); continue; }
      const plain = ref >= 0 && !this.isAlloca(ref) && !this.addrOf[ref] && !this.addrOnly[ref] && !this.fused[ref];
      if (plain) {
        moves.push({ dst: this.vreg(p), src: this.vreg(ref) });
        if (ty === T.I128) moves.push({ dst: this.vregHi(p), src: this.vregHi(ref) });
      } else {
        consts.push({ dst: this.vreg(p), ref, hi: false });
        if (ty === T.I128) consts.push({ dst: this.vregHi(p), ref, hi: true });
      }
    }
    // materialize non-register sources first (into temporaries), then the parallel copy
    for (const c of consts) {
      const ty = f.typeOf(c.ref) === T.Void ? T.I64 : f.typeOf(c.ref);
      const r = c.hi ? this.gpHi(c.ref) : (ty === T.F32 || ty === T.F64 || ty === T.F128) ? this.xmm(c.ref) : this.gp(c.ref);
      moves.push({ dst: c.dst, src: r });
    }
    for (const m of sequentialize(moves, (like) => (this.mf.vclass[like - FIRST_VREG] === CLS_SSE ? this.xmv(true) : this.gpv()))) this.copy(m.src, m.dst);
    if (f80s.length) {
      const tmps = f80s.map((x) => { const s = mslot(this.mf.newSlot(16, 16)); this.memCopy(s, this.f80mem(x.ref), 10); return s; });
      f80s.forEach((x, k) => this.memCopy(this.f80loc(x.phi), tmps[k], 10));
    }
  }

  private br(i: number): void {
    const f = this.f, b = f.blk[i], c = f.arg(i, 0), t = f.arg(i, 1), e = f.arg(i, 2);
    if (t === e) { this.edgeCopies(b, t); this.jmpTo(this.head[t]); return; }
    const cd = this.cond(c);
    this.jcc(cd, this.target(b, t), this.target(b, e));
  }

  private switch(i: number): void {
    const f = this.f, b = f.blk[i], v = f.arg(i, 0), dflt = this.target(b, f.arg(i, 1));
    const ty = f.typeOf(v);
    const cases: { lo: bigint; hi: bigint; t: number }[] = [];
    for (let k = 2; k < f.argCount[i]; k += 3) {
      cases.push({ lo: f.constInt(f.arg(i, k))!, hi: f.constInt(f.arg(i, k + 1))!, t: this.target(b, f.arg(i, k + 2)) });
    }
    if (ty === T.I128) {
      // compare chain on the full value
      for (const c of cases) {
        for (let x = c.lo; x <= c.hi && x - c.lo < 256n; x++) {
          const k = this.f.iconst(T.I128, x);
          const cd = this.compare128(Op.Eq, v, k);
          const nb = this.newMBlock();
          this.jcc(cd, c.t, nb.id);
          this.startBlock(nb);
        }
      }
      this.jmpTo(dflt);
      return;
    }
    const sz = isz(ty);
    // work on a sign-extended 64-bit copy so that case values compare as plain numbers
    const signed = true;
    const x = this.gpv();
    const src = this.gp(v);
    if (sz === 8) this.copy(src, x);
    else this.emit(sz === 4 ? 'movslq' : `movs${sz === 1 ? 'b' : 'w'}q`, [mreg(src, sz), mreg(x, 8)], Dst.Def);
    void signed;
    cases.sort((p, q) => (p.lo < q.lo ? -1 : p.lo > q.lo ? 1 : 0));
    let count = 0n;
    for (const c of cases) count += c.hi - c.lo + 1n;
    const span = cases.length ? cases[cases.length - 1].hi - cases[0].lo + 1n : 0n;
    if (cases.length >= 4 && span <= 3n * count && span <= 4096n) this.jumpTable(x, cases, dflt, span);
    else this.caseTree(x, cases, dflt);
  }
  private cmpConst(x: number, v: bigint): void {
    if (v >= -0x80000000n && v <= 0x7fffffffn) this.emit('cmpq', [mimm(v), mreg(x, 8)], Dst.None);
    else { const t = this.gpv(); this.emit('movabsq', [mimm(v), mreg(t, 8)], Dst.Def); this.emit('cmpq', [mreg(t, 8), mreg(x, 8)], Dst.None); }
  }
  private caseTree(x: number, cases: { lo: bigint; hi: bigint; t: number }[], dflt: number): void {
    if (cases.length <= 4) {
      for (const c of cases) {
        const nb = this.newMBlock();
        if (c.lo === c.hi) { this.cmpConst(x, c.lo); this.jcc({ cc: 'e', par: 0 }, c.t, nb.id); }
        else {
          const t = this.gpv();
          this.copy(x, t);
          if (c.lo !== 0n) { const k = this.gpv(); this.emit('movabsq', [mimm(c.lo), mreg(k, 8)], Dst.Def); this.emit('subq', [mreg(k, 8), mreg(t, 8)], Dst.UseDef); }
          this.cmpConst(t, c.hi - c.lo);
          this.jcc({ cc: 'be', par: 0 }, c.t, nb.id);
        }
        this.startBlock(nb);
      }
      this.jmpTo(dflt);
      return;
    }
    const mid = cases.length >> 1;
    const lowB = this.newMBlock(), highB = this.newMBlock();
    this.cmpConst(x, cases[mid].lo);
    this.jcc({ cc: 'l', par: 0 }, lowB.id, highB.id);
    this.startBlock(lowB);
    this.caseTree(x, cases.slice(0, mid), dflt);
    this.startBlock(highB);
    this.caseTree(x, cases.slice(mid), dflt);
  }
  private jumpTable(x: number, cases: { lo: bigint; hi: bigint; t: number }[], dflt: number, span: bigint): void {
    const lo = cases[0].lo;
    const t = this.gpv();
    this.copy(x, t);
    if (lo !== 0n) {
      if (lo >= -0x80000000n && lo <= 0x7fffffffn) this.emit('subq', [mimm(lo), mreg(t, 8)], Dst.UseDef);
      else { const k = this.gpv(); this.emit('movabsq', [mimm(lo), mreg(k, 8)], Dst.Def); this.emit('subq', [mreg(k, 8), mreg(t, 8)], Dst.UseDef); }
    }
    this.cmpConst(t, span - 1n);
    const inb = this.newMBlock();
    this.jcc({ cc: 'a', par: 0 }, dflt, inb.id);
    this.startBlock(inb);
    const targets: number[] = new Array(Number(span)).fill(dflt);
    for (const c of cases) for (let v = c.lo; v <= c.hi; v++) targets[Number(v - lo)] = c.t;
    const label = `.LJT${this.ctx.jumpTables.length}`;
    this.ctx.jumpTables.push({ label, fn: this.mf, targets, base: label, names: null });
    const base = this.gpv(), e = this.gpv();
    this.emit('leaq', [this.ripMem(label), mreg(base, 8)], Dst.Def);
    this.emit('movslq', [mmem(base, 0, t, 4), mreg(e, 8)], Dst.Def);
    this.emit('addq', [mreg(base, 8), mreg(e, 8)], Dst.UseDef);
    const j = this.emit('jmp*', [mreg(e, 8)], Dst.Use, MF.Term | MF.Barrier);
    j.targets = [...new Set(targets)];
  }

  private ret(i: number): void {
    const f = this.f, L = this.layout;
    const j = minst('#ret', [], Dst.None, MF.Barrier | MF.Term);
    if (f.argCount[i] && L.ret.where !== 'void') {
      const v = f.arg(i, 0);
      const rt = this.m.abiTypes[this.m.sigs[f.sig].ret];
      if (rt.kind === 'struct') {
        const p = this.addr(v);
        if (L.ret.where === 'sret') {
          this.structCopy(mmem(this.sretPtr, 0), p, rt.size);
          this.copy(this.sretPtr, RAX);
          j.iuse = [RAX];
        } else if (L.ret.where === 'x87') {
          this.emit('fldt', [p], Dst.None);
        } else {
          const regs: number[] = [];
          for (const pc of L.ret.pieces) { this.loadPiece(pc, p, rt.size); regs.push(pc.reg); }
          j.iuse = regs;
        }
      } else {
        const ty = rt.ty;
        if (L.ret.where === 'x87') this.emit('fldt', [this.f80mem(v)], Dst.None);
        else if (ty === T.I128) { this.copy(this.gp(v), RAX); this.copy(this.gpHi(v), RDX); j.iuse = [RAX, RDX]; }
        else if (ty === T.F32 || ty === T.F64 || ty === T.F128) { this.copy(this.xmm(v), XMM0); j.iuse = [XMM0]; }
        else {
          let r = this.gp(v);
          if (rt.ext && (ty === T.I8 || ty === T.I16)) r = this.widen(r, ty, rt.ext === Ext.S);
          this.copy(r, RAX); j.iuse = [RAX];
        }
      }
    }
    this.cur.insts.push(j);
  }
  /** Loads one ABI piece of a struct at p (size bytes in all) into its register. */
  private loadPiece(pc: Piece, p: MMem, total: number): void {
    const n = Math.min(pc.size, total - pc.off);
    const m = withOff(p, pc.off);
    if (pc.cls === AC.Integer) { const r = this.loadPartial(m, n); this.copy(r, pc.reg); }
    else if (pc.size === 16) this.emit('movups', [m, mreg(pc.reg, 16)], Dst.Def);
    else if (n <= 4) this.emit('movss', [m, mreg(pc.reg, 16)], Dst.Def);
    else this.emit('movsd', [m, mreg(pc.reg, 16)], Dst.Def);
  }
  private storePiece(pc: Piece, reg: number, p: MMem, total: number): void {
    const n = Math.min(pc.size, total - pc.off);
    const m = withOff(p, pc.off);
    if (pc.cls === AC.Integer) this.storePartial(reg, m, n);
    else if (pc.size === 16) this.emit('movups', [mreg(reg, 16), m], Dst.Use);
    else if (n <= 4) this.emit('movss', [mreg(reg, 16), m], Dst.Use);
    else this.emit('movsd', [mreg(reg, 16), m], Dst.Use);
  }
  /** Copies size bytes: inline for small sizes, rep movsb otherwise. */
  structCopy(dst: MMem, src: MMem, size: number): void {
    if (size <= 128) { this.memCopy(dst, src, size); return; }
    const a = this.gpv(), b = this.gpv();
    this.emit('leaq', [dst, mreg(a, 8)], Dst.Def);
    this.emit('leaq', [src, mreg(b, 8)], Dst.Def);
    this.copy(a, RDI); this.copy(b, RSI);
    this.emit('movl', [mimm(size), mreg(RCX, 4)], Dst.Def);
    const j = this.emit('movsb', [], Dst.None);
    j.prefixes = 2; // rep
    j.iuse = [RDI, RSI, RCX]; j.idef = [RDI, RSI, RCX];
  }

  // ------------------------------------------------------------------ memory
  private load(i: number): void {
    const f = this.f, ty = f.ty[i], p = f.arg(i, 0);
    const m = this.addr(p);
    if (ty === T.F80) { this.memCopy(this.f80loc(i), m, 10); return; }
    if (ty === T.I128) {
      const lo = this.gpv(), hi = this.gpv();
      this.emit('movq', [m, mreg(lo, 8)], Dst.Def);
      this.emit('movq', [withOff(m, 8), mreg(hi, 8)], Dst.Def);
      this.setVal(i, lo); this.setHi(i, hi);
      return;
    }
    const d = ty === T.F32 || ty === T.F64 || ty === T.F128 ? this.xmv(ty === T.F128) : this.gpv();
    this.ld(m, ty, d);
    this.setVal(i, d);
  }
  private store(i: number): void {
    const f = this.f, ty = f.ty[i], v = f.arg(i, 0), p = f.arg(i, 1);
    if (ty === T.F80) { this.memCopy(this.addr(p), this.f80mem(v), 10); return; }
    if (ty === T.I128) {
      const lo = this.ri(v, 8);
      const hiv = v < 0 && this.f.cKind[~v] === CK.Int && this.fits32(this.constBits(v) >> 64n) ? mimm(BigInt.asIntN(64, this.constBits(v) >> 64n)) : mreg(this.gpHi(v), 8);
      const loOk = lo.k === MK.Imm && v < 0 && BigInt.asIntN(64, this.constBits(v)) !== (lo as { v: bigint }).v ? mreg(this.gp(v), 8) : lo;
      const m = this.addr(p);
      this.emit('movq', [loOk, m], Dst.Use);
      this.emit('movq', [hiv, withOff(m, 8)], Dst.Use);
      return;
    }
    if (ty === T.F32 || ty === T.F64 || ty === T.F128) {
      const r = this.xmm(v);
      this.st(mreg(r, 16), ty, this.addr(p));
      return;
    }
    const src = this.ri(v, isz(ty));
    this.st(src, ty, this.addr(p));
  }
  private dalloca(i: number): void {
    const f = this.f, n = f.arg(i, 0), align = Math.max(16, f.aux[i]);
    const c = f.constInt(n);
    if (c !== undefined) this.emit('subq', [mimm((Number(c) + 15) & ~15), mreg(RSP, 8)], Dst.UseDef);
    else {
      const t = this.gpv();
      this.emit('leaq', [mmem(this.gp(n), 15), mreg(t, 8)], Dst.Def);
      this.emit('andq', [mimm(-16), mreg(t, 8)], Dst.UseDef);
      this.emit('subq', [mreg(t, 8), mreg(RSP, 8)], Dst.UseDef);
    }
    if (align > 16) this.emit('andq', [mimm(-align), mreg(RSP, 8)], Dst.UseDef);
    const d = this.gpv();
    this.emit('movq', [mreg(RSP, 8), mreg(d, 8)], Dst.Def);
    this.setVal(i, d);
  }
  private memcpy(i: number): void {
    const f = this.f, d = f.arg(i, 0), s = f.arg(i, 1), n = f.arg(i, 2);
    const c = f.constInt(n);
    if (c !== undefined && c <= 128n) { this.memCopy(this.addr(d), this.addr(s), Number(c)); return; }
    this.callHelper('memcpy', T.Ptr, [d, s, n], [T.Ptr, T.Ptr, T.I64]);
  }
  private memset(i: number): void {
    const f = this.f, d = f.arg(i, 0), v = f.arg(i, 1), n = f.arg(i, 2);
    const c = f.constInt(n), bv = f.constInt(v);
    if (c !== undefined && c <= 128n && bv !== undefined) {
      const byte = BigInt.asUintN(8, bv);
      let pat = 0n;
      for (let k = 0; k < 8; k++) pat = (pat << 8n) | byte;
      const t = this.gpv();
      if (pat === 0n) this.emit('xorl', [mreg(t, 4), mreg(t, 4)], Dst.Def, MF.ZeroIdiom);
      else this.emit('movabsq', [mimm(BigInt.asIntN(64, pat)), mreg(t, 8)], Dst.Def);
      const m = this.addr(d);
      let off = 0;
      const N = Number(c);
      for (const s of [8, 4, 2, 1]) while (N - off >= s) { this.emit('mov' + SFX[s], [mreg(t, s), withOff(m, off)], Dst.Use); off += s; }
      return;
    }
    this.callHelper('memset', T.Ptr, [d, v, n], [T.Ptr, T.I32, T.I64]);
  }

  // ------------------------------------------------------------------ conversions
  private convert(i: number): void {
    const f = this.f, op = f.op[i], ty = f.ty[i], a = f.arg(i, 0), st = f.typeOf(a);
    const isF = (t: number): boolean => t >= T.F32;
    switch (op) {
      case Op.Trunc: case Op.PtrToInt: case Op.IntToPtr: case Op.ZExt: case Op.SExt: {
        if (op === Op.Trunc || ((op === Op.PtrToInt || op === Op.IntToPtr) && isz(ty) <= isz(st))) {
          const d = this.gpv(); this.copy(this.gp(a), d); this.setVal(i, d); return;
        }
        const signed = op === Op.SExt;
        if (ty === T.I128) {
          const lo = this.gpv(), hi = this.gpv();
          const w = st === T.I64 || st === T.Ptr ? this.gp(a) : this.extendTo64(this.gp(a), st, signed);
          this.copy(w, lo);
          if (signed) { this.copy(lo, hi); this.emit('sarq', [mimm(63), mreg(hi, 8)], Dst.UseDef); }
          else this.emit('xorl', [mreg(hi, 4), mreg(hi, 4)], Dst.Def, MF.ZeroIdiom);
          this.setVal(i, lo); this.setHi(i, hi);
          return;
        }
        this.setVal(i, this.extendTo64(this.gp(a), st, signed));
        return;
      }
      case Op.Bitcast: {
        if (ty === st) return this.copyVal(i, a);
        if (isF(ty) && !isF(st)) {
          if (ty === T.F128) { const m = this.xferSlot(); this.emit('movq', [mreg(this.gp(a), 8), m], Dst.Use); this.emit('movq', [mreg(this.gpHi(a), 8), withOff(m, 8)], Dst.Use); const d = this.xmv(true); this.emit('movups', [m, mreg(d, 16)], Dst.Def); this.setVal(i, d); return; }
          const d = this.xmv();
          this.emit(ty === T.F32 ? 'movd' : 'movq', [mreg(this.gp(a), ty === T.F32 ? 4 : 8), mreg(d, 16)], Dst.Def);
          this.setVal(i, d); return;
        }
        if (!isF(ty) && isF(st)) {
          if (st === T.F128) { const m = this.xferSlot(); this.emit('movups', [mreg(this.xmm(a), 16), m], Dst.Use); const lo = this.gpv(), hi = this.gpv(); this.emit('movq', [m, mreg(lo, 8)], Dst.Def); this.emit('movq', [withOff(m, 8), mreg(hi, 8)], Dst.Def); this.setVal(i, lo); this.setHi(i, hi); return; }
          const d = this.gpv();
          this.emit(st === T.F32 ? 'movd' : 'movq', [mreg(this.xmm(a), 16), mreg(d, st === T.F32 ? 4 : 8)], Dst.Def);
          this.setVal(i, d); return;
        }
        return this.copyVal(i, a);
      }
      case Op.FPExt: case Op.FPTrunc: return this.fpconv(i, a, st, ty);
      case Op.SIToFP: case Op.UIToFP: return this.itof(i, a, st, ty, op === Op.SIToFP);
      case Op.FPToSI: case Op.FPToUI: return this.ftoi(i, a, st, ty, op === Op.FPToSI);
    }
  }
  private extendTo64(r: number, st: number, signed: boolean): number {
    const d = this.gpv();
    switch (st) {
      case T.I8: this.emit(signed ? 'movsbq' : 'movzbl', [mreg(r, 1), mreg(d, signed ? 8 : 4)], Dst.Def); break;
      case T.I16: this.emit(signed ? 'movswq' : 'movzwl', [mreg(r, 2), mreg(d, signed ? 8 : 4)], Dst.Def); break;
      case T.I32: if (signed) this.emit('movslq', [mreg(r, 4), mreg(d, 8)], Dst.Def); else this.emit('movl', [mreg(r, 4), mreg(d, 4)], Dst.Def); break;
      default: this.copy(r, d);
    }
    return d;
  }
  private fpconv(i: number, a: number, st: number, ty: number): void {
    if (st === ty) return this.copyVal(i, a);
    if (st === T.F128 || ty === T.F128) {
      const nm: Record<string, string> = {
        [`${T.F32}>${T.F128}`]: '__extendsftf2', [`${T.F64}>${T.F128}`]: '__extenddftf2', [`${T.F80}>${T.F128}`]: '__extendxftf2',
        [`${T.F128}>${T.F32}`]: '__trunctfsf2', [`${T.F128}>${T.F64}`]: '__trunctfdf2', [`${T.F128}>${T.F80}`]: '__trunctfxf2',
      };
      return this.libcall(i, nm[`${st}>${ty}`], [a]);
    }
    if (ty === T.F80) {
      const m = this.xferSlot();
      this.emit(st === T.F32 ? 'movss' : 'movsd', [mreg(this.xmm(a), 16), m], Dst.Use);
      this.emit(st === T.F32 ? 'flds' : 'fldl', [m], Dst.None);
      this.emit('fstpt', [this.f80loc(i)], Dst.None);
      return;
    }
    if (st === T.F80) {
      const m = this.xferSlot();
      this.emit('fldt', [this.f80mem(a)], Dst.None);
      this.emit(ty === T.F32 ? 'fstps' : 'fstpl', [m], Dst.None);
      const d = this.xmv();
      this.emit(ty === T.F32 ? 'movss' : 'movsd', [m, mreg(d, 16)], Dst.Def);
      this.setVal(i, d);
      return;
    }
    const d = this.xmv();
    this.emit(st === T.F32 ? 'cvtss2sd' : 'cvtsd2ss', [mreg(this.xmm(a), 16), mreg(d, 16)], Dst.Def);
    this.setVal(i, d);
  }
  private itof(i: number, a: number, st: number, ty: number, signed: boolean): void {
    if (st === T.I128 || ty === T.F128) {
      const tn = ty === T.F32 ? 'sf' : ty === T.F64 ? 'df' : ty === T.F80 ? 'xf' : 'tf';
      const sn = st === T.I128 ? 'ti' : st === T.I64 || st === T.Ptr ? 'di' : 'si';
      let arg = a;
      if (st === T.I8 || st === T.I16) {
        // helpers take int: widen through a conversion of our own
        const w = this.extendTo64(this.gp(a), st, signed);
        return this.libcallRegs(i, `__float${signed ? '' : 'un'}sitf`, [{ r: w, ty: T.I32 }]);
      }
      void arg;
      return this.libcall(i, `__float${signed ? '' : 'un'}${sn}${tn}`, [a]);
    }
    // a 64-bit source: i8/i16/i32 become i64 (unsigned i32 zero-extended)
    let r = this.gp(a);
    let wide = st === T.I64 || st === T.Ptr;
    if (!wide) { r = this.extendTo64(r, st, signed); wide = true; }
    const unsigned64 = !signed && (st === T.I64 || st === T.Ptr);
    if (ty === T.F80) {
      const m = this.xferSlot();
      this.emit('movq', [mreg(r, 8), m], Dst.Use);
      this.emit('fildq', [m], Dst.None);
      if (unsigned64) {
        const done = this.newMBlock(), fix = this.newMBlock();
        this.emit('testq', [mreg(r, 8), mreg(r, 8)], Dst.None);
        this.jcc({ cc: 's', par: 0 }, fix.id, done.id);
        this.startBlock(fix);
        this.emit('fadds', [this.ripMem(this.ctx.literal(leBytes(0x5f800000n, 4), 4))], Dst.None);
        this.jmpTo(done.id);
        this.startBlock(done);
      }
      this.emit('fstpt', [this.f80loc(i)], Dst.None);
      return;
    }
    const s = ty === T.F32 ? 'ss' : 'sd';
    const d = this.xmv();
    if (!unsigned64) {
      this.emit('pxor', [mreg(d, 16), mreg(d, 16)], Dst.Def, MF.ZeroIdiom);
      this.emit(`cvtsi2${s}q`, [mreg(r, 8), mreg(d, 16)], Dst.UseDef);
      this.setVal(i, d);
      return;
    }
    // unsigned 64-bit: if the top bit is set, convert (x >> 1) | (x & 1) and double it
    const neg = this.newMBlock(), done = this.newMBlock();
    this.emit('pxor', [mreg(d, 16), mreg(d, 16)], Dst.Def, MF.ZeroIdiom);
    this.emit('testq', [mreg(r, 8), mreg(r, 8)], Dst.None);
    this.emit('js', [mlabel(neg.id)], Dst.None, MF.Term);
    const pos = this.newMBlock();
    this.jmpTo(pos.id);
    this.startBlock(pos);
    this.emit(`cvtsi2${s}q`, [mreg(r, 8), mreg(d, 16)], Dst.UseDef);
    this.jmpTo(done.id);
    this.startBlock(neg);
    const t = this.gpv(), u = this.gpv();
    this.copy(r, t); this.copy(r, u);
    this.emit('shrq', [mimm(1), mreg(t, 8)], Dst.UseDef);
    this.emit('andl', [mimm(1), mreg(u, 4)], Dst.UseDef);
    this.emit('orq', [mreg(u, 8), mreg(t, 8)], Dst.UseDef);
    this.emit(`cvtsi2${s}q`, [mreg(t, 8), mreg(d, 16)], Dst.UseDef);
    this.emit(`add${s}`, [mreg(d, 16), mreg(d, 16)], Dst.UseDef);
    this.jmpTo(done.id);
    this.startBlock(done);
    this.setVal(i, d);
  }
  private ftoi(i: number, a: number, st: number, ty: number, signed: boolean): void {
    if (ty === T.I128 || st === T.F128 || (st === T.F80 && !signed && (ty === T.I64 || ty === T.Ptr))) {
      const sn = st === T.F32 ? 'sf' : st === T.F64 ? 'df' : st === T.F80 ? 'xf' : 'tf';
      const tn = ty === T.I128 ? 'ti' : ty === T.I64 || ty === T.Ptr ? 'di' : 'si';
      return this.libcall(i, `__fix${signed ? '' : 'uns'}${sn}${tn}`, [a]);
    }
    const big = ty === T.I64 || ty === T.Ptr;
    if (st === T.F80) {
      const m = this.xferSlot();
      this.emit('fldt', [this.f80mem(a)], Dst.None);
      this.emit('fisttpq', [m], Dst.None);
      const d = this.gpv();
      this.emit('movq', [m, mreg(d, 8)], Dst.Def);
      this.setVal(i, d);
      return;
    }
    const s = st === T.F32 ? 'ss' : 'sd';
    const x = this.xmm(a);
    const d = this.gpv();
    if (signed || !big) {
      this.emit(`cvtt${s}2si${signed && !big ? 'l' : 'q'}`, [mreg(x, 16), mreg(d, signed && !big ? 4 : 8)], Dst.Def);
      this.setVal(i, d);
      return;
    }
    // unsigned 64-bit: values >= 2^63 are converted after subtracting 2^63
    const lim = this.ripMem(this.ctx.literal(leBytes(st === T.F32 ? 0x5f000000n : 0x43e0000000000000n, st === T.F32 ? 4 : 8), st === T.F32 ? 4 : 8));
    const hi = this.newMBlock(), lo = this.newMBlock(), done = this.newMBlock();
    this.emit(`ucomi${s}`, [lim, mreg(x, 16)], Dst.None);
    this.jcc({ cc: 'ae', par: 0 }, hi.id, lo.id);
    this.startBlock(lo);
    this.emit(`cvtt${s}2siq`, [mreg(x, 16), mreg(d, 8)], Dst.Def);
    this.jmpTo(done.id);
    this.startBlock(hi);
    const t = this.xmv();
    this.copy(x, t);
    this.emit(`sub${s}`, [{ ...lim }, mreg(t, 16)], Dst.UseDef);
    this.emit(`cvtt${s}2siq`, [mreg(t, 16), mreg(d, 8)], Dst.Def);
    const k = this.gpv();
    this.emit('movabsq', [mimm(-0x8000000000000000n), mreg(k, 8)], Dst.Def);
    this.emit('xorq', [mreg(k, 8), mreg(d, 8)], Dst.UseDef);
    this.jmpTo(done.id);
    this.startBlock(done);
    this.setVal(i, d);
  }

  // ------------------------------------------------------------------ atomics
  private atomic(i: number): void {
    const f = this.f, op = f.op[i], ty = f.ty[i], aux = f.aux[i];
    if (op === Op.Fence) { if (memOrder(aux) === Order.SeqCst) this.emit('mfence', [], Dst.None); return; }
    if (op === Op.ALoad) { const d = this.gpv(); this.ld(this.addr(f.arg(i, 0)), ty, d); this.setVal(i, d); return; }
    const sz = isz(ty), s = SFX[sz];
    if (op === Op.AStore) {
      const v = f.arg(i, 0), m = this.addr(f.arg(i, 1));
      if (memOrder(aux) === Order.SeqCst) {
        const t = this.gpv(); this.copy(this.gp(v), t);
        this.emit('xchg' + s, [mreg(t, sz), m], Dst.Use).idef = [t];
      } else this.st(this.ri(v, sz), ty, m);
      return;
    }
    if (op === Op.CmpXchg) {
      const m = this.addr(f.arg(i, 0));
      const e = this.gp(f.arg(i, 1)), n = this.gp(f.arg(i, 2));
      this.copy(e, RAX);
      const j = this.emit('cmpxchg' + s, [mreg(n, sz), m], Dst.Use);
      j.prefixes = 1; j.iuse = [RAX]; j.idef = [RAX];
      const d = this.gpv();
      this.copy(RAX, d);
      this.setVal(i, d);
      return;
    }
    // read-modify-write
    const rmw = memRmw(aux), m = this.addr(f.arg(i, 0)), v = this.gp(f.arg(i, 1));
    if (rmw === Rmw.Xchg || rmw === Rmw.Add || rmw === Rmw.Sub) {
      const d = this.gpv();
      this.copy(v, d);
      if (rmw === Rmw.Sub) this.emit('neg' + s, [mreg(d, sz)], Dst.UseDef);
      const j = this.emit((rmw === Rmw.Xchg ? 'xchg' : 'xadd') + s, [mreg(d, sz), m], Dst.Use);
      j.idef = [d];
      if (rmw !== Rmw.Xchg) j.prefixes = 1;
      this.setVal(i, d);
      return;
    }
    // compare-and-swap loop
    const loop = this.newMBlock(), done = this.newMBlock();
    this.ld(m, ty === T.I8 ? T.I8 : ty === T.I16 ? T.I16 : ty, RAX);
    this.jmpTo(loop.id);
    this.startBlock(loop);
    loop.depth++;
    const t = this.gpv();
    const w = sz === 8 ? 8 : 4, ws = SFX[w];
    this.copy(RAX, t);
    switch (rmw) {
      case Rmw.And: this.emit('and' + ws, [mreg(v, w), mreg(t, w)], Dst.UseDef); break;
      case Rmw.Or: this.emit('or' + ws, [mreg(v, w), mreg(t, w)], Dst.UseDef); break;
      case Rmw.Xor: this.emit('xor' + ws, [mreg(v, w), mreg(t, w)], Dst.UseDef); break;
      case Rmw.Nand: this.emit('and' + ws, [mreg(v, w), mreg(t, w)], Dst.UseDef); this.emit('not' + ws, [mreg(t, w)], Dst.UseDef); break;
      default: {
        const cc = { [Rmw.SMax]: 'l', [Rmw.SMin]: 'g', [Rmw.UMax]: 'b', [Rmw.UMin]: 'a' }[rmw]!;
        this.emit('cmp' + s, [mreg(v, sz), mreg(t, sz)], Dst.None);
        this.emit('cmov' + cc + ws, [mreg(v, w), mreg(t, w)], Dst.UseDef);
      }
    }
    const j = this.emit('cmpxchg' + s, [mreg(t, sz), m], Dst.Use);
    j.prefixes = 1; j.iuse = [RAX]; j.idef = [RAX];
    this.jcc({ cc: 'ne', par: 0 }, loop.id, done.id);
    this.startBlock(done);
    const d = this.gpv();
    this.copy(RAX, d);
    this.setVal(i, d);
  }

  // ------------------------------------------------------------------ calls
  /** Calls runtime helper `name` with IR refs as arguments; the result becomes IR value i. */
  private libcall(i: number, name: string, args: number[]): void {
    const ty = this.f.ty[i];
    this.curF80Dest = ty === T.F80 ? this.f80loc(i) : undefined;
    const regs = this.callHelper(name, ty, args);
    this.curF80Dest = undefined;
    if (ty === T.F80) return;
    this.setVal(i, regs[0]);
    if (ty === T.I128) this.setHi(i, regs[1]);
    if (ty === T.F80) void 0;
  }
  private libcallRegs(i: number, name: string, args: { r: number; ty: number }[]): void {
    const ty = this.f.ty[i];
    // only used for small integer -> f128 conversions
    this.copy(args[0].r, RDI);
    const j = this.emit('call', [this.callTarget(name)], Dst.None, MF.Call);
    j.iuse = [RDI]; j.clobber = CALLER_SAVED;
    const d = this.xmv(true);
    this.copy(XMM0, d);
    void ty;
    this.setVal(i, d);
  }
  private callTarget(name: string): MOp {
    return msym(name, 0n, this.ctx.opts.pic && !this.ctx.isLocal(name) ? 'PLT' : '');
  }
  /** Calls helper `name` (C prototype from the argument types); returns the result registers. */
  callHelper(name: string, retTy: number, args: number[], argTys?: number[]): number[] {
    const m = this.m;
    const tys = argTys ?? args.map((a) => this.f.typeOf(a));
    const sig = m.sig(m.abiScalar(retTy), tys.map((t) => m.abiScalar(t)));
    return this.emitCall(sig, this.callTarget(name), args, -1, retTy === T.F80 ? this.curF80Dest : undefined);
  }
  private curF80Dest: MMem | undefined;

  private call(i: number): void {
    const f = this.f, sigIdx = f.aux[i], sig = this.m.sigs[sigIdx];
    const callee = f.arg(i, 0);
    const rt = this.m.abiTypes[sig.ret];
    const sret = rt.kind === 'struct' ? 1 : 0;
    const args: number[] = [];
    for (let k = 1 + sret; k < f.argCount[i]; k++) args.push(f.arg(i, k));
    let target: MOp;
    const s = this.symOf(callee);
    if (s && s.off === 0) target = this.callTarget(s.name);
    else target = mreg(this.gp(callee), 8);
    const f80dst = f.ty[i] === T.F80 ? this.f80loc(i) : undefined;
    const regs = this.emitCall(sigIdx, target, args, sret ? f.arg(i, 1) : -1, f80dst);
    if (f.ty[i] !== T.Void && f.ty[i] !== T.F80 && regs.length) {
      this.setVal(i, regs[0]);
      if (f.ty[i] === T.I128) this.setHi(i, regs[1]);
    }
  }

  /** The full call sequence. Returns the registers holding the (scalar) result. */
  emitCall(sigIdx: number, target: MOp, args: number[], sretRef: number, f80dst?: MMem): number[] {
    const L = layoutCall(this.m, sigIdx);
    const sig = this.m.sigs[sigIdx];
    const rt = this.m.abiTypes[sig.ret];
    if (L.stackBytes) this.emit('subq', [mimm(L.stackBytes), mreg(RSP, 8)], Dst.UseDef);
    // stack arguments first (they may need temporaries and rep movsb)
    for (let k = 0; k < args.length; k++) {
      const loc = L.args[k], a = args[k];
      if (!loc || loc.where !== 'stack') continue;
      const m = mmem(RSP, loc.stackOff);
      if (loc.struct) { this.structCopy(m, this.addr(a), loc.size); continue; }
      const ty = loc.ty;
      if (ty === T.F80) { this.memCopy(m, this.f80mem(a), 10); continue; }
      if (ty === T.I128) { this.emit('movq', [mreg(this.gp(a), 8), m], Dst.Use); this.emit('movq', [mreg(this.gpHi(a), 8), mmem(RSP, loc.stackOff + 8)], Dst.Use); continue; }
      if (ty === T.F32 || ty === T.F64 || ty === T.F128) { this.st(mreg(this.xmm(a), 16), ty, m); continue; }
      this.st(this.ri(a, 8), T.I64, m);
    }
    // register arguments: compute every value into a virtual register, then move to the fixed ones
    const moves: { src: number; dst: number; size: number }[] = [];
    const used: number[] = [];
    for (let k = 0; k < args.length; k++) {
      const loc = L.args[k], a = args[k];
      if (!loc || loc.where !== 'reg') continue;
      if (loc.struct) {
        const p = this.addr(a);
        for (const pc of loc.pieces) {
          const n = Math.min(pc.size, loc.size - pc.off);
          if (pc.cls === AC.Integer) moves.push({ src: this.loadPartial(withOff(p, pc.off), n), dst: pc.reg, size: 8 });
          else {
            const t = this.xmv(pc.size === 16);
            this.emit(pc.size === 16 ? 'movups' : n <= 4 ? 'movss' : 'movsd', [withOff(p, pc.off), mreg(t, 16)], Dst.Def);
            moves.push({ src: t, dst: pc.reg, size: 16 });
          }
        }
        continue;
      }
      const ty = loc.ty, at = this.m.abiTypes[loc.abi];
      if (ty === T.I128) { moves.push({ src: this.gp(a), dst: loc.pieces[0].reg, size: 8 }, { src: this.gpHi(a), dst: loc.pieces[1].reg, size: 8 }); continue; }
      if (ty === T.F32 || ty === T.F64 || ty === T.F128) { moves.push({ src: this.xmm(a), dst: loc.pieces[0].reg, size: 16 }); continue; }
      let r = this.gp(a);
      if ((ty === T.I8 || ty === T.I16) && at.ext) r = this.widen(r, ty, at.ext === Ext.S);
      moves.push({ src: r, dst: loc.pieces[0].reg, size: ty === T.I64 || ty === T.Ptr ? 8 : 4 });
    }
    if (L.ret.where === 'sret') moves.push({ src: this.gp(sretRef), dst: RDI, size: 8 });
    if (target.k === MK.Reg) { const t = this.gpv(); this.copy(target.r, t); target = mreg(t, 8); }
    for (const mv of moves) { this.copy(mv.src, mv.dst, mv.size); used.push(mv.dst); }
    if (sig.nfixed >= 0) { this.emit('movl', [mimm(L.sseUsed), mreg(RAX, 4)], Dst.Def); used.push(RAX); }
    const j = this.emit('call', [target.k === MK.Reg ? { ...target } : target], Dst.None, MF.Call | (sig.flags & 1 ? MF.ReturnsTwice : 0));
    if (target.k === MK.Reg) j.mn = 'call*';
    j.iuse = used; j.clobber = CALLER_SAVED;
    const out: number[] = [];
    // results
    if (L.ret.where === 'x87') {
      if (rt.kind === 'struct') this.emit('fstpt', [this.addr(sretRef)], Dst.None);
      else if (f80dst) this.emit('fstpt', [f80dst], Dst.None);
      else this.emit('fstp', [mphys(regOf(RegClass.St, 0))], Dst.None);
    } else if (L.ret.where === 'reg') {
      if (rt.kind === 'struct') {
        const tmp = L.ret.pieces.map((pc) => { const t = pc.cls === AC.Integer ? this.gpv() : this.xmv(pc.size === 16); this.copy(pc.reg, t); return t; });
        const p = this.addr(sretRef);
        L.ret.pieces.forEach((pc, k) => this.storePiece(pc, tmp[k], p, rt.size));
      } else {
        for (const pc of L.ret.pieces) {
          const t = pc.cls === AC.Integer ? this.gpv() : this.xmv(pc.size === 16);
          this.copy(pc.reg, t);
          out.push(t);
        }
      }
    }
    if (L.stackBytes) this.emit('addq', [mimm(L.stackBytes), mreg(RSP, 8)], Dst.UseDef);
    return out;
  }

  // ------------------------------------------------------------------ varargs
  private vaStart(ap: number): void {
    const L = this.layout;
    const m = this.addr(ap);
    this.emit('movl', [mimm(L.fixedGp * 8), withOff(m, 0)], Dst.Use);
    this.emit('movl', [mimm(48 + L.fixedSse * 16), withOff(m, 4)], Dst.Use);
    const t = this.gpv(), u = this.gpv();
    this.emit('leaq', [mmem(RBP, 16 + L.fixedStack), mreg(t, 8)], Dst.Def);
    this.emit('movq', [mreg(t, 8), withOff(m, 8)], Dst.Use);
    this.emit('leaq', [mslot(this.vaSave), mreg(u, 8)], Dst.Def);
    this.emit('movq', [mreg(u, 8), withOff(m, 16)], Dst.Use);
  }
  private vaArg(i: number): void {
    const f = this.f, abi = this.m.abiTypes[f.aux[i]], ty = f.ty[i];
    const apr = this.gp(f.arg(i, 0));
    const ap = mmem(apr, 0);
    // classify as one argument
    const sig = this.m.sig(this.m.abiVoid, [f.aux[i]]);
    const L = layoutCall(this.m, sig).args[0];
    const addr = this.gpv();
    const done = this.newMBlock();
    const size = abi.kind === 'struct' ? abi.size : L.size;
    const align = abi.kind === 'struct' ? abi.align : L.align;
    let structSlot = -1;
    if (L.where === 'reg') {
      const ng = L.pieces.filter((p) => p.cls === AC.Integer).length, ns = L.pieces.length - ng;
      const stackB = this.newMBlock(), regB = this.newMBlock();
      const gpo = this.gpv(), fpo = this.gpv();
      if (ng) {
        this.emit('movl', [withOff(ap, 0), mreg(gpo, 4)], Dst.Def);
        this.emit('cmpl', [mimm(48 - 8 * ng), mreg(gpo, 4)], Dst.None);
        const nb = this.newMBlock();
        this.jcc({ cc: 'a', par: 0 }, stackB.id, nb.id);
        this.startBlock(nb);
      }
      if (ns) {
        this.emit('movl', [withOff(ap, 4), mreg(fpo, 4)], Dst.Def);
        this.emit('cmpl', [mimm(176 - 16 * ns), mreg(fpo, 4)], Dst.None);
        this.jcc({ cc: 'a', par: 0 }, stackB.id, regB.id);
      } else this.jmpTo(regB.id);
      this.startBlock(regB);
      const save = this.gpv();
      this.emit('movq', [withOff(ap, 16), mreg(save, 8)], Dst.Def);
      if (abi.kind === 'struct') {
        structSlot = this.mf.newSlot(Math.ceil(size / 8) * 8, Math.max(8, align));
        let gi = 0, si = 0;
        for (const pc of L.pieces) {
          const t = pc.cls === AC.Integer ? this.gpv() : this.xmv(true);
          if (pc.cls === AC.Integer) this.emit('movq', [mmem(save, 8 * gi++, gpo, 1), mreg(t, 8)], Dst.Def);
          else this.emit(pc.size === 16 ? 'movups' : 'movsd', [mmem(save, 16 * si++, fpo, 1), mreg(t, 16)], Dst.Def);
          if (pc.cls === AC.Integer) this.emit('movq', [mreg(t, 8), mslot(structSlot, pc.off)], Dst.Use);
          else this.emit(pc.size === 16 ? 'movups' : 'movsd', [mreg(t, 16), mslot(structSlot, pc.off)], Dst.Use);
        }
        this.emit('leaq', [mslot(structSlot), mreg(addr, 8)], Dst.Def);
      } else {
        this.emit('leaq', [mmem(save, 0, ng ? gpo : fpo, 1), mreg(addr, 8)], Dst.Def);
      }
      if (ng) this.emit('addl', [mimm(8 * ng), withOff(ap, 0)], Dst.Use);
      if (ns) this.emit('addl', [mimm(16 * ns), withOff(ap, 4)], Dst.Use);
      this.jmpTo(done.id);
      this.startBlock(stackB);
    }
    // from the overflow area
    const ov = this.gpv();
    this.emit('movq', [withOff(ap, 8), mreg(ov, 8)], Dst.Def);
    if (align > 8) {
      this.emit('addq', [mimm(15), mreg(ov, 8)], Dst.UseDef);
      this.emit('andq', [mimm(-16), mreg(ov, 8)], Dst.UseDef);
    }
    this.copy(ov, addr);
    const nx = this.gpv();
    this.emit('leaq', [mmem(ov, Math.ceil(size / 8) * 8), mreg(nx, 8)], Dst.Def);
    this.emit('movq', [mreg(nx, 8), withOff(ap, 8)], Dst.Use);
    this.jmpTo(done.id);
    this.startBlock(done);
    // the value
    if (abi.kind === 'struct') { this.setVal(i, addr); return; }
    const m = mmem(addr, 0);
    if (ty === T.F80) { this.memCopy(this.f80loc(i), m, 10); return; }
    if (ty === T.I128) { const lo = this.gpv(), hi = this.gpv(); this.emit('movq', [m, mreg(lo, 8)], Dst.Def); this.emit('movq', [mmem(addr, 8), mreg(hi, 8)], Dst.Def); this.setVal(i, lo); this.setHi(i, hi); return; }
    const d = ty === T.F32 || ty === T.F64 || ty === T.F128 ? this.xmv(ty === T.F128) : this.gpv();
    this.ld(m, ty, d);
    this.setVal(i, d);
  }

  // ------------------------------------------------------------------ inline asm
  private inlineAsm(i: number): void {
    inlineAsm(this, i);
  }
  // accessors for asm.ts
  get func(): Func { return this.f; }
  valueReg(r: number): number { return this.gp(r); }
  valueXmm(r: number): number { return this.xmm(r); }
  valueAddr(r: number): MMem { return this.addr(r); }
  define(v: number, r: number): void { this.setVal(v, r); }
  defineF80(v: number): MMem { return this.f80loc(v); }
  isVolatileMem(aux: number): boolean { return memVolatile(aux); }
  alignOf(aux: number): number { return memAlign(aux); }
}

function addDisp(d: MValue, extra: number): MValue {
  if (typeof d === 'bigint') return d + BigInt(extra);
  return { ...d, addend: d.addend + BigInt(extra) };
}
export function withOff(m: MMem, off: number): MMem { return off ? { ...m, disp: addDisp(m.disp, off) } : { ...m }; }
function swapOp(op: number): number {
  switch (op) {
    case Op.Slt: return Op.Sgt; case Op.Sgt: return Op.Slt; case Op.Sle: return Op.Sge; case Op.Sge: return Op.Sle;
    case Op.Ult: return Op.Ugt; case Op.Ugt: return Op.Ult; case Op.Ule: return Op.Uge; case Op.Uge: return Op.Ule;
  }
  return op;
}
void INV_CC;

interface AsmOperand { out: boolean; inout: boolean; indirect: boolean; early: boolean; letters: string; match: number; label: boolean; ty: number }

/** Parses the IR's LLVM-like constraint string (docs/IR.md, Inline asm). */
function parseConstraints(c: string): { ops: AsmOperand[]; clobbers: string[] } {
  const ops: AsmOperand[] = [], clobbers: string[] = [];
  for (let e of c.split(',')) {
    e = e.trim();
    if (!e) continue;
    if (e.startsWith('~{')) { clobbers.push(e.slice(2, -1)); continue; }
    let ty = -1;
    const colon = e.indexOf(':');
    if (colon >= 0) { ty = ['void', 'i8', 'i16', 'i32', 'i64', 'i128', 'ptr', 'f32', 'f64', 'f80', 'f128'].indexOf(e.slice(colon + 1)); e = e.slice(0, colon); }
    const o: AsmOperand = { out: false, inout: false, indirect: false, early: false, letters: '', match: -1, label: false, ty };
    for (const ch of e) {
      if (ch === '=') o.out = true;
      else if (ch === '+') { o.out = true; o.inout = true; }
      else if (ch === '*') o.indirect = true;
      else if (ch === '&') o.early = true;
      else if (ch === '!') o.label = true;
      else if (ch >= '0' && ch <= '9' && !o.out) o.match = o.match < 0 ? +ch : o.match * 10 + +ch;
      else if (ch !== '%' && ch !== '{' && ch !== '}') o.letters += ch;
    }
    ops.push(o);
  }
  return { ops, clobbers };
}

const FIXED: Record<string, number> = { a: RAX, b: 3, c: RCX, d: RDX, S: RSI, D: RDI };

/** gcc's flag output conditions (`=@cc<cond>`) as setcc suffixes. */
const FLAG_CC: Record<string, string> = {
  a: 'a', ae: 'ae', b: 'b', be: 'be', c: 'b', e: 'e', z: 'e', g: 'g', ge: 'ge', l: 'l', le: 'le', na: 'be', nae: 'b',
  nb: 'ae', nbe: 'a', nc: 'ae', ne: 'ne', ng: 'le', nge: 'l', nl: 'ge', nle: 'g', no: 'no', np: 'np', ns: 'ns', nz: 'ne',
  o: 'o', p: 'p', pe: 'p', po: 'np', s: 's',
};

/** Unit of a clobbered register name (gcc spelling), or -1. */
function clobberUnit(name: string): number {
  const id = regByName(name.replace(/^%/, ''));
  if (id < 0) return -1;
  const n = name.replace(/^%/, '');
  if (/^[xy]mm\d+$/.test(n)) return XMM0 + +n.replace(/\D/g, '');
  const cls = [RegClass.Gpr8, RegClass.Gpr16, RegClass.Gpr32, RegClass.Gpr64];
  for (const c of cls) for (let u = 0; u < 16; u++) if (regOf(c, u) === id) return u;
  if (id === regOf(RegClass.Gpr8Hi, 4)) return RAX;
  return -1;
}

/**
 * An asm whose operands are x87 stack registers ("t" = st(0), "u" = st(1), outputs "=t"), as in
 * glibc's fpatan/fsqrt: the inputs are pushed (u first), the output popped to its address after the
 * asm, and whatever input the asm left (not clobbered, not turned into the output) popped. Returns
 * false when the operands are anything else.
 */
function x87Asm(s: FuncISel, i: number, template: string, ops: AsmOperand[], args: number[], clobbers: string[]): boolean {
  const f = s.func, st = (n: number) => mphys(regOf(RegClass.St, n));
  let out = -1, outTy = T.F80, tIn = -1, uIn = -1;
  const mops: MOp[] = [];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k], a = args[k];
    if (o.out) {
      if (o.letters !== 't' || out >= 0 || o.inout || (o.ty !== T.F80 && o.ty !== T.F64 && o.ty !== T.F32)) return false;
      out = k; outTy = o.ty; mops.push(st(0));
      continue;
    }
    if (f.typeOf(a) !== T.F80) return false;
    if ((o.match >= 0 && o.match === out) || o.letters === 't') { if (tIn >= 0) return false; tIn = a; mops.push(st(0)); }
    else if (o.letters === 'u') { if (uIn >= 0) return false; uIn = a; mops.push(st(1)); }
    else return false;
  }
  if (uIn >= 0) s.emit('fldt', [s.f80mem(uIn)], Dst.None);
  if (tIn >= 0) s.emit('fldt', [s.f80mem(tIn)], Dst.None);
  const j = s.emit('#asm', mops, Dst.None, MF.Raw);
  j.text = template;
  j.clobber = clobbers.map(clobberUnit).filter((u) => u >= 0);
  let depth = (uIn >= 0 ? 1 : 0) + (tIn >= 0 ? 1 : 0);
  if (uIn >= 0 && clobbers.some((c) => c.replace(/^%/, '') === 'st(1)')) depth--;
  if (out >= 0 && tIn < 0) depth++;
  if (out >= 0) {
    s.emit(outTy === T.F80 ? 'fstpt' : outTy === T.F64 ? 'fstpl' : 'fstps', [s.valueAddr(args[out])], Dst.None);
    depth--;
  }
  for (; depth > 0; depth--) s.emit('fstp', [st(0)], Dst.None);
  return true;
}

function inlineAsm(s: FuncISel, i: number): void {
  const f = s.func, info = f.asms[f.aux[i]];
  const { ops, clobbers } = parseConstraints(info.constraints);
  const args = f.argList(i);
  if (ops.some((o) => /^[tu]$/.test(o.letters)) && x87Asm(s, i, info.template, ops, args, clobbers)) return;
  const mops: MOp[] = [];
  const iuse: number[] = [], idef: number[] = [];
  const after: (() => void)[] = [];
  const labels: number[] = [];
  const early: number[] = [];
  const sizeOf = (t: number): number => (t === T.I8 ? 1 : t === T.I16 ? 2 : t === T.I32 || t === T.F32 ? 4 : 8);
  const flags: { cc: string; a: number; ty: number }[] = [];
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k], a = args[k];
    if (o.label) { mops.push(mlabel(-1)); labels.push(k); continue; }
    const L = o.letters;
    if (o.out && L.startsWith('@cc')) {
      // a flag output ("=@ccz"): set from the condition right after the asm; the template cannot name it
      const cc = FLAG_CC[L.slice(3)];
      if (cc === undefined) throw new Error(`invalid flag output constraint '${L}'`);
      flags.push({ cc, a, ty: o.ty >= 0 ? o.ty : T.I8 });
      mops.push(mimm(0));
      continue;
    }
    if (o.out) {
      const ty = o.ty >= 0 ? o.ty : T.I64, sz = sizeOf(ty);
      if (/[mo]/.test(L) && !/[rqabcdSDx]/.test(L)) { mops.push(s.valueAddr(a)); continue; }
      const isX = /x/.test(L) || ty === T.F32 || ty === T.F64;
      const fixed = FIXED[L.replace(/[^abcdSD]/g, '')[0] ?? ''];
      const r = fixed !== undefined ? fixed : isX ? s.mf.newVreg(CLS_SSE) : s.mf.newVreg(CLS_GP);
      if (o.inout) {
        const m = s.valueAddr(a);
        s.ld(m, ty, r);
        iuse.push(r);
      }
      idef.push(r);
      if (o.early && !o.inout) early.push(r);
      mops.push(mreg(r, isX ? 16 : sz));
      after.push(() => { const m = s.valueAddr(a); s.st(mreg(r, isX ? 16 : sz), ty, m); });
      continue;
    }
    const ty = f.typeOf(a), sz = sizeOf(ty);
    if (o.match >= 0) {
      const target = mops[o.match];
      if (target.k === MK.Reg) {
        const src = ty >= T.F32 ? s.valueXmm(a) : s.valueReg(a);
        s.copy(src, target.r, 8);
        if (!iuse.includes(target.r)) iuse.push(target.r);
        mops.push(mreg(target.r, target.size));
        continue;
      }
    }
    if (o.indirect || (/[mo]/.test(L) && !/[rqabcdSDgix]/.test(L))) { mops.push(s.valueAddr(a)); continue; }
    if (/[inIJKLMNegsX]/.test(L) && a < 0 && (f.cKind[~a] === CK.Int || f.cKind[~a] === CK.Sym)) {
      if (f.cKind[~a] === CK.Int) mops.push(mimm(f.cVal[~a] as bigint));
      else mops.push(mimm({ sym: f.cVal[~a] as string, addend: BigInt(f.cOff[~a]), spec: '' }));
      continue;
    }
    const fixed = FIXED[L.replace(/[^abcdSD]/g, '')[0] ?? ''];
    if (/x/.test(L) || (ty >= T.F32 && ty <= T.F64 && !/[rq]/.test(L))) {
      const r = s.valueXmm(a), t = s.mf.newVreg(CLS_SSE);
      s.copy(r, t);
      iuse.push(t); mops.push(mreg(t, 16));
      continue;
    }
    const src = s.valueReg(a);
    const r = fixed !== undefined ? fixed : s.mf.newVreg(CLS_GP);
    s.copy(src, r, 8);
    iuse.push(r); mops.push(mreg(r, sz));
  }
  for (const r of early) { const d = minst('#def', [mreg(r, 8)], Dst.Def); s.cur.insts.push(d); iuse.push(r); }
  const j = s.emit('#asm', mops, Dst.None, MF.Raw);
  j.text = info.template;
  j.iuse = iuse; j.idef = idef;
  j.clobber = clobbers.map(clobberUnit).filter((u) => u >= 0);
  if (flags.length) {
    // the flags are read before anything else runs (address computations of the other outputs may
    // change them); then each goes to its output like a register output
    const regs = flags.map((fl) => {
      const t = s.mf.newVreg(CLS_GP);
      s.emit('set' + fl.cc, [mreg(t, 1)], Dst.Def);
      return t;
    });
    flags.forEach((fl, n) => {
      const sz = sizeOf(fl.ty);
      let r = regs[n];
      if (sz > 1) {
        const w = s.mf.newVreg(CLS_GP);
        s.emit('movzbl', [mreg(r, 1), mreg(w, 4)], Dst.Def);
        r = w;
      }
      after.unshift(() => { s.st(mreg(r, sz), fl.ty, s.valueAddr(fl.a)); });
    });
  }
  if (labels.length) {
    // asm goto: label k lands in a block that sets the result to k+1
    const res = s.mf.newVreg(CLS_GP);
    const join = s.newMBlock();
    const lands = labels.map(() => s.newMBlock());
    labels.forEach((k, n) => { mops[k] = mlabel(lands[n].id); });
    j.targets = lands.map((b) => b.id);
    s.emit('movl', [mimm(0), mreg(res, 4)], Dst.Def);
    for (const a of after) a();
    s.jmpTo(join.id);
    lands.forEach((b, n) => {
      s.startBlock(b);
      s.emit('movl', [mimm(n + 1), mreg(res, 4)], Dst.Def);
      for (const a of after) a();
      s.jmpTo(join.id);
    });
    s.startBlock(join);
    s.define(i, res);
    return;
  }
  for (const a of after) a();
}
