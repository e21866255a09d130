// The IR printer: the text form of docs/IR.md. parse.ts reads it back; print(parse(print(m)))
// equals print(m). Operand and attribute syntax come from the op table (ops.ts).

import { CK, Func, Module, AbiType, DataObj } from './module';
import { OPS, Op, F, memAlign, memVolatile, memOrder, memFailOrder, memWeak, memRmw, ORDER_NAMES, RMW_NAMES, isComparison } from './ops';
import { T, TYPE_NAMES, floatFormat } from './types';
import { fToString, roundToFormat } from '../numeric/index';

export function printModule(m: Module): string {
  const out: string[] = [`target ptr ${m.ptrSize}`];
  m.abiTypes.forEach((a, i) => { if (a.kind === 'struct') out.push(`abitype ${abiName(m, i)} = ${structBody(a)}`); });
  for (const e of m.externs) out.push(`extern ${e.weak ? 'weak ' : ''}${e.tls ? 'tls ' : ''}${e.visibility ? e.visibility + ' ' : ''}$${e.name}`);
  for (const d of m.data) out.push(printData(d));
  for (const a of m.aliases) out.push(`alias $${a.name} = $${a.target}`);
  for (const c of m.ctors) out.push(`ctor ${c.priority} $${c.sym}`);
  for (const c of m.dtors) out.push(`dtor ${c.priority} $${c.sym}`);
  for (const f of m.funcs) out.push(printFunc(f));
  return out.join('\n') + '\n';
}

function abiName(m: Module, i: number): string { return `:${m.abiTypes[i].name ?? 't' + i}`; }
function structBody(a: AbiType): string {
  return `struct ${a.size} align ${a.align} { ${a.fields.map((f) => `${TYPE_NAMES[f.ty]}@${f.off}`).join(', ')} }`;
}
export function abiText(m: Module, i: number): string {
  const a = m.abiTypes[i];
  if (a.kind === 'struct') return abiName(m, i);
  if (a.kind === 'void') return 'void';
  return TYPE_NAMES[a.ty] + (a.ext === 1 ? ' sext' : a.ext === 2 ? ' zext' : '');
}

function quote(bytes: ArrayLike<number>): string {
  let s = '"';
  for (let k = 0; k < bytes.length; k++) {
    const c = bytes[k];
    if (c === 34 || c === 92) s += '\\' + String.fromCharCode(c);
    else if (c >= 32 && c < 127) s += String.fromCharCode(c);
    else s += '\\' + c.toString(8).padStart(3, '0');
  }
  return s + '"';
}

function printData(d: DataObj): string {
  let h = 'data';
  if (d.linkage !== 'global') h += ' ' + d.linkage;
  if (d.visibility) h += ' ' + d.visibility;
  if (d.tls) h += ' tls';
  if (d.readonly) h += ' readonly';
  h += ` $${d.name} align ${d.align} size ${d.size}`;
  if (d.section) h += ` section ${quote(Buffer.from(d.section, 'latin1'))}`;
  if (!d.init) return h;
  const items: string[] = [];
  const relocs = [...d.relocs].sort((a, b) => a.off - b.off);
  let ri = 0, off = 0;
  const init = d.init;
  while (off < d.size) {
    if (ri < relocs.length && relocs[ri].off === off) {
      const r = relocs[ri++];
      const target = r.block !== undefined ? `&$${r.sym}@${r.block}` : `$${r.sym}`;
      items.push(`a${r.size} ${target}${r.minusBlock !== undefined ? `-@${r.minusBlock}` : ''}${r.addend > 0 ? '+' + r.addend : r.addend < 0 ? r.addend : ''}`);
      off += r.size;
      continue;
    }
    const end = ri < relocs.length ? relocs[ri].off : d.size;
    let z = off;
    while (z < end && init[z] === 0) z++;
    if (z - off >= 8 || z === end) { if (z > off) items.push(`z ${z - off}`); off = z; continue; }
    let e = off;
    while (e < end && e - off < 32) {
      let zz = e;
      while (zz < end && init[zz] === 0) zz++;
      if (zz - e >= 8) break;
      e = zz > e ? zz : e + 1;
    }
    e = Math.min(e, end, off + 32);
    items.push('x ' + Buffer.from(init.subarray(off, e)).toString('hex'));
    off = e;
  }
  return `${h} { ${items.join(', ')} }`;
}

