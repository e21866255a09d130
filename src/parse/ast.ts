// The typed AST that the parser produces and the IR lowering consumes. docs/AST.md describes the
// conventions (what each node kind means, where conversions appear, how initializers are flattened).
//
// Every node is a `Node` built by one constructor that sets every field, so all nodes share one shape.
// Expression nodes carry their type after conversions; every implicit conversion is an explicit
// NK.Cast node whose `ck` says which conversion it is.

import { Token } from '../lex/token';
import { Member, Type } from './types';

export const enum NK {
  // ---- expressions
  IntConst,       // val
  FloatConst,     // fval: bit pattern in the format of ty (for _Complex: imaginary constant, see docs)
  StrLit,         // str
  Var,            // obj (object or function designator)
  EnumConst,      // obj (the enumerator), val
  Cast,           // lhs converted to ty; ck = kind of conversion; explicit = written cast
  // unary
  Neg, BitNot, LogNot, Addr, Deref, PreInc, PreDec, PostInc, PostDec, Real, Imag, Plus,
  // binary (arithmetic on converted operands; pointer arithmetic: see docs)
  Add, Sub, Mul, Div, Mod, Shl, Shr, BitAnd, BitOr, BitXor,
  Lt, Le, Gt, Ge, Eq, Ne,
  LogAnd, LogOr,
  Assign,         // lhs = rhs (rhs converted to the unqualified type of lhs)
  OpAssign,       // lhs op= rhs: op in `op`, computation type in `opTy`, rhs already converted to opTy
  Cond,           // cond ? then : els (then may be null: GNU a ?: b, the condition is then the value)
  Comma,          // lhs, rhs
  Call,           // lhs (a pointer to function), list = arguments converted to parameter types
  Member,         // lhs.member (lhs is a struct/union value; p->m is Member(Deref(p)))
  StmtExpr,       // body (a Block); value = last expression statement
  CompoundLit,    // obj: an anonymous object (local or static) with its initializer; an lvalue
  LabelAddr,      // &&label: label
  VaArg,          // __builtin_va_arg(lhs, ty): lhs is the va_list (lvalue for arrays: decayed pointer)
  Builtin,        // builtin: id in `builtin`, list = arguments (see builtins.ts for each)
  SizeofVLA,      // run-time sizeof: lhs (expression) or `sizeTy` (a VM type); ty = size_t
  Generic,        // _Generic: lhs = the selected association (kept for diagnostics; lower lhs)
  // ---- statements
  Block,          // list
  ExprStmt,       // lhs
  Decl,           // obj: a local declaration with its initializer (or a VLA whose size is computed here); obj null: ty is a struct/union with variably modified members defined here
  If,             // cond, then, els
  While,          // cond, body
  DoWhile,        // body, cond
  For,            // init (statement or null), cond, inc, body
  Switch,         // cond, body, list = Case/Default nodes in source order
  Case,           // val .. val2 (case range), body = the labelled statement
  Default,        // body
  Break, Continue,
  Goto,           // label
  ComputedGoto,   // lhs: a void* expression
  Label,          // label, body
  Return,         // lhs (converted to the return type) or null
  Asm,            // asm (AsmInfo)
  Null,           // empty statement
}

/** Conversion kinds of NK.Cast. */
export const enum CK {
  /** lvalue conversion: read the lvalue `lhs` (ty = unqualified type of lhs). */
  Load,
  /** array to pointer to its first element. */
  ArrayDecay,
  /** function designator to pointer. */
  FuncDecay,
  /** scalar to scalar (integer/float/complex/pointer/bool, any direction): value conversion by types. */
  Convert,
  /** the integer constant 0 (or (void*)0) to a pointer: the null pointer. */
  NullPtr,
  /** to void: evaluate and discard. */
  ToVoid,
  /** GNU cast to union / transparent union argument: build a union from a member value. */
  ToUnion,
  /** vector <-> same-size vector or integer: reinterpret the bits. */
  Bitcast,
  /** no-op: same representation (qualifier changes, struct rvalue to itself). */
  NoOp,
}

export const enum SC { None, Typedef, Extern, Static, Auto, Register, EnumConst, Builtin }
export const enum Linkage { None, Internal, External }

