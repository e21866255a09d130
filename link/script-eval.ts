/**
 * Evaluation of linker-script expressions once layout has addresses.
 *
 * A value knows its section as GNU ld does: a plain number (`num`), an absolute address (`abs`),
 * or an address relative to an output section (`sec`). The difference matters for assignments:
 * inside an output section a plain number assigned to `.` or to a symbol is an offset from the
 * section start, ADDR() and `.` give section-relative values, LOADADDR/ORIGIN/ABSOLUTE give
 * absolute ones, and the difference of two addresses in one section is a number. Outside output
 * sections numbers are absolute addresses (GNU ld without SANE_EXPR), so a relative value plus a
 * number is absolute there; binary operators follow ldexp.c fold_binary (evalBinary).
 */
import { InputSection, LinkContext, OutputSection, Sym, SymKind } from './context';
import { LinkError } from './error';
import { Expr, ScriptSource } from './script-ast';
import { symbolAddress } from './symbols';

export interface Val { v: bigint; sec: OutputSection | null; num: boolean }

export const num = (v: bigint): Val => ({ v, sec: null, num: true });
export const abs = (v: bigint): Val => ({ v, sec: null, num: false });
export const rel = (v: bigint, sec: OutputSection | null): Val => ({ v, sec, num: false });

export interface Region { name: string; origin: bigint; length: bigint; cur: bigint; attrs: string }

/** What an expression can see while layout runs. */
export interface EvalEnv {
  ctx: LinkContext;
  dot: bigint;
  /** The output section being laid out, or null at the top level of SECTIONS. */
  cur: OutputSection | null;
  final: boolean;
  outputs: Map<string, OutputSection>;
  regions: Map<string, Region>;
  /** Script symbols assigned so far in this pass (for DEFINED). */
  assigned: Set<string>;
  src: ScriptSource;
  maxPage: bigint;
  commonPage: bigint;
  /** GNU's rel_from_abs: the value was made from `.` (set by `.`, ALIGN(n), ORIGIN, SEGMENT_START;
   *  cleared when ABSOLUTE, NEXT or mixing two sections makes it absolute). */
  relFromAbs?: boolean;
}

function alignUp(v: bigint, a: bigint): bigint {
  if (a <= 1n) return v;
  return ((v + a - 1n) / a) * a;
}

function err(env: EvalEnv, pos: number, msg: string): never {
  let line = 1;
  for (let i = 0; i < pos && i < env.src.text.length; i++) if (env.src.text.charCodeAt(i) === 10) line++;
  throw new LinkError(`${env.src.file}:${line}: ${msg}`);
}

const U64 = (v: bigint): bigint => BigInt.asUintN(64, v);

export function evalExpr(env: EvalEnv, e: Expr): Val {
  switch (e.k) {
    // outside output sections GNU ld takes numbers for absolute addresses (no LD_FEATURE SANE_EXPR)
    case 'num': return env.cur ? num(e.v) : abs(e.v);
    case 'dot':
      env.relFromAbs = true;
      return env.cur ? rel(env.dot, env.cur) : { v: env.dot, sec: null, num: false };
    case 'sym': return evalSymbol(env, e.name, e.pos);
    case 'un': {
      const a = evalExpr(env, e.a);
      switch (e.op) {
        case '-': return num(U64(-a.v));
        case '!': return num(a.v === 0n ? 1n : 0n);
        case '~': return num(U64(~a.v));
        default: return a;
      }
    }
    case 'cond': {
      const c = evalExpr(env, e.c);
      return c.v !== 0n ? evalExpr(env, e.a) : evalExpr(env, e.b);
    }
    case 'bin': return evalBinary(env, e.op, evalExpr(env, e.a), evalExpr(env, e.b), e.pos);
    case 'call': return evalCall(env, e);
  }
}

/**
 * A binary operator with GNU ld's section rules (ldexp.c fold_binary): operands from two different
 * sections, neither a plain number, both become absolute; with a plain number the other operand's
 * section is kept and the operator acts on its offset in that section; arithmetic on two operands
 * of one section gives a plain number inside an output section and an absolute address outside.
 * Comparisons and logical operators give plain numbers.
 */
