// -E output (as gcc -E prints it), -dM macro lists and -M dependency rules.
//
// Line structure: each token knows where it came from (a macro-expanded token through its `origin`,
// the macro invocation). When a token starts a new source line we move the output to that line:
// with up to 8 newlines, or with a line marker `# N "file" flags` when the jump is longer or goes
// backwards. Flags: 1 entering an include, 2 returning to the includer, "3 4" system header.
// Between tokens on one line a space is printed when the source had white space, and also where
// printing two expanded tokens side by side would lex differently (`+` `+` must not become `++`).

import { TK, TF, Token, TokenSource } from '../lex/token';
import { Preprocessor } from './preprocess';

export interface PrintOptions {
  /** -P: no line markers (blank lines are still compressed). */
  noLineMarkers?: boolean;
  /** -dD: keep #define/#undef directives in the output. */
  keepDefines?: boolean;
}

/** First characters that may continue a punctuator into a longer one, by the punctuator's text. */
const PASTE_NEXT: Record<string, string> = {
  '<': '<=:%', '>': '>=', '<<': '=', '>>': '=', '+': '+=', '-': '->=', '*': '=', '/': '/*=', '%': '=:>',
  '&': '&=', '|': '|=', '^': '=', '!': '=', '=': '=', ':': ':>', '.': '.0123456789', '#': '#%', '..': '.',
  '%:': '%', '%:%': ':',
};

/** Would printing b right after a re-lex as different tokens? (gcc's cpp_avoid_paste, made safe; when
 *  preprocessing assembly a name is followed by a stray '\' without a blank, as gcc prints it: the
 *  failed paste `.L__sym_size_ ## \op\()_regs` must stay `.L__sym_size_\op\()_regs` for GNU as) */
export function avoidPaste(a: Token, b: Token, asm = false): boolean {
  const ak = a.kind, bk = b.kind;
  const c = b.text.charCodeAt(0);
  if (ak === TK.Ident) return bk === TK.Ident || bk === TK.Number || bk === TK.Char || bk === TK.String || (c === 92 && !asm) || c >= 128;
  if (ak === TK.Number) return bk === TK.Ident || bk === TK.Number || bk === TK.Char || c === 46 || c === 43 || c === 45 || c === 39 || c >= 128;
  if (ak >= TK.FirstPunct || ak === TK.Other) {
    const next = PASTE_NEXT[a.text];
    if (next !== undefined && next.includes(b.text[0])) return true;
    if (a.text === '.' && bk === TK.Number) return true;
    return false;
  }
  return false;
}

/** gcc -E output for a preprocessed token stream (an array, or the preprocessor pulled as it goes). */
export function printPreprocessed(pp: Preprocessor, toks: Token[] | TokenSource, opts: PrintOptions = {}): string {
  return printPreprocessedChunks(pp, toks, opts).join('');
}

/** The same output as pieces of about 64 KiB (written one after the other, never joined). */
export function printPreprocessedChunks(pp: Preprocessor, toks: Token[] | TokenSource, opts: PrintOptions = {}): string[] {
  const chunks: string[] = [];
  printPreprocessedTo(pp, toks, opts, (s) => chunks.push(s));
  return chunks;
}

