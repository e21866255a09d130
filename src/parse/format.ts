// -Wformat: printf and scanf format strings checked against the arguments, with gcc 12's messages and
// locations (the conversion character inside the literal; a format made of several literals is reported
// at its start with a note "format string is defined here"). Called by mkCall (expr.ts) only when
// -Wformat is on, for the library builtins of the printf/scanf families and for functions declared with
// __attribute__((format(printf|scanf, N, M))). Positional arguments (%1$d) and wide formats are not
// checked.

import { Token } from '../lex/token';
import { CK, NK, Node, Obj } from './ast';
import type { Parser } from './state';
import { TY, Type, quoteType } from './types';

/** The library functions gcc knows as format builtins: [format argument, first checked argument (0: a
 *  va_list), scanf?] (1-based, as in the format attribute). */
const LIB: Map<string, [number, number, boolean]> = new Map([
  ['printf', [1, 2, false]], ['fprintf', [2, 3, false]], ['sprintf', [2, 3, false]], ['snprintf', [3, 4, false]],
  ['vprintf', [1, 0, false]], ['vfprintf', [2, 0, false]], ['vsprintf', [2, 0, false]], ['vsnprintf', [3, 0, false]],
  ['scanf', [1, 2, true]], ['fscanf', [2, 3, true]], ['sscanf', [2, 3, true]],
  ['vscanf', [1, 0, true]], ['vfscanf', [2, 0, true]], ['vsscanf', [2, 0, true]],
]);

// Integer classes (signedness ignored, as gcc without -Wformat-signedness): compared by value.
const C_CHAR = 1, C_SHORT = 2, C_INT = 3, C_LONG = 4, C_LLONG = 5;
const F_FLOAT = 10, F_DOUBLE = 11, F_LDOUBLE = 12;
/** any char type (the pointee of %s), any type (the pointee of %p), a pointer to anything */
const ANY_CHAR = 20, ANY = 21, ANY_PTR = 22;

function intClass(t: Type): number {
  switch (t.kind) {
    case TY.Char: case TY.SChar: case TY.UChar: return C_CHAR;
    case TY.Short: case TY.UShort: return C_SHORT;
    case TY.Int: case TY.UInt: return C_INT;
    case TY.Long: case TY.ULong: return C_LONG;
    case TY.LLong: case TY.ULLong: return C_LLONG;
    case TY.Enum: return t.base ? intClass(t.base) : C_INT;
    case TY.Float: return F_FLOAT;
    case TY.Double: return F_DOUBLE;
    case TY.LDouble: return F_LDOUBLE;
  }
  return 0;
}

/** Does type t match `ptr` levels of pointer to class `cls`? */
function matches(t: Type, ptr: number, cls: number): boolean {
  for (let k = 0; k < ptr; k++) {
    if (t.kind !== TY.Pointer || !t.base) return false;
    t = t.base;
  }
  if (cls === ANY) return true;
  if (cls === ANY_PTR) return t.kind === TY.Pointer;
  if (cls === ANY_CHAR) return t.kind === TY.Char || t.kind === TY.SChar || t.kind === TY.UChar;
  return intClass(t) === cls;
}

interface Want { text: string; ptr: number; cls: number }

/** Where byte `index` of the format literal is spelled: [token, offset in its file], or null. */
function charPos(str: Node, index: number): [Token, number] | null {
  const toks = str.str!.toks ?? [str.tok];
  let unit = 0;
  for (const t of toks) {
    const s = t.text;
    let i = s.indexOf('"') + 1;
    if (i <= 0) return null;
    while (i < s.length - 1) {
      const start = i;
      const c = s.charCodeAt(i);
      if (c === 92 /* \ */) {
        i += 2;
        const e = s[i - 1];
        if (e >= '0' && e <= '7') { let n = 1; while (n < 3 && s[i] >= '0' && s[i] <= '7') { i++; n++; } }
        else if (e === 'x') { while (/[0-9a-fA-F]/.test(s[i])) i++; }
        if (unit === index) return [t, t.pos + start];
        unit++;
      } else {
        const cp = s.codePointAt(i)!;
        const w = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        i += cp >= 0x10000 ? 2 : 1;
        if (index >= unit && index < unit + w) return [t, t.pos + start];
        unit += w;
      }
    }
  }
  return null;
}

