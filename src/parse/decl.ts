// Declarations: declaration specifiers, declarators, struct/union/enum specifiers, GNU attributes,
// typedefs, object and function declarations with their redeclaration rules, and the translation unit.
//
// Declarators are parsed in one pass: for a nested declarator `( D )` the parenthesised part is
// skipped, the suffixes after it are applied to the type, then the parser goes back and parses D
// with that type (so `int (*a[3])(int)` yields "array of 3 pointers to function (int) returning int").

import { TK, Token } from '../lex/token';
import { Attrs, Linkage, Node, NK, Obj, SC } from './ast';
import { KW, Parser } from './state';
import {
  Q, TY, Type, cloneType, compatible, composite, isArray, isComplete, isFunc, isInteger, isRealFloat, isVM, isVarSize,
  qualify, quoteType, typeToString, withAlign, withTypedefName, Member,
} from './types';
import { FieldDecl, layoutRecord } from './layout';
import { assign, condExpr, constIntExpr, expr, rvalue, convertTo, newNode } from './expr';
import { parseInitializer } from './init';
import { compoundStmt, finishFunction, startFunction } from './stmt';
import { libraryBuiltin } from './builtins';
import { warnIgnoredQualifiers, warnOldStyleDeclaration } from './warn-extra';
import { stringLiteral, stringLiteralText } from './literal';

export interface DeclSpec {
  ty: Type;
  storage: SC;
  inline: boolean;
  noreturn: boolean;
  threadLocal: boolean;
  align: number;
  attrs: Attrs | null;
  /** A type specifier was written (else implicit int). */
  typeGiven: boolean;
  autoType: boolean;
  tok: Token;
  /** The specifiers include a struct/union/enum definition (with a body). */
  tagDef?: boolean;
  /** The first type qualifier keyword and the typedef name among the specifiers (-Wignored-qualifiers). */
  qualTok?: Token | null;
  typedefTok?: Token | null;
}

export interface Declarator {
  name: string | null;
  tok: Token;
  ty: Type;
  /** Parameters of the function declarator applied directly to the name (for definitions). */
  params: Obj[] | null;
  /** K&R identifier list. */
  knr: Token[] | null;
  attrs: Attrs | null;
  asmName: string | null;
  /** An array of an incomplete struct/union was built: reported at the declarator's name when it is known. */
  incompleteElem?: { elem: Type; lb: Token } | null;
  /** This declarator declares a parameter (where `[static N]` and `[const]` are allowed). */
  isParam?: boolean;
  /** `[static ...]` or `[const]` seen in an array declarator that is not a parameter's. */
  badArrayQual?: Token | null;
  /** The declaration specifiers (-Wignored-qualifiers reports at their qualifiers). */
  spec?: DeclSpec | null;
  /** A function declarator here returns a qualified type: reported when the name is known. */
  qualifiedReturn?: boolean;
}

// type specifier counters (a sum identifies the combination; chibicc's trick)
const VOID = 1 << 0, BOOL = 1 << 2, CHAR = 1 << 4, SHORT = 1 << 6, INT = 1 << 8, LONG = 1 << 10,
  FLOAT = 1 << 12, DOUBLE = 1 << 14, OTHER = 1 << 16, SIGNED = 1 << 17, UNSIGNED = 1 << 18,
  INT128 = 1 << 19, F128 = 1 << 20, F80 = 1 << 21, F16 = 1 << 22, F64X = 1 << 23;

/** What each basic type keyword adds to the counter (0: not one of them). */
const SPEC_COUNT: Int32Array = (() => {
  const t = new Int32Array(KW.Decimal + 1);
  const set: [KW, number][] = [
    [KW.Void, VOID], [KW.Bool, BOOL], [KW.Char, CHAR], [KW.Short, SHORT], [KW.Int, INT], [KW.Long, LONG],
    [KW.Float, FLOAT], [KW.Double, DOUBLE], [KW.Int128, INT128], [KW.Float32, FLOAT], [KW.Float64, DOUBLE],
    [KW.Float32x, DOUBLE], [KW.Float64x, F64X], [KW.Float128, F128], [KW.Float80, F80], [KW.Float16, F16],
  ];
  for (const [k, c] of set) t[k] = c;
  return t;
})();

/** Can this token start a declaration specifier (or a type name)? */
export function isDeclSpecStart(p: Parser, t: Token): boolean {
  if (t.kind !== TK.Ident) return false;
  const k = p.kw(t);
  if (k === KW.None) return p.isTypedefName(t);
  return (k >= KW.Typedef && k <= KW.Attribute) || k === KW.Extension || k === KW.Decimal;
}

/** A type name starts here (for casts, sizeof, compound literals): no storage classes. */
export function isTypeNameStart(p: Parser, t: Token): boolean {
  if (t.kind !== TK.Ident) return false;
  const k = p.kw(t);
  if (k === KW.None) return p.isTypedefName(t);
  if (k === KW.Extension) {
    for (let i = 0; i < 8; i++) if (p.peek(i) === t) return isTypeNameStart(p, p.peek(i + 1));
    return false;
  }
  return (k >= KW.Const && k <= KW.Alignas) || k === KW.Attribute || k === KW.Decimal;
}

// declaration-specifiers = (storage-class | type-qualifier | type-specifier | function-specifier
//                           | alignment-specifier | attribute | "__extension__")+
export function declSpec(p: Parser, allowStorage: boolean): DeclSpec | null {
  const start = p.tok();
  const T = p.T;
  let counter = 0, complex = false, qual = 0, seen = false;
  // -Wold-style-declaration: a type specifier or qualifier came before a storage class (gcc's non_sc_seen_p)
  let nonSc = false;
  let ty: Type | null = null;
  let badAlign: number | null = null;
  let specErr = false;
  const spec: DeclSpec = {
    ty: T.int, storage: SC.None, inline: false, noreturn: false, threadLocal: false, align: 0,
    attrs: null, typeGiven: false, autoType: false, tok: start, tagDef: false, qualTok: null, typedefTok: null,
  };
  for (;;) {
    const t = p.tok();
    if (t.kind === TK.LBracket && p.peek(1).kind === TK.LBracket) { stdAttributes(p, spec); seen = true; continue; }
    if (t.kind !== TK.Ident) break;
    const k = p.kw(t);
    // after a tag definition a type name means a forgotten ';' (gcc stops the specifiers here)
    if (spec.tagDef && startsTypeSpecifier(p, k, t)) break;
    if (k === KW.None) {
      const td: Obj | null = counter === 0 && ty === null && !spec.autoType ? p.lookupTok(t) : null;
      if (td !== null && td.storage === SC.Typedef) {
        // `T x` where T is a typedef, unless the next token makes T the declarator (`T;` in a struct)
        td.used = true;
        ty = td.ty;
        counter += OTHER;
        spec.typedefTok = t;
        nonSc = true;
        p.next();
        seen = true;
        continue;
      }
      break;
    }
    if (k >= KW.Void && k <= KW.Int128 && k !== KW.Complex && k !== KW.Imaginary && !specErr && ty === null) {
      const msg = specConflict(counter, k);
      if (msg) { p.error(t, msg); specErr = true; }
    }
    const add = SPEC_COUNT[k];
    if (add !== 0 || k === KW.Signed || k === KW.Unsigned || k === KW.Complex || k === KW.Imaginary || k === KW.Struct ||
        k === KW.Union || k === KW.Enum || k === KW.Typeof || k === KW.AutoType || k === KW.Decimal) nonSc = true;
    else if (k === KW.Const || k === KW.Volatile || k === KW.Restrict || k === KW.Atomic) {
      nonSc = true;
      spec.qualTok ??= t;
    } else if (nonSc && p.wx.oldStyleDeclaration && (k === KW.Typedef || k === KW.Extern || k === KW.Static || k === KW.Auto ||
        k === KW.Register || k === KW.ThreadLocal || k === KW.Inline || k === KW.Noreturn)) warnOldStyleDeclaration(p, t);
    if (add !== 0) {
      // a basic type keyword: one more in the counter (t is not EOF, so p.pos++ is p.next())
      counter += add;
      p.pos++;
      seen = true;
      continue;
    }
    switch (k) {
      case KW.Typedef: case KW.Extern: case KW.Static: case KW.Auto: case KW.Register: {
        if (!allowStorage) { p.error(t, 'storage class specified for unnamed parameter'); p.next(); continue; }
        const sc = k === KW.Typedef ? SC.Typedef : k === KW.Extern ? SC.Extern : k === KW.Static ? SC.Static :
          k === KW.Auto ? SC.Auto : SC.Register;
        if (spec.storage !== SC.None && spec.storage !== sc) p.error(t, 'multiple storage classes in declaration specifiers');
        else if (spec.storage === sc) p.error(t, `duplicate '${t.text}'`);
        if (sc === SC.Auto && p.c2x && spec.storage === SC.None && ty === null && counter === 0) { /* C23 auto type inference */ }
        spec.storage = sc;
        p.next();
        break;
      }
      case KW.ThreadLocal: spec.threadLocal = true; p.pos++; break;
      case KW.Inline: spec.inline = true; p.pos++; break;
      case KW.Noreturn: spec.noreturn = true; p.pos++; break;
      case KW.Const: qual |= Q.Const; p.pos++; break;
      case KW.Volatile: qual |= Q.Volatile; p.pos++; break;
      case KW.Restrict: qual |= Q.Restrict; p.pos++; break;
      case KW.Atomic:
        p.next();
        if (p.at(TK.LParen)) {
          p.next();
          const inner = typeName(p);
          p.expect(TK.RParen, "')'");
          if (inner.kind === TY.Array) p.error(t, "'_Atomic'-qualified array type");
          else if (inner.kind === TY.Func) p.error(t, "'_Atomic'-qualified function type");
          ty = qualify(inner, Q.Atomic);
          counter += OTHER;
        } else qual |= Q.Atomic;
        break;
      case KW.Attribute: attributes(p, spec); break;
      case KW.Extension: p.next(); break;
      case KW.Alignas: {
        p.next();
        p.expect(TK.LParen, "'('");
        let a: number;
        if (isTypeNameStart(p, p.tok())) a = typeAlign(p, typeName(p));
        else a = Number(constIntExpr(p));
        p.expect(TK.RParen, "')'");
        if (a < 0 || (a & (a - 1)) !== 0) badAlign ??= a;
        else if (a > spec.align) spec.align = a;
        break;
      }
      case KW.Signed: counter |= SIGNED; p.pos++; break;
      case KW.Unsigned: counter |= UNSIGNED; p.pos++; break;
      case KW.Decimal: p.error(t, 'decimal floating-point not supported for this target'); counter += DOUBLE; p.pos++; break;
      case KW.Complex: complex = true; p.pos++; break;
      case KW.Imaginary: complex = true; p.pos++; break;
      case KW.Struct: case KW.Union:
        if (ty !== null || counter !== 0) { p.error(t, 'two or more data types in declaration specifiers'); }
        p.tagBody = false;
        ty = structDecl(p); counter += OTHER; if (p.tagBody) spec.tagDef = true; break;
      case KW.Enum:
        if (ty !== null || counter !== 0) { p.error(t, 'two or more data types in declaration specifiers'); }
        p.tagBody = false;
        ty = enumDecl(p); counter += OTHER; if (p.tagBody) spec.tagDef = true; break;
      case KW.Typeof:
        ty = typeofSpec(p); counter += OTHER; break;
      case KW.AutoType:
        p.next(); spec.autoType = true; break;
      default:
        seen = seen || counter !== 0 || ty !== null || qual !== 0 || spec.storage !== SC.None;
        return finishSpec(p, spec, seen, counter, ty, complex, specErr, badAlign, qual);
    }
    seen = true;
  }
  return finishSpec(p, spec, seen, counter, ty, complex, specErr, badAlign, qual);
}

/** The end of declSpec: the type from the counter (or the named type), qualifiers, attributes.
 *  (A module-level function: as a closure inside declSpec it made every one of its variables live in a
 *  heap context, allocated at each call.) */
