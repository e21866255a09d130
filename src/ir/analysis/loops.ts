// Natural loops: an edge b -> h where h dominates b is a back edge; the loop of header h is h plus
// every block that reaches a back edge's source without passing through h. Loops with the same
// header are merged. Each block gets its innermost loop and its depth (register allocators weight
// spill costs by depth).

import { Func } from '../module';
import { DomTree } from './dom';

export interface Loop { header: number; blocks: number[]; parent: number; depth: number }

export class LoopInfo {
  readonly loops: Loop[] = [];
  /** Innermost loop of each block (-1: none). */
  readonly loopOf: Int32Array;
  /** Loop nesting depth of each block (0: not in a loop). */
  readonly depth: Int32Array;

  constructor(readonly f: Func, readonly dom: DomTree = new DomTree(f)) {
    const n = f.nBlocks;
    this.loopOf = new Int32Array(n).fill(-1);
    this.depth = new Int32Array(n);
    const byHeader = new Map<number, Set<number>>();
    for (const b of dom.rpo) {
      for (const h of f.succs(b)) {
        if (!dom.dominates(h, b)) continue;
        let body = byHeader.get(h);
        if (!body) { body = new Set([h]); byHeader.set(h, body); }
        const work = [b];
        while (work.length) {
          const x = work.pop()!;
          if (body.has(x)) continue;
          body.add(x);
          for (const p of dom.preds[x]) if (dom.reachable(p)) work.push(p);
        }
      }
    }
    // outer loops first (bigger bodies), so inner ones overwrite loopOf
    const hs = [...byHeader.entries()].sort((a, b) => b[1].size - a[1].size);
    for (const [header, body] of hs) {
      const idx = this.loops.length;
      const parent = this.loopOf[header];
      const depth = parent >= 0 ? this.loops[parent].depth + 1 : 1;
      this.loops.push({ header, blocks: [...body], parent, depth });
      for (const b of body) { this.loopOf[b] = idx; this.depth[b] = depth; }
    }
  }
}
