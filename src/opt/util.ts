// Small helpers shared by the passes: value replacement maps and phi-entry bookkeeping.

import { Func, rewriteOperands } from '../ir/module';
import { Op } from '../ir/ops';

/** A replacement map value -> value (-0x7fffffff: none); chains are followed when applied. */
export class Replacements {
  private map: Map<number, number> = new Map();
  get size(): number { return this.map.size; }
  set(from: number, to: number): void { if (from !== to) this.map.set(from, to); }
  has(v: number): boolean { return this.map.has(v); }
  resolve(r: number): number {
    let x = r, n = 0;
    while (x >= 0 && this.map.has(x)) { x = this.map.get(x)!; if (++n > 1e6) throw new Error('replacement cycle'); }
    return x;
  }
  /** Rewrites all operands, then unlinks the replaced instructions. */
  apply(f: Func): void {
    if (!this.map.size) return;
    rewriteOperands(f, (r) => this.resolve(r));
    for (const v of this.map.keys()) f.remove(v);
    this.map.clear();
  }
}

/** Removes block `pred`'s entry from every phi of block b. */
export function removePhiEntries(f: Func, b: number, pred: number): void {
  for (let i = f.first[b]; i >= 0 && f.op[i] === Op.Phi; i = f.next[i]) {
    const a = f.argList(i), out: number[] = [];
    for (let k = 0; k < a.length; k += 2) if (a[k] !== pred) out.push(a[k], a[k + 1]);
    if (out.length !== a.length) f.setArgs(i, out);
  }
}

/** Renames predecessor `from` to `to` in every phi of block b. */
export function renamePhiPred(f: Func, b: number, from: number, to: number): void {
  for (let i = f.first[b]; i >= 0 && f.op[i] === Op.Phi; i = f.next[i]) {
    const s = f.argStart[i], n = f.argCount[i];
    for (let k = 0; k < n; k += 2) if (f.args[s + k] === from) f.args[s + k] = to;
  }
}

/** The incoming value of phi i for predecessor p (or undefined). */
export function phiIncoming(f: Func, i: number, p: number): number | undefined {
  const s = f.argStart[i], n = f.argCount[i];
  for (let k = 0; k < n; k += 2) if (f.args[s + k] === p) return f.args[s + k + 1];
  return undefined;
}

/** Blocks whose address is taken (&&label): they must keep their identity. */
export function addressTaken(f: Func): Uint8Array {
  const t = new Uint8Array(f.nBlocks);
  for (let c = 0; c < f.cKind.length; c++) if (f.cKind[c] === 3 /* CK.BlockAddr */) t[f.cOff[c]] = 1;
  return t;
}

/** Replaces the terminator of b by `jmp to`. */
export function setJump(f: Func, b: number, to: number): void {
  const t = f.term(b);
  f.remove(t);
  f.append(b, f.newInstr(Op.Jmp, 0, [to]));
}
