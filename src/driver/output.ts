// Output files are written whole or not at all: data goes to a temporary file beside the target,
// which is renamed over it only when the stage succeeded. A failed run leaves no half-written file.

import * as fs from 'fs';
import * as path from 'path';

const pending = new Set<string>();

export function writeOutput(file: string, data: string | Uint8Array): void {
  if (file === '-') {
    process.stdout.write(data);
    return;
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.cc-ts-${process.pid}.tmp`);
  pending.add(tmp);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } finally {
    pending.delete(tmp);
    try { fs.unlinkSync(tmp); } catch { /* renamed or never written */ }
  }
}

/** Remove a file this run produced earlier, after a later stage failed (gcc deletes its outputs). */
export function removeOutput(file: string): void {
  if (file === '-') return;
  try { fs.unlinkSync(file); } catch { /* not there */ }
}

/** On abnormal exit, remove temporaries still being written. */
export function cleanupPending(): void {
  for (const t of pending) {
    try { fs.unlinkSync(t); } catch { /* gone */ }
  }
  pending.clear();
}
