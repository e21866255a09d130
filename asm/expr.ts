// Expressions: GNU as's syntax, precedence and values.
//
// Precedence (GNU as manual, "Infix Operators"; it differs from C), highest first:
//   unary - ~ ! +
//   * / % << >>
//   | & ^ !          (binary ! is "or not")
//   + - == != <> < <= > >=   (+ and - bind tighter than the comparisons: ranks 5 and 4 in expr.c)
//   &&
//   ||
// Comparisons give -1 for true and 0 for false; && and || give 1 or 0. Arithmetic is 64-bit signed.
//
// parseExpr builds a small tree whose symbol references are already resolved to Sym objects (so
// `1f` and `.` mean what they meant where they were written). evaluate() turns a tree into a Val:
// a constant plus at most one added and one subtracted symbol and a relocation specifier. Two labels
// of one section cancel when their distance is known: always after layout, before it only when they
// sit in the same fragment. What cannot be reduced is left to a fixup and resolved after layout.

import { AsmError } from './error';
import { isDigit, isSpace, isSymChar, isSymStart } from './lexer';
import { Sym, SymbolTable, SymKind } from './symbols';

export const enum E {
  Num = 0,
  Sym,
  Un,
  Bin,
}

export type Expr =
  | { k: E.Num; v: bigint }
  | { k: E.Sym; sym: Sym; spec: string }
  | { k: E.Un; op: string; a: Expr }
  | { k: E.Bin; op: string; a: Expr; b: Expr };

export interface Val {
  num: bigint;
  add: Sym | null;
  sub: Sym | null;
  spec: string;
  /** The equate `alias = add + k` this value came from (relocations may name it: GNU as resolves an
   *  equate of a label to a symbol of its own in that section). */
  alias?: Sym;
  aliasOff?: bigint;
}

export interface ExprHost {
  symbols: SymbolTable;
  /** A temporary label at the current location (for "."). */
  dot(): Sym;
  /** Relocation specifiers the target accepts after '@' (upper-case). */
  specs: ReadonlySet<string>;
  /** Specifiers whose use makes the assembler create _GLOBAL_OFFSET_TABLE_ (GNU as's GOT_symbol). */
  gotSpecs?: ReadonlySet<string>;
  /** A register at `pos` (`%rsp`) as a pseudo-symbol, or null (targets without them: always null). */
  register?(text: string, pos: number): { sym: Sym; end: number } | null;
}

const RANK: Record<string, number> = {
  '*': 8, '/': 8, '%': 8, '<<': 8, '>>': 8,
  '|': 7, '!': 7, '^': 7, '&': 7,
  '+': 5, '-': 5,
  '==': 4, '!=': 4, '<>': 4, '<': 4, '<=': 4, '>': 4, '>=': 4,
  '&&': 3, '||': 2,
};

/** Parser state: the text and a position that callers may save and restore. */
export class ExprParser {
  pos = 0;
  constructor(public s: string, private host: ExprHost) {}

  skip(): void {
    while (this.pos < this.s.length && isSpace(this.s.charCodeAt(this.pos))) this.pos++;
  }

  atEnd(): boolean {
    this.skip();
    return this.pos >= this.s.length;
  }

  fail(msg: string): never {
    throw new AsmError(msg);
  }

