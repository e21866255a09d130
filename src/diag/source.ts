// Source files as the lexer sees them, and the mapping from offsets back to lines and columns.
//
// The lexer works on `text`, the file's contents with every backslash-newline splice removed
// (translation phase 2). Offsets in tokens are offsets into that spliced text. `splices` records where
// each splice was removed so that line and column numbers can be computed against the original file,
// which is what diagnostics must show. Line numbers are computed only when a message is printed.

import { isAscii, isUtf8 } from 'buffer';

/** A byte 0x80..0xFF of a source file that is not valid UTF-8 stands in the text as the lone low
 *  surrogate RAW_BYTE + byte (U+DC80..U+DCFF, which no UTF-8 text decodes to): string and character
 *  literals give the byte back unchanged, as gcc copies such bytes. */
export const RAW_BYTE = 0xdc00;

/** A source file's bytes as text: ASCII and UTF-8 files by Node's decoders (ASCII as latin1, a
 *  one-byte copy); any other file keeps its valid UTF-8 sequences and each other byte as RAW_BYTE + b. */
export function decodeSource(b: Uint8Array): string {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  if (isAscii(buf)) return buf.toString('latin1');
  if (isUtf8(buf)) return buf.toString('utf8');
  const out: number[] = [];
  let text = '';
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n > 1 && i + n <= b.length && isUtf8(buf.subarray(i, i + n))) {
      const cp = buf.toString('utf8', i, i + n).codePointAt(0)!;
      if (cp > 0xffff) out.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      else out.push(cp);
      i += n;
    } else { out.push(c < 0x80 ? c : RAW_BYTE + c); i++; }
    if (out.length >= 8192) { text += String.fromCharCode(...out); out.length = 0; }
  }
  return text + String.fromCharCode(...out);
}

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);
/** Text (such as -E output) as UTF-8 bytes, with RAW_BYTE characters written back as their bytes. */
export function encodeSourceText(s: string): Buffer {
  const b = Buffer.from(s, 'utf8');
  if (b.indexOf(REPLACEMENT) < 0) return b; // no lone surrogate (nor U+FFFD) in the text
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc80 || c > 0xdcff || (i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) continue;
    parts.push(Buffer.from(s.slice(from, i), 'utf8'), Buffer.of(c - RAW_BYTE));
    from = i + 1;
  }
  parts.push(Buffer.from(s.slice(from), 'utf8'));
  return Buffer.concat(parts);
}

export class SourceFile {
  /** Spliced text (phase 2 done). The original text is not kept: it is rebuilt from this and the splices. */
  readonly text: string;
  /** Offsets (in `text`) at which a splice was removed, ascending; with the removed characters. */
  private readonly spliceAt: number[] = [];
  private readonly spliceText: string[] = [];
  /** Length of the original text. */
  private readonly originalLength: number;
  /** Offsets (in the original text) at which physical lines start (built on first use). */
  private lineStarts: Int32Array | null = null;
  /** spliceSum[k]: total length of the first k splices (built on first use). */
  private spliceSum: Int32Array | null = null;
  /** #line directives: `pos` is the start of the line after the directive, `line` the number it gets. */
  readonly lineDirectives: { pos: number; line: number; name: string }[] = [];

  constructor(
    readonly id: number,
    /** The path used to open the file, as it appears in diagnostics and line markers. */
    readonly name: string,
    original: string,
    /** True for files found in a system include directory. */
    public system = false,
  ) {
    this.originalLength = original.length;
    this.text = this.splice(original);
  }

  private splice(src: string): string {
    let i = src.indexOf('\\');
    if (i < 0) return src;
    const parts: string[] = [];
    let last = 0;
    let removed = 0;
    for (; i >= 0; i = src.indexOf('\\', i + 1)) {
      let j = i + 1;
      // gcc accepts whitespace between the backslash and the newline (with a warning)
      while (j < src.length && (src.charCodeAt(j) === 32 || src.charCodeAt(j) === 9)) j++;
      let len = 0;
      if (src.charCodeAt(j) === 10) len = j + 1 - i;
      else if (src.charCodeAt(j) === 13 && src.charCodeAt(j + 1) === 10) len = j + 2 - i;
      else if (src.charCodeAt(j) === 13) len = j + 1 - i;
      if (!len) continue;
      parts.push(src.slice(last, i));
      this.spliceAt.push(i - removed);
      // (a copy, never a slice that would keep the original text alive)
      this.spliceText.push(len === 2 && src.charCodeAt(i + 1) === 10 ? '\\\n' : copyString(src.slice(i, i + len)));
      removed += len;
      last = i + len;
      i = last - 1;
    }
    parts.push(src.slice(last));
    // join() makes one flat string that shares nothing with `src`
    return parts.join('');
  }

  /** The file's original text (before splicing), rebuilt. */
  get original(): string {
    return this.originalSlice(0, this.originalLength);
  }

  private sums(): Int32Array {
    if (this.spliceSum === null) {
      const t = this.spliceText;
      this.spliceSum = new Int32Array(t.length + 1);
      for (let k = 0; k < t.length; k++) this.spliceSum[k + 1] = this.spliceSum[k] + t[k].length;
    }
    return this.spliceSum;
  }

