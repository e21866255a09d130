// Output files are written whole or not at all: data goes to a temporary file beside the target,
// which is renamed over it only when the stage succeeded. A failed run leaves no half-written file.

import * as fs from 'fs';
import * as path from 'path';
import { encodeSourceText } from '../diag/source';

const pending = new Set<string>();

export function writeOutput(file: string, data: string | Uint8Array | string[]): void {
  if (file === '-') {
    if (Array.isArray(data)) for (const c of data) process.stdout.write(c);
    else process.stdout.write(data);
    return;
  }
  if (!isRegularOrMissing(file)) {
    // /dev/null, a FIFO, a terminal: write to it directly (renaming over it would replace the device)
    const fd = fs.openSync(file, 'w');
    try {
      if (Array.isArray(data)) for (const c of data) writeAllSync(fd, c);
      else writeAllSync(fd, data);
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.cc-ts-${process.pid}.tmp`);
  pending.add(tmp);
  try {
    if (Array.isArray(data)) {
      const fd = fs.openSync(tmp, 'w');
      try { for (const c of data) writeAllSync(fd, c); } finally { fs.closeSync(fd); }
    } else fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } finally {
    pending.delete(tmp);
    try { fs.unlinkSync(tmp); } catch { /* renamed or never written */ }
  }
}

function isRegularOrMissing(file: string): boolean {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  return st === undefined || st.isFile();
}

/** Write all of `data` to a file descriptor (synchronously, so output order and exit are simple). */
function writeAllSync(fd: number, data: string | Uint8Array): void {
  const buf = typeof data === 'string' ? encodeSourceText(data) : data;
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      // a non-blocking pipe on stdout: wait for it to drain
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

/**
 * An output written piece by piece as it is produced: a file goes to a temporary beside it that
 * commit() renames (abort() removes it); standard output is held (as bytes) until commit(), so a
 * failed run prints nothing, as with writeOutput.
 */
export class OutputWriter {
  private fd = -1;
  private tmp = '';
  private held: Buffer[] = [];
  private pendingText = '';

  constructor(readonly file: string) {
    if (file === '-') return;
    if (!isRegularOrMissing(file)) {
      this.fd = fs.openSync(file, 'w');
      return;
    }
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.cc-ts-${process.pid}.tmp`);
    pending.add(this.tmp);
    this.fd = fs.openSync(this.tmp, 'w');
  }

  write(s: string): void {
    // gather small pieces; a piece is encoded (and its rope of concatenations freed) once it is big
    this.pendingText += s;
    if (this.pendingText.length >= 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.pendingText.length === 0) return;
    const buf = encodeSourceText(this.pendingText);
    this.pendingText = '';
    if (this.fd < 0) this.held.push(buf);
    else writeAllSync(this.fd, buf);
  }

  commit(): void {
    this.flush();
    if (this.file === '-') {
      for (const b of this.held) process.stdout.write(b);
      this.held = [];
      return;
    }
    fs.closeSync(this.fd);
    this.fd = -1;
    if (this.tmp) {
      fs.renameSync(this.tmp, this.file);
      pending.delete(this.tmp);
    }
  }

  abort(): void {
    this.held = [];
    this.pendingText = '';
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
    if (this.tmp) {
      try { fs.unlinkSync(this.tmp); } catch { /* gone */ }
      pending.delete(this.tmp);
    }
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
