// The C front end as the driver sees it: preprocessed tokens in, a checked translation unit out.
import { Diagnostics } from '../diag/diagnostics';
import { Token, TokenSource } from '../lex/token';
import { TargetLayout } from '../../targets/layout';
import { parseTranslationUnit, ParseOptions, TranslationUnit } from '../parse';
import { DriverOptions } from './options';

/** Parse and check; `toks` may be the preprocessor itself (the parser pulls tokens as it goes). */
/** `onFunction` takes each function definition as soon as it is parsed (see ParseOptions). */
export function parseAndCheck(toks: Token[] | TokenSource, o: DriverOptions, target: TargetLayout, diag: Diagnostics,
                              onFunction?: ParseOptions['onFunction']): TranslationUnit | null {
  const tu = parseTranslationUnit(toks, { target, std: o.std, diag, discardBodies: o.stage === 'syntax', optimize: o.optLevel !== '0', onFunction });
  return diag.errors === 0 ? tu : null;
}
