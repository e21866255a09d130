// Diagnostics in gcc's format:
//
//   file.c:3:7: error: 'x' undeclared (first use in this function)
//       3 |   y = x;
//         |       ^
//
// Every stage reports through one Diagnostics object. Errors are counted and printed; the run goes on
// (many errors in one run) until the stage finishes, and the driver exits with status 1 if any error was
// reported. A FatalError stops the run at once (missing #include file, too many errors).

import { SourceFile } from './source';
import { Cls, DiagnosticPragmas } from './pragma';

export type Severity = 'error' | 'warning' | 'note' | 'fatal error';

export interface Loc {
  file: SourceFile;
  pos: number;
}

export class FatalError extends Error {
  constructor(message: string) {
    super(message);
  }
}

export interface DiagOptions {
  /** -w: no warnings at all. */
  noWarnings: boolean;
  /** -Werror: warnings become errors. */
  werror: boolean;
  /** -Werror=NAME */
  werrorFlags: Set<string>;
  /** Warnings explicitly enabled (-Wfoo) or disabled (-Wno-foo). */
  enabled: Map<string, boolean>;
  /** -Wall / -Wextra / -pedantic */
  wall: boolean;
  wextra: boolean;
  pedantic: boolean;
  pedanticErrors: boolean;
  /** -fmax-errors=N (0: no limit) */
  maxErrors: number;
  /** Show the source line and caret (-fno-diagnostics-show-caret turns it off). */
  caret: boolean;
}

export function defaultDiagOptions(): DiagOptions {
  return {
    noWarnings: false, werror: false, werrorFlags: new Set(), enabled: new Map(),
    wall: false, wextra: false, pedantic: false, pedanticErrors: false, maxErrors: 0, caret: true,
  };
}

/** Warnings on by default in gcc (no -W flag needed). */
const DEFAULT_ON = new Set([
  'int-conversion', 'incompatible-pointer-types', 'implicit-function-declaration', 'implicit-int',
  'return-mismatch', 'overflow', 'pointer-to-int-cast', 'int-to-pointer-cast', 'div-by-zero',
  'builtin-declaration-mismatch', 'deprecated-declarations', 'cpp', 'endif-labels', 'shift-count-overflow',
  'shift-count-negative', 'discarded-qualifiers', 'attributes', 'multichar',
  'unused-result', 'incompatible-library-redeclaration', 'literal-range',
  'builtin-macro-redefined', 'trigraphs', 'invalid-pch', 'missing-include-dirs', 'designated-init',
  'discarded-array-qualifiers', 'varargs', 'override-init-side-effects', 'free-nonheap-object', 'pragmas', 'shift-overflow',
]);
/** Warnings that -Wall turns on. */
const WALL = new Set([
  'unused-variable', 'unused-function', 'unused-label', 'unused-value', 'unused-but-set-variable',
  'uninitialized', 'maybe-uninitialized', 'parentheses', 'sign-compare-c++', 'switch', 'return-type',
  'implicit-function-declaration', 'implicit-int', 'missing-braces', 'char-subscripts', 'format',
  'nonnull', 'comment', 'address', 'sequence-point', 'strict-aliasing', 'array-bounds', 'enum-compare',
  'misleading-indentation', 'pointer-sign', 'main', 'dangling-else', 'unused-local-typedefs',
  'bool-compare', 'logical-not-parentheses', 'sizeof-pointer-div', 'int-in-bool-context', 'frame-address', 'bool-operation', 'infinite-recursion',
]);
const WEXTRA = new Set([
  'sign-compare', 'missing-field-initializers', 'empty-body', 'type-limits',
  'old-style-declaration', 'override-init', 'ignored-qualifiers', 'implicit-fallthrough', 'clobbered',
  'cast-function-type', 'shift-negative-value',
]);

/** The -Wunused group (on with -Wall); the last two only together with -Wextra. */
const UNUSED = new Set(['unused-variable', 'unused-function', 'unused-label', 'unused-value', 'unused-but-set-variable',
  'unused-local-typedefs', 'unused-parameter', 'unused-but-set-parameter']);
const UNUSED_EXTRA = new Set(['unused-parameter', 'unused-but-set-parameter']);
/** Warnings on whenever another one is (unless disabled themselves): -Wformat-extra-args with -Wformat. */
const IMPLIED = new Map([['format-extra-args', 'format'], ['format-zero-length', 'format'], ['unused-const-variable', 'unused-variable']]);

