// Literal tokens to typed constant nodes, through src/numeric (which does the exact work).

import { TK, Token } from '../lex/token';
import {
  parseIntegerLiteral, parseFloatLiteral, isFloatLiteral, decodeChar, concatStrings, Encoding,
} from '../numeric';
import { NK, Node, StrLit } from './ast';
import { Parser } from './state';
import { Type, TY } from './types';

export function numberLiteral(p: Parser, t: Token): Node {
  const T = p.T;
  const small = smallDecimal(t.text);
  if (small >= 0) return intNode(t, T.int, small < SMALL_BIGINTS.length ? SMALL_BIGINTS[small] : BigInt(small));
  if (isFloatLiteral(t.text)) {
    const r = parseFloatLiteral(t.text, T.floatFormat(T.ldouble));
    if ('error' in r) {
      p.error(t, r.error);
      return intNode(t, T.int, 0n);
    }
    if (r.warning) p.warn(null, t, r.warning);
    let ty: Type;
    switch (r.suffix) {
      case 'f': case 'f32': case 'f16': ty = T.float; break;
      case 'l': case 'w': ty = T.ldouble; break;
      case 'q': case 'f128': ty = T.float128; break;
      case 'f64x': ty = p.target.longDouble === 'x87' ? T.ldouble : T.float128; break;
      default: ty = T.double;
    }
    if (r.imaginary) {
      const n = new Node(NK.FloatConst, t, T.complexOf(ty));
      n.fval = r.bits; // the imaginary part; the real part is zero
      return n;
    }
    const n = new Node(NK.FloatConst, t, ty);
    n.fval = r.bits;
    return n;
  }
  const lim = { intBits: 32, longBits: p.target.longSize * 8, longLongBits: 64, int128: p.target.int128 };
  const r = parseIntegerLiteral(t.text, lim);
  if ('error' in r) {
    p.error(t, r.error);
    return intNode(t, T.int, 0n);
  }
  if (r.overflow) p.pedwarn(null, t, 'integer constant is too large for its type');
  else if (r.warning) p.warn(null, t, r.warning);
  let ty: Type;
  switch (r.type) {
    case 'int': ty = T.int; break;
    case 'unsigned int': ty = T.uint; break;
    case 'long': ty = T.long; break;
    case 'unsigned long': ty = T.ulong; break;
    case 'long long': ty = T.llong; break;
    case 'unsigned long long': ty = T.ullong; break;
    case '__int128': ty = T.int128; break;
    default: ty = T.uint128;
  }
  const v = wrapInt(r.value, ty);
  if (r.imaginary) {
    const n = new Node(NK.IntConst, t, T.complexOf(ty));
    n.val = v;
    return n;
  }
  return intNode(t, ty, v);
}

/** BigInts of the most common small constants, made once. */
const SMALL_BIGINTS: readonly bigint[] = Array.from({ length: 256 }, (_, k) => BigInt(k));

/**
 * The value of a plain decimal constant of at most 9 digits with no suffix (always an int), or -1 for
 * any other spelling (the general path decides). "0" counts; other leading zeros are octal.
 */
function smallDecimal(s: string): number {
  const n = s.length;
  if (n > 9) return -1;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return n > 1 && s.charCodeAt(0) === 48 ? -1 : v;
}

export function intNode(t: Token, ty: Type, v: bigint): Node {
  const n = new Node(NK.IntConst, t, ty);
  n.val = v;
  return n;
}

/** Wrap a value to the width and signedness of an integer type. */
export function wrapInt(v: bigint, ty: Type): bigint {
  switch (ty.kind) {
    case TY.Bool: return v !== 0n ? 1n : 0n;
    case TY.Char: return charSigned ? BigInt.asIntN(8, v) : BigInt.asUintN(8, v);
    case TY.SChar: return BigInt.asIntN(8, v);
    case TY.UChar: return BigInt.asUintN(8, v);
    case TY.Short: return BigInt.asIntN(16, v);
    case TY.UShort: return BigInt.asUintN(16, v);
    case TY.Int: return BigInt.asIntN(32, v);
    case TY.UInt: return BigInt.asUintN(32, v);
    case TY.Long: case TY.LLong: return BigInt.asIntN(ty.size * 8, v);
    case TY.ULong: case TY.ULLong: case TY.Pointer: return BigInt.asUintN(ty.size * 8, v);
    case TY.Int128: return BigInt.asIntN(128, v);
    case TY.UInt128: return BigInt.asUintN(128, v);
    case TY.Enum: return ty.base ? wrapInt(v, ty.base) : BigInt.asIntN(32, v);
  }
  return v;
}
let charSigned = true;
export function setLiteralCharSigned(v: boolean): void { charSigned = v; }

export function charLiteral(p: Parser, t: Token): Node {
  const T = p.T;
  const r = decodeChar(t.text, p.target.charSigned, p.target.wcharSigned);
  if ('error' in r) { p.error(t, r.error); return intNode(t, T.int, 0n); }
  if (r.warning) p.warn(r.multichar ? 'multichar' : null, t, r.warning);
  let ty: Type;
  switch (r.encoding) {
    case 'wchar': ty = T.wcharT; break;
    case 'char16': ty = T.char16T; break;
    case 'char32': ty = T.char32T; break;
    case 'utf8': ty = T.uchar; break;
    default: ty = T.int;
  }
  return intNode(t, ty, wrapInt(r.value, ty));
}

export function elemTypeOf(p: Parser, e: Encoding): Type {
  const T = p.T;
  switch (e) {
    case 'wchar': return T.wcharT;
    case 'char16': return T.char16T;
    case 'char32': return T.char32T;
    case 'utf8': return p.c2x ? T.uchar : T.char;
  }
  return T.char;
}

/** Adjacent string literals starting at the current token. */
export function stringLiteral(p: Parser): Node {
  const first = p.tok();
  const parts: string[] = [];
  const toks: Token[] = [];
  while (p.at(TK.String)) { toks.push(p.tok()); parts.push(p.next().text); }
  const r = concatStrings(parts);
  const T = p.T;
  if ('error' in r) {
    p.error(toks[r.part] ?? first, r.error);
    const s = new StrLit([], T.char);
    const n = new Node(NK.StrLit, first, T.arrayOf(T.char, 1));
    n.str = s; n.lvalue = true;
    return n;
  }
  if (r.warnings) for (const w of r.warnings) p.warn(null, toks[w.part ?? 0] ?? first, w.message);
  const elem = elemTypeOf(p, r.encoding);
  const s = new StrLit(r.units, elem);
  if (toks.length > 1) s.toks = toks;
  p.strings.push(s);
  const n = new Node(NK.StrLit, first, T.arrayOf(elem, r.units.length + 1));
  n.str = s;
  n.lvalue = true;
  return n;
}

/** The characters of a narrow string literal node (section names, asm templates). */
export function stringLiteralText(n: Node): string {
  if (!n.str) return '';
  const u = n.str.units;
  // bytes are UTF-8: decode
  return Buffer.from(u).toString('utf8');
}
