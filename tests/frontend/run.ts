// In-process runs of cc-ts's front end with the driver's own options and preprocessor (the same path as
// `cc-ts -fsyntax-only`): parseArgs -> makePreprocessor -> parseTranslationUnit, with the diagnostics
// captured instead of printed. Used by the torture runner, the header test and the -W tests.

import { Diagnostics, FatalError } from '../../src/diag/diagnostics';
import { driverTarget, parseArgs, langOf } from '../../src/driver/options';
import { compileInput } from '../../src/driver/compile';

export interface FrontendResult {
  /** 0: accepted, 1: errors reported. */
  status: number;
  errors: number;
  warnings: number;
  /** Printed diagnostic lines ("file:line:col: severity: message" and the caret lines). */
  lines: string[];
  /** Just the located "file:line:col: severity: message" lines. */
  messages: string[];
}

/** Run `cc-ts ARGV` (a -fsyntax-only or -E command line) in this process. Throws on an internal error. */
export function runFrontend(argv: string[]): FrontendResult {
  const opts = parseArgs(argv);
  const target = driverTarget(opts);
  if (!target) throw new Error(`unsupported target ${opts.target}`);
  const lines: string[] = [];
  const diag = new Diagnostics(opts.diag, (s) => { for (const l of s.split('\n')) if (l) lines.push(l); });
  let ok = true;
  for (const input of opts.inputs) {
    try {
      if (!compileInput(input.path, langOf(input), opts, target, diag)) ok = false;
    } catch (e) {
      if (!(e instanceof FatalError)) throw e;
      ok = false;
    }
  }
  const messages = lines.filter((l) => /^[^ ]*:\d+:\d+: (error|warning|note|fatal error): /.test(l));
  return { status: ok && diag.errors === 0 ? 0 : 1, errors: diag.errors, warnings: diag.warnings, lines, messages };
}

export const TRIPLES: Record<string, string> = {
  x86_64: 'x86_64-linux-gnu', aarch64: 'aarch64-linux-gnu', riscv64: 'riscv64-linux-gnu', i386: 'i386-linux-gnu',
};
