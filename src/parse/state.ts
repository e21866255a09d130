// Parser state: the tokens with a position, the scopes, the current function, and helpers to look at
// tokens and report diagnostics.
//
// Tokens are pulled from a TokenSource (the preprocessor) into a window `buf` holding the tokens from
// absolute index `base` on; `pos` is an absolute index. Looking ahead pulls more tokens. Tokens before
// the current one are dropped from the window as the parse moves on, except while a tentative parse
// holds a mark (mark()/release()): then `p.pos = saved` may go back anywhere after the mark. One token
// behind `pos` is always kept (peek(-1)). The grammar functions live in decl.ts, expr.ts, stmt.ts and
// init.ts; each takes the Parser as its first argument (chibicc style: no hidden global cursor).

import { Diagnostics, Loc } from '../diag/diagnostics';
import { TF, TK, Token, TokenSource, nameId } from '../lex/token';
import { TargetLayout } from '../../targets/layout';
import { setShortWchar } from '../numeric/chars';
import { LabelInfo, Node, Obj, SC, StrLit, TranslationUnit } from './ast';
import { Type, Types, isVM } from './types';
import { ExtraWarnFlags, extraWarnFlags } from './warn-extra';

export interface ParseOptions {
  target: TargetLayout;
  /** -std= value: c89, c99, c11, c17, c2x, gnu89, gnu99, gnu11, gnu17, gnu2x (default gnu17). */
  std?: string;
  diag: Diagnostics;
  /** Drop each function's body once it is checked (-fsyntax-only: only the diagnostics matter). */
  discardBodies?: boolean;
  /** Called when a top-level function definition is complete (after its checks, while there are no
   *  errors), with the GNU nested functions defined in it and the unit so far (its arrays keep
   *  growing). Returning true lets the parser drop the bodies: nobody reads them again. */
  onFunction?: (fn: Obj, nested: Obj[], unit: TranslationUnit) => boolean;
  /** -O1 and up: `__builtin_constant_p` of a non-constant expression is left for the optimiser. */
  optimize?: boolean;
}

/** Keywords, numbered for switch statements. Aliases (__const, __inline__, ...) map to the same id. */
export const enum KW {
  None, Typedef, Extern, Static, Auto, Register, ThreadLocal, Inline, Noreturn,
  Const, Volatile, Restrict, Atomic,
  Void, Bool, Char, Short, Int, Long, Float, Double, Signed, Unsigned, Complex, Imaginary, Int128,
  Float32, Float64, Float128, Float32x, Float64x, Float80, Float16,
  Struct, Union, Enum, Typeof, TypeofUnqual, AutoType, Alignas, Alignof, StaticAssert, Attribute, Extension,
  Asm, Sizeof, Generic, Real, Imag, Label,
  If, Else, While, Do, For, Switch, Case, Default, Break, Continue, Goto, Return,
  Builtin, // __builtin_va_arg, __builtin_offsetof, ... (special syntax)
  Decimal,
}

