// Seeded mutations of C source for the front-end fuzzer.
//
// A case is fully determined by one 32-bit case seed: the seed drives a mulberry32 generator that
// picks the torture file, the number of mutations (1 to 4, mostly 1) and each mutation with its position.
// So "case seed 0x1a2b3c4d" is all that is needed to rebuild a mutant (see replay in
// tests/corpus/fuzz-frontend.ts). Case seeds come from the run seed and the case index through
// caseSeed(), an integer hash, so neighbouring cases are unrelated.
//
// Text is handled as latin1 strings (one char per byte), so a mutant is written back byte for byte
// and a flipped character can be any byte value.
//
// The mutations work on a rough token split (identifiers, numbers, strings and character constants,
// punctuators, comments skipped): delete, duplicate, swap or replace a token; delete, duplicate or
// swap a line; insert a punctuator or a keyword; truncate; flip a character; unbalance brackets;
// inject a preprocessor directive; replace a number by an edge-case constant.

/** mulberry32: a small 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of case `index` in a run with seed `runSeed` (a 32-bit integer hash of both). */
export function caseSeed(runSeed: number, index: number): number {
  let h = (Math.imul(runSeed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hex32(n: number): string {
  return '0x' + (n >>> 0).toString(16).padStart(8, '0');
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) { this.next = mulberry32(seed); }
  /** Integer in [0, n). */
  int(n: number): number { return Math.floor(this.next() * n); }
  pick<T>(xs: readonly T[]): T { return xs[this.int(xs.length)]; }
  chance(p: number): boolean { return this.next() < p; }
}

// ---- rough tokenizer ----

interface Span { start: number; end: number }

const PUNCTS = [
  '%:%:', '...', '<<=', '>>=', '->', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||',
  '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '##', '<:', ':>', '<%', '%>', '%:',
  '[', ']', '(', ')', '{', '}', '.', '&', '*', '+', '-', '~', '!', '/', '%', '<', '>', '^', '|',
  '?', ':', ';', '=', ',', '#',
];

function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 128;
}
function isIdChar(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

/** Token spans of `src`: good enough to cut C at token boundaries, not a real lexer. */
export function tokenize(src: string): Span[] {
  const out: Span[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11) { i++; continue; }
    if (c === 47 && src.charCodeAt(i + 1) === 42) { // /* */
      const e = src.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
      continue;
    }
    if (c === 47 && src.charCodeAt(i + 1) === 47) { // //
      const e = src.indexOf('\n', i);
      i = e < 0 ? n : e;
      continue;
    }
    const start = i;
    if (isIdStart(c)) {
      while (i < n && isIdChar(src.charCodeAt(i))) i++;
    } else if ((c >= 48 && c <= 57) || (c === 46 && src.charCodeAt(i + 1) >= 48 && src.charCodeAt(i + 1) <= 57)) {
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        const prev = src.charCodeAt(i - 1) | 32;
        if (isIdChar(d) || d === 46) i++;
        else if ((d === 43 || d === 45) && (prev === 101 || prev === 112)) i++;
        else break;
      }
    } else if (c === 34 || c === 39) {
      i++;
      while (i < n && src.charCodeAt(i) !== c && src.charCodeAt(i) !== 10) i += src.charCodeAt(i) === 92 ? 2 : 1;
      if (i < n && src.charCodeAt(i) === c) i++;
    } else {
      const p = PUNCTS.find((q) => src.startsWith(q, i));
      i += p ? p.length : 1;
    }
    out.push({ start, end: Math.min(i, n) });
  }
  return out;
}

// ---- mutations ----

