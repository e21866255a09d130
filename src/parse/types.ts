// The C type model.
//
// A Type is one object per distinct type; qualified and attributed variants are separate objects that
// point back at their unqualified original through `unqual`. Struct, union and enum types share one
// Record (the tag's members and layout) between all their variants, so completing a struct completes
// every variant (the Record keeps a list of them and writes the computed size and alignment into each).
//
// Kinds are ordered so that classification is a range check: integer kinds (Bool..Enum), then real
// floating kinds, then the rest. Sizes and alignments come from the target (TargetLayout); the
// `Types` object built per translation unit holds the target's basic types.

import type { Token } from '../lex/token';
import { TargetLayout } from '../../targets/layout';
import type { Node, Obj } from './ast';

export const enum TY {
  Void,
  // integers, by rank
  Bool, Char, SChar, UChar, Short, UShort, Int, UInt, Long, ULong, LLong, ULLong, Int128, UInt128,
  Enum,
  // real floating
  Float, Double, LDouble, Float128,
  Complex,
  Pointer, Array, Func, Struct, Union, Vector,
}

/** Qualifier bits. */
export const enum Q { None = 0, Const = 1, Volatile = 2, Restrict = 4, Atomic = 8 }

export class Member {
  constructor(
    /** null for an anonymous struct/union member or an unnamed bit-field. */
    public name: string | null,
    public ty: Type,
    /** Byte offset of the member (for bit-fields: of the storage unit of `ty` that holds its first bit). */
    public offset: number,
    /** Bit-field: first bit inside the storage unit at `offset` (little-endian numbering); -1 otherwise. */
    public bitOffset: number,
    /** Bit-field width, -1 for ordinary members. */
    public bitWidth: number,
    public index: number,
    public align: number,
  ) {}
  /** GNU: the member follows a member of run-time size, so its offset is computed at run time (the
   *  lowering's record layout) and `offset` means nothing. */
  dynOffset = false;
  /** Where it is declared (diagnostics), when known. */
  tok: Token | null = null;
}

export class Record {
  members: Member[] = [];
  /** For enums: the enumerators in order (-Wswitch). */
  enumConsts: { name: string; enumVal: bigint }[] | null = null;
  complete = false;
  /** Flexible array member present (last member with incomplete array type). */
  flexible = false;
  packed = false;
  transparentUnion = false;
  /** aligned(N) attribute on the tag. */
  alignAttr = 0;
  /** GNU, block scope: some member has a variably modified type. Its VLA bounds are evaluated once,
   *  where the struct is defined (a Decl node with no object, docs/AST.md). */
  vm = false;
  /** Some member has a run-time size (a VLA, or a record with varSize): the record's size and the
   *  offsets of the members after that one (Member.dynOffset) are computed at run time. */
  varSize = false;
  /** Some member (recursively) is const: assignment to the whole object is invalid. */
  hasConst = false;
  /** For enums: the compatible integer type once complete. */
  enumBase: Type | null = null;
  /** All Type objects naming this tag (filled with size/align on completion). */
  variants: Type[] = [];
  size = 0;
  align = 1;
  /** Scope depth where the tag was declared (for redeclaration checks). */
  depth = 0;
  /** Name -> member, built lazily (includes only direct members). */
  byName: Map<string, Member> | null = null;
  constructor(public kind: TY, public tag: string | null, public id: number) {}
}

export class Type {
  /** Unqualified original (itself when unqualified). */
  unqual: Type;
  /** Array length in elements; -1 for an incomplete array (also a flexible array member); vector count. */
  len = -1;
  /** VLA: the length expression (an rvalue of type size_t, evaluated once where the type is declared). */
  vla: Node | null = null;
  /** Function: parameter types (after adjustment). null with oldStyle for `f()`. */
  params: Type[] | null = null;
  /** Function: parameter names (for diagnostics), may be shorter than params. */
  paramNames: (string | null)[] | null = null;
  variadic = false;
  /** Function declared without a prototype (`int f()` or a K&R definition). */
  oldStyle = false;
  rec: Record | null = null;
  /** Name of the typedef this variant was reached through (for gcc's {aka ...} messages). */
  typedefName: string | null = null;
  /** Alignment set by an attribute or _Alignas on a typedef (0: none). */
  alignOverride = 0;
  /** may_alias attribute. */
  mayAlias = false;
  /** Function attributes that belong to the type (noreturn via pointer types, etc.). */
  noreturn = false;
  /** Cached derived types: pointer to this type, qualified variants by qualifier bits. */
  ptrCache: Type | null = null;
  qualCache: (Type | undefined)[] | null = null;
  constructor(
    public kind: TY,
    public size: number,
    public align: number,
    /** Pointer target, array element, function return, complex component, enum compatible type, vector element. */
    public base: Type | null = null,
    public qual: number = Q.None,
  ) {
    this.unqual = this;
  }
}