export function makeKeywords(std: string, target: TargetLayout): Map<string, KW> {
  const m = new Map<string, KW>();
  const add = (k: KW, ...names: string[]) => { for (const n of names) m.set(n, k); };
  add(KW.Typedef, 'typedef'); add(KW.Extern, 'extern'); add(KW.Static, 'static'); add(KW.Auto, 'auto');
  add(KW.Register, 'register'); add(KW.ThreadLocal, '_Thread_local', '__thread');
  add(KW.Inline, 'inline', '__inline', '__inline__'); add(KW.Noreturn, '_Noreturn');
  add(KW.Const, 'const', '__const', '__const__'); add(KW.Volatile, 'volatile', '__volatile', '__volatile__');
  add(KW.Restrict, 'restrict', '__restrict', '__restrict__'); add(KW.Atomic, '_Atomic');
  add(KW.Void, 'void'); add(KW.Bool, '_Bool'); add(KW.Char, 'char'); add(KW.Short, 'short'); add(KW.Int, 'int');
  add(KW.Long, 'long'); add(KW.Float, 'float'); add(KW.Double, 'double');
  add(KW.Signed, 'signed', '__signed', '__signed__'); add(KW.Unsigned, 'unsigned');
  add(KW.Complex, '_Complex', '__complex', '__complex__'); add(KW.Imaginary, '_Imaginary');
  if (target.int128) add(KW.Int128, '__int128', '__int128__');
  add(KW.Float32, '_Float32'); add(KW.Float64, '_Float64'); add(KW.Float128, '_Float128');
  add(KW.Float32x, '_Float32x'); add(KW.Float64x, '_Float64x');
  if (target.x86FloatNames) { add(KW.Float80, '__float80'); add(KW.Float128, '__float128'); }
  if (target.arch === 'aarch64' || target.arch === 'riscv64') add(KW.Float16, '_Float16');
  if (target.arch === 'aarch64') add(KW.Float16, '__fp16');
  add(KW.Struct, 'struct'); add(KW.Union, 'union'); add(KW.Enum, 'enum');
  add(KW.Typeof, '__typeof__', '__typeof');
  add(KW.AutoType, '__auto_type'); add(KW.Alignas, '_Alignas'); add(KW.Alignof, '_Alignof', '__alignof__', '__alignof');
  add(KW.StaticAssert, '_Static_assert'); add(KW.Attribute, '__attribute__', '__attribute');
  add(KW.Extension, '__extension__'); add(KW.Asm, '__asm__', '__asm'); add(KW.Sizeof, 'sizeof');
  add(KW.Generic, '_Generic'); add(KW.Real, '__real__', '__real'); add(KW.Imag, '__imag__', '__imag');
  add(KW.Label, '__label__');
  add(KW.If, 'if'); add(KW.Else, 'else'); add(KW.While, 'while'); add(KW.Do, 'do'); add(KW.For, 'for');
  add(KW.Switch, 'switch'); add(KW.Case, 'case'); add(KW.Default, 'default'); add(KW.Break, 'break');
  add(KW.Continue, 'continue'); add(KW.Goto, 'goto'); add(KW.Return, 'return');
  add(KW.Decimal, '_Decimal32', '_Decimal64', '_Decimal128');
  for (const b of ['__builtin_va_arg', '__builtin_offsetof', '__builtin_types_compatible_p', '__builtin_choose_expr',
    '__builtin_convertvector', '__builtin_complex', '__builtin_shuffle', '__builtin_has_attribute', '__builtin_tgmath',
    '__builtin_call_with_static_chain']) add(KW.Builtin, b);
  const gnu = std.startsWith('gnu');
  if (gnu) { add(KW.Typeof, 'typeof'); add(KW.Asm, 'asm'); }
  if (std === 'c2x' || std === 'gnu2x' || std === 'c23' || std === 'gnu23') {
    add(KW.Typeof, 'typeof'); add(KW.Alignas, 'alignas'); add(KW.Alignof, 'alignof');
    add(KW.StaticAssert, 'static_assert'); add(KW.ThreadLocal, 'thread_local'); add(KW.Asm, 'asm');
  }
  return m;
}

export class Scope {
  // Most block scopes declare nothing: their maps are made on first use (reads go through getVar/getTag).
  private varMap: Map<string, Obj> | null = null;
  private tagMap: Map<string, Type> | null = null;
  /** The file scope also keeps its identifiers by name id (Token.id): most lookups end there, and an
   *  array index is cheaper than a get from a Map of thousands of names. */
  readonly byId: (Obj | undefined)[] | null;
  constructor(readonly vmAtEntry: VmScope | null = null, fileScope = false) {
    this.byId = fileScope ? [] : null;
  }
  /** The identifiers declared here (read only: declare through setVar). */
  get vars(): Map<string, Obj> { return this.varMap ??= new Map(); }
  setVar(name: string, o: Obj): void {
    this.vars.set(name, o);
    const byId = this.byId;
    if (byId !== null) {
      const id = nameId(name);
      while (byId.length <= id) byId.push(undefined);
      byId[id] = o;
    }
  }
  get tags(): Map<string, Type> { return this.tagMap ??= new Map(); }
  getVar(name: string): Obj | undefined { return this.varMap === null ? undefined : this.varMap.get(name); }
  getTag(name: string): Type | undefined { return this.tagMap === null ? undefined : this.tagMap.get(name); }
  /** Does the scope declare any ordinary identifier? */
  get hasVars(): boolean { return this.varMap !== null && this.varMap.size > 0; }
}

