// Code-section padding as GNU as 2.40 emits it for .p2align/.balign in .text (no -march/-mtune).
//
// Each mode has a table of single "nop" patterns of length 1..max (64-bit: up to 11 bytes of
// 66 66 2e 0f 1f 84 ...; 32-bit: lea-based i386 patterns up to 7 bytes; 16-bit: up to 4 bytes).
// A padding of n bytes is filled with max-length patterns followed by one pattern for the remainder.
// When n reaches JUMP_AT (in units of the max pattern), GNU as emits `jmp .+n` (eb n-2) first and
// fills the rest the same way; beyond the reach of a short jump it uses jmp rel32 (66 e9 rel32 in 16-bit mode).

const P64: number[][] = [
  [0x90],
  [0x66, 0x90],
  [0x0f, 0x1f, 0x00],
  [0x0f, 0x1f, 0x40, 0x00],
  [0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00],
  [0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
];
const P32: number[][] = [
  [0x90],
  [0x66, 0x90],
  [0x8d, 0x76, 0x00],
  [0x8d, 0x74, 0x26, 0x00],
  [0x8d, 0x74, 0x26, 0x00, 0x90],
  [0x8d, 0xb6, 0x00, 0x00, 0x00, 0x00],
  [0x8d, 0xb4, 0x26, 0x00, 0x00, 0x00, 0x00],
];
const P16: number[][] = [
  [0x90],
  [0x66, 0x90],
  [0x8d, 0x74, 0x00],
  [0x8d, 0xb4, 0x00, 0x00],
];

const TABLE: Record<number, { pats: number[][]; jumpAt: number }> = {
  64: { pats: P64, jumpAt: 8 },
  32: { pats: P32, jumpAt: 3 },
  16: { pats: P16, jumpAt: 3 },
};

function fill(out: Uint8Array, at: number, n: number, pats: number[][]): void {
  const max = pats.length;
  while (n > 0) {
    const k = Math.min(n, max);
    out.set(pats[k - 1], at);
    at += k;
    n -= k;
  }
}

/** The n bytes of padding GNU as puts in a code section in the given mode. */
export function codePadding(n: number, mode: 16 | 32 | 64): Uint8Array {
  const { pats, jumpAt } = TABLE[mode];
  const out = new Uint8Array(n);
  if (n <= 0) return out;
  if (Math.floor(n / pats.length) < jumpAt) fill(out, 0, n, pats);
  else if (n - 2 <= 127) {
    out[0] = 0xeb;
    out[1] = n - 2;
    fill(out, 2, n - 2, pats);
  } else {
    // jmp rel32 over the rest (with 0x66 in 16-bit mode)
    let at = 0;
    if (mode === 16) out[at++] = 0x66;
    out[at++] = 0xe9;
    const len = at + 4;
    for (let v = n - len; at < len; at++, v >>>= 8) out[at] = v & 0xff;
    fill(out, len, n - len, pats);
  }
  return out;
}