/** The same output handed to `emit` in pieces of about 64 KiB as it is produced. */
export function printPreprocessedTo(pp: Preprocessor, toks: Token[] | TokenSource, opts: PrintOptions, emit: (s: string) => void): void {
  const markers = !opts.noLineMarkers;
  const lineAdjust = markers && !pp.opts.asm;
  const arr = Array.isArray(toks) ? toks : null;
  const source = arr === null ? toks as TokenSource : null;
  let line = '';
  let atBOL = true;
  let curName = '';
  let curLine = 0;
  let curFlags = '';
  let prev: Token | null = null;
  let lastSrc: Token | null = null;
  const events = pp.events;
  let ev = 0;

  const flush = () => {
    if (line.length > 0) {
      emit(line);
      line = '';
    }
  };
  const newline = () => {
    line += '\n';
    if (line.length > 65536) flush();
    atBOL = true;
    curLine++;
    prev = null;
  };
  const endLine = () => {
    if (!atBOL) newline();
  };
  const marker = (n: number, name: string, flags: string) => {
    endLine();
    if (markers) line += `# ${n} "${escapeName(name)}"${flags}\n`;
    else if (n !== curLine && curLine !== 0) line += '\n';
    curLine = n;
    curName = name;
    atBOL = true;
    prev = null;
  };
  const sync = (name: string, n: number) => {
    endLine();
    if (name !== curName) {
      marker(n, name, curFlags);
      return;
    }
    if (n > curLine && n - curLine <= 8) {
      while (curLine < n) {
        line += '\n';
        curLine++;
      }
    } else if (n !== curLine) marker(n, name, curFlags);
  };

  for (let k = 0; ; k++) {
    // pull the token first: reading it is what records the events that come before it
    const t = arr !== null ? (k < arr.length ? arr[k] : arr[arr.length - 1]) : source!.token();
    while (ev < events.length && events[ev].at <= k) {
      const e = events[ev++];
      switch (e.kind) {
        case 'start':
          endLine();
          if (markers) line += `# 0 "${escapeName(e.name)}"\n`;
          curName = e.name;
          curLine = 0;
          curFlags = '';
          break;
        case 'enter':
          curFlags = e.flags.replace(' 1', '');
          marker(1, e.name, e.flags);
          break;
        case 'leave':
          curFlags = e.flags.replace(' 2', '');
          marker(e.line, e.name, e.flags);
          break;
        case 'line':
          curFlags = e.flags;
          marker(e.line, e.name, e.flags);
          break;
        case 'define':
        case 'undef':
          if (opts.keepDefines) {
            endLine();
            line += e.name + '\n';
            curLine++;
          }
          break;
      }
      lastSrc = null;
    }
    if (t.kind === TK.EOF) break;
    const src = t.origin ?? t;
    if (src !== lastSrc && (src.flags & TF.BOL) !== 0 && src.file.id >= 0) {
      const p = src.file.presumed(src.pos);
      sync(p.name, p.line);
      if (t === src && (t.flags & TF.Space) !== 0 && t.kind !== TK.Pragma) {
        const col = p.col;
        if (col > 1) line += ' '.repeat(col - 2);
      }
    }
    else if (lineAdjust && t === src && prev !== null && (prev.flags & TF.Expanded) !== 0 && t.file.id >= 0) {
      // after a macro invocation that spanned lines, the next token moves to its own
      // line (gcc's do_line_adjustments: not with -P, not when preprocessing assembly)
      const p = t.file.presumed(t.pos);
      if (p.line !== curLine && p.name === curName) {
        sync(p.name, p.line);
        line += ' ';
      }
    }
    lastSrc = src;
    if (t.kind === TK.Pragma) {
      endLine();
      line += (t.flags & TF.IdentDirective ? '#ident ' : '#pragma ') + t.text;
      newline();
      continue;
    }
    if (!atBOL) {
      // gcc checks for accidental pastes only where an expansion boundary separates the two tokens:
      // two tokens that were adjacent in the source (inside one macro argument) are printed adjacent
      if ((t.flags & (TF.Space | TF.BOL)) !== 0 || (prev !== null && ((prev.flags | t.flags) & TF.Expanded) !== 0 &&
          !(prev.file === t.file && prev.pos + prev.text.length === t.pos) && avoidPaste(prev, t, pp.opts.asm))) line += ' ';
    } else if ((t.flags & TF.Space) !== 0) line += ' ';
    line += t.text;
    atBOL = false;
    prev = t;
  }
  endLine();
  flush();
}

function escapeName(s: string): string {
  return s.replace(/[\\"]/g, '\\$&');
}

/** -dM: every macro defined at the end, one #define per line. */
export function printMacros(pp: Preprocessor): string {
  let s = '';
  for (const m of pp.macroList()) s += '#define ' + m.definitionText() + '\n';
  return s;
}

export interface DepOptions {
  /** -MT targets (as given) and -MQ targets (quoted for make); default: the object file name. */
  targets: { name: string; quote: boolean }[];
  /** -MM / -MMD: leave out system headers. */
  userOnly?: boolean;
  /** -MP: a phony target for each header. */
  phony?: boolean;
}

/** Quote a file name for make (what -MQ does and what gcc does to dependencies). */
export function makeQuote(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === ' ' || c === '\t') {
      // backslashes before a blank are doubled
      let j = out.length;
      while (j > 0 && out[j - 1] === '\\') { out += '\\'; j--; }
      out += '\\' + c;
    } else if (c === '$') out += '$$';
    else if (c === '#') out += '\\#';
    else out += c;
  }
  return out;
}

const MAX_COLUMNS = 72;

/** The make rule gcc -M writes: "target: main.c header.h \\\n more.h". */
export function dependencyRule(mainFile: string, pp: Preprocessor, o: DepOptions): string {
  const deps = [mainFile];
  for (const f of pp.includedFiles) if (!(o.userOnly && f.system)) deps.push(f.path);
  let s = '';
  let col = 0;
  const write = (name: string) => {
    if (col) {
      if (col + name.length > MAX_COLUMNS) {
        s += ' \\\n ';
        col = 1;
      } else {
        s += ' ';
        col++;
      }
    }
    s += name;
    col += name.length;
  };
  for (const t of o.targets) write(t.quote ? makeQuote(t.name) : t.name);
  s += ':';
  col++;
  for (const d of deps) write(makeQuote(d));
  s += '\n';
  if (o.phony) for (const d of deps.slice(1)) s += makeQuote(d) + ':\n';
  return s;
}
