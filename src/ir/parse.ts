// The IR text parser (syntax in docs/IR.md). Tests write IR as text; print.ts writes the same syntax.
// Values may be used before their definition (phis, blocks laid out after their users): a first scan
// of the function's tokens records each `%name =TYPE`, so every operand's type is known when it is read.

import { Func, Module, DataObj, Reloc } from './module';
import { OPS, Op, F, opByName, memAux, ORDER_NAMES, RMW_NAMES } from './ops';
import { T, TYPE_NAMES, floatFormat, isFloat, isInt } from './types';
import { roundToFormat } from '../numeric/index';

export class IRSyntaxError extends Error {
  constructor(readonly file: string, readonly line: number, readonly col: number, msg: string) {
    super(`${file}:${line}:${col}: error: ${msg}`);
  }
}

const enum K { Id, Num, Val, Blk, Sym, Abi, Str, Punct, Raw, End }
interface Tok { k: K; s: string; pos: number }

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 36;
}

function lex(src: string, err: (pos: number, m: string) => never): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) { i++; continue; }
    if (c === 59) { while (i < n && src.charCodeAt(i) !== 10) i++; continue; }   // ; comment
    const start = i;
    const name = (k: K) => { i++; while (i < n && isNameChar(src.charCodeAt(i)) && !(k === K.Sym && src.charCodeAt(i) === 46 && src.charCodeAt(i + 1) === 46)) i++; out.push({ k, s: src.slice(start + 1, i), pos: start }); };
    if (c === 37) { name(K.Val); continue; }
    if (c === 64) { name(K.Blk); continue; }
    if (c === 36) { name(K.Sym); continue; }
    if (c === 58 && i + 1 < n && isNameChar(src.charCodeAt(i + 1))) { name(K.Abi); continue; }
    if (c === 35) { // #x raw bits
      i++; while (i < n && isNameChar(src.charCodeAt(i))) i++;
      out.push({ k: K.Raw, s: src.slice(start + 2, i), pos: start });
      continue;
    }
    if (c === 34) { // string: keep escapes, decoded by the user
      i++;
      while (i < n && src.charCodeAt(i) !== 34) { if (src.charCodeAt(i) === 92) i++; i++; }
      if (i >= n) err(start, 'unterminated string');
      i++;
      out.push({ k: K.Str, s: src.slice(start + 1, i - 1), pos: start });
      continue;
    }
    const isDigit = (x: number) => x >= 48 && x <= 57;
    if (isDigit(c) || (c === 45 && i + 1 < n && (isDigit(src.charCodeAt(i + 1)) || src.startsWith('inf', i + 1) || src.startsWith('nan', i + 1)))) {
      i++;
      if (src.startsWith('inf', i) || src.startsWith('nan', i)) { i += 3; out.push({ k: K.Num, s: src.slice(start, i), pos: start }); continue; }
      if (src.charCodeAt(i - 1) === 48 && (src[i] === 'x' || src[i] === 'X')) { i++; while (i < n && /[0-9a-fA-F]/.test(src[i])) i++; }
      else {
        while (i < n && isDigit(src.charCodeAt(i))) i++;
        if (src[i] === '.' && isDigit(src.charCodeAt(i + 1))) { i++; while (i < n && isDigit(src.charCodeAt(i))) i++; }
        if ((src[i] === 'e' || src[i] === 'E') && /[-+0-9]/.test(src[i + 1] ?? '')) { i += 2; while (i < n && isDigit(src.charCodeAt(i))) i++; }
      }
      out.push({ k: K.Num, s: src.slice(start, i), pos: start });
      continue;
    }
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) {
      while (i < n && isNameChar(src.charCodeAt(i)) && src.charCodeAt(i) !== 36) i++;
      out.push({ k: K.Id, s: src.slice(start, i), pos: start });
      continue;
    }
    for (const p of ['...', '..', '->']) if (src.startsWith(p, i)) { i += p.length; out.push({ k: K.Punct, s: p, pos: start }); break; }
    if (i !== start) continue;
    if ('=,(){}[]:&+-'.includes(src[i])) { out.push({ k: K.Punct, s: src[i], pos: start }); i++; continue; }
    err(start, `unexpected character '${src[i]}'`);
  }
  out.push({ k: K.End, s: '', pos: n });
  return out;
}

