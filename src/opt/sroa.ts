// Scalar replacement of aggregates, the simple case: a fixed `alloca` (an array or struct local)
// whose address is used only by non-volatile loads and stores, directly or through `add slot, CONST`,
// at offsets whose accesses never partly overlap, is split into one slot per (offset, type). Each
// new slot is then a plain scalar that mem2reg promotes; a call cannot touch it, since its address
// never escaped (int a[2]; a[0] = 0; f(); if (a[0]) ... folds).

import { CK, Func, isValueSlot } from '../ir/module';
import { Op, memAux, memVolatile } from '../ir/ops';
import { T, bytesOf } from '../ir/types';

interface Access { instr: number; slot: number; off: number; ty: number }

export function sroa(f: Func): boolean {
  const users: number[][] = [];
  for (let i = 0; i < f.nInstr; i++) users.push([]);
  for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) {
    const s = f.argStart[i], n = f.argCount[i];
    for (let k = 0; k < n; k++) { const r = f.args[s + k]; if (r >= 0 && r < f.nInstr && isValueSlot(f.op[i], k)) users[r].push(i); }
  }
  let changed = false;
  for (const a of f.instrs(f.entry)) {
    if (f.op[a] !== Op.Alloca || f.arg(a, 0) >= 0 || f.cKind[~f.arg(a, 0)] !== CK.Int) continue;
    const size = Number(f.cVal[~f.arg(a, 0)] as bigint);
    const acc = collect(f, a, users, size);
    if (!acc || acc.length === 0) continue;
    // one new slot per distinct (offset, type); accesses must not partly overlap
    const parts = new Map<string, { off: number; ty: number; slot: number }>();
    let ok = true;
    for (const x of acc) {
      const key = `${x.off}:${x.ty}`;
      if (parts.has(key)) continue;
      const n = bytesOf(x.ty, f.ptrSize);
      for (const p of parts.values()) {
        const pn = bytesOf(p.ty, f.ptrSize);
        if (x.off < p.off + pn && p.off < x.off + n) { ok = false; break; }
      }
      if (!ok) break;
      parts.set(key, { off: x.off, ty: x.ty, slot: -1 });
    }
    if (!ok || (parts.size === 1 && acc.every((x) => x.off === 0 && x.slot === a))) continue;
    for (const p of parts.values()) {
      const n = bytesOf(p.ty, f.ptrSize);
      p.slot = f.newInstr(Op.Alloca, T.Ptr, [f.iconst(T.Ptr, n)], n);
      f.insertAfter(a, p.slot);
    }
    for (const x of acc) {
      const p = parts.get(`${x.off}:${x.ty}`)!;
      const n = bytesOf(x.ty, f.ptrSize);
      f.setArg(x.instr, f.op[x.instr] === Op.Load ? 0 : 1, p.slot);
      f.aux[x.instr] = memAux(n);
    }
    changed = true;
  }
  return changed;
}

/** The loads and stores of slot a (size bytes), or null when its address goes anywhere else. */
function collect(f: Func, a: number, users: number[][], size: number): Access[] | null {
  const out: Access[] = [];
  const visit = (ptr: number, off: number): boolean => {
    for (const u of users[ptr] ?? []) {
      if (f.blk[u] < 0) continue;
      const op = f.op[u];
      if (op === Op.Load && f.arg(u, 0) === ptr) {
        if (!access(u, off, f.ty[u])) return false;
      } else if (op === Op.Store && f.arg(u, 1) === ptr && f.arg(u, 0) !== ptr) {
        if (!access(u, off, f.ty[u])) return false;
      } else if (op === Op.Add && f.arg(u, 0) === ptr && f.constInt(f.arg(u, 1)) !== undefined && ptr === a) {
        if (!visit(u, off + Number(f.constInt(f.arg(u, 1))!))) return false;
      } else return false;
    }
    return true;
  };
  const access = (u: number, off: number, ty: number): boolean => {
    if (memVolatile(f.aux[u]) || ty === T.F80 || ty === T.I128 || ty === T.F128 || ty === T.Void) return false;
    if (off < 0 || off + bytesOf(ty, f.ptrSize) > size) return false;
    out.push({ instr: u, slot: f.op[u] === Op.Load ? f.arg(u, 0) : f.arg(u, 1), off, ty });
    return true;
  };
  return visit(a, 0) ? out : null;
}