function evalBinary(env: EvalEnv, op: string, a: Val, b: Val, pos: number): Val {
  const ABS = null;
  let ls: OutputSection | null | 'num' = a.num ? 'num' : a.sec ?? ABS;
  let rs: OutputSection | null | 'num' = b.num ? 'num' : b.sec ?? ABS;
  let x = ls !== 'num' && ls !== ABS ? a.v - ls.addr : a.v;
  let y = rs !== 'num' && rs !== ABS ? b.v - rs.addr : b.v;
  if (ls !== rs) {
    if (ls !== 'num' && rs !== 'num') { x = a.v; y = b.v; ls = ABS; rs = ABS; env.relFromAbs = false; }
    else if (rs === 'num') { rs = ls; ls = 'num'; }
  }
  const arith = (v: bigint): Val => {
    const s = rs === ls ? (env.cur ? 'num' : ABS) : rs;
    if (s === 'num') return num(U64(v));
    if (s === ABS) return abs(U64(v));
    return rel(U64(s.addr + v), s);
  };
  switch (op) {
    case '+': return arith(x + y);
    case '-': return arith(x - y);
    case '*': return arith(x * y);
    case '/': if (y === 0n) err(env, pos, 'division by zero'); return arith(BigInt.asUintN(64, BigInt.asIntN(64, x) / BigInt.asIntN(64, y)));
    case '%': if (y === 0n) err(env, pos, 'division by zero'); return arith(BigInt.asUintN(64, BigInt.asIntN(64, x) % BigInt.asIntN(64, y)));
    case '<<': return arith(x << (y & 63n));
    case '>>': return arith(x >> (y & 63n));
    case '&': return arith(x & y);
    case '|': return arith(x | y);
    case '^': return arith(x ^ y);
    case '==': return num(x === y ? 1n : 0n);
    case '!=': return num(x !== y ? 1n : 0n);
    case '<': return num(x < y ? 1n : 0n);
    case '>': return num(x > y ? 1n : 0n);
    case '<=': return num(x <= y ? 1n : 0n);
    case '>=': return num(x >= y ? 1n : 0n);
    case '&&': return num(x !== 0n && y !== 0n ? 1n : 0n);
    case '||': return num(x !== 0n || y !== 0n ? 1n : 0n);
  }
  return err(env, pos, `unknown operator ${op}`);
}

function evalSymbol(env: EvalEnv, name: string, pos: number): Val {
  const s = env.ctx.symbols.get(name);
  if (!s || s.kind !== SymKind.Defined) {
    if (env.final) err(env, pos, `undefined symbol \`${name}' referenced in expression`);
    return num(0n);
  }
  return symbolVal(s);
}

export function symbolVal(s: Sym): Val {
  const v = symbolAddress(s);
  if (s.scriptDefined) return s.outSection ? rel(v, s.outSection) : abs(v);
  if (s.section) return rel(v, s.section.out);
  return abs(v);
}

function section(env: EvalEnv, name: string, pos: number): OutputSection {
  const o = env.outputs.get(name);
  if (!o) err(env, pos, `undefined section \`${name}' referenced in expression`);
  return o!;
}

function region(env: EvalEnv, name: string, pos: number): Region {
  const alias = env.ctx.script.regionAliases.get(name);
  const r = env.regions.get(alias ?? name);
  if (!r) err(env, pos, `undefined memory region \`${name}' referenced in expression`);
  return r!;
}