/** The variably modified identifiers in scope, innermost first (a path in the tree of block scopes). */
export interface VmScope { parent: VmScope | null; obj: Obj }

/** A goto, with the VM identifiers in scope where it is (checked against its label's at the function's end). */
export interface PendingGoto { tok: Token; label: LabelInfo; vm: VmScope | null }

export interface SwitchCtx {
  node: Node;
  /** Promoted controlling type. */
  ty: Type;
  values: Map<bigint, Token>;
  ranges: { lo: bigint; hi: bigint; tok: Token }[];
  hasDefault: Token | null;
  /** VM identifiers in scope at the switch (a case may not enter the scope of a later one). */
  vm: VmScope | null;
  /** -Wswitch on an enum: the controlling expression's enumerated type and the case values with the
   *  `case` tokens. */
  enumTy: Type | null;
  cases: { lo: bigint; hi: bigint; tok: Token }[];
}

/** Dropping consumed tokens from the window waits until this many have gathered. */
const WINDOW_SLACK = 4096;

export class Parser {
  /** Absolute index of the current token. */
  pos = 0;
  /** Tokens from absolute index `base` on (the window): the first `len` entries of `buf`. The array is
   *  never shortened, so dropping consumed tokens does not make it grow (and copy) all over again. */
  private buf: Token[];
  private len: number;
  private base = 0;
  /** Tentative parses in progress (tokens after the outermost mark are kept). */
  private marks = 0;
  private readonly src: TokenSource | null;
  /** The token source threw a fatal error (it is not the parser's to swallow). */
  sourceFatal = false;
  readonly T: Types;
  readonly keywords: Map<string, KW>;
  /** The keywords by name id (Token.id); ids past its end are not keywords. */
  private readonly kwById: Uint8Array;
  readonly gnu: boolean;
  readonly std: string;
  /** C99 or later (implicit int is an error... no: a warning in gcc; used for messages). */
  readonly c99: boolean;
  readonly c2x: boolean;
  scopes: Scope[] = [new Scope(null, true)];
  /** Current function (null at file scope). */
  fn: Obj | null = null;
  /** -Wformat is on (format.ts); -Wunused-value (warn.ts). */
  wFormat!: boolean;
  wUnusedValue!: boolean;
  wUnusedVariable!: boolean;
  wUnusedButSet!: boolean;
  wUnusedParam!: boolean;
  wUnusedButSetParam!: boolean;
  wReturnType!: boolean;
  wSwitch!: boolean;
  /** -Wmisleading-indentation (indent.ts). */
  wIndent!: boolean;
  /** -Wimplicit-fallthrough (fallthrough.ts; not under -fsyntax-only, where gcc gives none). */
  wFallthrough!: boolean;
  wCharSubscripts!: boolean;
  wMain!: boolean;
  /** -Wparentheses (warn.ts warnParentheses; parenthesized expressions get Node.paren). */
  wParens!: boolean;
  /** -Wsizeof-pointer-div: the last two sizeof nodes with their operands (type, object if a name). */
  wSizeofDiv!: boolean;
  sizeofLast: { node: Node | null; ty: Type | null; obj: Obj | null } = { node: null, ty: null, obj: null };
  sizeofPrev: { node: Node | null; ty: Type | null; obj: Obj | null } = { node: null, ty: null, obj: null };
  /** -Waddress or -Wint-in-bool-context (warn.ts warnTruth); the ':' of each ?: then. */
  wTruth!: boolean;
  condColons: WeakMap<Node, Token> | null = null;
  /** Any warning on binary operators (expr.ts checkedBinary). */
  wBinary!: boolean;
  /** Any of the comparison warnings of warn.ts; -Wsign-compare. */
  wCompare!: boolean;
  wSignCompare!: boolean;
  /** The warnings of warn-extra.ts that are on. */
  wx!: ExtraWarnFlags;
  /** The last struct/union tag (or '{'), enum tag or enumerator parsed (-Wold-style-declaration). */
  lastTagTok: Token | null = null;
  /** Set by a statement expression's block for its next item: its expression statements are checked
   *  for -Wunused-value at the end of the block, except the last (the value). */
  seDefer: Node[] | null = null;
  /** The closing brace of the last function body parsed (Obj.bodyEnd). */
  lastRBrace: Token | null = null;
  fnLocals: Obj[] = [];
  /** Label scopes of the current function: [function-level, __label__ blocks...]. */
  labelScopes: Map<string, LabelInfo>[] = [];
  fnLabels: LabelInfo[] = [];
  /** Label scopes of the enclosing functions (GNU nested functions may jump to them). */
  outerLabelScopes: Map<string, LabelInfo>[] = [];
  loopDepth = 0;
  breakDepth = 0;
  switches: SwitchCtx[] = [];
  /** #pragma pack state. */
  pack = 0;
  packStack: number[] = [];
  decls: Obj[] = [];
  /** Objects and functions with external linkage by name (block-scope externs, implicit declarations). */
  externs = new Map<string, Obj>();
  asms: string[] = [];
  weakPragmas: { name: string; alias: string | null }[] = [];
  strings: StrLit[] = [];
  /** The unit so far, as parseTranslationUnit returns it at the end (the arrays are the parser's). */
  get unit(): TranslationUnit { return { decls: this.decls, asms: this.asms, weakPragmas: this.weakPragmas, strings: this.strings, types: this.T }; }
  nextObjId = 1;
  /** Builtin function objects created on first use. */
  builtinObjs = new Map<string, Obj>();
  /** Names reported as undeclared in the current function (gcc reports each once). */
  reportedUndeclared = new Set<string>();
  undeclaredNoteGiven = false;
  /** Variably modified identifiers in scope here; labels and gotos of the current function with theirs. */
  vmChain: VmScope | null = null;
  labelVm = new Map<LabelInfo, VmScope | null>();
  gotos: PendingGoto[] = [];
  /** `__attribute__((fallthrough));` statements (for -Wimplicit-fallthrough). */
  fallthroughStmts = new Set<Node>();
  /** Parameter lists being parsed (a struct declared there may have VLA members). */
  paramDepth = 0;
  /** Records with variably modified members defined in this function since the current block-scope
   *  declaration began (in order, inner ones first): the declaration evaluates their bounds first. */
  vmRecords: Type[] = [];
  /** Where gcc folds `__builtin_constant_p` at once even when optimising: the initializer of an
   *  object with static storage, the first operand of `__builtin_choose_expr`. */
  foldConstantP = false;
  /** Set by structDecl/enumDecl when they parse a body (declSpec's tagDef). */
  tagBody = false;
  /** Statement-expression nesting (for `break` inside ({...}) etc.). */
  stmtExprDepth = 0;
  /** Inside an operand that is not evaluated (sizeof, typeof, _Alignof, the dead side of `0 && x`, of
   *  `1 || x` and of `c ? x : y` with a constant c): gcc's c_inhibit_evaluation_warnings, which silences
   *  division by zero, shift counts and dereferencing 'void *'. */
  noEval = 0;

