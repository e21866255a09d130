// Copy propagation: uses of `copy x` become uses of x, and a phi whose incoming values are all one
// value (or the phi itself) is replaced by that value. Repeats until nothing changes.

import { Func } from '../ir/module';
import { Op } from '../ir/ops';
import { Replacements } from './util';

export function copyProp(f: Func): boolean {
  let any = false;
  for (;;) {
    const rep = new Replacements();
    for (const b of f.layout) {
      for (let i = f.first[b]; i >= 0; i = f.next[i]) {
        const op = f.op[i];
        if (op === Op.Copy && f.typeOf(f.arg(i, 0)) === f.ty[i]) rep.set(i, f.arg(i, 0));
        else if (op === Op.Phi) {
          let same = -0x7fffffff;
          let ok = true;
          for (let k = 1; k < f.argCount[i]; k += 2) {
            const v = rep.resolve(f.arg(i, k));
            if (v === i || v === same) continue;
            if (same !== -0x7fffffff) { ok = false; break; }
            same = v;
          }
          if (ok && same !== -0x7fffffff && f.typeOf(same) === f.ty[i]) rep.set(i, same);
        } else if (op !== Op.Phi) break;
      }
    }
    // the loop above stops a block's walk only after its phis for phi-only checks; copies need all
    for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) if (f.op[i] === Op.Copy && f.typeOf(f.arg(i, 0)) === f.ty[i]) rep.set(i, f.arg(i, 0));
    if (!rep.size) return any;
    rep.apply(f);
    any = true;
  }
}