export function isInteger(t: Type): boolean { return t.kind >= TY.Bool && t.kind <= TY.Enum; }
export function isRealFloat(t: Type): boolean { return t.kind >= TY.Float && t.kind <= TY.Float128; }
export function isFloating(t: Type): boolean { return t.kind >= TY.Float && t.kind <= TY.Complex; }
export function isArith(t: Type): boolean { return t.kind >= TY.Bool && t.kind <= TY.Complex; }
export function isScalar(t: Type): boolean { return t.kind >= TY.Bool && t.kind <= TY.Pointer; }
export function isPointer(t: Type): boolean { return t.kind === TY.Pointer; }
export function isRecord(t: Type): boolean { return t.kind === TY.Struct || t.kind === TY.Union; }
export function isFunc(t: Type): boolean { return t.kind === TY.Func; }
export function isArray(t: Type): boolean { return t.kind === TY.Array; }
export function isVoid(t: Type): boolean { return t.kind === TY.Void; }
export function isVLA(t: Type): boolean { return t.kind === TY.Array && t.vla !== null; }
/** Does the type involve a VLA anywhere (variably modified)? */
export function isVM(t: Type | null): boolean {
  for (; t; t = t.base) {
    if (t.vla) return true;
    if (t.kind === TY.Struct || t.kind === TY.Union) return t.rec!.vm;
    if (t.kind === TY.Func) return false;
  }
  return false;
}
/** Is the size of the type known only at run time (a VLA, an array of such, a GNU struct with one)? */
export function isVarSize(t: Type): boolean {
  while (t.kind === TY.Array) { if (t.vla) return true; t = t.base!; }
  return (t.kind === TY.Struct || t.kind === TY.Union) && t.rec!.varSize;
}
export function isComplete(t: Type): boolean {
  if (t.kind === TY.Void) return false;
  if (t.kind === TY.Array) return t.len >= 0 || t.vla !== null;
  if (t.kind === TY.Struct || t.kind === TY.Union) return t.rec!.complete;
  if (t.kind === TY.Enum) return t.rec!.complete;
  return true;
}

/** Unsigned integer kinds (enum: its compatible type decides). */
export function isUnsigned(t: Type): boolean {
  switch (t.kind) {
    case TY.Bool: case TY.UChar: case TY.UShort: case TY.UInt: case TY.ULong: case TY.ULLong: case TY.UInt128:
      return true;
    case TY.Char: return t.size === 1 && !charSignedFlag;
    case TY.Enum: return t.base !== null && isUnsigned(t.base);
    case TY.Pointer: return true;
  }
  return false;
}
let charSignedFlag = true;

/** Integer conversion rank (C17 6.3.1.1). */
export function intRank(t: Type): number {
  switch (t.kind) {
    case TY.Bool: return 1;
    case TY.Char: case TY.SChar: case TY.UChar: return 2;
    case TY.Short: case TY.UShort: return 3;
    case TY.Int: case TY.UInt: return 4;
    case TY.Long: case TY.ULong: return 5;
    case TY.LLong: case TY.ULLong: return 6;
    case TY.Int128: case TY.UInt128: return 7;
    case TY.Enum: return t.base ? intRank(t.base) : 4;
  }
  return 0;
}

/** The basic types of one target. */
export class Types {
  readonly void: Type; readonly bool: Type; readonly char: Type; readonly schar: Type; readonly uchar: Type;
  readonly short: Type; readonly ushort: Type; readonly int: Type; readonly uint: Type;
  readonly long: Type; readonly ulong: Type; readonly llong: Type; readonly ullong: Type;
  readonly int128: Type; readonly uint128: Type;
  readonly float: Type; readonly double: Type; readonly ldouble: Type; readonly float128: Type;
  readonly sizeT: Type; readonly ptrdiffT: Type; readonly wcharT: Type; readonly char16T: Type; readonly char32T: Type;
  readonly voidPtr: Type; readonly charPtr: Type; readonly constCharPtr: Type; readonly constVoidPtr: Type;
  /** __builtin_va_list */
  readonly vaList: Type;
  private nextRecordId = 1;

