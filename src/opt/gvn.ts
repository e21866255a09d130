// Value numbering over the dominator tree: a pure instruction whose (op, type, attributes, operands)
// equals one in a dominating block (or earlier in the same block) is replaced by it. Commutative ops
// are keyed with sorted operands. One hash table, scoped by an undo list as the walk leaves a subtree.

import { Func } from '../ir/module';
import { Op, OPS, F } from '../ir/ops';
import { DomTree } from '../ir/analysis/dom';
import { Replacements } from './util';

export function gvn(f: Func): boolean {
  const dom = new DomTree(f);
  const table = new Map<string, number>();
  const rep = new Replacements();
  const stack: { b: number; child: number; added: string[] | null }[] = [{ b: dom.rpo[0], child: 0, added: null }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (!top.added) {
      top.added = [];
      for (let i = f.first[top.b]; i >= 0; i = f.next[i]) {
        const op = f.op[i], fl = OPS[op].flags;
        if (!(fl & F.Pure) || op === Op.Phi) continue;
        const a = f.argList(i).map((r) => rep.resolve(r));
        if (fl & F.Comm && a[0] > a[1]) { const t = a[0]; a[0] = a[1]; a[1] = t; }
        const key = `${op},${f.ty[i]},${f.aux[i]},${a.join(',')}`;
        const prev = table.get(key);
        if (prev !== undefined) rep.set(i, prev);
        else { table.set(key, i); top.added.push(key); }
      }
    }
    const ch = dom.children[top.b];
    if (top.child < ch.length) { stack.push({ b: ch[top.child++], child: 0, added: null }); continue; }
    for (const k of top.added) table.delete(k);
    stack.pop();
  }
  const changed = rep.size > 0;
  rep.apply(f);
  return changed;
}
