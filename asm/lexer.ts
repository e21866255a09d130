// The lexer: source text -> statements, and the small scanning helpers every other module uses.
//
// GNU as first "scrubs" its input (app.c): comments go, ';' separates statements, and a line
// comment that looks like `# 123 "file"` (what a C preprocessor leaves behind) sets the location
// of the lines that follow. SourceReader does the same in one pass over the text and yields one
// Stmt per statement, each carrying the file and line used in messages ("file:line: Error: ...").
// Strings ("...") and character constants ('c) are skipped over so that '#' or ';' inside them is
// kept. Comments: the target's comment characters anywhere, its line-comment characters at the start
// of a line, and C comments /* ... */ (which may span lines).

export interface Stmt {
  text: string;
  file: string;
  line: number;
  /** A statement that arrives already built (asm/ code generators, see Assembler.pushItems): an
   *  instruction object of the target's model (text is then ''), or raw bytes for the current section. */
  item?: object;
}

export interface CommentSyntax {
  /** Characters that start a comment anywhere ('#' on x86). */
  commentChars: string;
  /** Characters that start a comment at the start of a line ('#' and '/' on x86). */
  lineCommentChars: string;
}

const LINE_MARKER = /^#\s*(?:line\s+)?(\d+)\s*(?:"((?:[^"\\]|\\.)*)")?/;

/** Split a whole source file into statements. */
export function splitSource(text: string, file: string, syn: CommentSyntax): Stmt[] {
  const out: Stmt[] = [];
  const r = new SourceReader(text, file, syn);
  for (let st = r.next(); st; st = r.next()) out.push(st);
  return out;
}

/**
 * The statements of a source text one at a time (what splitSource returns, in order): the assembler
 * reads a file through one, so each statement's object and text live only while it is assembled.
 */
export class SourceReader {
  private pos = 0;
  private lineNo = 0;
  private physLine = 0;
  private inComment = false;
  private done = false;
  /** Further statements of the last line scrubLine split at ';'. */
  private pending: string[] = [];
  private pendingAt = 0;
  private readonly special: Uint8Array;
  /** GNU as's logical file (set by a line marker's name or a plain `.file "name"`) and whether a
   *  line marker has set a logical line: only then does the logical file name the statements. */
  logicalFile: string | null = null;
  private hasLine = false;
  private readonly physFile: string;

  constructor(private readonly text: string, private file: string, private readonly syn: CommentSyntax) {
    this.special = specialChars(syn);
    this.physFile = file;
  }

  next(): Stmt | null {
    if (this.pendingAt < this.pending.length) return { text: this.pending[this.pendingAt++], file: this.file, line: this.lineNo };
    const text = this.text;
    const n = text.length;
    const special = this.special;
    while (!this.done) {
      const pos = this.pos;
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = n;
      this.lineNo++;
      this.physLine++;
      this.pos = eol + 1;
      if (eol === n) this.done = true;
      if (!this.inComment) {
        // The common line: no comment, string, character constant or ';' (and no '\r'): one slice of
        // its text without the surrounding blanks, no copy of the raw line.
        let a = pos, b = eol;
        while (a < b && isBlankCode(text.charCodeAt(a))) a++;
        while (b > a && isBlankCode(text.charCodeAt(b - 1))) b--;
        let plain = true;
        for (let i = a; i < b; i++) {
          const c = text.charCodeAt(i);
          if (c >= 128 || special[c] === 1 || c === 13) { plain = false; break; }
        }
        if (plain) {
          if (b > a) return { text: text.slice(a, b), file: this.file, line: this.lineNo };
          continue;
        }
      }
      let raw = text.slice(pos, eol);
      if (raw.endsWith('\r')) raw = raw.slice(0, -1);
      if (!this.inComment && raw.charCodeAt(0) === 35 /* # */) {
        const m = LINE_MARKER.exec(raw);
        if (m) {
          if (m[1] === '0' && m[2] === '' && / 2\b/.test(raw.slice(m[0].length))) {
            // `# 0 "" 2` (gcc's end of an asm statement): back to the file's own name and line.
            this.file = this.logicalFile = this.physFile;
            this.lineNo = this.physLine;
            continue;
          }
          this.lineNo = parseInt(m[1], 10) - 1;
          this.hasLine = true;
          if (m[2] !== undefined) this.file = this.logicalFile = m[2].replace(/\\(.)/g, '$1');
          continue;
        }
      }
      if (!this.inComment && !hasSpecial(raw, special)) {
        const t = raw.trim();
        if (t) return { text: t, file: this.file, line: this.lineNo };
        continue;
      }
      const res = scrubLine(raw, this.syn, this.inComment);
      this.inComment = res.inComment;
      if (res.stmts.length) {
        this.pending = res.stmts;
        this.pendingAt = 1;
        return { text: res.stmts[0], file: this.file, line: this.lineNo };
      }
    }
    return null;
  }

  /** A plain `.file "name"`: the logical file from now on (GNU as's s_file). */
  setLogicalFile(name: string): void {
    this.logicalFile = name;
    if (this.hasLine) this.file = name;
  }
}

/** Character codes (< 128) that need scrubLine: quotes, '/', ';' and the comment characters. */
let lastSyntax: CommentSyntax | null = null;
let lastSpecial = new Uint8Array(128);
function specialChars(syn: CommentSyntax): Uint8Array {
  if (lastSyntax && lastSyntax.commentChars === syn.commentChars && lastSyntax.lineCommentChars === syn.lineCommentChars) return lastSpecial;
  const t = new Uint8Array(128);
  lastSyntax = syn;
  lastSpecial = t;
  for (const ch of '"\'/;' + syn.commentChars + syn.lineCommentChars) if (ch.charCodeAt(0) < 128) t[ch.charCodeAt(0)] = 1;
  return t;
}

