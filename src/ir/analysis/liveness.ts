// Liveness of SSA values per block, as bitsets over value numbers (instruction indices), solved
// backwards to a fixed point. A phi's operand is live out of the corresponding predecessor (not live
// into the phi's block); a phi's result is defined at the top of its block. Back ends use liveIn /
// liveOut to build interference; the sets are Uint32Array words, ceil(nInstr / 32) per block.

import { Func, isValueSlot } from '../module';
import { Op } from '../ops';
import { DomTree } from './dom';

export class Liveness {
  readonly words: number;
  readonly liveIn: Uint32Array[] = [];
  readonly liveOut: Uint32Array[] = [];

  constructor(readonly f: Func, dom: DomTree = new DomTree(f)) {
    const W = (this.words = (f.nInstr + 31) >>> 5);
    const n = f.nBlocks;
    const use: Uint32Array[] = [], def: Uint32Array[] = [], phiUse: Uint32Array[] = [];
    for (let b = 0; b < n; b++) {
      use.push(new Uint32Array(W)); def.push(new Uint32Array(W)); phiUse.push(new Uint32Array(W));
      this.liveIn.push(new Uint32Array(W)); this.liveOut.push(new Uint32Array(W));
    }
    const A = f.args;
    for (const b of dom.rpo) {
      const U = use[b], D = def[b];
      for (let i = f.first[b]; i >= 0; i = f.next[i]) {
        const s = f.argStart[i], c = f.argCount[i];
        if (f.op[i] === Op.Phi) {
          for (let k = 0; k < c; k += 2) { const v = A[s + k + 1]; if (v >= 0) phiUse[A[s + k]][v >>> 5] |= 1 << (v & 31); }
        } else {
          for (let k = 0; k < c; k++) { const v = A[s + k]; if (v >= 0 && isValueSlot(f.op[i], k) && !(D[v >>> 5] & (1 << (v & 31)))) U[v >>> 5] |= 1 << (v & 31); }
        }
        D[i >>> 5] |= 1 << (i & 31);
      }
    }
    const order = dom.rpo.slice().reverse();
    let changed = true;
    while (changed) {
      changed = false;
      for (const b of order) {
        const out = this.liveOut[b], inn = this.liveIn[b];
        out.set(phiUse[b]);
        for (const s of f.succs(b)) {
          const si = this.liveIn[s];
          for (let w = 0; w < W; w++) out[w] |= si[w];
        }
        // phi results of successors are defined there, not live out of b
        for (const s of f.succs(b)) for (let i = f.first[s]; i >= 0 && f.op[i] === Op.Phi; i = f.next[i]) out[i >>> 5] &= ~(1 << (i & 31));
        const U = use[b], D = def[b];
        for (let w = 0; w < W; w++) {
          const v = U[w] | (out[w] & ~D[w]);
          if (v !== inn[w]) { inn[w] = v; changed = true; }
        }
      }
    }
  }

  isLiveIn(b: number, v: number): boolean { return (this.liveIn[b][v >>> 5] & (1 << (v & 31))) !== 0; }
  isLiveOut(b: number, v: number): boolean { return (this.liveOut[b][v >>> 5] & (1 << (v & 31))) !== 0; }
  /** Values live into block b, ascending. */
  liveInList(b: number): number[] { return bits(this.liveIn[b]); }
  liveOutList(b: number): number[] { return bits(this.liveOut[b]); }
}

function bits(a: Uint32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < a.length; w++) for (let x = a[w]; x; x &= x - 1) out.push(w * 32 + (31 - Math.clz32(x & -x)));
  return out;
}

