// CFG facts derived from the terminators: predecessors, reverse postorder, reachability.
// Results are arrays indexed by block number (blocks not in the layout get empty entries).

import { Func } from '../module';

/** Distinct predecessors of every block, in layout order of the predecessor. */
export function predecessors(f: Func): number[][] {
  const preds: number[][] = [];
  for (let b = 0; b < f.nBlocks; b++) preds.push([]);
  for (const b of f.layout) {
    for (const s of f.succs(b)) {
      const p = preds[s];
      if (p[p.length - 1] !== b && !p.includes(b)) p.push(b);
    }
  }
  return preds;
}

/** Distinct successors of block b. */
export function successors(f: Func, b: number): number[] {
  const s = f.succs(b);
  return s.length <= 1 ? s : [...new Set(s)];
}

/** Reachable blocks from the entry in reverse postorder (iterative DFS). */
export function reversePostorder(f: Func): number[] {
  const n = f.nBlocks, seen = new Uint8Array(n), post: number[] = [];
  if (!f.layout.length) return post;
  const stack: number[] = [f.entry], idx: number[] = [0];
  const succ: number[][] = [];
  succ[f.entry] = successors(f, f.entry);
  seen[f.entry] = 1;
  while (stack.length) {
    const top = stack.length - 1, b = stack[top];
    const ss = succ[b];
    if (idx[top] < ss.length) {
      const s = ss[idx[top]++];
      if (!seen[s]) { seen[s] = 1; succ[s] = successors(f, s); stack.push(s); idx.push(0); }
    } else { post.push(b); stack.pop(); idx.pop(); }
  }
  return post.reverse();
}
