// Dominator tree (Cooper, Harvey and Kennedy, "A Simple, Fast Dominance Algorithm", 2001): iterate
// idom[b] = intersect(processed predecessors) over reverse postorder until nothing changes; the
// intersection walks both fingers up the current tree by postorder number. Then a DFS over the tree
// numbers each block (pre, post) so that dominates(a, b) is two comparisons, and dominance
// frontiers follow from the tree (for each join block, walk from each predecessor up to its idom).

import { Func } from '../module';
import { predecessors, reversePostorder } from './cfg';

export class DomTree {
  /** Immediate dominator of each block (-1: entry or unreachable). */
  readonly idom: Int32Array;
  readonly children: number[][];
  readonly rpo: number[];
  readonly preds: number[][];
  private pre: Int32Array;
  private post: Int32Array;

  constructor(readonly f: Func) {
    const n = f.nBlocks;
    this.preds = predecessors(f);
    this.rpo = reversePostorder(f);
    const order = new Int32Array(n).fill(-1);       // position in rpo
    this.rpo.forEach((b, k) => { order[b] = k; });
    const idom = new Int32Array(n).fill(-1);
    if (this.rpo.length) {
      const entry = this.rpo[0];
      idom[entry] = entry;
      let changed = true;
      while (changed) {
        changed = false;
        for (let k = 1; k < this.rpo.length; k++) {
          const b = this.rpo[k];
          let nd = -1;
          for (const p of this.preds[b]) {
            if (idom[p] < 0) continue;
            if (nd < 0) { nd = p; continue; }
            let x = p, y = nd;
            while (x !== y) {
              while (order[x] > order[y]) x = idom[x];
              while (order[y] > order[x]) y = idom[y];
            }
            nd = x;
          }
          if (nd >= 0 && idom[b] !== nd) { idom[b] = nd; changed = true; }
        }
      }
      idom[entry] = -1;
    }
    this.idom = idom;
    this.children = [];
    for (let b = 0; b < n; b++) this.children.push([]);
    for (const b of this.rpo) if (idom[b] >= 0) this.children[idom[b]].push(b);
    this.pre = new Int32Array(n).fill(-1);
    this.post = new Int32Array(n).fill(-1);
    if (this.rpo.length) {
      let c = 0;
      const stack: number[] = [this.rpo[0]], it: number[] = [0];
      this.pre[this.rpo[0]] = c++;
      while (stack.length) {
        const t = stack.length - 1, b = stack[t];
        if (it[t] < this.children[b].length) {
          const ch = this.children[b][it[t]++];
          this.pre[ch] = c++; stack.push(ch); it.push(0);
        } else { this.post[b] = c++; stack.pop(); it.pop(); }
      }
    }
  }

  reachable(b: number): boolean { return this.pre[b] >= 0; }
  /** a dominates b (reflexive). False when either is unreachable. */
  dominates(a: number, b: number): boolean {
    return this.pre[a] >= 0 && this.pre[b] >= 0 && this.pre[a] <= this.pre[b] && this.post[b] <= this.post[a];
  }

  /** Dominance frontier of every block. */
  frontiers(): number[][] {
    const df: number[][] = [];
    for (let b = 0; b < this.f.nBlocks; b++) df.push([]);
    for (const b of this.rpo) {
      const ps = this.preds[b].filter((p) => this.reachable(p));
      if (ps.length < 2) continue;
      for (const p of ps) {
        let r = p;
        while (r !== this.idom[b] && r >= 0) {
          if (!df[r].includes(b)) df[r].push(b);
          r = this.idom[r];
        }
      }
    }
    return df;
  }

  /** Blocks in dominator-tree preorder. */
  preorder(): number[] {
    const out: number[] = [];
    if (!this.rpo.length) return out;
    const stack = [this.rpo[0]];
    while (stack.length) {
      const b = stack.pop()!;
      out.push(b);
      for (let k = this.children[b].length - 1; k >= 0; k--) stack.push(this.children[b][k]);
    }
    return out;
  }
}
