/**
 * SHF_MERGE|SHF_STRINGS sections: strings with the same bytes, entry size, flags and output name
 * are stored once. Each input section gets a MergeMap from input offsets (string starts) to output
 * offsets, used for symbols and section-symbol relocations (symbols.ts mergedOffset). The merged
 * bytes go into the first section of the group; the others become empty.
 */
import { SHF_ALLOC } from '../elf/constants';
import { InputSection, LinkContext } from './context';

const SHF_MERGE = 0x10;
const SHF_STRINGS = 0x20;

export function mergeStrings(ctx: LinkContext, all: InputSection[]): void {
  const groups = new Map<string, InputSection[]>();
  for (const s of all) {
    if ((s.flags & (SHF_MERGE | SHF_STRINGS)) !== (SHF_MERGE | SHF_STRINGS) || s.entsize !== 1 || !(s.flags & SHF_ALLOC)) continue;
    if (s.relocs.count) continue;
    const key = `${s.name.replace(/\.str1\.\d+$/, '')}|${s.flags}|${s.align}`;
    const l = groups.get(key);
    if (l) l.push(s); else groups.set(key, [s]);
  }
  for (const secs of groups.values()) {
    if (secs.length < 2) continue;
    mergeGroup(secs);
  }
  void ctx;
}

function mergeGroup(secs: InputSection[]): void {
  const seen = new Map<string, number>();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (const s of secs) {
    const starts: number[] = [];
    const outs: number[] = [];
    const d = s.data;
    let p = 0;
    while (p < s.size) {
      let e = d.indexOf(0, p);
      if (e < 0) e = s.size - 1;
      const key = Buffer.from(d.buffer, d.byteOffset + p, e - p + 1).toString('latin1');
      let off = seen.get(key);
      if (off === undefined) {
        off = size;
        seen.set(key, off);
        chunks.push(d.subarray(p, e + 1));
        size += e - p + 1;
      }
      starts.push(p);
      outs.push(off);
      p = e + 1;
    }
    s.merge = { inStart: Int32Array.from(starts), outOffset: Int32Array.from(outs) };
  }
  const merged = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { merged.set(c, at); at += c.length; }
  const first = secs[0];
  first.data = merged;
  first.size = size;
  for (let i = 1; i < secs.length; i++) {
    const s = secs[i];
    s.data = new Uint8Array(0);
    s.size = 0;
    (s as InputSection & { mergeInto?: InputSection }).mergeInto = first;
  }
}