  constructor(toks: Token[] | TokenSource, readonly opts: ParseOptions) {
    setShortWchar(opts.target.shortWchar);
    if (Array.isArray(toks)) {
      this.buf = toks;
      this.src = null;
    } else {
      this.buf = [];
      this.src = toks;
    }
    this.len = this.buf.length;
    this.T = new Types(opts.target);
    this.std = opts.std ?? 'gnu17';
    this.c99 = !/^(c89|c90|gnu89|gnu90|ansi|iso9899:1990)$/.test(this.std);
    this.warningFlags();
    this.gnu = this.std.startsWith('gnu');
    this.keywords = makeKeywords(this.std, opts.target);
    const ids: number[] = [];
    for (const name of this.keywords.keys()) ids.push(nameId(name));
    this.kwById = new Uint8Array(Math.max(...ids) + 1);
    for (const [name, k] of this.keywords) this.kwById[nameId(name)] = k;
    this.c2x = /2x|23/.test(this.std);
  }

  get diag(): Diagnostics { return this.opts.diag; }
  get target(): TargetLayout { return this.opts.target; }

  // ---- tokens
  peek(k = 0): Token {
    const i = this.pos + k - this.base;
    return i < this.len ? this.buf[i] : this.fill(i);
  }
  tok(): Token {
    const i = this.pos - this.base;
    return i < this.len ? this.buf[i] : this.fill(i);
  }
  next(): Token {
    const t = this.tok();
    if (t.kind !== TK.EOF) this.pos++;
    return t;
  }
  at(k: TK): boolean { return this.tok().kind === k; }
  atAt(off: number, k: TK): boolean { return this.peek(off).kind === k; }
  accept(k: TK): boolean {
    if (this.tok().kind === k) { this.pos++; return true; }
    return false;
  }

