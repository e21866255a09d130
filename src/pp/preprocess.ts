// The C preprocessor (translation phase 4): directives, macro expansion, #include, #if.
//
// Input files are read once (their text is cached per path) and lexed on demand: each open file has a
// Lexer cursor and one token of look-ahead, and a directive's line is gathered into a small array when
// its '#' is met. The preprocessor hands out the expanded tokens one at a time (token()), so neither
// the input nor the output is ever a whole-file token array; the parser pulls from it directly.
//
// Macro expansion: gcc's context stack ("painted blue" by disabling), not Prosser's hide sets.
// Each expansion pushes a context holding its replacement tokens, and the macro is marked disabled
// until that context is popped (when its last token has been read). An identifier read while its
// macro is disabled is copied with TF.NoExpand set ("painted blue") and can never expand again, even
// after the macro is re-enabled; this is C17 6.10.3.4p2. Because a context is popped when its tokens
// run out, a function-like macro whose arguments are collected from beyond the end of the current
// expansion sees the enclosing macros already re-enabled, which is what gcc does (for the example in
// C17 6.10.3.4p4, `f(2)(9)` gives `2*9*g`). Arguments are fully expanded in isolation before
// substitution by pushing them as a context that ends in a sentinel EOF token (C17 6.10.3.1).
// Compared with hide sets this needs no set operations and no per-token allocation except the
// copies of replacement tokens, and Token.hideset stays null.
//
// Conditional groups that are skipped are walked token by token looking only for '#' at the start
// of a line. A file whose whole content sits in `#ifndef X ... #endif` (with X defined inside or not)
// is remembered, and not opened again while X is defined (gcc's multiple-include optimisation).

import * as fs from 'fs';
import * as path from 'path';
import { SourceFile, decodeSource } from '../diag/source';
import { Diagnostics, Loc } from '../diag/diagnostics';
import { checkOption } from '../diag/pragma';
import { TK, TF, Token, PUNCT_TEXT, nameId } from '../lex/token';
import { lex, isTerminated, Lexer } from '../lex/lexer';
import { TargetLayout } from '../../targets/layout';
import { Macro, Builtin } from './macro';
import { IfEvaluator } from './expr';
import { compilerIncludeDir, targetSystemDirs } from './paths';
import { predefinedSource, PredefOptions, stdInfo } from './predefined';
import { GNU_ATTRIBUTES, C_ATTRIBUTES, BUILTINS, FEATURES } from './features';
import { tableHasBuiltin } from '../parse/builtin-table';

export type CmdItem =
  | { kind: 'define'; value: string }
  | { kind: 'undef'; value: string }
  | { kind: 'include'; value: string }
  | { kind: 'imacros'; value: string };

export interface IncludePaths {
  /** -iquote */
  quote: string[];
  /** -I */
  angled: string[];
  /** -isystem */
  system: string[];
  /** -idirafter */
  after: string[];
}

export interface PPOptions extends PredefOptions {
  target: TargetLayout;
  diag: Diagnostics;
  includePaths?: Partial<IncludePaths>;
  nostdinc?: boolean;
  sysroot?: string;
  /** -D, -U, -include, -imacros in command-line order. */
  cmdline?: CmdItem[];
  /** Preprocessing assembly (-x assembler-with-cpp): unknown directives pass through, quotes are free. */
  asm?: boolean;
  /** Text to read for the file name '-' (default: fd 0). */
  stdinText?: string;
  /** Include stdc-predef.h implicitly (gcc does unless -ffreestanding or -nostdinc). */
  implicitPredef?: boolean;
  /** -fmacro-prefix-map OLD=NEW pairs for __FILE__ and __BASE_FILE__, in command-line order. */
  macroPrefixMap?: [string, string][];
}

/** `t` with white space before it (a copy unless it has it already). */
function spaced(t: Token): Token {
  if (t.flags & TF.Space) return t;
  const c = t.copy();
  c.flags |= TF.Space;
  return c;
}

/** Something the -E printer must show between tokens: a line marker or a -dD directive. */
export interface PPEvent {
  /** Index in the output token array before which the event happens. */
  at: number;
  kind: 'enter' | 'leave' | 'line' | 'define' | 'undef' | 'start';
  /** File name for markers; the directive text for define/undef. */
  name: string;
  line: number;
  /** Marker flags after the name: '', ' 1', ' 2', with ' 3 4' for system headers. */
  flags: string;
}

interface Cond {
  tok: Token;
  kind: string;
  /** Some group of this #if chain was taken. */
  taken: boolean;
  sawElse: boolean;
}

class Frame {
  /** The next token of the file (one token of look-ahead over the lexer). */
  cur: Token;
  /** The file's first token (a guard's #ifndef must be it). */
  readonly first: Token;
  /** The tokens of the directive being carried out: its '#' first (directive handlers index these). */
  toks: Token[] = NO_TOKENS;
  conds: Cond[] = [];
  /** Guard candidate: the #ifndef at the top of the file and its Cond. */
  guardName: string | null = null;
  guardCond: Cond | null = null;
  constructor(
    readonly file: SourceFile,
    readonly lx: Lexer,
    /** Path as opened (shown in markers and __FILE__). */
    readonly path: string,
    /** Index in the search chain where it was found (-1: not found through the chain). */
    readonly dirIdx: number,
    public system: boolean,
    /** The #include directive's name token in the includer (for "In file included from"). */
    readonly includedAt: Token | null,
  ) {
    this.cur = this.first = lx.next();
  }
}

/** A macro expansion context (or an argument being pre-expanded, macro null). */
interface Ctx {
  toks: Token[];
  i: number;
  macro: Macro | null;
}

interface SearchDir { dir: string; system: boolean }

