// Dominator tree, dominance frontiers, loops, liveness and the out-of-SSA helpers.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseModule } from '../../src/ir/parse';
import { DomTree } from '../../src/ir/analysis/dom';
import { LoopInfo } from '../../src/ir/analysis/loops';
import { Liveness } from '../../src/ir/analysis/liveness';
import { splitCriticalEdges, phiMoves, sequentialize } from '../../src/opt/ssa-out';
import { verifyModule } from '../../src/ir/verify';
import { runModule } from '../../src/ir/interp';
import { Func } from '../../src/ir/module';

const SRC = `target ptr 8
func $main() -> i32 {
@entry:
  jmp @h
@h:
  %i =i32 phi @entry 0, @latch %i2
  %c =i32 slt %i, 10
  br %c, @body, @exit
@body:
  %odd =i32 and %i, 1
  br %odd, @a, @latch
@a:
  jmp @latch
@latch:
  %i2 =i32 add %i, 1
  jmp @h
@exit:
  ret %i
}`;

const blk = (f: Func, name: string) => f.blockNames.indexOf(name);

test('dominators and frontiers', () => {
  const f = parseModule(SRC).funcs[0];
  const d = new DomTree(f);
  const n = (b: number) => f.blockName(b);
  assert.is(n(d.idom[blk(f, 'latch')]), 'body');
  assert.is(n(d.idom[blk(f, 'exit')]), 'h');
  assert.ok(d.dominates(blk(f, 'h'), blk(f, 'a')));
  assert.not.ok(d.dominates(blk(f, 'a'), blk(f, 'latch')));
  const df = d.frontiers();
  assert.equal(df[blk(f, 'a')].map(n), ['latch']);
  assert.equal(df[blk(f, 'latch')].map(n), ['h']);
  assert.equal(df[blk(f, 'body')].map(n), ['h']);
});

test('loops', () => {
  const f = parseModule(SRC).funcs[0];
  const l = new LoopInfo(f);
  assert.is(l.loops.length, 1);
  assert.is(f.blockName(l.loops[0].header), 'h');
  assert.equal(l.loops[0].blocks.map((b) => f.blockName(b)).sort(), ['a', 'body', 'h', 'latch']);
  assert.is(l.depth[blk(f, 'exit')], 0);
  assert.is(l.depth[blk(f, 'a')], 1);
});

test('liveness', () => {
  const f = parseModule(SRC).funcs[0];
  const lv = new Liveness(f);
  const name = (v: number) => f.names[v];
  assert.equal(lv.liveInList(blk(f, 'latch')).map(name), ['i']);
  assert.equal(lv.liveOutList(blk(f, 'latch')).map(name), ['i2']);
  assert.equal(lv.liveInList(blk(f, 'h')).map(name), []);
  assert.equal(lv.liveOutList(blk(f, 'entry')).map(name), []);
  assert.equal(lv.liveInList(blk(f, 'exit')).map(name), ['i']);
});

test('critical edges are split and the program still runs', () => {
  const m = parseModule(SRC);
  const f = m.funcs[0];
  assert.ok(splitCriticalEdges(f));     // body -> latch is critical
  assert.equal(verifyModule(m), []);
  assert.is(runModule(m).exit, 10);
  assert.not.ok(splitCriticalEdges(f));
});

test('phi moves: a swap needs a temporary', () => {
  const m = parseModule(`target ptr 8
func $main() -> i32 {
@entry:
  jmp @h
@h:
  %a =i32 phi @entry 1, @h %b
  %b =i32 phi @entry 2, @h %a
  %n =i32 phi @entry 0, @h %n2
  %n2 =i32 add %n, 1
  %c =i32 slt %n2, 3
  br %c, @h, @x
@x:
  ret %a
}`);
  const f = m.funcs[0];
  const h = blk(f, 'h');
  const moves = phiMoves(f, h, h);
  const named = moves.map((x) => [f.names[x.dst] ?? 'tmp', f.names[x.src] ?? 'tmp']);
  assert.equal(named, [['n', 'n2'], ['tmp', 'a'], ['a', 'b'], ['b', 'tmp']]);
  // executing the moves in order performs the parallel copy
  const env = new Map<number, number>([[f.names.indexOf('a'), 1], [f.names.indexOf('b'), 2]]);
  for (const mv of sequentialize(f, [{ dst: f.names.indexOf('a'), src: f.names.indexOf('b') }, { dst: f.names.indexOf('b'), src: f.names.indexOf('a') }])) env.set(mv.dst, env.get(mv.src)!);
  assert.is(env.get(f.names.indexOf('a')), 2);
  assert.is(env.get(f.names.indexOf('b')), 1);
});

test.run();
