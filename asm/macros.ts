// Macros, repetitions and conditionals: the text-level features of GNU as.
//
// .macro/.endm and .rept/.irp/.irpc/.endr bodies are collected statement by statement (nesting of
// the same kind counted) by a BodyCollector. A macro call substitutes `\param`, `\@` (the expansion
// counter) and `\()` (an empty separator) in each body statement and pushes the result on the input
// stack; .exitm pops it. With .altmacro, bare parameter names are substituted too.
// Conditionals are a stack of frames; statements in a false branch are skipped except for the
// conditional directives, whose nesting is still followed.

import type { Assembler } from './assembler';
import { AsmError } from './error';
import { absolute, evaluate, isConstVal } from './expr';
import { headWord, isSpace, isSymChar, scrubLine, splitArgs, Stmt, stringArg } from './lexer';
import { SymKind } from './symbols';

export interface MacroParam {
  name: string;
  def: string;
  req: boolean;
  vararg: boolean;
}

export interface Macro {
  name: string;
  params: MacroParam[];
  body: Stmt[];
}

// ---------------------------------------------------------------------------------------------
// Body collection.

export class BodyCollector {
  body: Stmt[] = [];
  depth = 0;
  constructor(public kind: 'macro' | 'rept', private onDone: (as: Assembler, body: Stmt[]) => void) {}

  /** Take one statement; true when it was the closing .endm/.endr. */
  add(st: Stmt): boolean {
    const w = headWord(stripLabels(st.text)).head.toLowerCase();
    if (this.kind === 'macro') {
      if (w === '.macro') this.depth++;
      else if (w === '.endm') {
        if (this.depth-- === 0) return true;
      }
    } else if (w === '.rept' || w === '.rep' || w === '.irp' || w === '.irpc') this.depth++;
    else if (w === '.endr') {
      if (this.depth-- === 0) return true;
    }
    this.body.push(st);
    return false;
  }

  finish(as: Assembler): null {
    as.collector = null;
    this.onDone(as, this.body);
    return null;
  }
}

function stripLabels(t: string): string {
  const m = /^(?:[A-Za-z_.$][\w.$]*:\s*)+/.exec(t);
  return m ? t.slice(m[0].length) : t;
}

// .macro name [param[=default|:req|:vararg]][,] ...
export function dMacro(as: Assembler, rest: string): void {
  const m = /^([^\s,]+)\s*,?\s*(.*)$/s.exec(rest);
  if (!m) throw new AsmError('expected symbol name');
  const name = m[1];
  const params: MacroParam[] = [];
  for (const raw of splitParamList(m[2])) {
    const pm = /^([A-Za-z_.$][\w.$]*)\s*(?::\s*(req|vararg))?\s*(?:=\s*(.*))?$/s.exec(raw);
    if (!pm) throw new AsmError(`bad macro parameter \`${raw}'`);
    params.push({ name: pm[1], req: pm[2] === 'req', vararg: pm[2] === 'vararg', def: pm[3] ?? '' });
  }
  as.collector = new BodyCollector('macro', (a, body) => {
    if (a.macros.has(name.toLowerCase())) throw new AsmError(`macro \`${name}' was already defined`);
    a.macros.set(name.toLowerCase(), { name, params, body });
  });
}

/** Parameters are separated by commas or blanks; `p = default` may have blanks around '='. */
function splitParamList(s: string): string[] {
  const out: string[] = [];
  s = s.replace(/\s*=\s*/g, '=').replace(/\s*:\s*/g, ':');
  for (const part of splitArgs(s)) {
    for (const w of splitBlank(part)) if (w) out.push(w);
  }
  return out;
}

