// __builtin_constant_p at -O1 and up. The front end folds it when its argument is a constant
// expression; otherwise (no side effects) it leaves `isconst v` for the optimiser, as gcc decides it
// after its own optimisations: sccp folds `isconst` to 1 once v is found constant (ir/eval.ts), and
// this pass, after the others, decides the rest: 1 for a constant operand, 0 otherwise, then folds
// the branches and selects that tested it.

import { Func } from '../ir/module';
import { Op } from '../ir/ops';
import { Replacements } from './util';
import { sccp } from './sccp';
import { simplifyCfg } from './simplifycfg';

export function resolveIsConst(f: Func): boolean {
  if (!f.op.includes(Op.IsConst)) return false; // (the common case: one native scan)
  const rep = new Replacements();
  for (const b of f.layout) {
    for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      if (f.op[i] === Op.IsConst) rep.set(i, f.iconst(f.ty[i], f.args[f.argStart[i]] < 0 ? 1 : 0));
    }
  }
  if (!rep.size) return false;
  rep.apply(f);
  sccp(f);
  simplifyCfg(f);
  return true;
}
