'use strict';
// How cc-ts's compiled modules are loaded, for bin/cc-ts and for its worker threads: the bundle of
// dist/ with its V8 code cache (src/driver/bundle-build.ts) when it is as new as the last tsc build;
// otherwise the compiled modules one by one. load('src/driver/main.js') returns that module's exports.
// The code cache is only taken under the V8 flags it was made with (bundle-build.ts V8_FLAGS), which
// bin/cc-ts sets before it calls this.
const fs = require('fs');
const path = require('path');
const dist = path.join(__dirname, '..', 'dist');

let loader = null;
function bundleLoader() {
  const bundle = path.join(dist, 'cc-ts.bundle.js');
  try {
    const b = fs.statSync(bundle), t = fs.statSync(path.join(dist, '.tsbuildinfo'), { throwIfNoEntry: false });
    if (t && b.mtimeMs < t.mtimeMs) return null;
    const vm = require('vm');
    let cachedData;
    try { cachedData = fs.readFileSync(path.join(dist, 'cc-ts.bundle.cache')); } catch { cachedData = undefined; }
    const script = new vm.Script(fs.readFileSync(bundle, 'utf8'), { filename: bundle, cachedData });
    if (process.env.CC_TS_DEBUG_BUNDLE) process.stderr.write(`cc-ts: bundle, code cache ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'missing'}\n`);
    return script.runInThisContext()(require, dist);
  } catch {
    return null;
  }
}

exports.load = function load(id) {
  if (loader === null) loader = bundleLoader() ?? ((m) => require(path.join(dist, m)));
  return loader(id);
};