/** GNU attributes that matter to later stages. Created only for declarations that have some. */
export interface Attrs {
  section?: string;
  weak?: boolean;
  /** weakref: a static alias to a weak external (so `weak` on a static declaration is fine). */
  weakref?: boolean;
  alias?: string;
  visibility?: string;
  used?: boolean;
  unused?: boolean;
  noreturn?: boolean;
  alwaysInline?: boolean;
  /** gnu_inline: an `extern inline` body is only for inlining (GNU semantics) */
  gnuInline?: boolean;
  noinline?: boolean;
  cleanup?: Obj;
  constructorPrio?: number; // constructor attribute: priority, 65535 default
  destructorPrio?: number;
  format?: { archetype: string; fmtIndex: number; firstArg: number };
  nonstring?: boolean;
  deprecated?: string;
  warnUnusedResult?: boolean;
  aligned?: number;
  packed?: boolean;
  mode?: string;
  vectorSize?: number;
  transparentUnion?: boolean;
  mayAlias?: boolean;
  fallthrough?: boolean;
  const?: boolean;
  pure?: boolean;
  malloc?: boolean;
  nonnull?: number[];
  noclone?: boolean;
  naked?: boolean;
  ifunc?: string;
  regparm?: number;
  other?: string[];
}

const FN_RETURNS_NOTHING = 1, FN_HAS_RETURN = 2, FN_CALLS_NORETURN = 4;

export class Obj {
  /** Unique id within the translation unit. */
  id = 0;
  storage: SC = SC.None;
  linkage: Linkage = Linkage.None;
  isLocal = false;
  isFunc = false;
  /** A definition has been seen (function body, or object with initializer / non-extern file-scope). */
  defined = false;
  /** File-scope object without initializer and without extern (C17 6.9.2). */
  tentative = false;
  isInline = false;
  /** A GNU `extern inline` definition (gnu_inline, or any extern inline in gnu89): its body is only
   *  for inlining; calls and the address go to the external definition elsewhere, and a later
   *  ordinary definition in the same unit replaces it. */
  gnuInlineOnly = false;
  isThreadLocal = false;
  /** Explicit alignment (_Alignas / aligned attribute), 0 = natural. */
  align = 0;
  attrs: Attrs | null = null;
  /** asm("name") label. */
  asmName: string | null = null;
  /** Flattened initializer (see InitItem); null = none (zero-initialised if static). */
  init: InitItem[] | null = null;
  /** Function: parameters (in order), body, local objects, labels. */
  params: Obj[] | null = null;
  body: Node | null = null;
  locals: Obj[] | null = null;
  labels: LabelInfo[] | null = null;
  /** Function uses alloca/VLA or computed goto etc. */
  hasVLA = false;
  /** Function calls __builtin_va_start (is variadic). */
  usesVaStart = false;
  /** Enumerator value, and the enumeration it belongs to (-Wenum-compare). */
  enumVal = 0n;
  enumType: Type | null = null;
  /** Used (referenced) somewhere: for unused warnings and to omit unreferenced static functions. */
  used = false;
  /** References that may read it: every one, less the assignments to it (-Wunused-but-set-variable). */
  reads = 0;
  /** Address taken (for register allocation). */
  addrTaken = false;
  /** Builtin id when storage === SC.Builtin or for a library builtin. */
  builtin = -1;
  /** Implicitly declared (call to an undeclared function). */
  implicit = false;
  /** The implicit declaration took a library builtin's type (gcc does not complain on a matching redeclaration). */
  builtinImplicit = false;
  /** Declared by the compiler as a builtin; a user declaration with another type only warns. */
  builtinDecl = false;
  /** Scope depth at declaration (0 = file scope). */
  depth = 0;
  /** Function definition: its closing brace (where gcc reports "control reaches end of non-void function"). */
  bodyEnd: Token | null = null;
  /** Function definition, -Wreturn-type: FN_* bits (one field: every declaration is an Obj). */
  fnWarn = 0;
  /** gcc reports no "control reaches end" for it (a `return;`, or the front end's "no return statement"). */
  get returnsNothing(): boolean { return (this.fnWarn & FN_RETURNS_NOTHING) !== 0; }
  set returnsNothing(v: boolean) { this.fnWarn = v ? this.fnWarn | FN_RETURNS_NOTHING : this.fnWarn & ~FN_RETURNS_NOTHING; }
  /** Has a return statement. */
  get hasReturn(): boolean { return (this.fnWarn & FN_HAS_RETURN) !== 0; }
  set hasReturn(v: boolean) { this.fnWarn = v ? this.fnWarn | FN_HAS_RETURN : this.fnWarn & ~FN_HAS_RETURN; }
  /** Calls a function that never returns. */
  get callsNoreturn(): boolean { return (this.fnWarn & FN_CALLS_NORETURN) !== 0; }
  set callsNoreturn(v: boolean) { this.fnWarn = v ? this.fnWarn | FN_CALLS_NORETURN : this.fnWarn & ~FN_CALLS_NORETURN; }
  constructor(
    public name: string,
    public ty: Type,
    public tok: Token | null,
  ) {}
}