function evalCall(env: EvalEnv, e: Extract<Expr, { k: 'call' }>): Val {
  const args = e.args;
  switch (e.fn) {
    case 'ADDR': { const o = section(env, e.name, e.pos); return rel(o.addr, o); }
    case 'LOADADDR': return abs(section(env, e.name, e.pos).lma);
    case 'SIZEOF': return num(BigInt(section(env, e.name, e.pos).size));
    case 'ALIGNOF': return num(BigInt(section(env, e.name, e.pos).align));
    case 'SIZEOF_HEADERS': env.ctx.loadPhdrs = true; return num(BigInt(env.ctx.sizeofHeaders));
    case 'DEFINED': {
      const s = env.ctx.symbols.get(e.name);
      const d = !!s && s.kind === SymKind.Defined && (!s.scriptDefined || env.assigned.has(e.name));
      return num(d ? 1n : 0n);
    }
    case 'ORIGIN': env.relFromAbs = true; return abs(region(env, e.name, e.pos).origin);
    case 'LENGTH': return num(region(env, e.name, e.pos).length);
    case 'CONSTANT':
      if (e.name === 'MAXPAGESIZE') return num(env.maxPage);
      if (e.name === 'COMMONPAGESIZE') return num(env.commonPage);
      return err(env, e.pos, `unknown constant \`${e.name}' referenced in expression`);
    case 'SEGMENT_START': {
      env.relFromAbs = true;
      const key = e.name === 'text-segment' ? '-Ttext-segment' : e.name === 'rodata-segment' ? '-Trodata-segment' : e.name === 'ldata-segment' ? '-Tldata-segment' : e.name;
      const given = env.ctx.opts.sectionStart.get(key);
      if (given !== undefined) return abs(given);
      const d = evalExpr(env, args[0]);
      return d.num ? abs(d.v) : d;
    }
    case 'ALIGN': case 'BLOCK': {
      if (args.length === 1) {
        const a = evalExpr(env, args[0]).v;
        const v = alignUp(env.dot, a);
        env.relFromAbs = true;
        return env.cur ? rel(v, env.cur) : abs(v);
      }
      const x = evalExpr(env, args[0]);
      const a = evalExpr(env, args[1]).v;
      return { v: alignUp(x.v, a), sec: x.sec, num: x.num };
    }
    case 'NEXT': { const a = evalExpr(env, args[0]).v; env.relFromAbs = false; return abs(alignUp(env.dot, a)); }
    case 'ABSOLUTE': { const v = evalExpr(env, args[0]).v; env.relFromAbs = false; return abs(v); }
    case 'MAX': case 'MIN': {
      const a = evalExpr(env, args[0]);
      const b = evalExpr(env, args[1]);
      const pick = e.fn === 'MAX' ? (a.v >= b.v ? a : b) : (a.v <= b.v ? a : b);
      return a.num && b.num ? num(pick.v) : abs(pick.v);
    }
    case 'LOG2CEIL': {
      const v = evalExpr(env, args[0]).v;
      let r = 0n;
      while ((1n << r) < v) r++;
      return num(r);
    }
    case 'DATA_SEGMENT_ALIGN': return dataSegmentAlign(env, evalExpr(env, args[0]).v, evalExpr(env, args[1]).v);
    case 'DATA_SEGMENT_RELRO_END': {
      const off = evalExpr(env, args[0]).v;
      const v = evalExpr(env, args[1]);
      const ds = env.ctx.dataSeg;
      ds.relroEnd = v.v + off;
      ds.relroOffset = off;
      // once the relro base is adjusted, `.` goes to the page-rounded relro end less the offset (GNU)
      const page = ds.maxPage > 0n ? ds.maxPage : env.maxPage;
      if (ds.phase === 'adjust' && page > 0n && ds.relroEnd % page !== 0n) {
        ds.relroEnd = ((ds.relroEnd + page - 1n) / page) * page;
        return { v: ds.relroEnd - off, sec: v.sec, num: v.num };
      }
      return v;
    }
    case 'DATA_SEGMENT_END': return evalExpr(env, args[0]);
    case 'ASSERT': {
      const v = evalExpr(env, args[0]);
      if (env.final && v.v === 0n) throw new LinkError(e.name);
      return v;
    }
  }
  return err(env, e.pos, `unknown function ${e.fn}`);
}

function dataSegmentAlign(env: EvalEnv, maxPage: bigint, commonPage: bigint): Val {
  const ds = env.ctx.dataSeg;
  ds.seenAlign = true;
  ds.maxPage = maxPage;
  ds.commonPage = commonPage;
  ds.alignDot = env.dot;
  if (ds.phase === 'adjust') return abs(ds.base);
  const v = alignUp(env.dot, maxPage) + (env.dot & (maxPage - 1n));
  ds.base = v;
  return abs(v);
}

export { alignUp };
export type { InputSection };
