// IR value types. Integers carry no signedness; `ptr` is an integer of the target's pointer width.
// Ordered so that "is integer" and "is float" are range checks.

export const enum T {
  Void = 0,
  I8, I16, I32, I64, I128, Ptr,
  F32, F64, F80, F128,
  IntFirst = I8, IntLast = Ptr,
  FloatFirst = F32, FloatLast = F128,
}

export const TYPE_NAMES = ['void', 'i8', 'i16', 'i32', 'i64', 'i128', 'ptr', 'f32', 'f64', 'f80', 'f128'];
/** Size in bytes (ptr: 0, ask bytesOf with the pointer size). f80 is 10 bytes of data. */
const SIZES = [0, 1, 2, 4, 8, 16, 0, 4, 8, 10, 16];

export function isInt(t: number): boolean { return t >= T.IntFirst && t <= T.IntLast; }
export function isFloat(t: number): boolean { return t >= T.FloatFirst && t <= T.FloatLast; }

export function typeFromName(s: string): number {
  const i = TYPE_NAMES.indexOf(s);
  return i;
}

/** Size of a value of type t in bytes, given the pointer size. */
export function bytesOf(t: number, ptrSize: number): number {
  return t === T.Ptr ? ptrSize : SIZES[t];
}

/** Width in bits of an integer type. */
export function bitsOf(t: number, ptrSize: number): number {
  return t === T.Ptr ? ptrSize * 8 : SIZES[t] * 8;
}

/** The integer type of the pointer width (i32 or i64). */
export function intPtrType(ptrSize: number): number { return ptrSize === 8 ? T.I64 : T.I32; }

/** Same type, counting ptr equal to the integer of its width. */
export function sameType(a: number, b: number, ptrSize: number): boolean {
  if (a === b) return true;
  const p = intPtrType(ptrSize);
  return (a === T.Ptr && b === p) || (b === T.Ptr && a === p);
}

/** The numeric float format name used by src/numeric. */
export function floatFormat(t: number): 'f32' | 'f64' | 'x87' | 'f128' {
  return t === T.F32 ? 'f32' : t === T.F64 ? 'f64' : t === T.F80 ? 'x87' : 'f128';
}