/** Split at blanks outside quotes, parentheses and brackets (GNU as groups `ftr=((3*32+21) | 1)`). */
function splitBlank(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    const start = i;
    let depth = 0;
    while (i < s.length && (depth > 0 || !isSpace(s.charCodeAt(i)))) {
      const c = s[i];
      if (c === '"') {
        i++;
        while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
      } else if (c === '(' || c === '[') depth++;
      else if ((c === ')' || c === ']') && depth > 0) depth--;
      i++;
    }
    if (i > start) out.push(s.slice(start, i));
  }
  return out;
}

/** Characters GNU as's input scrubber (app.c) counts as part of a symbol on x86: blanks between two
 *  of them (or next to a string) survive and separate macro arguments; other blanks are dropped
 *  (`8*3 +8(%rsp)` is one argument, `1 -1` two). */
function scrubSym(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return isSymChar(k) || c === '*' || c === '%' || c === '-' || c === '(' || c === '[' || c === '{' || c === '}' || c === '"' || c === '\'';
}

/** Split macro call arguments: commas or blanks separate; strings and parentheses group. */
export function splitMacroArgs(s: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  for (;;) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) break;
    let depth = 0;
    let start = i;
    let arg = '';
    while (i < n) {
      const c = s[i];
      if (c === '"') {
        i++;
        while (i < n && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (depth === 0 && c === ',') break;
      else if (depth === 0 && isSpace(s.charCodeAt(i))) {
        let j = i;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n || s[j] === ',' || (scrubSym(s[i - 1]) && scrubSym(s[j]))) break;
        // a blank the scrubber drops: the argument goes on after it
        arg += s.slice(start, i);
        start = i = j;
        continue;
      }
      i++;
    }
    out.push(arg + s.slice(start, i));
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (s[i] === ',') {
      i++;
      // An empty argument between two commas.
      let j = i;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (s[j] === ',') out.push('');
    }
  }
  return out;
}

/** GNU as passes a quoted macro argument without its quotes (outside .altmacro). */
function unquoteArg(as: Assembler, a: string): string {
  if (a.length < 2 || a[0] !== '"' || a[a.length - 1] !== '"' || as.altmacro) return a;
  // only when the quotes enclose the whole argument
  for (let i = 1; i < a.length - 1; i++) {
    if (a[i] === '\\') i++;
    else if (a[i] === '"') return a;
  }
  return a.slice(1, -1);
}

export function expandMacro(as: Assembler, mac: Macro, rest: string): void {
  const values = new Map<string, string>();
  const args = splitMacroArgs(rest);
  let pi = 0;
  for (let ai = 0; ai < args.length; ai++) {
    const a = args[ai];
    const kw = /^([A-Za-z_.$][\w.$]*)=(.*)$/s.exec(a);
    if (kw && mac.params.some((p) => p.name === kw[1])) {
      values.set(kw[1], kw[2]);
      continue;
    }
    if (pi >= mac.params.length) throw new AsmError(`too many positional arguments`);
    const p = mac.params[pi++];
    if (p.vararg) {
      // The rest of the line, as written.
      values.set(p.name, varargRest(rest, ai));
      break;
    }
    // .altmacro: `%expr` passes the expression's value (in decimal)
    values.set(p.name, as.altmacro && a.charCodeAt(0) === 37 /* % */ ? String(as.absolute(a.slice(1))) : unquoteArg(as, a));
  }
  for (const p of mac.params) {
    const v = values.get(p.name);
    if (v === undefined || v === '') {
      if (p.req) throw new AsmError(`Missing value for required parameter \`${p.name}' of macro \`${mac.name}'`);
      values.set(p.name, p.def);
    }
  }
  const count = String(as.macroCount++);
  const syn = { commentChars: as.target.commentChars, lineCommentChars: as.target.lineCommentChars };
  const out: Stmt[] = [];
  for (const st of mac.body) {
    const text = substitute(st.text, values, count, as.altmacro);
    // an argument may hold several statements ("xchg %rax,%rbx; nop") or none (""): split again
    if (text.indexOf(';') < 0 && text.trim() !== '') out.push({ text, file: st.file, line: st.line });
    else for (const t of scrubLine(text, syn, false).stmts) out.push({ text: t, file: st.file, line: st.line });
  }
  as.pushStmts(out, true);
}

