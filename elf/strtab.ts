/**
 * ELF string table builder with tail merging, laid out the way GNU as (BFD's elf-strtab.c) does, so
 * that .strtab and .shstrtab come out with the same size and offsets as GNU's.
 *
 * Algorithm: every distinct string is added once, in first-use order. At finalize, the strings are
 * sorted by their reversed bytes (so a string sorts just before the strings it is a suffix of), then
 * walked from the end: a string that is a suffix of the last kept string is not stored but points
 * into that string's tail. The kept strings get offsets in first-use order, after the leading NUL.
 */
import { encodeName } from './bytes';

interface Entry { bytes: Uint8Array; offset: number; order: number; suffixOf: Entry | null }

export class StringTable {
  private entries = new Map<string, Entry>();
  private list: Entry[] = [];
  private data: Uint8Array | null = null;

  /** Register a string (the empty string always has offset 0). */
  add(s: string): void {
    if (s === '' || this.entries.has(s)) return;
    const e: Entry = { bytes: encodeName(s), offset: -1, order: this.list.length, suffixOf: null };
    this.entries.set(s, e);
    this.list.push(e);
    this.data = null;
  }

  /** Offset of a string added before finalize(). */
  offsetOf(s: string): number {
    if (s === '') return 0;
    const e = this.entries.get(s);
    if (!e || this.data === null) throw new Error(`string table: '${s}' not added or not finalized`);
    return e.offset;
  }

  /** Lay the table out and return its bytes. */
  finalize(): Uint8Array {
    if (this.data) return this.data;
    const sorted = this.list.slice().sort(compareReversed);
    let last: Entry | null = null;
    for (let i = sorted.length - 1; i >= 0; i--) {
      const e = sorted[i];
      e.suffixOf = null;
      if (last !== null && isSuffix(e.bytes, last.bytes)) e.suffixOf = last;
      else last = e;
    }
    let size = 1;
    for (const e of this.list) if (!e.suffixOf) { e.offset = size; size += e.bytes.length + 1; }
    const out = new Uint8Array(size);
    for (const e of this.list) {
      if (e.suffixOf) e.offset = e.suffixOf.offset + e.suffixOf.bytes.length - e.bytes.length;
      else out.set(e.bytes, e.offset);
    }
    this.data = out;
    return out;
  }
}

/** BFD's strrevcmp: compare from the last byte backwards; on a tie the shorter string first. */
function compareReversed(a: Entry, b: Entry): number {
  const x = a.bytes, y = b.bytes;
  let i = x.length - 1, j = y.length - 1;
  for (let n = Math.min(x.length, y.length); n > 0; n--, i--, j--) {
    if (x[i] !== y[j]) return x[i] - y[j];
  }
  return x.length - y.length;
}

/** Is `s` a proper suffix of `t`? */
function isSuffix(s: Uint8Array, t: Uint8Array): boolean {
  if (s.length >= t.length) return false;
  const d = t.length - s.length;
  for (let i = 0; i < s.length; i++) if (s[i] !== t[d + i]) return false;
  return true;
}
