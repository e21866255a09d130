// gcc -S -masm=intel output of gcc.c-torture/execute (cached under the system temp folder), assembled
// by GNU as and by cc-ts (Intel syntax: targets/x86/intel.ts), objects compared by objdump -dr,
// readelf -SsrW and objdump -s. Used by intel-torture.test.ts (a slice); the whole corpus:
//   node -e "require('./dist/tests/x86/intel-torture.js').main()"   (or .main('i386'))

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Arch, ccAs, cleanup, compareObjects, gnuAs } from '../asm/compare';
import { TORTURE } from '../corpus/asm-torture';

const CACHE = path.join(os.tmpdir(), 'cc-ts-intel-cache');

/** gcc -S -masm=intel of one file, cached; null when gcc cannot compile it. */
export function gccIntel(file: string, opt: string, arch: Arch = 'x86_64'): string | null {
  fs.mkdirSync(CACHE, { recursive: true });
  const out = path.join(CACHE, path.basename(file).replace(/\.c$/, `${arch === 'i386' ? '-m32' : ''}${opt}.s`));
  if (fs.existsSync(out)) return out;
  if (fs.existsSync(out + '.fail')) return null;
  const m32 = arch === 'i386' ? ['-m32'] : [];
  const r = spawnSync('gcc', ['-S', opt, ...m32, '-w', '-masm=intel', '-o', out, file], { stdio: 'ignore', timeout: 60000 });
  if (r.status !== 0) {
    fs.writeFileSync(out + '.fail', '');
    return null;
  }
  return out;
}

export interface IntelResult { identical: number; different: number; failed: number; skipped: number; notes: string[] }

export function runIntelTorture(files: string[], arch: Arch = 'x86_64'): IntelResult {
  const res: IntelResult = { identical: 0, different: 0, failed: 0, skipped: 0, notes: [] };
  for (const f of files) {
    for (const opt of ['-O0', '-O2']) {
      const s = gccIntel(f, opt, arch);
      if (!s) { res.skipped++; continue; }
      const src = fs.readFileSync(s, 'latin1');
      const g = gnuAs(src, arch, s);
      if (!g.obj) { res.skipped++; continue; }
      const c = ccAs(src, arch, s);
      const name = `${path.basename(f)} ${opt}`;
      if (!c.obj) {
        res.failed++;
        res.notes.push(`FAILED ${name}: ${c.err.split('\n')[0]}`);
      } else {
        const cmp = compareObjects(g.obj, c.obj);
        if (cmp.same) res.identical++;
        else { res.different++; res.notes.push(`DIFFERENT ${name}: ${cmp.diff}`); }
        fs.rmSync(c.obj, { force: true });
      }
      fs.rmSync(g.obj, { force: true });
    }
  }
  return res;
}

export function tortureFiles(): string[] {
  return fs.readdirSync(TORTURE).filter((f) => f.endsWith('.c')).sort().map((f) => path.join(TORTURE, f));
}

export function main(arch: Arch = 'x86_64'): void {
  const r = runIntelTorture(tortureFiles(), arch);
  for (const n of r.notes) console.log(n);
  console.log(`intel-torture: ${r.identical}/${r.identical + r.different + r.failed} identical, ${r.different} different, ${r.failed} failed, ${r.skipped} skipped`);
  cleanup();
}
