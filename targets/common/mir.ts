// Machine IR shared by the back ends: a function is a list of machine blocks, each a list of machine
// instructions whose operands name registers as "units". A unit below `firstVreg` is a physical,
// allocatable register of the target (numbered by the target: on x86-64 0..15 are the general
// registers by encoding number and 16..31 are xmm0..xmm15); a unit at or above `firstVreg` is a
// virtual register, replaced by a physical one by the register allocator (regalloc.ts).
// Registers that are never allocated (x87 stack, segment registers, rip) appear as `phys` operands
// (the target's own register id) and are invisible to liveness.
//
// Each instruction says which of its registers it reads and writes: registers inside memory
// operands are read; the last operand is read (`Dst.Use`), written (`Dst.Def`) or both (`Dst.UseDef`);
// the other register operands are read unless `Dst.Def2` marks the first two as (dst, dst2) pairs;
// `iuse`/`idef` list implicit registers (fixed registers of div, shifts by %cl, call arguments and
// results); `clobber` lists the registers a call destroys.

export type MValue = bigint | { sym: string; addend: bigint; spec: string };

export const enum MK { Reg, Imm, Mem, Label, Sym, Phys }

export interface MReg { k: MK.Reg; r: number; size: number }
export interface MImm { k: MK.Imm; v: MValue }
/** base/index: units or -1. slot >= 0: a frame slot whose offset is added at emission (base is the frame register). */
export interface MMem { k: MK.Mem; base: number; index: number; scale: number; disp: MValue; slot: number; seg: number }
export interface MLabel { k: MK.Label; b: number }
export interface MSym { k: MK.Sym; v: MValue }
/** A physical register the allocator does not manage (target register id). */
export interface MPhys { k: MK.Phys; id: number }
export type MOp = MReg | MImm | MMem | MLabel | MSym | MPhys;

export const enum Dst { None = 0, Use = 1, Def = 2, UseDef = 3 }

export const enum MF {
  Copy = 1,          // register to register move of the whole value (coalescing hint; removed when identical)
  Term = 2,          // block terminator (branch)
  Call = 4,
  ReturnsTwice = 8,  // values must not live in registers across it
  Raw = 16,          // inline asm text in `text`
  NoSpillFold = 32,
  Barrier = 64,      // control does not fall through (jmp, ret, ud2, indirect jmp)
  ZeroIdiom = 128,   // xor r,r: its register operands are not read
}

export interface MInst {
  mn: string;
  ops: MOp[];
  dst: Dst;
  iuse: number[];
  idef: number[];
  clobber: number[];
  flags: number;
  text?: string;
  prefixes: number;
  /** Successor blocks that are not in Label operands (jump tables, asm goto). */
  targets?: number[];
  /** -g: source position id (IR Module.locId) of the IR instruction it was selected for; 0 = none. */
  loc: number;
}

export interface MBlock { id: number; insts: MInst[]; label: string; depth: number }

export interface Slot { size: number; align: number; offset: number }

export class MFunc {
  blocks: MBlock[] = [];
  /** Layout order of blocks (ids). */
  order: number[] = [];
  slots: Slot[] = [];
  /** Register class of each virtual register (index vreg - firstVreg). */
  vclass: number[] = [];
  /** Spill slot width of each virtual register in bytes. */
  vwidth: number[] = [];
  /** Unspillable virtual registers (spill reloads). */
  vnospill: boolean[] = [];
  /** Physical registers used after allocation (units). */
  usedRegs = new Set<number>();
  constructor(readonly name: string, readonly firstVreg: number) {}

  newBlock(label: string, depth = 0): MBlock {
    const b: MBlock = { id: this.blocks.length, insts: [], label, depth };
    this.blocks.push(b);
    return b;
  }
  newVreg(cls: number, width = 8, nospill = false): number {
    const v = this.firstVreg + this.vclass.length;
    this.vclass.push(cls);
    this.vwidth.push(width);
    this.vnospill.push(nospill);
    return v;
  }
  get nUnits(): number { return this.firstVreg + this.vclass.length; }
  newSlot(size: number, align: number): number {
    this.slots.push({ size, align, offset: 0 });
    return this.slots.length - 1;
  }
}

