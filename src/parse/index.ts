// The C parser: preprocessed tokens in, a fully typed AST out (see docs/AST.md and README.md).
//
//   parseTranslationUnit(tokens, { target, std, diag }) -> TranslationUnit
//
// `tokens` is an array ending in EOF or a TokenSource (the preprocessor) that is pulled as parsing goes.
//
// Diagnostics go to `diag` (gcc format); the parser recovers at ';' and '}' and keeps going, so one run
// reports many errors. Callers check diag.errors.

import { Token, TokenSource } from '../lex/token';
import { FatalError } from '../diag/diagnostics';
import { TranslationUnit } from './ast';
import { Parser, ParseOptions } from './state';
import { translationUnit, setCharSigned } from './decl';
import { setLiteralCharSigned } from './literal';
import { Obj, SC, Linkage } from './ast';

export type { ParseOptions } from './state';
export * from './ast';
export * from './types';
export { BUILTINS } from './builtins';

export function parseTranslationUnit(tokens: Token[] | TokenSource, opts: ParseOptions): TranslationUnit {
  const p = new Parser(tokens, opts);
  setCharSigned(opts.target.charSigned);
  setLiteralCharSigned(opts.target.charSigned);
  declareBuiltinTypedefs(p);
  try {
    translationUnit(p);
  } catch (e) {
    if (!(e instanceof FatalError) || p.sourceFatal) throw e;
  }
  return p.unit;
}

/** Typedef names gcc predeclares: __builtin_va_list, __int128_t, __uint128_t. */
function declareBuiltinTypedefs(p: Parser): void {
  const T = p.T;
  const add = (name: string, ty: import('./types').Type) => {
    const o = new Obj(name, ty, null);
    o.storage = SC.Typedef;
    o.linkage = Linkage.None;
    p.declare(o);
  };
  add('__builtin_va_list', T.vaList);
  if (p.target.int128) { add('__int128_t', T.int128); add('__uint128_t', T.uint128); }
  if (p.target.arch === 'aarch64') add('__builtin_aarch64_simd_hf', T.float);
}
