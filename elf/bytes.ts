/**
 * Little-endian byte helpers shared by the ELF and archive readers and writers.
 *
 * ByteWriter is a growable buffer with typed little-endian writes; it never builds strings.
 * u64 values that address the file (offsets, sizes) are handled as numbers: anything above 2^53 is
 * out of any file anyway, and callers range-check before using them.
 */

export class ByteWriter {
  buf: Uint8Array;
  view: DataView;
  /** Number of bytes written so far (the end of the data). */
  length = 0;

  constructor(initial = 4096) {
    this.buf = new Uint8Array(Math.max(16, initial));
    this.view = new DataView(this.buf.buffer);
  }

  /** Make room for n more bytes past the end. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const nb = new Uint8Array(cap);
    nb.set(this.buf.subarray(0, this.length));
    this.buf = nb;
    this.view = new DataView(nb.buffer);
  }

  u8(v: number): void { this.reserve(1); this.buf[this.length++] = v; }
  u16(v: number): void { this.reserve(2); this.view.setUint16(this.length, v, true); this.length += 2; }
  u32(v: number): void { this.reserve(4); this.view.setUint32(this.length, v >>> 0, true); this.length += 4; }
  i32(v: number): void { this.reserve(4); this.view.setInt32(this.length, v, true); this.length += 4; }
  /** A number (0 <= v < 2^53) as a 64-bit field. */
  u64n(v: number): void { this.reserve(8); setU64n(this.view, this.length, v); this.length += 8; }
  /** A bigint as a 64-bit field (taken modulo 2^64, so negative addends work). */
  u64(v: bigint): void { this.reserve(8); this.view.setBigUint64(this.length, BigInt.asUintN(64, v), true); this.length += 8; }
  bytes(b: Uint8Array): void { this.reserve(b.length); this.buf.set(b, this.length); this.length += b.length; }
  /** Zero bytes up to a multiple of `align` (align 0 and 1 mean none). */
  align(align: number): void { if (align > 1) this.zeros((align - (this.length % align)) % align); }
  zeros(n: number): void { this.reserve(n); this.buf.fill(0, this.length, this.length + n); this.length += n; }
  /** Move the end to absolute offset `off` (>= length), zero-filling the gap. */
  padTo(off: number): void { if (off > this.length) this.zeros(off - this.length); }
  /** The written bytes (a view of the internal buffer). */
  finish(): Uint8Array { return this.buf.subarray(0, this.length); }
}

/** Write a non-negative number below 2^53 as a little-endian u64. */
export function setU64n(view: DataView, off: number, v: number): void {
  view.setUint32(off, v % 0x100000000, true);
  view.setUint32(off + 4, Math.floor(v / 0x100000000), true);
}

/** Read a little-endian u64 as a number (exact below 2^53, approximate above). */
export function getU64n(view: DataView, off: number): number {
  return view.getUint32(off, true) + view.getUint32(off + 4, true) * 0x100000000;
}

export function alignUp(v: number, align: number): number {
  return align > 1 ? Math.ceil(v / align) * align : v;
}

const utf8enc = new TextEncoder();
// Buffer's native UTF-8 decoder, called on any Uint8Array: no JS loop per byte, no subarray (it
// replaces invalid sequences with U+FFFD exactly as TextDecoder does).
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice(this: Uint8Array, start: number, end: number): string }).utf8Slice;

/** Decode the NUL-terminated string at `off` in `tab`; returns undefined when there is no NUL. */
export function cString(tab: Uint8Array, off: number): string | undefined {
  const end = tab.indexOf(0, off);
  if (end < 0) return undefined;
  return decodeName(tab, off, end);
}

/** Decode bytes [start, end) as a name (UTF-8). */
export function decodeName(b: Uint8Array, start: number, end: number): string {
  return utf8Slice.call(b, start, end);
}

export function encodeName(s: string): Uint8Array {
  return utf8enc.encode(s);
}
