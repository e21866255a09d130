// Helpers for leaving SSA, used by the back ends before register allocation:
// - splitCriticalEdges: an edge from a block with several successors to a block with several
//   predecessors gets a block of its own (holding only a jump), so that the moves for the target's
//   phis have a place. Edges out of indirectbr cannot be split (the target's address is fixed).
// - phiMoves: for each predecessor edge of each phi block, the parallel copy {phi <- incoming}
//   turned into an ordered list of moves. Cycles (a <- b, b <- a) are broken with a fresh temporary
//   (an unplaced `copy` instruction the back end treats as one more value).

import { Func } from '../ir/module';
import { Op } from '../ir/ops';
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
