// The IR test programs of tests/ir/programs.ts compiled by the x86-64 code generator, linked with
// glibc by gcc and run natively: output and exit status must equal both the known answer and the
// IR interpreter's (src/ir/interp.ts) on the same IR. Each at -O0 (no folding) and with PIC.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PROGRAMS } from '../ir/programs';
import { parseModule } from '../../src/ir/parse';
import { runModule } from '../../src/ir/interp';
import { compileIR, assemble, linkRun, haveTools } from './util';

const progs = PROGRAMS.filter((p) => !p.src.startsWith('target ptr 4'));

for (const [label, opts, link] of [['non-PIC', { pic: false }, ['-no-pie']], ['PIC', { pic: true, optLevel: 0 }, ['-pie']]] as const) {
  test(`IR programs run natively (${label}) like the interpreter`, () => {
    haveTools();
    const bad: string[] = [];
    for (const p of progs) {
      const interp = runModule(parseModule(p.src));
      const o = assemble(compileIR(p.src, opts));
      const r = linkRun([o], [], [...link]);
      if (r.stdout !== p.out || r.status !== p.exit || r.stdout !== interp.out || r.status !== interp.exit) {
        bad.push(`${p.name}: native ${JSON.stringify(r.stdout)}/${r.status}, interp ${JSON.stringify(interp.out)}/${interp.exit}, want ${JSON.stringify(p.out)}/${p.exit}`);
      }
    }
    assert.equal(bad, [], bad.join('\n'));
    assert.ok(progs.length >= 20);
  });
}

test.run();
