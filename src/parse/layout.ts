// Struct and union layout for the System V family of ABIs that gcc implements for our targets
// (x86-64 SysV, i386 SysV, AAPCS64, RISC-V LP64). They share one algorithm, gcc's
// PCC_BITFIELD_TYPE_MATTERS rule, and differ in two details:
//
//  - Ordinary members are placed at the next multiple of their alignment. `packed` (on the struct or
//    the member) makes that alignment 1; `#pragma pack(N)` caps it at N; `aligned(N)` on a member
//    raises it.
//  - A bit-field of declared type T is placed at the current bit position unless it would straddle a
//    boundary of T's alignment, in which case it moves to the next such boundary (never when packed).
//    Named bit-fields make the struct at least as aligned as T. An unnamed bit-field, and a zero-width
//    bit-field, contribute their type's alignment only on AArch64 (AAPCS64 §9); a zero-width bit-field
//    always advances the position to the next boundary of its type's alignment.
//
// GNU C, block scope: a member may have a variably modified type. A member of run-time size (a VLA)
// counts as size 0 here; the record gets `varSize`, the members after it `dynOffset`, and the
// lowering computes their offsets and the record's size at run time with the same rule (each
// member at the next multiple of its effective alignment `Member.align`). A run of bit-fields there
// starts at the next byte (as gcc places them); their `bitOffset` counts from that byte.
//
// Bit-field storage: `offset` is the byte offset of a unit of the declared type (aligned to its size)
// that contains the whole field, and `bitOffset` the first bit within it counting from its least
// significant bit. When no such unit exists inside the struct (packed structs), `offset` is the byte
// holding the first bit and `bitOffset` is 0..7: the lowering then accesses ceil((bitOffset+width)/8)
// bytes.

import type { Token } from '../lex/token';
import { TargetLayout } from '../../targets/layout';
import { Member, Record, TY, Type, completeRecord, isVM, isVarSize } from './types';

export interface FieldDecl {
  name: string | null;
  ty: Type;
  /** -1: not a bit-field. */
  bitWidth: number;
  /** aligned(N) / _Alignas on the member, 0 if none. */
  alignAttr: number;
  packed: boolean;
  /** Where it is declared (diagnostics). */
  tok?: Token;
}

function alignUp(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/**
 * Lay out `fields` into record `rec`. `pack` is the #pragma pack value in effect (0: none).
 * Returns members with offsets; completes the record.
 */
export function layoutRecord(rec: Record, fields: FieldDecl[], target: TargetLayout, pack: number): void {
  const isUnion = rec.kind === TY.Union;
  const unnamedAligns = target.zeroWidthBitfieldAligns;
  let bitpos = 0; // struct: next free bit
  let maxBits = 0; // union: largest member
  let align = 1;
  const members: Member[] = [];
  let afterVar = false;
  let runStart = -1; // after a variable-size member: the bit where the current run of bit-fields starts
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const t = f.ty;
    if (isVM(t)) rec.vm = true;
    let natural = t.align;
    if (target.arch === 'i386' && (t.kind === TY.LLong || t.kind === TY.ULLong || t.kind === TY.Double || (t.kind === TY.Complex && t.base!.size === 8)) && !t.alignOverride) natural = 4;
    if (target.arch === 'i386' && t.kind === TY.Float128) natural = 16;
    let eff = f.packed || rec.packed ? 1 : natural;
    if (f.alignAttr > eff) eff = f.alignAttr;
    if (pack > 0 && eff > pack) eff = pack; // #pragma pack caps aligned attributes too
    if (f.bitWidth >= 0) {
      const w = f.bitWidth;
      if (w === 0) {
        const a = pack > 0 ? Math.min(natural, pack) : natural;
        if (!isUnion) bitpos = alignUp(bitpos, a * 8);
        if (unnamedAligns && a > align) align = a;
        runStart = -1;
        continue;
      }
      if (afterVar && runStart < 0) runStart = bitpos = alignUp(bitpos, 8);
      let pos = isUnion ? 0 : bitpos;
      const abits = eff * 8;
      if (!(f.packed || rec.packed) && Math.floor(pos / abits) !== Math.floor((pos + w - 1) / abits)) {
        pos = alignUp(pos, abits);
      }
      if (f.alignAttr) pos = alignUp(pos, f.alignAttr * 8);
      const m = new Member(f.name, t, 0, afterVar ? pos - runStart : pos, w, i, eff);
      m.dynOffset = afterVar;
      if (f.tok) m.tok = f.tok;
      members.push(m);
      if (f.name !== null || unnamedAligns) { if (eff > align) align = eff; }
      else if (f.alignAttr > align) align = f.alignAttr;
      if (isUnion) { if (w > maxBits) maxBits = w; } else bitpos = pos + w;
      continue;
    }
    const pos = isUnion ? 0 : alignUp(bitpos, eff * 8);
    runStart = -1;
    const m = new Member(f.name, t, pos / 8, -1, -1, i, eff);
    m.dynOffset = afterVar;
    if (f.tok) m.tok = f.tok;
    members.push(m);
    if (isVarSize(t)) { rec.varSize = true; if (!isUnion) afterVar = true; }
    if (eff > align) align = eff;
    const bits = t.kind === TY.Array && t.len < 0 ? 0 : t.size * 8;
    if (isUnion) { if (bits > maxBits) maxBits = bits; } else bitpos = pos + bits;
    if (t.kind === TY.Array && t.len < 0 && !t.vla) rec.flexible = true;
    if ((t.qual & 1) || (t.rec && t.rec.hasConst)) rec.hasConst = true;
  }
  if (rec.alignAttr > align) align = rec.alignAttr;
  const used = isUnion ? maxBits : bitpos;
  const size = alignUp(Math.ceil(used / 8), align);
  // place bit-fields in their storage units (see the file comment)
  for (const m of members) {
    if (m.bitWidth < 0 || m.dynOffset) continue;
    const abs = m.bitOffset;
    const usize = m.ty.size;
    const unit = Math.floor(abs / (usize * 8)) * usize;
    if (abs + m.bitWidth <= (unit + usize) * 8 && unit + usize <= size) {
      m.offset = unit;
      m.bitOffset = abs - unit * 8;
    } else {
      m.offset = abs >> 3;
      m.bitOffset = abs & 7;
    }
  }
  rec.members = members;
  completeRecord(rec, size, align);
}

/** Find a member by name, looking through anonymous members; returns the path from outer to inner. */
/** A named member of the record type itself (not inside an anonymous struct/union), or undefined. */
export function directMember(ty: Type, name: string): Member | undefined {
  const rec = ty.rec;
  if (!rec || !rec.complete) return undefined;
  if (!rec.byName) {
    rec.byName = new Map();
    for (const m of rec.members) if (m.name !== null) rec.byName.set(m.name, m);
  }
  return rec.byName.get(name);
}

export function findMember(ty: Type, name: string): Member[] | null {
  const m = directMember(ty, name);
  if (m) return [m];
  const rec = ty.rec;
  if (!rec || !rec.complete) return null;
  for (const a of rec.members) {
    if (a.name === null && (a.ty.kind === TY.Struct || a.ty.kind === TY.Union)) {
      const sub = findMember(a.ty, name);
      if (sub) { sub.unshift(a); return sub; }
    }
  }
  return null;
}