/** gcc 12's column: the display column, tabs expanded to multiples of 8 (-ftabstop=8). */
function displayColumn(loc: Loc): number {
  const lc = loc.file.lineCol(loc.pos);
  const text = loc.file.lineText(lc.line);
  let dc = 1;
  for (let i = 0; i < lc.col - 1; i++) dc = i < text.length && text.charCodeAt(i) === 9 ? dc + 8 - ((dc - 1) % 8) : dc + 1;
  return dc;
}

export class Diagnostics {
  errors = 0;
  warnings = 0;
  /** Lines printed; tests read them instead of stderr. */
  private sink: (line: string) => void;
  /** Stack of "In file included from" contexts provided by the preprocessor. */
  includeContext: ((loc: Loc) => string[]) | null = null;
  /** Suppress warnings in system headers, as gcc does. */
  systemHeaderWarnings = false;
  /** The function being compiled (set by the parser): gcc prints "file: In function 'f':" once. */
  currentFunction: string | null = null;
  private reportedFunction: string | null = null;
  /** Location of the last message printed: a note at the same place is shown without its source line. */
  private lastFile: unknown = null;
  /** The "In file included from" lines of the last message. */
  private lastContext = '';
  private lastPos = -1;

  /** Messages of the middle end (gcc reports them after its front end has seen the whole unit):
   *  queued by defer(), printed by flushDeferred() (the parser's end-of-unit checks, the code generator's
   *  end). */
  private deferred: (() => void)[] = [];
  defer(report: () => void): void { this.deferred.push(report); }
  /** Messages of gcc's expansion to RTL (-Wframe-address), which comes after the front end's end-of-unit
   *  checks (-Wunused-function): printed only by flushDeferred(true) (the code generator's end). */
  private deferredLate: { report: () => void; stage: number }[] = [];
  /** `stage`: gcc's order of its passes (0: the IPA warnings such as -Winfinite-recursion, 1: expansion). */
  deferLate(report: () => void, stage = 1): void { this.deferredLate.push({ report, stage }); }
  flushDeferred(late = false): void {
    const d = this.deferred;
    this.deferred = [];
    for (const r of d) r();
    if (!late) return;
    const l = this.deferredLate;
    this.deferredLate = [];
    l.sort((a, b) => a.stage - b.stage);
    for (const r of l) r.report();
  }

  /** Messages gcc gives when it compiles (gimplifies) a function, so only for the functions it
   *  compiles and never under -fsyntax-only (-Wimplicit-fallthrough): kept by function until the
   *  lowering takes it (takeFunctionWarnings). */
  private fnWarnings = new Map<object, (() => void)[]>();
  functionWarning(fn: object, report: () => void): void {
    const a = this.fnWarnings.get(fn);
    if (a) a.push(report); else this.fnWarnings.set(fn, [report]);
  }
  /** The lowering of `fn` begins: its function warnings are reported with the middle end's. */
  takeFunctionWarnings(fn: object, name: string): void {
    const a = this.fnWarnings.get(fn);
    if (!a) return;
    this.fnWarnings.delete(fn);
    this.defer(() => {
      const saved = this.currentFunction;
      this.currentFunction = name;
      for (const r of a) r();
      this.currentFunction = saved;
    });
  }

  constructor(readonly opts: DiagOptions = defaultDiagOptions(), sink?: (line: string) => void) {
    this.sink = sink ?? ((s) => process.stderr.write(s));
  }

  /** #pragma GCC diagnostic changes by location (the preprocessor records them). */
  readonly pragmas = new DiagnosticPragmas();

  /** Is warning NAME (without -W) enabled? (Or named by a `#pragma GCC diagnostic warning|error`:
   *  then warning() decides by the location.) */
  isEnabled(name: string): boolean {
    return this.byOptions(name) || (!this.opts.noWarnings && this.pragmas.named.has(name));
  }

  /** Is warning NAME enabled by the command line? */
  private byOptions(name: string): boolean {
    if (this.opts.noWarnings) return false;
    const e = this.opts.enabled.get(name);
    if (e !== undefined) return e;
    if (DEFAULT_ON.has(name)) return true;
    if (name === 'pedantic' || name === 'pointer-sign') { if (this.opts.pedantic) return true; }
    if (this.opts.wall && WALL.has(name)) return true;
    if (UNUSED.has(name)) {
      // -Wunused (-Wall) turns these on; the parameter ones need -Wextra as well
      const u = this.opts.enabled.get('unused') ?? this.opts.wall;
      return u && (!UNUSED_EXTRA.has(name) || this.opts.wextra);
    }
    if (this.opts.wextra && WEXTRA.has(name)) return true;
    const parent = IMPLIED.get(name);
    return parent !== undefined && this.byOptions(parent);
  }