/** Text of a constant (no type prefix). */
export function constText(f: Func, r: number): string {
  const c = ~r;
  switch (f.cKind[c]) {
    case CK.Int: return (f.cVal[c] as bigint).toString();
    case CK.Float: {
      const t = f.cType[c], bits = f.cVal[c] as bigint, fmt = floatFormat(t);
      const s = fToString(bits, fmt);
      try { if (roundToFormat(s, fmt) === bits) return s; } catch { /* fall through */ }
      return '#x' + bits.toString(16);
    }
    case CK.Sym: { const o = f.cOff[c]; return `$${f.cVal[c]}${o > 0 ? '+' + o : o < 0 ? o : ''}`; }
    case CK.BlockAddr: return `&@${f.blockName(f.cOff[c])}`;
    default: return 'undef';
  }
}

class Namer {
  names: string[] = [];
  constructor(readonly f: Func) {
    const used = new Set<string>();
    const pick = (base: string): string => { let n = base, k = 1; while (used.has(n)) n = `${base}.${k++}`; used.add(n); return n; };
    for (const b of f.layout) for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      if (OPS[f.op[i]].flags & F.Val || (f.op[i] === Op.Call || f.op[i] === Op.Asm) && f.ty[i] !== T.Void) this.names[i] = '%' + pick(f.names[i] ?? `${i}`);
    }
    this.blocks = [];
    const bused = new Set<string>();
    for (const b of f.layout) {
      let n = f.blockNames[b] ?? `${b}`, k = 1;
      const base = n;
      while (bused.has(n)) n = `${base}.${k++}`;
      bused.add(n);
      this.blocks[b] = '@' + n;
    }
  }
  blocks: string[];
  /** Operand text; the constant gets its type written unless it equals `expect`. */
  v(r: number, expect: number): string {
    if (r >= 0) return this.names[r] ?? `%?${r}`;
    const t = this.f.cType[~r];
    let s = constText(this.f, r);
    if (this.f.cKind[~r] === CK.BlockAddr) s = `&${this.blocks[this.f.cOff[~r]] ?? '@?'}`;
    return t === expect ? s : `${TYPE_NAMES[t]} ${s}`;
  }
  b(b: number): string { return this.blocks[b] ?? `@?${b}`; }
}

function memAttrs(f: Func, i: number): string {
  const op = f.op[i], aux = f.aux[i];
  let s = '';
  if (op !== Op.Fence) s += ` align ${memAlign(aux)}`;
  if (memVolatile(aux)) s += ' volatile';
  if (memOrder(aux)) s += ' ' + ORDER_NAMES[memOrder(aux)];
  if (memFailOrder(aux)) s += ' ' + ORDER_NAMES[memFailOrder(aux)];
  if (memWeak(aux)) s += ' weak';
  return s;
}

function sigParamsText(f: Func, sigIdx: number, vals: string[]): string {
  const m = f.module, sig = m.sigs[sigIdx];
  let s = '';
  for (let k = 0; k < sig.params.length; k++) {
    if (k === sig.nfixed) s += s ? ', ... ' : '... ';
    else if (k) s += ', ';
    s += `${abiText(m, sig.params[k])} ${vals[k]}`;
  }
  if (sig.nfixed === sig.params.length) s += s ? ', ...' : '...';
  return s;
}

function sigFlags(f: Func, sigIdx: number): string {
  const s = f.module.sigs[sigIdx];
  return (s.flags & 1 ? ' returns_twice' : '') + (s.flags & 2 ? ' noreturn' : '') + (s.flags & 4 ? ' static_chain' : '');
}

