// bin/cc-ts starts from dist/cc-ts.bundle.js with its V8 code cache (src/driver/bundle-build.ts)
// when the bundle is as new as the last tsc build. When it is used, the cache must be accepted
// (V8 rejects a cache made under other flags) and the bundle must compile like the modules do.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findRepoRoot } from '../fuzz/torture';

const root = findRepoRoot();
const dist = path.join(root, 'dist');
const bundle = path.join(dist, 'cc-ts.bundle.js');
const fresh = fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= fs.statSync(path.join(dist, '.tsbuildinfo')).mtimeMs;

test('the launcher takes the bundle and its code cache after npm run build', () => {
  if (!fresh) {
    // a tsc run after the last build: the launcher must use the modules (checked by every other test)
    const r = spawnSync(process.execPath, [path.join(root, 'bin/cc-ts'), '--version'], { encoding: 'utf8', env: { ...process.env, CC_TS_DEBUG_BUNDLE: '1' } });
    assert.is(r.status, 0);
    assert.not.match(r.stderr, /bundle/);
    return;
  }
  const r = spawnSync(process.execPath, [path.join(root, 'bin/cc-ts'), '--version'], { encoding: 'utf8', env: { ...process.env, CC_TS_DEBUG_BUNDLE: '1' } });
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stderr, /cc-ts: bundle, code cache accepted/);
});

test('bundle and modules give the same object', () => {
  if (!fresh) return;
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-bundle-'));
  const c = path.join(d, 'a.c');
  fs.writeFileSync(c, '#include <stdio.h>\nstruct P { int x, y; };\nstatic int f(struct P p) { return p.x * p.y; }\nint main(void) { struct P p = { 6, 7 }; printf("%d\\n", f(p)); return 0; }\n');
  const viaBundle = spawnSync(process.execPath, [path.join(root, 'bin/cc-ts'), '-O2', '-c', c, '-o', path.join(d, 'b.o')], { encoding: 'utf8' });
  assert.is(viaBundle.status, 0, viaBundle.stderr);
  const viaModules = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(dist, 'src/driver/main.js'))}).main(process.argv.slice(1))`,
    '--', '-O2', '-c', c, '-o', path.join(d, 'm.o')], { encoding: 'utf8' });
  assert.is(viaModules.status, 0, viaModules.stderr);
  assert.ok(Buffer.compare(fs.readFileSync(path.join(d, 'b.o')), fs.readFileSync(path.join(d, 'm.o'))) === 0);
  fs.rmSync(d, { recursive: true, force: true });
});

test.run();
