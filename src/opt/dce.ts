// Dead code elimination (mark and sweep): instructions with side effects, terminators, calls,
// params and volatile or atomic memory accesses are live; so is every operand of a live instruction.
// Everything else is deleted, including dead cycles of phis.

import { Func, isValueSlot } from '../ir/module';
import { Op, OPS, F, memVolatile } from '../ir/ops';

export function dce(f: Func): boolean {
  const live = new Uint8Array(f.nInstr);
  const work: number[] = [];
  for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) {
    const op = f.op[i], fl = OPS[op].flags;
    if (fl & (F.Write | F.Term) || op === Op.Call || op === Op.Asm || op === Op.Param || (op === Op.Load && memVolatile(f.aux[i]))) { live[i] = 1; work.push(i); }
  }
  const A = f.args;
  while (work.length) {
    const i = work.pop()!;
    const s = f.argStart[i], c = f.argCount[i];
    for (let k = 0; k < c; k++) {
      const r = A[s + k];
      if (r >= 0 && isValueSlot(f.op[i], k) && !live[r]) { live[r] = 1; work.push(r); }
    }
  }
  let changed = false;
  for (const b of f.layout) for (const i of f.instrs(b)) if (!live[i]) { f.remove(i); changed = true; }
  return changed;
}
