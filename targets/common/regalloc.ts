// Register allocation: a greedy allocator over live ranges with eviction, spilling and re-allocation.
//
// 1. Liveness (liveness.ts) gives each unit (physical or virtual register) its list of ranges.
//    Physical units' ranges (argument registers, fixed operands, call clobbers) are pre-placed in
//    each physical register's occupancy list.
// 2. Virtual registers are taken in order of priority (unspillable reload temporaries first, then by
//    spill weight = weighted use count / length). Each tries its hints first (registers it is copied
//    from or to, so that the copy disappears), then the target's preference order for its class.
//    A register is free for it if none of its ranges overlap that register's occupancy.
// 3. If no register is free, the cheapest set of lighter, spillable occupants of one register is
//    evicted (they are spilled); else the register itself is spilled.
// 4. Spilled registers get a frame slot; every instruction that touches one gets a fresh short-lived
//    unspillable temporary with a reload before / a store after (a copy to or from a spilled register
//    becomes a single load or store). Then allocation runs again on the rewritten code, until nothing
//    is spilled. Values live across a returns_twice call (setjmp) are always spilled.
// After assignment, registers are rewritten in place and copies whose source and destination are
// the same register are deleted.

import { MFunc, MInst, MK, MF, mapRegs, forUses, forDefs, Dst } from './mir';
import { computeLiveness, covers } from './liveness';

export interface AllocTarget {
  /** Units below this are physical registers. */
  nPhys: number;
  /** Allocatable units of each register class, in order of preference. */
  classes: number[][];
  /** Units never tracked (stack and frame pointer). */
  untracked: (u: number) => boolean;
  /** An instruction loading unit `u` (class cls, spill width) from frame slot `slot`. */
  spillLoad(u: number, cls: number, width: number, slot: number): MInst;
  spillStore(u: number, cls: number, width: number, slot: number): MInst;
}

/**
 * Who occupies each physical register at each position: a bitset for the fast "is it free over
 * these ranges" question and an owner per position (-1 free, -2 a fixed physical use, else the
 * virtual register) for eviction. Ranges placed in one register never overlap, so filling and
 * clearing them costs at most the function's length per register, whatever the order.
 */
let scratchBits = new Uint32Array(1024);
let scratchOwner = new Int32Array(8192);

class Occupancy {
  readonly bits: Uint32Array;
  readonly owner: Int32Array;
  constructor(readonly nRegs: number, readonly nPos: number) {
    this.words = (nPos + 32) >>> 5;
    // one pair of buffers serves every function (grown when needed): no garbage per function
    const nb = nRegs * this.words, no = nRegs * (nPos + 1);
    if (scratchBits.length < nb) scratchBits = new Uint32Array(Math.max(nb, scratchBits.length * 2));
    if (scratchOwner.length < no) scratchOwner = new Int32Array(Math.max(no, scratchOwner.length * 2));
    this.bits = scratchBits.subarray(0, nb);
    this.owner = scratchOwner.subarray(0, no);
    this.bits.fill(0);
    this.owner.fill(-1);
  }
  readonly words: number;

  /** Does any of the ranges overlap what register p holds? */
  conflicts(p: number, r: number[]): boolean {
    const bits = this.bits, w0 = p * this.words;
    for (let k = 0; k < r.length; k += 2) {
      const s = r[k], e = r[k + 1];
      const ws = s >>> 5, we = e >>> 5;
      if (ws === we) {
        const mask = (e & 31) === 31 ? -1 << (s & 31) : ((1 << ((e & 31) + 1)) - 1) & (-1 << (s & 31));
        if (bits[w0 + ws] & mask) return true;
        continue;
      }
      if (bits[w0 + ws] & (-1 << (s & 31))) return true;
      for (let w = ws + 1; w < we; w++) if (bits[w0 + w]) return true;
      const last = (e & 31) === 31 ? -1 : (1 << ((e & 31) + 1)) - 1;
      if (bits[w0 + we] & last) return true;
    }
    return false;
  }