  constructor(readonly target: TargetLayout) {
    charSignedFlag = target.charSigned;
    const L = target.longSize, P = target.ptrSize;
    this.void = new Type(TY.Void, 1, 1);
    this.bool = new Type(TY.Bool, 1, 1);
    this.char = new Type(TY.Char, 1, 1);
    this.schar = new Type(TY.SChar, 1, 1);
    this.uchar = new Type(TY.UChar, 1, 1);
    this.short = new Type(TY.Short, 2, 2);
    this.ushort = new Type(TY.UShort, 2, 2);
    this.int = new Type(TY.Int, 4, 4);
    this.uint = new Type(TY.UInt, 4, 4);
    this.long = new Type(TY.Long, L, L);
    this.ulong = new Type(TY.ULong, L, L);
    this.llong = new Type(TY.LLong, 8, 8);
    this.ullong = new Type(TY.ULLong, 8, 8);
    this.int128 = new Type(TY.Int128, 16, 16);
    this.uint128 = new Type(TY.UInt128, 16, 16);
    this.float = new Type(TY.Float, 4, 4);
    this.double = new Type(TY.Double, 8, 8);
    this.ldouble = new Type(TY.LDouble, target.longDoubleSize, target.longDoubleAlign);
    this.float128 = new Type(TY.Float128, 16, 16);
    this.sizeT = L === 8 ? this.ulong : this.uint;
    this.ptrdiffT = L === 8 ? this.long : this.int;
    this.wcharT = target.shortWchar ? this.ushort : target.wcharSigned ? this.int : this.uint;
    this.char16T = this.ushort;
    this.char32T = this.uint;
    this.voidPtr = this.pointerTo(this.void);
    this.charPtr = this.pointerTo(this.char);
    this.constCharPtr = this.pointerTo(qualify(this.char, Q.Const));
    this.constVoidPtr = this.pointerTo(qualify(this.void, Q.Const));
    void P;
    this.vaList = this.makeVaList();
  }

  pointerTo(base: Type): Type {
    if (base.ptrCache) return base.ptrCache;
    const p = this.target.ptrSize;
    const t = new Type(TY.Pointer, p, p, base);
    base.ptrCache = t;
    return t;
  }

  arrayOf(elem: Type, len: number): Type {
    const t = new Type(TY.Array, len >= 0 ? elem.size * len : 0, elem.align, elem);
    t.len = len;
    return t;
  }

  vlaOf(elem: Type, lenExpr: Node): Type {
    const t = new Type(TY.Array, 0, elem.align, elem);
    t.vla = lenExpr;
    return t;
  }

  funcType(ret: Type, params: Type[] | null, variadic: boolean, oldStyle: boolean): Type {
    const t = new Type(TY.Func, 1, 1, ret);
    t.params = params;
    t.variadic = variadic;
    t.oldStyle = oldStyle;
    return t;
  }

  complexOf(base: Type): Type {
    return new Type(TY.Complex, base.size * 2, base.align, base);
  }

  vectorOf(elem: Type, bytes: number): Type {
    const t = new Type(TY.Vector, bytes, bytes, elem);
    t.len = Math.max(1, Math.floor(bytes / elem.size));
    return t;
  }

  newRecord(kind: TY, tag: string | null): Type {
    const rec = new Record(kind, tag, this.nextRecordId++);
    const t = new Type(kind, 0, 1);
    t.rec = rec;
    rec.variants.push(t);
    if (kind === TY.Enum) { t.size = 4; t.align = 4; t.base = this.uint; }
    return t;
  }

  /** The integer type of a given size and signedness (mode attribute, enum bases). */
  intOfSize(size: number, unsigned: boolean): Type {
    switch (size) {
      case 1: return unsigned ? this.uchar : this.schar;
      case 2: return unsigned ? this.ushort : this.short;
      case 4: return unsigned ? this.uint : this.int;
      case 8: return this.target.longSize === 8 ? (unsigned ? this.ulong : this.long) : (unsigned ? this.ullong : this.llong);
      default: return unsigned ? this.uint128 : this.int128;
    }
  }