  // expr := unary (binop unary)*   with precedence climbing over RANK
  parse(minRank = 1): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.peekOp();
      if (!op || RANK[op] < minRank) return left;
      this.pos += op.length;
      const right = this.parse(RANK[op] + 1);
      left = { k: E.Bin, op, a: left, b: right };
    }
  }

  private peekOp(): string | null {
    this.skip();
    const s = this.s;
    const c = s[this.pos];
    const d = s[this.pos + 1];
    switch (c) {
      case '*': case '/': case '%': case '^': case '+': case '-': return c;
      case '<': return d === '<' ? '<<' : d === '=' ? '<=' : d === '>' ? '<>' : '<';
      case '>': return d === '>' ? '>>' : d === '=' ? '>=' : '>';
      case '=': return d === '=' ? '==' : null;
      case '!': return d === '=' ? '!=' : '!';
      case '&': return d === '&' ? '&&' : '&';
      case '|': return d === '|' ? '||' : '|';
      default: return null;
    }
  }

  // unary := ('-' | '~' | '!' | '+') unary | primary
  private unary(): Expr {
    this.skip();
    const c = this.s[this.pos];
    if (c === '-' || c === '~' || c === '!' || c === '+') {
      this.pos++;
      const a = this.unary();
      if (c === '+') return a;
      if (a.k === E.Num) return { k: E.Num, v: foldUnary(c, a.v) };
      return { k: E.Un, op: c, a };
    }
    return this.primary();
  }

  // primary := number | char | symbol ['@' spec] | '.' | '(' expr ')' | Nb | Nf
  private primary(): Expr {
    this.skip();
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === 40 /* ( */) {
      this.pos++;
      const e = this.parse();
      this.skip();
      if (s[this.pos] !== ')') this.fail("missing ')'");
      this.pos++;
      return e;
    }
    if (c === 39 /* ' */) return this.charConst();
    if (c === 37 /* % */ && this.host.register) {
      const r = this.host.register(s, this.pos);
      if (r) {
        this.pos = r.end;
        return { k: E.Sym, sym: r.sym, spec: '' };
      }
    }
    if (isDigit(c)) return this.number();
    if (c === 34 /* " */) return this.symRef(this.quotedName());
    if (isSymStart(c)) {
      const start = this.pos;
      while (this.pos < s.length && isSymChar(s.charCodeAt(this.pos))) this.pos++;
      const name = s.slice(start, this.pos);
      if (name === '.') return { k: E.Sym, sym: this.host.dot(), spec: '' };
      return this.symRef(name);
    }
    if (this.pos >= s.length) this.fail('missing operand');
    this.fail(`invalid character '${s[this.pos]}' in expression`);
  }

  private quotedName(): string {
    const s = this.s;
    let i = this.pos + 1;
    let name = '';
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') i++;
      name += s[i++];
    }
    this.pos = i + 1;
    return name;
  }

  private symRef(name: string): Expr {
    let spec = '';
    if (this.s[this.pos] === '@') {
      const m = /^@([A-Za-z_0-9]+)/.exec(this.s.slice(this.pos));
      if (m && this.host.specs.has(m[1].toUpperCase())) {
        spec = m[1].toUpperCase();
        this.pos += m[0].length;
      }
    }
    if (spec && this.host.gotSpecs?.has(spec)) this.host.symbols.ref('_GLOBAL_OFFSET_TABLE_').used = true;
    const sym = this.host.symbols.ref(name);
    sym.used = true;
    // An absolute symbol's value is taken now (expr.c operand()): `i = i + 1` later does not change it.
    if (!spec && sym.kind === SymKind.Equ && sym.expr?.k === E.Num) return { k: E.Num, v: sym.expr.v };
    return { k: E.Sym, sym, spec };
  }

  private charConst(): Expr {
    const s = this.s;
    let i = this.pos + 1;
    let v: number;
    if (s[i] === '\\') {
      const e = s[i + 1];
      i += 2;
      const map: Record<string, number> = { n: 10, t: 9, r: 13, b: 8, f: 12, v: 11, '\\': 92, "'": 39, '"': 34 };
      if (e >= '0' && e <= '7') {
        v = e.charCodeAt(0) - 48;
        while (i < s.length && s[i] >= '0' && s[i] <= '7') v = v * 8 + s.charCodeAt(i++) - 48;
      } else v = map[e] ?? e.charCodeAt(0);
    } else {
      if (i >= s.length) this.fail('missing operand');
      v = s.charCodeAt(i++);
    }
    if (s[i] === "'") i++;
    this.pos = i;
    return { k: E.Num, v: BigInt(v & 0xff) };
  }

  private number(): Expr {
    const s = this.s;
    const start = this.pos;
    // Local label reference: digits followed by b or f (and not a hex/binary literal).
    let j = this.pos;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
    const suffix = s[j];
    if ((suffix === 'b' || suffix === 'f' || suffix === 'B' || suffix === 'F') && !isSymChar(s.charCodeAt(j + 1) || 0)
        && !(s[start] === '0' && j === start + 1 && (suffix === 'b' || suffix === 'B') && isDigit(s.charCodeAt(j + 1) || 0))) {
      const n = s.slice(start, j).replace(/^0+(?=\d)/, '');
      const fwd = suffix === 'f' || suffix === 'F';
      const sym = this.host.symbols.numericRef(n, fwd);
      if (!sym) this.fail(`undefined local label \`${n}b'`);
      this.pos = j + 1;
      sym.used = true;
      return { k: E.Sym, sym, spec: '' };
    }
    const m = /^(0[xX][0-9a-fA-F]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)/.exec(s.slice(start));
    if (!m) this.fail('bad number');
    let text = m[0];
    this.pos = start + text.length;
    let v: bigint;
    if (/^0[bB]/.test(text)) v = BigInt(text);
    else if (/^0[xX]/.test(text)) v = BigInt(text);
    else if (text.length > 1 && text[0] === '0') v = BigInt('0o' + text.slice(1));
    else v = BigInt(text);
    if (isSymChar(s.charCodeAt(this.pos) || 0) && s[this.pos] !== '$' && s[this.pos] !== '.') {
      text = s.slice(start, this.pos + 1);
      this.fail(`invalid number \`${text}'`); // e.g. 123abc
    }
    return { k: E.Num, v };
  }
}

