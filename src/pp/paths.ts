// Where the preprocessor looks for headers: the package's own include/ folder and each target's
// system include directories, in gcc's order.
//
// gcc's chain for #include <...> is: -I dirs, -isystem dirs, the compiler's own include dir, the
// target's system dirs, then -idirafter dirs. #include "..." first tries the including file's folder,
// then -iquote dirs, then that chain. We replace gcc's internal include dir (which holds its stddef.h,
// stdarg.h, ...) by include/ at the root of this package.

import * as fs from 'fs';
import * as path from 'path';
import { TargetLayout } from '../../targets/layout';

let root: string | null = null;

/** The folder holding cc-ts's package.json (works from src/ under ts-node and from any --outDir build). */
export function packageRoot(): string {
  if (root !== null) return root;
  if (process.env.CC_TS_ROOT) return (root = path.resolve(process.env.CC_TS_ROOT));
  // from the compiled file upwards; then (a build compiled outside the checkout, e.g. /tmp/x-dist)
  // from the working directory upwards
  for (const startDir of [__dirname, process.cwd()]) {
    let dir = startDir;
    for (;;) {
      const pj = path.join(dir, 'package.json');
      if (fs.existsSync(pj)) {
        try {
          if (JSON.parse(fs.readFileSync(pj, 'utf8')).name === 'cc-ts') return (root = dir);
        } catch { /* not ours: keep walking */ }
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error('cc-ts: cannot find the package root (package.json) above ' + __dirname);
}

/** The compiler's own header folder. */
export function compilerIncludeDir(): string {
  return path.join(packageRoot(), 'include');
}

/**
 * The target's system include dirs, as the corresponding Debian gcc searches them (minus gcc's own
 * internal dir). `sysroot` replaces the leading '/' of each.
 */
export function targetSystemDirs(t: TargetLayout, sysroot?: string): string[] {
  let dirs: string[];
  switch (t.arch) {
    case 'x86_64': dirs = ['/usr/local/include', '/usr/include/x86_64-linux-gnu', '/usr/include']; break;
    // gcc -m32 on Debian without multilib: libc6-dev-i386 puts the 32-bit bits/ and gnu/ into /usr/include
    case 'i386': dirs = ['/usr/local/include', '/usr/include']; break;
    default: dirs = sysroot ? ['/usr/local/include', `/usr/include/${t.multiarch}`, '/usr/include'] : [`/usr/${t.triple}/include`, '/usr/include'];
  }
  if (sysroot) dirs = dirs.map((d) => path.join(sysroot, d));
  return dirs;
}