  /** Float format of a real floating type, for src/numeric. */
  floatFormat(t: Type): 'f32' | 'f64' | 'x87' | 'f128' {
    switch (t.kind) {
      case TY.Float: return 'f32';
      case TY.Double: return 'f64';
      case TY.LDouble: return this.target.longDouble === 'x87' ? 'x87' : this.target.longDouble === 'binary128' ? 'f128' : 'f64';
      case TY.Float128: return 'f128';
      case TY.Complex: return this.floatFormat(t.base!);
    }
    return 'f64';
  }

  /** va_list per ABI: x86-64 {u32,u32,void*,void*}[1], AArch64 {void*,void*,void*,int,int}, else void*. */
  private makeVaList(): Type {
    const a = this.target.arch;
    if (a === 'x86_64') {
      const s = this.newRecord(TY.Struct, '__va_list_tag');
      const r = s.rec!;
      r.members = [
        new Member('gp_offset', this.uint, 0, -1, -1, 0, 4),
        new Member('fp_offset', this.uint, 4, -1, -1, 1, 4),
        new Member('overflow_arg_area', this.voidPtr, 8, -1, -1, 2, 8),
        new Member('reg_save_area', this.voidPtr, 16, -1, -1, 3, 8),
      ];
      completeRecord(r, 24, 8);
      return this.arrayOf(s, 1);
    }
    if (a === 'aarch64') {
      const s = this.newRecord(TY.Struct, '__va_list');
      const r = s.rec!;
      r.members = [
        new Member('__stack', this.voidPtr, 0, -1, -1, 0, 8),
        new Member('__gr_top', this.voidPtr, 8, -1, -1, 1, 8),
        new Member('__vr_top', this.voidPtr, 16, -1, -1, 2, 8),
        new Member('__gr_offs', this.int, 24, -1, -1, 3, 4),
        new Member('__vr_offs', this.int, 28, -1, -1, 4, 4),
      ];
      completeRecord(r, 32, 8);
      return s;
    }
    return this.pointerTo(this.void);
  }
}

export function completeRecord(r: Record, size: number, align: number): void {
  r.size = size;
  r.align = align;
  r.complete = true;
  r.byName = null;
  for (const v of r.variants) {
    v.size = size;
    if (!v.alignOverride) v.align = align;
  }
}

/** A copy of `t` that is a distinct object (for qualifiers and attributes). */
export function cloneType(t: Type): Type {
  const c = new Type(t.kind, t.size, t.align, t.base, t.qual);
  c.unqual = t.unqual;
  c.len = t.len; c.vla = t.vla; c.params = t.params; c.paramNames = t.paramNames; c.variadic = t.variadic;
  c.oldStyle = t.oldStyle; c.rec = t.rec; c.typedefName = t.typedefName; c.alignOverride = t.alignOverride;
  c.mayAlias = t.mayAlias; c.noreturn = t.noreturn;
  if (c.rec && c.kind !== TY.Enum || c.rec && !c.rec.complete) c.rec!.variants.push(c);
  return c;
}

/** `t` with qualifiers `q` added. Qualifiers on an array type apply to its element type (C17 6.7.3p10). */
export function qualify(t: Type, q: number): Type {
  if (q === 0 || (t.qual & q) === q) return t;
  if (t.kind === TY.Array) {
    const e = qualify(t.base!, q);
    const c = cloneType(t);
    c.base = e;
    return c;
  }
  const plain = t.typedefName === null && t.alignOverride === 0 && !t.mayAlias && t.qual === 0 && t.unqual === t;
  if (plain) {
    const cache = t.qualCache ?? (t.qualCache = []);
    const hit = cache[q];
    if (hit) return hit;
    const c = cloneType(t);
    c.qual = q;
    cache[q] = c;
    return c;
  }
  const c = cloneType(t);
  c.qual |= q;
  return c;
}

/** `t` without top-level qualifiers (keeps the typedef name and alignment attribute). */
export function unqualified(t: Type): Type {
  if (t.qual === 0) return t;
  if (t.typedefName === null && t.alignOverride === 0) return t.unqual;
  const c = cloneType(t);
  c.qual = 0;
  return c;
}

/** Strip qualifiers, typedef names and attributes entirely. */
export function canonical(t: Type): Type {
  return t.unqual;
}

/** `t` with a different alignment (aligned attribute, _Alignas on a typedef). */
export function withAlign(t: Type, align: number): Type {
  const c = cloneType(t);
  c.align = align;
  c.alignOverride = align;
  return c;
}

