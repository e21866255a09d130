// Every runtime/ file must stay inside the C that cc-ts accepts, for each target that builds it
// (runtime/manifest.json): cc-ts -fsyntax-only -ffreestanding, with no error and no warning.
// Uses the driver of the same build as this test.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, RUNTIME } from './harness';

const DRIVER = path.join(__dirname, '../../src/driver/main.js');
const TRIPLES: Record<string, string> = { x86_64: 'x86_64-linux-gnu', aarch64: 'aarch64-linux-gnu', riscv64: 'riscv64-linux-gnu' };
const manifest = JSON.parse(fs.readFileSync(path.join(RUNTIME, 'manifest.json'), 'utf8')) as { files: Record<string, string[]> };

test('manifest lists every runtime C file', () => {
  const cfiles = fs.readdirSync(RUNTIME).filter((f) => f.endsWith('.c')).sort();
  assert.equal(Object.keys(manifest.files).sort(), cfiles);
});

for (const [target, triple] of Object.entries(TRIPLES)) {
  const files = Object.keys(manifest.files).filter((f) => manifest.files[f].includes(target));
  test(`cc-ts accepts the runtime files for ${target}: ${files.join(' ')}`, () => {
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(DRIVER)}).main(process.argv.slice(1))`, '--',
      `--target=${triple}`, '-fsyntax-only', '-ffreestanding', '-I', RUNTIME, ...files.map((f) => path.join(RUNTIME, f))],
      { encoding: 'utf8', env: { ...process.env, CC_TS_ROOT: ROOT } });
    assert.is(r.stderr + r.stdout, '');
    assert.is(r.status, 0);
  });
}

test.run();