function varargRest(rest: string, skip: number): string {
  // Skip `skip` arguments of the raw text and return what follows.
  let s = rest;
  for (let k = 0; k < skip; k++) {
    const a = splitMacroArgs(s)[0];
    s = s.slice(s.indexOf(a) + a.length).replace(/^\s*,?\s*/, '');
  }
  return s.trim();
}

/** Substitute parameters in one body statement. */
export function substitute(text: string, values: Map<string, string>, count: string, alt: boolean): string {
  if (!text.includes('\\') && !alt) return text;
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\') {
      const d = text[i + 1];
      if (d === '@') { out += count; i += 2; continue; }
      if (d === '(' && text[i + 2] === ')') { i += 3; continue; }
      let j = i + 1;
      while (j < n && isSymChar(text.charCodeAt(j)) && text[j] !== '$' && text[j] !== '.') j++;
      const name = text.slice(i + 1, j);
      if (name && values.has(name)) { out += values.get(name); i = j; continue; }
      out += c;
      i++;
      continue;
    }
    if (alt && /[A-Za-z_]/.test(c) && (i === 0 || !isSymChar(text.charCodeAt(i - 1)))) {
      let j = i;
      while (j < n && isSymChar(text.charCodeAt(j))) j++;
      const name = text.slice(i, j);
      out += values.has(name) ? values.get(name) : name;
      i = j;
      if (text[i] === '&') i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

// .rept count
export function dRept(as: Assembler, rest: string): void {
  const n = Number(as.absolute(rest));
  as.collector = new BodyCollector('rept', (a, body) => {
    const out: Stmt[] = [];
    for (let k = 0; k < n; k++) for (const st of body) out.push(st);
    a.pushStmts(out, false);
  });
}

// .irp param, values...  /  .irpc param, chars
export function dIrp(as: Assembler, rest: string, name: string): void {
  const m = /^([A-Za-z_.$][\w.$]*)\s*,?\s*(.*)$/s.exec(rest);
  if (!m) throw new AsmError('missing model parameter');
  const param = m[1];
  let values: string[];
  if (name === '.irpc') {
    values = m[2].trim() === '' ? [''] : [...m[2].trim()];
  } else {
    values = m[2].trim() === '' ? [''] : splitMacroArgs(m[2]);
  }
  as.collector = new BodyCollector('rept', (a, body) => {
    const out: Stmt[] = [];
    for (const v of values) {
      const map = new Map([[param, v]]);
      for (const st of body) out.push({ text: substitute(st.text, map, String(a.macroCount), a.altmacro), file: st.file, line: st.line });
    }
    a.pushStmts(out, false);
  });
}

export function dPurgem(as: Assembler, rest: string): void {
  const name = rest.trim().toLowerCase();
  if (!as.macros.delete(name)) throw new AsmError(`macro \`${rest.trim()}' was not defined`);
}

// ---------------------------------------------------------------------------------------------
// Conditionals.

interface CondFrame {
  parentActive: boolean;
  active: boolean;
  taken: boolean;
  sawElse: boolean;
}

export class CondStack {
  private frames: CondFrame[] = [];

  get depth(): number {
    return this.frames.length;
  }

  get active(): boolean {
    const n = this.frames.length;
    return n === 0 || this.frames[n - 1].active;
  }

  truncate(depth: number): void {
    this.frames.length = Math.min(this.frames.length, depth);
  }

  push(cond: boolean): void {
    const parentActive = this.active;
    const active = parentActive && cond;
    this.frames.push({ parentActive, active, taken: !parentActive || cond, sawElse: false });
  }

  elseif(as: Assembler, rest: string): void {
    const f = this.top('.elseif');
    if (f.sawElse) throw new AsmError('".elseif" after ".else"');
    if (!f.parentActive || f.taken) {
      f.active = false;
      return;
    }
    const v = as.absolute(rest, 'non-constant expression in ".elseif" statement') !== 0n;
    f.active = v;
    f.taken = v;
  }

  else(): void {
    const f = this.top('.else');
    if (f.sawElse) throw new AsmError('duplicate ".else"');
    f.sawElse = true;
    f.active = f.parentActive && !f.taken;
    f.taken = true;
  }

  endif(): void {
    if (!this.frames.length) throw new AsmError('".endif" without ".if"');
    this.frames.pop();
  }

  private top(what: string): CondFrame {
    const f = this.frames[this.frames.length - 1];
    if (!f) throw new AsmError(`"${what}" without matching ".if"`);
    return f;
  }

  /** A conditional directive met while skipping. */
  skipped(as: Assembler, word: string, rest: string): void {
    if (word === '.else') this.else();
    else if (word === '.elseif') this.elseif(as, rest);
    else if (word === '.endif') this.endif();
    else this.push(false);
  }
}

/** .if and its relatives. Like s_if, a bad condition is reported and still opens a (false) block, so
 *  its .else and .endif match. */
export function dIf(as: Assembler, rest: string, name: string): void {
  let cond: boolean;
  try {
    cond = ifCondition(as, rest, name);
  } catch (e) {
    as.conds.push(false);
    throw e;
  }
  as.conds.push(cond);
}

function ifCondition(as: Assembler, rest: string, name: string): boolean {
  const abs = (t: string) => as.absolute(t, `non-constant expression in "${name}" statement`);
  let cond: boolean;
  switch (name) {
    case '.if': case '.ifne': cond = abs(rest) !== 0n; break;
    case '.ifeq': cond = abs(rest) === 0n; break;
    case '.ifge': cond = abs(rest) >= 0n; break;
    case '.ifgt': cond = abs(rest) > 0n; break;
    case '.ifle': cond = abs(rest) <= 0n; break;
    case '.iflt': cond = abs(rest) < 0n; break;
    case '.ifb': cond = rest.trim() === ''; break;
    case '.ifnb': cond = rest.trim() !== ''; break;
    case '.ifdef': case '.ifndef': case '.ifnotdef': {
      const s = as.symbols.get(rest.trim());
      const def = !!s && (s.kind !== SymKind.Undefined);
      cond = name === '.ifdef' ? def : !def;
      break;
    }
    case '.ifc': case '.ifnc': {
      const [a, b] = splitIfc(rest);
      cond = (a === b) === (name === '.ifc');
      break;
    }
    case '.ifeqs': case '.ifnes': {
      const args = splitArgs(rest);
      const a = stringArg(args[0] ?? '');
      const b = stringArg(args[1] ?? '');
      if (!a || !b) throw new AsmError('expected string');
      cond = (a.join() === b.join()) === (name === '.ifeqs');
      break;
    }
    default:
      throw new AsmError(`unknown pseudo-op: \`${name}'`);
  }
  return cond;
}

/** .ifc operands: two strings separated by a comma, each optionally quoted. */
function splitIfc(rest: string): [string, string] {
  const read = (s: string): [string, string] => {
    s = s.trimStart();
    if (s.startsWith("'") || s.startsWith('"')) {
      const q = s[0];
      const e = s.indexOf(q, 1);
      return [s.slice(1, e < 0 ? s.length : e), s.slice(e < 0 ? s.length : e + 1)];
    }
    const c = s.indexOf(',');
    return c < 0 ? [s.trim(), ''] : [s.slice(0, c).trim(), s.slice(c)];
  };
  const [a, r] = read(rest);
  const r2 = r.trimStart().replace(/^,/, '');
  const [b] = read(r2);
  return [a, b];
}

export function evalIsConst(as: Assembler, text: string): boolean {
  const v = evaluate(as.parse(text), false);
  return !!v && isConstVal(v);
}

export { absolute };