class Checker {
  private readonly multi: boolean;
  constructor(private readonly p: Parser, private readonly str: Node, private readonly units: number[]) {
    // a literal of several tokens or from a macro: gcc reports at its start, with a note at the character
    this.multi = (str.str!.toks?.length ?? 1) > 1 || str.tok.origin !== null;
  }
  /** A -Wformat warning at byte `index` of the format string. */
  warnAt(index: number, msg: string, flag = 'format'): void {
    const cp = charPos(this.str, index);
    const d = this.p.diag;
    const shown = flag === 'format' ? 'format=' : flag;
    if (cp && !this.multi) { d.warning(flag, { file: cp[0].file, pos: cp[1] }, msg, shown); return; }
    if (d.warning(flag, this.p.loc(this.str.tok), msg, shown) && cp) d.note({ file: cp[0].file, pos: cp[1] }, 'format string is defined here');
  }
  /** A warning about the format as a whole, at its start. */
  warnWhole(msg: string, flag: string): void {
    this.p.diag.warning(flag, this.p.loc(this.str.tok), msg);
  }
  text(from: number, to: number): string {
    return Buffer.from(this.units.slice(from, to)).toString('latin1');
  }
}

/** The string literal a format argument is, after its implicit conversions; null if it is not one. */
function formatLiteral(n: Node): Node | null {
  while (n.kind === NK.Cast && !n.explicit && n.lhs && (n.ck === CK.NoOp || n.ck === CK.ArrayDecay || n.ck === CK.Convert)) n = n.lhs;
  if (n.kind !== NK.StrLit || !n.str || n.str.elem.size !== 1) return null;
  return n;
}