export function withTypedefName(t: Type, name: string): Type {
  const c = cloneType(t);
  c.typedefName = name;
  return c;
}

/** Compatible types (C17 6.2.7), ignoring top-level qualifiers if `ignoreQual`. */
export function compatible(a: Type, b: Type, ignoreQual = false): boolean {
  if (a === b) return true;
  if (!ignoreQual && (a.qual & ~Q.Restrict) !== (b.qual & ~Q.Restrict)) {
    if ((a.qual & (Q.Const | Q.Volatile | Q.Atomic)) !== (b.qual & (Q.Const | Q.Volatile | Q.Atomic))) return false;
  }
  if (a.unqual === b.unqual) return true;
  // an enum is compatible with its underlying integer type
  if (a.kind === TY.Enum && b.kind !== TY.Enum) return a.rec!.complete && a.base!.kind === b.kind;
  if (b.kind === TY.Enum && a.kind !== TY.Enum) return b.rec!.complete && b.base!.kind === a.kind;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case TY.Pointer:
      return compatible(a.base!, b.base!);
    case TY.Array:
      if (!compatible(a.base!, b.base!)) return false;
      return a.len < 0 || b.len < 0 || a.vla !== null || b.vla !== null || a.len === b.len;
    case TY.Func: {
      if (!compatible(a.base!, b.base!)) return false;
      if (a.oldStyle || b.oldStyle) {
        // one has no prototype: the other's parameters must survive default argument promotion
        const proto = a.oldStyle ? b : a;
        if (proto.oldStyle || !proto.params) return true;
        const other = proto === a ? b : a;
        if (other.params && other.params.length > 0) {
          if (other.params.length !== proto.params.length) return false;
          for (let i = 0; i < proto.params.length; i++) {
            if (!compatible(proto.params[i], other.params[i], true)) return false;
          }
          return true;
        }
        if (proto.variadic) return false;
        for (const p of proto.params) if (!promotionSafe(p)) return false;
        return true;
      }
      const pa = a.params!, pb = b.params!;
      if (pa.length !== pb.length || a.variadic !== b.variadic) return false;
      for (let i = 0; i < pa.length; i++) if (!compatible(pa[i], pb[i], true) && !transparentMatch(pa[i], pb[i])) return false;
      return true;
    }
    case TY.Struct: case TY.Union: case TY.Enum:
      return a.rec === b.rec;
    case TY.Complex: case TY.Vector:
      return a.size === b.size && compatible(a.base!, b.base!);
  }
  return true;
}

/** gcc treats a transparent union parameter as compatible with its first member's type. */
function transparentMatch(a: Type, b: Type): boolean {
  const u = a.kind === TY.Union && a.rec!.transparentUnion ? a : b.kind === TY.Union && b.rec!.transparentUnion ? b : null;
  if (!u) return false;
  const o = u === a ? b : a;
  const m = u.rec!.members[0];
  return m !== undefined && compatible(m.ty, o, true);
}

function promotionSafe(t: Type): boolean {
  switch (t.kind) {
    case TY.Bool: case TY.Char: case TY.SChar: case TY.UChar: case TY.Short: case TY.UShort: case TY.Float:
      return false;
  }
  return true;
}

/** Composite type of two compatible types (C17 6.2.7p3): completes array sizes and prototypes. */
export function composite(a: Type, b: Type, T: Types): Type {
  if (a.kind === TY.Array && b.kind === TY.Array) {
    if (a.len < 0 && b.len >= 0) return b;
    return a;
  }
  if (a.kind === TY.Func && b.kind === TY.Func) {
    if (a.oldStyle && !b.oldStyle) return b;
    if (b.oldStyle && !a.oldStyle) return a;
    if (a.oldStyle && b.oldStyle && !a.params && b.params) return b;
  }
  void T;
  return a;
}

// ---------------------------------------------------------------------------------------------
// Printing types the way gcc does: 'long unsigned int', 'char *', 'int (*)(int)', 'struct S'.

const BASIC_NAMES: { [k: number]: string } = {
  [TY.Void]: 'void', [TY.Bool]: '_Bool', [TY.Char]: 'char', [TY.SChar]: 'signed char',
  [TY.UChar]: 'unsigned char', [TY.Short]: 'short int', [TY.UShort]: 'short unsigned int', [TY.Int]: 'int',
  [TY.UInt]: 'unsigned int', [TY.Long]: 'long int', [TY.ULong]: 'long unsigned int', [TY.LLong]: 'long long int',
  [TY.ULLong]: 'long long unsigned int', [TY.Int128]: '__int128', [TY.UInt128]: '__int128 unsigned',
  [TY.Float]: 'float', [TY.Double]: 'double', [TY.LDouble]: 'long double', [TY.Float128]: '_Float128',
};

