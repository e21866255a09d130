// The Builder API: allocas land in the entry block, code after a terminator opens a new block,
// and building a large function is cheap (typed arrays, no per-instruction objects).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Builder } from '../../src/ir/builder';
import { Module } from '../../src/ir/module';
import { Op } from '../../src/ir/ops';
import { T } from '../../src/ir/types';
import { verifyModule } from '../../src/ir/verify';
import { printFunc } from '../../src/ir/print';
import { runModule } from '../../src/ir/interp';
import { optimize } from '../../src/opt/pipeline';

test('allocas go to the entry block; code after ret opens a block', () => {
  const m = new Module(8);
  const { b, params } = Builder.func(m, 'main', m.sig(m.abiScalar(T.I32), [m.abiScalar(T.I32)]), [T.I32]);
  const next = b.newBlock('next');
  b.jmp(next);
  b.setBlock(next);
  const slot = b.alloca(4, 4);
  b.store(T.I32, b.binary(Op.Add, T.I32, params[0], b.int(T.I32, 41)), slot, 4);
  b.ret(b.load(T.I32, slot, 4));
  b.binary(Op.Add, T.I32, params[0], params[0]);   // dead code after ret
  b.ret(params[0]);
  assert.equal(verifyModule(m), []);
  const text = printFunc(m.funcs[0]);
  assert.match(text, /@entry:\n  %\d+ =ptr alloca 4 align 4\n  jmp @next/);
  assert.is(m.funcs[0].layout.length, 3);
  optimize(m, { level: 1, debug: true });
  assert.is(m.funcs[0].layout.length, 1);
});

test('a 200k-instruction function builds, verifies and optimises quickly', () => {
  const t0 = Date.now();
  const m = new Module(8);
  const { b, params } = Builder.func(m, 'big', m.sig(m.abiScalar(T.I64), [m.abiScalar(T.I64)]), [T.I64]);
  const slot = b.alloca(8, 8);
  b.store(T.I64, params[0], slot, 8);
  for (let k = 0; k < 20000; k++) {
    const x = b.load(T.I64, slot, 8);
    const y = b.binary(Op.Mul, T.I64, x, b.int(T.I64, 3));
    const z = b.binary(Op.Add, T.I64, y, b.int(T.I64, k));
    const c = b.cmp(Op.Slt, z, b.int(T.I64, 1000));
    const t = b.newBlock(), j = b.newBlock();
    b.br(c, t, j);
    b.setBlock(t);
    b.store(T.I64, b.binary(Op.Xor, T.I64, z, x), slot, 8);
    b.jmp(j);
    b.setBlock(j);
  }
  b.ret(b.load(T.I64, slot, 8));
  const built = Date.now() - t0;
  assert.ok(m.funcs[0].nInstr > 100000);
  assert.equal(verifyModule(m), []);
  optimize(m, { level: 2 });
  const total = Date.now() - t0;
  assert.ok(built < 1000, `building took ${built} ms`);
  assert.ok(total < 15000, `build + verify + -O2 took ${total} ms`);
  void runModule;
});

test.run();