/** Checks a call of fobj with converted arguments `args` if fobj takes a format (see the top). */
export function checkFormatCall(p: Parser, fobj: Obj, args: Node[]): void {
  let spec: [number, number, boolean] | undefined;
  const f = fobj.attrs?.format;
  if (f) {
    const a = f.archetype.replace(/^__(.*)__$/, '$1');
    if (a === 'printf' || a === 'gnu_printf') spec = [f.fmtIndex, f.firstArg, false];
    else if (a === 'scanf' || a === 'gnu_scanf') spec = [f.fmtIndex, f.firstArg, true];
    else return;
  } else {
    if (fobj.builtin < 0) return;
    spec = LIB.get(fobj.name.startsWith('__builtin_') ? fobj.name.slice(10) : fobj.name);
    if (!spec) return;
  }
  const [fi, first, scanf] = spec;
  if (fi < 1 || fi > args.length) return;
  const str = formatLiteral(args[fi - 1]);
  if (!str) return;
  const units = str.str!.units;
  const c = new Checker(p, str, units);
  if (units.length === 0) { c.warnWhole(`zero-length gnu_${scanf ? 'scanf' : 'printf'} format string`, 'format-zero-length'); return; }
  const argv = first > 0 ? args : null;
  let next = first - 1;
  const T = p.T;
  const sizeCls = intClass(T.sizeT), ptrdiffCls = intClass(T.ptrdiffT), maxCls = T.sizeT.size === 8 ? C_LONG : C_LLONG;
  const wcharCls = intClass(T.wcharT);
  /** Takes the next argument for a conversion at `at`; false when it is missing (reported). */
  const take = (at: number, w: Want, conv: string, what: 'format' | 'width' | 'precision'): boolean => {
    if (!argv) return true;
    if (next >= argv.length) {
      if (what === 'format') c.warnAt(at, `format '${conv}' expects a matching ${quoteText(w.text)} argument`);
      else c.warnAt(at, `field ${what} specifier '${what === 'width' ? '*' : '.*'}' expects a matching 'int' argument`);
      return false;
    }
    const a = argv[next++];
    if (!matches(a.ty, w.ptr, w.cls)) {
      const n = next;
      if (what === 'format') c.warnAt(at, `format '${conv}' expects argument of type ${quoteText(w.text)}, but argument ${n} has type ${quoteType(a.ty)}`);
      else c.warnAt(at, `field ${what} specifier '${what === 'width' ? '*' : '.*'}' expects argument of type 'int', but argument ${n} has type ${quoteType(a.ty)}`);
    }
    return true;
  };
  const INT: Want = { text: 'int', ptr: 0, cls: C_INT };
  const n = units.length;
  let i = 0;
  scan: while (i < n) {
    if (units[i] !== 37 /* % */) { i++; continue; }
    const start = i++;
    if (i >= n) { c.warnAt(start, "spurious trailing '%' in format"); break; }
    if (units[i] === 37) { i++; continue; }
    // %N$: positional arguments are not checked
    { let j = i; while (j < n && units[j] >= 48 && units[j] <= 57) j++; if (j > i && units[j] === 36) return; }
    let suppress = false, alloc = false;
    if (scanf) {
      if (units[i] === 42 /* * */) { suppress = true; i++; }
      while (i < n && units[i] >= 48 && units[i] <= 57) i++;
      if (units[i] === 109 /* m */) { alloc = true; i++; }
    } else {
      while (i < n && isFlag(units[i])) i++;
      if (units[i] === 42) { const at = i++; if (!take(at, INT, '', 'width')) break; }
      else while (i < n && units[i] >= 48 && units[i] <= 57) i++;
      if (units[i] === 46 /* . */) {
        i++;
        if (units[i] === 42) { const at = i++; if (!take(at, INT, '', 'precision')) break; }
        else while (i < n && units[i] >= 48 && units[i] <= 57) i++;
      }
    }
    // length modifier
    let len = '';
    const u = units[i];
    if (u === 104 /* h */) { len = units[i + 1] === 104 ? 'hh' : 'h'; }
    else if (u === 108 /* l */) { len = units[i + 1] === 108 ? 'll' : 'l'; }
    else if (u === 76 || u === 113 || u === 106 || u === 122 || u === 90 || u === 116) len = String.fromCharCode(u);
    i += len.length;
    if (i >= n) { c.warnAt(n - 1, 'conversion lacks type at end of format'); break; }
    const conv = String.fromCharCode(units[i]);
    const i0 = i;
    let endConv = i + 1;
    if (scanf && conv === '[') {
      let j = i + 1;
      if (units[j] === 94 /* ^ */) j++;
      if (units[j] === 93 /* ] */) j++;
      while (j < n && units[j] !== 93) j++;
      endConv = j; // gcc quotes the conversion without its ']'
      i = j < n ? j + 1 : j;
    } else i++;
    const at = endConv - 1;
    const w = scanf ? scanfWant(conv, len, alloc) : printfWant(conv, len);
    if (w === null) {
      c.warnAt(at, /[a-zA-Z]/.test(conv) || conv === '[' ? `unknown conversion type character '${conv}' in format` : `unknown conversion type character 0x${units[at].toString(16)} in format`);
      break scan;
    }
    if (typeof w === 'string') { c.warnAt(at, w); if (argv && next < argv.length && !suppress) next++; continue; }
    if (w.cls === 0) continue; // %m: no argument
    if (suppress) continue;
    const convText = '%' + (alloc ? 'm' : '') + len + c.text(endConv - (endConv - i0), endConv);
    if (!take(at, resolve(w), convText, 'format')) continue;
  }
  if (argv && next < argv.length) c.warnWhole('too many arguments for format', 'format-extra-args');

  function resolve(w: Want): Want {
    // classes of the target's typedefs: -1 size_t, -2 ptrdiff_t, -3 intmax_t, -4 wchar_t/wint_t
    const cls = w.cls === -1 ? sizeCls : w.cls === -2 ? ptrdiffCls : w.cls === -3 ? maxCls : w.cls === -4 ? wcharCls : w.cls;
    return cls === w.cls ? w : { text: w.text, ptr: w.ptr, cls };
  }
}

function quoteText(s: string): string { return `'${s}'`; }

function isFlag(u: number): boolean {
  return u === 45 || u === 43 || u === 32 || u === 35 || u === 48 || u === 39 || u === 73;
}

const want = (text: string, ptr: number, cls: number): Want => ({ text, ptr, cls });
const NOARG: Want = { text: '', ptr: 0, cls: 0 };

function lengthMisuse(len: string, conv: string): string {
  return `use of '${len}' length modifier with '${conv}' type character has either no effect or undefined behavior`;
}

/** What printf conversion `conv` with length `len` takes: a Want, a message (misused length) or null
 *  (unknown conversion). */
