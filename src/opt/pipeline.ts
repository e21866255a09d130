// The optimisation pipeline: one list of passes per -O level, run over every function. With
// `debug`, the verifier checks the IR after every pass and names the pass that broke it; `dump`
// receives the IR text after every pass (-fdump-ir style).

import { Func, Module } from '../ir/module';
import { verifyFunc } from '../ir/verify';
import { printFunc } from '../ir/print';
import { simplifyCfg } from './simplifycfg';
import { mem2reg } from './mem2reg';
import { sccp } from './sccp';
import { copyProp } from './copyprop';
import { dce } from './dce';
import { gvn } from './gvn';
import { instCombine } from './instcombine';

export type Pass = [name: string, run: (f: Func) => boolean];

export type OptLevel = 0 | 1 | 2 | 3 | 's' | 'g';

export function passesFor(level: OptLevel): Pass[] {
  if (level === 0) return [];
  const o1: Pass[] = [
    ['simplify-cfg', simplifyCfg],   // drop dead blocks so every later pass sees a reachable CFG
    ['mem2reg', mem2reg],            // locals to SSA values
    ['sccp', sccp],                  // constants, including along the branches actually taken
    ['copy-prop', copyProp],
    ['instcombine', instCombine],    // algebraic identities on what is left
    ['dce', dce],
    ['simplify-cfg', simplifyCfg],   // fold the branches sccp decided
  ];
  if (level === 1 || level === 'g') return o1;
  return [
    ...o1,
    ['gvn', gvn],                    // common subexpressions across dominating blocks
    ['sccp', sccp],                  // instcombine and gvn expose more constants
    ['instcombine', instCombine],
    ['copy-prop', copyProp],
    ['dce', dce],
    ['simplify-cfg', simplifyCfg],
  ];
}

export interface OptOptions { level: OptLevel; debug?: boolean; dump?: (pass: string, f: Func, text: string) => void }

export function optimize(m: Module, opts: OptOptions): void {
  const passes = passesFor(opts.level);
  for (const f of m.funcs) {
    for (const [name, run] of passes) {
      run(f);
      if (opts.debug) {
        const errs = verifyFunc(f);
        if (errs.length) throw new Error(`after pass ${name}:\n${errs.join('\n')}\n${printFunc(f)}`);
      }
      if (opts.dump) opts.dump(name, f, printFunc(f));
    }
  }
}