function qualText(q: number): string {
  let s = '';
  if (q & Q.Const) s += 'const ';
  if (q & Q.Volatile) s += 'volatile ';
  if (q & Q.Restrict) s += 'restrict ';
  if (q & Q.Atomic) s += '_Atomic ';
  return s;
}

function baseName(t: Type): string {
  if (t.typedefName) return t.typedefName;
  switch (t.kind) {
    case TY.Struct: return 'struct ' + (t.rec!.tag ?? '<anonymous>');
    case TY.Union: return 'union ' + (t.rec!.tag ?? '<anonymous>');
    case TY.Enum: return 'enum ' + (t.rec!.tag ?? '<anonymous>');
    case TY.Complex: return 'complex ' + baseName(t.base!);
    case TY.Vector: return `__vector(${t.len}) ${baseName(t.base!)}`;
  }
  return BASIC_NAMES[t.kind] ?? '?';
}

/** gcc's spelling of a type; `inner` is the declarator text built so far. */
export function typeToString(t: Type, inner = ''): string {
  if (t.typedefName !== null || t.kind <= TY.Complex || t.kind === TY.Struct || t.kind === TY.Union || t.kind === TY.Vector) {
    const s = qualText(t.qual) + baseName(t);
    // gcc: 'int[4]', 'int(void)' (a function type), but 'int (*)(void)' and 'int *'
    return inner ? s + (inner.startsWith('[') || (inner.startsWith('(') && !inner.startsWith('(*')) ? '' : ' ') + inner : s;
  }
  switch (t.kind) {
    case TY.Pointer: {
      let q = qualText(t.qual).trimEnd();
      const b = t.base!;
      const needParen = b.typedefName === null && (b.kind === TY.Array || b.kind === TY.Func);
      // gcc: 'int * (*)(int)', 'void (* (*)(int))(void)', 'int * const*'
      let d = '*' + (q ? ' ' + q + (inner && !inner.startsWith('*') ? ' ' : '') : inner.startsWith('(*') ? ' ' : '') + inner;
      if (needParen) d = '(' + d + ')';
      q = '';
      return typeToString(b, d);
    }
    case TY.Array: {
      const n = t.vla ? '*' : t.len >= 0 ? String(t.len) : '';
      return typeToString(t.base!, inner + '[' + n + ']');
    }
    case TY.Func: {
      let ps = '';
      if (t.params) {
        // gcc's printer pads the parameter after one ending in a name: '(int,  char *, int)'
        for (let i = 0; i < t.params.length; i++) {
          const s = typeToString(t.params[i]);
          ps += i === 0 ? s : /[A-Za-z0-9_]$/.test(ps) ? ',  ' + s : ', ' + s;
        }
        if (t.variadic) ps += ps ? ', ...' : '...';
        if (!t.params.length && !t.variadic && !t.oldStyle) ps = 'void';
      }
      return typeToString(t.base!, inner + '(' + ps + ')');
    }
  }
  return '?';
}

/** The type in quotes as gcc prints it, with {aka ...} for typedefs. */
export function quoteType(t: Type): string {
  const s = typeToString(t);
  if (hasTypedefName(t)) {
    const a = typeToString(stripTypedefs(t));
    if (a !== s) return `'${s}' {aka '${a}'}`;
  }
  return `'${s}'`;
}

function hasTypedefName(t: Type | null): boolean {
  for (; t; t = t.base) {
    if (t.typedefName) return true;
    if (t.kind === TY.Struct || t.kind === TY.Union || t.kind === TY.Enum) return false;
    if (t.kind === TY.Func && t.params) for (const p of t.params) if (hasTypedefName(p)) return true;
  }
  return false;
}

function stripTypedefs(t: Type): Type {
  if (!hasTypedefName(t)) return t;
  const c = cloneType(t);
  c.typedefName = null;
  if (c.kind !== TY.Struct && c.kind !== TY.Union && c.kind !== TY.Enum && c.base) c.base = stripTypedefs(c.base);
  if (c.kind === TY.Func && c.params) c.params = c.params.map(stripTypedefs);
  return c;
}

export type { Obj };
