// Condition propagation: a block reached only through the true (or false) edge of `br c` knows c,
// and so does every block it dominates. A known comparison decides other comparisons of the same two
// operands: each compare op is the set of outcomes it accepts, out of LT, EQ, GT (and UN, unordered,
// for floats); if what is known leaves only outcomes the other compare accepts it is true, if none
// it accepts it is false. Uses of a known condition value itself become constants too.
//   if (x < y) { if (x >= y) dead(); }      if (a == b || a != b) ... else dead();

import { Func, isValueSlot } from '../ir/module';
import { Op, isFloatCompare, isIntCompare } from '../ir/ops';
import { DomTree } from '../ir/analysis/dom';

const LT = 1, EQ = 2, GT = 4, UN = 8;

/** [outcome set, domain] of a compare op: domain 0 = equality (any), 1 = signed, 2 = unsigned, 3 = float. */
function outcomes(op: number): [number, number] {
  switch (op) {
    case Op.Eq: return [EQ, 0];
    case Op.Ne: return [LT | GT, 0];
    case Op.Slt: return [LT, 1]; case Op.Sle: return [LT | EQ, 1]; case Op.Sgt: return [GT, 1]; case Op.Sge: return [GT | EQ, 1];
    case Op.Ult: return [LT, 2]; case Op.Ule: return [LT | EQ, 2]; case Op.Ugt: return [GT, 2]; case Op.Uge: return [GT | EQ, 2];
    case Op.FEq: return [EQ, 3]; case Op.FNe: return [LT | GT | UN, 3];
    case Op.FLt: return [LT, 3]; case Op.FLe: return [LT | EQ, 3]; case Op.FGt: return [GT, 3]; case Op.FGe: return [GT | EQ, 3];
    case Op.FUo: return [UN, 3]; case Op.FOrd: return [LT | EQ | GT, 3];
  }
  return [0, -1];
}
const swapSet = (s: number) => (s & (EQ | UN)) | (s & LT ? GT : 0) | (s & GT ? LT : 0);

interface Fact { a: number; b: number; set: number; dom: number }

export function condProp(f: Func): boolean {
  const dom = new DomTree(f);
  let changed = false;
  const facts: Fact[] = [];
  const known = new Map<number, boolean>();   // condition value -> its truth
  const isCmp = (op: number) => isIntCompare(op) || isFloatCompare(op);

  const decide = (i: number): boolean | undefined => {
    const [q, qd] = outcomes(f.op[i]);
    const a = f.arg(i, 0), b = f.arg(i, 1);
    let possible = qd === 3 ? LT | EQ | GT | UN : LT | EQ | GT;
    let any = false;
    for (const fa of facts) {
      const floaty = fa.dom === 3;
      if (floaty !== (qd === 3)) continue;
      if (!floaty && fa.dom !== 0 && qd !== 0 && fa.dom !== qd) continue;
      let s: number;
      if (fa.a === a && fa.b === b) s = fa.set; else if (fa.a === b && fa.b === a) s = swapSet(fa.set); else continue;
      possible &= s; any = true;
    }
    if (!any) return undefined;
    if ((possible & ~q) === 0) return true;
    if ((possible & q) === 0) return false;
    return undefined;
  };

  /** Enters blk: records what its incoming edge tells and folds its compares; returns the undo info. */
  const enter = (blk: number): { nFacts: number; added: number[] } => {
    const nFacts = facts.length, added: number[] = [];
    const preds = dom.preds[blk];
    if (preds.length === 1) {
      const t = f.term(preds[0]);
      if (t >= 0 && f.op[t] === Op.Br && f.arg(t, 1) !== f.arg(t, 2)) {
        const c = f.arg(t, 0), truth = f.arg(t, 1) === blk;
        if (c >= 0 && !known.has(c)) {
          known.set(c, truth); added.push(c);
          if (isCmp(f.op[c])) {
            const [s, d] = outcomes(f.op[c]);
            const all = d === 3 ? LT | EQ | GT | UN : LT | EQ | GT;
            facts.push({ a: f.arg(c, 0), b: f.arg(c, 1), set: truth ? s : all & ~s, dom: d });
          }
        }
      }
    }
    for (let i = f.first[blk]; i >= 0; i = f.next[i]) {
      const op = f.op[i];
      if (isCmp(op) && !known.has(i)) {
        const v = decide(i);
        if (v !== undefined) { known.set(i, v); added.push(i); }
      }
      if (op === Op.Phi) continue;
      const s = f.argStart[i], n = f.argCount[i];
      for (let k = 0; k < n; k++) {
        const r = f.args[s + k];
        if (r < 0 || r === i || !isValueSlot(op, k) || !known.has(r)) continue;
        // a known compare (0/1) anywhere; any other known condition only as a branch condition
        if (isCmp(f.op[r])) { f.setArg(i, k, f.iconst(f.ty[r], known.get(r) ? 1 : 0)); changed = true; }
        else if (op === Op.Br && k === 0 && known.get(r) === false) { f.setArg(i, k, f.iconst(f.ty[r], 0)); changed = true; }
      }
    }
    return { nFacts, added };
  };
  // iterative walk of the dominator tree (deep trees must not overflow the stack)
  const stack: { b: number; child: number; undo: { nFacts: number; added: number[] } }[] = [];
  if (dom.rpo.length) stack.push({ b: dom.rpo[0], child: 0, undo: enter(dom.rpo[0]) });
  while (stack.length) {
    const top = stack[stack.length - 1], ch = dom.children[top.b];
    if (top.child < ch.length) { const c = ch[top.child++]; stack.push({ b: c, child: 0, undo: enter(c) }); continue; }
    facts.length = top.undo.nFacts;
    for (const c of top.undo.added) known.delete(c);
    stack.pop();
  }
  return changed;
}