function foldUnary(op: string, v: bigint): bigint {
  if (op === '-') return BigInt.asIntN(64, -v);
  if (op === '~') return BigInt.asIntN(64, ~v);
  return v === 0n ? 1n : 0n; // '!'
}

/** Parse a whole argument as one expression. */
export function parseExpr(text: string, host: ExprHost): Expr {
  const p = new ExprParser(text, host);
  if (p.atEnd()) throw new AsmError('missing expression');
  const e = p.parse();
  if (!p.atEnd()) throw new AsmError(`junk at end of line, first unrecognized character is \`${text[p.pos]}'`);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Evaluation.

export const constVal = (num: bigint): Val => ({ num, add: null, sub: null, spec: '' });

export function isConstVal(v: Val): boolean {
  return v.add === null && v.sub === null && v.spec === '';
}

/** Address of a label, if known at this point (final: after layout). */
function labelAddr(s: Sym): number {
  return s.frag === null ? 0 : s.frag.address + s.off; // (a section symbol: the section's start)
}

/** Distance add - sub, if both are labels of one section and it is known now. */
function distance(a: Sym, b: Sym, final: boolean): bigint | null {
  if (a === b) return 0n;
  if (a.kind !== SymKind.Label || b.kind !== SymKind.Label || a.section !== b.section) return null;
  if (a.frag === b.frag) return BigInt(a.off - b.off);
  if (!final) return null;
  return BigInt(labelAddr(a) - labelAddr(b));
}

/**
 * Evaluate. Returns null when the value cannot be expressed yet (final = false) and throws when it
 * cannot be expressed at all (final = true).
 */
export function evaluate(e: Expr, final: boolean): Val | null {
  switch (e.k) {
    case E.Num: return constVal(e.v);
    case E.Sym: return symVal(e.sym, e.spec, final);
    case E.Un: {
      const a = evaluate(e.a, final);
      if (!a) return null;
      if (!isConstVal(a)) {
        if (e.op === '-' && a.spec === '') return { num: BigInt.asIntN(64, -a.num), add: a.sub, sub: a.add, spec: '' };
        return bad(final, 'invalid operand to unary operator');
      }
      return constVal(foldUnary(e.op, a.num));
    }
    case E.Bin: {
      const a = evaluate(e.a, final);
      if (!a) return null;
      const b = evaluate(e.b, final);
      if (!b) return null;
      if (e.op === '+' || e.op === '-') return addVals(a, b, e.op === '-', final);
      if (!isConstVal(a) || !isConstVal(b)) {
        if (RANK[e.op] === 4) return compareVals(e.op, a, b, final);
        return bad(final, 'invalid operands for operator ' + e.op);
      }
      return constVal(binop(e.op, a.num, b.num));
    }
  }
}

/**
 * A comparison with a symbolic side, as expr.c does it: values whose difference is a known constant
 * (`sym + 1 == sym + 1`, two labels of one fragment, a register and itself) compare by it; otherwise
 * == and != still answer (different symbols, sections or registers are unequal) and the ordering
 * comparisons have no value. Two labels of one section wait for layout.
 */
function compareVals(op: string, a: Val, b: Val, final: boolean): Val | null {
  if (!a.spec && !b.spec) {
    const d = addVals(a, b, true, false);
    if (d && isConstVal(d)) return constVal(binop(op, d.num, 0n));
    const sameSection = (x: Sym | null, y: Sym | null) =>
      !!x && !!y && x.kind === SymKind.Label && y.kind === SymKind.Label && x.section === y.section;
    if (!final && (sameSection(a.add, b.add) || sameSection(a.add, a.sub) || sameSection(b.add, b.sub))) return null;
  }
  if (op === '==') return constVal(0n);
  if (op === '!=' || op === '<>') return constVal(-1n);
  return bad(final, 'invalid operands for operator ' + op);
}

function bad(final: boolean, msg: string): null {
  if (final) throw new AsmError(msg);
  return null;
}

function symVal(s: Sym, spec: string, final: boolean): Val | null {
  if (s.weakrefTarget && !spec) return { num: 0n, add: s, sub: null, spec };
  if (s.kind === SymKind.Equ) {
    if (s.busy) throw new AsmError(`symbol definition loop encountered at \`${s.name}'`);
    s.busy = true;
    try {
      let v = evaluate(s.expr!, final);
      // An equate of a label is a symbol of its own in the label's section (GNU as resolves it to
      // one): relocations may name it (a global alias, a .L equate in a mergeable section).
      if (v && v.add && !v.sub && !v.spec && v.add.kind === SymKind.Label && !v.add.isSectionSym && s.order >= 0) {
        v = { ...v, alias: s, aliasOff: v.num };
      }
      if (v && spec) {
        if (v.sub || v.spec) return bad(final, `invalid use of relocation specifier on \`${s.name}'`);
        return { ...v, spec };
      }
      return v;
    } finally {
      s.busy = false;
    }
  }
  return { num: 0n, add: s, sub: null, spec };
}

function addVals(a: Val, b: Val, minus: boolean, final: boolean): Val | null {
  const bAdd = minus ? b.sub : b.add;
  const bSub = minus ? b.add : b.sub;
  const num = BigInt.asIntN(64, minus ? a.num - b.num : a.num + b.num);
  if (minus && b.spec) return bad(final, 'invalid operands: relocation specifier on subtrahend');
  const spec = a.spec || b.spec;
  const adds: Sym[] = [];
  const subs: Sym[] = [];
  if (a.add) adds.push(a.add);
  if (bAdd) adds.push(bAdd);
  if (a.sub) subs.push(a.sub);
  if (bSub) subs.push(bSub);
  let n = num;
  // Cancel add/sub pairs whose distance is known.
  for (let i = 0; i < adds.length; i++) {
    for (let j = 0; j < subs.length; j++) {
      const d = distance(adds[i], subs[j], final);
      if (d !== null) {
        n = BigInt.asIntN(64, n + d);
        adds.splice(i--, 1);
        subs.splice(j, 1);
        break;
      }
    }
  }
  if (adds.length > 1 || subs.length > 1) {
    if (final) {
      const names = [...adds, ...subs].map((s) => s.name).join("' and `");
      throw new AsmError(`can't resolve \`${names}'`);
    }
    return null;
  }
  const r: Val = { num: n, add: adds[0] ?? null, sub: subs[0] ?? null, spec };
  // `alias + const` and `alias - label` (a pc-relative value) still name the alias.
  const keep = a.alias && !bAdd ? a : !minus && b.alias && !a.add ? b : null;
  if (keep && r.add === keep.add) { r.alias = keep.alias; r.aliasOff = keep.aliasOff; }
  return r;
}

export function binop(op: string, a: bigint, b: bigint): bigint {
  const r = (v: bigint) => BigInt.asIntN(64, v);
  switch (op) {
    case '*': return r(a * b);
    case '/': if (b === 0n) throw new AsmError('division by zero'); return r(a / b);
    case '%': if (b === 0n) throw new AsmError('division by zero'); return r(a % b);
    case '<<': return b >= 64n || b < 0n ? 0n : r(a << b);
    case '>>': return b >= 64n || b < 0n ? 0n : r(BigInt.asUintN(64, a) >> b);
    case '|': return r(a | b);
    case '&': return r(a & b);
    case '^': return r(a ^ b);
    case '!': return r(a | ~b);
    case '==': return a === b ? -1n : 0n;
    case '!=': case '<>': return a !== b ? -1n : 0n;
    case '<': return a < b ? -1n : 0n;
    case '<=': return a <= b ? -1n : 0n;
    case '>': return a > b ? -1n : 0n;
    case '>=': return a >= b ? -1n : 0n;
    case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
    case '||': return a !== 0n || b !== 0n ? 1n : 0n;
  }
  throw new AsmError(`unknown operator ${op}`);
}

/** Evaluate to an absolute constant now, or throw `msg` (GNU as's wording for the directive). */
export function absolute(e: Expr, msg = 'bad or irreducible absolute expression'): bigint {
  const v = evaluate(e, false);
  if (!v || !isConstVal(v)) throw new AsmError(msg);
  return v.num;
}