  /** Offset in the original file for an offset in the spliced text. */
  originalOffset(pos: number): number {
    const at = this.spliceAt;
    if (at.length === 0) return pos;
    // binary search for the number of splices at or before pos, then a prefix sum of their lengths
    const sum = this.sums();
    let lo = 0, hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] <= pos) lo = mid + 1; else hi = mid;
    }
    return pos + sum[lo];
  }

  /** The original text from offset `from` to `to`, pieced together from the spliced text and the splices. */
  private originalSlice(from: number, to: number): string {
    const at = this.spliceAt, rm = this.spliceText, n = at.length;
    if (n === 0) return this.text.slice(from, to);
    const sum = this.sums();
    // first splice that does not end at or before `from`
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] + sum[mid + 1] <= from) lo = mid + 1; else hi = mid;
    }
    let k = lo;
    let out = '';
    for (let o = from; o < to;) {
      const spliceStart = k < n ? at[k] + sum[k] : Infinity;
      if (spliceStart <= o) {
        out += rm[k].slice(o - spliceStart, Math.min(to - spliceStart, rm[k].length));
        o = spliceStart + rm[k].length;
        k++;
      } else {
        const stop = Math.min(to, spliceStart);
        out += this.text.slice(o - sum[k], stop - sum[k]);
        o = stop;
      }
    }
    return out;
  }

  /** Start offsets (original text) of the physical lines: the spliced text's lines and the splices' newlines. */
  private starts(): Int32Array {
    if (this.lineStarts) return this.lineStarts;
    const n = scanLines(this.text);
    const s = lineBuf;
    lineBuf = EMPTY_LINES;
    let r: Int32Array;
    if (this.spliceAt.length === 0) r = s.slice(0, n);
    else {
      const m = withSpliceLines(s, n, this.spliceAt, this.spliceText, this.sums());
      r = lineBuf.slice(0, m);
      lineBuf = EMPTY_LINES;
    }
    this.lineStarts = r;
    return r;
  }


  /** Physical 1-based line and column of a spliced-text offset. */
  lineCol(pos: number): { line: number; col: number } {
    const off = this.originalOffset(pos);
    const s = this.starts();
    let lo = 0, hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= off) lo = mid; else hi = mid - 1;
    }
    return { line: lo + 1, col: off - s[lo] + 1 };
  }

  /** Text of a physical line (1-based), without its newline. */
  lineText(line: number): string {
    const s = this.starts();
    if (line < 1 || line > s.length) return '';
    const start = s[line - 1];
    const end = line < s.length ? s[line] - 1 : this.originalLength;
    let t = this.originalSlice(start, end);
    if (t.endsWith('\r')) t = t.slice(0, -1);
    return t;
  }

  /** Presumed file name and line (after #line directives) of an offset. */
  presumed(pos: number): { name: string; line: number; col: number } {
    const lc = this.lineCol(pos);
    const dirs = this.lineDirectives;
    for (let k = dirs.length - 1; k >= 0; k--) {
      const d = dirs[k];
      if (d.pos <= pos) {
        const dl = this.lineCol(d.pos).line; // the line that the directive renumbered
        return { name: d.name, line: d.line + (lc.line - dl), col: lc.col };
      }
    }
    return { name: this.name, line: lc.line, col: lc.col };
  }
}

const EMPTY_LINES = new Int32Array(0);
/** scanLines' result: the line starts it found (the first `n` entries). */
let lineBuf = EMPTY_LINES;

/** The offsets at which the lines of `src` start (0 first) into lineBuf; returns how many. A tight
 *  loop that V8 compiles on stack replacement at each file's first use: the code after it only
 *  writes a module variable and returns a number, so that the optimised loop never exits into code
 *  that has no type feedback (the cause of one deoptimisation per file before). */
function scanLines(src: string): number {
  let s = new Int32Array(1024 + (src.length >> 4));
  let n = 1;
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) {
    if (n === s.length) s = grow(s);
    s[n++] = i + 1;
  }
  lineBuf = s;
  return n;
}

/** Line starts of the original text into lineBuf (returns how many): the spliced text's `n` line
 *  starts `s` moved past the splices before them (at: where, rm: what was removed, sum: prefix sums
 *  of their lengths), merged with the lines that start inside a removed splice (after its newline).
 *  Like scanLines, nothing after the loop needs type feedback. */
function withSpliceLines(s: Int32Array, n: number, at: number[], rm: string[], sum: Int32Array): number {
  const out = new Int32Array(n + at.length);
  let m = 1, k = 0;
  for (let j = 1; j <= n; j++) {
    // the splices before this line's newline (all of them after the last line)
    const stop = j < n ? s[j] - 1 : Infinity;
    for (; k < at.length && at[k] <= stop; k++) {
      const nl = rm[k].indexOf('\n');
      if (nl >= 0) out[m++] = at[k] + sum[k] + nl + 1;
    }
    if (j < n) out[m++] = s[j] + sum[k];
  }
  lineBuf = out;
  return m;
}

/** A copy of a short string that shares no memory with the string it was sliced from. */
function copyString(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) out += s[k];
  return out;
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const t = new Int32Array(a.length * 2);
  t.set(a);
  return t;
}