  error(loc: Loc | null, msg: string): void {
    this.errors++;
    this.emit('error', loc, msg);
    const max = this.opts.maxErrors;
    if (max > 0 && this.errors >= max) {
      throw new FatalError(`compilation terminated due to -fmax-errors=${max}.`);
    }
  }

  /** A warning controlled by -WNAME. Returns true if it was printed (so callers can add notes).
   *  `shown`: the option gcc names in the message when it differs from NAME (-Wformat=). */
  warning(name: string | null, loc: Loc | null, msg: string, shown: string | null = name): boolean {
    if (this.opts.noWarnings) return false;
    if (loc && loc.file.system && !this.systemHeaderWarnings) return false;
    const cls = name !== null && !this.pragmas.empty ? this.pragmas.classify(name, loc) : Cls.None;
    if (cls === Cls.Ignored || (cls === Cls.None && name !== null && !this.byOptions(name))) return false;
    const asError = cls === Cls.Error || (cls === Cls.None && (this.opts.werror || (name !== null && this.opts.werrorFlags.has(name))));
    const tag = shown === null ? '' : asError ? ` [-Werror=${shown}]` : ` [-W${shown}]`;
    if (asError) this.errors++; else this.warnings++;
    this.emit(asError ? 'error' : 'warning', loc, msg + tag);
    return true;
  }

  /** A pedantic diagnostic: a warning with -pedantic, an error with -pedantic-errors. */
  pedwarn(name: string | null, loc: Loc | null, msg: string): boolean {
    if (this.opts.pedanticErrors) {
      this.error(loc, msg + (name ? ` [-W${name}]` : ' [-Wpedantic]'));
      return true;
    }
    if (!this.opts.pedantic && (name === null || !this.isEnabled(name))) return false;
    return this.warning(name ?? 'pedantic', loc, msg);
  }

  note(loc: Loc | null, msg: string): void {
    this.emit('note', loc, msg);
  }

  fatal(loc: Loc | null, msg: string): never {
    this.errors++;
    this.emit('fatal error', loc, msg);
    throw new FatalError(msg);
  }

  /** A message without a location: "cc-ts: error: ..." */
  plain(sev: Severity, msg: string): void {
    if (sev === 'error' || sev === 'fatal error') this.errors++;
    this.sink(`cc-ts: ${sev}: ${msg}\n`);
  }

  private emit(sev: Severity, loc: Loc | null, msg: string): void {
    if (!loc) {
      this.sink(`cc-ts: ${sev}: ${msg}\n`);
      return;
    }
    let out = '';
    if (this.includeContext) {
      // (gcc shows it when it differs from the last message's)
      const ctx = this.includeContext(loc).join('\n');
      if (ctx !== this.lastContext && ctx !== '') out += ctx + '\n';
      this.lastContext = ctx;
    }
    const p = loc.file.presumed(loc.pos);
    if (sev !== 'note' && this.currentFunction !== this.reportedFunction) {
      this.reportedFunction = this.currentFunction;
      out += this.currentFunction !== null ? `${p.name}: In function '${this.currentFunction}':\n` : `${p.name}: At top level:\n`;
    }
    out += `${p.name}:${p.line}:${displayColumn(loc)}: ${sev}: ${msg}\n`;
    const samePlace = sev === 'note' && loc.file === this.lastFile && loc.pos === this.lastPos;
    this.lastFile = loc.file;
    this.lastPos = loc.pos;
    if (this.opts.caret && !samePlace) {
      const lc = loc.file.lineCol(loc.pos);
      const text = loc.file.lineText(lc.line);
      const num = String(p.line);
      const gutter = num.length < 5 ? ' '.repeat(5 - num.length) + num : num;
      out += `${gutter} | ${text}\n`;
      let pad = '';
      for (let i = 0; i < lc.col - 1 && i < text.length; i++) pad += text[i] === '\t' ? '\t' : ' ';
      out += `${' '.repeat(gutter.length)} | ${pad}^\n`;
    }
    this.sink(out);
  }
}
