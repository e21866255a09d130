// The driver's link stage: builds the GNU ld command line gcc would build for a static executable
// and runs cc-ts's own linker (link/) in process.
//
//   crt1.o crti.o  <inputs, -l, -Wl, in command-line order>  --start-group -lc <runtime> --end-group  crtn.o
//
// crt1.o, crti.o, crtn.o and libc.a come from the target's Debian glibc (host multiarch folder, or
// /usr/<triple>/lib for the cross targets, or under --sysroot). gcc's crtbeginT.o/crtend.o and
// libgcc are not used: runtime/ (built by cc-ts) replaces libgcc.

import * as fs from 'fs';
import * as path from 'path';
import { TargetLayout } from '../../targets/layout';
import { ldCommand } from '../../link/cli-ld';
import { DriverOptions } from './options';
import { packageRoot } from '../pp/paths';

const EMULATION: Record<string, string> = {
  x86_64: 'elf_x86_64', i386: 'elf_i386', aarch64: 'aarch64linux', riscv64: 'elf64lriscv',
};

/** Folders holding the target's crt*.o and libc.a. */
export function targetLibDirs(t: TargetLayout, sysroot: string | null): string[] {
  const root = sysroot ?? '';
  switch (t.arch) {
    case 'x86_64': return [`${root}/usr/lib/x86_64-linux-gnu`, `${root}/lib/x86_64-linux-gnu`, `${root}/usr/lib`];
    case 'i386': return [`${root}/usr/lib32`, `${root}/usr/lib/i386-linux-gnu`, `${root}/usr/lib`];
    default: return sysroot ? [`${root}/usr/lib/${t.multiarch}`, `${root}/usr/lib`, `${root}/lib`] : [`/usr/${t.triple}/lib`];
  }
}

function findIn(dirs: string[], name: string): string | null {
  for (const d of dirs) {
    const p = path.join(d, name);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

/** The runtime archive built for this target at install time (dist/runtime/<arch>/libcc-ts-rt.a). */
function runtimeArchive(t: TargetLayout): string | null {
  const p = path.join(packageRoot(), 'dist', 'runtime', t.arch, 'libcc-ts-rt.a');
  return fs.existsSync(p) ? p : null;
}

/**
 * Build the ld arguments. `items` are the link inputs in command-line order: object and archive paths,
 * `-lNAME`, and `-Wl,X` items.
 */
export function linkArgs(items: string[], o: DriverOptions, t: TargetLayout): { argv: string[]; missing: string[] } {
  const dirs = targetLibDirs(t, o.sysroot);
  const argv: string[] = ['-m', EMULATION[t.arch], '-static', '-o', o.output ?? 'a.out'];
  const missing: string[] = [];
  const crt = (name: string) => {
    const p = findIn(dirs, name);
    if (p) argv.push(p); else missing.push(name);
  };
  const startFiles = !o.nostdlib && !o.nostartfiles && !o.freestanding;
  const defaultLibs = !o.nostdlib && !o.nodefaultlibs && !o.freestanding;
  if (startFiles) { crt('crt1.o'); crt('crti.o'); }
  for (const d of o.libDirs) argv.push('-L' + d);
  if (!o.nostdlib && !o.freestanding) for (const d of dirs) argv.push('-L' + d);
  if (o.linkerScript) argv.push('-T', o.linkerScript);
  for (const it of items) {
    if (it.startsWith('-Wl,')) argv.push(it.slice(4));
    else argv.push(it);
  }
  if (defaultLibs) {
    argv.push('--start-group', '-lc');
    const rt = runtimeArchive(t);
    if (rt) argv.push(rt);
    argv.push('--end-group');
  }
  if (startFiles) crt('crtn.o');
  return { argv, missing };
}

/** Run the link; returns the exit status. */
export function linkStage(items: string[], o: DriverOptions, t: TargetLayout): number {
  const { argv, missing } = linkArgs(items, o, t);
  if (missing.length) {
    process.stderr.write(`cc-ts: error: cannot find ${missing.join(', ')} for ${t.triple} (install the target's libc development package, e.g. ${t.arch === 'x86_64' ? 'libc6-dev' : t.arch === 'i386' ? 'libc6-dev-i386' : `libc6-dev-${t.arch === 'aarch64' ? 'arm64' : t.arch}-cross`})\n`);
    return 1;
  }
  if (o.verbose) process.stderr.write(` cc-ts ld ${argv.join(' ')}\n`);
  return ldCommand(argv);
}
