// mem2reg: SSA construction for scalar stack slots (Cytron et al., "Efficiently Computing Static
// Single Assignment Form and the Control Dependence Graph", 1991). A fixed `alloca` is promoted when
// every use is a non-volatile load from it or a store to it (never of its address), all of one type
// whose size is the slot's size. Phis go at the iterated dominance frontier of the blocks that store;
// a walk of the dominator tree then renames: a load becomes the value reaching it, a store pushes a
// new value, and each successor's phi gets the value live at the end of the block. A load before any
// store reads `undef`.

import { CK, Func, SigFlag, isValueSlot } from '../ir/module';
import { Op, memVolatile } from '../ir/ops';
import { T, bytesOf, sameType } from '../ir/types';
import { DomTree } from '../ir/analysis/dom';
import { Replacements } from './util';
import { removeUnreachable } from './simplifycfg';

/** Does f call a returns_twice function (setjmp)? Its locals then stay in memory (like gcc's
 *  __builtin_setjmp receivers: values changed after the setjmp survive the longjmp). */
function callsReturnsTwice(f: Func): boolean {
  for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) {
    if (f.op[i] === Op.Call && f.module.sigs[f.aux[i]].flags & SigFlag.ReturnsTwice) return true;
  }
  return false;
}

export function mem2reg(f: Func): boolean {
  removeUnreachable(f);
  if (callsReturnsTwice(f)) return false; // a second return from setjmp must see the locals' memory

  const ps = f.ptrSize;
  // candidates: var index per alloca, type per var
  const varOf = new Int32Array(f.nInstr).fill(-1);
  const allocas: number[] = [], types: number[] = [];
  for (let i = f.first[f.entry]; i >= 0; i = f.next[i]) {
    if (f.op[i] !== Op.Alloca || f.cKind[~f.arg(i, 0)] !== CK.Int) continue;
    varOf[i] = allocas.length; allocas.push(i); types.push(T.Void);
  }
  if (!allocas.length) return false;
  const ok = new Uint8Array(allocas.length).fill(1);
  const A = f.args;
  for (const b of f.layout) {
    for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      const op = f.op[i], s = f.argStart[i], n = f.argCount[i];
      for (let k = 0; k < n; k++) {
        const r = A[s + k];
        if (r < 0 || varOf[r] < 0 || !isValueSlot(op, k) || r >= f.nInstr) continue;
        const v = varOf[r];
        const isAccess = (op === Op.Load && k === 0) || (op === Op.Store && k === 1);
        if (!isAccess || memVolatile(f.aux[i])) { ok[v] = 0; continue; }
        const ty = f.ty[i];
        if (types[v] === T.Void) types[v] = ty;
        else if (!sameType(types[v], ty, ps)) ok[v] = 0;
      }
    }
  }
  for (let v = 0; v < allocas.length; v++) {
    if (types[v] === T.Void) continue;       // never accessed: promotable (just deleted)
    if (bytesOf(types[v], ps) !== Number(f.constInt(f.arg(allocas[v], 0)))) ok[v] = 0;
  }
  const promoted: number[] = [];
  for (let v = 0; v < allocas.length; v++) { if (ok[v]) promoted.push(v); else varOf[allocas[v]] = -1; }
  if (!promoted.length) return false;

  const dom = new DomTree(f);
  const df = dom.frontiers();
  // Blocks reached by a computed goto: a phi there costs a copy on every `goto *p` for every
  // target (an interpreter's dispatch has hundreds), so variables that would need one stay in memory.
  const indirectTargets = new Set<number>();
  for (const b of f.layout) {
    let last = -1;
    for (let i = f.first[b]; i >= 0; i = f.next[i]) last = i;
    if (last >= 0 && f.op[last] === Op.IndirectBr) for (const t of f.succs(b)) indirectTargets.add(t);
  }
  // phi placement (iterated dominance frontiers of the blocks that store the variable)
  const phiBlocks = new Map<number, Set<number>>();
  for (const v of promoted) {
    if (types[v] === T.Void) continue;
    const defBlocks = new Set<number>();
    for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) if (f.op[i] === Op.Store && f.arg(i, 1) === allocas[v]) defBlocks.add(b);
    const hasPhi = new Set<number>();
    const work = [...defBlocks];
    while (work.length) {
      const b = work.pop()!;
      for (const d of df[b]) {
        if (hasPhi.has(d)) continue;
        hasPhi.add(d);
        if (!defBlocks.has(d)) { defBlocks.add(d); work.push(d); }
      }
    }
    phiBlocks.set(v, hasPhi);
  }
  if (indirectTargets.size) {
    for (let k = promoted.length - 1; k >= 0; k--) {
      const v = promoted[k];
      const hp = phiBlocks.get(v);
      if (hp && [...hp].some((d) => indirectTargets.has(d))) { varOf[allocas[v]] = -1; promoted.splice(k, 1); }
    }
    if (!promoted.length) return false;
  }
  const phiVar = new Map<number, number>();      // phi instr -> var
  for (const v of promoted) {
    const hp = phiBlocks.get(v);
    if (!hp) continue;
    for (const d of hp) {
      const phi = f.newInstr(Op.Phi, types[v], []);
      if (f.first[d] >= 0) f.insertBefore(f.first[d], phi); else f.append(d, phi);
      phiVar.set(phi, v);
    }
  }
  // renaming
  const cur: number[] = promoted.map(() => 0);
  const stacks: number[][] = allocas.map((_, v) => [f.undef(types[v] === T.Void ? T.I32 : types[v])]);
  void cur;
  const rep = new Replacements();
  const incoming = new Map<number, number[]>();   // phi -> [block, value, ...]
  const visit = (b: number) => {
    const pushed: number[] = [];
    for (const i of f.instrs(b)) {
      const op = f.op[i];
      if (op === Op.Phi && phiVar.has(i)) { const v = phiVar.get(i)!; stacks[v].push(i); pushed.push(v); continue; }
      if (op === Op.Load && f.arg(i, 0) >= 0 && varOf[f.arg(i, 0)] >= 0) {
        const v = varOf[f.arg(i, 0)];
        rep.set(i, stacks[v][stacks[v].length - 1]);
        f.remove(i);
      } else if (op === Op.Store && f.arg(i, 1) >= 0 && varOf[f.arg(i, 1)] >= 0) {
        const v = varOf[f.arg(i, 1)];
        stacks[v].push(f.arg(i, 0)); pushed.push(v);
        f.remove(i);
      }
    }
    for (const s of new Set(f.succs(b))) {
      for (let i = f.first[s]; i >= 0 && f.op[i] === Op.Phi; i = f.next[i]) {
        const v = phiVar.get(i);
        if (v === undefined) continue;
        let l = incoming.get(i);
        if (!l) incoming.set(i, (l = []));
        l.push(b, stacks[v][stacks[v].length - 1]);
      }
    }
    return pushed;
  };
  // iterative dominator-tree walk
  const stack: { b: number; pushed: number[] | null; child: number }[] = [{ b: dom.rpo[0], pushed: null, child: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (!top.pushed) top.pushed = visit(top.b);
    const ch = dom.children[top.b];
    if (top.child < ch.length) { stack.push({ b: ch[top.child++], pushed: null, child: 0 }); continue; }
    for (const v of top.pushed) stacks[v].pop();
    stack.pop();
  }
  for (const [phi, l] of incoming) f.setArgs(phi, l);
  for (const v of promoted) f.remove(allocas[v]);
  rep.apply(f);
  // incoming values may name removed loads: apply handled operands of phis too (rewriteOperands)
  return true;
}
