// More of gcc 12's -Wall/-Wextra front-end warnings (besides warn.ts's), with gcc's texts and locations.
// The Parser computes the flags once (`p.wx`, extraWarnFlags), so a disabled warning costs a boolean test.
//
// -Wcast-function-type (-Wextra): a cast between pointers to function types gcc does not consider
// compatible enough (c_safe_function_type_cast_p).
// -Wold-style-declaration (-Wextra): a storage class (or inline, _Noreturn, __thread) after a type
// specifier or qualifier.
// -Wignored-qualifiers (-Wextra): a function declarator whose return type is qualified.
// -Wmissing-field-initializers (-Wextra): a struct's level of a braced initializer (or of brace elision)
// ends with fields left, unless it used designators or is `{ 0 }` / `{ }` (init.ts decides).
// -Wmissing-braces (-Wall): brace elision in an initializer other than `{ 0 }` (init.ts).
// -Wtype-limits (-Wextra): comparisons decided by the range of a (narrowed) operand's type (gcc's
// shorten_compare), and unsigned values against 0.
// -Wbool-operation (-Wall): `~` on a _Bool or a truth value.
// -Wshift-negative-value (-Wextra, C99 on), -Wshift-overflow= (on in C99 and later): constant left
// shifts (expr.ts, outside unevaluated operands: p.noEval).

import { Token } from '../lex/token';
import type { Diagnostics, Loc } from '../diag/diagnostics';
import type { Parser } from './state';
import type { DeclSpec } from './decl';
import { Member, TY, Type, cloneType, compatible, quoteType } from './types';
import { CK, NK, Node } from './ast';
import { TF } from '../lex/token';

/** Which of this file's warnings are on. */
export interface ExtraWarnFlags {
  castFunctionType: boolean;
  oldStyleDeclaration: boolean;
  ignoredQualifiers: boolean;
  shiftNegativeValue: boolean;
  shiftOverflow: boolean;
  missingFieldInitializers: boolean;
  missingBraces: boolean;
  typeLimits: boolean;
  boolOperation: boolean;
}

/** `c99`: C99 or later (gcc's -Wshift-negative-value and -Wshift-overflow are for those). */
export function extraWarnFlags(d: Diagnostics, c99: boolean): ExtraWarnFlags {
  const explicit = (n: string) => d.opts.enabled.get(n) === true;
  return {
    shiftNegativeValue: d.isEnabled('shift-negative-value') && (c99 || explicit('shift-negative-value')),
    shiftOverflow: d.isEnabled('shift-overflow') && (c99 || explicit('shift-overflow')),
    castFunctionType: d.isEnabled('cast-function-type'),
    missingFieldInitializers: d.isEnabled('missing-field-initializers'),
    missingBraces: d.isEnabled('missing-braces'),
    typeLimits: d.isEnabled('type-limits'),
    boolOperation: d.isEnabled('bool-operation'),
    oldStyleDeclaration: d.isEnabled('old-style-declaration'),
    ignoredQualifiers: d.isEnabled('ignored-qualifiers'),
  };
}

// ---------------------------------------------------------------------------------------------
// -Wcast-function-type

const isIntegral = (t: Type) => t.kind >= TY.Bool && t.kind <= TY.Enum;
const precision = (t: Type) => (t.kind === TY.Bool ? 1 : t.size * 8);
function isUnsignedInt(t: Type, cs: boolean): boolean {
  switch (t.kind) {
    case TY.Bool: case TY.UChar: case TY.UShort: case TY.UInt: case TY.ULong: case TY.ULLong: case TY.UInt128: return true;
    case TY.Char: return !cs;
    case TY.Enum: return t.base !== null && isUnsignedInt(t.base, cs);
  }
  return false;
}

/** gcc's c_safe_arg_type_equiv_p: any two pointers; integers of one precision (of one signedness when
 *  narrower than int, which the caller promotes); else compatible types. */
function safeArgEquiv(p: Parser, a: Type, b: Type): boolean {
  if (a.kind === TY.Pointer && b.kind === TY.Pointer) return true;
  if (isIntegral(a) && isIntegral(b) && precision(a) === precision(b) &&
      (isUnsignedInt(a, p.target.charSigned) === isUnsignedInt(b, p.target.charSigned) || precision(a) >= p.T.int.size * 8)) return true;
  return compatible(a, b, true);
}

