// Hand-written IR programs (tests/ir/programs.ts) run by the interpreter: the known output at -O0,
// the same output after -O1 and -O2 (verified after every pass), and a stable text round trip.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PROGRAMS } from './programs';
import { parseModule } from '../../src/ir/parse';
import { printModule } from '../../src/ir/print';
import { verifyModule } from '../../src/ir/verify';
import { runModule } from '../../src/ir/interp';
import { optimize } from '../../src/opt/pipeline';

for (const p of PROGRAMS) {
  test(p.name, () => {
    const m = parseModule(p.src, p.name);
    assert.equal(verifyModule(m), []);
    const r = runModule(m);
    assert.is(r.trap, undefined);
    assert.is(r.out, p.out);
    assert.is(r.exit, p.exit);
    const text = printModule(m);
    assert.is(printModule(parseModule(text)), text, 'round trip');
    for (const level of [1, 2] as const) {
      const o = parseModule(p.src);
      optimize(o, { level, debug: true });
      const ro = runModule(o);
      assert.is(ro.trap, undefined, `-O${level} traps`);
      assert.is(ro.out, p.out, `-O${level} output`);
      assert.is(ro.exit, p.exit, `-O${level} exit`);
      const t = printModule(o);
      assert.is(printModule(parseModule(t)), t, `-O${level} round trip`);
    }
  });
}

test('-O2 folds a constant program to a return', () => {
  const p = PROGRAMS.find((x) => x.name.startsWith('select and constant folding'))!;
  const m = parseModule(p.src);
  optimize(m, { level: 2 });
  assert.match(printModule(m), /func \$main\(\) -> i32 \{\n@entry:\n  ret 12\n\}/);
});

test('-O1 turns the slot loop into phis (no loads or stores left)', () => {
  const p = PROGRAMS.find((x) => x.name.startsWith('locals in slots'))!;
  const m = parseModule(p.src);
  optimize(m, { level: 1 });
  const t = printModule(m);
  assert.not.match(t, /load|store|alloca/);
  assert.match(t, /phi/);
});

test.run();