function finishSpec(p: Parser, spec: DeclSpec, seen: boolean, counter: number, ty: Type | null, complex: boolean,
                    specErr: boolean, badAlign: number | null, qual: number): DeclSpec | null {
  if (!seen) return null;
  const T = p.T, start = spec.tok;
  let base: Type;
  spec.typeGiven = counter !== 0 || ty !== null || complex;
  if (ty !== null) {
    if (counter !== OTHER) p.error(start, 'two or more data types in declaration specifiers');
    base = ty;
  } else base = specErr ? T.int : basicType(p, counter, start, complex);
  if (complex && ty === null) {
    if (counter === 0) p.pedwarn(null, start, "ISO C does not support plain 'complex' meaning 'double complex'");
    base = base.kind === TY.Complex ? base : T.complexOf(base);
  }
  if (badAlign !== null) p.error(start, `requested alignment '${badAlign}' is not a positive power of 2`);
  if ((qual & Q.Restrict) && !isRestrictable(base)) { p.error(start, "invalid use of 'restrict'"); qual &= ~Q.Restrict; }
  spec.ty = qualify(base, qual);
  if (spec.attrs) spec.ty = applyTypeAttrs(p, spec.ty, spec.attrs, start, true);
  return spec;
}

/** Does a type specifier (not a qualifier, storage class or attribute) start here? */
function startsTypeSpecifier(p: Parser, k: KW, t: Token): boolean {
  if (k === KW.None) return p.isTypedefName(t);
  return (k >= KW.Void && k <= KW.AutoType && k !== KW.Alignas) || k === KW.Decimal;
}

/** restrict qualifies pointers (and arrays of them, through a typedef) only. */
function isRestrictable(t: Type): boolean {
  while (t.kind === TY.Array) t = t.base!;
  return t.kind === TY.Pointer;
}

const BASE_WORDS: [number, string][] = [[VOID, 'void'], [BOOL, '_Bool'], [CHAR, 'char'], [INT, 'int'], [FLOAT, 'float'], [DOUBLE, 'double'], [INT128, '__int128']];

/** gcc's message for adding keyword k to the specifiers seen so far (counter), or null if they combine.
 *  (A pure function of its arguments, called for every `unsigned int`, `long long`, ...: memoised.) */
function specConflict(c: number, k: KW): string | null {
  if (c === 0) return null;
  const key = c * 128 + k;
  let r = conflictMemo.get(key);
  if (r === undefined) {
    r = specConflictText(c, k);
    conflictMemo.set(key, r);
  }
  return r;
}
const conflictMemo = new Map<number, string | null>();

function specConflictText(c: number, k: KW): string | null {
  const longs = Math.floor((c / LONG) % 4), short = (c & (SHORT * 3)) !== 0;
  const signed = (c & SIGNED) !== 0, unsigned = (c & UNSIGNED) !== 0;
  let word: string | null = null;
  for (const [bit, name] of BASE_WORDS) if ((c & (bit * 3)) !== 0) word = name;
  const not = (name: string | null, ...ok: string[]) => name !== null && !ok.includes(name);
  switch (k) {
    case KW.Long:
      if (longs === 2) return "'long long long' is too long for GCC";
      if (short) return "both 'long' and 'short' in declaration specifiers";
      if (longs === 1 && word === 'double') return "both 'long long' and 'double' in declaration specifiers";
      if (not(word, 'int', 'double')) return `both 'long' and '${word}' in declaration specifiers`;
      return null;
    case KW.Short:
      if (longs) return "both 'long' and 'short' in declaration specifiers";
      if (not(word, 'int')) return `both 'short' and '${word}' in declaration specifiers`;
      return null;
    case KW.Signed: case KW.Unsigned: {
      const me = k === KW.Signed ? 'signed' : 'unsigned';
      if (k === KW.Signed ? unsigned : signed) return "both 'signed' and 'unsigned' in declaration specifiers";
      if (not(word, 'int', 'char', '__int128')) return `both '${me}' and '${word}' in declaration specifiers`;
      return null;
    }
  }
  const w = BASE_WORDS.find(([, n]) => KW_OF_WORD[n] === k)?.[1] ?? null;
  if (w === null) return null;
  if (word !== null) return 'two or more data types in declaration specifiers';
  if (longs === 2 && w === 'double') return "both 'long long' and 'double' in declaration specifiers";
  if (longs && w !== 'int' && w !== 'double') return `both 'long' and '${w}' in declaration specifiers`;
  if (short && w !== 'int') return `both 'short' and '${w}' in declaration specifiers`;
  if (signed && w !== 'int' && w !== 'char' && w !== '__int128') return `both 'signed' and '${w}' in declaration specifiers`;
  if (unsigned && w !== 'int' && w !== 'char' && w !== '__int128') return `both 'unsigned' and '${w}' in declaration specifiers`;
  return null;
}
const KW_OF_WORD: Record<string, KW> = { void: KW.Void, _Bool: KW.Bool, char: KW.Char, int: KW.Int, float: KW.Float, double: KW.Double, __int128: KW.Int128 };

function basicType(p: Parser, c: number, tok: Token, complex: boolean): Type {
  const T = p.T;
  switch (c) {
    case 0: return complex ? T.double : T.int;
    case VOID: return T.void;
    case BOOL: return T.bool;
    case CHAR: return T.char;
    case SIGNED + CHAR: return T.schar;
    case UNSIGNED + CHAR: return T.uchar;
    case SHORT: case SHORT + INT: case SIGNED + SHORT: case SIGNED + SHORT + INT: return T.short;
    case UNSIGNED + SHORT: case UNSIGNED + SHORT + INT: return T.ushort;
    case INT: case SIGNED: case SIGNED + INT: return T.int;
    case UNSIGNED: case UNSIGNED + INT: return T.uint;
    case LONG: case LONG + INT: case SIGNED + LONG: case SIGNED + LONG + INT: return T.long;
    case UNSIGNED + LONG: case UNSIGNED + LONG + INT: return T.ulong;
    case LONG + LONG: case LONG + LONG + INT: case SIGNED + LONG + LONG: case SIGNED + LONG + LONG + INT: return T.llong;
    case UNSIGNED + LONG + LONG: case UNSIGNED + LONG + LONG + INT: return T.ullong;
    case INT128: case SIGNED + INT128: return T.int128;
    case UNSIGNED + INT128: return T.uint128;
    case FLOAT: return T.float;
    case DOUBLE: return T.double;
    case LONG + DOUBLE: return T.ldouble;
    case F128: return T.float128;
    case F80: return T.ldouble;
    case F16: return T.float; // TODO: a distinct _Float16 type
    case F64X: return p.target.longDouble === 'x87' ? T.ldouble : T.float128;
  }
  if (c === LONG * 3 || c === LONG * 3 + INT || c === LONG * 3 + UNSIGNED || c === LONG * 3 + SIGNED) p.error(tok, "'long long long' is too long for GCC");
  else if ((c & (SIGNED | UNSIGNED)) === (SIGNED | UNSIGNED)) p.error(tok, "both 'signed' and 'unsigned' in declaration specifiers");
  else p.error(tok, 'two or more data types in declaration specifiers');
  return T.int;
}

/** Alignment of a type as _Alignof reports it (i386: the ABI alignment). */
export function typeAlign(p: Parser, t: Type): number {
  if (t.kind === TY.Array) return typeAlign(p, t.base!);
  return t.align;
}

// typeof-specifier = ("typeof" | "__typeof__") "(" (type-name | expression) ")"
function typeofSpec(p: Parser): Type {
  p.noEval++;
  try {
    return typeofOperand(p);
  } finally {
    p.noEval--;
  }
}

