// Start-up bundle: the compiled modules cc-ts runs (src, asm, elf, link, targets, realmode; not tests
// or bench) in one file, dist/cc-ts.bundle.js, plus V8's code cache for it, dist/cc-ts.bundle.cache.
// Run by `npm run build` after tsc. bin/cc-ts loads the bundle with the cache when it is at least as
// new as tsc's last build (dist/.tsbuildinfo), else the modules one by one.
//
// Why: start-up is paid by every compiler run that make starts. Loading ~90 modules one by one costs
// a file lookup and a compilation each; one script with a code cache is read and deserialised at once.
// Modules keep their CommonJS semantics (each runs when first required, with its own exports, and
// __filename/__dirname of its file in dist/), so lazy loading of the assembler and linker stays.
//
//   node dist/src/driver/bundle-build.js       (from the package root)

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';

const FOLDERS = ['src', 'asm', 'elf', 'link', 'targets', 'realmode'];
export const BUNDLE = 'cc-ts.bundle.js';
/** The V8 flags bin/cc-ts sets before loading the bundle: V8 takes a code cache only under the flags
 *  it was made with, so the cache is made under the same ones. */
export const V8_FLAGS = '--max-inlined-bytecode-size-cumulative=200 --interrupt-budget=270336';
export const CACHE = 'cc-ts.bundle.cache';

function listModules(dist: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const abs = path.join(dist, rel);
    if (!fs.existsSync(abs)) return;
    for (const e of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r);
      else if (e.name.endsWith('.js') && !e.name.startsWith('bundle-build')) out.push(r);
    }
  };
  for (const f of FOLDERS) walk(f);
  return out;
}

/** The bundle's text: a function of (require, distDir) that returns the module loader's `load`. */
export function bundleText(dist: string): string {
  const parts: string[] = [];
  parts.push('(function (nodeRequire, distDir) {\n"use strict";\nconst defs = Object.create(null);\n');
  for (const id of listModules(dist)) {
    const src = fs.readFileSync(path.join(dist, id), 'utf8');
    parts.push(`defs[${JSON.stringify(id)}] = function (exports, require, module, __filename, __dirname) {\n${src}\n};\n`);
  }
  parts.push(`
const cache = Object.create(null);
const pathMod = nodeRequire('path');
function resolve(from, spec) {
  const dir = from.slice(0, from.lastIndexOf('/'));
  const p = pathMod.posix.normalize(dir + '/' + spec);
  if (defs[p + '.js']) return p + '.js';
  if (defs[p]) return p;
  if (defs[p + '/index.js']) return p + '/index.js';
  return null;
}
function load(id) {
  const hit = cache[id];
  if (hit) return hit.exports;
  const module = { exports: {} };
  cache[id] = module;
  const file = pathMod.join(distDir, id);
  defs[id].call(module.exports, module.exports, makeRequire(id), module, file, pathMod.dirname(file));
  return module.exports;
}
function makeRequire(from) {
  const req = function (spec) {
    if (spec.startsWith('.')) {
      const id = resolve(from, spec);
      if (id) return load(id);
      return nodeRequire(pathMod.join(distDir, from, '..', spec));
    }
    return nodeRequire(spec);
  };
  req.resolve = (spec) => (spec.startsWith('.') ? pathMod.join(distDir, resolve(from, spec) || pathMod.join(from, '..', spec)) : nodeRequire.resolve(spec));
  return req;
}
return load;
})`);
  // ASCII only (the few other characters are in comments; an escape means the same in a string, a
  // regular expression or an identifier): V8 then holds the source, which it keeps for lazy
  // compilation, one byte per character instead of two
  return parts.join('').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Write the bundle, then run a small workload through it and write V8's code cache. */
export function buildBundle(root: string): void {
  const dist = path.join(root, 'dist');
  const file = path.join(dist, BUNDLE);
  const text = bundleText(dist);
  fs.writeFileSync(file, text);
  require('v8').setFlagsFromString(V8_FLAGS);
  const script = new vm.Script(text, { filename: file });
  const load = script.runInThisContext()(require, dist) as (id: string) => { driverMain(argv: string[]): number };
  // Exercise the common paths so that their functions are compiled and land in the cache.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-bundle-'));
  const c = path.join(tmp, 'warm.c');
  fs.writeFileSync(c, '#include <stdio.h>\nstatic int sq(int x) { return x * x; }\nint main(void) { printf("%d\\n", sq(7)); return 0; }\n');
  const quiet = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    const drv = load('src/driver/main.js');
    drv.driverMain(['-O2', '-c', c, '-o', path.join(tmp, 'warm.o')]);
    drv.driverMain(['-O0', '-S', c, '-o', path.join(tmp, 'warm.s')]);
    // and a static link (cc-ts ld's passes: inputs, archives, layout, .eh_frame, relocation, output)
    drv.driverMain([path.join(tmp, 'warm.o'), '-o', path.join(tmp, 'warm')]);
  } catch { /* the cache is an optimisation: whatever was compiled so far goes in */ } finally {
    process.stderr.write = quiet;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(dist, CACHE), script.createCachedData());
}

if (require.main === module) buildBundle(path.resolve(__dirname, '..', '..', '..'));