/** The text of one instruction (without indentation). */
export function instrText(f: Func, i: number, N: Namer = new Namer(f)): string {
  const op = f.op[i], info = OPS[op], ty = f.ty[i], a = f.argList(i), m = f.module;
  const lhs = ty !== T.Void && info.res !== 'M' && info.res !== '-' ? `${N.names[i]} =${TYPE_NAMES[ty]} ` : '';
  const P = T.Ptr;
  switch (op) {
    case Op.Ret: {
      if (!a.length) return 'ret';
      const sig = m.sigs[f.sig], r = m.abiTypes[sig.ret];
      return `ret ${N.v(a[0], r.kind === 'scalar' ? r.ty : P)}`;
    }
    case Op.Jmp: return `jmp ${N.b(a[0])}`;
    case Op.Br: return `br ${N.v(a[0], -1)}, ${N.b(a[1])}, ${N.b(a[2])}`;
    case Op.Switch: {
      const vt = f.typeOf(a[0]);
      let s = `switch ${N.v(a[0], -1)}, ${N.b(a[1])}`;
      for (let k = 2; k < a.length; k += 3) s += `, ${N.v(a[k], vt)}${a[k + 1] !== a[k] ? '..' + N.v(a[k + 1], vt) : ''}: ${N.b(a[k + 2])}`;
      return s;
    }
    case Op.IndirectBr: return `indirectbr ${N.v(a[0], P)}, [${a.slice(1).map((b) => N.b(b)).join(', ')}]`;
    case Op.Phi: {
      const parts: string[] = [];
      for (let k = 0; k < a.length; k += 2) parts.push(`${N.b(a[k])} ${N.v(a[k + 1], ty)}`);
      return `${lhs}phi ${parts.join(', ')}`;
    }
    case Op.Bitcast: case Op.IsConst: return `${lhs}${info.name} ${N.v(a[0], -1)}`;
    case Op.Param: return `${lhs}param ${f.aux[i]}`;
    case Op.Alloca: case Op.DAlloca: return `${lhs}${info.name} ${N.v(a[0], P)} align ${f.aux[i]}`;
    case Op.ARmw: return `${lhs}armw.${RMW_NAMES[memRmw(f.aux[i])]} ${N.v(a[0], P)}, ${N.v(a[1], ty)}${memAttrs(f, i)}`;
    case Op.Call: {
      const sig = m.sigs[f.aux[i]], rt = m.abiTypes[sig.ret], sret = rt.kind === 'struct' ? 1 : 0;
      const vals = a.slice(1 + sret).map((v, k) => {
        const at = m.abiTypes[sig.params[k]];
        return N.v(v, at && at.kind === 'scalar' ? at.ty : P);
      });
      let params = sigParamsText(f, f.aux[i], vals);
      if (sret) params = `sret ${abiName(m, sig.ret)} ${N.v(a[1], P)}` + (params ? ', ' + params : '');
      const ext = rt.kind === 'scalar' && rt.ext ? (rt.ext === 1 ? ' ret_sext' : ' ret_zext') : '';
      return `${lhs}call ${N.v(a[0], P)}(${params})${sigFlags(f, f.aux[i])}${ext}`;
    }
    case Op.Asm: {
      const info2 = f.asms[f.aux[i]];
      const ops = a.map((v) => `${TYPE_NAMES[f.typeOf(v)]} ${N.v(v, f.typeOf(v))}`).join(', ');
      return `${lhs}asm ${quote(Buffer.from(info2.template, 'utf8'))} ${quote(Buffer.from(info2.constraints, 'utf8'))} (${ops})${info2.sideEffects ? ' sideeffect' : ''}`;
    }
    case Op.VaArg: {
      const at = m.abiTypes[f.aux[i]];
      return `${lhs}vaarg ${at.kind === 'struct' ? abiName(m, f.aux[i]) + ' ' : ''}${N.v(a[0], P)}`;
    }
    case Op.FrameAddr: case Op.RetAddr: return `${lhs}${info.name} ${f.aux[i]}`;
  }
  // generic: operands by class
  let xt = -1, yt = -1;
  for (let k = 0; k < info.args.length; k++) {
    if (a[k] >= 0 && info.args[k] === 'x') xt = f.ty[a[k]];
    if (a[k] >= 0 && info.args[k] === 'y') yt = f.ty[a[k]];
  }
  const parts: string[] = [];
  for (let k = 0; k < info.args.length; k++) {
    const c = info.args[k];
    const expect = c === 'r' || c === 'm' ? ty : c === 'p' ? P : c === 'x' ? xt : c === 'y' ? yt : -1;
    parts.push(c === 'b' ? N.b(a[k]) : N.v(a[k], expect));
  }
  let s = lhs + info.name;
  if (info.res === 'M') s += ' ' + TYPE_NAMES[ty];
  if (parts.length) s += ' ' + parts.join(', ');
  if (info.flags & F.Mem) s += memAttrs(f, i);
  void isComparison;
  return s;
}

export function printFunc(f: Func): string {
  const m = f.module, sig = m.sigs[f.sig], N = new Namer(f);
  const params: string[] = [];
  const entry = f.layout.length ? f.entry : -1;
  const pv: string[] = [];
  if (entry >= 0) for (let i = f.first[entry]; i >= 0 && f.op[i] === Op.Param; i = f.next[i]) pv[f.aux[i]] = N.names[i];
  for (let k = 0; k < sig.params.length; k++) params.push(pv[k] ?? `%_${k}`);
  let h = 'func';
  if (f.linkage !== 'global') h += ' ' + f.linkage;
  if (f.visibility) h += ' ' + f.visibility;
  h += ` $${f.name}(${sigParamsText(f, f.sig, params)})`;
  if (sig.ret !== m.abiVoid) h += ` -> ${abiText(m, sig.ret)}`;
  h += sigFlags(f, f.sig);
  if (f.noinline) h += ' noinline';
  if (f.section) h += ` section ${quote(Buffer.from(f.section, 'latin1'))}`;
  const lines = [h + ' {'];
  for (const b of f.layout) {
    lines.push(N.b(b) + ':');
    for (let i = f.first[b]; i >= 0; i = f.next[i]) if (f.op[i] !== Op.Param) lines.push('  ' + instrText(f, i, N));
  }
  lines.push('}');
  return lines.join('\n');
}
