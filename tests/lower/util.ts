// Helpers for the lowering tests: C file -> tokens (cc-ts's preprocessor) -> typed AST -> IR module,
// and running a module in the IR interpreter. Needs CC_TS_ROOT (the checkout, for include/) when the
// compiled tests run from another folder.
import { Diagnostics } from '../../src/diag/diagnostics';
import { Preprocessor } from '../../src/pp/preprocess';
import { parseTranslationUnit, TranslationUnit } from '../../src/parse';
import { TARGETS, Arch } from '../../targets/layout';
import { Module } from '../../src/ir/module';
import { lowerTranslationUnit } from '../../src/lower';

export interface Front { tu: TranslationUnit | null; errors: string[] }

export function parseFile(file: string, arch: Arch = 'x86_64', freestanding = false): Front {
  const target = TARGETS[arch];
  const lines: string[] = [];
  const diag = new Diagnostics(undefined, (s) => lines.push(s));
  const pp = new Preprocessor({ target, diag, freestanding });
  const toks = pp.preprocessFile(file);
  if (diag.errors) return { tu: null, errors: lines };
  const tu = parseTranslationUnit(toks, { target, std: 'gnu17', diag });
  if (diag.errors) return { tu: null, errors: lines };
  return { tu, errors: [] };
}

export function lowerFile(file: string, arch: Arch = 'x86_64'): Module {
  const fe = parseFile(file, arch);
  if (!fe.tu) throw new Error(`front end rejected ${file}:\n${fe.errors.join('')}`);
  return lowerTranslationUnit(fe.tu, TARGETS[arch], { optLevel: 0 });
}
