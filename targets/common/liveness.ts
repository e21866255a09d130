// Liveness on machine code and live ranges per register unit.
//
// Instructions are numbered in layout order; instruction n reads its registers at position 2n and
// writes them at 2n+1, so a value that dies in an instruction and a value that instruction defines
// may share a register. Live-in/live-out sets are found by the usual backward dataflow over bitsets
// (iterated to a fixed point); then each block is walked backwards once to build each unit's ranges
// [start, end] (inclusive). Only units that live across blocks take part in the dataflow (see
// computeLiveness). A definition that is never read gets the point range [2n+1, 2n+1], so
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
  const insts = b.insts;
  for (let j = 0; j < insts.length; j++) {
    const i = insts[j], ops = i.ops;
    for (let k = 0; k < ops.length; k++) { const o = ops[k]; if (o.k === MK.Label) out.push(o.b); }
    if (i.targets) for (let k = 0; k < i.targets.length; k++) out.push(i.targets[k]);
  }
  const last: MInst | undefined = b.insts[b.insts.length - 1];
  if ((!last || !(last.flags & MF.Barrier)) && k + 1 < f.order.length) out.push(f.order[k + 1]);
  return out;
}

export function computeLiveness(f: MFunc, tracked: (u: number) => boolean): Liveness {
  const nU = f.nUnits, nB = f.blocks.length;
  const weight = new Float64Array(nU);
  const succ: number[][] = [];
  const blockStart = new Int32Array(nB);
  // Which units need the dataflow: those seen in more than one block, or read in their block before
  // being written there (live into it). Every other unit lives and dies inside one block, and the
  // backward walk below finds its ranges alone. At -O0 almost every virtual register is block-local,
  // so the bitsets stay small even for functions with thousands of blocks and registers.
  const seenIn = new Int32Array(nU).fill(-1);
  const defIn = new Int32Array(nU).fill(-1);
  const isGlobal = new Uint8Array(nU);
  let n = 0;
  for (let k = 0; k < f.order.length; k++) {
    const b = f.blocks[f.order[k]], id = b.id;
    blockStart[id] = n;
    n += b.insts.length;
    succ[id] = successors(f, k);
    const w = Math.pow(10, Math.min(b.depth, 6));
    const use = (u: number): void => {
      if (!tracked(u)) return;
      weight[u] += w;
      if (seenIn[u] !== id) { if (seenIn[u] >= 0) isGlobal[u] = 1; seenIn[u] = id; }
      if (defIn[u] !== id) isGlobal[u] = 1;
    };
    const def = (u: number): void => {
      if (!tracked(u)) return;
      weight[u] += w;
      if (seenIn[u] !== id) { if (seenIn[u] >= 0) isGlobal[u] = 1; seenIn[u] = id; }
      defIn[u] = id;
    };
    const insts = b.insts;
    for (let j = 0; j < insts.length; j++) { forUses(insts[j], use); forDefs(insts[j], def); }
  }
  // dense numbering of the units the dataflow tracks
  const gIndex = new Int32Array(nU).fill(-1);
  const gUnit: number[] = [];
  for (let u = 0; u < nU; u++) if (isGlobal[u]) { gIndex[u] = gUnit.length; gUnit.push(u); }
  const W = (gUnit.length + 31) >>> 5;
  const gen = new Uint32Array(nB * W), kill = new Uint32Array(nB * W);
  const liveIn = new Uint32Array(nB * W), liveOut = new Uint32Array(nB * W);
  if (W) {
    for (let k = 0; k < f.order.length; k++) {
      const b = f.blocks[f.order[k]], base = b.id * W;
      const use = (u: number): void => {
        const g = gIndex[u];
        if (g < 0) return;
        if (!(kill[base + (g >>> 5)] & (1 << (g & 31)))) gen[base + (g >>> 5)] |= 1 << (g & 31);
      };
      const def = (u: number): void => { const g = gIndex[u]; if (g >= 0) kill[base + (g >>> 5)] |= 1 << (g & 31); };
      const insts = b.insts;
      for (let j = 0; j < insts.length; j++) { forUses(insts[j], use); forDefs(insts[j], def); }
    }
    // backward dataflow to a fixed point
    for (let changed = true; changed;) {
      changed = false;
      for (let k = f.order.length - 1; k >= 0; k--) {
        const id = f.order[k], base = id * W, ss = succ[id];
        for (let w = 0; w < W; w++) {
          let out = 0;
          for (let j = 0; j < ss.length; j++) out |= liveIn[ss[j] * W + w];
          liveOut[base + w] = out;
          const inn = (gen[base + w] | (out & ~kill[base + w])) >>> 0;
          if (inn !== liveIn[base + w]) { liveIn[base + w] = inn; changed = true; }
        }
      }
    }
  }
  // ranges, built backwards
  const raw: number[][] = new Array(nU);
  for (let u = 0; u < nU; u++) raw[u] = [];
  const open = new Int32Array(nU).fill(-1);
  const opened: number[] = [];
  const returnsTwice: number[] = [];
  for (let k = f.order.length - 1; k >= 0; k--) {
    const b = f.blocks[f.order[k]], base = b.id * W;
    const s0 = 2 * blockStart[b.id], e0 = 2 * (blockStart[b.id] + b.insts.length) - 1;
    if (b.insts.length === 0) continue;
    for (let w = 0; w < W; w++) {
      let m = liveOut[base + w];
      while (m) {
        const bit = 31 - Math.clz32(m); m &= ~(1 << bit);
        const u = gUnit[w * 32 + bit];
        open[u] = raw[u].length; raw[u].push(s0, e0); opened.push(u);
      }
    }
    let p = 0;
    const def = (u: number): void => {
      if (!tracked(u)) return;
      if (open[u] >= 0) { raw[u][open[u]] = p + 1; open[u] = -1; }
      else raw[u].push(p + 1, p + 1);
    };
    const use = (u: number): void => {
      if (!tracked(u) || open[u] >= 0) return;
      open[u] = raw[u].length; raw[u].push(s0, p); opened.push(u);
    };
    for (let j = b.insts.length - 1; j >= 0; j--) {
      const i = b.insts[j];
      p = 2 * (blockStart[b.id] + j);
      if (i.flags & MF.ReturnsTwice) returnsTwice.push(p);
      forDefs(i, def);
      forUses(i, use);
    }
    for (let j = 0; j < opened.length; j++) open[opened[j]] = -1;
    opened.length = 0;
  }
  const ranges: number[][] = new Array(nU);
  for (let u = 0; u < nU; u++) ranges[u] = normalise(raw[u]);
  return { ranges, weight, blockStart, returnsTwice };
}