function typeofOperand(p: Parser): Type {
  p.next();
  p.expect(TK.LParen, "'('");
  let t: Type;
  if (isTypeNameStart(p, p.tok())) t = typeName(p);
  else {
    const n = expr(p);
    t = n.ty;
    if (n.kind === NK.Member && n.member!.bitWidth >= 0) p.error(n.tok, "'typeof' applied to a bit-field");
  }
  p.expect(TK.RParen, "')'");
  if (t.typedefName) { t = cloneType(t); }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Attributes

// attribute-specifier = "__attribute__" "(" "(" attribute ("," attribute)* ")" ")"
// attribute = (identifier | keyword) ("(" arguments ")")?
export function attributes(p: Parser, holder: { attrs: Attrs | null }): void {
  while (p.atKw(KW.Attribute)) {
    p.next();
    p.expect(TK.LParen, "'('");
    p.expect(TK.LParen, "'('");
    for (;;) {
      if (p.at(TK.RParen)) break;
      if (p.at(TK.Comma)) { p.next(); continue; }
      oneAttribute(p, holder, false);
      if (!p.accept(TK.Comma)) break;
    }
    p.expect(TK.RParen, "')'");
    p.expect(TK.RParen, "')'");
  }
}

/** C2x [[...]] attributes (gnu:: and standard ones). */
export function stdAttributes(p: Parser, holder: { attrs: Attrs | null }): void {
  while (p.at(TK.LBracket) && p.peek(1).kind === TK.LBracket) {
    p.next(); p.next();
    while (!p.at(TK.RBracket) && !p.at(TK.EOF)) {
      if (p.accept(TK.Comma)) continue;
      // gnu::name or name
      if (p.at(TK.Ident) && (p.peek(1).kind === TK.ColonColon || (p.peek(1).kind === TK.Colon && p.peek(2).kind === TK.Colon))) {
        p.next();
        if (!p.accept(TK.ColonColon)) { p.next(); p.next(); }
      }
      oneAttribute(p, holder, true);
    }
    p.expect(TK.RBracket, "']'");
    p.expect(TK.RBracket, "']'");
  }
}

function attrs(h: { attrs: Attrs | null }): Attrs {
  if (!h.attrs) h.attrs = {};
  return h.attrs;
}

function oneAttribute(p: Parser, h: { attrs: Attrs | null }, std: boolean): void {
  const t = p.next();
  if (t.kind !== TK.Ident) { p.error(t, `expected identifier before ${t.text}`); p.skipParens(); return; }
  let name = t.text;
  if (name.length > 4 && name.startsWith('__') && name.endsWith('__')) name = name.slice(2, -2);
  const args: Node[] = [];
  let identArg: string | null = null;
  if (p.at(TK.LParen)) {
    p.next();
    if (p.at(TK.Ident) && !p.isTypedefName(p.tok()) && (p.peek(1).kind === TK.Comma || p.peek(1).kind === TK.RParen) && !p.lookupTok(p.tok())) {
      identArg = p.next().text;
      p.accept(TK.Comma);
    } else if (p.at(TK.Ident) && (name === 'mode' || name === 'format' || name === 'cleanup' || name === 'access' || name === '__mode__')) {
      identArg = p.next().text;
      p.accept(TK.Comma);
    }
    while (!p.at(TK.RParen) && !p.at(TK.EOF)) {
      if (isTypeNameStart(p, p.tok())) { typeName(p); } else args.push(assign(p));
      if (!p.accept(TK.Comma)) break;
    }
    p.expect(TK.RParen, "')'");
  }
  const a = attrs(h);
  const num = (i: number): number => {
    const n = args[i];
    if (!n) return 0;
    const r = rvalue(p, n);
    if (r.val === null) { p.error(n.tok, `requested alignment is not an integer constant`); return 0; }
    return Number(r.val);
  };
  const str = (i: number): string => args[i] && args[i].kind === NK.StrLit ? stringLiteralText(args[i]) : '';
  switch (name) {
    case 'aligned': {
      const v = args.length ? num(0) : p.target.biggestAlign;
      if (v & (v - 1)) p.error(t, 'requested alignment is not a positive power of 2');
      else a.aligned = Math.max(a.aligned ?? 0, v);
      break;
    }
    case 'packed': a.packed = true; break;
    case 'section': a.section = str(0); break;
    case 'weak': a.weak = true; break;
    case 'alias': a.alias = str(0); break;
    case 'weakref': a.weak = true; a.weakref = true; if (args.length) a.alias = str(0); break;
    case 'visibility': a.visibility = str(0); break;
    case 'used': a.used = true; break;
    case 'unused': case 'maybe_unused': a.unused = true; break;
    case 'noreturn': a.noreturn = true; break;
    case 'always_inline': a.alwaysInline = true; break;
    case 'gnu_inline': a.gnuInline = true; break;
    case 'noinline': a.noinline = true; break;
    case 'noclone': a.noclone = true; break;
    case 'naked': a.naked = true; break;
    case 'cleanup': {
      const f = identArg ? p.lookup(identArg) : null;
      if (!f || !f.isFunc) p.error(t, `cleanup argument not a function`);
      else a.cleanup = f;
      break;
    }
    case 'constructor': a.constructorPrio = args.length ? num(0) : 65535; break;
    case 'destructor': a.destructorPrio = args.length ? num(0) : 65535; break;
    case 'format': a.format = { archetype: identArg ?? '', fmtIndex: num(0), firstArg: num(1) }; break;
    case 'nonstring': a.nonstring = true; break;
    case 'fallthrough': a.fallthrough = true; break;
    case 'deprecated': a.deprecated = str(0); break;
    case 'warn_unused_result': case 'nodiscard': a.warnUnusedResult = true; break;
    case 'may_alias': a.mayAlias = true; break;
    case 'transparent_union': a.transparentUnion = true; break;
    case 'mode': a.mode = identArg ?? ''; break;
    case 'vector_size': a.vectorSize = num(0); break;
    case 'const': a.const = true; break;
    case 'pure': a.pure = true; break;
    case 'malloc': a.malloc = true; break;
    case 'ifunc': a.ifunc = str(0); break;
    case 'regparm': a.regparm = num(0); break;
    case 'nonnull': a.nonnull = args.map((_, i) => num(i)); break;
    default:
      (a.other ??= []).push(name);
      void std;
  }
}

/** Attributes that change a type: aligned, vector_size, mode, may_alias, transparent_union, packed. */
export function applyTypeAttrs(p: Parser, ty: Type, a: Attrs, tok: Token, inSpec: boolean): Type {
  if (a.mode) ty = applyMode(p, ty, a.mode, tok);
  if (a.vectorSize) {
    const base = ty.kind === TY.Vector ? ty.base! : ty;
    if (!isInteger(base) && !isRealFloat(base)) p.error(tok, `invalid vector type for attribute 'vector_size'`);
    else if (a.vectorSize % base.size) p.error(tok, `vector size not an integral multiple of component size`);
    else ty = p.T.vectorOf(base, a.vectorSize);
  }
  if (a.transparentUnion && ty.kind === TY.Union) ty.rec!.transparentUnion = true;
  if (a.mayAlias) { ty = cloneType(ty); ty.mayAlias = true; }
  if (a.aligned && !inSpec) ty = withAlign(ty, Math.max(a.aligned, ty.align));
  return ty;
}

function applyMode(p: Parser, ty: Type, mode: string, tok: Token): Type {
  const m = mode.replace(/^__(.*)__$/, '$1');
  const T = p.T;
  const uns = isInteger(ty) && isUnsignedKind(ty);
  switch (m) {
    case 'QI': return T.intOfSize(1, uns);
    case 'HI': return T.intOfSize(2, uns);
    case 'SI': return T.intOfSize(4, uns);
    case 'DI': return T.intOfSize(8, uns);
    case 'TI': return T.intOfSize(16, uns);
    case 'word': return T.intOfSize(p.target.ptrSize, uns);
    case 'pointer': case 'unwind_word': case 'byte': return m === 'byte' ? T.intOfSize(1, uns) : T.intOfSize(p.target.ptrSize, uns);
    case 'SF': return T.float;
    case 'DF': return T.double;
    case 'XF': return T.ldouble;
    case 'TF': return p.target.longDouble === 'binary128' ? T.ldouble : T.float128;
    case 'SC': return T.complexOf(T.float);
    case 'DC': return T.complexOf(T.double);
    case 'XC': case 'TC': return T.complexOf(T.ldouble);
    case 'V4SI': case 'V2DI': case 'V8HI': case 'V16QI': case 'V4SF': case 'V2DF': {
      const n = Number(m[1]);
      const e = m.slice(2);
      const et = e === 'SI' ? T.int : e === 'DI' ? T.intOfSize(8, false) : e === 'HI' ? T.short : e === 'QI' ? T.schar : e === 'SF' ? T.float : T.double;
      return T.vectorOf(et, n * et.size);
    }
  }
  p.error(tok, `unknown machine mode '${mode}'`);
  return ty;
}

function isUnsignedKind(t: Type): boolean {
  switch (t.kind) {
    case TY.Bool: case TY.UChar: case TY.UShort: case TY.UInt: case TY.ULong: case TY.ULLong: case TY.UInt128: return true;
    case TY.Char: return !(t.size === 1 && charSignedTarget);
    case TY.Enum: return t.base !== null && isUnsignedKind(t.base);
  }
  return false;
}
let charSignedTarget = true;
export function setCharSigned(v: boolean): void { charSignedTarget = v; }

// ---------------------------------------------------------------------------------------------
// Declarators

function newDeclarator(tok: Token, ty: Type): Declarator {
  return { name: null, tok, ty, params: null, knr: null, attrs: null, asmName: null };
}

// pointers = ("*" (type-qualifier | attribute)*)*
function pointers(p: Parser, ty: Type, d: Declarator): Type {
  while (p.at(TK.Star)) {
    p.next();
    ty = p.T.pointerTo(ty);
    let q = 0;
    for (;;) {
      const k = p.kw(p.tok());
      if (k === KW.Const) q |= Q.Const;
      else if (k === KW.Volatile) q |= Q.Volatile;
      else if (k === KW.Restrict) q |= Q.Restrict;
      else if (k === KW.Atomic) q |= Q.Atomic;
      else if (k === KW.Attribute) {
        const h = { attrs: null as Attrs | null };
        attributes(p, h);
        if (h.attrs) { ty = applyTypeAttrs(p, ty, h.attrs, p.tok(), false); mergeAttrs(d, h.attrs); }
        continue;
      } else if (k === KW.Extension) { /* ignored */ }
      else if (p.at(TK.LBracket) && p.peek(1).kind === TK.LBracket) { stdAttributes(p, { attrs: null }); continue; }
      else break;
      p.next();
    }
    ty = qualify(ty, q);
  }
  return ty;
}

function mergeAttrs(d: { attrs: Attrs | null }, a: Attrs): void {
  if (!d.attrs) { d.attrs = { ...a }; return; }
  const da = d.attrs as unknown as { [k: string]: unknown };
  for (const [k, v] of Object.entries(a)) {
    if (k === 'aligned') da.aligned = Math.max((da.aligned as number) ?? 0, v as number);
    else if (k === 'other') da.other = [...((da.other as string[]) ?? []), ...(v as string[])];
    else da[k] = v;
  }
}

/** Does '(' at the current position start a nested declarator (rather than a parameter list)? */
function isNestedDeclarator(p: Parser, abstract: boolean): boolean {
  const t = p.peek(1);
  switch (t.kind) {
    case TK.Star: case TK.LParen: case TK.LBracket: return true;
    case TK.Caret: return true;
    case TK.RParen: return false;
    case TK.Ident: {
      const k = p.kw(t);
      if (k === KW.Attribute) {
        // look past the attributes
        const save = p.mark();
        p.next();
        attributes(p, { attrs: null });
        const r = p.at(TK.Star) || p.at(TK.LParen) || (p.at(TK.Ident) && !isDeclSpecStart(p, p.tok()));
        p.pos = save;
        p.release();
        return r;
      }
      if (k !== KW.None) return false;
      if (p.isTypedefName(t)) return false;
      void abstract;
      return true;
    }
  }
  return false;
}

// declarator = attribute* pointers ("(" declarator ")" | identifier)? type-suffix attribute*
//              ("asm" "(" string ")")? attribute*
export function declarator(p: Parser, ty: Type, abstract: boolean, isParam = false, spec: DeclSpec | null = null): Declarator {
  const d = newDeclarator(p.tok(), ty);
  d.isParam = isParam;
  d.spec = spec;
  const atomicFn = ty.kind === TY.Func && (ty.qual & Q.Atomic) !== 0;
  attributes(p, d);
  ty = pointers(p, ty, d);
  if (p.at(TK.LParen) && isNestedDeclarator(p, abstract)) {
    const open = p.mark();
    p.skipParens();
    const outerParams = { params: null as Obj[] | null, knr: null as Token[] | null };
    const suffixed = typeSuffix(p, ty, outerParams, d);
    const end = p.pos;
    p.pos = open + 1;
    const inner = declarator(p, suffixed, abstract, isParam, spec);
    p.expect(TK.RParen, "')'");
    p.pos = end;
    p.release();
    if (inner.attrs) mergeAttrs(d, inner.attrs);
    d.name = inner.name; d.tok = inner.tok; d.ty = inner.ty;
    d.params = inner.params ?? outerParams.params;
    d.knr = inner.knr ?? outerParams.knr;
    d.asmName = inner.asmName;
  } else {
    if (p.at(TK.Ident) && p.kw(p.tok()) === KW.None) {
      const t = p.next();
      d.name = t.text;
      d.tok = t;
    } else if (!abstract) {
      p.errorExpected("identifier or '('");
      if (!p.at(TK.Semi) && !p.at(TK.Comma) && !p.at(TK.RBrace) && !p.at(TK.Assign)) p.next();
    }
    if (d.name === null && !abstract) d.tok = p.tok();
    d.ty = typeSuffix(p, ty, d, d);
  }
  declaratorTail(p, d);
  if (d.qualifiedReturn) { d.qualifiedReturn = false; warnIgnoredQualifiers(p, spec, d.tok); }
  if (atomicFn) p.error(d.tok, "'_Atomic'-qualified function type");
  if (d.badArrayQual) {
    p.error(d.name ? d.tok : d.badArrayQual, 'static or type qualifiers in non-parameter array declarator');
    d.badArrayQual = null;
  }
  if (d.incompleteElem) {
    const { elem, lb } = d.incompleteElem;
    d.incompleteElem = null;
    p.error(d.name ? d.tok : lb, `array type has incomplete element type ${quoteType(elem)}`);
  }
  return d;
}

function declaratorTail(p: Parser, d: Declarator): void {
  for (;;) {
    if (p.atKw(KW.Attribute)) { attributes(p, d); continue; }
    if (p.at(TK.LBracket) && p.peek(1).kind === TK.LBracket) { stdAttributes(p, d); continue; }
    if (p.atKw(KW.Asm)) {
      p.next();
      p.expect(TK.LParen, "'('");
      const s: string[] = [];
      while (p.at(TK.String)) s.push(p.next().text);
      d.asmName = stringLiteralTextOf(s);
      p.expect(TK.RParen, "')'");
      continue;
    }
    break;
  }
}

function stringLiteralTextOf(parts: string[]): string {
  let out = '';
  for (const s of parts) out += s.slice(1, -1).replace(/\\(["\\'])/g, '$1');
  return out;
}

// type-suffix = "(" func-params ")" type-suffix?  |  "[" array-dimension "]" type-suffix  |  ε
function typeSuffix(p: Parser, ty: Type, d: { params: Obj[] | null; knr: Token[] | null }, dd: Declarator): Type {
  if (p.at(TK.LParen)) {
    p.next();
    const ft = funcParams(p, ty, d, dd);
    return ft;
  }
  if (p.at(TK.LBracket) && !(p.peek(1).kind === TK.LBracket)) {
    const lb = p.next();
    // [static? qualifiers* static? expr?] or [*]
    while (p.atKw(KW.Static) || p.atKw(KW.Const) || p.atKw(KW.Volatile) || p.atKw(KW.Restrict) || p.atKw(KW.Atomic) || p.atKw(KW.Attribute)) {
      if (p.atKw(KW.Attribute)) attributes(p, { attrs: null });
      else { if (!dd.isParam && !dd.badArrayQual) dd.badArrayQual = lb; p.next(); }
    }
    let lenNode: Node | null = null;
    if (p.at(TK.Star) && p.peek(1).kind === TK.RBracket) { p.next(); }
    else if (!p.at(TK.RBracket)) lenNode = assign(p);
    p.expect(TK.RBracket, "']'");
    const elem = typeSuffix(p, ty, { params: null, knr: null }, dd);
    return makeArray(p, elem, lenNode, lb, dd);
  }
  return ty;
}

function makeArray(p: Parser, elem: Type, lenNode: Node | null, lb: Token, d: Declarator): Type {
  const T = p.T;
  const what = d.name ? `array '${d.name}'` : 'unnamed array';
  if (elem.kind === TY.Func) { p.error(lb, `declaration of ${what} as array of functions`); elem = T.int; }
  else if (elem.kind === TY.Void) { p.error(lb, `declaration of ${what} as array of voids`); elem = T.int; }
  else if (!isComplete(elem) && !(elem.kind === TY.Array && elem.len < 0 && false)) {
    if (elem.kind === TY.Array) p.error(lb, `array type has incomplete element type ${quoteType(elem)}`);
    else if (elem.kind === TY.Struct || elem.kind === TY.Union) {
      // gcc always rejects this; the error goes at the declarator's name, known only at its end
      if (!d.incompleteElem) d.incompleteElem = { elem, lb };
      return deferIncomplete(p, elem, lenNode, lb, d);
    }
  }
  if (lenNode === null) return T.arrayOf(elem, -1);
  const n = rvalue(p, lenNode);
  if (!isInteger(n.ty)) {
    p.error(lenNode.tok, `size of ${what} has non-integer type`);
    return T.arrayOf(elem, 1);
  }
  if (n.val !== null && !isVarSize(elem)) {
    const v = n.val;
    // gcc folds `1 ? 3 : f()` to a constant size, with a pedwarn at file scope
    if (n.folded && p.fn === null && p.depth === 0) p.warn(null, d.name ? d.tok : lenNode.tok, `variably modified ${d.name ? `'${d.name}'` : 'unnamed array'} at file scope`);
    if (v < 0n && !isUnsignedType(n.ty)) { p.error(d.name ? d.tok : lenNode.tok, `size of ${what} is negative`); return T.arrayOf(elem, 1); }
    if (v * BigInt(elem.size) >= 1n << 63n) { p.error(lenNode.tok, `size of ${what} is too large`); return T.arrayOf(elem, 1); }
    return T.arrayOf(elem, Number(v));
  }
  if (p.fn === null && p.depth === 0) {
    // gcc accepts foldable non-ICE sizes at file scope with a pedwarn; a real VLA is an error
    p.error(lenNode.tok, `variably modified ${d.name ? `'${d.name}'` : 'unnamed array'} at file scope`);
    return T.arrayOf(elem, 1);
  }
  if (p.fn) p.fn.hasVLA = true;
  return T.vlaOf(elem, convertTo(p, n, T.sizeT));
}

function deferIncomplete(p: Parser, elem: Type, lenNode: Node | null, lb: Token, d: Declarator): Type {
  void lb; void d;
  const T = p.T;
  let len = -1;
  if (lenNode) {
    const n = rvalue(p, lenNode);
    len = n.val !== null ? Number(n.val) : 1;
  }
  return T.arrayOf(elem, len);
}

function isUnsignedType(t: Type): boolean { return isUnsignedKind(t); }

// func-params = ("void" | param ("," param)* ("," "...")?)? ")"   |   identifier-list ")"
// param = declaration-specifiers (declarator | abstract-declarator)
function funcParams(p: Parser, ret: Type, d: { params: Obj[] | null; knr: Token[] | null }, dd: Declarator): Type {
  const T = p.T;
  const lp = p.peek(-1);
  if ((ret.qual & (Q.Const | Q.Volatile | Q.Restrict | Q.Atomic)) !== 0 && p.wx.ignoredQualifiers) dd.qualifiedReturn = true;
  if (ret.kind === TY.Func) p.error(lp, `'${dd.name ?? 'type name'}' declared as function returning a function`);
  else if (ret.kind === TY.Array) p.error(lp, `'${dd.name ?? 'type name'}' declared as function returning an array`);
  if (p.at(TK.RParen)) {
    p.next();
    const ft = T.funcType(ret, null, false, true);
    if (d.params === null) d.params = [];
    return funcAfter(p, ft, d, dd);
  }
  // K&R identifier list
  if (p.at(TK.Ident) && p.kw(p.tok()) === KW.None && !p.isTypedefName(p.tok()) && (p.peek(1).kind === TK.Comma || p.peek(1).kind === TK.RParen)) {
    const names: Token[] = [];
    for (;;) {
      const t = p.next();
      if (t.kind !== TK.Ident) { p.error(t, 'expected identifier'); break; }
      names.push(t);
      if (!p.accept(TK.Comma)) break;
    }
    p.expect(TK.RParen, "')'");
    const ft = T.funcType(ret, null, false, true);
    if (d.params === null) { d.knr = names; d.params = []; }
    return funcAfter(p, ft, d, dd);
  }
  if (p.atKw(KW.Void) && p.peek(1).kind === TK.RParen) {
    p.next(); p.next();
    const ft = T.funcType(ret, [], false, false);
    if (d.params === null) d.params = [];
    return funcAfter(p, ft, d, dd);
  }
  p.enterScope();
  p.paramDepth++;
  const params: Obj[] = [];
  const types: Type[] = [];
  const names: (string | null)[] = [];
  let variadic = false;
  for (;;) {
    if (p.at(TK.Ellipsis)) {
      p.next();
      variadic = true;
      if (params.length === 0 && !p.c2x) p.error(p.peek(-1), "ISO C requires a named argument before '...'");
      break;
    }
    const st = p.tok();
    let spec = declSpec(p, true);
    if (!spec) {
      if (p.at(TK.Ident)) {
        p.error(st, `unknown type name '${st.text}'`);
        p.next();
        spec = { ty: T.int, storage: SC.None, inline: false, noreturn: false, threadLocal: false, align: 0, attrs: null, typeGiven: true, autoType: false, tok: st, tagDef: false };
      } else { p.errorExpected('declaration specifiers or \'...\''); break; }
    }
    const pd = declarator(p, spec.ty, true, true, spec);
    if ((spec.storage !== SC.None && spec.storage !== SC.Register) || spec.threadLocal) {
      if (pd.name) p.error(pd.tok, `storage class specified for parameter '${pd.name}'`);
      else p.error(st, 'storage class specified for unnamed parameter');
    }
    let pt = pd.ty;
    if (pt.kind === TY.Void && pt.qual === 0 && pd.name === null && params.length === 0 && p.at(TK.RParen)) {
      // (void) via a typedef
      break;
    }
    if (pt.kind === TY.Void) p.error(pd.tok, `parameter ${params.length + 1} (${pd.name ? `'${pd.name}'` : ''}) has void type`);
    const outerVla = pt.kind === TY.Array ? pt.vla : null;
    pt = adjustParam(p, pt);
    const o = new Obj(pd.name ?? '', pt, pd.tok);
    // the size of an array parameter is gone with the adjustment, but its side effects happen on entry
    if (outerVla) (o as unknown as { paramVla: Node }).paramVla = outerVla;
    o.isLocal = true;
    o.storage = spec.storage === SC.Register ? SC.Register : SC.None;
    if (pd.attrs || spec.attrs) { o.attrs = { ...(spec.attrs ?? {}), ...(pd.attrs ?? {}) }; }
    if (pd.name) {
      const prev = p.scopes[p.scopes.length - 1].vars.get(pd.name);
      if (prev) { p.error(pd.tok, `redefinition of parameter '${pd.name}'`); p.note(prev.tok!, `previous definition of '${pd.name}' with type ${quoteType(prev.ty)}`); }
      p.declare(o);
    } else o.id = p.nextObjId++;
    params.push(o);
    types.push(pt);
    names.push(pd.name);
    if (!p.accept(TK.Comma)) break;
  }
  p.expect(TK.RParen, "';', ',' or ')'");
  p.paramDepth--;
  p.leaveScope(true);
  const ft = T.funcType(ret, types, variadic, false);
  ft.paramNames = names;
  if (d.params === null) d.params = params;
  return funcAfter(p, ft, d, dd);
}

function funcAfter(p: Parser, ft: Type, d: { params: Obj[] | null; knr: Token[] | null }, dd: Declarator): Type {
  void d;
  // attributes between ')' and the next suffix belong to the declarator
  if (p.atKw(KW.Attribute)) attributes(p, dd);
  if (p.at(TK.LParen) || (p.at(TK.LBracket) && p.peek(1).kind !== TK.LBracket)) {
    // function returning function/array: report and keep the function type
    const inner = typeSuffix(p, ft.base!, { params: null, knr: null }, dd);
    ft.base = inner;
  }
  return ft;
}

/** Parameter type adjustment (C17 6.7.6.3p7-8): arrays and functions become pointers. */
export function adjustParam(p: Parser, t: Type): Type {
  if (t.kind === TY.Array) {
    const q = t.base!.qual; // element qualifiers stay on the element
    void q;
    const ptr = p.T.pointerTo(t.base!);
    if (t.vla) { /* the size expression is still evaluated for side effects; kept on the pointer */ (ptr as Type).vla = null; }
    return ptr;
  }
  if (t.kind === TY.Func) return p.T.pointerTo(t);
  return t;
}

// type-name = declaration-specifiers abstract-declarator
export function typeName(p: Parser): Type {
  const st = p.tok();
  const spec = declSpec(p, false);
  if (!spec) { p.errorExpected('type name'); return p.T.int; }
  const d = declarator(p, spec.ty, true, false, spec);
  if (d.name !== null) p.error(d.tok, `expected ')' before '${d.name}'`);
  let t = d.ty;
  if (d.attrs) t = applyTypeAttrs(p, t, d.attrs, st, false);
  return t;
}

// ---------------------------------------------------------------------------------------------
// struct, union, enum

// struct-or-union-specifier = ("struct" | "union") attribute* identifier? ("{" struct-declaration* "}" attribute*)?
function structDecl(p: Parser): Type {
  const kwTok = p.next();
  const kind = p.kw(kwTok) === KW.Struct ? TY.Struct : TY.Union;
  const holder = { attrs: null as Attrs | null };
  attributes(p, holder);
  if (p.at(TK.LBracket) && p.peek(1).kind === TK.LBracket) stdAttributes(p, holder);
  let tag: Token | null = null;
  p.lastTagTok = p.tok(); // (-Wold-style-declaration's location)
  if (p.at(TK.Ident) && p.kw(p.tok()) === KW.None) tag = p.next();
  else if (p.at(TK.Ident) && p.kw(p.tok()) !== KW.None) tag = p.next(); // gcc errors later if misused
  if (tag === null && !p.at(TK.LBrace)) {
    p.errorExpected("'{'");
    return p.T.int;
  }
  const kwName = kind === TY.Struct ? 'struct' : 'union';
  if (!p.at(TK.LBrace)) {
    // reference or forward declaration
    const name = tag!.text;
    const forwardOnly = p.at(TK.Semi);
    const cur = p.scopes[p.scopes.length - 1].tags.get(name);
    let t = forwardOnly ? cur ?? null : p.lookupTag(name);
    if (t && t.kind !== kind) {
      p.error(tag!, `'${name}' defined as wrong kind of tag`);
      t = null;
    }
    if (!t) {
      t = p.T.newRecord(kind, name);
      t.rec!.depth = p.depth;
      p.scopes[p.scopes.length - 1].tags.set(name, t);
    }
    return t;
  }
  // definition
  let t: Type | null = null;
  if (tag) {
    const cur = p.scopes[p.scopes.length - 1].tags.get(tag.text);
    if (cur && cur.kind === kind && !cur.rec!.complete) t = cur;
    else if (cur) {
      if (cur.kind !== kind) p.error(tag, `'${tag.text}' defined as wrong kind of tag`);
      else { p.error(tag, `redefinition of '${kwName} ${tag.text}'`); if (cur.rec) noteTag(p, cur); }
    }
  }
  if (!t) {
    t = p.T.newRecord(kind, tag ? tag.text : null);
    t.rec!.depth = p.depth;
    if (tag) p.scopes[p.scopes.length - 1].tags.set(tag.text, t);
  }
  (t.rec as unknown as { defTok: Token }).defTok = tag ?? kwTok;
  p.tagBody = true;
  const fields = structMembers(p, t);
  // trailing attributes apply before layout
  attributes(p, holder);
  const rec = t.rec!;
  if (holder.attrs) {
    if (holder.attrs.packed) rec.packed = true;
    if (holder.attrs.aligned) rec.alignAttr = holder.attrs.aligned;
    if (holder.attrs.transparentUnion) rec.transparentUnion = true;
  }
  layoutRecord(rec, fields, p.target, p.pack);
  if (rec.vm && p.fn !== null) p.vmRecords.push(t);
  if (rec.transparentUnion && kind === TY.Union && rec.members.length === 0) rec.transparentUnion = false;
  if (holder.attrs && holder.attrs.mayAlias) { for (const v of rec.variants) v.mayAlias = true; }
  return t;
}

function noteTag(p: Parser, t: Type): void {
  const d = (t.rec as unknown as { defTok?: Token }).defTok;
  if (d) p.note(d, 'originally defined here');
}

// struct-declaration = declaration-specifiers (struct-declarator ("," struct-declarator)*)? ";"
//                    | static-assert | ";"
// struct-declarator = declarator? (":" constant-expression)? attribute*
function structMembers(p: Parser, st: Type): FieldDecl[] {
  p.expect(TK.LBrace, "'{'");
  const fields: FieldDecl[] = [];
  const fieldToks: Token[] = [];
  const names = new Map<string, Token>();
  const kindName = st.kind === TY.Struct ? 'struct' : 'union';
  while (!p.at(TK.RBrace) && !p.at(TK.EOF)) {
    const t = p.tok();
    if (t.kind === TK.Pragma) { pragma(p); continue; }
    if (p.accept(TK.Semi)) { p.pedwarn('pedantic', t, `extra semicolon in ${kindName} or union specified`); continue; }
    if (p.atKw(KW.StaticAssert)) { staticAssert(p); continue; }
    const spec = declSpec(p, false);
    if (!spec) {
      if (p.at(TK.Ident)) { p.error(t, `unknown type name '${t.text}'`); }
      else p.errorExpected('specifier-qualifier-list');
      p.skipToSync();
      continue;
    }
    // anonymous struct/union member
    if (p.at(TK.Semi) && (spec.ty.kind === TY.Struct || spec.ty.kind === TY.Union)) {
      p.next();
      if (spec.ty.rec!.tag === null || p.gnu) {
        if (spec.ty.rec!.tag !== null && !p.gnu) p.pedwarn(null, t, 'declaration does not declare anything');
        for (const m of spec.ty.rec!.members) if (m.name) checkDupMember(p, names, m.name, t);
        if (spec.ty.rec!.tag === null || p.gnu) { fields.push({ name: null, ty: spec.ty, bitWidth: -1, alignAttr: fieldAlign(spec.attrs, spec.align), packed: !!spec.attrs?.packed, tok: t }); fieldToks.push(t); }
      }
      continue;
    }
    if (p.at(TK.Semi)) { p.next(); p.warn(null, t, 'declaration does not declare anything'); continue; }
    for (let first = true; ; first = false) {
      if (!first && !p.accept(TK.Comma)) break;
      let d: Declarator;
      if (p.at(TK.Colon)) d = newDeclarator(p.tok(), spec.ty);
      else d = declarator(p, spec.ty, false, false, spec);
      let width = -1;
      if (p.accept(TK.Colon)) {
        const wt = p.tok();
        const w = constIntExpr(p);
        width = Number(w);
        if (!isInteger(d.ty)) { p.error(d.name ? d.tok : wt, `bit-field '${d.name ?? '<anonymous>'}' has invalid type`); width = -1; }
        else if (w < 0n) { p.error(wt, `negative width in bit-field '${d.name ?? '<anonymous>'}'`); width = 1; }
        else if (width > d.ty.size * 8) { p.error(wt, `width of '${d.name ?? '<anonymous>'}' exceeds its type`); width = d.ty.size * 8; }
        else if (width === 0 && d.name) { p.error(wt, `zero width for bit-field '${d.name}'`); width = 1; }
        attributes(p, d);
      }
      if (spec.align && d.name) checkAlignas(p, spec, d, width >= 0 ? 'bit-field' : null);
      let ty = d.ty;
      if (d.attrs) ty = applyTypeAttrs(p, ty, { ...d.attrs, aligned: undefined }, d.tok, false);
      if (ty.kind === TY.Func) { p.error(d.tok, `field '${d.name}' declared as a function`); ty = p.T.pointerTo(ty); }
      else if (!isComplete(ty) && !(ty.kind === TY.Array && ty.len < 0 && !ty.vla)) {
        p.error(d.tok, `field '${d.name}' has incomplete type`);
        ty = p.T.int;
      } else if (isVM(ty) && p.fn === null && p.paramDepth === 0) { p.error(d.tok, `a member of a structure or union cannot have a variably modified type`); ty = p.T.int; }
      if (ty.kind === TY.Array && ty.len < 0) {
        // flexible array member: must be last (checked below)
      }
      if (d.name) checkDupMember(p, names, d.name, d.tok);
      const all = { attrs: null as Attrs | null };
      if (spec.attrs) mergeAttrs(all, spec.attrs);
      if (d.attrs) mergeAttrs(all, d.attrs);
      fields.push({ name: d.name, ty, bitWidth: width, alignAttr: fieldAlign(all.attrs, spec.align), packed: !!all.attrs?.packed, tok: d.tok });
      fieldToks.push(d.tok);
    }
    if (p.at(TK.RBrace)) p.pedwarn(null, p.tok(), 'no semicolon at end of struct or union');
    else if (!p.expect(TK.Semi, "':', ',', ';', '}' or '__attribute__'")) p.skipToSync();
  }
  p.expect(TK.RBrace, "'}'");
  // flexible array members must come last, and not alone in a struct
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.ty.kind === TY.Array && f.ty.len < 0 && !f.ty.vla && f.bitWidth < 0) {
      if (st.kind === TY.Union) { /* gcc accepts in unions as an extension (zero-size) */ }
      else if (i !== fields.length - 1) p.error(fieldToks[i], `flexible array member not at end of struct`);
      else if (!fields.some((g, j) => j !== i && (g.name !== null || (g.bitWidth < 0 && g.ty.rec)))) p.error(fieldToks[i], 'flexible array member in a struct with no named members');
    }
  }
  return fields;
}

function fieldAlign(a: Attrs | null, alignas: number): number {
  return Math.max(a?.aligned ?? 0, alignas);
}

function checkDupMember(p: Parser, names: Map<string, Token>, name: string, t: Token): void {
  if (names.has(name)) p.error(t, `duplicate member '${name}'`);
  else names.set(name, t);
}

// enum-specifier = "enum" attribute* identifier? ("{" enumerator ("," enumerator)* ","? "}" attribute*)?
// enumerator = identifier attribute* ("=" constant-expression)?
function enumDecl(p: Parser): Type {
  const kwTok = p.next();
  const holder = { attrs: null as Attrs | null };
  attributes(p, holder);
  let tag: Token | null = null;
  p.lastTagTok = p.tok(); // (-Wold-style-declaration's location)
  if (p.at(TK.Ident) && p.kw(p.tok()) === KW.None) tag = p.next();
  if (tag === null && !p.at(TK.LBrace)) { p.errorExpected("'{'"); return p.T.int; }
  const T = p.T;
  if (!p.at(TK.LBrace)) {
    let t = p.lookupTag(tag!.text);
    if (t && t.kind !== TY.Enum) { p.error(tag!, `'${tag!.text}' defined as wrong kind of tag`); t = null; }
    if (!t) {
      t = T.newRecord(TY.Enum, tag!.text);
      p.scopes[p.scopes.length - 1].tags.set(tag!.text, t);
      if (!p.at(TK.Semi)) p.pedwarn(null, tag!, "ISO C forbids forward references to 'enum' types");
    }
    return t;
  }
  let t: Type | null = null;
  if (tag) {
    const cur = p.scopes[p.scopes.length - 1].tags.get(tag.text);
    if (cur && cur.kind === TY.Enum && !cur.rec!.complete) t = cur;
    else if (cur) p.error(tag, cur.kind === TY.Enum ? `redeclaration of 'enum ${tag.text}'` : `'${tag.text}' defined as wrong kind of tag`);
  }
  if (!t) {
    t = T.newRecord(TY.Enum, tag ? tag.text : null);
    if (tag) p.scopes[p.scopes.length - 1].tags.set(tag.text, t);
  }
  p.next(); // {
  p.tagBody = true;
  let next = 0n;
  let min = 0n, max = 0n;
  const consts: Obj[] = [];
  const INT_MAX = 2147483647n, INT_MIN = -2147483648n;
  let nextTy = T.int, overflow = false;
  while (!p.at(TK.RBrace) && !p.at(TK.EOF)) {
    const nt = p.next();
    if (nt.kind !== TK.Ident) { p.error(nt, `expected identifier before ${nt.text}`); p.skipToSync(); break; }
    p.lastTagTok = nt;
    const ea = { attrs: null as Attrs | null };
    attributes(p, ea);
    let ctype = T.int;
    if (p.accept(TK.Assign)) {
      const e = rvalue(p, condExpr(p));
      if (e.val === null) p.error(e.tok, `enumerator value for '${nt.text}' is not an integer constant`);
      else if (!isInteger(e.ty)) p.error(e.tok, `enumerator value for '${nt.text}' is not an integer constant`);
      else { next = e.val; if (e.val > INT_MAX || e.val < INT_MIN) ctype = e.ty; nextTy = e.ty.size < 4 ? T.int : e.ty; }
    } else if (overflow) {
      p.error(nt, 'overflow in enumeration values');
    } else if (next > INT_MAX) {
      ctype = next > 0xffffffffn ? (next > 0x7fffffffffffffffn ? T.ulong : T.long) : T.uint;
      if (consts.length && next - 1n === INT_MAX) ctype = T.uint;
    }
    if (next > INT_MAX && ctype.kind === TY.Int) ctype = next > 0xffffffffn ? T.long : T.uint;
    const o = new Obj(nt.text, ctype, nt);
    o.storage = SC.EnumConst;
    o.enumVal = next;
    o.enumType = t;
    if (ea.attrs) o.attrs = ea.attrs;
    const prev = p.scopes[p.scopes.length - 1].vars.get(nt.text);
    if (prev) {
      p.error(nt, `redeclaration of enumerator '${nt.text}'`);
      if (prev.tok) p.note(prev.tok, `previous definition of '${nt.text}' with type ${quoteType(prev.ty)}`);
    }
    p.declare(o);
    consts.push(o);
    if (consts.length === 1 || next < min) min = next;
    if (consts.length === 1 || next > max) max = next;
    next++;
    // gcc computes the next value in the type of this one: overflow is an error if it is used
    overflow = next > (isUnsignedKind(nextTy) ? (1n << BigInt(nextTy.size * 8)) - 1n : (1n << BigInt(nextTy.size * 8 - 1)) - 1n);
    if (!p.accept(TK.Comma)) break;
  }
  p.expect(TK.RBrace, "'}'");
  attributes(p, holder);
  // compatible type: unsigned int if no negative values fit, else int; wider if needed (gcc)
  let base: Type;
  const packed = !!holder.attrs?.packed;
  if (packed) {
    const uns = min >= 0n;
    base = fits(min, max, 1, uns) ? T.intOfSize(1, uns) : fits(min, max, 2, uns) ? T.intOfSize(2, uns) : fits(min, max, 4, uns) ? T.intOfSize(4, uns) : T.intOfSize(8, uns);
  } else if (min >= 0n) base = max <= 0xffffffffn ? T.uint : max <= 0xffffffffffffffffn ? (p.target.longSize === 8 ? T.ulong : T.ullong) : T.uint128;
  else base = min >= INT_MIN && max <= INT_MAX ? T.int : p.target.longSize === 8 ? T.long : T.llong;
  const rec = t.rec!;
  rec.enumBase = base;
  rec.enumConsts = consts;
  rec.complete = true;
  for (const v of rec.variants) { v.base = base; v.size = base.size; if (!v.alignOverride) v.align = base.align; }
  rec.size = base.size; rec.align = base.align;
  // after the closing brace, enumerators whose value does not fit int have the enumerated type
  for (const o of consts) if (o.enumVal > INT_MAX || o.enumVal < INT_MIN) o.ty = t;
  void kwTok;
  return t;
}

function fits(min: bigint, max: bigint, size: number, uns: boolean): boolean {
  const bits = BigInt(size * 8);
  if (uns) return max < (1n << bits);
  return min >= -(1n << (bits - 1n)) && max < (1n << (bits - 1n));
}

// ---------------------------------------------------------------------------------------------
// _Static_assert, pragmas

// static-assert = "_Static_assert" "(" constant-expression ("," string-literal)? ")" ";"
export function staticAssert(p: Parser): void {
  const kwt = p.next();
  p.expect(TK.LParen, "'('");
  const e = rvalue(p, condExpr(p));
  let msg: string | null = null;
  if (p.accept(TK.Comma)) {
    const parts: string[] = [];
    while (p.at(TK.String)) parts.push(p.next().text);
    msg = parts.map((s) => s.slice(s.indexOf('"') + 1, -1)).join('');
    if (!parts.length) p.errorExpected('string literal');
  } else if (!p.c2x) p.pedwarn('pedantic', kwt, "ISO C11 does not support omitting the string in '_Static_assert'");
  p.expect(TK.RParen, "')'");
  p.expect(TK.Semi, "';'");
  if (e.val === null) { p.error(e.tok, 'expression in static assertion is not an integer constant expression'); return; }
  if (e.val === 0n) p.error(kwt, msg !== null ? `static assertion failed: "${msg}"` : 'static assertion failed');
}

/** #pragma pack(...), weak, GCC diagnostic/visibility...: handled here; others ignored. */
export function pragma(p: Parser): void {
  const t = p.next();
  const body = t.text.trim();
  if (body.startsWith('GCC diagnostic')) { p.warningFlags(); return; }
  let m = /^pack\s*\((.*)\)\s*$/.exec(body);
  if (m) {
    const args = m[1].split(',').map((s) => s.trim()).filter((s) => s.length);
    if (args.length === 0) { p.pack = 0; return; }
    if (args[0] === 'push') {
      p.packStack.push(p.pack);
      const n = args.find((a, i) => i > 0 && /^\d+$/.test(a));
      if (n !== undefined) p.pack = Number(n);
    } else if (args[0] === 'pop') {
      p.pack = p.packStack.length ? p.packStack.pop()! : 0;
    } else if (/^\d+$/.test(args[0])) p.pack = Number(args[0]);
    return;
  }
  m = /^weak\s+([A-Za-z_$][\w$]*)\s*(?:=\s*([A-Za-z_$][\w$]*))?/.exec(body);
  if (m) {
    p.weakPragmas.push({ name: m[1], alias: m[2] ?? null });
    const o = p.lookup(m[1]);
    if (o) { o.attrs ??= {}; o.attrs.weak = true; }
  }
}

// ---------------------------------------------------------------------------------------------
// Declarations

/** File-scope and block-scope declaration after its specifiers. Returns the Decl statements (block scope). */
export function declaration(p: Parser, spec: DeclSpec, out: Node[] | null): void {
  const isTop = p.fn === null || p.depth === 0;
  if (p.at(TK.Semi)) {
    p.next();
    checkEmptyDecl(p, spec);
    return;
  }
  if (spec.tagDef && p.at(TK.Ident) && startsTypeSpecifier(p, p.kw(p.tok()), p.tok())) {
    // `struct s { ... }` and a new declaration: the ';' was forgotten
    p.errorExpected("';', identifier or '('");
    return;
  }
  for (let first = true; ; first = false) {
    if (!first && !p.accept(TK.Comma)) break;
    const d = declarator(p, spec.ty, false, false, spec);
    if (d.name === null) { p.skipToSync(); return; }
    if (!spec.typeGiven && !spec.autoType) {
      const definition = first && d.ty.kind === TY.Func && (p.at(TK.LBrace) || (d.knr !== null && d.knr.length > 0));
      p.warn('implicit-int', d.tok, definition ? "return type defaults to 'int'" : `type defaults to 'int' in declaration of '${d.name}'`);
    }
    if (spec.autoType) {
      if (!p.at(TK.Assign)) { p.error(d.tok, `'__auto_type' requires an initialized data declaration`); }
    }
    if (spec.align) checkAlignas(p, spec, d, spec.storage === SC.Typedef ? 'typedef' : d.ty.kind === TY.Func ? 'function' : null);
    let attrsAll: Attrs | null = null;
    if (spec.attrs || d.attrs) { const h = { attrs: null as Attrs | null }; if (spec.attrs) mergeAttrs(h, spec.attrs); if (d.attrs) mergeAttrs(h, d.attrs); attrsAll = h.attrs; }
    // function definition
    if (d.ty.kind === TY.Func && (p.at(TK.LBrace) || (d.knr && d.knr.length && isDeclSpecStart(p, p.tok())))) {
      if (!first) p.error(d.tok, `expected ',' or ';' before '{' token`);
      functionDefinition(p, spec, d, attrsAll);
      return;
    }
    if (spec.storage === SC.Typedef) {
      declareTypedef(p, spec, d, attrsAll, out);
    } else {
      const o = declareObject(p, spec, d, attrsAll, isTop);
      if (o && p.at(TK.Assign)) {
        p.next();
        initObject(p, o, spec, d, out);
      } else if (o) {
        finishNoInit(p, o, spec, d, out);
      }
    }
    if (p.atKw(KW.Attribute)) attributes(p, { attrs: null });
  }
  if (!p.expect(TK.Semi, "',' or ';'")) p.skipToSync();
}

/** _Alignas applies to objects and members only, and may not lower the natural alignment (C17 6.7.5). */
function checkAlignas(p: Parser, spec: DeclSpec, d: Declarator, what: string | null): void {
  if (what !== null) p.error(d.tok, `alignment specified for ${what} '${d.name}'`);
  else if (spec.align < typeAlign(p, d.ty)) p.error(d.tok, `'_Alignas' specifiers cannot reduce alignment of '${d.name}'`);
}

function checkEmptyDecl(p: Parser, spec: DeclSpec): void {
  const t = spec.ty;
  if ((t.kind === TY.Struct || t.kind === TY.Union || t.kind === TY.Enum) && spec.typeGiven) return;
  p.warn(null, spec.tok, 'useless type name in empty declaration');
}

function declareTypedef(p: Parser, spec: DeclSpec, d: Declarator, a: Attrs | null, out: Node[] | null = null): void {
  let ty = d.ty;
  if (a) {
    ty = applyTypeAttrs(p, ty, d.attrs ?? {}, d.tok, false);
    if (spec.attrs?.aligned && !d.attrs?.aligned) ty = withAlign(ty, Math.max(spec.attrs.aligned, ty.align));
    if (a.packed && (ty.kind === TY.Struct || ty.kind === TY.Union) && !ty.rec!.complete) ty.rec!.packed = true;
  }
  if (spec.align) ty = withAlign(ty, spec.align);
  ty = withTypedefName(ty, d.name!);
  const prev = p.scopes[p.scopes.length - 1].vars.get(d.name!);
  if (prev) {
    if (prev.storage !== SC.Typedef) {
      p.error(d.tok, `'${d.name}' redeclared as different kind of symbol`);
      if (prev.tok) p.note(prev.tok, `previous declaration of '${d.name}' with type ${quoteType(prev.ty)}`);
    } else if (!compatible(prev.ty, ty) || isVM(ty)) {
      p.error(d.tok, `conflicting types for '${d.name}'; have ${quoteType(ty)}`);
      if (prev.tok) p.note(prev.tok, `previous declaration of '${d.name}' with type ${quoteType(prev.ty)}`);
    } else if (!p.c2x && !p.gnu && p.opts.std && /^c(89|90|99)$/.test(p.opts.std)) {
      p.pedwarn('pedantic', d.tok, `redefinition of typedef '${d.name}'`);
    }
  }
  const o = new Obj(d.name!, ty, d.tok);
  o.storage = SC.Typedef;
  o.isLocal = p.fn !== null;
  p.declare(o);
  if (p.fn && isVM(ty) && out) {
    // VLA typedef: its sizes are evaluated here (a Decl node of the typedef tells the lowering)
    const n = new Node(NK.Decl, d.tok, ty);
    n.obj = o;
    out.push(n);
  }
}

/** Declare (or redeclare) an object or function. */
export function declareObject(p: Parser, spec: DeclSpec, d: Declarator, a: Attrs | null, isTop: boolean): Obj | null {
  const name = d.name!;
  let ty = d.ty;
  if (d.attrs) {
    const ta = { ...d.attrs, aligned: undefined };
    if (ty.kind === TY.Func && (ta.vectorSize || ta.mode)) { ty = cloneType(ty); ty.base = applyTypeAttrs(p, ty.base!, ta, d.tok, false); }
    else ty = applyTypeAttrs(p, ty, ta, d.tok, false);
  }
  const isFn = ty.kind === TY.Func;
  let storage = spec.storage;
  if (spec.inline && !isFn) p.warn(null, d.tok, `variable '${name}' declared 'inline'`);
  if (isFn && storage === SC.Auto && !isTop) {
    // GNU: forward declaration of a nested function
    const o = new Obj(name, ty, d.tok);
    o.isFunc = true; o.storage = SC.Static; o.linkage = Linkage.None; o.attrs = a;
    p.declare(o);
    p.decls.push(o);
    return o;
  }
  if (isFn && (storage === SC.Auto || storage === SC.Register)) {
    p.error(d.tok, `invalid storage class for function '${name}'`);
    storage = SC.None;
  }
  if (isFn && storage === SC.Static && !isTop) {
    p.error(d.tok, `invalid storage class for function '${name}'`);
    storage = SC.Extern;
  }
  if (isTop && (storage === SC.Auto || storage === SC.Register) && !(storage === SC.Register && d.asmName)) {
    p.error(d.tok, `register name not specified for '${name}'`.replace(/.*/, `file-scope declaration of '${name}' specifies '${storage === SC.Auto ? 'auto' : 'register'}'`));
    storage = SC.None;
  }
  // block-scope extern or function declaration: refers to the object with linkage
  const blockExtern = !isTop && (storage === SC.Extern || isFn);
  if (isTop || blockExtern) {
    const linkage = storage === SC.Static ? Linkage.Internal : Linkage.External;
    const cur = p.scopes[p.scopes.length - 1].vars.get(name);
    let prev: Obj | null = cur ?? null;
    if (!prev && blockExtern) {
      const vis = p.lookup(name);
      if (vis && vis.linkage !== Linkage.None) prev = vis;
      else prev = p.externs.get(name) ?? null;
    }
    if (!prev && isTop) prev = p.externs.get(name) ?? null;
    if (prev && prev.storage !== SC.Typedef && prev.storage !== SC.EnumConst && prev.linkage !== Linkage.None) {
      return redeclare(p, prev, ty, storage, spec, d, a, isTop);
    }
    if (prev && cur) {
      // typedef / enumerator / local redeclared
      p.error(d.tok, `'${name}' redeclared as different kind of symbol`);
      if (prev.tok) p.note(prev.tok, `previous declaration of '${name}' with type ${quoteType(prev.ty)}`);
    }
    if (storage === SC.Static && a?.weak && !a.weakref) p.error(d.tok, `weak declaration of '${name}' must be public`);
    const o = new Obj(name, ty, d.tok);
    o.isFunc = isFn;
    o.storage = storage;
    o.linkage = linkage;
    o.isLocal = false;
    o.isInline = spec.inline;
    o.isThreadLocal = spec.threadLocal;
    o.attrs = a;
    o.asmName = d.asmName;
    o.align = Math.max(spec.align, a?.aligned ?? 0);
    if (spec.noreturn) { o.attrs ??= {}; o.attrs.noreturn = true; }
    if (isFn) { const b = libraryBuiltin(name); if (b >= 0) o.builtin = b; }
    if (isTop && !isFn && storage !== SC.Extern) o.tentative = true;
    if (!isFn && isTop && storage !== SC.Extern && !isComplete(ty) && !(ty.kind === TY.Array && ty.len < 0) && !p.at(TK.Assign)) {
      // incomplete at the end of the unit is an error; checked in finishUnit
    }
    p.declare(o);
    if (linkage === Linkage.External) p.externs.set(name, o);
    p.decls.push(o);
    if (blockExtern && !isTop) {
      // also visible by linkage at file scope later
    }
    if (!isFn && spec.storage !== SC.Extern && !isTop) o.isLocal = false;
    return o;
  }
  // local object
  const cur = p.scopes[p.scopes.length - 1].vars.get(name);
  if (cur) {
    if (cur.storage === SC.Typedef || cur.storage === SC.EnumConst || cur.linkage !== Linkage.None || (p.fn?.params?.includes(cur) ?? false)) {
      p.error(d.tok, `'${name}' redeclared as different kind of symbol`);
    } else if (p.at(TK.Assign) && cur.defined) {
      p.error(d.tok, `redefinition of '${name}'`);
      if (cur.tok) p.note(cur.tok, `previous definition of '${name}' with type ${quoteType(cur.ty)}`);
    } else {
      p.error(d.tok, `redeclaration of '${name}' with no linkage`);
      if (cur.tok) p.note(cur.tok, `previous declaration of '${name}' with type ${quoteType(cur.ty)}`);
    }
  }
  if (a?.section !== undefined && storage !== SC.Static) p.error(d.tok, 'section attribute cannot be specified for local variables');
  const o = new Obj(name, ty, d.tok);
  o.storage = storage;
  o.isLocal = storage !== SC.Static;
  o.isThreadLocal = spec.threadLocal;
  o.attrs = a;
  o.asmName = d.asmName;
  o.align = Math.max(spec.align, a?.aligned ?? 0);
  if (spec.threadLocal && storage !== SC.Static && storage !== SC.Extern) p.error(d.tok, `function-scope '${name}' implicitly auto and declared '__thread'`);
  p.declare(o);
  if (o.isLocal) p.fnLocals.push(o);
  else p.decls.push(o);
  return o;
}

function redeclare(p: Parser, prev: Obj, ty: Type, storage: SC, spec: DeclSpec, d: Declarator, a: Attrs | null, isTop: boolean): Obj {
  const name = d.name!;
  const isFn = ty.kind === TY.Func;
  if (prev.isFunc !== isFn) {
    p.error(d.tok, `'${name}' redeclared as different kind of symbol`);
    if (prev.tok) p.note(prev.tok, `previous declaration of '${name}' with type ${quoteType(prev.ty)}`);
  } else if (!compatible(prev.ty, ty)) {
    if (prev.implicit) {
      if (!prev.builtinImplicit) {
        p.error(d.tok, `conflicting types for '${name}'; have ${quoteType(ty)}`);
        if (prev.tok) p.note(prev.tok, `previous implicit declaration of '${name}' with type ${quoteType(prev.ty)}`);
      }
      prev.ty = ty;
    } else if (prev.storage === SC.Builtin || prev.builtinDecl) {
      p.warn('builtin-declaration-mismatch', d.tok, `conflicting types for built-in function '${name}'; expected ${quoteType(prev.ty)}`);
      prev.ty = ty;
      prev.builtinDecl = false;
    } else if (!spec.typeGiven && isFn) {
      // gcc: only a warning when the new declaration has an implicit int return type
      if (p.warn(null, d.tok, `conflicting types for '${name}'`) && prev.tok) p.note(prev.tok, `previous declaration of '${name}' with type ${quoteType(prev.ty)}`);
      prev.ty = ty;
    } else {
      p.error(d.tok, `conflicting types for '${name}'; have ${quoteType(ty)}`);
      if (prev.tok) p.note(prev.tok, `previous ${prev.defined ? 'definition' : 'declaration'} of '${name}' with type ${quoteType(prev.ty)}`);
    }
  } else {
    if (prev.implicit && !prev.builtinImplicit) {
      // gcc: no diagnostic when the implicit declaration matches int()
    }
    prev.ty = composite(ty, prev.ty, p.T);
  }
  prev.implicit = false;
  // linkage rules
  if (storage === SC.Static && prev.linkage === Linkage.External && isTop) {
    if (isFn && prev.implicit) { /* gcc: static after implicit is an error too */ }
    p.error(d.tok, `static declaration of '${name}' follows non-static declaration`);
    if (prev.tok) p.note(prev.tok, `previous declaration of '${name}' with type ${quoteType(prev.ty)}`);
  } else if (storage === SC.None && !isFn && prev.linkage === Linkage.Internal && isTop) {
    p.error(d.tok, `non-static declaration of '${name}' follows static declaration`);
    if (prev.tok) p.note(prev.tok, `previous declaration of '${name}' with type ${quoteType(prev.ty)}`);
  }
  if (!isFn && isTop && storage !== SC.Extern) prev.tentative = true;
  if (spec.inline) prev.isInline = true;
  if (storage === SC.Extern && prev.storage === SC.None) { /* keeps definition status */ }
  else if (storage !== SC.Extern || prev.storage === SC.Extern) {
    if (!(prev.storage === SC.Static && storage === SC.None)) prev.storage = storage === SC.None && prev.storage === SC.Static ? SC.Static : storage;
  }
  if (spec.threadLocal) prev.isThreadLocal = true;
  if (a) { const h = { attrs: prev.attrs }; mergeAttrs(h, a); prev.attrs = h.attrs; }
  if (spec.noreturn) { prev.attrs ??= {}; prev.attrs.noreturn = true; }
  if (d.asmName) prev.asmName = d.asmName;
  const al = Math.max(spec.align, a?.aligned ?? 0);
  if (al > prev.align) prev.align = al;
  const cur = p.scopes[p.scopes.length - 1].vars.get(name);
  if (cur !== prev) p.declare(prev);
  prev.tok = prev.defined ? prev.tok : d.tok;
  return prev;
}

function initObject(p: Parser, o: Obj, spec: DeclSpec, d: Declarator, out: Node[] | null): void {
  const eqTok = p.peek(-1);
  if (o.isFunc) { p.error(d.tok, `function '${o.name}' is initialized like a variable`); parseInitializer(p, p.T.int, false, eqTok); return; }
  if (o.storage === SC.Extern && p.fn !== null && p.depth > 0) p.error(d.tok, `'${o.name}' has both 'extern' and initializer`);
  else if (o.storage === SC.Extern) p.warn(null, d.tok, `'${o.name}' initialized and declared 'extern'`);
  if (o.defined && !o.isLocal) {
    p.error(d.tok, `redefinition of '${o.name}'`);
    if (o.tok) p.note(o.tok, `previous definition of '${o.name}' with type ${quoteType(o.ty)}`);
  }
  if (isVarSize(o.ty)) p.error(d.tok, 'variable-sized object may not be initialized');
  const isStatic = !o.isLocal;
  if (spec.autoType) {
    const e = rvalue(p, assign(p));
    o.ty = e.ty;
    o.init = [new (require('./ast').InitItem)(0, e.ty, e, -1, -1)];
    if (isStatic) { const { checkConstInit } = require('./init'); checkConstInit(p, e); }
  } else {
    const r = parseInitializer(p, o.ty, isStatic, eqTok, o.name);
    o.ty = r.ty;
    o.init = r.items;
  }
  o.defined = true;
  o.tentative = false;
  if (o.storage === SC.Extern) o.storage = SC.None;
  if (!isComplete(o.ty) && o.ty.kind !== TY.Array) p.error(d.tok, `variable '${o.name}' has initializer but incomplete type`);
  if (out && o.isLocal) {
    const n = new Node(NK.Decl, d.tok, o.ty);
    n.obj = o;
    out.push(n);
  }
}

function finishNoInit(p: Parser, o: Obj, spec: DeclSpec, d: Declarator, out: Node[] | null): void {
  if (o.isFunc) return;
  if (o.isLocal) {
    if (!isComplete(o.ty) && !isVM(o.ty)) {
      p.error(d.tok, `storage size of '${o.name}' isn't known`);
      o.ty = p.T.int;
    }
    o.defined = true;
    if (out) {
      const n = new Node(NK.Decl, d.tok, o.ty);
      n.obj = o;
      out.push(n);
    }
  } else if (p.fn !== null && p.depth > 0 && o.storage === SC.Static) {
    if (!isComplete(o.ty)) p.error(d.tok, `storage size of '${o.name}' isn't known`);
    else if (isVarSize(o.ty)) { p.error(d.tok, `storage size of '${o.name}' isn't constant`); o.ty = p.T.int; }
    o.defined = true;
  } else if (p.fn !== null && p.depth > 0 && isVM(o.ty)) {
    p.error(d.tok, 'object with variably modified type must have no linkage');
    if (isVarSize(o.ty)) p.error(d.tok, `storage size of '${o.name}' isn't constant`);
    o.ty = p.T.int;
  }
  void spec;
}

// function-definition = declaration-specifiers declarator (K&R declarations)* compound-statement
function functionDefinition(p: Parser, spec: DeclSpec, d: Declarator, a: Attrs | null): void {
  const nested = p.fn !== null;
  if (nested) p.pedwarn('pedantic', d.tok, 'ISO C forbids nested functions');
  if (spec.storage === SC.Typedef) p.error(d.tok, `function definition declared 'typedef'`);
  const savedSpecStorage = spec.storage;
  const o = nested ? nestedFunctionObj(p, spec, d, a) : declareObject(p, { ...spec, storage: savedSpecStorage === SC.Typedef ? SC.None : savedSpecStorage }, d, a, true)!;
  if (o.defined && o.body && !o.gnuInlineOnly) {
    p.error(d.tok, `redefinition of '${o.name}'`);
    if (o.tok) p.note(o.tok, `previous definition of '${o.name}' with type ${quoteType(o.ty)}`);
  }
  // GNU extern inline: `extern inline` with gnu_inline, or any `extern inline` in gnu89/c89 mode
  const gnuSemantics = !!(a?.gnuInline || spec.attrs?.gnuInline) || /89|90/.test(p.opts.std ?? '');
  o.gnuInlineOnly = !nested && spec.inline && savedSpecStorage === SC.Extern && gnuSemantics;
  let params = d.params ?? [];
  let ty = d.ty;
  if (d.knr && d.knr.length) {
    params = knrParams(p, d);
    ty = p.T.funcType(ty.base!, params.map((x) => x.ty), false, true);
    o.ty = ty;
  }
  const ret = ty.base!;
  if (ret.kind !== TY.Void && !isComplete(ret)) p.error(d.tok, `return type is an incomplete type`);
  if (o.name === 'main' && !nested && p.wMain) checkMain(p, o, ty, d.tok, savedSpecStorage);
  if (d.ty.params) {
    for (let i = 0; i < params.length; i++) {
      if (!params[i].name) { if (!p.c2x) p.pedwarn('pedantic', params[i].tok ?? d.tok, 'ISO C does not support omitting parameter names in function definitions before C2X'); }
      else if (!isComplete(params[i].ty) && params[i].ty.kind !== TY.Array) p.error(params[i].tok!, `parameter ${i + 1} ('${params[i].name}') has incomplete type`);
    }
  }
  o.tok = d.tok;
  o.defined = true;
  o.params = params;
  o.isFunc = true;
  if (spec.inline) o.isInline = true;
  const saved = startFunction(p, o);
  const firstNested = p.decls.length;
  for (const prm of params) if (prm.name) p.declare(prm);
  const body = compoundStmt(p, false, true);
  o.body = body;
  o.bodyEnd = p.lastRBrace;
  finishFunction(p, o, saved, spec.typeGiven);
  if (p.fn !== null) {
    // nested: its body goes with the enclosing function's
  } else if (p.opts.discardBodies) {
    // -fsyntax-only: nobody reads a checked body again, so let it go (gcc's memory use is the bar)
    dropBody(p, o);
  } else if (p.opts.onFunction && p.diag.errors === 0) {
    // the code generator takes the function now, and then the bodies can go
    const nested: Obj[] = [];
    for (let i = firstNested; i < p.decls.length; i++) {
      const n = p.decls[i];
      if (n.isFunc && n.body && n !== o) nested.push(n);
    }
    if (p.opts.onFunction(o, nested, p.unit)) {
      dropBody(p, o);
      for (const n of nested) dropBody(p, n);
    }
  }
  if (nested) {
    (o as unknown as { nestedIn: Obj }).nestedIn = p.fn!;
  }
}

/** -Wmain: gcc's checks of a hosted main's definition. */
function checkMain(p: Parser, o: Obj, ty: Type, t: Token, storage: SC): void {
  if (ty.base!.kind !== TY.Int) p.pedwarn('main', t, "return type of 'main' is not 'int'");
  if (ty.params && !ty.oldStyle) checkMainParams(p, ty.params, t);
  if (storage === SC.Static) p.pedwarn('main', t, "'main' is normally a non-static function");
  void o;
}

function checkMainParams(p: Parser, ps: Type[], t: Token): void {
  const charPP = (x: Type) => x.kind === TY.Pointer && x.base!.kind === TY.Pointer && x.base!.base!.kind === TY.Char;
  for (let i = 0; i < ps.length && i < 3; i++) {
    if (i === 0 && ps[0].kind !== TY.Int) p.pedwarn('main', t, "first argument of 'main' should be 'int'");
    if (i === 1 && !charPP(ps[1])) p.pedwarn('main', t, "second argument of 'main' should be 'char **'");
    if (i === 2 && !charPP(ps[2])) p.pedwarn('main', t, "third argument of 'main' should probably be 'char **'");
  }
  if (ps.length > 0 && (ps.length < 2 || ps.length > 3)) p.pedwarn('main', t, "'main' takes only zero or two arguments");
}

/** A stub for a body nobody reads again: the function still counts as defined with a body (redefinition
 *  checks), and the AST can be collected. */
function dropBody(p: Parser, o: Obj): void {
  const stub = newNode(NK.Block, o.body!.tok, p.T.void);
  stub.list = [];
  o.body = stub;
  o.locals = [];
}

function nestedFunctionObj(p: Parser, spec: DeclSpec, d: Declarator, a: Attrs | null): Obj {
  const o = new Obj(d.name!, d.ty, d.tok);
  o.isFunc = true;
  o.storage = SC.Static;
  o.linkage = Linkage.None;
  o.attrs = a;
  o.isInline = spec.inline;
  const cur = p.scopes[p.scopes.length - 1].vars.get(d.name!);
  if (cur && cur.isFunc && !cur.defined) {
    cur.linkage = Linkage.None;
    return cur;
  }
  p.declare(o);
  p.decls.push(o);
  return o;
}

/** K&R parameter declarations between the declarator and the body. */
function knrParams(p: Parser, d: Declarator): Obj[] {
  const names = d.knr!;
  const byName = new Map<string, Obj>();
  const T = p.T;
  p.enterScope();
  while (isDeclSpecStart(p, p.tok())) {
    const spec = declSpec(p, true)!;
    for (let first = true; ; first = false) {
      if (!first && !p.accept(TK.Comma)) break;
      const pd = declarator(p, spec.ty, false, true, spec);
      if (!pd.name) continue;
      if (!names.some((n) => n.text === pd.name)) p.error(pd.tok, `declaration for parameter '${pd.name}' but no such parameter`);
      const o = new Obj(pd.name, adjustParam(p, pd.ty), pd.tok);
      o.isLocal = true;
      if (spec.storage === SC.Register) o.storage = SC.Register;
      if (byName.has(pd.name)) p.error(pd.tok, `redefinition of parameter '${pd.name}'`);
      byName.set(pd.name, o);
      p.declare(o);
    }
    p.expect(TK.Semi, "';'") || p.skipToSync();
  }
  p.leaveScope();
  return names.map((n) => {
    let o = byName.get(n.text);
    if (!o) {
      // (gcc: at the function's name, in its context)
      const saved = p.diag.currentFunction;
      p.diag.currentFunction = d.name;
      p.warn('implicit-int', d.tok, `type of '${n.text}' defaults to 'int'`);
      p.diag.currentFunction = saved;
      o = new Obj(n.text, T.int, n);
      o.isLocal = true;
      o.implicit = true; // gcc reports it (-Wunused-parameter) at the function's name
    }
    o.id = p.nextObjId++;
    return o;
  });
}

// translation-unit = (function-definition | declaration | static-assert | asm | pragma | ";")*
export function translationUnit(p: Parser): void {
  while (!p.at(TK.EOF)) {
    const t = p.tok();
    if (t.kind === TK.Pragma) { pragma(p); continue; }
    if (t.kind === TK.Semi) { p.next(); p.pedwarn('pedantic', t, 'ISO C does not allow extra \';\' outside of a function'); continue; }
    const k = p.kw(t);
    if (k === KW.StaticAssert) { staticAssert(p); continue; }
    if (k === KW.Asm) { topAsm(p); continue; }
    if (k === KW.Extension && p.kw(p.peek(1)) === KW.Asm) { p.next(); continue; }
    try {
      externalDeclaration(p);
    } catch (e) {
      if (e instanceof RangeError && !process.env.CCTS_DEBUG) { p.error(t, 'declaration too deeply nested'); p.skipToSync(); }
      else throw e;
    }
  }
  checkUnitEnd(p);
}

function topAsm(p: Parser): void {
  p.next();
  p.expect(TK.LParen, "'('");
  if (!p.at(TK.String)) {
    p.errorExpected('string literal');
    p.skipToSync();
    return;
  }
  p.asms.push(stringLiteralText(stringLiteral(p)));
  p.expect(TK.RParen, "')'");
  p.expect(TK.Semi, "';'");
}

function externalDeclaration(p: Parser): void {
  const t = p.tok();
  let spec = declSpec(p, true);
  if (!spec) {
    if (t.kind === TK.Ident && (p.peek(1).kind === TK.Ident || p.peek(1).kind === TK.Star) && p.kw(t) === KW.None && !p.lookupTok(t)) {
      p.error(t, `unknown type name '${t.text}'`);
      p.next();
      spec = declSpec(p, true) ?? implicitSpec(p, t);
      spec.typeGiven = true;
    } else if ((t.kind === TK.Ident && p.kw(t) === KW.None) || t.kind === TK.Star || t.kind === TK.LParen) {
      // implicit int: `f(x) { }` or `x;` (gcc: warning, "data definition has no type or storage class")
      spec = implicitSpec(p, t);
      if (p.peek(1).kind !== TK.LParen || t.kind !== TK.Ident) p.warn(null, t, 'data definition has no type or storage class');
    } else {
      p.error(t, `expected identifier or '(' before ${t.kind === TK.Ident ? `'${t.text}'` : describeTok(t)}`);
      p.next();
      p.skipToSync();
      return;
    }
  }
  declaration(p, spec, null);
}

function describeTok(t: Token): string {
  if (t.kind === TK.Number) return 'numeric constant';
  if (t.kind === TK.String) return 'string constant';
  return `'${t.text}' token`;
}

function implicitSpec(p: Parser, t: Token): DeclSpec {
  return { ty: p.T.int, storage: SC.None, inline: false, noreturn: false, threadLocal: false, align: 0, attrs: null, typeGiven: false, autoType: false, tok: t, tagDef: false };
}

function checkUnitEnd(p: Parser): void {
  for (const o of p.decls) {
    if (o.isFunc || o.isLocal) continue;
    if (o.tentative && !o.defined) {
      if (o.ty.kind === TY.Array && o.ty.len < 0) {
        p.warn(null, o.tok!, `array '${o.name}' assumed to have one element`);
        o.ty = p.T.arrayOf(o.ty.base!, 1);
      } else if (!isComplete(o.ty) && o.storage !== SC.Extern) {
        p.error(o.tok!, `storage size of '${o.name}' isn't known`);
      }
    }
  }
  for (const o of p.decls) {
    if (o.isFunc && o.linkage === Linkage.Internal && !o.defined && o.used) {
      p.warn(null, o.tok!, `'${o.name}' used but never defined`);
    } else if (o.isFunc && o.linkage === Linkage.Internal && !o.defined && o.tok && o.builtin < 0) {
      p.warn('unused-function', o.tok, `'${o.name}' declared 'static' but never defined`);
    }
  }
  p.diag.flushDeferred(); // the middle end's warnings on the functions lowered so far come first, as gcc's
  // -Wunused-function: static functions defined and never referenced (not inline ones, as gcc);
  // -Wunused-variable / -Wunused-const-variable=: static variables defined and never referenced (not
  // volatile ones; const ones only in the main file at level 1). gcc finds them in its call graph, which
  // -fsyntax-only never builds, so not in that mode; it reports them in reverse order of declaration.
  if (!p.opts.discardBodies) {
    const diag = p.opts.diag;
    const wFn = diag.isEnabled('unused-function'), wVar = diag.isEnabled('unused-variable');
    const constLevel = diag.opts.enabled.get('unused-const-variable') === true ? 2 : diag.opts.enabled.get('unused-const-variable') === false ? 0 : wVar ? 1 : 0;
    const mainFile = p.tok().file;
    // block-scope statics first (gcc reports them again here, after "unused variable"): the functions'
    // in reverse order, each one's in order; then the file's in reverse order
    const isLocal = (o: Obj) => !o.isFunc && o.linkage === Linkage.None && o.storage === SC.Static && o.name !== '';
    // (GNU nested functions are among the file's, and do not split their function's statics)
    const isNested = (o: Obj) => o.isFunc && o.linkage === Linkage.None;
    const locals: Obj[] = [];
    for (let i = p.decls.length - 1; i >= 0;) {
      if (!isLocal(p.decls[i])) { i--; continue; }
      let j = i;
      while (j >= 0 && (isLocal(p.decls[j]) || isNested(p.decls[j]))) j--;
      for (let k = j + 1; k <= i; k++) if (isLocal(p.decls[k])) locals.push(p.decls[k]);
      i = j;
    }
    const globals = p.decls.filter((o) => !isLocal(o)).reverse();
    // (an alias refers to its target)
    const aliased = new Set<string>();
    for (const o of p.decls) if (o.attrs?.alias) aliased.add(o.attrs.alias);
    for (const o of [...locals, ...globals]) {
      if ((o.linkage !== Linkage.Internal && !isLocal(o) && !isNested(o)) || o.used || o.attrs?.unused || o.attrs?.used || !o.tok || aliased.has(o.name)) continue;
      if (o.isFunc) {
        if (wFn && o.defined && !o.isInline && o.attrs?.constructorPrio === undefined && o.attrs?.destructorPrio === undefined) {
          p.warn('unused-function', o.tok, `'${o.name}' defined but not used`);
        }
        continue;
      }
      if (o.storage === SC.Typedef || o.storage === SC.Extern || o.storage === SC.Register || o.storage === SC.EnumConst) continue;
      const q = elemQual(o.ty);
      if (!(o.defined || o.tentative) || (q & Q.Volatile) !== 0) continue;
      if ((q & Q.Const) === 0) {
        if (wVar) p.warn('unused-variable', o.tok, `'${o.name}' defined but not used`);
        continue;
      }
      if (constLevel === 2 || (constLevel === 1 && o.tok.file === mainFile)) {
        diag.warning('unused-const-variable', p.loc(o.tok), `'${o.name}' defined but not used`, 'unused-const-variable=');
      }
    }
  }
}

/** The qualifiers of an object's type (an array's: of its elements). */
function elemQual(t: Type): number {
  while (t.kind === TY.Array && t.base) t = t.base;
  return t.qual;
}

/** Type of a declared object for typeToString (debug). */
export function describe(o: Obj): string { return `${o.name}: ${typeToString(o.ty)}`; }
export { isArray, isFunc, Member };
