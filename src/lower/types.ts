// C types as the IR sees them: the IR value type of a scalar C type, whether a C type lives in memory
// (aggregates: structs, unions, arrays, _Complex, vectors), and the ABI types that calls carry
// (docs/IR.md "ABI types and signatures": scalars with their extension, structs as size, alignment and
// flattened scalar leaves).

import { Module } from '../ir/module';
import { T } from '../ir/types';
import { TY, Type, isUnsigned, isVarSize } from '../parse/types';
import { TargetLayout } from '../../targets/layout';

/** The IR type of an integer of `size` bytes. */
export function intOfSize(size: number): number {
  switch (size) {
    case 1: return T.I8;
    case 2: return T.I16;
    case 4: return T.I32;
    case 8: return T.I64;
    default: return T.I128;
  }
}

/** Lives in memory: the value of an expression of this type is the address of the object. */
export function isAggregate(t: Type): boolean {
  return t.kind === TY.Struct || t.kind === TY.Union || t.kind === TY.Array || t.kind === TY.Complex ||
    t.kind === TY.Vector || t.kind === TY.Func;
}

export class TypeMap {
  constructor(readonly target: TargetLayout) {}

  /** IR type of a scalar C type (void: T.Void). */
  ir(t: Type): number {
    switch (t.kind) {
      case TY.Void: return T.Void;
      case TY.Pointer: return T.Ptr;
      case TY.Float: return T.F32;
      case TY.Double: return T.F64;
      case TY.LDouble: return this.target.longDouble === 'x87' ? T.F80 : this.target.longDouble === 'binary128' ? T.F128 : T.F64;
      case TY.Float128: return T.F128;
      case TY.Complex: return this.ir(t.base!);
      case TY.Enum: return intOfSize(t.size || 4);
    }
    if (t.kind >= TY.Bool && t.kind <= TY.UInt128) return intOfSize(t.size);
    return T.Ptr; // aggregates: their address
  }

  /** ABI type of a C type used as an argument or return value. */
  abi(m: Module, t: Type, oldStylePromote = false): number {
    if (t.kind === TY.Void) return m.abiVoid;
    // a struct of run-time size (GNU) goes by reference, as gcc passes variable-size types: a pointer
    // to a copy the caller makes
    if (isVarSize(t)) return m.abiScalar(T.Ptr);
    if (isAggregate(t) && t.kind !== TY.Array && t.kind !== TY.Func) {
      const fields: { ty: number; off: number }[] = [];
      if (t.size <= 64) this.leaves(t, 0, fields);
      return m.abiStruct(t.size, t.align, fields);
    }
    if (t.kind === TY.Array || t.kind === TY.Func) return m.abiScalar(T.Ptr);
    const ty = this.ir(t);
    let ext = 0;
    if (t.kind >= TY.Bool && t.kind <= TY.Enum && t.size < 4 && !oldStylePromote) ext = isUnsigned(t) ? 2 : 1;
    return m.abiScalar(ty, ext);
  }

  /** Flattened scalar leaves of an aggregate (arrays expanded, union members overlapping). */
  leaves(t: Type, off: number, out: { ty: number; off: number }[]): void {
    switch (t.kind) {
      case TY.Struct: case TY.Union:
        for (const mb of t.rec!.members) {
          if (mb.bitWidth === 0) continue;
          if (mb.bitWidth > 0) {
            const e = { ty: intOfSize(mb.ty.size), off: off + mb.offset };
            if (!out.some((x) => x.off === e.off && x.ty === e.ty)) out.push(e);
            continue;
          }
          this.leaves(mb.ty, off + mb.offset, out);
        }
        return;
      case TY.Array: case TY.Vector: {
        const n = t.kind === TY.Vector ? t.len : Math.max(t.len, 0);
        for (let k = 0; k < n; k++) this.leaves(t.base!, off + k * t.base!.size, out);
        return;
      }
      case TY.Complex:
        out.push({ ty: this.ir(t.base!), off }, { ty: this.ir(t.base!), off: off + t.base!.size });
        return;
    }
    out.push({ ty: this.ir(t), off });
  }
}

/** Float precision rank for conversions (f32 < f64 < f80 < f128). */
export function floatRank(t: number): number {
  return t === T.F32 ? 0 : t === T.F64 ? 1 : t === T.F80 ? 2 : 3;
}
