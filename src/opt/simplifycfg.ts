// CFG simplification, to a fixed point: fold branches on constants (and branches whose targets are
// all the same block), remove unreachable blocks, merge a block into its only predecessor when that
// predecessor has no other successor, and thread blocks that hold only a jump. Blocks whose address
// is taken (computed goto) are never merged away or threaded.

import { Func } from '../ir/module';
import { Op } from '../ir/ops';
import { predecessors, reversePostorder } from '../ir/analysis/cfg';
import { Replacements, addressTaken, removePhiEntries, renamePhiPred, setJump, phiIncoming } from './util';

export function simplifyCfg(f: Func): boolean {
  let any = false;
  for (let round = 0; round < 100; round++) {
    let changed = foldBranches(f);
    changed = removeUnreachable(f) || changed;
    changed = mergeBlocks(f) || changed;
    changed = threadJumps(f) || changed;
    if (!changed) break;
    any = true;
  }
  return any;
}

/** br/switch on a constant, or with every target equal, becomes jmp. */
export function foldBranches(f: Func): boolean {
  let changed = false;
  for (const b of f.layout) {
    const t = f.term(b);
    if (t < 0) continue;
    const op = f.op[t];
    if (op !== Op.Br && op !== Op.Switch) continue;
    const succ = f.succs(b);
    let target = -1;
    const c = f.constInt(f.arg(t, 0));
    if (op === Op.Br) target = c !== undefined ? (c !== 0n ? f.arg(t, 1) : f.arg(t, 2)) : -1;
    else if (c !== undefined) {
      target = f.arg(t, 1);
      for (let k = 2; k < f.argCount[t]; k += 3) {
        const lo = f.constInt(f.arg(t, k))!, hi = f.constInt(f.arg(t, k + 1))!;
        if (c >= lo && c <= hi) { target = f.arg(t, k + 2); break; }
      }
    }
    if (target < 0 && succ.every((s) => s === succ[0])) target = succ[0];
    if (target < 0) continue;
    for (const s of new Set(succ)) if (s !== target) removePhiEntries(f, s, b);
    setJump(f, b, target);
    changed = true;
  }
  return changed;
}

export function removeUnreachable(f: Func): boolean {
  const live = new Uint8Array(f.nBlocks);
  for (const b of reversePostorder(f)) live[b] = 1;
  const dead = f.layout.filter((b) => !live[b]);
  if (!dead.length) return false;
  for (const b of dead) for (const s of new Set(f.succs(b))) if (live[s]) removePhiEntries(f, s, b);
  for (const b of dead) f.removeBlock(b);
  // constants naming a removed block (&&label) keep their number; the block is gone from the layout
  return true;
}

/** b: jmp s, and s has only b as predecessor: append s to b. */
function mergeBlocks(f: Func): boolean {
  let changed = false;
  const preds = predecessors(f);
  const taken = addressTaken(f);
  const rep = new Replacements();
  for (const b of f.layout.slice()) {
    if (f.first[b] < 0 && f.layout.indexOf(b) < 0) continue;
    const t = f.term(b);
    if (t < 0 || f.op[t] !== Op.Jmp) continue;
    const s = f.arg(t, 0);
    if (s === b || s === f.entry || taken[s] || preds[s].length !== 1) continue;
    // phis of s have one entry: replace them by their value
    for (let i = f.first[s]; i >= 0 && f.op[i] === Op.Phi;) {
      const n = f.next[i];
      rep.set(i, f.arg(i, 1));
      f.remove(i);
      i = n;
    }
    f.remove(t);
    for (const i of f.instrs(s)) { f.remove(i); f.append(b, i); }
    for (const x of new Set(f.succs(b))) { renamePhiPred(f, x, s, b); preds[x] = preds[x].map((p) => (p === s ? b : p)); }
    f.removeBlock(s);
    changed = true;
  }
  rep.apply(f);
  return changed;
}

/** e: only `jmp t`. Predecessors of e jump straight to t when t's phis allow it. */
function threadJumps(f: Func): boolean {
  let changed = false;
  const taken = addressTaken(f);
  const preds = predecessors(f);
  for (const e of f.layout.slice()) {
    if (e === f.entry || taken[e] || f.first[e] !== f.last[e]) continue;
    const t = f.term(e);
    if (t < 0 || f.op[t] !== Op.Jmp) continue;
    const target = f.arg(t, 0);
    if (target === e) continue;
    const hasPhi = f.first[target] >= 0 && f.op[f.first[target]] === Op.Phi;
    for (const p of preds[e].slice()) {
      const pt = f.term(p);
      if (f.op[pt] === Op.IndirectBr) continue;
      if (hasPhi && preds[target].includes(p)) continue;       // would need two entries for p
      f.retarget(p, e, target);
      if (hasPhi) {
        for (let i = f.first[target]; i >= 0 && f.op[i] === Op.Phi; i = f.next[i]) {
          const v = phiIncoming(f, i, e)!;
          const a = f.argList(i); a.push(p, v); f.setArgs(i, a);
        }
      }
      preds[e] = preds[e].filter((x) => x !== p);
      if (!preds[target].includes(p)) preds[target].push(p);
      changed = true;
    }
    if (!preds[e].length) {
      removePhiEntries(f, target, e);
      preds[target] = preds[target].filter((x) => x !== e);
      f.removeBlock(e);
    }
  }
  return changed;
}