/** The argument list as gcc keeps it: the parameter types, ended by `void` unless variadic; null when
 *  unprototyped. */
function argTypes(p: Parser, f: Type): Type[] | null {
  if (!f.params || f.oldStyle) return null;
  return f.variadic ? f.params : [...f.params, p.T.void];
}

const isVoidVoid = (f: Type) => f.base!.kind === TY.Void && f.params !== null && f.params.length === 0 && !f.variadic && !f.oldStyle;

/** An explicit cast at `lp` (its '(') from `from` to `to`. */
export function warnCastFunctionType(p: Parser, from: Type, to: Type, lp: Token): void {
  if (from.kind !== TY.Pointer || to.kind !== TY.Pointer) return;
  const f1 = to.base!, f2 = from.base!;
  if (f1.kind !== TY.Func || f2.kind !== TY.Func || isVoidVoid(f1) || isVoidVoid(f2)) return;
  let safe = safeArgEquiv(p, f1.base!, f2.base!);
  const a1 = argTypes(p, f1), a2 = argTypes(p, f2);
  if (safe && a1 && a2) for (let i = 0; i < a1.length && i < a2.length; i++) if (!safeArgEquiv(p, a1[i], a2[i])) { safe = false; break; }
  // (gcc names the target type without its typedef: build_c_cast takes its main variant)
  if (!safe) p.warn('cast-function-type', lp, `cast between incompatible function types from ${quoteType(from)} to ${quoteType(to.typedefName ? withoutTypedefName(to) : to)}`);
}

function withoutTypedefName(t: Type): Type {
  const c = cloneType(t);
  c.typedefName = null;
  return c;
}

// ---------------------------------------------------------------------------------------------
// -Wold-style-declaration

/** Storage class keyword t comes after a type specifier or qualifier. gcc reports it at its
 *  input_location: the first token of the line the lexer last started, or a struct/union/enum tag (or
 *  '{'), or an enumerator, parsed later than that (p.lastTagTok). */
export function warnOldStyleDeclaration(p: Parser, t: Token): void {
  p.opts.diag.warning('old-style-declaration', inputLocation(p, t), `'${t.text}' is not at beginning of declaration`);
}

/** gcc's input_location when the parser has just read token t: the first token of t's line (the lexer
 *  sets it at each new line), or a struct/union/enum tag (or '{') or an enumerator parsed later than that
 *  (p.lastTagTok; gcc's tag handling sets it too). */
function inputLocation(p: Parser, t: Token): Loc {
  const text = t.file.text;
  let b = t.pos;
  while (b > 0 && text.charCodeAt(b - 1) !== 10) b--;
  while (b < t.pos && (text.charCodeAt(b) === 32 || text.charCodeAt(b) === 9 || text.charCodeAt(b) === 12 || text.charCodeAt(b) === 13)) b++;
  const tag = p.lastTagTok;
  return { file: t.file, pos: tag !== null && tag.file === t.file && tag.pos > b && tag.pos < t.pos ? tag.pos : b };
}

// ---------------------------------------------------------------------------------------------
// -Wmissing-field-initializers

/** Field m of struct type ty is left uninitialized by a level that ends after token `at`. */
export function warnMissingField(p: Parser, m: Member, ty: Type, at: Token): void {
  const name = m.name ?? '<anonymous>';
  if (p.opts.diag.warning('missing-field-initializers', inputLocation(p, at), `missing initializer for field '${name}' of ${quoteType(ty)}`) && m.tok) {
    p.note(m.tok, `'${name}' declared here`);
  }
}

// ---------------------------------------------------------------------------------------------
// -Wignored-qualifiers

/** A function declarator (named by `at`) returns a qualified type: gcc reports it at the first
 *  qualifier among the declaration specifiers, else at their typedef name, else at the declarator. */
export function warnIgnoredQualifiers(p: Parser, spec: DeclSpec | null | undefined, at: Token): void {
  p.warn('ignored-qualifiers', spec?.qualTok ?? spec?.typedefTok ?? at, 'type qualifiers ignored on function return type');
}