  /** The occupants of register p over the ranges (for eviction). */
  owners(p: number, r: number[], out: Set<number>): void {
    const o0 = p * (this.nPos + 1);
    for (let k = 0; k < r.length; k += 2) {
      for (let q = r[k]; q <= r[k + 1]; q++) { const o = this.owner[o0 + q]; if (o !== -1) out.add(o); }
    }
  }

  occupy(p: number, r: number[], owner: number): void {
    const bits = this.bits, w0 = p * this.words, o0 = p * (this.nPos + 1);
    for (let k = 0; k < r.length; k += 2) {
      for (let q = r[k]; q <= r[k + 1]; q++) { bits[w0 + (q >>> 5)] |= 1 << (q & 31); this.owner[o0 + q] = owner; }
    }
  }

  release(p: number, r: number[]): void {
    const bits = this.bits, w0 = p * this.words, o0 = p * (this.nPos + 1);
    for (let k = 0; k < r.length; k += 2) {
      for (let q = r[k]; q <= r[k + 1]; q++) { bits[w0 + (q >>> 5)] &= ~(1 << (q & 31)); this.owner[o0 + q] = -1; }
    }
  }
}

export function allocateRegisters(f: MFunc, t: AllocTarget): void {
  const tracked = (u: number): boolean => !t.untracked(u);
  const spillSlot = new Map<number, number>();
  for (let round = 0; ; round++) {
    if (round > 50) throw new Error(`register allocation did not converge in ${f.name}`);
    const live = computeLiveness(f, tracked);
    const nU = f.nUnits, V0 = f.firstVreg;
    let nPos = 0;
    for (let k = 0; k < f.blocks.length; k++) nPos += f.blocks[k].insts.length;
    const occ = new Occupancy(t.nPhys, 2 * nPos + 2);
    for (let p = 0; p < t.nPhys; p++) if (tracked(p)) occ.occupy(p, live.ranges[p], -2);
    // hints from copies
    const hints: number[][] = [];
    for (let bk = 0; bk < f.blocks.length; bk++) for (let j = 0, insts = f.blocks[bk].insts; j < insts.length; j++) {
      const i = insts[j];
      if (!(i.flags & MF.Copy)) continue;
      const a = i.ops[0], d = i.ops[1];
      if (a.k !== MK.Reg || d.k !== MK.Reg) continue;
      (hints[a.r] ??= []).push(d.r);
      (hints[d.r] ??= []).push(a.r);
    }
    const assign = new Int32Array(nU).fill(-1);
    for (let p = 0; p < t.nPhys; p++) assign[p] = p;
    const spilled: number[] = [];
    const queue: number[] = [];
    const prio = new Float64Array(nU);
    for (let v = V0; v < nU; v++) {
      const r = live.ranges[v];
      if (!r.length) continue;
      if (live.returnsTwice.length && !f.vnospill[v - V0] && live.returnsTwice.some((p) => covers(r, p + 1) && covers(r, p))) { spilled.push(v); continue; }
      let len = 0;
      for (let k = 0; k < r.length; k += 2) len += r[k + 1] - r[k] + 1;
      prio[v] = f.vnospill[v - V0] ? 1e300 : live.weight[v] / (len + 4);
      queue.push(v);
    }
    queue.sort((a, b) => prio[b] - prio[a] || a - b);
    const evicted = new Set<number>();
    for (let qi = 0; qi < queue.length; qi++) {
      const v = queue[qi];
      if (evicted.has(v)) continue;
      const r = live.ranges[v], cls = f.vclass[v - V0], regs = t.classes[cls];
      let got = -1;
      const hv = hints[v];
      if (hv) for (let hk = 0; hk < hv.length; hk++) {
        const p = assign[hv[hk]];
        if (p >= 0 && regs.includes(p) && !occ.conflicts(p, r)) { got = p; break; }
      }
      if (got < 0) for (let rk = 0; rk < regs.length; rk++) if (!occ.conflicts(regs[rk], r)) { got = regs[rk]; break; }
      if (got < 0) {
        // evict the cheapest set of lighter occupants of one register
        let best = -1, bestCost = Infinity, bestSet: Set<number> | null = null;
        for (const p of regs) {
          const set = new Set<number>();
          occ.owners(p, r, set);
          let cost = 0;
          for (const o of set) {
            if (o < 0 || o < V0 || f.vnospill[o - V0] || prio[o] >= prio[v]) { cost = Infinity; break; }
            cost += prio[o];
          }
          if (cost < bestCost) { bestCost = cost; best = p; bestSet = set; }
        }
        if (best >= 0 && bestSet) {
          for (const o of bestSet) { occ.release(best, live.ranges[o]); assign[o] = -1; spilled.push(o); evicted.add(o); }
          got = best;
        }
      }
      if (got < 0) {
        if (f.vnospill[v - V0]) throw new Error(`register allocation failed in ${f.name}: no register for a reload temporary`);
        spilled.push(v);
        continue;
      }
      assign[v] = got;
      occ.occupy(got, r, v);
    }
    if (spilled.length) {
      rewriteSpills(f, t, new Set(spilled), spillSlot);
      continue;
    }
    // rewrite
    const map = (u: number): number => {
      const p = u >= V0 ? assign[u] : u;
      if (p < 0) throw new Error(`unassigned register ${u} in ${f.name}`);
      return p;
    };
    const noteUsed = (u: number): void => { if (u < t.nPhys) f.usedRegs.add(u); };
    for (let bk = 0; bk < f.blocks.length; bk++) {
      const b = f.blocks[bk], insts = b.insts;
      const out: MInst[] = [];
      for (let j = 0; j < insts.length; j++) {
        const i = insts[j];
        mapRegs(i, map);
        if (i.flags & MF.Copy && i.ops[0].k === MK.Reg && i.ops[1].k === MK.Reg && i.ops[0].r === i.ops[1].r) continue;
        forDefs(i, noteUsed);
        out.push(i);
      }
      b.insts = out;
    }
    return;
  }
}