/** Sorts [s, e] pairs by start and merges overlapping or adjacent ones. The pairs arrive built
 *  backwards (blocks last to first), so they are reversed, then insertion-sorted (nearly sorted). */
function normalise(r: number[]): number[] {
  const n = r.length;
  if (n <= 2) return r;
  for (let a = 0, b = n - 2; a < b; a += 2, b -= 2) {
    const s = r[a], e = r[a + 1];
    r[a] = r[b]; r[a + 1] = r[b + 1]; r[b] = s; r[b + 1] = e;
  }
  for (let k = 2; k < n; k += 2) {
    const s = r[k], e = r[k + 1];
    let j = k - 2;
    while (j >= 0 && r[j] > s) { r[j + 2] = r[j]; r[j + 3] = r[j + 1]; j -= 2; }
    r[j + 2] = s; r[j + 3] = e;
  }
  let m = 0;
  for (let k = 0; k < n; k += 2) {
    const s = r[k], e = r[k + 1];
    if (m && s <= r[m - 1] + 1) { if (e > r[m - 1]) r[m - 1] = e; }
    else { r[m] = s; r[m + 1] = e; m += 2; }
  }
  r.length = m;
  return r;
}

/** Does a sorted range list contain position p? */
export function covers(r: number[], p: number): boolean {
  for (let k = 0; k < r.length; k += 2) if (r[k] <= p && p <= r[k + 1]) return true;
  return false;
}
