// gcc.c-torture/execute through cc-ts's front end and the IR lowering (src/lower), in one process:
// every file the front end accepts is lowered and verified; where the interpreter supports all the
// externals the program uses, it runs in src/ir/interp.ts and must exit 0 (the torture tests call
// abort() on failure). With --opt, the -O1 and -O2 pipelines must give the same result.
//
//   CC_TS_ROOT=/work/main node DIST/tests/corpus/lower-torture.js [--filter=STR] [--list] [--opt] [--arch=x86_64]
//
// Prints: accepted by the front end / lowered+verified / lowering errors / crashes / verifier failures,
// and for runnable programs: passed / failed / trapped (with -O1/-O2 mismatches when --opt).

import * as fs from 'fs';
import * as path from 'path';
import { parseFile } from '../lower/util';
import { lowerTranslationUnit, LowerError } from '../../src/lower';
import { verifyModule } from '../../src/ir/verify';
import { runModule } from '../../src/ir/interp';
import { optimize } from '../../src/opt/pipeline';
import { TARGETS, Arch } from '../../targets/layout';

const ROOT = process.env.CC_TS_TORTURE ?? '/var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture';
const INTERP_EXTERNALS = new Set(['putchar', 'puts', 'printf', 'malloc', 'calloc', 'free', 'memcpy', 'memset', 'memcmp', 'strlen', 'abort', 'exit']);

const argv = process.argv.slice(2);
const opt = (k: string) => argv.find((a) => a.startsWith(`--${k}=`))?.split('=')[1];
const filter = opt('filter') ?? '';
const list = argv.includes('--list');
const withOpt = argv.includes('--opt');
const arch = (opt('arch') ?? 'x86_64') as Arch;

const dir = path.join(ROOT, 'execute');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.c') && f.includes(filter)).sort();
const c = { total: files.length, accepted: 0, lowered: 0, errors: 0, crashes: 0, verify: 0, runnable: 0, passed: 0, failed: 0, trapped: 0, optDiff: 0 };
const show = (what: string, f: string, msg: string) => { if (list) console.log(`${what} ${f}: ${msg.split('\n')[0].slice(0, 200)}`); };
const t0 = Date.now();

for (const file of files) {
  const full = path.join(dir, file);
  let fe;
  try { fe = parseFile(full, arch); } catch (e) { show('FE-CRASH', file, String(e)); continue; }
  if (!fe.tu) continue;
  c.accepted++;
  let m;
  try { m = lowerTranslationUnit(fe.tu, TARGETS[arch], { optLevel: 0, inlineComplexDivision: true }); } catch (e) {
    if (e instanceof LowerError) { c.errors++; show('ERROR', file, e.message); } else { c.crashes++; show('CRASH', file, (e as Error).stack ?? String(e)); }
    continue;
  }
  const errs = verifyModule(m);
  if (errs.length) { c.verify++; show('VERIFY', file, errs[0]); continue; }
  c.lowered++;
  const hasAsm = m.funcs.some((f) => f.asms.length > 0);
  if (hasAsm || m.externs.some((x) => !INTERP_EXTERNALS.has(x.name)) || !m.findFunc('main')) continue;
  c.runnable++;
  let r;
  try { r = runModule(m, { memSize: 1 << 24, maxSteps: 20_000_000 }); } catch (e) { c.trapped++; show('TRAP', file, `interpreter: ${(e as Error).message}`); continue; }
  if (r.trap) { c.trapped++; show('TRAP', file, r.trap); continue; }
  if (r.exit !== 0) { c.failed++; show('FAIL', file, `exit ${r.exit} ${r.out.slice(0, 80)}`); continue; }
  c.passed++;
  if (withOpt) {
    for (const level of [1, 2] as const) {
      let bad = '';
      try {
        const m2 = lowerTranslationUnit(fe.tu, TARGETS[arch], { optLevel: level, inlineComplexDivision: true });
        optimize(m2, { level, debug: true });
        const r2 = runModule(m2, { memSize: 1 << 24, maxSteps: 20_000_000 });
        if (r2.trap || r2.exit !== r.exit || r2.out !== r.out) bad = `-O${level}: exit ${r2.exit} ${r2.trap ?? ''}`;
      } catch (e) { bad = `-O${level}: ${(e as Error).message}`; }
      if (bad) { c.optDiff++; show('OPT', file, bad); break; }
    }
  }
}

console.log(`gcc.c-torture/execute (${arch}): ${c.total} files, front end accepted ${c.accepted}`);
console.log(`  lowered+verified ${c.lowered}, lowering errors ${c.errors}, crashes ${c.crashes}, verifier failures ${c.verify}`);
console.log(`  interpretable ${c.runnable}: exit 0 ${c.passed}, failed ${c.failed}, trapped ${c.trapped}${withOpt ? `, -O1/-O2 mismatches ${c.optDiff}` : ''}`);
console.log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
