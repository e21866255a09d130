// The C programs in tests/lower/c/: each is compiled by cc-ts's front end and the lowering, verified,
// run in the IR interpreter, and its output and exit status compared with the same program built by
// gcc and run natively. Each is also run after the -O1 and -O2 pipelines (verifier after every pass)
// and must give the same result.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { spawnSync } from 'child_process';
import { parseFile } from './util';
import { lowerTranslationUnit } from '../../src/lower';
import { verifyModule } from '../../src/ir/verify';
import { runModule } from '../../src/ir/interp';
import { optimize } from '../../src/opt/pipeline';
import { TARGETS } from '../../targets/layout';

const ROOT = process.env.CC_TS_ROOT ?? path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'tests/lower/c');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-lower-'));
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.c')).sort();

function gccRun(file: string): { out: string; exit: number } {
  const exe = path.join(TMP, path.basename(file, '.c'));
  const c = spawnSync('gcc', ['-w', '-O0', '-o', exe, file], { encoding: 'utf8' });
  if (c.error) throw new Error('gcc is required for tests/lower (apt-get install gcc)');
  if (c.status !== 0) throw new Error(`gcc rejected ${file}: ${c.stderr}`);
  const r = spawnSync(exe, [], { encoding: 'latin1' });
  return { out: r.stdout, exit: r.status ?? (r.signal === 'SIGABRT' ? 134 : -1) };
}

for (const name of files) {
  test(name, () => {
    const file = path.join(DIR, name);
    const expect = gccRun(file);
    const fe = parseFile(file);
    assert.ok(fe.tu, `front end rejected ${name}: ${fe.errors.join('')}`);
    const lower = () => lowerTranslationUnit(fe.tu!, TARGETS.x86_64, { optLevel: 0, inlineComplexDivision: true });
    const m = lower();
    assert.equal(verifyModule(m), []);
    const r = runModule(m, { memSize: 1 << 23 });
    assert.is(r.trap, undefined, `interpreter trapped: ${r.trap}`);
    assert.is(r.out, expect.out);
    assert.is(r.exit, expect.exit);
    for (const level of [1, 2] as const) {
      const o = lower();
      optimize(o, { level, debug: true });
      const ro = runModule(o, { memSize: 1 << 23 });
      assert.is(ro.trap, undefined, `-O${level}: trapped: ${ro.trap}`);
      assert.is(ro.out, expect.out, `-O${level} output`);
      assert.is(ro.exit, expect.exit, `-O${level} exit`);
    }
  });
}

test.after(() => fs.rmSync(TMP, { recursive: true, force: true }));
test.run();