  /** Start a tentative parse: returns the position to go back to with `p.pos = m`; end it with release(). */
  mark(): number {
    this.marks++;
    return this.pos;
  }
  release(): void {
    this.marks--;
  }

  /** Pull tokens until window index i exists (the last token, EOF, repeats past the end). */
  private fill(i: number): Token {
    const buf = this.buf;
    const src = this.src;
    if (src === null) return buf[this.len - 1];
    let len = this.len;
    if (this.marks === 0 && this.pos - this.base > WINDOW_SLACK) {
      // drop the consumed tokens (keeping the one before pos)
      const drop = this.pos - 1 - this.base;
      buf.copyWithin(0, drop, len);
      len -= drop;
      this.base += drop;
      i -= drop;
    }
    if (len > 0 && buf[len - 1].kind === TK.EOF) {
      this.len = len;
      return buf[len - 1];
    }
    try {
      while (len <= i) {
        const t = src.token();
        if (len < buf.length) buf[len] = t;
        else buf.push(t);
        len++;
        if (t.kind === TK.EOF) {
          this.len = len;
          return t;
        }
      }
    } catch (e) {
      this.len = len;
      this.sourceFatal = true;
      throw e;
    }
    this.len = len;
    return buf[i];
  }
  /** Keyword id of a token (KW.None for non-keywords). */
  kw(t: Token): KW {
    const id = t.id;
    return id < this.kwById.length ? this.kwById[id] : KW.None;
  }
  atKw(k: KW): boolean { return this.kw(this.tok()) === k; }
  acceptKw(k: KW): boolean {
    if (this.kw(this.tok()) === k) { this.pos++; return true; }
    return false;
  }
  /** Expect a punctuator; on failure report gcc's "expected 'X' before 'Y'" and do not advance. */
  expect(k: TK, what: string): boolean {
    if (this.tok().kind === k) { this.pos++; return true; }
    this.errorExpected(what);
    return false;
  }
  /** The warning flags from the options (again after a `#pragma GCC diagnostic` that may enable one). */
  warningFlags(): void {
    const opts = this.opts;
    this.wFormat = opts.diag.isEnabled('format');
    this.wUnusedValue = opts.diag.isEnabled('unused-value');
    this.wUnusedVariable = opts.diag.isEnabled('unused-variable');
    this.wUnusedButSet = opts.diag.isEnabled('unused-but-set-variable');
    this.wUnusedParam = opts.diag.isEnabled('unused-parameter');
    this.wUnusedButSetParam = opts.diag.isEnabled('unused-but-set-parameter');
    this.wReturnType = opts.diag.isEnabled('return-type');
    this.wSwitch = opts.diag.isEnabled('switch');
    this.wIndent = opts.diag.isEnabled('misleading-indentation');
    this.wFallthrough = !opts.discardBodies && opts.diag.isEnabled('implicit-fallthrough');
    this.wSignCompare = opts.diag.isEnabled('sign-compare');
    this.wCharSubscripts = opts.diag.isEnabled('char-subscripts');
    this.wParens = opts.diag.isEnabled('parentheses');
    this.wSizeofDiv = opts.diag.isEnabled('sizeof-pointer-div');
    this.wMain = opts.diag.isEnabled('main') || opts.diag.opts.pedantic || opts.diag.opts.pedanticErrors;
    this.wTruth = opts.diag.isEnabled('address') || opts.diag.isEnabled('int-in-bool-context');
    this.condColons ??= this.wTruth ? new WeakMap() : null;
    this.wCompare = ['enum-compare', 'bool-compare', 'sign-compare', 'logical-not-parentheses', 'address', 'type-limits'].some((w) => opts.diag.isEnabled(w));
    this.wBinary = this.wParens || this.wCompare || this.wSizeofDiv || this.wTruth;
    this.wx = extraWarnFlags(opts.diag, this.c99);
  }

