// A seeded generator of small structured IR programs for differential testing of the optimiser:
// locals in stack slots (so mem2reg has work), an array in memory, arithmetic on i32/i64 with
// guarded divisions (no undefined results), if/else, counted loops, switches with ranges, calls to
// a helper function, select, and printf of every local at the end. Built with the Builder API.

import { Builder } from '../../src/ir/builder';
import { Module } from '../../src/ir/module';
import { Op } from '../../src/ir/ops';
import { T } from '../../src/ir/types';

import { mulberry32 } from '../fuzz/mutate';

/** Deterministic PRNG: the project's one mulberry32 (tests/fuzz/mutate.ts). */
export const rng = mulberry32;

interface Var { slot: number; ty: number }

export function generate(seed: number): Module {
  const R = rng(seed);
  const pick = <X>(a: X[]): X => a[Math.floor(R() * a.length)];
  const int = (n: number) => Math.floor(R() * n);
  const m = new Module(8);
  m.addData({ name: 'fmt32', size: 4, init: Uint8Array.from(Buffer.from('%d\n\0')) });
  m.addData({ name: 'fmt64', size: 5, init: Uint8Array.from(Buffer.from('%ld\n\0')) });
  const printfSig = m.sig(m.abiScalar(T.I32), [m.abiScalar(T.Ptr), m.abiScalar(T.I64)], 1);
  const printfSig32 = m.sig(m.abiScalar(T.I32), [m.abiScalar(T.Ptr), m.abiScalar(T.I32)], 1);

  // helper: i32 h(i32 a, i32 b) = (a * 3) ^ (b - 7), with a branch
  const hsig = m.sig(m.abiScalar(T.I32), [m.abiScalar(T.I32), m.abiScalar(T.I32)]);
  {
    const { b, params } = Builder.func(m, 'h', hsig, [T.I32, T.I32]);
    const x = b.binary(Op.Mul, T.I32, params[0], b.int(T.I32, 3));
    const y = b.binary(Op.Sub, T.I32, params[1], b.int(T.I32, 7));
    const c = b.cmp(Op.Slt, x, y);
    const t = b.newBlock(), e = b.newBlock();
    b.br(c, t, e);
    b.setBlock(t); b.ret(b.binary(Op.Xor, T.I32, x, y));
    b.setBlock(e); b.ret(b.binary(Op.Add, T.I32, x, y));
  }

  const msig = m.sig(m.abiScalar(T.I32), []);
  const { b } = Builder.func(m, 'main', msig, []);
  const vars: Var[] = [];
  const nv = 3 + int(4);
  for (let k = 0; k < nv; k++) {
    const ty = R() < 0.7 ? T.I32 : T.I64;
    const slot = b.alloca(ty === T.I32 ? 4 : 8, ty === T.I32 ? 4 : 8);
    b.store(ty, b.int(ty, int(200) - 100), slot, ty === T.I32 ? 4 : 8);
    vars.push({ slot, ty });
  }
  const arr = b.alloca(32, 4);
  for (let k = 0; k < 8; k++) b.store(T.I32, b.int(T.I32, k * 11), b.binary(Op.Add, T.Ptr, arr, b.int(T.Ptr, k * 4)), 4);

  const load = (v: Var) => b.load(v.ty, v.slot, v.ty === T.I32 ? 4 : 8);
  const convert = (x: number, from: number, to: number): number => {
    if (from === to) return x;
    if (to === T.I32) return b.conv(Op.Trunc, T.I32, x);
    return b.conv(R() < 0.5 ? Op.SExt : Op.ZExt, T.I64, x);
  };
  const expr = (ty: number, depth: number): number => {
    const r = R();
    if (depth <= 0 || r < 0.25) {
      if (R() < 0.3) return b.int(ty, int(40) - 20);
      const v = pick(vars);
      return convert(load(v), v.ty, ty);
    }
    if (r < 0.33) { // array element
      const idx = b.binary(Op.And, T.I64, convert(expr(T.I32, depth - 1), T.I32, T.I64), b.int(T.I64, 7));
      const p = b.binary(Op.Add, T.Ptr, arr, b.binary(Op.Shl, T.I64, idx, b.int(T.I64, 2)));
      return convert(b.load(T.I32, p, 4), T.I32, ty);
    }
    if (r < 0.4) { // compare -> 0/1
      const t2 = R() < 0.5 ? T.I32 : T.I64;
      const c = b.cmp(pick([Op.Eq, Op.Ne, Op.Slt, Op.Sle, Op.Sgt, Op.Sge, Op.Ult, Op.Ule, Op.Ugt, Op.Uge]), expr(t2, depth - 1), expr(t2, depth - 1), ty);
      return c;
    }
    if (r < 0.45) return b.select(ty, expr(T.I32, depth - 1), expr(ty, depth - 1), expr(ty, depth - 1));
    if (r < 0.5 && ty === T.I32) return b.call(hsig, b.sym('h'), [expr(T.I32, depth - 1), expr(T.I32, depth - 1)], T.I32);
    if (r < 0.53) return b.unary(pick([Op.Neg, Op.Not]), ty, expr(ty, depth - 1));
    const op = pick([Op.Add, Op.Sub, Op.Mul, Op.And, Op.Or, Op.Xor, Op.Shl, Op.LShr, Op.AShr, Op.SDiv, Op.UDiv, Op.SRem, Op.URem, Op.Add, Op.Mul]);
    const x = expr(ty, depth - 1);
    let y = expr(ty, depth - 1);
    const bits = ty === T.I32 ? 31 : 63;
    if (op === Op.Shl || op === Op.LShr || op === Op.AShr) y = b.binary(Op.And, ty, y, b.int(ty, bits));
    if (op === Op.SDiv || op === Op.SRem) y = b.binary(Op.Add, ty, b.binary(Op.And, ty, y, b.int(ty, 15)), b.int(ty, 1));
    if (op === Op.UDiv || op === Op.URem) y = b.binary(Op.Or, ty, y, b.int(ty, 1));
    return b.binary(op, ty, x, y);
  };
  const cond = (): number => b.cmp(pick([Op.Slt, Op.Ne, Op.Eq, Op.Uge, Op.Sgt]), expr(T.I32, 2), expr(T.I32, 2));

  const stmts = (n: number, depth: number): void => {
    for (let k = 0; k < n; k++) {
      const r = R();
      if (r < 0.5 || depth <= 0) {
        const v = pick(vars);
        b.store(v.ty, expr(v.ty, 3), v.slot, v.ty === T.I32 ? 4 : 8);
      } else if (r < 0.55) {
        const idx = b.binary(Op.And, T.I64, convert(expr(T.I32, 2), T.I32, T.I64), b.int(T.I64, 7));
        b.store(T.I32, expr(T.I32, 2), b.binary(Op.Add, T.Ptr, arr, b.binary(Op.Mul, T.I64, idx, b.int(T.I64, 4))), 4);
      } else if (r < 0.7) {
        const t = b.newBlock(), e = b.newBlock(), j = b.newBlock();
        b.br(cond(), t, e);
        b.setBlock(t); stmts(1 + int(3), depth - 1); b.jmp(j);
        b.setBlock(e); if (R() < 0.6) stmts(1 + int(2), depth - 1); b.jmp(j);
        b.setBlock(j);
      } else if (r < 0.85) {
        // for (cnt = 0; cnt < K; cnt++) body
        const cnt = b.alloca(4, 4);
        b.store(T.I32, b.int(T.I32, 0), cnt, 4);
        const h = b.newBlock(), body = b.newBlock(), exit = b.newBlock();
        b.jmp(h);
        b.setBlock(h);
        const c = b.cmp(Op.Slt, b.load(T.I32, cnt, 4), b.int(T.I32, 1 + int(5)));
        b.br(c, body, exit);
        b.setBlock(body);
        stmts(1 + int(3), depth - 1);
        if (R() < 0.2) { // early exit
          const cont = b.newBlock();
          b.br(cond(), exit, cont);
          b.setBlock(cont);
        }
        b.store(T.I32, b.binary(Op.Add, T.I32, b.load(T.I32, cnt, 4), b.int(T.I32, 1)), cnt, 4);
        b.jmp(h);
        b.setBlock(exit);
      } else {
        const v = pick(vars);
        const sv = convert(load(v), v.ty, T.I32);
        const x = b.binary(Op.And, T.I32, sv, b.int(T.I32, 15));
        const j = b.newBlock(), d = b.newBlock();
        const cases: [number, number, number][] = [];
        const blocks: number[] = [];
        let lo = 0;
        while (lo < 16 && cases.length < 4) {
          const hi = lo + int(3);
          const cb = b.newBlock();
          cases.push([b.int(T.I32, lo), b.int(T.I32, Math.min(hi, 15)), cb]);
          blocks.push(cb);
          lo = hi + 1 + int(3);
        }
        b.switch(x, d, cases);
        for (const cb of blocks) {
          b.setBlock(cb); stmts(1 + int(2), depth - 1);
          b.jmp(R() < 0.3 && cb !== blocks[blocks.length - 1] ? blocks[blocks.indexOf(cb) + 1] : j);   // fallthrough
        }
        b.setBlock(d); stmts(1, depth - 1); b.jmp(j);
        b.setBlock(j);
      }
    }
  };
  stmts(4 + int(6), 3);
  let sum = b.int(T.I32, 0);
  for (const v of vars) {
    const x = load(v);
    if (v.ty === T.I32) b.call(printfSig32, b.sym('printf'), [b.sym('fmt32'), x], T.I32);
    else b.call(printfSig, b.sym('printf'), [b.sym('fmt64'), x], T.I32);
    sum = b.binary(Op.Add, T.I32, sum, convert(x, v.ty, T.I32));
  }
  for (let k = 0; k < 8; k++) sum = b.binary(Op.Xor, T.I32, sum, b.load(T.I32, b.binary(Op.Add, T.Ptr, arr, b.int(T.Ptr, k * 4)), 4));
  b.ret(b.binary(Op.And, T.I32, sum, b.int(T.I32, 255)));
  return m;
}