const SENTINEL_FILE = new SourceFile(-1, '<sentinel>', '');
const PLACEMARKER = TK.Other;
const NO_TOKENS: Token[] = [];
let nextFileId = 1;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export class Preprocessor {
  /** The macros in definition order (read it; change it only through setMacro/deleteMacro). */
  readonly macros = new Map<string, Macro>();
  /** The same macros by name id (Token.id): what expansion looks up. */
  private macroById: (Macro | undefined)[] = [];
  /** Line markers and -dD directives, by output position. */
  readonly events: PPEvent[] = [];
  /** Files opened by #include, in order of first inclusion (for -M). */
  readonly includedFiles: { path: string; system: boolean }[] = [];

  private readonly diag: Diagnostics;
  private readonly target: TargetLayout;
  private readonly strict: boolean;
  private readonly chain: SearchDir[] = [];
  /** Chain index where the angled (<...>) search starts. */
  private angledStart = 0;
  private frames: Frame[] = [];
  private frame!: Frame;
  private ctxs: Ctx[] = [];
  /** Output tokens produced while setting up (-include files), handed out before the main file's. */
  private out: Token[] = [];
  private outIdx = 0;
  /** Number of tokens handed out (or queued in `out`): what PPEvent.at counts. */
  private emitted = 0;
  /** The first token of the last source line seen, where "at end of input" errors go (gcc's place). */
  private lineStart: Token | null = null;
  private finalEof: Token | null = null;
  private fileCache = new Map<string, SourceFile>();
  private statCache = new Map<string, boolean>();
  private realCache = new Map<string, string>();
  private guards = new Map<string, string>();
  private once = new Set<string>();
  private includedSet = new Set<string>();
  private poisoned = new Set<string>();
  private pushed = new Map<string, (Macro | null)[]>();
  private assertions = new Map<string, Set<string>>();
  private counter = 0;
  private baseFile = '';
  private sentinel: Token;
  private recordDefines = false;
  private now: Date;
  private nowFromEpoch: boolean;
  /** Reading a #if expression: `defined` is an operator. */
  private inIf = 0;
  /** A -include file being read: its end is the end of input for now. */
  private stopFrame: Frame | null = null;

  constructor(readonly opts: PPOptions) {
    this.diag = opts.diag;
    this.target = opts.target;
    this.strict = stdInfo(opts.std ?? 'gnu17').strict;
    this.sentinel = new Token(TK.EOF, '', SENTINEL_FILE, 0, TF.BOL);
    const epoch = process.env.SOURCE_DATE_EPOCH;
    this.nowFromEpoch = epoch !== undefined && /^\d+$/.test(epoch);
    this.now = this.nowFromEpoch ? new Date(Number(epoch) * 1000) : new Date();
    this.buildChain();
    this.defineBuiltins();
  }

  // ---------------------------------------------------------------------------------------------
  // Public interface

  /** Preprocess a file ('-': standard input) and return the token stream, ending in EOF. */
  preprocessFile(file: string, recordDefines = false): Token[] {
    this.begin(file, recordDefines);
    const out: Token[] = [];
    for (;;) {
      const t = this.token();
      out.push(t);
      if (t.kind === TK.EOF) return out;
    }
  }

  /**
   * Start preprocessing a file ('-': standard input): the built-in and command-line macros and the
   * -include files are processed now; then token() hands out the main file's tokens.
   */
  begin(file: string, recordDefines = false): void {
    this.recordDefines = recordDefines;
    const name = file === '-' ? '<stdin>' : file;
    this.baseFile = name;
    const text = file === '-' ? (this.opts.stdinText ?? decodeSource(fs.readFileSync(0))) : this.readText(file, null);
    const main = new SourceFile(nextFileId++, name, text);
    this.diag.includeContext = (loc) => this.includeContext(loc);
    this.event('start', name, 0, '');
    this.event('start', '<built-in>', 0, '');
    this.runText('<built-in>', predefinedSource(this.target, this.opts), true);
    this.event('start', '<command-line>', 0, '');
    // the main file is the bottom frame while the command line runs (its includes resolve against it)
    this.frame = new Frame(main, this.lexer(main), name, -1, false, null);
    this.frames = [this.frame];
    this.runCommandLine();
    this.diag.pragmas.enter(main, 0);
    this.event('enter', name, 1, '');
  }

  /** The next token of the preprocessed stream (what the parser reads); EOF at the end, repeatedly. */
  token(): Token {
    if (this.outIdx < this.out.length) {
      const t = this.out[this.outIdx++];
      if (this.outIdx === this.out.length) { this.out = []; this.outIdx = 0; }
      return t;
    }
    if (this.finalEof !== null) return this.finalEof;
    const t = this.next();
    if (t.kind === TK.EOF) {
      // gcc places "at end of input" errors at the first token of the last line: so does our EOF
      const ls = this.lineStart;
      this.finalEof = ls ? new Token(TK.EOF, '', ls.file, ls.pos, TF.BOL) : t;
      this.emitted++;
      return this.finalEof;
    }
    if ((t.flags & (TF.BOL | TF.Expanded)) === TF.BOL) this.lineStart = t;
    this.emitted++;
    return t;
  }

  private lexer(f: SourceFile): Lexer {
    return new Lexer(f, this.diag, 0, f.text.length, TF.BOL, !this.opts.asm);
  }

  /** The macro an identifier token names, if any. */
  private macroOf(t: Token): Macro | undefined {
    const id = t.id;
    return id < this.macroById.length ? this.macroById[id] : undefined;
  }

  private setMacro(name: string, m: Macro): void {
    this.macros.set(name, m);
    const id = nameId(name);
    const byId = this.macroById;
    while (byId.length <= id) byId.push(undefined);
    byId[id] = m;
  }

  private deleteMacro(name: string): void {
    this.macros.delete(name);
    const id = nameId(name);
    if (id < this.macroById.length) this.macroById[id] = undefined;
  }

  /** Macros in definition order (built-ins whose value is computed are left out), for -dM. */
  macroList(): Macro[] {
    const r: Macro[] = [];
    for (const m of this.macros.values()) if (m.builtin === Builtin.None) r.push(m);
    return r;
  }

  // ---------------------------------------------------------------------------------------------
  // Set-up

  private buildChain(): void {
    const ip = this.opts.includePaths ?? {};
    const seen = new Set<string>();
    const sysDirs: string[] = [];
    for (const d of ip.system ?? []) sysDirs.push(d);
    if (!this.opts.nostdinc) {
      sysDirs.push(compilerIncludeDir());
      sysDirs.push(...targetSystemDirs(this.target, this.opts.sysroot));
    }
    const sysSet = new Set(sysDirs.map((d) => path.resolve(d)));
    const add = (d: string, system: boolean) => {
      const key = path.resolve(d);
      if (seen.has(key)) return;
      // gcc drops a -I dir that is also a system dir (the system one keeps its place)
      if (!system && sysSet.has(key)) return;
      seen.add(key);
      this.chain.push({ dir: d.length > 1 && d.endsWith('/') ? d.slice(0, -1) : d, system });
    };
    for (const d of ip.quote ?? []) add(d, false);
    const quoteCount = this.chain.length;
    seen.clear();
    for (const d of ip.angled ?? []) add(d, false);
    for (const d of sysDirs) add(d, true);
    for (const d of ip.after ?? []) add(d, true);
    this.angledStart = quoteCount;
  }

  private builtin(name: string, b: Builtin, funcLike = false): void {
    this.setMacro(name, new Macro(name, funcLike, [], false, NO_TOKENS, new Int16Array(0), null, b));
  }

  private defineBuiltins(): void {
    this.builtin('__FILE__', Builtin.File);
    this.builtin('__LINE__', Builtin.Line);
    this.builtin('__COUNTER__', Builtin.Counter);
    this.builtin('__INCLUDE_LEVEL__', Builtin.IncludeLevel);
    this.builtin('__BASE_FILE__', Builtin.BaseFile);
    this.builtin('__FILE_NAME__', Builtin.FileName);
    this.builtin('__TIMESTAMP__', Builtin.Timestamp);
    this.builtin('__DATE__', Builtin.Date);
    this.builtin('__TIME__', Builtin.Time);
    this.builtin('__has_include', Builtin.HasInclude, true);
    this.builtin('__has_include_next', Builtin.HasIncludeNext, true);
    this.builtin('__has_attribute', Builtin.HasAttribute, true);
    this.builtin('__has_c_attribute', Builtin.HasCAttribute, true);
    this.builtin('__has_cpp_attribute', Builtin.HasCppAttribute, true);
    this.builtin('__has_builtin', Builtin.HasBuiltin, true);
    this.builtin('__has_feature', Builtin.HasFeature, true);
    this.builtin('__has_extension', Builtin.HasExtension, true);
    this.builtin('_Pragma', Builtin.Pragma, true);
  }

  /** Run a piece of text (built-ins, command line) for its directives only. */
  private runText(name: string, text: string, system: boolean): void {
    const f = new SourceFile(nextFileId++, name, text, system);
    const saved = this.frames;
    const fr = new Frame(f, this.lexer(f), name, -1, system, null);
    this.frame = fr;
    this.frames = [fr];
    for (let t = this.next(); t.kind !== TK.EOF; t = this.next()) {
      /* directives only: other tokens are dropped */
    }
    this.frames = saved;
    this.frame = saved[saved.length - 1];
  }

  private runCommandLine(): void {
    const items = this.opts.cmdline ?? [];
    let text = '';
    for (const it of items) {
      if (it.kind === 'define') {
        const eq = it.value.indexOf('=');
        text += eq < 0 ? `#define ${it.value} 1\n` : `#define ${it.value.slice(0, eq)} ${it.value.slice(eq + 1)}\n`;
      } else if (it.kind === 'undef') text += `#undef ${it.value}\n`;
    }
    if (text) this.runText('<command-line>', text, false);
    const implicit = this.opts.implicitPredef ?? (!this.opts.nostdinc && !this.opts.freestanding);
    const mainFrame = this.frame;
    if (implicit) {
      const r = this.resolve('stdc-predef.h', false, false);
      if (r) this.includeForCommandLine(r.path, r.dirIdx, r.system, false, mainFrame);
    }
    for (const it of items) {
      if (it.kind !== 'imacros') continue;
      const r = this.resolveCmdline(it.value);
      this.includeForCommandLine(r.path, r.dirIdx, r.system, true, mainFrame);
    }
    for (const it of items) {
      if (it.kind !== 'include') continue;
      const r = this.resolveCmdline(it.value);
      this.includeForCommandLine(r.path, r.dirIdx, r.system, false, mainFrame);
    }
  }

  private resolveCmdline(name: string): { path: string; dirIdx: number; system: boolean } {
    // gcc looks for -include files in the current directory first, then the include chain
    if (this.exists(name)) return { path: name, dirIdx: -1, system: false };
    const r = this.resolve(name, true, false);
    if (!r) this.diag.fatal(null, `${name}: No such file or directory`);
    return r;
  }

  /** -include/-imacros: process a whole file now; -imacros drops its output. */
  private includeForCommandLine(p: string, dirIdx: number, system: boolean, macrosOnly: boolean, mainFrame: Frame): void {
    const c = this.load(p, system);
    const fr = new Frame(c, this.lexer(c), p, dirIdx, system, null);
    this.frames = [mainFrame, fr];
    this.frame = fr;
    this.noteIncluded(p, system);
    this.event('enter', p, 1, system ? ' 1 3 4' : ' 1');
    this.stopFrame = fr;
    for (;;) {
      const t = this.next();
      if (t.kind === TK.EOF) break;
      if (!macrosOnly) {
        this.out.push(t);
        this.emitted++;
      }
    }
    this.stopFrame = null;
    this.frames = [mainFrame];
    this.frame = mainFrame;
    this.event('leave', '<command-line>', 0, ' 2');
  }

  // ---------------------------------------------------------------------------------------------
  // Token reading

  /** Next token with macros expanded (what the parser sees). */
  next(): Token {
    // A macro that expands to nothing leaves the white space before its name to the token after it
    // (gcc's padding: `#x` of `a E()b` is "a b").
    let space = false;
    for (;;) {
      let t = this.read();
      if (space && t !== this.sentinel && t.kind !== TK.EOF) t = spaced(t);
      if (t.kind !== TK.Ident || (t.flags & TF.NoExpand) !== 0) return t;
      const m = this.macroOf(t);
      if (m === undefined) {
        if (this.poisoned.size !== 0 && this.poisoned.has(t.text)) this.diag.error(t, `attempt to use poisoned "${t.text}"`);
        if (this.inIf && t.text === 'defined') return this.definedOperator(t);
        return t;
      }
      if (m.disabled) return paint(t);
      if (m.builtin !== Builtin.None) {
        const r = this.expandBuiltin(t, m);
        if (r !== null) return space ? spaced(r) : r;
        continue;
      }
      const origin = t.origin ?? t;
      let body: Token[];
      if (!m.funcLike) body = m.body.length !== 0 ? this.copyBody(m, t, origin) : [];
      else {
        if (!this.peekLParen()) return t;
        const args = this.collectArgs(t, m);
        if (args === null) return t;
        body = m.hasOps ? this.substituteOps(m, t, origin, args) : this.substitute(m, t, origin, args);
      }
      if (body.length !== 0) this.push(m, body);
      else if (t.flags & (TF.Space | TF.BOL)) space = true;
    }
  }

  private push(m: Macro | null, toks: Token[]): void {
    if (m) m.disabled = true;
    this.ctxs.push({ toks, i: 0, macro: m });
  }

  /**
   * Next raw token: from the innermost unfinished macro context, else from the current file (where
   * directives are carried out and finished files are left). Never consumes a sentinel or the main
   * file's EOF.
   */
  private read(): Token {
    for (;;) {
      const n = this.ctxs.length;
      if (n !== 0) {
        const c = this.ctxs[n - 1];
        if (c.i < c.toks.length) {
          const t = c.toks[c.i];
          if (t === this.sentinel) return t;
          c.i++;
          return t;
        }
        this.ctxs.pop();
        if (c.macro) c.macro.disabled = false;
        continue;
      }
      const f = this.frame;
      const t = f.cur;
      if ((t.flags & TF.BOL) !== 0) {
        if (t.kind === TK.Hash) {
          f.cur = f.lx.next();
          const r = this.directive(f, t);
          if (r !== null) return r;
          continue;
        }
        if (t.kind === TK.EOF) {
          if (this.endFile(f)) continue;
          return t;
        }
      }
      f.cur = f.lx.next();
      if ((t.kind === TK.Char || t.kind === TK.String) && !this.opts.asm && !isTerminated(t)) this.unterminated(t);
      else if ((t.flags & TF.BadUcn) !== 0) this.badUcn(t);
      return t;
    }
  }

  private badUcn(t: Token): void {
    const m = /\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g;
    for (let r = m.exec(t.text); r; r = m.exec(t.text)) {
      const v = parseInt(r[1].slice(1), 16);
      if ((v < 0xa0 && v !== 0x24 && v !== 0x40 && v !== 0x60) || (v >= 0xd800 && v <= 0xdfff)) {
        this.diag.error({ file: t.file, pos: t.pos + r.index }, `\\${r[1]} is not a valid universal character`);
        return;
      }
    }
  }

  private unterminated(t: Token): void {
    this.diag.warning(null, t, `missing terminating ${t.kind === TK.Char ? "'" : '"'} character`);
  }

  /** Is the next token a '(' (looking past finished contexts and line ends, but not past a directive)? */
  private peekLParen(): boolean {
    for (;;) {
      const n = this.ctxs.length;
      if (n !== 0) {
        const c = this.ctxs[n - 1];
        if (c.i < c.toks.length) return c.toks[c.i].kind === TK.LParen;
        this.ctxs.pop();
        if (c.macro) c.macro.disabled = false;
        continue;
      }
      return this.frame.cur.kind === TK.LParen;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Macro expansion

  private copyBody(m: Macro, name: Token, origin: Token): Token[] {
    const body = m.body;
    const out = new Array<Token>(body.length);
    for (let i = 0; i < body.length; i++) {
      const b = body[i];
      out[i] = new Token(b.kind, b.text, b.file, b.pos, (b.flags & ~(TF.BOL | TF.Space)) | (b.flags & (TF.BOL | TF.Space) ? TF.Space : 0) | TF.Expanded, origin, b.id);
    }
    if (out.length) out[0].flags = (out[0].flags & ~TF.Space) | (name.flags & TF.Space);
    return out;
  }

  /** Collect the arguments of a function-like macro; the '(' is next. Returns null after an error. */
  private collectArgs(name: Token, m: Macro): Token[][] | null {
    this.read(); // '('
    const args: Token[][] = [];
    let cur: Token[] = [];
    let depth = 0;
    const nparams = m.params.length;
    for (;;) {
      let t = this.read();
      if (t.kind === TK.EOF) {
        this.diag.error(name, `unterminated argument list invoking macro "${m.name}"`);
        return null;
      }
      if (t.kind === TK.LParen) depth++;
      else if (t.kind === TK.RParen) {
        if (depth === 0) {
          args.push(cur);
          return this.checkArgs(name, m, args, t);
        }
        depth--;
      } else if (t.kind === TK.Comma && depth === 0 && !(m.variadic && args.length === nparams - 1)) {
        args.push(cur);
        cur = [];
        continue;
      } else if (t.kind === TK.Ident && (t.flags & TF.NoExpand) === 0) {
        const mm = this.macroOf(t);
        if (mm !== undefined && mm.disabled) t = paint(t);
      } else if (t.kind === TK.Pragma) {
        continue;
      }
      cur.push(t);
    }
  }

  private checkArgs(name: Token, m: Macro, args: Token[][], close: Token): Token[][] | null {
    const np = m.params.length;
    if (np === 0) {
      if (args.length === 1 && args[0].length === 0) return [];
      this.diag.error(close, `macro "${m.name}" passed ${args.length} arguments, but takes just 0`);
      return null;
    }
    if (args.length === np) return args;
    if (m.variadic && args.length === np - 1) {
      if (np > 1 && this.opts.pedantic) this.diag.pedwarn(null, close, `ISO C99 requires at least one argument for the "..." in a variadic macro`);
      args.push(NO_TOKENS);
      (args as { absentVa?: boolean }).absentVa = true;
      return args;
    }
    if (args.length < np) {
      this.diag.error(close, `macro "${m.name}" requires ${np} arguments, but only ${args.length} given`);
      if (m.def) this.diag.note(m.def, `macro "${m.name}" defined here`);
    } else {
      this.diag.error(close, `macro "${m.name}" passed ${args.length} arguments, but takes just ${np}`);
      if (m.def) this.diag.note(m.def, `macro "${m.name}" defined here`);
    }
    void name;
    return null;
  }

  /** Fully macro-expand an argument on its own (C17 6.10.3.1). */
  private expandArg(arg: Token[]): Token[] {
    let needs = false;
    for (let i = 0; i < arg.length; i++) {
      const t = arg[i];
      if (t.kind === TK.Ident && (t.flags & TF.NoExpand) === 0 && this.macroOf(t) !== undefined) { needs = true; break; }
    }
    if (!needs) return arg;
    const toks = arg.slice();
    toks.push(this.sentinel);
    const ctx: Ctx = { toks, i: 0, macro: null };
    this.ctxs.push(ctx);
    const out: Token[] = [];
    for (;;) {
      const t = this.next();
      if (t === this.sentinel) break;
      out.push(t);
    }
    // pop our context (anything above it is finished)
    while (this.ctxs.length && this.ctxs[this.ctxs.length - 1] !== ctx) {
      const c = this.ctxs.pop()!;
      if (c.macro) c.macro.disabled = false;
    }
    this.ctxs.pop();
    return out;
  }

  /** Substitution when the body has no # ## or __VA_OPT__. */
  private substitute(m: Macro, name: Token, origin: Token, args: Token[][]): Token[] {
    const body = m.body, pidx = m.paramIdx;
    const out: Token[] = [];
    const expanded: (Token[] | undefined)[] = [];
    for (let i = 0; i < body.length; i++) {
      const b = body[i];
      const p = pidx[i];
      if (p < 0) {
        out.push(expCopy(b, origin, b.flags & (TF.BOL | TF.Space) ? TF.Space : 0));
        continue;
      }
      let e = expanded[p];
      if (e === undefined) e = expanded[p] = this.expandArg(args[p]);
      this.pushArg(out, e, origin, b);
    }
    if (out.length) out[0].flags = (out[0].flags & ~TF.Space) | (name.flags & TF.Space);
    return out;
  }

  private pushArg(out: Token[], toks: Token[], origin: Token, param: Token): void {
    for (let k = 0; k < toks.length; k++) {
      const a = toks[k];
      const sp = k === 0 ? (param.flags & (TF.BOL | TF.Space) ? TF.Space : 0) : (a.flags & (TF.BOL | TF.Space) ? TF.Space : 0);
      out.push(expCopy(a, origin, sp));
    }
  }

  /** Substitution with #, ## and __VA_OPT__ (C17 6.10.3.2, 6.10.3.3; C2x 6.10.4.1). */
  private substituteOps(m: Macro, name: Token, origin: Token, args: Token[][]): Token[] {
    const expanded: (Token[] | undefined)[] = [];
    const exp = (p: number) => expanded[p] ?? (expanded[p] = this.expandArg(args[p]));
    const out: Token[] = [];
    this.substRange(m, origin, args, exp, 0, m.body.length, out);
    const r: Token[] = [];
    for (const t of out) if (t.kind !== PLACEMARKER || t.text !== '') r.push(t);
    if (r.length) r[0].flags = (r[0].flags & ~TF.Space) | (name.flags & TF.Space);
    return r;
  }

  private placemarker(origin: Token): Token {
    return new Token(PLACEMARKER, '', origin.file, origin.pos, TF.Expanded, origin);
  }

  private vaOptEnd(m: Macro, i: number): number {
    // body[i] is __VA_OPT__, body[i+1] '(' (checked at #define); returns the index of the matching ')'
    let depth = 0;
    for (let j = i + 1; j < m.body.length; j++) {
      const k = m.body[j].kind;
      if (k === TK.LParen) depth++;
      else if (k === TK.RParen && --depth === 0) return j;
    }
    return m.body.length;
  }

  private substRange(m: Macro, origin: Token, args: Token[][], exp: (p: number) => Token[], from: number, to: number, out: Token[]): void {
    const body = m.body, pidx = m.paramIdx;
    const last = m.params.length - 1;
    for (let i = from; i < to; i++) {
      const b = body[i];
      const p = pidx[i];
      if (b.kind === TK.Hash && m.funcLike && i + 1 < to && pidx[i + 1] >= 0) {
        out.push(this.stringify(args[pidx[i + 1]], b, origin));
        i++;
        continue;
      }
      if (b.kind === TK.HashHash && i > from) {
        // operand on the right: a parameter (raw), __VA_OPT__(...) or a token
        let rhs: Token[];
        const rp = pidx[i + 1];
        const rb = body[i + 1];
        if (rp >= 0) {
          if (m.variadic && rp === last && out.length && out[out.length - 1].kind === TK.Comma && rb.text === m.params[last]) {
            // GNU: `, ## __VA_ARGS__` drops the comma when the variable arguments are absent or empty
            const absent = (args as { absentVa?: boolean }).absentVa === true;
            if (args[rp].length === 0 && (absent || (!this.strict && m.params.length === 1))) out.pop();
            else this.pushArg(out, args[rp], origin, rb);
            i++;
            continue;
          }
          rhs = args[rp];
          i++;
        } else if (m.variadic && rb && rb.kind === TK.Ident && rb.text === '__VA_OPT__') {
          const end = this.vaOptEnd(m, i + 1);
          rhs = [];
          if (exp(last).length !== 0) this.substRange(m, origin, args, exp, i + 3, end, rhs);
          i = end;
        } else {
          rhs = [rb];
          i++;
        }
        const lhs = out.pop();
        if (rhs.length === 0) {
          if (lhs) out.push(lhs);
          continue;
        }
        if (!lhs || (lhs.kind === PLACEMARKER && lhs.text === '')) {
          this.pushArg(out, rhs, origin, rb);
          continue;
        }
        const pasted = this.paste(lhs, rhs[0], origin);
        if (pasted) out.push(pasted);
        else {
          out.push(lhs);
          out.push(expCopy(rhs[0], origin, 0));
        }
        for (let k = 1; k < rhs.length; k++) out.push(expCopy(rhs[k], origin, rhs[k].flags & (TF.Space | TF.BOL) ? TF.Space : 0));
        continue;
      }
      if (p >= 0) {
        const nextPaste = i + 1 < to && body[i + 1].kind === TK.HashHash;
        const toks = nextPaste ? args[p] : exp(p);
        if (toks.length === 0) out.push(this.placemarker(origin));
        else this.pushArg(out, toks, origin, b);
        continue;
      }
      if (m.variadic && b.kind === TK.Ident && b.text === '__VA_OPT__' && i + 1 < to && body[i + 1].kind === TK.LParen) {
        const end = this.vaOptEnd(m, i);
        const inner: Token[] = [];
        if (exp(last).length !== 0) this.substRange(m, origin, args, exp, i + 2, end, inner);
        if (inner.length === 0) out.push(this.placemarker(origin));
        else {
          inner[0].flags = (inner[0].flags & ~TF.Space) | (b.flags & (TF.Space | TF.BOL) ? TF.Space : 0);
          for (const t of inner) out.push(t);
        }
        i = end;
        continue;
      }
      out.push(expCopy(b, origin, b.flags & (TF.BOL | TF.Space) ? TF.Space : 0));
    }
  }

  /** The # operator. */
  private stringify(arg: Token[], hash: Token, origin: Token): Token {
    let s = '"';
    for (let k = 0; k < arg.length; k++) {
      const t = arg[k];
      if (k > 0 && (t.flags & (TF.Space | TF.BOL)) !== 0) s += ' ';
      if (t.kind === TK.String || t.kind === TK.Char) s += t.text.replace(/[\\"]/g, '\\$&');
      else s += t.text;
    }
    s += '"';
    // (the string keeps the white space before the '#': a later stringification shows it)
    return new Token(TK.String, s, hash.file, hash.pos, (hash.flags & (TF.Space | TF.BOL) ? TF.Space : 0) | TF.Expanded, origin);
  }

  /** The ## operator: one token spelled as the two spellings joined, or null (error reported). */
  private paste(l: Token, r: Token, origin: Token): Token | null {
    const text = l.text + r.text;
    const sp = l.flags & TF.Space;
    let kind: TK | -1 = -1;
    if (l.kind === TK.Ident && (r.kind === TK.Ident || r.kind === TK.Number) && /^[\w$]+$/.test(r.text)) kind = TK.Ident;
    else if (l.kind === TK.Number && (r.kind === TK.Ident || r.kind === TK.Number) && /^[\w$.]+$/.test(r.text)) kind = TK.Number;
    else {
      const tmp = new SourceFile(-1, '<paste>', text);
      const quiet = new Diagnostics(this.diag.opts, () => {});
      const toks = lex(tmp, quiet);
      if (toks.length === 2 && toks[0].text === text && quiet.errors === 0 &&
          !((toks[0].kind === TK.String || toks[0].kind === TK.Char) && !isTerminated(toks[0]))) kind = toks[0].kind;
    }
    if (kind === -1) {
      // gcc: an error in C; when preprocessing assembly the two tokens are simply kept side by side
      if (!this.opts.asm) this.diag.error(l.origin ?? l, `pasting "${l.text}" and "${r.text}" does not give a valid preprocessing token`);
      return null;
    }
    return new Token(kind, text, l.file, l.pos, sp | TF.Expanded, origin);
  }

  // ---------------------------------------------------------------------------------------------
  // Built-in macros

  private numberTok(v: number | string, at: Token): Token {
    return new Token(TK.Number, String(v), at.file, at.pos, (at.flags & (TF.Space | TF.BOL) ? TF.Space : 0) | TF.Expanded, at.origin ?? at);
  }

  private stringTok(s: string, at: Token): Token {
    return new Token(TK.String, '"' + s.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n') + '"', at.file, at.pos,
      (at.flags & (TF.Space | TF.BOL) ? TF.Space : 0) | TF.Expanded, at.origin ?? at);
  }

  /** Where a built-in is expanded: the outermost macro invocation, or the token itself. */
  private presumed(t: Token): { name: string; line: number } {
    const o = t.origin ?? t;
    if (o.file === SENTINEL_FILE || o.file.id < 0) {
      const f = this.frame;
      return f.file.presumed(f.cur.pos);
    }
    return o.file.presumed(o.pos);
  }

  private expandBuiltin(t: Token, m: Macro): Token | null {
    switch (m.builtin) {
      case Builtin.File: return this.stringTok(this.remapFile(this.presumed(t).name), t);
      case Builtin.Line: return this.numberTok(this.presumed(t).line, t);
      case Builtin.Counter: return this.numberTok(this.counter++, t);
      case Builtin.IncludeLevel: return this.numberTok(Math.max(0, this.frames.length - 1), t);
      case Builtin.BaseFile: return this.stringTok(this.remapFile(this.baseFile), t);
      case Builtin.FileName: return this.stringTok(path.basename(this.presumed(t).name), t);
      case Builtin.Timestamp: return this.stringTok(this.timestamp(), t);
      case Builtin.Date: {
        const d = this.now;
        const day = this.nowFromEpoch ? d.getUTCDate() : d.getDate();
        const mon = this.nowFromEpoch ? d.getUTCMonth() : d.getMonth();
        const yr = this.nowFromEpoch ? d.getUTCFullYear() : d.getFullYear();
        return this.stringTok(`${MONTHS[mon]} ${String(day).padStart(2, ' ')} ${yr}`, t);
      }
      case Builtin.Time: {
        const d = this.now;
        const p2 = (n: number) => String(n).padStart(2, '0');
        const u = this.nowFromEpoch;
        return this.stringTok(`${p2(u ? d.getUTCHours() : d.getHours())}:${p2(u ? d.getUTCMinutes() : d.getMinutes())}:${p2(u ? d.getUTCSeconds() : d.getSeconds())}`, t);
      }
      case Builtin.Pragma: return this.pragmaOperator(t);
    }
    // the __has_* operators take a parenthesised operand
    const lp = this.read();
    if (lp.kind !== TK.LParen) {
      this.diag.error(t, `missing '(' after "${t.text}"`);
      if (lp.kind !== TK.EOF) this.unread(lp);
      return this.numberTok(0, t);
    }
    let v = 0;
    if (m.builtin === Builtin.HasInclude || m.builtin === Builtin.HasIncludeNext) {
      v = this.hasInclude(t, m.builtin === Builtin.HasIncludeNext) ? 1 : 0;
    } else {
      // an identifier, possibly scoped: gnu::packed, __gnu__::__packed__
      const parts: string[] = [];
      for (;;) {
        const a = this.read();
        if (a.kind === TK.RParen || a.kind === TK.EOF) {
          if (a.kind === TK.EOF) this.diag.error(t, `missing ')' after "${t.text}" operand`);
          break;
        }
        parts.push(a.text);
      }
      const s = parts.join('');
      v = this.featureValue(m.builtin, s);
      return this.numberTok(v, t);
    }
    return this.numberTok(v, t);
  }

  private unread(t: Token): void {
    const n = this.ctxs.length;
    if (n !== 0 && this.ctxs[n - 1].i > 0 && this.ctxs[n - 1].toks[this.ctxs[n - 1].i - 1] === t) this.ctxs[n - 1].i--;
    else this.ctxs.push({ toks: [t], i: 0, macro: null });
  }

  private featureValue(b: Builtin, s: string): number {
    const bare = (x: string) => (x.startsWith('__') && x.endsWith('__') && x.length > 4 ? x.slice(2, -2) : x);
    switch (b) {
      case Builtin.HasAttribute: case Builtin.HasCppAttribute: {
        const k = s.indexOf('::');
        if (k >= 0) {
          const ns = bare(s.slice(0, k));
          return ns === 'gnu' && GNU_ATTRIBUTES.has(bare(s.slice(k + 2))) ? 1 : 0;
        }
        const n = bare(s);
        if (C_ATTRIBUTES.has(n) && !GNU_ATTRIBUTES.has(n)) return C_ATTRIBUTES.get(n)!;
        if (n === 'fallthrough') return C_ATTRIBUTES.get(n)!;
        return GNU_ATTRIBUTES.has(n) ? 1 : 0;
      }
      case Builtin.HasCAttribute: {
        const k = s.indexOf('::');
        if (k >= 0) return bare(s.slice(0, k)) === 'gnu' && GNU_ATTRIBUTES.has(bare(s.slice(k + 2))) ? 1 : 0;
        return C_ATTRIBUTES.get(bare(s)) ?? 0;
      }
      case Builtin.HasBuiltin: return BUILTINS.has(s) || tableHasBuiltin(s, this.target.arch === 'x86_64' || this.target.arch === 'i386') ? 1 : 0;
      case Builtin.HasFeature: case Builtin.HasExtension: return FEATURES.get(s) ?? 0;
    }
    return 0;
  }

  private hasInclude(t: Token, next: boolean): boolean {
    const a = this.read();
    let name = '';
    let quoted = false;
    let close: Token;
    if (a.kind === TK.String && a.text.startsWith('"')) {
      name = a.text.slice(1, -1);
      quoted = true;
      close = this.read();
    } else if (a.kind === TK.Lt) {
      for (;;) {
        const b = this.read();
        if (b.kind === TK.Gt || b.kind === TK.EOF) break;
        if (name && b.flags & (TF.Space | TF.BOL)) name += ' ';
        name += b.text;
      }
      close = this.read();
    } else {
      this.diag.error(a, `operator "${t.text}" requires a header-name`);
      return false;
    }
    if (close.kind !== TK.RParen) this.diag.error(close, `missing ')' after "${t.text}" operand`);
    return this.resolve(name, quoted, next) !== null;
  }

  private timestamp(): string {
    try {
      const st = fs.statSync(this.frame.path);
      const d = st.mtime;
      const p2 = (n: number) => String(n).padStart(2, '0');
      return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())} ${d.getFullYear()}`;
    } catch {
      return '??? ??? ?? ??:??:?? ????';
    }
  }

  /** `defined X` / `defined(X)` inside #if. */
  private definedOperator(t: Token): Token {
    let a = this.read();
    const paren = a.kind === TK.LParen;
    if (paren) a = this.read();
    if (a.kind !== TK.Ident) {
      this.diag.error(a.kind === TK.EOF ? t : a, 'operator "defined" requires an identifier');
      if (a.kind === TK.EOF) this.unread(a);
      return this.numberTok(0, t);
    }
    if (paren) {
      const c = this.read();
      if (c.kind !== TK.RParen) {
        this.diag.error(c.kind === TK.EOF ? a : c, 'missing \')\' after "defined"');
        if (c.kind === TK.EOF) this.unread(c);
      }
    }
    if (t.flags & TF.Expanded) this.diag.warning('expansion-to-defined', t, 'this use of "defined" may not be portable');
    return this.numberTok(this.macroOf(a) !== undefined ? 1 : 0, t);
  }

  // ---------------------------------------------------------------------------------------------
  // Files

  private exists(p: string): boolean {
    let e = this.statCache.get(p);
    if (e === undefined) {
      // ENOTDIR ("a.h/x"), ENAMETOOLONG, EACCES: all mean "not found here", as in gcc's search
      let st: fs.Stats | undefined;
      try { st = fs.statSync(p, { throwIfNoEntry: false }); } catch { st = undefined; }
      e = st !== undefined && st.isFile();
      this.statCache.set(p, e);
    }
    return e;
  }

  private readText(p: string, at: Loc | null): string {
    try {
      return decodeSource(fs.readFileSync(p));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = err.code === 'ENOENT' ? 'No such file or directory' : err.code === 'EISDIR' ? 'Is a directory' : err.message;
      this.diag.fatal(at, `${p}: ${why}`);
    }
  }

  /** A file's text (read once per path; it is lexed again at each inclusion). */
  private load(p: string, system: boolean, at: Loc | null = null): SourceFile {
    let c = this.fileCache.get(p);
    if (c === undefined) {
      c = new SourceFile(nextFileId++, p, this.readText(p, at), system);
      this.fileCache.set(p, c);
    }
    return c;
  }

  private realpath(p: string): string {
    let r = this.realCache.get(p);
    if (r === undefined) {
      try { r = fs.realpathSync(p); } catch { r = path.resolve(p); }
      this.realCache.set(p, r);
    }
    return r;
  }

  /** Find a header: returns its path, the chain index it was found at and whether it is a system header. */
  private resolve(name: string, quoted: boolean, next: boolean): { path: string; dirIdx: number; system: boolean } | null {
    if (path.isAbsolute(name)) return this.exists(name) ? { path: name, dirIdx: -1, system: false } : null;
    let start = quoted ? 0 : this.angledStart;
    const f = this.frame;
    if (next && f && f.dirIdx >= 0) start = f.dirIdx + 1;
    else if (quoted && f) {
      // the including file's own folder first
      const slash = f.path.lastIndexOf('/');
      const p = slash < 0 ? name : f.path.slice(0, slash + 1) + name;
      if (f.path !== '<stdin>' && this.exists(p)) return { path: p, dirIdx: -1, system: f.system };
      if (f.path === '<stdin>' && this.exists(name)) return { path: name, dirIdx: -1, system: false };
    }
    const chain = this.chain;
    for (let k = start; k < chain.length; k++) {
      const d = chain[k];
      const p = d.dir === '' ? name : d.dir + '/' + name;
      if (this.exists(p)) return { path: p, dirIdx: k, system: d.system };
    }
    return null;
  }

  private noteIncluded(p: string, system: boolean): void {
    if (this.includedSet.has(p)) return;
    this.includedSet.add(p);
    this.includedFiles.push({ path: p, system });
  }

  /** Leave a finished file. Returns false at the end of the main file. */
  private endFile(f: Frame): boolean {
    for (const c of f.conds) this.diag.error(c.tok, `unterminated #${c.kind}`);
    f.conds.length = 0;
    if (this.frames.length === 1 || f === this.stopFrame) return false;
    // (the messages about a file after it is left, at the end of the unit, show where it was included)
    const chain: Token[] = [];
    for (let j = this.frames.length - 1; j > 0; j--) { const at = this.frames[j].includedAt; if (at) chain.push(at); }
    this.leftChains.set(f.file, chain);
    this.frames.pop();
    const parent = this.frames[this.frames.length - 1];
    this.frame = parent;
    const inc = f.includedAt;
    this.diag.pragmas.enter(parent.file, inc && inc.file === parent.file ? inc.pos : 0);
    const line = inc && inc.file === parent.file ? parent.file.presumed(inc.pos).line + 1 : 1;
    this.event('leave', parent.file.presumed(inc ? inc.pos : 0).name, line, ' 2' + (parent.system ? ' 3 4' : ''));
    return true;
  }

  /** The include chain (innermost first) of each file that was left. */
  private leftChains = new Map<SourceFile, Token[]>();

  private includeContext(loc: Loc): string[] {
    const lines: string[] = [];
    let k = this.frames.length - 1;
    while (k > 0 && this.frames[k].file !== loc.file) k--;
    const chain: Token[] = [];
    if (k > 0) { for (let j = k; j > 0; j--) { const at = this.frames[j].includedAt; if (at) chain.push(at); } }
    else if (this.frames.length <= 1 || this.frames[0].file !== loc.file) chain.push(...(this.leftChains.get(loc.file) ?? []));
    for (const at of chain) {
      const p = at.file.presumed(at.pos);
      lines.push(`${lines.length === 0 ? 'In file included from' : '                 from'} ${p.name}:${p.line}`);
    }
    for (let j = 0; j < lines.length; j++) lines[j] += j === lines.length - 1 ? ':' : ',';
    return lines;
  }

  private event(kind: PPEvent['kind'], name: string, line: number, flags: string): void {
    this.events.push({ at: this.emitted, kind, name, line, flags });
  }

  // ---------------------------------------------------------------------------------------------
  // Directives

  /** Carry out the directive whose '#' was just read. Returns a token for directives that produce one. */
  private directive(f: Frame, hash: Token): Token | null {
    // gather the directive's line: [hash, name, ...]; f.cur is left at the next line's first token
    const toks = [hash];
    for (let t = f.cur; (t.flags & TF.BOL) === 0; t = f.cur) {
      toks.push(t);
      f.cur = f.lx.next();
    }
    f.toks = toks;
    const start = 1;
    const end = toks.length;
    if (start === end) return null; // null directive
    const d = toks[start];
    if (d.kind === TK.Number) {
      // GNU line marker: # 33 "file" flags. In assembly (gcc's CLK_ASM) '# 32-bit ...' is a comment
      // line and passes through unchanged.
      if (this.opts.asm) return this.passThrough(f, hash, start, end);
      this.lineDirective(f, hash, start, end, true);
      return null;
    }
    if (d.kind !== TK.Ident) {
      if (this.opts.asm) return this.passThrough(f, hash, start, end);
      this.diag.error(d, `invalid preprocessing directive`);
      return null;
    }
    switch (d.text) {
      case 'define': this.doDefine(f, start + 1, end, d); return null;
      case 'undef': this.doUndef(f, start + 1, end, d); return null;
      case 'include': this.doInclude(f, start + 1, end, d, false); return null;
      case 'include_next': this.doInclude(f, start + 1, end, d, true); return null;
      case 'import': this.doInclude(f, start + 1, end, d, false); return null;
      case 'if': this.doIf(f, hash, start, end, 'if'); return null;
      case 'ifdef': this.doIf(f, hash, start, end, 'ifdef'); return null;
      case 'ifndef': this.doIf(f, hash, start, end, 'ifndef'); return null;
      case 'elif': case 'elifdef': case 'elifndef': this.doElif(f, start, end, d); return null;
      case 'else': this.doElse(f, start, end, d); return null;
      case 'endif': this.doEndif(f, start, end, d); return null;
      case 'line': this.lineDirective(f, hash, start + 1, end, false); return null;
      case 'error': this.diag.error(d, '#' + this.restText(f, start, end)); return null;
      case 'warning': this.diag.warning('cpp', d, '#' + this.restText(f, start, end)); return null;
      case 'pragma': return this.doPragma(toks, start + 1, end, d, hash);
      case 'ident': case 'sccs': {
        const s = toks[start + 1];
        if (start + 1 >= end || s.kind !== TK.String) {
          this.diag.error(d, `invalid #${d.text} directive`);
          return null;
        }
        return new Token(TK.Pragma, s.text, d.file, d.pos, TF.BOL | TF.IdentDirective, null);
      }
      case 'assert': case 'unassert': this.doAssert(f, start + 1, end, d); return null;
    }
    if (this.opts.asm) return this.passThrough(f, hash, start, end);
    this.diag.error(d, `invalid preprocessing directive #${d.text}`);
    return null;
  }

  /** In assembly, an unknown "# text" line is an assembler comment: give its tokens to the output. */
  private passThrough(f: Frame, hash: Token, start: number, end: number): Token | null {
    const toks = [hash, ...f.toks.slice(start, end)];
    this.ctxs.push({ toks: toks.slice(1), i: 0, macro: null });
    return hash;
  }

  /** Text of a directive after its name, as written (for #error/#warning). */
  private restText(f: Frame, start: number, end: number): string {
    const first = f.toks[start];
    const last = f.toks[end - 1];
    return f.file.text.slice(first.pos, last.pos + last.text.length);
  }

  private checkExtra(f: Frame, i: number, end: number, what: string): void {
    if (i < end) this.diag.pedwarn('endif-labels', f.toks[i], `extra tokens at end of #${what} directive`);
  }

  private macroName(f: Frame, i: number, end: number, d: Token): Token | null {
    if (i >= end) {
      this.diag.error(d, `no macro name given in #${d.text} directive`);
      return null;
    }
    const n = f.toks[i];
    if (n.kind !== TK.Ident) {
      this.diag.error(n, 'macro names must be identifiers');
      return null;
    }
    if (n.text === 'defined') {
      this.diag.error(n, '"defined" cannot be used as a macro name');
      return null;
    }
    return n;
  }

  private doDefine(f: Frame, i: number, end: number, d: Token): void {
    const n = this.macroName(f, i, end, d);
    if (!n) return;
    const m = this.parseMacro(f.toks, i + 1, end, n);
    if (m) this.define(m, n);
  }

  private define(m: Macro, at: Token): void {
    const old = this.macros.get(m.name);
    if (old) {
      if (old.builtin !== Builtin.None) {
        this.diag.warning('builtin-macro-redefined', at, `"${m.name}" redefined`);
      } else if (!old.sameAs(m)) {
        if (this.diag.pedwarn('cpp', at, `"${m.name}" redefined`) && old.def) this.diag.note(old.def, 'this is the location of the previous definition');
      }
      this.deleteMacro(m.name);
    }
    this.setMacro(m.name, m);
    if (this.recordDefines) this.event('define', '#define ' + m.definitionText(), 0, '');
  }

  /** Parse a macro definition: tokens [i, end) follow the name. */
  private parseMacro(toks: Token[], i: number, end: number, name: Token): Macro | null {
    const params: string[] = [];
    let variadic = false;
    let funcLike = false;
    if (i < end && toks[i].kind === TK.LParen && (toks[i].flags & TF.Space) === 0) {
      funcLike = true;
      i++;
      for (;;) {
        if (i >= end) {
          this.diag.error(name, "missing ')' in macro parameter list");
          return null;
        }
        const t = toks[i];
        if (t.kind === TK.RParen && params.length === 0) { i++; break; }
        if (t.kind === TK.Ellipsis) {
          variadic = true;
          params.push('__VA_ARGS__');
          i++;
          if (i >= end || toks[i].kind !== TK.RParen) {
            this.diag.error(i < end ? toks[i] : t, "missing ')' in macro parameter list");
            return null;
          }
          i++;
          break;
        }
        if (t.kind !== TK.Ident) {
          this.diag.error(t, `expected parameter name, found "${t.text}"`);
          return null;
        }
        if (params.includes(t.text)) {
          this.diag.error(t, `duplicate macro parameter "${t.text}"`);
          return null;
        }
        if (t.text === '__VA_ARGS__') this.diag.pedwarn(null, t, '__VA_ARGS__ can only appear in the expansion of a C99 variadic macro');
        params.push(t.text);
        i++;
        const s = i < end ? toks[i] : null;
        if (s && s.kind === TK.Ellipsis) {
          variadic = true;
          i++;
          if (i >= end || toks[i].kind !== TK.RParen) {
            this.diag.error(i < end ? toks[i] : s, "missing ')' in macro parameter list");
            return null;
          }
          i++;
          break;
        }
        if (s && s.kind === TK.Comma) { i++; continue; }
        if (s && s.kind === TK.RParen) { i++; break; }
        if (!s) this.diag.error(t, "missing ')' in macro parameter list");
        else this.diag.error(s, `expected ',' or ')', found "${s.text}"`);
        return null;
      }
    } else if (i < end && (toks[i].flags & TF.Space) === 0) {
      this.diag.pedwarn(null, toks[i], 'ISO C99 requires whitespace after the macro name');
    }
    const body = toks.slice(i, end);
    const pidx = new Int16Array(body.length).fill(-1);
    let hasOps = false;
    for (let k = 0; k < body.length; k++) {
      const t = body[k];
      if (t.kind === TK.Ident) {
        if (funcLike) {
          const p = params.indexOf(t.text);
          if (p >= 0) pidx[k] = p;
        }
        if (t.text === '__VA_OPT__' && variadic) {
          hasOps = true;
          if (k + 1 >= body.length || body[k + 1].kind !== TK.LParen) {
            this.diag.error(t, '__VA_OPT__ must be followed by an open parenthesis');
            return null;
          }
          let depth = 0, j = k + 1;
          for (; j < body.length; j++) {
            if (body[j].kind === TK.LParen) depth++;
            else if (body[j].kind === TK.RParen && --depth === 0) break;
          }
          if (j >= body.length) { this.diag.error(t, 'unterminated __VA_OPT__'); return null; }
        } else if (t.text === '__VA_ARGS__' && !(variadic && params[params.length - 1] === '__VA_ARGS__')) {
          this.diag.pedwarn(null, t, '__VA_ARGS__ can only appear in the expansion of a C99 variadic macro');
        }
      } else if (t.kind === TK.HashHash) {
        hasOps = true;
        if (k === 0 || k === body.length - 1) {
          this.diag.error(t, "'##' cannot appear at either end of a macro expansion");
          return null;
        }
      } else if (t.kind === TK.Hash && funcLike) {
        hasOps = true;
        const nx = body[k + 1];
        const isParam = nx && nx.kind === TK.Ident && (params.includes(nx.text) || (variadic && nx.text === '__VA_OPT__'));
        if (!isParam && !this.opts.asm) {
          this.diag.error(t, "'#' is not followed by a macro parameter");
          return null;
        }
      }
    }
    return new Macro(name.text, funcLike, params, variadic, body, pidx, name, Builtin.None, hasOps);
  }

  private doUndef(f: Frame, i: number, end: number, d: Token): void {
    const n = this.macroName(f, i, end, d);
    if (!n) return;
    const m = this.macros.get(n.text);
    if (m && m.builtin !== Builtin.None) this.diag.warning('builtin-macro-redefined', n, `undefining "${n.text}"`);
    this.checkExtra(f, i + 1, end, 'undef');
    this.deleteMacro(n.text);
    if (this.recordDefines) this.event('undef', '#undef ' + n.text, 0, '');
  }

  private doInclude(f: Frame, i: number, end: number, d: Token, next: boolean): void {
    const toks = f.toks;
    let name = '';
    let quoted = false;
    let nameTok: Token;
    if (i >= end) {
      this.diag.error(d, `#${d.text} expects "FILENAME" or <FILENAME>`);
      return;
    }
    const t = toks[i];
    nameTok = t;
    let rest = i + 1;
    if (t.kind === TK.String && t.text[0] === '"') {
      name = t.text.slice(1, t.text.length - 1);
      quoted = true;
    } else if (t.kind === TK.Lt) {
      let j = i + 1;
      while (j < end && toks[j].kind !== TK.Gt) j++;
      if (j >= end) {
        this.diag.error(t, `missing terminating > character`);
        return;
      }
      name = f.file.text.slice(t.pos + 1, toks[j].pos);
      rest = j + 1;
    } else {
      // computed include: expand the line, then look again
      const exp = this.expandLine(toks, i, end);
      if (exp.length && exp[0].kind === TK.String && exp[0].text[0] === '"') {
        name = exp[0].text.slice(1, -1);
        quoted = true;
      } else if (exp.length && exp[0].kind === TK.Lt) {
        let j = 1;
        for (; j < exp.length && exp[j].kind !== TK.Gt; j++) {
          if (j > 1 && exp[j].flags & (TF.Space | TF.BOL)) name += ' ';
          name += exp[j].text;
        }
        if (j >= exp.length) {
          this.diag.error(t, 'missing terminating > character');
          return;
        }
      } else {
        this.diag.error(t, `#${d.text} expects "FILENAME" or <FILENAME>`);
        return;
      }
      rest = end;
    }
    this.checkExtra(f, rest, end, d.text);
    if (name === '') {
      this.diag.error(nameTok, `empty filename in #${d.text}`);
      return;
    }
    if (next && this.frames.length === 1) {
      this.diag.warning(null, d, `#include_next in primary source file`);
      next = false;
    }
    const r = this.resolve(name, quoted, next);
    if (!r) this.diag.fatal(nameTok, `${name}: No such file or directory`);
    this.enterFile(r.path, r.dirIdx, r.system, d);
  }

  private enterFile(p: string, dirIdx: number, system: boolean, at: Token): void {
    const guard = this.guards.get(p);
    if (guard !== undefined && this.macros.has(guard)) return;
    if (this.once.size && this.once.has(this.realpath(p))) return;
    if (this.frames.length >= 200) this.diag.fatal(at, `#include nested depth ${this.frames.length} exceeds maximum of 200 (use -fmax-include-depth=DEPTH to increase the maximum)`);
    const c = this.load(p, system, at);
    this.noteIncluded(p, system);
    const fr = new Frame(c, this.lexer(c), p, dirIdx, system || c.system, at);
    this.frames.push(fr);
    this.frame = fr;
    this.diag.pragmas.enter(c, 0);
    this.event('enter', p, 1, fr.system ? ' 1 3 4' : ' 1');
  }

  /** Macro-expand directive tokens [i, end) (for computed #include and #line). */
  private expandLine(toks: Token[], i: number, end: number): Token[] {
    const list = toks.slice(i, end);
    list.push(this.sentinel);
    const ctx: Ctx = { toks: list, i: 0, macro: null };
    this.ctxs.push(ctx);
    const out: Token[] = [];
    for (;;) {
      const t = this.next();
      if (t === this.sentinel) break;
      out.push(t);
    }
    while (this.ctxs.length && this.ctxs[this.ctxs.length - 1] !== ctx) {
      const c = this.ctxs.pop()!;
      if (c.macro) c.macro.disabled = false;
    }
    this.ctxs.pop();
    return out;
  }

  // conditionals

  private doIf(f: Frame, hash: Token, start: number, end: number, kind: string): void {
    const d = f.toks[start];
    let v: boolean;
    let guardName: string | null = null;
    if (kind === 'if') {
      v = this.evalIf(f, start + 1, end, d, 'if');
      // #if !defined X / #if !defined(X) at the top of a file is a guard too
      const t = f.toks;
      if (hash === f.first && t[start + 1]?.kind === TK.Not && t[start + 2]?.text === 'defined') {
        const k = t[start + 3]?.kind === TK.LParen ? start + 4 : start + 3;
        if (t[k]?.kind === TK.Ident && (k === start + 3 ? k + 1 === end : k + 2 === end && t[k + 1].kind === TK.RParen)) guardName = t[k].text;
      }
    } else {
      const n = this.macroName(f, start + 1, end, d);
      if (!n) v = false;
      else {
        this.checkExtra(f, start + 2, end, kind);
        v = (this.macroOf(n) !== undefined) === (kind === 'ifdef');
        if (this.poisoned.size && this.poisoned.has(n.text)) this.diag.error(n, `attempt to use poisoned "${n.text}"`);
        if (kind === 'ifndef' && hash === f.first) guardName = n.text;
      }
    }
    const c: Cond = { tok: d, kind, taken: v, sawElse: false };
    f.conds.push(c);
    if (guardName !== null && f.conds.length === 1) {
      f.guardName = guardName;
      f.guardCond = c;
    }
    if (!v) this.skipGroup(f);
  }

  private doElif(f: Frame, start: number, end: number, d: Token): void {
    const c = f.conds[f.conds.length - 1];
    if (!c) {
      this.diag.error(d, `#${d.text} without #if`);
      return;
    }
    if (c.sawElse) this.diag.error(d, `#${d.text} after #else`);
    if (c === f.guardCond) f.guardName = null;
    if (d.text !== 'elif' && this.strict && this.opts.pedantic && (this.opts.std ?? '').slice(-2) !== '2x') {
      this.diag.pedwarn(null, d, `#${d.text} before C2X is a GCC extension`);
    }
    if (c.taken) {
      this.skipGroup(f);
      return;
    }
    let v: boolean;
    if (d.text === 'elif') v = this.evalIf(f, start + 1, end, d, 'elif');
    else {
      const n = this.macroName(f, start + 1, end, d);
      v = n !== null && (this.macroOf(n) !== undefined) === (d.text === 'elifdef');
    }
    if (v) c.taken = true;
    else this.skipGroup(f);
  }

  private doElse(f: Frame, start: number, end: number, d: Token): void {
    const c = f.conds[f.conds.length - 1];
    if (!c) {
      this.diag.error(d, '#else without #if');
      return;
    }
    if (c.sawElse) this.diag.error(d, '#else after #else');
    c.sawElse = true;
    if (c === f.guardCond) f.guardName = null;
    this.checkExtra(f, start + 1, end, 'else');
    if (c.taken) this.skipGroup(f);
    else c.taken = true;
  }

  private doEndif(f: Frame, start: number, end: number, d: Token): void {
    const c = f.conds.pop();
    if (!c) {
      this.diag.error(d, '#endif without #if');
      return;
    }
    this.checkExtra(f, start + 1, end, 'endif');
    if (c === f.guardCond) {
      if (f.guardName !== null && f.cur.kind === TK.EOF) this.guards.set(f.path, f.guardName);
      f.guardCond = null;
    }
  }

  /** Skip a false group: stop at the '#' of the #elif/#else/#endif that ends it. */
  private skipGroup(f: Frame): void {
    const lx = f.lx;
    let depth = 0;
    const quotes = !this.opts.asm;
    const unterminated = (u: Token) => this.unterminated(u);
    let t = f.cur;
    for (;;) {
      if (t.kind === TK.EOF) break;
      if ((t.flags & TF.BOL) !== 0 && t.kind === TK.Hash) {
        const n = lx.next();
        if (n.kind !== TK.Ident || (n.flags & TF.BOL) !== 0) {
          t = n;
          if ((n.flags & TF.BOL) !== 0) lx.rewind(n); // a new line: skip it as text
          else {
            if (quotes && (n.kind === TK.Char || n.kind === TK.String) && !isTerminated(n)) this.unterminated(n);
            lx.flags = 0;
          }
          t = lx.skipToHash(quotes, unterminated);
          continue;
        }
        const s = n.text;
        if (s === 'if' || s === 'ifdef' || s === 'ifndef') depth++;
        else if (s === 'endif' || (depth === 0 && (s === 'else' || s === 'elif' || s === 'elifdef' || s === 'elifndef'))) {
          if (depth === 0) {
            lx.rewind(n); // stop at the '#': read() carries out this directive
            break;
          }
          depth--;
        }
        // skip the rest of a directive line as text (#error text is not checked for quotes)
        lx.skipLine();
        t = lx.skipToHash(quotes, unterminated);
        continue;
      }
      // f.cur, the first token of the group: check it, then skip the rest of the group as text
      if (quotes && (t.kind === TK.Char || t.kind === TK.String) && !isTerminated(t)) this.unterminated(t);
      lx.flags &= ~TF.BOL;
      t = lx.skipToHash(quotes, unterminated);
    }
    f.cur = t;
  }

  private evalIf(f: Frame, i: number, end: number, d: Token, what: string): boolean {
    const list = f.toks.slice(i, end);
    // #assert predicates: "#pred(answer)" and "#pred"
    for (let k = 0; k < list.length; k++) {
      if (list[k].kind === TK.Hash && list[k + 1]?.kind === TK.Ident) {
        const r = this.assertionTest(list, k);
        list.splice(k, r.len, this.numberTok(r.value ? 1 : 0, list[k]));
      }
    }
    list.push(this.sentinel);
    const ctx: Ctx = { toks: list, i: 0, macro: null };
    this.ctxs.push(ctx);
    this.inIf++;
    const exp: Token[] = [];
    for (;;) {
      const t = this.next();
      if (t === this.sentinel) break;
      exp.push(t);
    }
    this.inIf--;
    while (this.ctxs.length && this.ctxs[this.ctxs.length - 1] !== ctx) {
      const c = this.ctxs.pop()!;
      if (c.macro) c.macro.disabled = false;
    }
    this.ctxs.pop();
    return new IfEvaluator(this.diag, this.target, d).evaluate(exp, what);
  }

  private assertionTest(list: Token[], k: number): { len: number; value: boolean } {
    const pred = list[k + 1].text;
    const set = this.assertions.get(pred);
    if (list[k + 2]?.kind !== TK.LParen) return { len: 2, value: set !== undefined && set.size > 0 };
    let j = k + 3;
    const parts: string[] = [];
    while (j < list.length && list[j].kind !== TK.RParen) parts.push(list[j++].text);
    return { len: j - k + 1, value: set !== undefined && set.has(parts.join(' ')) };
  }

  private doAssert(f: Frame, i: number, end: number, d: Token): void {
    this.diag.warning('deprecated', d, `#${d.text} is a deprecated GCC extension`);
    const toks = f.toks;
    if (i >= end || toks[i].kind !== TK.Ident) {
      this.diag.error(d, `assertion without predicate`);
      return;
    }
    const pred = toks[i].text;
    let answer: string | null = null;
    if (i + 1 < end && toks[i + 1].kind === TK.LParen) {
      const parts: string[] = [];
      let j = i + 2;
      while (j < end && toks[j].kind !== TK.RParen) parts.push(toks[j++].text);
      answer = parts.join(' ');
    } else if (d.text === 'assert') {
      this.diag.error(toks[i], `missing '(' after predicate`);
      return;
    }
    let set = this.assertions.get(pred);
    if (d.text === 'assert') {
      if (!set) this.assertions.set(pred, (set = new Set()));
      set.add(answer!);
    } else if (answer === null) this.assertions.delete(pred);
    else set?.delete(answer);
  }

  private lineDirective(f: Frame, hash: Token, i: number, end: number, marker: boolean): void {
    let toks = f.toks.slice(i, end);
    if (!marker && toks.length && toks[0].kind !== TK.Number) toks = this.expandLine(f.toks, i, end);
    const d = f.toks[i - 1];
    if (!toks.length || toks[0].kind !== TK.Number || !/^\d+$/.test(toks[0].text)) {
      this.diag.error(toks[0] ?? d, `"${toks[0]?.text ?? ''}" after #line is not a positive integer`);
      return;
    }
    const line = Number(toks[0].text);
    let name = f.file.presumed(hash.pos).name;
    let k = 1;
    if (k < toks.length) {
      const s = toks[k];
      if (s.kind !== TK.String || s.text[0] !== '"') {
        this.diag.error(s, `invalid filename "${s.text}"`);
        return;
      }
      name = s.text.slice(1, -1).replace(/\\(.)/g, '$1');
      k++;
    }
    let flags = '';
    if (marker) {
      for (; k < toks.length; k++) {
        if (toks[k].text === '3') f.system = true;
        flags += ' ' + toks[k].text;
      }
    } else this.checkExtra(f, i + k, end, 'line');
    // the new numbering applies from the next physical line
    const last = f.toks[end - 1];
    let nl = f.file.text.indexOf('\n', last.pos + last.text.length);
    nl = nl < 0 ? f.file.text.length : nl + 1;
    const dirs = f.file.lineDirectives;
    if (!dirs.some((x) => x.pos === nl)) dirs.push({ pos: nl, line, name });
    this.event('line', name, line, f.system ? ' 3 4' : flags.includes(' 1') || flags.includes(' 2') ? '' : '');
  }

  // pragmas

  /** #pragma: run the ones the preprocessor owns; give the others to the parser as one token. */
  private doPragma(toks: Token[], i: number, end: number, d: Token, hash: Token): Token | null {
    const body = toks.slice(i, end);
    return this.pragma(body, d, hash);
  }

  private pragma(body: Token[], d: Token, hash: Token): Token | null {
    const w0 = body[0]?.text ?? '';
    const w1 = body[1]?.text ?? '';
    const f = this.frame;
    if (w0 === 'once') {
      if (this.frames.length === 1) this.diag.warning(null, body[0], '#pragma once in main file');
      this.once.add(this.realpath(f.path));
      return null;
    }
    if (w0 === 'push_macro' || w0 === 'pop_macro') {
      const s = body[2];
      if (body[1]?.kind !== TK.LParen || !s || s.kind !== TK.String || body[3]?.kind !== TK.RParen) {
        this.diag.error(body[0], `invalid #pragma ${w0} directive`);
        return null;
      }
      const name = s.text.slice(1, -1);
      let stack = this.pushed.get(name);
      if (w0 === 'push_macro') {
        if (!stack) this.pushed.set(name, (stack = []));
        stack.push(this.macros.get(name) ?? null);
      } else if (stack && stack.length) {
        const m = stack.pop()!;
        this.deleteMacro(name);
        if (m) this.setMacro(name, m);
      }
      return null;
    }
    if (w0 === 'GCC') {
      if (w1 === 'system_header') {
        if (this.frames.length === 1) this.diag.warning(null, body[1], '#pragma system_header ignored outside include file');
        else {
          f.system = true;
          const p = f.file.presumed(hash.pos);
          this.event('line', p.name, p.line + 1, ' 3 4');
        }
        return null;
      }
      if (w1 === 'poison') {
        for (let k = 2; k < body.length; k++) {
          const t = body[k];
          if (t.kind !== TK.Ident) {
            this.diag.error(t, 'invalid #pragma GCC poison directive');
            break;
          }
          if (this.macros.has(t.text)) this.diag.warning(null, t, `poisoning existing macro "${t.text}"`);
          this.poisoned.add(t.text);
        }
        return null;
      }
      if (w1 === 'warning' || w1 === 'error') {
        const s = body[2];
        const msg = s && s.kind === TK.String ? s.text.slice(1, -1) : '';
        if (w1 === 'warning') this.diag.warning(null, s ?? body[1], msg);
        else this.diag.error(s ?? body[1], msg);
        return null;
      }
      if (w1 === 'dependency') return null;
      if (w1 === 'diagnostic') this.diagnosticPragma(body, d.origin ?? d);
    }
    let text = '';
    for (let k = 0; k < body.length; k++) {
      const t = body[k];
      if (k > 0 && t.flags & (TF.Space | TF.BOL)) text += ' ';
      text += t.text;
    }
    return new Token(TK.Pragma, text, d.file, d.pos, TF.BOL, null);
  }

  /** #pragma GCC diagnostic KIND ["-Wfoo"]: recorded by location for Diagnostics (src/diag/pragma.ts),
   *  with gcc's -Wpragmas warnings on what it does not understand. The pragma stays in the token stream
   *  (the -E output keeps it). */
  private diagnosticPragma(body: Token[], at: Token): void {
    const after = (t: Token): Loc => ({ file: t.file, pos: t.pos + t.text.length });
    const k = body[2];
    if (!k) {
      this.diag.warning('pragmas', after(body[1]), "missing 'error', 'warning', 'ignored', 'push', 'pop', or 'ignored_attributes' after '#pragma GCC diagnostic'");
      return;
    }
    const kind = k.text;
    if (kind === 'push' || kind === 'pop') { this.diag.pragmas.change(at, kind); return; }
    if (kind === 'ignored_attributes') return;
    if (kind !== 'error' && kind !== 'warning' && kind !== 'ignored') {
      this.diag.warning('pragmas', k, "expected 'error', 'warning', 'ignored', 'push', 'pop', 'ignored_attributes' after '#pragma GCC diagnostic'");
      return;
    }
    const s = body[3];
    if (!s || s.kind !== TK.String || !s.text.startsWith('"')) {
      this.diag.warning('pragmas', s ?? after(k), "missing option after '#pragma GCC diagnostic' kind");
      return;
    }
    let opt = '';
    for (let i = 3; i < body.length && body[i].kind === TK.String; i++) opt += body[i].text.slice(body[i].text.indexOf('"') + 1, -1);
    const c = checkOption(opt);
    if (c.kind === 'ok') this.diag.pragmas.change(at, kind, c.name);
    else if (c.kind === 'language') this.diag.warning('pragmas', s, `option '${opt}' is valid for ${c.langs} but not for C`);
    else if (c.kind === 'not-warning') this.diag.warning('pragmas', s, `'${opt}' is not an option that controls warnings`);
    else if (this.diag.warning('pragmas', s, "unknown option after '#pragma GCC diagnostic' kind") && c.hint) this.diag.note(s, `did you mean '${c.hint}'?`);
  }

  /** __FILE__ under -fmacro-prefix-map: the last OLD=NEW whose OLD starts the name replaces it (gcc). */
  private remapFile(name: string): string {
    const maps = this.opts.macroPrefixMap;
    if (!maps) return name;
    for (let k = maps.length - 1; k >= 0; k--) {
      const [from, to] = maps[k];
      if (name.startsWith(from)) return to + name.slice(from.length);
    }
    return name;
  }

  /** _Pragma("...") (C17 6.10.9): destringize and run as #pragma. As in gcc, the operand is read with
   *  macros expanded (the kernel's `_Pragma(__diag_str(GCC diagnostic ...))`). */
  private pragmaOperator(t: Token): Token | null {
    const lp = this.next();
    const s = lp.kind === TK.LParen ? this.next() : lp;
    const rp = s.kind === TK.String ? this.next() : s;
    if (lp.kind !== TK.LParen || s.kind !== TK.String || rp.kind !== TK.RParen) {
      this.diag.error(t, '_Pragma takes a parenthesized string literal');
      return null;
    }
    const str = s.text.replace(/^(L|u8|u|U)/, '');
    const text = str.slice(1, -1).replace(/\\(["\\])/g, '$1');
    const file = new SourceFile(nextFileId++, t.file.name, text, t.file.system);
    const toks = lex(file, this.diag, 0, file.text.length, TF.BOL, !this.opts.asm);
    toks.pop();
    for (const k of toks) k.origin = t.origin ?? t;
    const r = this.pragma(toks, t, t);
    if (r) r.origin = t.origin ?? t;
    return r;
  }
}

function paint(t: Token): Token {
  return new Token(t.kind, t.text, t.file, t.pos, t.flags | TF.NoExpand, t.origin, t.id);
}

function expCopy(t: Token, origin: Token, space: number): Token {
  return new Token(t.kind, t.text, t.file, t.pos, (t.flags & ~(TF.BOL | TF.Space)) | space | TF.Expanded, origin, t.id);
}

export { PUNCT_TEXT };