// ---------------------------------------------------------------------------------------------
// -Wshift-overflow= (level 1)

/** `l << r`, both constant (l promoted, 0 <= r < its width): gcc's maybe_warn_shift_overflow. */
export function warnShiftOverflow(p: Parser, l: Node, r: Node, t: Token): void {
  const v = l.val!, ty = l.ty;
  if (isUnsignedInt(ty, p.target.charSigned)) return;
  const prec = ty.size * 8;
  // bits to hold v as a signed number, and the shift
  const minPrec = (v < 0n ? (~v).toString(2).length + 1 : v === 0n ? 1 : v.toString(2).length + 1) + Number(r.val!);
  // 1 into the sign bit is -Wshift-overflow=2's
  if (v >= 0n && minPrec === prec + 1) return;
  if (minPrec <= prec) return;
  p.opts.diag.warning('shift-overflow', p.loc(t), `result of '${v} << ${r.val}' requires ${minPrec} bits to represent, but ${quoteType(ty)} only has ${prec} bits`, 'shift-overflow=');
}

// ---------------------------------------------------------------------------------------------
// -Wtype-limits

const isBitField = (n: Node) => n.kind === NK.Cast && n.ck === CK.Load && n.lhs !== null && n.lhs.kind === NK.Member && n.lhs.member !== null && n.lhs.member.bitWidth >= 0;
/** A variable's value (gcc's declarations have no expression location). */
const isName = (n: Node) => n.kind === NK.Var || (n.kind === NK.Cast && n.ck === CK.Load && n.lhs !== null && n.lhs.kind === NK.Var);

/** Precision in bits of the value n (a bit-field read: its width). */
function precOf(n: Node): number {
  if (n.kind === NK.Cast && n.ck === CK.Load && n.lhs && n.lhs.kind === NK.Member && n.lhs.member && n.lhs.member.bitWidth >= 0) return n.lhs.member.bitWidth;
  return precision(n.ty);
}

/** gcc's get_narrower: n without the conversions that widen it (or change only its type), as long as they
 *  all extend the same way; sets narrowUns: that way (zero-extension), narrowStripped: any was. (Results
 *  in module variables: this runs for every comparison with a constant.) */
let narrowUns = false, narrowStripped = false;
function narrower(n: Node, cs: boolean): Node {
  let uns = false, first = true, win = n;
  for (;;) {
    if (n.kind === NK.Comma && n.rhs) { n = n.rhs; win = n; continue; }
    if (n.kind !== NK.Cast || n.ck !== CK.Convert || !n.lhs || !isIntegral(n.ty) || !isIntegral(n.lhs.ty) || n.ty.kind === TY.Bool) break;
    const change = precOf(n) - precOf(n.lhs);
    if (change < 0) break;
    const inner = n.lhs, iu = isUnsignedInt(inner.ty, cs);
    // (gcc does not see an unsigned bit-field narrower than int through its promotion)
    if (iu && isBitField(inner) && precOf(inner) < 32 && precision(n.ty) === 32) break;
    if (change > 0 && !first && uns !== iu) break;
    if (first) uns = iu;
    first = false;
    n = inner;
    win = n;
  }
  narrowUns = uns;
  narrowStripped = !first;
  return win;
}

/** The range of integers of `prec` bits. */
const range = (prec: number, uns: boolean): [bigint, bigint] =>
  uns ? [0n, (1n << BigInt(prec)) - 1n] : [-(1n << BigInt(prec - 1)), (1n << BigInt(prec - 1)) - 1n];
/** v converted to an integer type of `prec` bits. */
const fit = (v: bigint, prec: number, uns: boolean) => (uns ? BigInt.asUintN(prec, v) : BigInt.asIntN(prec, v));

const SWAP: Partial<Record<NK, NK>> = { [NK.Lt]: NK.Gt, [NK.Gt]: NK.Lt, [NK.Le]: NK.Ge, [NK.Ge]: NK.Le, [NK.Eq]: NK.Eq, [NK.Ne]: NK.Ne };