  errorExpected(what: string): void {
    const t = this.tok();
    const msg = t.kind === TK.EOF ? `expected ${what} at end of input` : `expected ${what} before ${describeToken(t)}`;
    // gcc puts a missing token right after the previous one when the next token starts a new line
    const prev = this.pos > 0 ? this.peek(-1) : null;
    // (only when one token is expected and it is one gcc suggests inserting after the previous token)
    if (prev && INSERT_AFTER_PREV.has(what) && (t.flags & TF.BOL) && prev.file === t.file && !(prev.flags & TF.Expanded)) {
      this.opts.diag.error({ file: prev.file, pos: prev.pos + prev.text.length }, msg);
    } else this.error(t, msg);
  }

  // ---- diagnostics
  loc(t: Token): Loc {
    // a token from a macro expansion is reported at the macro invocation, as gcc's first line does
    return { file: t.file, pos: t.pos };
  }
  error(t: Token, msg: string): void { this.opts.diag.error(this.loc(t), msg); }
  warn(name: string | null, t: Token, msg: string): boolean { return this.opts.diag.warning(name, this.loc(t), msg); }
  pedwarn(name: string | null, t: Token, msg: string): boolean { return this.opts.diag.pedwarn(name, this.loc(t), msg); }
  note(t: Token, msg: string): void { this.opts.diag.note(this.loc(t), msg); }

