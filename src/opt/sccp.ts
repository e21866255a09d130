// Sparse conditional constant propagation (Wegman and Zadeck, "Constant Propagation with
// Conditional Branches", 1991). Each value sits in a lattice: unknown (top), a constant, or
// overdefined (bottom). Two worklists drive it: CFG edges that become executable, and values whose
// lattice cell dropped. Phis meet only over executable incoming edges, so values that are constant
// on every path actually taken become constants even in loops. Folding uses ir/eval.ts, the same
// semantics as the interpreter. Afterwards constant values replace their uses and branches on
// constants become jumps (simplifyCfg then removes the dead blocks).

import { CK, Func, isValueSlot } from '../ir/module';
import { Op, OPS, F } from '../ir/ops';
import { isFloat } from '../ir/types';
import { evalBinary, evalUnary } from '../ir/eval';
import { removePhiEntries, setJump } from './util';

const TOP = 0, CONST = 1, BOT = 2;

export function sccp(f: Func): boolean {
  const n = f.nInstr, A = f.args;
  const state = new Uint8Array(n);
  const value: bigint[] = new Array(n);
  // users of each value
  const users: number[][] = [];
  for (let i = 0; i < n; i++) users.push([]);
  for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) {
    const s = f.argStart[i], c = f.argCount[i];
    for (let k = 0; k < c; k++) if (A[s + k] >= 0 && isValueSlot(f.op[i], k)) users[A[s + k]].push(i);
  }
  const execBlock = new Uint8Array(f.nBlocks);
  const execEdge = new Set<number>();
  const edgeKey = (p: number, s: number) => p * f.nBlocks + s;
  const blockWork: number[] = [f.entry], valueWork: number[] = [];
  const edgeWork: [number, number][] = [];

  const get = (r: number): [number, bigint] => {
    if (r >= 0) return [state[r], value[r]];
    const c = ~r, k = f.cKind[c];
    return k === CK.Int || k === CK.Float ? [CONST, f.cVal[c] as bigint] : [BOT, 0n];
  };
  const set = (i: number, st: number, v: bigint) => {
    if (state[i] === BOT || (state[i] === st && (st !== CONST || value[i] === v))) return;
    if (state[i] === CONST && st === CONST) st = BOT;    // a second, different constant
    state[i] = st; value[i] = v;
    valueWork.push(i);
  };
  const markEdge = (p: number, s: number) => {
    const k = edgeKey(p, s);
    if (execEdge.has(k)) return;
    execEdge.add(k);
    edgeWork.push([p, s]);
  };

  const visit = (i: number) => {
    const b = f.blk[i];
    if (b < 0 || !execBlock[b]) return;
    const op = f.op[i], s = f.argStart[i], c = f.argCount[i];
    if (op === Op.Phi) {
      let st = TOP, v = 0n;
      for (let k = 0; k < c; k += 2) {
        if (!execEdge.has(edgeKey(A[s + k], b))) continue;
        const [os, ov] = get(A[s + k + 1]);
        if (os === TOP) continue;
        if (os === BOT || (st === CONST && ov !== v)) { st = BOT; break; }
        st = CONST; v = ov;
      }
      if (st !== TOP) set(i, st, v);
      return;
    }
    if (op === Op.Br || op === Op.Switch) {
      const [cs, cv] = get(A[s]);
      if (cs === TOP) return;
      if (cs === BOT) { for (const x of f.succs(b)) markEdge(b, x); return; }
      if (op === Op.Br) { markEdge(b, cv !== 0n ? A[s + 1] : A[s + 2]); return; }
      let t = A[s + 1];
      for (let k = 2; k < c; k += 3) {
        const lo = f.constInt(A[s + k])!, hi = f.constInt(A[s + k + 1])!;
        if (cv >= lo && cv <= hi) { t = A[s + k + 2]; break; }
      }
      markEdge(b, t);
      return;
    }
    if (op <= Op.TermLast) { for (const x of f.succs(b)) markEdge(b, x); return; }
    if (!(OPS[op].flags & F.Pure) || op === Op.TlsAddr) { if (OPS[op].flags & F.Val || f.ty[i]) set(i, BOT, 0n); return; }
    if (op === Op.Select) {
      const [cs, cv] = get(A[s]);
      const [as, av] = get(A[s + 1]), [bs, bv] = get(A[s + 2]);
      if (cs === CONST) { const [xs, xv] = cv !== 0n ? [as, av] : [bs, bv]; if (xs !== TOP) set(i, xs, xv); return; }
      if (as === CONST && bs === CONST && av === bv) { if (cs !== TOP) set(i, CONST, av); return; }
      if (cs === BOT || as === BOT || bs === BOT) set(i, BOT, 0n);
      return;
    }
    let anyTop = false;
    const vals: bigint[] = [];
    for (let k = 0; k < c; k++) {
      const [os, ov] = get(A[s + k]);
      if (os === BOT) { set(i, BOT, 0n); return; }
      if (os === TOP) anyTop = true;
      vals.push(ov);
    }
    if (anyTop) return;
    const r = c === 2 ? evalBinary(op, f.typeOf(A[s]), vals[0], vals[1], f.ptrSize) : evalUnary(op, f.ty[i], f.typeOf(A[s]), vals[0], f.ptrSize);
    if (r === undefined) set(i, BOT, 0n); else set(i, CONST, r);
  };

  execBlock[f.entry] = 1;
  while (blockWork.length || valueWork.length || edgeWork.length) {
    while (edgeWork.length) {
      const [p, s] = edgeWork.pop()!;
      // phis of s see a new edge
      for (let i = f.first[s]; i >= 0 && f.op[i] === Op.Phi; i = f.next[i]) visit(i);
      if (!execBlock[s]) { execBlock[s] = 1; blockWork.push(s); }
      void p;
    }
    while (blockWork.length) {
      const b = blockWork.pop()!;
      for (let i = f.first[b]; i >= 0; i = f.next[i]) visit(i);
    }
    while (valueWork.length) {
      const v = valueWork.pop()!;
      for (const u of users[v]) visit(u);
    }
  }

  // rewrite: constant values replace their uses
  let changed = false;
  const constRef = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (state[i] !== CONST || f.blk[i] < 0) continue;
    const t = f.ty[i];
    constRef[i] = isFloat(t) ? f.fconst(t, value[i]) : f.iconst(t, value[i]);
  }
  for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) {
    const s = f.argStart[i], c = f.argCount[i];
    for (let k = 0; k < c; k++) {
      const r = A[s + k];
      if (r >= 0 && isValueSlot(f.op[i], k) && state[r] === CONST && constRef[r] !== 0) { A[s + k] = constRef[r]; changed = true; }
    }
  }
  // branches whose condition is constant, or that lead out of executable code only one way
  for (const b of f.layout) {
    if (!execBlock[b]) continue;
    const t = f.term(b);
    if (t < 0 || (f.op[t] !== Op.Br && f.op[t] !== Op.Switch)) continue;
    const live = f.succs(b).filter((x) => execEdge.has(edgeKey(b, x)));
    const uniq = [...new Set(live)];
    if (uniq.length === 1 && f.constInt(f.arg(t, 0)) !== undefined) {
      for (const x of new Set(f.succs(b))) if (x !== uniq[0]) removePhiEntries(f, x, b);
      setJump(f, b, uniq[0]);
      changed = true;
    }
  }
  // values computed to constants are dead now (dce removes them); drop the pure ones right away
  for (let i = 0; i < n; i++) if (state[i] === CONST && f.blk[i] >= 0 && (OPS[f.op[i]].flags & F.Pure || f.op[i] === Op.Phi)) { f.remove(i); changed = true; }
  return changed;
}