/** The characters String.prototype.trim removes that a line of latin1 text can hold, but for '\r'
 *  (a line with one takes the general path) and the no-break space 0xa0 (likewise, being >= 128). */
function isBlankCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 12);
}

function hasSpecial(line: string, special: Uint8Array): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 128 || special[c] === 1) return true;
  }
  return false;
}

/** Remove comments from one line and split it at ';'. Returns trimmed, non-empty statements. */
export function scrubLine(line: string, syn: CommentSyntax, inComment: boolean): { stmts: string[]; inComment: boolean } {
  const stmts: string[] = [];
  let cur = '';
  let start = 0; // start of the pending slice of `line` not yet copied into cur
  let i = 0;
  const n = line.length;
  if (inComment) {
    const e = line.indexOf('*/');
    if (e < 0) return { stmts, inComment: true };
    i = start = e + 2;
  } else {
    // A line-comment character in the first non-blank column ends the line.
    let j = 0;
    while (j < n && (line[j] === ' ' || line[j] === '\t')) j++;
    if (j < n && syn.lineCommentChars.includes(line[j]) && !(line[j] === '/' && line[j + 1] === '*')) {
      return { stmts, inComment: false };
    }
  }
  inComment = false;
  const flush = (end: number) => {
    cur += line.slice(start, end);
    const t = cur.trim();
    if (t) stmts.push(t);
    cur = '';
  };
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n && line.charCodeAt(i) !== 34) i += line.charCodeAt(i) === 92 ? 2 : 1;
      i++;
    } else if (c === 39 /* ' */) {
      i += line.charCodeAt(i + 1) === 92 ? 3 : 2;
    } else if (c === 47 /* / */ && line.charCodeAt(i + 1) === 42 /* * */) {
      cur += line.slice(start, i) + ' ';
      const e = line.indexOf('*/', i + 2);
      if (e < 0) { inComment = true; start = i = n; break; }
      i = start = e + 2;
    } else if (c === 59 /* ; */) {
      flush(i);
      i = start = i + 1;
    } else if (syn.commentChars.includes(line[i])) {
      break;
    } else {
      i++;
    }
  }
  flush(Math.min(i, n));
  return { stmts, inComment };
}

// ---------------------------------------------------------------------------------------------
// Character classes.

const SYM_START = new Uint8Array(128);
const SYM_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_.$]/.test(ch)) SYM_START[c] = SYM_CHAR[c] = 1;
  if (/[0-9]/.test(ch)) SYM_CHAR[c] = 1;
}

export function isSymStart(c: number): boolean {
  return c >= 128 || SYM_START[c] === 1;
}

export function isSymChar(c: number): boolean {
  return c >= 128 || SYM_CHAR[c] === 1;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 13;
}

// ---------------------------------------------------------------------------------------------
// Argument helpers.

/** Split a directive's argument text at top-level commas (outside strings and parentheses). */
export function splitArgs(s: string): string[] {
  const out: string[] = [];
  if (s.trim() === '') return out;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      i++;
      while (i < s.length && s.charCodeAt(i) !== 34) i += s.charCodeAt(i) === 92 ? 2 : 1;
    } else if (c === 39) {
      i += s.charCodeAt(i + 1) === 92 ? 2 : 1;
    } else if (c === 40 || c === 91) depth++;
    else if (c === 41 || c === 93) depth--;
    else if (c === 44 && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(s.slice(start).trim());
  return out;
}

/**
 * Read a string literal starting at s[pos] === '"'. Returns the bytes (GNU as escapes: \b \f \n \r
 * \t \" \\ \ooo \xHH...) and the position after the closing quote, or null if s[pos] is not '"'.
 */
export function readString(s: string, pos: number): { bytes: number[]; end: number } | null {
  if (s.charCodeAt(pos) !== 34) return null;
  const bytes: number[] = [];
  let i = pos + 1;
  while (i < s.length && s.charCodeAt(i) !== 34) {
    let c = s.charCodeAt(i++);
    if (c === 92 && i < s.length) {
      const e = s[i++];
      switch (e) {
        case 'b': c = 8; break;
        case 'f': c = 12; break;
        case 'n': c = 10; break;
        case 'r': c = 13; break;
        case 't': c = 9; break;
        case 'v': c = 11; break;
        case 'x': case 'X': {
          let v = 0;
          while (i < s.length && /[0-9a-fA-F]/.test(s[i])) v = (v * 16 + parseInt(s[i++], 16)) & 0xff;
          c = v;
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            let v = e.charCodeAt(0) - 48;
            for (let k = 0; k < 2 && i < s.length && s[i] >= '0' && s[i] <= '7'; k++) v = v * 8 + s.charCodeAt(i++) - 48;
            c = v & 0xff;
          } else c = e.charCodeAt(0);
      }
      bytes.push(c);
    } else {
      bytes.push(c & 0xff); // sources are read as latin1: one character per byte
    }
  }
  return { bytes, end: i + 1 };
}

/** The bytes of a string argument, or null when the argument is not a single string literal. */
export function stringArg(arg: string): number[] | null {
  const r = readString(arg, 0);
  if (!r || arg.slice(r.end).trim() !== '') return null;
  return r.bytes;
}

/** Split "name rest" at the first blank (used for a statement's head word). */
export function headWord(text: string): { head: string; rest: string } {
  let i = 0;
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  return { head: text.slice(0, i), rest: text.slice(i).trim() };
}
