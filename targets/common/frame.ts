// Frame layout: gives each frame slot an offset below the frame base, largest alignment first so
// that padding stays small. Offsets are negative distances from the frame base (the value of the
// frame pointer after the prologue, minus the callee-saved area `reserved`).

import { MFunc } from './mir';

/** Assigns slot offsets (negative, relative to the frame base). Returns the local area size. */
export function layoutFrame(f: MFunc, reserved: number): number {
  const idx = f.slots.map((_, k) => k).sort((a, b) => f.slots[b].align - f.slots[a].align || a - b);
  let off = reserved;
  for (const k of idx) {
    const s = f.slots[k];
    off += s.size;
    const a = Math.max(1, s.align);
    off = Math.ceil(off / a) * a;
    s.offset = -off;
  }
  return off - reserved;
}
