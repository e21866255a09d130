// Liveness on machine code and live ranges per register unit.
//
// Instructions are numbered in layout order; instruction n reads its registers at position 2n and
// writes them at 2n+1, so a value that dies in an instruction and a value that instruction defines
// may share a register. Live-in/live-out sets are found by the usual backward dataflow over bitsets
// (iterated to a fixed point); then each block is walked backwards once to build each unit's ranges
// [start, end] (inclusive). A definition that is never read gets the point range [2n+1, 2n+1], so
// clobbers and dead results still occupy their register at that instant.

import { MFunc, MInst, MK, MF, forUses, forDefs } from './mir';

export interface Liveness {
  /** Flat [start, end] pairs per unit, sorted and merged. */
  ranges: number[][];
  /** Spill weight numerator per unit: uses and defs weighted by 10^loop depth. */
  weight: Float64Array;
  /** Position of the first instruction of each block (by block id). */
  blockStart: Int32Array;
  /** Instruction positions (2n) of calls flagged ReturnsTwice. */
  returnsTwice: number[];
}

/** Successor block ids of block b in layout position k. */
export function successors(f: MFunc, k: number): number[] {
  const b = f.blocks[f.order[k]];
  const out: number[] = [];
  for (const i of b.insts) {
    for (const o of i.ops) if (o.k === MK.Label) out.push(o.b);
    if (i.targets) for (const t of i.targets) out.push(t);
  }
  const last: MInst | undefined = b.insts[b.insts.length - 1];
  if ((!last || !(last.flags & MF.Barrier)) && k + 1 < f.order.length) out.push(f.order[k + 1]);
  return out;
}

export function computeLiveness(f: MFunc, tracked: (u: number) => boolean): Liveness {
  const nU = f.nUnits, W = (nU + 31) >>> 5, nB = f.blocks.length;
  const gen = new Uint32Array(nB * W), kill = new Uint32Array(nB * W);
  const liveIn = new Uint32Array(nB * W), liveOut = new Uint32Array(nB * W);
  const weight = new Float64Array(nU);
  const succ: number[][] = [];
  const blockStart = new Int32Array(nB);
  let n = 0;
  for (let k = 0; k < f.order.length; k++) {
    const b = f.blocks[f.order[k]], base = b.id * W;
    blockStart[b.id] = n;
    n += b.insts.length;
    succ[b.id] = successors(f, k);
    const w = Math.pow(10, Math.min(b.depth, 6));
    for (const i of b.insts) {
      forUses(i, (u) => {
        if (!tracked(u)) return;
        weight[u] += w;
        if (!(kill[base + (u >>> 5)] & (1 << (u & 31)))) gen[base + (u >>> 5)] |= 1 << (u & 31);
      });
      forDefs(i, (u) => { if (tracked(u)) { weight[u] += w; kill[base + (u >>> 5)] |= 1 << (u & 31); } });
    }
  }
  // backward dataflow to a fixed point
  for (let changed = true; changed;) {
    changed = false;
    for (let k = f.order.length - 1; k >= 0; k--) {
      const id = f.order[k], base = id * W;
      for (let w = 0; w < W; w++) {
        let out = 0;
        for (const s of succ[id]) out |= liveIn[s * W + w];
        liveOut[base + w] = out;
        const inn = (gen[base + w] | (out & ~kill[base + w])) >>> 0;
        if (inn !== liveIn[base + w]) { liveIn[base + w] = inn; changed = true; }
      }
    }
  }
  // ranges, built backwards
  const raw: number[][] = new Array(nU);
  for (let u = 0; u < nU; u++) raw[u] = [];
  const open = new Int32Array(nU).fill(-1);
  const returnsTwice: number[] = [];
  for (let k = f.order.length - 1; k >= 0; k--) {
    const b = f.blocks[f.order[k]], base = b.id * W;
    const s0 = 2 * blockStart[b.id], e0 = 2 * (blockStart[b.id] + b.insts.length) - 1;
    if (b.insts.length === 0) continue;
    open.fill(-1);
    for (let w = 0; w < W; w++) {
      let m = liveOut[base + w];
      while (m) {
        const bit = 31 - Math.clz32(m); m &= ~(1 << bit);
        const u = w * 32 + bit;
        open[u] = raw[u].length; raw[u].push(s0, e0);
      }
    }
    for (let j = b.insts.length - 1; j >= 0; j--) {
      const i = b.insts[j], p = 2 * (blockStart[b.id] + j);
      if (i.flags & MF.ReturnsTwice) returnsTwice.push(p);
      forDefs(i, (u) => {
        if (!tracked(u)) return;
        if (open[u] >= 0) { raw[u][open[u]] = p + 1; open[u] = -1; }
        else raw[u].push(p + 1, p + 1);
      });
      forUses(i, (u) => {
        if (!tracked(u) || open[u] >= 0) return;
        open[u] = raw[u].length; raw[u].push(s0, p);
      });
    }
  }
  const ranges: number[][] = new Array(nU);
  for (let u = 0; u < nU; u++) ranges[u] = normalise(raw[u]);
  return { ranges, weight, blockStart, returnsTwice };
}

/** Sorts [s, e] pairs by start and merges overlapping or adjacent ones. */
function normalise(r: number[]): number[] {
  if (r.length <= 2) return r;
  const idx: number[] = [];
  for (let k = 0; k < r.length; k += 2) idx.push(k);
  idx.sort((a, b) => r[a] - r[b]);
  const out: number[] = [];
  for (const k of idx) {
    const s = r[k], e = r[k + 1], n = out.length;
    if (n && s <= out[n - 1] + 1) { if (e > out[n - 1]) out[n - 1] = e; }
    else out.push(s, e);
  }
  return out;
}

/** Does a sorted range list contain position p? */
export function covers(r: number[], p: number): boolean {
  for (let k = 0; k < r.length; k += 2) if (r[k] <= p && p <= r[k + 1]) return true;
  return false;
}