/** Decodes C-style escapes of a string token's body to bytes. */
export function unescapeBytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 92) { if (c < 128) out.push(c); else for (const b of Buffer.from(s[i], 'utf8')) out.push(b); continue; }
    const d = s[++i];
    if (d >= '0' && d <= '7') {
      let v = 0, k = 0;
      while (k < 3 && s[i] >= '0' && s[i] <= '7') { v = v * 8 + (s.charCodeAt(i) - 48); i++; k++; }
      i--; out.push(v & 255); continue;
    }
    if (d === 'x') { let v = 0; while (/[0-9a-fA-F]/.test(s[i + 1] ?? '')) v = v * 16 + parseInt(s[++i], 16); out.push(v & 255); continue; }
    const map: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, e: 27 };
    out.push(map[d] ?? d.charCodeAt(0));
  }
  return out;
}

interface Raw { ty: number; tok: Tok; off?: Tok[] }

class Parser {
  t: Tok[];
  p = 0;
  m!: Module;
  f!: Func;
  vals = new Map<string, number>();
  valTypes = new Map<string, number>();
  defined = new Set<number>();
  blocks = new Map<string, number>();
  blockOrder: number[] = [];
  blockUses: { name: string; tok: Tok }[] = [];
  abiNames = new Map<string, number>();
  lineStarts: number[] = [0];

