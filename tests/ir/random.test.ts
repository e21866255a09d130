// Random structured IR programs (tests/ir/gen.ts, fixed seeds): the interpreter's output and exit
// status must be the same before and after -O1 and -O2, the IR must verify after every pass, and
// print -> parse -> print must be stable.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { generate } from './gen';
import { printModule } from '../../src/ir/print';
import { parseModule } from '../../src/ir/parse';
import { verifyModule } from '../../src/ir/verify';
import { runModule } from '../../src/ir/interp';
import { optimize } from '../../src/opt/pipeline';

const N = Number(process.env.IR_RANDOM_CASES ?? 300);

test(`${N} random programs keep their behaviour at -O1 and -O2`, () => {
  let optimisedSteps = 0, baseSteps = 0;
  for (let seed = 1; seed <= N; seed++) {
    const m = generate(seed);
    assert.equal(verifyModule(m), [], `seed ${seed}: generated IR does not verify`);
    const text = printModule(m);
    assert.is(printModule(parseModule(text)), text, `seed ${seed}: round trip`);
    const base = runModule(m);
    assert.is(base.trap, undefined, `seed ${seed}: the unoptimised program traps: ${base.trap}`);
    baseSteps += base.steps;
    for (const level of [1, 2] as const) {
      const o = parseModule(text);
      optimize(o, { level, debug: true });
      const r = runModule(o);
      assert.is(r.out, base.out, `seed ${seed} -O${level}: output differs\n${printModule(o)}`);
      assert.is(r.exit, base.exit, `seed ${seed} -O${level}: exit status differs`);
      assert.is(r.trap, undefined, `seed ${seed} -O${level}: traps`);
      const t = printModule(o);
      assert.is(printModule(parseModule(t)), t, `seed ${seed} -O${level}: round trip after optimisation`);
      if (level === 2) optimisedSteps += r.steps;
    }
  }
  // the optimiser must actually do something on these programs
  assert.ok(optimisedSteps < baseSteps * 0.8, `-O2 executes ${optimisedSteps} steps, -O0 ${baseSteps}`);
});

test.run();