const KEYWORDS = [
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum',
  'extern', 'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return',
  'short', 'signed', 'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void',
  'volatile', 'while', '_Alignas', '_Alignof', '_Atomic', '_Bool', '_Complex', '_Generic',
  '_Imaginary', '_Noreturn', '_Static_assert', '_Thread_local', '__attribute__', '__attribute__((',
  '__typeof__', '__asm__', '__asm__ volatile (""', '__extension__', '__label__', '__int128',
  '__real__', '__imag__', '__auto_type', '__builtin_va_arg', '__builtin_offsetof',
  '__builtin_types_compatible_p', '__builtin_choose_expr', '__builtin_constant_p', '__thread',
  '__restrict', '__inline__', '__signed__', '__volatile__', '__alignof__', '_Float128', '_Decimal32',
  '__func__', '__FUNCTION__', '__VA_ARGS__', '__VA_OPT__', 'defined', '_Pragma', '__has_include',
];

const TYPE_WORDS = [
  'int', 'char', 'void', 'float', 'double', 'long long', 'unsigned', '_Bool', 'struct S', 'union U',
  'enum E', 'void *', 'int (*)(void)', 'const int', 'volatile', '_Complex double', '__int128',
];

const EDGE_NUMBERS = [
  '0', '-1', '0x7fffffff', '0x80000000', '0xffffffffffffffff', '0x10000000000000000',
  '18446744073709551616', '9223372036854775808', '1e999', '1e-999', '0x1p-99999', '0x.p1', '1.0e',
  '08', '0b', '0x', '1.2.3', '1ULLL', '1uu', '0.0f', '1e+', '0x1p', '.', '1..2', "'ab'", "''",
  "'\\777'", '"\\x"', 'L"x"', "u8'a'", '1i', '0x1.fffffffffffffp1023', '4294967296', '-2147483648',
];

const ODD_CHARS = [
  '\0', '\\', '"', "'", '`', '@', '$', '\x7f', '\xe9', '\xff', '\r', '\t', '\f', '\v', '#', '?',
  '(', ')', '{', '}', '[', ']', ';', ',', '*', '/', '\n', ' ', 'a', '0', '.',
];

function directives(rng: Rng, ident: string): string {
  const d = [
    '#if 1', '#if 0', '#ifdef X', '#ifndef X', '#else', '#elif 1', '#elif', '#endif', '#endif X',
    '#define X', '#define X 1', '#define f(a) a', '#define f(a, ...) a ## __VA_ARGS__',
    '#define g(a) #a ## a', '#define h(...) __VA_OPT__(x', '#undef X', '#include "',
    '#include <stddef.h>', '#include <cc-ts-no-such-header.h>', '#include __FILE__', '#include',
    '#line 0', '#line 4294967295', '#line 99999999999999999999', '#line 10 "x.c" 3', '#pragma once',
    '#pragma GCC poison ' + ident, '#pragma GCC system_header', '#pragma pack(push, 1)',
    '#pragma GCC diagnostic error "-Wall"', '#pragma STDC FP_CONTRACT ON', '#error mutant',
    '#warning mutant', '#', '# 1 "z.c"', '#define int long', '#define if while', '#define ' + ident,
    `#define ${ident} ${ident}`, `#define ${ident}(x) x`, `#define ${ident} (`, `#undef ${ident}`,
    '_Pragma("GCC diagnostic push")', '_Pragma(', '#include_next <stddef.h>', '#if defined(',
    '#if __has_include(<nope.h>)', '#if 1/0', '#if (', '#assert x(y)', '#ident "x"',
    '#define __VA_ARGS__ 1', '#define defined', '#if X(', '#elif 1 ? 2', '#sccs "x"', '#unassert x',
    '#pragma push_macro("X")', '#pragma pop_macro("X")', '#define X X X', '#define f(x) f(f(x))',
  ];
  return rng.pick(d);
}

export interface Mutant { source: string; mutations: string[] }

function lineStarts(src: string): number[] {
  const s = [0];
  for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) s.push(i + 1);
  return s;
}

function splice(src: string, start: number, end: number, text: string): string {
  return src.slice(0, start) + text + src.slice(end);
}

type Mutation = (src: string, rng: Rng) => [string, string];

const lineOf = (src: string, pos: number): number => {
  let n = 1;
  for (let i = src.indexOf('\n'); i >= 0 && i < pos; i = src.indexOf('\n', i + 1)) n++;
  return n;
};

