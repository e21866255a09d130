// Source files as the lexer sees them, and the mapping from offsets back to lines and columns.
//
// The lexer works on `text`, the file's contents with every backslash-newline splice removed
// (translation phase 2). Offsets in tokens are offsets into that spliced text. `splices` records where
// each splice was removed so that line and column numbers can be computed against the original file,
// which is what diagnostics must show. Line numbers are computed only when a message is printed.

export class SourceFile {
  /** Spliced text (phase 2 done). */
  readonly text: string;
  /** Offsets (in `text`) at which a splice was removed, ascending; with the removed length. */
  private readonly spliceAt: number[] = [];
  private readonly spliceLen: number[] = [];
  private lineStarts: Int32Array | null = null;
  /** spliceSum[k]: total length of the first k splices (built on first use). */
  private spliceSum: Int32Array | null = null;
  /** #line directives: `pos` is the start of the line after the directive, `line` the number it gets. */
  readonly lineDirectives: { pos: number; line: number; name: string }[] = [];

  constructor(
    readonly id: number,
    /** The path used to open the file, as it appears in diagnostics and line markers. */
    readonly name: string,
    readonly original: string,
    /** True for files found in a system include directory. */
    public system = false,
  ) {
    this.text = this.splice(original);
  }

  private splice(src: string): string {
    let i = src.indexOf('\\');
    if (i < 0) return src;
    let out = '';
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
      out += src.slice(last, i);
      this.spliceAt.push(i - removed);
      this.spliceLen.push(len);
      removed += len;
      last = i + len;
      i = last - 1;
    }
    out += src.slice(last);
    return out;
  }

  /** Offset in the original file for an offset in the spliced text. */
  originalOffset(pos: number): number {
    const at = this.spliceAt;
    if (at.length === 0) return pos;
    // binary search for the number of splices at or before pos, then a prefix sum of their lengths
    if (this.spliceSum === null) {
      this.spliceSum = new Int32Array(at.length + 1);
      for (let k = 0; k < at.length; k++) this.spliceSum[k + 1] = this.spliceSum[k] + this.spliceLen[k];
    }
    let lo = 0, hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] <= pos) lo = mid + 1; else hi = mid;
    }
    return pos + this.spliceSum[lo];
  }

  private starts(): Int32Array {
    if (this.lineStarts) return this.lineStarts;
    const src = this.original;
    const list: number[] = [0];
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) list.push(i + 1);
    this.lineStarts = Int32Array.from(list);
    return this.lineStarts;
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
    const end = line < s.length ? s[line] - 1 : this.original.length;
    let t = this.original.slice(start, end);
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