/**
 * One store of an initializer. The object is zero-filled first (static objects: the rest is zero),
 * then each item stores `expr` (already converted to `ty`) at byte `offset`; bit-fields use
 * `bitOffset`/`bitWidth` relative to the storage unit at `offset`. Items are sorted by offset and do
 * not overlap (an overridden designator replaces the earlier item). A string literal initializing a
 * char array is one item whose expr is the StrLit node and ty the array type (copy min(len, size) bytes).
 */
export class InitItem {
  constructor(
    public offset: number,
    public ty: Type,
    public expr: Node,
    public bitOffset: number,
    public bitWidth: number,
  ) {}
}

export class LabelInfo {
  defined: Token | null = null;
  used = false;
  addrTaken = false;
  /** Unique id within the function. */
  constructor(public name: string, public id: number, public firstUse: Token) {}
}

export interface AsmOperand {
  /** [name] symbolic operand name or null. */
  name: string | null;
  constraint: string;
  expr: Node;
}

export interface AsmInfo {
  template: string;
  outputs: AsmOperand[];
  inputs: AsmOperand[];
  clobbers: string[];
  labels: LabelInfo[];
  isVolatile: boolean;
  isInline: boolean;
  isGoto: boolean;
  /** `asm("...")` at file scope: only template is set. */
}

/** A string literal after concatenation: code units of the element type's width. */
export class StrLit {
  /** Label given by the lowering/emitter, if any. */
  label = '';
  /** The literal tokens when there are several (concatenation): -Wformat locations. */
  toks: Token[] | null = null;
  constructor(
    public units: number[],
    /** Element type (char, wchar_t, char16_t, char32_t). */
    public elem: Type,
  ) {}
}

/**
 * The fields that only some node kinds use (statements, members, string literals, floating constants,
 * builtins, ...). A Node makes its NodeExt on the first write of one of them, so the common
 * expression nodes (casts, variables, constants, operators) stay small.
 */
export class NodeExt {
  cond: Node | null = null;
  then: Node | null = null;
  els: Node | null = null;
  init: Node | null = null;
  inc: Node | null = null;
  body: Node | null = null;
  member: Member | null = null;
  val2: bigint | null = null;
  fval: bigint | null = null;
  str: StrLit | null = null;
  label: LabelInfo | null = null;
  asm: AsmInfo | null = null;
  opTy: Type | null = null;
  builtin = -1;
}

// Node.bits: ck in bits 0-3, op in bits 4-10, then the three flags.
const CK_MASK = 0xf, OP_SHIFT = 4, OP_MASK = 0x7f << OP_SHIFT, LVALUE = 1 << 11, EXPLICIT = 1 << 12, PAREN = 1 << 13,
  BCP = 1 << 14, FOLDED = 1 << 15;

/**
 * An AST node. Every node has the fields below the constructor's; the rarer ones (see NodeExt) are
 * read and written through accessors of the same names, and `ck`, `op`, `lvalue` and `explicit` are
 * packed in one number. Readers use the names listed in docs/AST.md and need not know the layout.
 */
export class Node {
  ty: Type;
  lhs: Node | null = null;
  rhs: Node | null = null;
  list: Node[] | null = null;
  obj: Obj | null = null;
  /** Integer constant value (integer constant expressions, folded casts, sizeof), or null. */
  val: bigint | null = null;
  private bits = CK.NoOp | (NK.Null << OP_SHIFT);
  private ext: NodeExt | null = null;
  constructor(public kind: NK, public tok: Token, ty: Type) {
    this.ty = ty;
  }

  private x(): NodeExt {
    return this.ext ??= new NodeExt();
  }