function withToken(src: string, rng: Rng, f: (t: Span, toks: Span[]) => [string, string]): [string, string] {
  const toks = tokenize(src);
  if (toks.length === 0) return [src + ';', 'append ;'];
  return f(toks[rng.int(toks.length)], toks);
}

function identifiers(src: string): string[] {
  const ids = tokenize(src).map((t) => src.slice(t.start, t.end)).filter((s) => isIdStart(s.charCodeAt(0)));
  return ids.length ? ids : ['main'];
}

const MUTATIONS: Array<[string, Mutation]> = [
  ['delete-token', (src, rng) => withToken(src, rng, (t) =>
    [splice(src, t.start, t.end, ''), `delete token '${src.slice(t.start, t.end)}' at line ${lineOf(src, t.start)}`])],
  ['duplicate-token', (src, rng) => withToken(src, rng, (t) =>
    [splice(src, t.end, t.end, ' ' + src.slice(t.start, t.end)), `duplicate token '${src.slice(t.start, t.end)}' at line ${lineOf(src, t.start)}`])],
  ['swap-tokens', (src, rng) => withToken(src, rng, (a, toks) => {
    const i = toks.indexOf(a);
    const b = rng.chance(0.7) ? toks[Math.min(toks.length - 1, i + 1)] : toks[rng.int(toks.length)];
    const [x, y] = a.start <= b.start ? [a, b] : [b, a];
    if (x === y || x.end > y.start) return [src, 'swap (no-op)'];
    const sx = src.slice(x.start, x.end), sy = src.slice(y.start, y.end);
    return [src.slice(0, x.start) + sy + src.slice(x.end, y.start) + sx + src.slice(y.end),
      `swap tokens '${sx}' (line ${lineOf(src, x.start)}) and '${sy}' (line ${lineOf(src, y.start)})`];
  })],
  ['replace-token', (src, rng) => withToken(src, rng, (t, toks) => {
    const o = toks[rng.int(toks.length)];
    const text = src.slice(o.start, o.end);
    return [splice(src, t.start, t.end, text), `replace '${src.slice(t.start, t.end)}' at line ${lineOf(src, t.start)} by '${text}'`];
  })],
  ['replace-identifier', (src, rng) => {
    const toks = tokenize(src).filter((t) => isIdStart(src.charCodeAt(t.start)));
    if (toks.length === 0) return [src, 'replace-identifier (no identifier)'];
    const t = rng.pick(toks), o = rng.pick(toks);
    const text = rng.chance(0.2) ? rng.pick(TYPE_WORDS) : src.slice(o.start, o.end);
    return [splice(src, t.start, t.end, text), `replace '${src.slice(t.start, t.end)}' at line ${lineOf(src, t.start)} by '${text}'`];
  }],
  ['delete-line', (src, rng) => {
    const ls = lineStarts(src);
    const i = rng.int(ls.length);
    const end = i + 1 < ls.length ? ls[i + 1] : src.length;
    return [splice(src, ls[i], end, ''), `delete line ${i + 1}`];
  }],
  ['duplicate-line', (src, rng) => {
    const ls = lineStarts(src);
    const i = rng.int(ls.length);
    const end = i + 1 < ls.length ? ls[i + 1] : src.length;
    let line = src.slice(ls[i], end);
    if (!line.endsWith('\n')) line += '\n';
    return [splice(src, ls[i], ls[i], line), `duplicate line ${i + 1}`];
  }],
  ['swap-lines', (src, rng) => {
    const lines = src.split('\n');
    const i = rng.int(lines.length), j = rng.int(lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return [lines.join('\n'), `swap lines ${i + 1} and ${j + 1}`];
  }],
  ['insert-punctuator', (src, rng) => withToken(src, rng, (t) => {
    const p = rng.pick(PUNCTS);
    return [splice(src, t.start, t.start, p + ' '), `insert '${p}' at line ${lineOf(src, t.start)}`];
  })],
  ['insert-keyword', (src, rng) => withToken(src, rng, (t) => {
    const k = rng.pick(KEYWORDS);
    return [splice(src, t.start, t.start, k + ' '), `insert '${k}' at line ${lineOf(src, t.start)}`];
  })],
  ['truncate', (src, rng) => {
    const at = rng.int(src.length + 1);
    return [src.slice(0, at), `truncate at byte ${at} (line ${lineOf(src, at)})`];
  }],
  ['flip-char', (src, rng) => {
    if (src.length === 0) return ['\\', 'insert \\'];
    const at = rng.int(src.length);
    const c = rng.chance(0.5) ? rng.pick(ODD_CHARS) : String.fromCharCode(rng.int(256));
    return [splice(src, at, at + 1, c), `replace byte ${at} (line ${lineOf(src, at)}) by 0x${c.charCodeAt(0).toString(16)}`];
  }],
  ['unbalance', (src, rng) => {
    const br = rng.pick(['(', ')', '{', '}', '[', ']']);
    const positions: number[] = [];
    for (let i = src.indexOf(br); i >= 0; i = src.indexOf(br, i + 1)) positions.push(i);
    if (positions.length > 0 && rng.chance(0.5)) {
      const at = rng.pick(positions);
      return [splice(src, at, at + 1, ''), `delete '${br}' at line ${lineOf(src, at)}`];
    }
    const toks = tokenize(src);
    const at = toks.length ? toks[rng.int(toks.length)].start : src.length;
    return [splice(src, at, at, br), `insert '${br}' at line ${lineOf(src, at)}`];
  }],
  ['inject-directive', (src, rng) => {
    const ls = lineStarts(src);
    const i = rng.int(ls.length);
    const d = directives(rng, rng.pick(identifiers(src)));
    return [splice(src, ls[i], ls[i], d + '\n'), `inject '${d}' before line ${i + 1}`];
  }],
  ['edge-number', (src, rng) => {
    const nums = tokenize(src).filter((t) => { const c = src.charCodeAt(t.start); return c >= 48 && c <= 57; });
    if (nums.length === 0) return [src, 'edge-number (no number)'];
    const t = rng.pick(nums);
    const e = rng.pick(EDGE_NUMBERS);
    return [splice(src, t.start, t.end, e), `replace number '${src.slice(t.start, t.end)}' at line ${lineOf(src, t.start)} by ${e}`];
  }],
  ['nest', (src, rng) => withToken(src, rng, (t) => {
    const depth = 1 + rng.int(64);
    const open = rng.pick(['(', '{', '[', '*', '-', '!', '(int)']);
    return [splice(src, t.start, t.start, open.repeat(depth)), `insert ${depth} x '${open}' at line ${lineOf(src, t.start)}`];
  })],
];

export const MUTATION_NAMES = MUTATIONS.map(([n]) => n);

/** Applies 1 to 4 random mutations to `src`, chosen by `seed` (one in half of the cases, so that
 *  many mutants stay close to valid C and reach the semantic checks). */
export function mutate(src: string, seed: number): Mutant {
  const rng = new Rng(seed);
  const u = rng.int(20);
  const n = u < 10 ? 1 : u < 15 ? 2 : u < 18 ? 3 : 4;
  const mutations: string[] = [];
  let s = src;
  for (let k = 0; k < n; k++) {
    const [name, fn] = rng.pick(MUTATIONS);
    const [next, what] = fn(s, rng);
    s = next;
    mutations.push(`${name}: ${what}`);
  }
  return { source: s, mutations };
}

/** A whole case: the torture file chosen by `seed` among `files`, and its mutant. */
export interface FuzzCase { seed: number; file: string; mutant: Mutant }

export function makeCase(seed: number, files: readonly string[], read: (file: string) => string): FuzzCase {
  const rng = new Rng(seed ^ 0x5bd1e995);
  const file = files[rng.int(files.length)];
  return { seed, file, mutant: mutate(read(file), seed) };
}