  // ---- scopes
  enterScope(): void { this.scopes.push(new Scope(this.vmChain)); }
  /** `proto`: a parameter list's scope (its names are no unused variables). */
  leaveScope(proto = false): void {
    const sc = this.scopes.pop()!;
    this.vmChain = sc.vmAtEntry;
    if (this.fn !== null && !proto && sc.hasVars && (this.wUnusedVariable || this.wUnusedButSet)) this.warnUnused(sc);
  }
  /** Unused block-scope typedefs of the current function (gcc reports them at its end). */
  unusedTypedefs: Obj[] = [];
  /** -Wunused-variable for a block scope being left (gcc: in reverse order of declaration). */
  private warnUnused(sc: Scope): void {
    const vars = [...sc.vars.values()];
    const params = this.fn!.params;
    for (let i = vars.length - 1; i >= 0; i--) {
      const o = vars[i];
      if ((o.used && o.reads > 0) || o.isFunc || !o.tok || !o.name || o.attrs?.unused || o.attrs?.used || o.attrs?.cleanup) continue;
      if (o.storage === SC.Typedef) { if (!o.used) this.unusedTypedefs.push(o); continue; }
      if (o.storage === SC.EnumConst || o.storage === SC.Builtin) continue;
      if (params && params.includes(o)) continue;
      if (!o.used) this.warn('unused-variable', o.tok, `unused variable '${o.name}'`);
      else if (o.reads <= 0 && o.storage !== SC.Extern) this.warn('unused-but-set-variable', o.tok, `variable '${o.name}' set but not used`);
    }
  }
  get depth(): number { return this.scopes.length - 1; }
  lookup(name: string): Obj | null {
    const s = this.scopes;
    for (let i = s.length - 1; i >= 0; i--) {
      const o = s[i].getVar(name);
      if (o !== undefined) return o;
    }
    return null;
  }
  lookupTag(name: string): Type | null {
    const s = this.scopes;
    for (let i = s.length - 1; i >= 0; i--) {
      const t = s[i].getTag(name);
      if (t !== undefined) return t;
    }
    return null;
  }
  /** lookup(t.text) for an identifier token: the file scope is searched by the token's name id. */
  lookupTok(t: Token): Obj | null {
    const s = this.scopes;
    for (let i = s.length - 1; i > 0; i--) {
      const o = s[i].getVar(t.text);
      if (o !== undefined) return o;
    }
    const byId = s[0].byId!, id = t.id;
    const o = id < byId.length ? byId[id] : undefined;
    return o === undefined ? null : o;
  }
  /** Is the identifier token a typedef name in the current scope? */
  isTypedefName(t: Token): boolean {
    if (t.kind !== TK.Ident) return false;
    const o = this.lookupTok(t);
    return o !== null && o.storage === SC.Typedef;
  }
  declare(o: Obj): void {
    o.depth = this.depth;
    if (!o.id) o.id = this.nextObjId++;
    this.scopes[this.scopes.length - 1].setVar(o.name, o);
    if (this.fn !== null && (o.isLocal || o.storage === SC.Typedef) && isVM(o.ty)) this.vmChain = { parent: this.vmChain, obj: o };
  }

  /** Skip to the end of the current statement/declaration after an error: past ';' or before '}'. */
  skipToSync(): void {
    let depth = 0;
    for (;;) {
      const t = this.tok();
      switch (t.kind) {
        case TK.EOF: return;
        case TK.LParen: case TK.LBracket: case TK.LBrace: depth++; break;
        case TK.RParen: case TK.RBracket: if (depth > 0) depth--; break;
        case TK.RBrace:
          if (depth === 0) return;
          depth--;
          if (depth === 0) { this.pos++; if (this.at(TK.Semi)) this.pos++; return; }
          break;
        case TK.Semi: if (depth === 0) { this.pos++; return; } break;
      }
      this.pos++;
    }
  }

  /** Skip a balanced (...) group starting at '('. */
  skipParens(): void {
    let depth = 0;
    do {
      const k = this.tok().kind;
      if (k === TK.LParen || k === TK.LBracket || k === TK.LBrace) depth++;
      else if (k === TK.RParen || k === TK.RBracket || k === TK.RBrace) depth--;
      else if (k === TK.EOF) return;
      this.pos++;
    } while (depth > 0);
  }
}

/** Tokens gcc offers to insert right after the previous token when they are missing. */
const INSERT_AFTER_PREV = new Set(["';'", "')'", "']'", "','", "':'"]);

/** gcc's description of a token in "expected X before Y" messages. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case TK.EOF: return 'end of input';
    case TK.Number: return 'numeric constant';
    case TK.String: return 'string constant';
    case TK.Char: return 'character constant';
    case TK.Ident: return `'${t.text}'`;
    case TK.Pragma: return "'#pragma'";
  }
  return `'${t.text}' token`;
}