/** Comparison `op` of n.lhs and n.rhs (both converted to their common type), at the operator t. */
export function warnTypeLimits(p: Parser, op: NK, n: Node, t: Token): void {
  let op0 = n.lhs!, op1 = n.rhs!;
  // (both of gcc's checks need a constant operand)
  if (op0.val === null && op1.val === null) return;
  const rt = op0.ty;
  if (!isIntegral(rt) || !isIntegral(op1.ty)) return;
  const cs = p.target.charSigned;
  let p0 = narrower(op0, cs);
  // (an operand the conversion to the common type extends without containing a conversion of its own)
  let u0 = narrowStripped ? narrowUns : isUnsignedInt(p0.ty, cs);
  let p1 = narrower(op1, cs);
  let u1 = narrowStripped ? narrowUns : isUnsignedInt(p1.ty, cs);
  // a constant first is put second (not when the second is 0)
  if (p0.val !== null && p1.val !== 0n) {
    const t0 = p0; p0 = p1; p1 = t0;
    const v0 = u0; u0 = u1; u1 = v0;
    const o0 = op0; op0 = op1; op1 = o0;
    op = SWAP[op]!;
  }
  const rprec = precision(rt);
  let runs = isUnsignedInt(rt, cs);
  if (p0.ty.kind === TY.Bool) return; // (-Wbool-compare's)
  if (p1.val !== null && precOf(p0) < rprec) {
    const uns0 = u0;
    let [min, max] = range(precOf(p0), uns0);
    if (runs && !uns0) runs = false;
    const c = fit(p1.val, rprec, runs);
    min = fit(min, rprec, runs); max = fit(max, rprec, runs);
    const minGt = c < min, maxGt = c < max, minLt = min < c, maxLt = max < c;
    let val: boolean | null = null;
    switch (op) {
      case NK.Ne: if (maxLt || minGt) val = true; break;
      case NK.Eq: if (maxLt || minGt) val = false; break;
      case NK.Lt: if (maxLt) val = true; if (!minLt) val = false; break;
      case NK.Gt: if (minGt) val = true; if (!maxGt) val = false; break;
      case NK.Le: if (!maxGt) val = true; if (minGt) val = false; break;
      case NK.Ge: if (!minLt) val = true; if (maxLt) val = false; break;
    }
    if (isUnsignedInt(rt, cs) && !uns0 && op !== NK.Eq && op !== NK.Ne) val = null;
    // (not for an operand from a macro expansion)
    if (val !== null && p0.val === null && (isName(p0) || (p0.tok.flags & TF.Expanded) === 0)) {
      p.warn('type-limits', t, `comparison is always ${val} due to limited range of data type`);
    }
    return;
  }
  // unsigned values against 0
  if (op1.val !== 0n) return;
  if (!isUnsignedInt(rt, cs) || (op !== NK.Ge && op !== NK.Lt)) return;
  if (p0.val !== null) return;
  if (origType(op0).kind === TY.Enum) return;
  p.warn('type-limits', t, op === NK.Ge ? "comparison of unsigned expression in '>= 0' is always true" : "comparison of unsigned expression in '< 0' is always false");
}

/** The type of an operand before the usual arithmetic conversions. */
function origType(n: Node): Type {
  while (n.kind === NK.Cast && n.ck === CK.Convert && !n.explicit && n.lhs) n = n.lhs;
  return n.ty;
}

// ---------------------------------------------------------------------------------------------
// -Wbool-operation

/** `~` (token t) applied to n (an rvalue, not yet promoted). */
export function warnBoolOperation(p: Parser, n: Node, t: Token): void {
  if (n.val !== null) return; // (gcc folded it: `~(0 != 5)`)
  let e = n;
  // (a conversion of a truth value is one: gcc folds the conversion into it)
  while ((e.kind === NK.Comma && e.rhs) || (e.kind === NK.Cast && e.ck === CK.Convert && e.lhs && isIntegral(e.ty) && isIntegral(e.lhs.ty))) e = e.kind === NK.Comma ? e.rhs! : e.lhs!;
  const k = e.kind;
  if (n.ty.kind !== TY.Bool && !(k >= NK.Lt && k <= NK.Ne) && k !== NK.LogAnd && k !== NK.LogOr && k !== NK.LogNot) return;
  if (p.warn('bool-operation', t, "'~' on a boolean expression")) p.note(t, 'did you mean to use logical not?');
}