  /** Conversion kind for NK.Cast. */
  get ck(): CK { return this.bits & CK_MASK; }
  set ck(v: CK) { this.bits = (this.bits & ~CK_MASK) | v; }
  /** Operator of NK.OpAssign (an NK binary kind). */
  get op(): NK { return (this.bits & OP_MASK) >> OP_SHIFT; }
  set op(v: NK) { this.bits = (this.bits & ~OP_MASK) | (v << OP_SHIFT); }
  get lvalue(): boolean { return (this.bits & LVALUE) !== 0; }
  set lvalue(v: boolean) { this.bits = v ? this.bits | LVALUE : this.bits & ~LVALUE; }
  /** Written cast (C cast syntax) vs. implicit conversion. */
  get explicit(): boolean { return (this.bits & EXPLICIT) !== 0; }
  set explicit(v: boolean) { this.bits = v ? this.bits | EXPLICIT : this.bits & ~EXPLICIT; }
  /** Written in parentheses (-Wparentheses; set only when that is on). */
  get paren(): boolean { return (this.bits & PAREN) !== 0; }
  set paren(v: boolean) { this.bits = v ? this.bits | PAREN : this.bits & ~PAREN; }
  /** The value of a `__builtin_constant_p` call: a ?: it decides may have any other arm (gcc's ifexp_bcp). */
  get bcp(): boolean { return (this.bits & BCP) !== 0; }
  set bcp(v: boolean) { this.bits = v ? this.bits | BCP : this.bits & ~BCP; }
  /** A constant `val` that gcc folds but that is no integer constant expression (`1 ? 3 : f()`). */
  get folded(): boolean { return (this.bits & FOLDED) !== 0; }
  set folded(v: boolean) { this.bits = v ? this.bits | FOLDED : this.bits & ~FOLDED; }

  get cond(): Node | null { return this.ext === null ? null : this.ext.cond; }
  set cond(v: Node | null) { if (v !== null || this.ext !== null) this.x().cond = v; }
  get then(): Node | null { return this.ext === null ? null : this.ext.then; }
  set then(v: Node | null) { if (v !== null || this.ext !== null) this.x().then = v; }
  get els(): Node | null { return this.ext === null ? null : this.ext.els; }
  set els(v: Node | null) { if (v !== null || this.ext !== null) this.x().els = v; }
  get init(): Node | null { return this.ext === null ? null : this.ext.init; }
  set init(v: Node | null) { if (v !== null || this.ext !== null) this.x().init = v; }
  get inc(): Node | null { return this.ext === null ? null : this.ext.inc; }
  set inc(v: Node | null) { if (v !== null || this.ext !== null) this.x().inc = v; }
  get body(): Node | null { return this.ext === null ? null : this.ext.body; }
  set body(v: Node | null) { if (v !== null || this.ext !== null) this.x().body = v; }
  get member(): Member | null { return this.ext === null ? null : this.ext.member; }
  set member(v: Member | null) { if (v !== null || this.ext !== null) this.x().member = v; }
  /** Second value of a case range. */
  get val2(): bigint | null { return this.ext === null ? null : this.ext.val2; }
  set val2(v: bigint | null) { if (v !== null || this.ext !== null) this.x().val2 = v; }
  /** Floating constant: bit pattern in the format of the node's real type. */
  get fval(): bigint | null { return this.ext === null ? null : this.ext.fval; }
  set fval(v: bigint | null) { if (v !== null || this.ext !== null) this.x().fval = v; }
  get str(): StrLit | null { return this.ext === null ? null : this.ext.str; }
  set str(v: StrLit | null) { if (v !== null || this.ext !== null) this.x().str = v; }
  get label(): LabelInfo | null { return this.ext === null ? null : this.ext.label; }
  set label(v: LabelInfo | null) { if (v !== null || this.ext !== null) this.x().label = v; }
  get asm(): AsmInfo | null { return this.ext === null ? null : this.ext.asm; }
  set asm(v: AsmInfo | null) { if (v !== null || this.ext !== null) this.x().asm = v; }
  /** Computation type of NK.OpAssign; element type for SizeofVLA of a type. */
  get opTy(): Type | null { return this.ext === null ? null : this.ext.opTy; }
  set opTy(v: Type | null) { if (v !== null || this.ext !== null) this.x().opTy = v; }
  get builtin(): number { return this.ext === null ? -1 : this.ext.builtin; }
  set builtin(v: number) { if (v !== -1 || this.ext !== null) this.x().builtin = v; }
}

export interface TranslationUnit {
  /** File-scope objects and functions in declaration order (each once, with its final type). */
  decls: Obj[];
  /** Top-level asm("...") statements in order. */
  asms: string[];
  /** #pragma weak NAME [= ALIAS] */
  weakPragmas: { name: string; alias: string | null }[];
  /** All string literals that may need emission are reachable from nodes; this lists them too. */
  strings: StrLit[];
  /** Target-specific basic types (the lowering needs size_t etc.). */
  types: import('./types').Types;
}
