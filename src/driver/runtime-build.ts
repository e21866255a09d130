// Builds runtime/ (the compiler runtime that replaces libgcc) with cc-ts itself, for every target
// whose code generator exists, into dist/runtime/<arch>/libcc-ts-rt.a. Run by `npm install`
// (the package's prepare script) after the TypeScript build; the driver's link stage picks the
// archive up (src/driver/link.ts).
//
//   node dist/src/driver/runtime-build.js

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { driverMain } from './main';
import { writeArchive } from '../../elf/archive';
import { packageRoot } from '../pp/paths';

/** Targets the code generator supports today. */
const BUILT = ['x86_64'];
const TRIPLE: Record<string, string> = { x86_64: 'x86_64-linux-gnu', aarch64: 'aarch64-linux-gnu', riscv64: 'riscv64-linux-gnu' };

export function buildRuntime(root = packageRoot()): number {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'runtime', 'manifest.json'), 'utf8')) as { files: Record<string, string[]> };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-rt-'));
  try {
    for (const arch of BUILT) {
      const members: { name: string; data: Uint8Array }[] = [];
      for (const [file, arches] of Object.entries(manifest.files)) {
        if (!arches.includes(arch)) continue;
        const obj = path.join(tmp, file.replace(/\.c$/, '.o'));
        const status = driverMain([`--target=${TRIPLE[arch]}`, '-O2', '-ffreestanding', '-w', '-c',
          path.join(root, 'runtime', file), '-o', obj]);
        if (status !== 0) {
          process.stderr.write(`cc-ts: error: building runtime/${file} for ${arch} failed\n`);
          return 1;
        }
        members.push({ name: path.basename(obj), data: new Uint8Array(fs.readFileSync(obj)) });
      }
      const out = path.join(root, 'dist', 'runtime', arch);
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'libcc-ts-rt.a'), writeArchive(members));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return 0;
}

if (require.main === module) process.exitCode = buildRuntime();
