// Helpers for leaving SSA, used by the back ends before register allocation:
// - splitCriticalEdges: an edge from a block with several successors to a block with several
//   predecessors gets a block of its own (holding only a jump), so that the moves for the target's
//   phis have a place. Edges out of indirectbr cannot be split (the target's address is fixed).
// - phiMoves: for each predecessor edge of each phi block, the parallel copy {phi <- incoming}
//   turned into an ordered list of moves. Cycles (a <- b, b <- a) are broken with a fresh temporary
//   (an unplaced `copy` instruction the back end treats as one more value).

import { Func } from '../ir/module';
import { Op, memAux } from '../ir/ops';
import { T, bitsOf } from '../ir/types';
import { predecessors } from '../ir/analysis/cfg';
import { renamePhiPred } from './util';

export function splitCriticalEdges(f: Func): boolean {
  const preds = predecessors(f);
  let changed = false;
  for (const p of f.layout.slice()) {
    const t = f.term(p);
    if (t < 0 || f.op[t] === Op.IndirectBr) continue;
    const succ = [...new Set(f.succs(p))];
    if (succ.length < 2) continue;
    for (const s of succ) {
      if (preds[s].length < 2) continue;
      const e = f.newBlock();
      f.append(e, f.newInstr(Op.Jmp, 0, [s]));
      f.retarget(p, s, e);
      renamePhiPred(f, s, p, e);
      // keep the layout readable: put e right after p
      f.layout.pop();
      f.layout.splice(f.layout.indexOf(p) + 1, 0, e);
      changed = true;
    }
  }
  return changed;
}

export interface Move { dst: number; src: number }

/** Ordered moves to perform at the end of `pred` for the phis of `block`. */
export function phiMoves(f: Func, block: number, pred: number): Move[] {
  const pending: Move[] = [];
  for (let i = f.first[block]; i >= 0 && f.op[i] === Op.Phi; i = f.next[i]) {
    const s = f.argStart[i], n = f.argCount[i];
    for (let k = 0; k < n; k += 2) if (f.args[s + k] === pred && f.args[s + k + 1] !== i) pending.push({ dst: i, src: f.args[s + k + 1] });
  }
  return sequentialize(f, pending);
}

/** Orders a parallel copy: emit a move once its destination is no longer needed as a source. */
export function sequentialize(f: Func, moves: Move[]): Move[] {
  const out: Move[] = [];
  let todo = moves.slice();
  while (todo.length) {
    const ready = todo.findIndex((m) => !todo.some((o) => o !== m && o.src === m.dst));
    if (ready >= 0) { out.push(todo[ready]); todo.splice(ready, 1); continue; }
    // a cycle: save one destination in a temporary, read it from there afterwards
    const m = todo[0];
    const tmp = f.newInstr(Op.Copy, f.typeOf(m.dst), [m.dst]);
    out.push({ dst: tmp, src: m.dst });
    todo = todo.map((o) => (o.src === m.dst ? { dst: o.dst, src: tmp } : o));
  }
  return out;
}

/**
 * The target of an indirectbr is entered by its address, so no edge block can carry the moves for
 * its phis: each such phi goes to a stack slot instead (stored by every predecessor just before its
 * terminator, loaded where the phi was). Run last in the pipeline; mem2reg must not follow it.
 */
export function demoteIndirectPhis(f: Func): boolean {
  const targets = new Set<number>();
  for (const b of f.layout) {
    const t = f.term(b);
    if (t >= 0 && f.op[t] === Op.IndirectBr) for (let k = 1; k < f.argCount[t]; k++) targets.add(f.arg(t, k));
  }
  let changed = false;
  for (const blk of targets) {
    for (let i = f.first[blk]; i >= 0 && f.op[i] === Op.Phi;) {
      const next = f.next[i], ty = f.ty[i];
      const size = ty === T.F80 ? 16 : Math.max(1, Math.ceil(bitsOf(ty, f.ptrSize) / 8)), align = size;
      const slot = f.newInstr(Op.Alloca, T.Ptr, [f.iconst(T.Ptr, size)], align);
      let after = -1;
      for (let j = f.first[f.entry]; j >= 0 && (f.op[j] === Op.Param || f.op[j] === Op.Alloca); j = f.next[j]) after = j;
      if (after >= 0) f.insertAfter(after, slot); else if (f.first[f.entry] >= 0) f.insertBefore(f.first[f.entry], slot); else f.append(f.entry, slot);
      const args = f.argList(i);
      for (let k = 0; k < args.length; k += 2) {
        const st = f.newInstr(Op.Store, ty, [args[k + 1], slot], memAux(align));
        f.insertBefore(f.term(args[k]), st);
      }
      // the phi itself becomes the load (same value number: its uses stay)
      f.op[i] = Op.Load;
      f.setArgs(i, [slot]);
      f.aux[i] = memAux(align);
      changed = true;
      i = next;
    }
    // loads that replaced phis must come after any phi still at the block start: there are none left
  }
  return changed;
}