function rewriteSpills(f: MFunc, t: AllocTarget, spilled: Set<number>, slots: Map<number, number>): void {
  const V0 = f.firstVreg;
  const slotOf = (v: number): number => {
    let s = slots.get(v);
    if (s === undefined) { const w = f.vwidth[v - V0]; s = f.newSlot(w, w); slots.set(v, s); }
    return s;
  };
  for (const b of f.blocks) {
    const out: MInst[] = [];
    for (const i of b.insts) {
      const uses = new Set<number>(), defs = new Set<number>();
      forUses(i, (u) => { if (spilled.has(u)) uses.add(u); });
      forDefs(i, (u) => { if (spilled.has(u)) defs.add(u); });
      if (!uses.size && !defs.size) { out.push(i); continue; }
      if (i.flags & MF.Copy && i.ops[0].k === MK.Reg && i.ops[1].k === MK.Reg) {
        const a = i.ops[0].r, d = i.ops[1].r;
        if (spilled.has(a) !== spilled.has(d)) {
          if (spilled.has(a)) out.push(t.spillLoad(d, f.vclass[a - V0], f.vwidth[a - V0], slotOf(a)));
          else out.push(t.spillStore(a, f.vclass[d - V0], f.vwidth[d - V0], slotOf(d)));
          continue;
        }
      }
      const tmp = new Map<number, number>();
      for (const v of new Set([...uses, ...defs])) tmp.set(v, f.newVreg(f.vclass[v - V0], f.vwidth[v - V0], true));
      for (const v of uses) out.push(t.spillLoad(tmp.get(v)!, f.vclass[v - V0], f.vwidth[v - V0], slotOf(v)));
      mapRegs(i, (u) => tmp.get(u) ?? u);
      if (i.dst === Dst.UseDef || i.dst === Dst.Def) { /* last operand already mapped */ }
      out.push(i);
      for (const v of defs) out.push(t.spillStore(tmp.get(v)!, f.vclass[v - V0], f.vwidth[v - V0], slotOf(v)));
    }
    b.insts = out;
  }
}