/** Register operands are immutable (instructions share operands; rewriting replaces them), so one
 *  object serves every use of a unit with a size. */
const REG_CACHE: (MReg | null)[][] = [[], [], [], [], []];
export function mreg(r: number, size: number): MReg {
  const si = size === 8 ? 0 : size === 4 ? 1 : size === 1 ? 2 : size === 2 ? 3 : size === 16 ? 4 : -1;
  if (si < 0 || r < 0 || r > 1 << 20) return { k: MK.Reg, r, size };
  const c = REG_CACHE[si];
  while (c.length <= r) c.push(null); // dense: fast elements
  return c[r] ??= { k: MK.Reg, r, size };
}
export function mimm(v: MValue | number): MImm { return { k: MK.Imm, v: typeof v === 'number' ? BigInt(v) : v }; }
export function mmem(base: number, disp: MValue | number = 0n, index = -1, scale = 1, slot = -1, seg = -1): MMem {
  return { k: MK.Mem, base, index, scale, disp: typeof disp === 'number' ? BigInt(disp) : disp, slot, seg };
}
export function mslot(slot: number, disp = 0): MMem { return mmem(-1, disp, -1, 1, slot); }
export function mlabel(b: number): MLabel { return { k: MK.Label, b }; }
export function msym(name: string, addend = 0n, spec = ''): MSym { return { k: MK.Sym, v: { sym: name, addend, spec } }; }
export function mphys(id: number): MPhys { return { k: MK.Phys, id }; }

/** The shared empty implicit-register list (frozen: instructions get lists of their own by assignment). */
const NONE = Object.freeze([]) as unknown as number[];

export function minst(mn: string, ops: MOp[], dst: Dst, flags = 0): MInst {
  return { mn, ops, dst, iuse: NONE, idef: NONE, clobber: NONE, flags, prefixes: 0, loc: 0 };
}

/** Calls fn for every register unit an instruction reads. */
export function forUses(i: MInst, fn: (u: number) => void): void {
  const n = i.ops.length;
  for (let k = 0; k < n; k++) {
    const o = i.ops[k];
    if (o.k === MK.Reg) {
      if (i.flags & (MF.ZeroIdiom | MF.Raw)) continue;
      if (k === n - 1 && (i.dst & Dst.Use) === 0 && i.dst !== Dst.None) continue;
      fn(o.r);
    } else if (o.k === MK.Mem) {
      if (o.base >= 0) fn(o.base);
      if (o.index >= 0) fn(o.index);
    }
  }
  const iu = i.iuse;
  for (let k = 0; k < iu.length; k++) fn(iu[k]);
}

/** Calls fn for every register unit an instruction writes (clobbers included). */
export function forDefs(i: MInst, fn: (u: number) => void): void {
  const n = i.ops.length;
  if (n && (i.dst & Dst.Def)) { const o = i.ops[n - 1]; if (o.k === MK.Reg) fn(o.r); }
  const id = i.idef, cl = i.clobber;
  for (let k = 0; k < id.length; k++) fn(id[k]);
  for (let k = 0; k < cl.length; k++) fn(cl[k]);
}

/** Rewrites every register unit of an instruction through map (units not in it stay). */
export function mapRegs(i: MInst, map: (u: number) => number): void {
  // operands may be shared between instructions: replace, never mutate
  const ops = i.ops;
  let out: MOp[] | null = null;
  for (let k = 0; k < ops.length; k++) {
    const o = ops[k];
    let r: MOp = o;
    if (o.k === MK.Reg) r = mreg(map(o.r), o.size);
    else if (o.k === MK.Mem && (o.base >= 0 || o.index >= 0)) {
      r = { k: MK.Mem, base: o.base >= 0 ? map(o.base) : o.base, index: o.index >= 0 ? map(o.index) : o.index, scale: o.scale, disp: o.disp, slot: o.slot, seg: o.seg };
    }
    if (r !== o) { if (!out) out = ops.slice(0, k); }
    if (out) out.push(r);
  }
  if (out) i.ops = out;
  if (i.iuse.length) i.iuse = i.iuse.map(map);
  if (i.idef.length) i.idef = i.idef.map(map);
}
