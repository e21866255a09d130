// src/ir/transfer.ts moves lowered functions to the code-generation thread. A function that comes out
// of funcFromMessage must carry everything the one that went in had: every own field (a field added
// to Func later and forgotten in the message fails here), the used part of each array, and the same
// constant pool lookups; a replica module adopts the signature, ABI type and source-position tables
// under the original numbers while what it interns itself stays out of their way.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Func, Module } from '../../src/ir/module';
import { applyDelta, funcFromMessage, funcMessage, ModuleSync } from '../../src/ir/transfer';
import { lowerFile } from '../lower/util';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-transfer-'));
const SRC = `
#include <stdarg.h>
struct P { int x; double y; };
static int tbl(int i) { static void *t[] = { &&a, &&b }; goto *t[i]; a: return 1; b: return 2; }
static struct P mk(int x, ...) { va_list ap; va_start(ap, x); struct P p = { x, va_arg(ap, double) }; va_end(ap); return p; }
int sw(int x) { switch (x) { case 0: return 5; case 1: return 7; case 2: return 9; case 3: return 11; default: return tbl(x & 1); } }
long big(void) { return 0x123456789abcdefL + mk(1, 2.5).x; }
int use(int v) { __asm__ volatile("" : "+r"(v)); return v + sw(v); }
`;

/** The used part of a field's value (typed arrays are allocated with room to spare). */
function used(f: Func, key: string): unknown {
  const v = (f as unknown as Record<string, unknown>)[key];
  if (!ArrayBuffer.isView(v)) return v;
  const n = key === 'args' ? f.nArgs : key === 'first' || key === 'last' ? f.nBlocks : f.nInstr;
  return Array.from((v as Int32Array).subarray(0, n));
}

test('a function survives the trip field by field', () => {
  const file = path.join(work, 't.c');
  fs.writeFileSync(file, SRC);
  const m = lowerFile(file);
  const replica = new Module(m.ptrSize);
  replica.makeReplica();
  applyDelta(replica, new ModuleSync().delta(m));
  assert.ok(m.funcs.length >= 5);
  for (const f of m.funcs) {
    // flags and names away from their defaults, so that one the message forgets shows
    const rec = f as unknown as Record<string, unknown>;
    for (const key of Object.keys(f)) {
      if (typeof rec[key] === 'boolean') rec[key] = !rec[key];
      else if (typeof rec[key] === 'string' && key !== 'name' && key !== 'linkage' && key !== 'visibility') rec[key] += '.x';
    }
    f.visibility = 'hidden';
    f.curLoc = 7;
    f.declLoc = 3;
    const { msg } = funcMessage(f);
    const g = funcFromMessage(replica, structuredClone(msg));
    for (const key of Object.keys(f)) {
      if (key === 'module' || key === 'cKeys') continue;
      assert.equal(used(g, key), used(f, key), `${f.name}.${key}`);
    }
    // the constant pool finds the same entries
    for (let c = 0; c < f.cKind.length; c++) {
      if (f.cKind[c] === 0) assert.is(g.iconst(f.cType[c], f.cVal[c] as bigint), ~c, `${f.name} constant ${c}`);
    }
  }
});

test('a replica keeps the original numbering and numbers its own entries apart', () => {
  const m = new Module(8), sync = new ModuleSync(), replica = new Module(8);
  replica.makeReplica();
  const a = m.sig(m.abiScalar(3), [m.abiScalar(4)]);
  applyDelta(replica, sync.delta(m));
  const own = replica.sig(replica.abiScalar(5), []);       // the code generator's own
  const b = m.sig(m.abiScalar(6), [m.abiScalar(3)]);       // the original goes on
  applyDelta(replica, sync.delta(m));
  assert.equal(replica.sigs[a], m.sigs[a]);
  assert.equal(replica.sigs[b], m.sigs[b]);
  assert.ok(own !== a && own !== b && replica.sigs[own].params.length === 0);
  assert.equal(replica.abiTypes[m.sigs[b].ret], m.abiTypes[m.sigs[b].ret]);
});

test.after(() => fs.rmSync(work, { recursive: true, force: true }));
test.run();