function printfWant(conv: string, len: string): Want | string | null {
  switch (conv) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X': {
      const s = conv === 'd' || conv === 'i';
      switch (len) {
        case '': return s ? want('int', 0, C_INT) : want('unsigned int', 0, C_INT);
        case 'hh': case 'h': return s ? want('int', 0, C_INT) : want('int', 0, C_INT);
        case 'l': return s ? want('long int', 0, C_LONG) : want('long unsigned int', 0, C_LONG);
        case 'll': case 'L': case 'q': return s ? want('long long int', 0, C_LLONG) : want('long long unsigned int', 0, C_LLONG);
        case 'j': return s ? want('intmax_t', 0, -3) : want('uintmax_t', 0, -3);
        case 'z': case 'Z': return s ? want('signed size_t', 0, -1) : want('size_t', 0, -1);
        case 't': return s ? want('ptrdiff_t', 0, -2) : want('unsigned ptrdiff_t', 0, -2);
      }
      return null;
    }
    case 'n':
      switch (len) {
        case '': return want('int *', 1, C_INT);
        case 'hh': return want('signed char *', 1, C_CHAR);
        case 'h': return want('short int *', 1, C_SHORT);
        case 'l': return want('long int *', 1, C_LONG);
        case 'll': case 'L': case 'q': return want('long long int *', 1, C_LLONG);
        case 'j': return want('intmax_t *', 1, -3);
        case 'z': case 'Z': return want('signed size_t *', 1, -1);
        case 't': return want('ptrdiff_t *', 1, -2);
      }
      return null;
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
      if (len === '' || len === 'l') return want('double', 0, F_DOUBLE);
      if (len === 'L') return want('long double', 0, F_LDOUBLE);
      return lengthMisuse(len, conv);
    case 'c':
      if (len === '') return want('int', 0, C_INT);
      if (len === 'l') return want('wint_t', 0, -4);
      return lengthMisuse(len, conv);
    case 's':
      if (len === '') return want('char *', 1, ANY_CHAR);
      if (len === 'l') return want('wchar_t *', 1, -4);
      return lengthMisuse(len, conv);
    case 'C': return len === '' ? want('wint_t', 0, -4) : lengthMisuse(len, conv);
    case 'S': return len === '' ? want('wchar_t *', 1, -4) : lengthMisuse(len, conv);
    case 'p': return len === '' ? want('void *', 0, ANY_PTR) : lengthMisuse(len, conv);
    case 'm': return len === '' ? NOARG : lengthMisuse(len, conv);
  }
  return null;
}

function scanfWant(conv: string, len: string, alloc: boolean): Want | string | null {
  switch (conv) {
    case 'd': case 'i': case 'n': case 'o': case 'u': case 'x': case 'X': {
      const s = conv === 'd' || conv === 'i' || conv === 'n';
      switch (len) {
        case '': return s ? want('int *', 1, C_INT) : want('unsigned int *', 1, C_INT);
        case 'hh': return s ? want('signed char *', 1, C_CHAR) : want('unsigned char *', 1, C_CHAR);
        case 'h': return s ? want('short int *', 1, C_SHORT) : want('short unsigned int *', 1, C_SHORT);
        case 'l': return s ? want('long int *', 1, C_LONG) : want('long unsigned int *', 1, C_LONG);
        case 'll': case 'L': case 'q': return s ? want('long long int *', 1, C_LLONG) : want('long long unsigned int *', 1, C_LLONG);
        case 'j': return s ? want('intmax_t *', 1, -3) : want('uintmax_t *', 1, -3);
        case 'z': case 'Z': return s ? want('signed size_t *', 1, -1) : want('size_t *', 1, -1);
        case 't': return s ? want('ptrdiff_t *', 1, -2) : want('unsigned ptrdiff_t *', 1, -2);
      }
      return null;
    }
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
      if (len === '') return want('float *', 1, F_FLOAT);
      if (len === 'l') return want('double *', 1, F_DOUBLE);
      if (len === 'L') return want('long double *', 1, F_LDOUBLE);
      return lengthMisuse(len, conv);
    case 's': case 'c': case '[':
      if (len === '') return alloc ? want('char **', 2, ANY_CHAR) : want('char *', 1, ANY_CHAR);
      if (len === 'l') return alloc ? want('wchar_t **', 2, -4) : want('wchar_t *', 1, -4);
      return lengthMisuse(len, conv);
    case 'p': return len === '' ? want('void **', 1, ANY_PTR) : lengthMisuse(len, conv);
  }
  return null;
}
