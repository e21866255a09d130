// gcc.c-torture/execute through the assembler: for every test, gcc's own `-S -O0` and `-S -O2`
// output (cached under /var/cache/cc-ts-corpus/asm-cache/) is assembled by GNU as and by cc-ts, and
// `objdump -dr` and `readelf -r` of the two objects are compared (byte-identical objects count as
// identical without running the tools). Prints identical / different / failed counts over the corpus.
// With -g, gcc's `-g -S` output is used (DWARF 5 .debug_info/.debug_line/... and .loc/.file with
// views) and the whole objects are compared (section headers, symbols and every section's bytes).
// With --as-g, gcc's plain `-S` output is assembled with `as -g` (line info for the .s file itself,
// and the compilation unit) and `cc-ts as -g`, and the whole objects are compared.
//
//   node dist/tests/corpus/asm-torture.js [--limit N] [--arch i386] [--list] [-g | --as-g] [--opt -O0|-O2]

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Arch, ccAs, cleanup, compareObjects, gnuAs } from '../asm/compare';

export const TORTURE = '/var/cache/cc-ts-corpus/gcc-12.2.0/gcc/testsuite/gcc.c-torture/execute';
export const CACHE = '/var/cache/cc-ts-corpus/asm-cache';

/** gcc -S output for one test, cached; null when gcc cannot compile it. */
export function gccAsm(file: string, opt: string, arch: Arch, debug = false): string | null {
  const dir = path.join(CACHE, `${arch}${opt}${debug ? '-g' : ''}`);
  const out = path.join(dir, path.basename(file).replace(/\.c$/, '.s'));
  if (fs.existsSync(out)) return out;
  if (fs.existsSync(out + '.fail')) return null;
  fs.mkdirSync(dir, { recursive: true });
  const args = ['-S', opt, '-w', '-fno-asynchronous-unwind-tables', '-o', out, file];
  args.splice(args.indexOf('-fno-asynchronous-unwind-tables'), 1); // keep gcc's default CFI
  if (arch === 'i386') args.unshift('-m32');
  if (debug) args.unshift('-g');
  const r = spawnSync('gcc', args, { stdio: 'ignore', timeout: 60000 });
  if (r.status !== 0) {
    fs.writeFileSync(out + '.fail', '');
    return null;
  }
  return out;
}

export interface TortureResult { identical: number; different: number; failed: number; skipped: number; notes: string[] }

export function runTorture(files: string[], arch: Arch = 'x86_64', log = false, debug = false, opts = ['-O0', '-O2'], asG = false): TortureResult {
  const res: TortureResult = { identical: 0, different: 0, failed: 0, skipped: 0, notes: [] };
  const dumps = debug || asG
    ? [{ tool: 'objdump' as const, args: ['-dr'] }, { tool: 'readelf' as const, args: ['-SsrW'] }, { tool: 'objdump' as const, args: ['-s'] }]
    : [{ tool: 'objdump' as const, args: ['-dr'] }, { tool: 'readelf' as const, args: ['-rW'] }];
  for (const f of files) {
    for (const opt of opts) {
      const s = gccAsm(f, opt, arch, debug);
      if (!s) { res.skipped++; continue; }
      const name = `${path.basename(f)} ${opt}`;
      const src = fs.readFileSync(s, 'latin1');
      const g = gnuAs(src, arch, s, asG ? ['-g'] : []);
      if (!g.obj) { res.skipped++; continue; }
      const c = ccAs(src, arch, s, asG ? { genDebug: true, dwarfLevel: 2 } : {});
      if (!c.obj) {
        res.failed++;
        res.notes.push(`FAILED ${name}: ${c.err.split('\n')[0]}`);
      } else {
        const cmp = compareObjects(g.obj, c.obj, dumps);
        if (cmp.same) res.identical++;
        else {
          res.different++;
          res.notes.push(`DIFFERENT ${name}: ${cmp.diff}`);
        }
        fs.rmSync(c.obj, { force: true });
      }
      fs.rmSync(g.obj, { force: true });
      if (log && res.notes.length) process.stdout.write('');
    }
  }
  return res;
}

function main(): void {
  const argv = process.argv.slice(2);
  const limit = argv.includes('--limit') ? Number(argv[argv.indexOf('--limit') + 1]) : Infinity;
  const arch: Arch = argv.includes('--arch') ? (argv[argv.indexOf('--arch') + 1] as Arch) : 'x86_64';
  const files = fs.readdirSync(TORTURE).filter((f) => f.endsWith('.c')).sort().slice(0, limit).map((f) => path.join(TORTURE, f));
  const t0 = Date.now();
  const debug = argv.includes('-g');
  const asG = argv.includes('--as-g');
  const opts = argv.includes('--opt') ? [argv[argv.indexOf('--opt') + 1]] : ['-O0', '-O2'];
  const r = runTorture(files, arch, true, debug, opts, asG);
  if (argv.includes('--list')) for (const n of r.notes) console.log(n);
  const total = r.identical + r.different + r.failed;
  console.log(`asm-torture ${arch}${debug ? ' -g' : ''}${asG ? ' --as-g' : ''} ${opts.join(' ')}: ${r.identical}/${total} identical, ${r.different} different, ${r.failed} failed, ${r.skipped} skipped (gcc or GNU as could not); ${files.length} files, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  cleanup();
}

if (require.main === module) main();