  constructor(readonly src: string, readonly file: string) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    this.t = lex(src, (pos, msg) => this.errAt(pos, msg));
  }

  errAt(pos: number, msg: string): never {
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (this.lineStarts[mid] <= pos) lo = mid; else hi = mid - 1; }
    throw new IRSyntaxError(this.file, lo + 1, pos - this.lineStarts[lo] + 1, msg);
  }
  err(msg: string, tok: Tok = this.t[this.p]): never { return this.errAt(tok.pos, msg); }
  peek(): Tok { return this.t[this.p]; }
  next(): Tok { return this.t[this.p++]; }
  isP(s: string): boolean { const t = this.t[this.p]; return t.k === K.Punct && t.s === s; }
  isId(s: string): boolean { const t = this.t[this.p]; return t.k === K.Id && t.s === s; }
  eatP(s: string): boolean { if (this.isP(s)) { this.p++; return true; } return false; }
  eatId(s: string): boolean { if (this.isId(s)) { this.p++; return true; } return false; }
  expectP(s: string): void { if (!this.eatP(s)) this.err(`expected '${s}'`); }
  expectK(k: K, what: string): Tok { const t = this.next(); if (t.k !== k) this.err(`expected ${what}`, t); return t; }
  num(): number {
    const t = this.expectK(K.Num, 'a number');
    const v = Number(t.s);
    if (!Number.isInteger(v)) this.err('expected an integer', t);
    return v;
  }
  type(): number {
    const t = this.next();
    const ty = t.k === K.Id ? TYPE_NAMES.indexOf(t.s) : -1;
    if (ty < 0) this.err(`expected a type, found '${t.s}'`, t);
    return ty;
  }
  isType(): boolean { const t = this.peek(); return t.k === K.Id && t.s !== 'void' && TYPE_NAMES.includes(t.s); }

  module(): Module {
    let ptr: 4 | 8 = 8;
    if (this.eatId('target')) { this.expectK(K.Id, "'ptr'"); const n = this.num(); if (n !== 4 && n !== 8) this.err('pointer size must be 4 or 8'); ptr = n; }
    this.m = new Module(ptr);
    for (;;) {
      const t = this.peek();
      if (t.k === K.End) break;
      if (t.k !== K.Id) this.err(`expected a declaration, found '${t.s}'`);
      this.p++;
      switch (t.s) {
        case 'abitype': this.abitype(); break;
        case 'extern': this.extern(); break;
        case 'data': this.data(); break;
        case 'alias': { const a = this.expectK(K.Sym, 'a symbol').s; this.expectP('='); this.m.aliases.push({ name: a, target: this.expectK(K.Sym, 'a symbol').s }); break; }
        case 'ctor': case 'dtor': { const pr = this.num(); const sym = this.expectK(K.Sym, 'a symbol').s; (t.s === 'ctor' ? this.m.ctors : this.m.dtors).push({ priority: pr, sym }); break; }
        case 'func': this.func(); break;
        default: this.err(`unknown declaration '${t.s}'`, t);
      }
    }
    return this.m;
  }

  abitype(): void {
    const name = this.expectK(K.Abi, 'an ABI type name').s;
    this.expectP('=');
    if (!this.eatId('struct')) this.err("expected 'struct'");
    const size = this.num();
    if (!this.eatId('align')) this.err("expected 'align'");
    const align = this.num();
    this.expectP('{');
    const fields: { ty: number; off: number }[] = [];
    while (!this.eatP('}')) {
      const ty = this.type();
      const at = this.expectK(K.Blk, "'@offset'");
      const off = Number(at.s);
      if (!Number.isInteger(off)) this.err('bad field offset', at);
      fields.push({ ty, off });
      if (!this.isP('}')) this.expectP(',');
    }
    if (this.abiNames.has(name)) this.err(`ABI type :${name} defined twice`);
    this.abiNames.set(name, this.m.abiStruct(size, align, fields, /^t\d+$/.test(name) ? undefined : name));
  }

  /** ABI type: `i32`, `i8 sext`, `:name`. */
  abi(): number {
    const t = this.peek();
    if (t.k === K.Abi) {
      this.p++;
      const i = this.abiNames.get(t.s);
      if (i === undefined) this.err(`unknown ABI type :${t.s}`, t);
      return i;
    }
    if (this.eatId('void')) return this.m.abiVoid;
    const ty = this.type();
    const ext = this.eatId('sext') ? 1 : this.eatId('zext') ? 2 : 0;
    return this.m.abiScalar(ty, ext);
  }

  extern(): void {
    const e = { name: '', weak: false, tls: false, visibility: '' as '' | 'hidden' | 'protected' };
    for (;;) {
      if (this.eatId('weak')) e.weak = true;
      else if (this.eatId('tls')) e.tls = true;
      else if (this.eatId('hidden')) e.visibility = 'hidden';
      else if (this.eatId('protected')) e.visibility = 'protected';
      else break;
    }
    e.name = this.expectK(K.Sym, 'a symbol').s;
    this.m.externs.push(e);
  }

  data(): void {
    const d: Partial<DataObj> = {};
    for (;;) {
      const t = this.peek();
      if (t.k !== K.Id) break;
      if (t.s === 'internal' || t.s === 'weak' || t.s === 'common') d.linkage = t.s;
      else if (t.s === 'hidden' || t.s === 'protected') d.visibility = t.s;
      else if (t.s === 'tls') d.tls = true;
      else if (t.s === 'readonly') d.readonly = true;
      else this.err(`unknown data attribute '${t.s}'`);
      this.p++;
    }
    const name = this.expectK(K.Sym, 'a symbol').s;
    let size = -1;
    d.align = 1;
    for (;;) {
      if (this.eatId('align')) d.align = this.num();
      else if (this.eatId('size')) size = this.num();
      else if (this.eatId('section')) d.section = Buffer.from(unescapeBytes(this.expectK(K.Str, 'a string').s)).toString('latin1');
      else break;
    }
    const bytes: number[] = [];
    const relocs: Reloc[] = [];
    let hasInit = false;
    if (this.eatP('{')) {
      hasInit = true;
      while (!this.eatP('}')) {
        const it = this.expectK(K.Id, 'a data item');
        switch (it.s) {
          case 'x': {
            const h = this.peek();
            let e = h.pos;
            while (e < this.src.length && /[0-9a-fA-F]/.test(this.src[e])) e++;
            const hex = this.src.slice(h.pos, e);
            while (this.peek().pos < e) this.p++;
            if (!hex.length || hex.length % 2) this.err('bad hex bytes', h);
            for (let k = 0; k < hex.length; k += 2) bytes.push(parseInt(hex.slice(k, k + 2), 16));
            break;
          }
          case 'z': { const n = this.num(); for (let k = 0; k < n; k++) bytes.push(0); break; }
          case 's': bytes.push(...unescapeBytes(this.expectK(K.Str, 'a string').s)); break;
          case 'i8': case 'i16': case 'i32': case 'i64': {
            const nb = Number(it.s.slice(1)) / 8;
            const tk = this.expectK(K.Num, 'an integer');
            let v = BigInt.asUintN(nb * 8, BigInt(tk.s));
            for (let k = 0; k < nb; k++) { bytes.push(Number(v & 255n)); v >>= 8n; }
            break;
          }
          case 'a4': case 'a8': {
            const sz = it.s === 'a4' ? 4 : 8;
            let block: string | undefined;
            let sym: string;
            if (this.eatP('&')) {
              sym = this.expectK(K.Sym, 'a function symbol').s;
              block = this.expectK(K.Blk, 'a block label').s;
            } else sym = this.expectK(K.Sym, 'a symbol').s;
            let addend = 0, minusBlock: string | undefined;
            if (block !== undefined && this.isP("-") && this.t[this.p + 1]?.k === K.Blk) { this.eatP('-'); minusBlock = this.expectK(K.Blk, 'a block label').s; }
            if (this.eatP('+')) addend = this.num(); else if (this.eatP('-')) addend = -this.num();
            else if (this.peek().k === K.Num && this.peek().s.startsWith('-')) addend = this.num();
            relocs.push({ off: bytes.length, size: sz, sym, addend, ...(block !== undefined ? { block } : {}), ...(minusBlock !== undefined ? { minusBlock } : {}) });
            for (let k = 0; k < sz; k++) bytes.push(0);
            break;
          }
          default: this.err(`unknown data item '${it.s}'`, it);
        }
        if (!this.isP('}')) this.expectP(',');
      }
    }
    if (size < 0) size = bytes.length;
    if (bytes.length > size) this.err(`initialiser of $${name} is larger than its size ${size}`);
    const init = hasInit ? new Uint8Array(size) : null;
    if (init) init.set(bytes);
    this.m.addData({ ...d, name, size, init, relocs });
  }

  // ---- functions
  func(): void {
    let linkage: 'global' | 'internal' | 'weak' = 'global', vis: '' | 'hidden' | 'protected' = '';
    for (;;) {
      if (this.eatId('internal')) linkage = 'internal';
      else if (this.eatId('weak')) linkage = 'weak';
      else if (this.eatId('hidden')) vis = 'hidden';
      else if (this.eatId('protected')) vis = 'protected';
      else break;
    }
    const name = this.expectK(K.Sym, 'a function name').s;
    this.expectP('(');
    const params: number[] = [], pnames: Tok[] = [];
    let nfixed = -1;
    while (!this.eatP(')')) {
      if (this.eatP('...')) { nfixed = params.length; continue; }
      else { params.push(this.abi()); pnames.push(this.expectK(K.Val, 'a parameter name')); }
      if (!this.isP(')')) this.expectP(',');
    }
    let ret = this.m.abiVoid;
    if (this.eatP('->')) ret = this.abi();
    let flags = 0, noinline = false, section = '';
    for (;;) {
      if (this.eatId('returns_twice')) flags |= 1;
      else if (this.eatId('noreturn')) flags |= 2;
      else if (this.eatId('static_chain')) flags |= 4;
      else if (this.eatId('noinline')) noinline = true;
      else if (this.eatId('section')) section = Buffer.from(unescapeBytes(this.expectK(K.Str, 'a string').s)).toString('latin1');
      else break;
    }
    const f = this.m.addFunc(name, this.m.sig(ret, params, nfixed, flags));
    f.linkage = linkage; f.visibility = vis; f.noinline = noinline; f.section = section;
    this.f = f;
    this.vals.clear(); this.valTypes.clear(); this.defined.clear(); this.blocks.clear(); this.blockOrder = []; this.blockUses = [];
    this.expectP('{');
    this.prescan();
    params.forEach((a, k) => { const at = this.m.abiTypes[a]; this.valTypes.set(pnames[k].s, at.kind === 'scalar' ? at.ty : T.Ptr); });
    // params
    const entryTok = this.peek();
    if (entryTok.k !== K.Blk) this.err('expected a block label');
    const entry = this.block(entryTok.s);
    params.forEach((a, k) => {
      const at = this.m.abiTypes[a];
      const ty = at.kind === 'scalar' ? at.ty : T.Ptr;
      const v = this.valueRef(pnames[k], ty);
      this.define(v, pnames[k], Op.Param, ty, [], k);
      f.append(entry, v);
    });
    let cur = -1;
    while (!this.eatP('}')) {
      const t = this.peek();
      if (t.k === K.Blk && this.t[this.p + 1].k === K.Punct && this.t[this.p + 1].s === ':') {
        this.p += 2;
        cur = this.block(t.s);
        if (this.blockOrder.includes(cur)) this.err(`block @${t.s} defined twice`, t);
        this.blockOrder.push(cur);
        continue;
      }
      if (t.k === K.End) this.err("expected '}'");
      if (cur < 0) this.err('expected a block label');
      this.instr(cur);
    }
    for (const u of this.blockUses) if (!this.blockOrder.includes(this.blocks.get(u.name)!)) this.err(`undefined block @${u.name}`, u.tok);
    for (const [nm, v] of this.vals) if (!this.defined.has(v)) this.err(`undefined value %${nm}`, this.firstUse.get(nm)!);
    f.layout = this.blockOrder.slice();
    this.firstUse.clear();
  }
  firstUse = new Map<string, Tok>();

  prescan(): void {
    let depth = 1;
    for (let q = this.p; q < this.t.length && depth > 0; q++) {
      const t = this.t[q];
      if (t.k === K.Punct && t.s === '{') depth++;
      if (t.k === K.Punct && t.s === '}') depth--;
      if (t.k === K.Val && this.t[q + 1].k === K.Punct && this.t[q + 1].s === '=' && this.t[q + 2].k === K.Id) {
        const ty = TYPE_NAMES.indexOf(this.t[q + 2].s);
        if (ty >= 0) this.valTypes.set(t.s, ty);
      }
    }
  }

  block(name: string): number {
    let b = this.blocks.get(name);
    if (b === undefined) { b = this.f.newBlock(name); this.blocks.set(name, b); }
    return b;
  }
  blockRef(): number {
    const t = this.expectK(K.Blk, 'a block label');
    this.blockUses.push({ name: t.s, tok: t });
    return this.block(t.s);
  }
  valueRef(t: Tok, ty: number): number {
    let v = this.vals.get(t.s);
    if (v === undefined) {
      v = this.f.newInstr(Op.Copy, ty, []);
      this.f.setName(v, t.s);
      this.vals.set(t.s, v);
      this.firstUse.set(t.s, t);
    }
    return v;
  }
  define(v: number, t: Tok, op: number, ty: number, args: number[], aux: number): void {
    if (this.defined.has(v)) this.err(`value %${t.s} defined twice`, t);
    this.defined.add(v);
    const f = this.f;
    f.op[v] = op; f.ty[v] = ty; f.aux[v] = aux;
    f.setArgs(v, args);
  }

  // ---- operands: read raw, then resolve against the expected type
  raw(): Raw {
    let ty = -1;
    if (this.isType()) ty = this.type();
    const tok = this.next();
    if (tok.k === K.Val) return { ty: ty >= 0 ? ty : (this.valTypes.get(tok.s) ?? this.err(`undefined value %${tok.s}`, tok)), tok };
    if (tok.k === K.Sym) {
      const off: Tok[] = [];
      if (this.isP('+') || this.isP('-')) { off.push(this.next()); off.push(this.expectK(K.Num, 'an offset')); }
      else if (this.peek().k === K.Num && this.peek().s.startsWith('-')) off.push(this.next());
      return { ty: ty >= 0 ? ty : T.Ptr, tok, off };
    }
    if (tok.k === K.Punct && tok.s === '&') { const b = this.expectK(K.Blk, 'a block label'); this.blockUses.push({ name: b.s, tok: b }); return { ty: ty >= 0 ? ty : T.Ptr, tok: { k: K.Blk, s: b.s, pos: tok.pos } }; }
    if (tok.k === K.Num || tok.k === K.Raw || (tok.k === K.Id && (tok.s === 'undef' || tok.s === 'inf' || tok.s === 'nan'))) return { ty, tok };
    return this.err(`expected an operand, found '${tok.s}'`, tok);
  }
  resolve(r: Raw, expect: number): number {
    const ty = r.ty >= 0 ? r.ty : expect;
    const tok = r.tok, f = this.f;
    if (tok.k === K.Val) return this.valueRef(tok, ty);
    if (ty < 0) this.err('constant operand needs a type here', tok);
    switch (tok.k) {
      case K.Sym: {
        let off = 0;
        if (r.off && r.off.length === 2) off = Number(r.off[1].s) * (r.off[0].s === '-' ? -1 : 1);
        else if (r.off && r.off.length === 1) off = Number(r.off[0].s);
        return f.symAddr(tok.s, off);
      }
      case K.Blk: return f.blockAddr(this.block(tok.s));
      case K.Raw: if (!isFloat(ty)) this.err('raw bits need a float type', tok); return f.fconst(ty, BigInt('0' + tok.s));
      case K.Id: if (tok.s === 'undef') return f.undef(ty); break;
    }
    if (isFloat(ty)) {
      try { return f.fconst(ty, roundToFormat(tok.s, floatFormat(ty))); } catch { this.err(`bad float constant '${tok.s}'`, tok); }
    }
    if (!isInt(ty) || !/^-?(0x[0-9a-fA-F]+|\d+)$/.test(tok.s)) this.err(`bad integer constant '${tok.s}'`, tok);
    const neg = tok.s.startsWith('-');
    const v = BigInt(neg ? tok.s.slice(1) : tok.s);
    return f.iconst(ty, neg ? -v : v);
  }
  operand(expect: number): number { return this.resolve(this.raw(), expect); }

  memAttrs(align0: number): number {
    let align = align0, vol = false, order = 0, fail = 0, weak = false;
    for (;;) {
      if (this.eatId('align')) { align = this.num(); if (align & (align - 1)) this.err('alignment must be a power of 2'); }
      else if (this.eatId('volatile')) vol = true;
      else if (this.eatId('weak')) weak = true;
      else if (this.peek().k === K.Id && ORDER_NAMES.indexOf(this.peek().s) > 0) {
        const o = ORDER_NAMES.indexOf(this.next().s);
        if (order) fail = o; else order = o;
      } else break;
    }
    return memAux(align, vol, order, 0, fail, weak);
  }

  instr(b: number): void {
    const f = this.f;
    let lhs: Tok | null = null, ty: number = T.Void;
    if (this.peek().k === K.Val) {
      lhs = this.next();
      this.expectP('=');
      ty = this.type();
    }
    const optok = this.expectK(K.Id, 'an instruction');
    const dot = optok.s.indexOf('.');
    const opname = dot >= 0 ? optok.s.slice(0, dot) : optok.s;
    const op = opByName(opname);
    if (op < 0 || op === Op.Param) this.err(`unknown instruction '${optok.s}'`, optok);
    const info = OPS[op];
    const hasVal = info.flags & F.Val || ((op === Op.Call || op === Op.Asm) && lhs);
    if (lhs && !hasVal) this.err(`'${opname}' has no result`, optok);
    if (!lhs && info.flags & F.Val) this.err(`'${opname}' needs a result`, optok);
    let args: number[] = [], aux = 0;
    switch (op) {
      case Op.Ret: {
        if (this.atInstrEnd()) break;
        const r = this.m.abiTypes[this.m.sigs[f.sig].ret];
        args = [this.operand(r.kind === 'scalar' ? r.ty : T.Ptr)];
        break;
      }
      case Op.Switch: {
        const sv = this.raw();
        const v = this.resolve(sv, -1);
        const vt = f.typeOf(v);
        this.expectP(',');
        args = [v, this.blockRef()];
        while (this.eatP(',')) {
          const lo = this.operand(vt);
          const hi = this.eatP('..') ? this.operand(vt) : lo;
          this.expectP(':');
          args.push(lo, hi, this.blockRef());
        }
        break;
      }
      case Op.IndirectBr: {
        args = [this.operand(T.Ptr)];
        this.expectP(','); this.expectP('[');
        while (!this.eatP(']')) { args.push(this.blockRef()); if (!this.isP(']')) this.expectP(','); }
        break;
      }
      case Op.Phi: {
        do { const bb = this.blockRef(); args.push(bb, this.operand(ty)); } while (this.eatP(','));
        break;
      }
      case Op.Bitcast: case Op.IsConst: args = [this.operand(-1)]; break;
      case Op.Alloca: case Op.DAlloca:
        args = [this.operand(T.Ptr)];
        aux = 1;
        if (this.eatId('align')) aux = this.num();
        break;
      case Op.ARmw: {
        const k = RMW_NAMES.indexOf(optok.s.slice(dot + 1));
        if (dot < 0 || k < 0) this.err(`unknown atomic operation '${optok.s}'`, optok);
        args = [this.operand(T.Ptr)]; this.expectP(','); args.push(this.operand(ty));
        aux = this.memAttrs(1) | (k << 16);
        break;
      }
      case Op.Call: ({ args, aux } = this.call(ty)); break;
      case Op.Asm: {
        const tmpl = Buffer.from(unescapeBytes(this.expectK(K.Str, 'an asm template').s)).toString('utf8');
        const cons = Buffer.from(unescapeBytes(this.expectK(K.Str, 'asm constraints').s)).toString('utf8');
        this.expectP('(');
        while (!this.eatP(')')) { args.push(this.operand(-1)); if (!this.isP(')')) this.expectP(','); }
        const se = this.eatId('sideeffect');
        aux = f.asms.length;
        f.asms.push({ template: tmpl, constraints: cons, sideEffects: se });
        break;
      }
      case Op.VaArg:
        aux = this.peek().k === K.Abi ? this.abi() : this.m.abiScalar(ty);
        args = [this.operand(T.Ptr)];
        break;
      case Op.FrameAddr: case Op.RetAddr: aux = this.num(); break;
      default: {
        if (info.res === 'M') ty = this.type();
        const raws: Raw[] = [];
        for (let k = 0; k < info.args.length; k++) {
          if (k) this.expectP(',');
          if (info.args[k] === 'b') { raws.push({ ty: -2, tok: this.peek() }); args.push(this.blockRef()); }
          else { raws.push(this.raw()); args.push(0); }
        }
        let xt = -1, yt = -1;
        for (let k = 0; k < raws.length; k++) {
          if (info.args[k] === 'x' && raws[k].ty >= 0) xt = raws[k].ty;
          if (info.args[k] === 'y' && raws[k].ty >= 0) yt = raws[k].ty;
        }
        for (let k = 0; k < raws.length; k++) {
          const c = info.args[k];
          if (c === 'b') continue;
          const expect = c === 'r' || c === 'm' ? ty : c === 'p' ? T.Ptr : c === 'x' ? xt : c === 'y' ? yt : -1;
          args[k] = this.resolve(raws[k], expect);
        }
        if (info.flags & F.Mem) aux = this.memAttrs(1);
      }
    }
    if (!this.atInstrEnd()) this.err(`unexpected '${this.peek().s}' after instruction`);
    let i: number;
    if (lhs) { i = this.valueRef(lhs, ty); this.define(i, lhs, op, ty, args, aux); }
    else i = f.newInstr(op, ty, args, aux);
    f.append(b, i);
  }

  /** The next token starts a new instruction, a block label or closes the function. */
  atInstrEnd(): boolean {
    const t = this.peek(), t1 = this.t[this.p + 1];
    if (t.k === K.End || (t.k === K.Punct && t.s === '}')) return true;
    if (t.k === K.Val && t1.k === K.Punct && t1.s === '=') return true;
    if (t.k === K.Blk && t1.k === K.Punct && t1.s === ':') return true;
    return t.k === K.Id && opByName(t.s.split('.')[0]) >= 0 && t.s !== 'weak';
  }

  call(ty: number): { args: number[]; aux: number } {
    const f = this.f, m = this.m;
    const callee = this.operand(T.Ptr);
    this.expectP('(');
    const params: number[] = [], vals: number[] = [];
    let nfixed = -1, ret = -1, sretVal = -1;
    if (this.eatId('sret')) { ret = this.abi(); sretVal = this.operand(T.Ptr); if (!this.isP(')')) this.expectP(','); }
    while (!this.eatP(')')) {
      if (this.eatP('...')) { nfixed = params.length; continue; }
      else {
        const a = this.abi();
        const at = m.abiTypes[a];
        params.push(a);
        vals.push(this.operand(at.kind === 'scalar' ? at.ty : T.Ptr));
      }
      if (!this.isP(')')) this.expectP(',');
    }
    let flags = 0, ext = 0;
    for (;;) {
      if (this.eatId('returns_twice')) flags |= 1;
      else if (this.eatId('noreturn')) flags |= 2;
      else if (this.eatId('static_chain')) flags |= 4;
      else if (this.eatId('ret_sext')) ext = 1;
      else if (this.eatId('ret_zext')) ext = 2;
      else break;
    }
    if (ret < 0) ret = m.abiScalar(ty, ext);
    const args = [callee];
    if (sretVal !== -1) args.push(sretVal);
    args.push(...vals);
    return { args, aux: m.sig(ret, params, nfixed, flags) };
  }
}

/** Parses a module from IR text; throws IRSyntaxError with file:line:col. */
export function parseModule(src: string, file = '<ir>'): Module {
  return new Parser(src, file).module();
}
