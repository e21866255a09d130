// The optimisation pipeline: one list of passes per -O level, run over every function. With
// `debug`, the verifier checks the IR after every pass and names the pass that broke it; `dump`
// receives the IR text after every pass (-fdump-ir style).

import { CK, Func, Module } from '../ir/module';
import { verifyFunc } from '../ir/verify';
import { printFunc } from '../ir/print';
import { simplifyCfg } from './simplifycfg';
import { mem2reg } from './mem2reg';
import { sccp } from './sccp';
import { copyProp } from './copyprop';
import { dce } from './dce';
import { gvn } from './gvn';
import { instCombine } from './instcombine';
import { demoteIndirectPhis } from './ssa-out';
import { condProp } from './condprop';
import { sroa } from './sroa';
import { resolveIsConst } from './isconst';

export type Pass = [name: string, run: (f: Func) => boolean];

export type OptLevel = 0 | 1 | 2 | 3 | 's' | 'g';

export function passesFor(level: OptLevel): Pass[] {
  // -O0 too folds constant branches and drops what they make unreachable, as gcc does: code under
  // `if (0)` may call functions that are defined nowhere
  const last: Pass = ['demote-indirect-phis', demoteIndirectPhis]; // back ends cannot place their moves
  if (level === 0) return [['simplify-cfg', simplifyCfg], last];
  const o1: Pass[] = [
    ['simplify-cfg', simplifyCfg],   // drop dead blocks so every later pass sees a reachable CFG
    ['mem2reg', mem2reg],            // locals to SSA values
    ['sccp', sccp],                  // constants, including along the branches actually taken
    ['copy-prop', copyProp],
    ['instcombine', instCombine],    // algebraic identities on what is left
    ['dce', dce],
    ['simplify-cfg', simplifyCfg],   // fold the branches sccp decided
  ];
  const isConst: Pass = ['isconst', resolveIsConst]; // __builtin_constant_p, after the passes that find constants
  if (level === 1 || level === 'g') return [...o1, isConst, last];
  return [
    ...o1,
    ['sroa', sroa],                  // locals of aggregate type accessed at constant offsets: one slot each
    ['mem2reg', mem2reg],            // ... which become SSA values
    ['gvn', gvn],                    // common subexpressions across dominating blocks
    ['cond-prop', condProp],         // what a dominating branch decided about the same comparison
    ['sccp', sccp],                  // instcombine and gvn expose more constants
    ['instcombine', instCombine],
    ['copy-prop', copyProp],
    ['dce', dce],
    ['simplify-cfg', simplifyCfg],
    isConst,
    last,
  ];
}

export interface OptOptions { level: OptLevel; debug?: boolean; dump?: (pass: string, f: Func, text: string) => void }

export function optimize(m: Module, opts: OptOptions): void {
  const passes = passesFor(opts.level);
  if (opts.level !== 0) dropUnreferenced(m); // before: no time spent on them; after: they may have become so
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
  if (opts.level !== 0) dropUnreferenced(m);
}

/** The function passes of a level for one function (what optimize does to each; -O0 needs nothing
 *  of the rest of the module). */
export function optimizeFunc(f: Func, level: OptLevel): void {
  for (const [, run] of passesFor(level)) run(f);
}

/** Removes internal functions that nothing references any more (as gcc drops unused static
 *  functions; a call folded away may have been the only reference, even to an undefined symbol). */
export function dropUnreferenced(m: Module): void {
  if (m.funcs.some((f) => f.asms.length)) return; // asm text may name them
  const byName = new Map(m.funcs.map((f) => [f.name, f] as const));
  const live = new Set<string>(), work: Func[] = [];
  const mark = (name: string) => {
    const f = byName.get(name);
    if (f && !live.has(name)) { live.add(name); work.push(f); }
  };
  for (const f of m.funcs) if (f.linkage !== 'internal' || f.keep || f.section) mark(f.name);
  for (const c of [...m.ctors, ...m.dtors]) mark(c.sym);
  for (const a of m.aliases) mark(a.target);
  for (const d of m.data) for (const r of d.relocs) mark(r.sym);
  while (work.length) {
    const f = work.pop()!;
    for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      const s = f.argStart[i], n = f.argCount[i];
      for (let k = 0; k < n; k++) {
        const r = f.args[s + k];
        if (r < 0 && f.cKind[~r] === CK.Sym) mark(f.cVal[~r] as string);
      }
    }
  }
  for (let k = m.funcs.length - 1; k >= 0; k--) if (!live.has(m.funcs[k].name)) m.funcs.splice(k, 1);
}
