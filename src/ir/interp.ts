// The IR interpreter: runs a module's functions on a simulated flat memory. It is the oracle of the
// optimiser's tests: every pass must leave a program's output and exit status unchanged.
//
// Memory is one byte array (little-endian, like every cc-ts target): page 0 is never mapped, data
// objects follow, the heap grows up after them and the stack grows down from the top. Functions and
// block addresses get addresses outside memory, so calls through pointers and computed gotos work.
// Values are bigints: integers normalised to their type, floats as bit patterns (see eval.ts).
// A few externals exist: putchar, puts, printf (d i u x X c s p f % with l/ll/z, width, 0 and -
// flags, precision), malloc, calloc, free, memcpy, memset, memcmp, strlen, abort, exit.

import { CK, Func, Module } from './module';
import { Op, OPS, F, memRmw, Rmw } from './ops';
import { T, bytesOf, bitsOf, isFloat } from './types';
import { evalBinary, evalUnary } from './eval';
import { fToNumber } from '../numeric/index';

export class InterpTrap extends Error {}
class Exit { constructor(readonly code: number) {} }

export interface RunResult { exit: number; out: string; trap?: string; steps: number }

const FN_BASE = 0x7000_0000, BLK_BASE = 0x6000_0000;
const asI = BigInt.asIntN, asU = BigInt.asUintN;

interface VaList { vals: bigint[]; pos: number }

export class Interp {
  mem: Uint8Array;
  dv: DataView;
  symAddr = new Map<string, number>();
  funcs: Func[] = [];
  heap = 0;
  sp: number;
  out: number[] = [];
  steps = 0;
  vaLists: VaList[] = [];
  readonly ps: number;

  constructor(readonly m: Module, readonly opts: { memSize?: number; maxSteps?: number } = {}) {
    const size = opts.memSize ?? 1 << 22;
    this.mem = new Uint8Array(size);
    this.dv = new DataView(this.mem.buffer);
    this.sp = size;
    this.ps = m.ptrSize;
    let at = 4096;
    for (const d of m.data) {
      at = (at + d.align - 1) & -Math.max(d.align, 1);
      this.symAddr.set(d.name, at);
      at += Math.max(d.size, 1);
    }
    m.funcs.forEach((f, k) => { this.symAddr.set(f.name, FN_BASE + k * 16); this.funcs.push(f); });
    for (const a of m.aliases) { const t = this.symAddr.get(a.target); if (t !== undefined) this.symAddr.set(a.name, t); }
    for (const d of m.data) {
      const base = this.symAddr.get(d.name)!;
      if (d.init) this.mem.set(d.init, base);
      for (const r of d.relocs) {
        let v: number;
        if (r.block !== undefined) {
          const fi = m.funcs.findIndex((f) => f.name === r.sym);
          const f = m.funcs[fi];
          const b = f ? f.blockNames.indexOf(r.block) : -1;
          if (b < 0) throw new InterpTrap(`relocation to unknown label ${r.sym}@${r.block}`);
          v = BLK_BASE + (fi << 16) + b;
          if (r.minusBlock !== undefined) v = b - f.blockNames.indexOf(r.minusBlock) + r.addend; // block numbers stand for addresses
        } else v = this.addrOf(r.sym) + r.addend;
        this.writeInt(base + r.off, r.size, BigInt(v));
      }
    }
    this.heap = (at + 15) & -16;
  }

  addrOf(sym: string): number {
    const a = this.symAddr.get(sym);
    if (a === undefined) {
      const k = EXTERNALS.indexOf(sym);
      if (k >= 0) return FN_BASE - 16 * (k + 1);
      throw new InterpTrap(`undefined symbol ${sym}`);
    }
    return a;
  }

  // ---- memory
  check(addr: number, n: number): void {
    if (addr < 4096 || addr + n > this.mem.length || !Number.isInteger(addr)) throw new InterpTrap(`bad memory access at 0x${addr.toString(16)} (${n} bytes)`);
  }
  readBits(addr: number, n: number): bigint {
    this.check(addr, n);
    if (n === 1) return BigInt(this.mem[addr]);
    if (n === 2) return BigInt(this.dv.getUint16(addr, true));
    if (n === 4) return BigInt(this.dv.getUint32(addr, true));
    if (n === 8) return this.dv.getBigUint64(addr, true);
    let v = 0n;
    for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(this.mem[addr + k]);
    return v;
  }
  writeInt(addr: number, n: number, v: bigint): void {
    this.check(addr, n);
    v = asU(n * 8, v);
    if (n === 1) this.mem[addr] = Number(v);
    else if (n === 2) this.dv.setUint16(addr, Number(v), true);
    else if (n === 4) this.dv.setUint32(addr, Number(v), true);
    else if (n === 8) this.dv.setBigUint64(addr, v, true);
    else for (let k = 0; k < n; k++) { this.mem[addr + k] = Number(v & 255n); v >>= 8n; }
  }
  load(ty: number, addr: number): bigint {
    const n = bytesOf(ty, this.ps);
    const v = this.readBits(addr, n);
    return isFloat(ty) ? v : asI(n * 8, v);
  }
  store(ty: number, addr: number, v: bigint): void { this.writeInt(addr, bytesOf(ty, this.ps), v); }
  alloc(n: number, align: number): number {
    this.sp = (this.sp - n) & -Math.max(align, 16);
    if (this.sp < this.heap + 4096) throw new InterpTrap('stack overflow');
    return this.sp;
  }
  cstr(addr: number): number[] {
    const out: number[] = [];
    for (let a = addr; ; a++) { this.check(a, 1); if (!this.mem[a]) break; out.push(this.mem[a]); }
    return out;
  }

  // ---- running
  /** Runs `main` (or `name`) with integer arguments; captures output, exit status and traps. */
  static run(m: Module, name = 'main', args: bigint[] = [], opts: { memSize?: number; maxSteps?: number } = {}): RunResult {
    const it = new Interp(m, opts);
    let exit = 0, trap: string | undefined;
    try {
      const f = m.findFunc(name);
      if (!f) throw new InterpTrap(`no function ${name}`);
      const r = it.call(f, args, []);
      exit = r === undefined ? 0 : Number(asI(32, r));
    } catch (e) {
      if (e instanceof Exit) exit = e.code;
      else if (e instanceof InterpTrap) trap = e.message;
      else throw e;
    }
    return { exit, out: Buffer.from(it.out).toString('latin1'), trap, steps: it.steps };
  }

  /** Calls f; `args` are the values of its parameters (struct params: addresses of the originals). */
  call(f: Func, args: bigint[], extra: bigint[], sretDst = -1): bigint | undefined {
    const m = this.m, sig = m.sigs[f.sig];
    const maxSteps = this.opts.maxSteps ?? 5_000_000;
    const savedSp = this.sp;
    const regs: bigint[] = new Array(f.nInstr);
    const va: bigint[] = extra;
    // struct parameters are copied into the callee's frame (by-value semantics)
    const pvals = args.slice();
    for (let k = 0; k < sig.params.length && k < pvals.length; k++) {
      const at = m.abiTypes[sig.params[k]];
      if (at.kind === 'struct') {
        const p = this.alloc(at.size, at.align);
        this.copy(p, Number(pvals[k]), at.size);
        pvals[k] = BigInt(p);
      }
    }
    let b = f.entry, pred = -1;
    const A = f.args;
    const val = (r: number): bigint => r >= 0 ? regs[r] : this.constVal(f, r);
    try {
      for (;;) {
        // phis read their inputs in parallel on entry
        let i = f.first[b];
        if (i >= 0 && f.op[i] === Op.Phi) {
          const tmp: [number, bigint][] = [];
          for (; i >= 0 && f.op[i] === Op.Phi; i = f.next[i]) {
            const s = f.argStart[i], n = f.argCount[i];
            let k = 0;
            while (k < n && A[s + k] !== pred) k += 2;
            if (k >= n) throw new InterpTrap(`phi %${f.names[i] ?? i} has no entry for its predecessor`);
            tmp.push([i, val(A[s + k + 1])]);
          }
          for (const [d, v] of tmp) regs[d] = v;
        }
        let nextB = -1;
        for (; i >= 0; i = f.next[i]) {
          if (++this.steps > maxSteps) throw new InterpTrap('step limit reached');
          const op = f.op[i], ty = f.ty[i], s = f.argStart[i];
          const info = OPS[op];
          if (info.flags & F.Pure && op !== Op.Select && op !== Op.TlsAddr && op !== Op.IsConst) {
            const a = val(A[s]);
            let r: bigint | undefined;
            if (info.args.length === 2) r = evalBinary(op, f.typeOf(A[s]), a, val(A[s + 1]), this.ps);
            else r = evalUnary(op, ty, f.typeOf(A[s]), a, this.ps);
            if (r === undefined) throw new InterpTrap(`${info.name} has no defined result (division by zero or overflow)`);
            regs[i] = r;
            continue;
          }
          switch (op) {
            case Op.Select: regs[i] = val(A[s]) !== 0n ? val(A[s + 1]) : val(A[s + 2]); break;
            case Op.TlsAddr: regs[i] = val(A[s]); break;
            case Op.Param: regs[i] = f.aux[i] < pvals.length ? pvals[f.aux[i]] : 0n; break;
            case Op.Load: case Op.ALoad: regs[i] = this.load(ty, Number(val(A[s]))); break;
            case Op.Store: case Op.AStore: this.store(ty, Number(val(A[s + 1])), val(A[s])); break;
            case Op.Alloca: regs[i] = BigInt(this.alloc(Number(val(A[s])), f.aux[i])); break;
            case Op.DAlloca: regs[i] = BigInt(this.alloc(Number(asU(this.ps * 8, val(A[s]))), f.aux[i])); break;
            case Op.Memcpy: this.copy(Number(val(A[s])), Number(val(A[s + 1])), Number(asU(this.ps * 8, val(A[s + 2])))); break;
            case Op.Memset: { const d = Number(val(A[s])), n = Number(asU(this.ps * 8, val(A[s + 2]))); this.check(d, n); this.mem.fill(Number(asU(8, val(A[s + 1]))), d, d + n); break; }
            case Op.ARmw: {
              const p = Number(val(A[s])), old = this.load(ty, p), v = val(A[s + 1]), n = bitsOf(ty, this.ps);
              let nv: bigint;
              switch (memRmw(f.aux[i])) {
                case Rmw.Xchg: nv = v; break;
                case Rmw.Add: nv = old + v; break;
                case Rmw.Sub: nv = old - v; break;
                case Rmw.And: nv = old & v; break;
                case Rmw.Or: nv = old | v; break;
                case Rmw.Xor: nv = old ^ v; break;
                case Rmw.Nand: nv = ~(old & v); break;
                case Rmw.SMax: nv = old > v ? old : v; break;
                case Rmw.SMin: nv = old < v ? old : v; break;
                case Rmw.UMax: nv = asU(n, old) > asU(n, v) ? old : v; break;
                default: nv = asU(n, old) < asU(n, v) ? old : v; break;
              }
              this.store(ty, p, nv);
              regs[i] = old;
              break;
            }
            case Op.CmpXchg: {
              const p = Number(val(A[s])), old = this.load(ty, p);
              if (old === asI(bitsOf(ty, this.ps), val(A[s + 1]))) this.store(ty, p, val(A[s + 2]));
              regs[i] = old;
              break;
            }
            case Op.Fence: break;
            case Op.Call: {
              const r = this.doCall(f, i, val);
              if (ty !== T.Void) regs[i] = r ?? 0n;
              break;
            }
            case Op.Asm: throw new InterpTrap('inline asm cannot be interpreted');
            case Op.VaStart: {
              const h = this.vaLists.push({ vals: va, pos: 0 }) - 1;
              this.writeInt(Number(val(A[s])), this.ps, BigInt(h));
              break;
            }
            case Op.VaArg: {
              const h = Number(this.readBits(Number(val(A[s])), this.ps));
              const l = this.vaLists[h];
              if (!l || l.pos >= l.vals.length) throw new InterpTrap('va_arg past the last argument');
              regs[i] = l.vals[l.pos++];
              break;
            }
            case Op.VaEnd: break;
            case Op.VaCopy: {
              const src = this.vaLists[Number(this.readBits(Number(val(A[s + 1])), this.ps))];
              const h = this.vaLists.push({ vals: src.vals, pos: src.pos }) - 1;
              this.writeInt(Number(val(A[s])), this.ps, BigInt(h));
              break;
            }
            case Op.StackSave: regs[i] = BigInt(this.sp); break;
            case Op.IsConst: regs[i] = A[s] < 0 ? 1n : 0n; break;
            case Op.StackRestore: this.sp = Number(val(A[s])); break;
            case Op.FrameAddr: case Op.RetAddr: regs[i] = BigInt(this.sp); break;
            // terminators
            case Op.Ret: {
              if (!f.argCount[i]) return undefined;
              const v = val(A[s]);
              const rt = m.abiTypes[sig.ret];
              if (rt.kind === 'struct') { this.copy(sretDst, Number(v), rt.size); return undefined; }
              return v;
            }
            case Op.Jmp: nextB = A[s]; break;
            case Op.Br: nextB = val(A[s]) !== 0n ? A[s + 1] : A[s + 2]; break;
            case Op.Switch: {
              const t = f.typeOf(A[s]), n = bitsOf(t, this.ps), v = asI(n, val(A[s]));
              nextB = A[s + 1];
              for (let k = 2; k < f.argCount[i]; k += 3) {
                const lo = val(A[s + k]), hi = val(A[s + k + 1]);
                if (v >= lo && v <= hi) { nextB = A[s + k + 2]; break; }
              }
              break;
            }
            case Op.IndirectBr: {
              const a = Number(val(A[s])) - BLK_BASE - (this.funcs.indexOf(f) << 16);
              let ok = false;
              for (let k = 1; k < f.argCount[i]; k++) if (A[s + k] === a) ok = true;
              if (!ok) throw new InterpTrap('indirectbr to a block not in its target list');
              nextB = a;
              break;
            }
            case Op.Unreachable: throw new InterpTrap('reached unreachable');
            case Op.Trap: throw new InterpTrap('trap');
            default: throw new InterpTrap(`cannot interpret ${info.name}`);
          }
          if (nextB >= 0) break;
        }
        if (nextB < 0) throw new InterpTrap(`block @${f.blockName(b)} fell off its end`);
        pred = b;
        b = nextB;
      }
    } finally {
      this.sp = savedSp;
    }
  }

  copy(d: number, s: number, n: number): void {
    if (!n) return;
    this.check(d, n); this.check(s, n);
    this.mem.copyWithin(d, s, s + n);
  }

  constVal(f: Func, r: number): bigint {
    const c = ~r;
    switch (f.cKind[c]) {
      case CK.Int: case CK.Float: return f.cVal[c] as bigint;
      case CK.Sym: return BigInt(this.addrOf(f.cVal[c] as string) + f.cOff[c]);
      case CK.BlockAddr: return BigInt(BLK_BASE + (this.funcs.indexOf(f) << 16) + f.cOff[c]);
      default: return 0n;
    }
  }

  doCall(f: Func, i: number, val: (r: number) => bigint): bigint | undefined {
    const m = this.m, sig = m.sigs[f.aux[i]], A = f.args, s = f.argStart[i], n = f.argCount[i];
    const target = Number(val(A[s]));
    const rt = m.abiTypes[sig.ret];
    const sret = rt.kind === 'struct' ? 1 : 0;
    const dst = sret ? Number(val(A[s + 1])) : -1;
    const fixed: bigint[] = [], extra: bigint[] = [];
    for (let k = 1 + sret; k < n; k++) {
      const p = k - 1 - sret;
      let v = val(A[s + k]);
      const at = m.abiTypes[sig.params[p]];
      const isVar = sig.nfixed >= 0 && p >= sig.nfixed;
      if (isVar && at.kind === 'struct') {      // variadic structs are copied now (by value)
        const c = this.alloc(at.size, at.align);
        this.copy(c, Number(v), at.size);
        v = BigInt(c);
      }
      (isVar ? extra : fixed).push(v);
    }
    if (target >= FN_BASE) {
      const callee = this.funcs[(target - FN_BASE) / 16];
      if (!callee) throw new InterpTrap('call through a bad function pointer');
      const csig = m.sigs[callee.sig];
      if (csig.nfixed >= 0 && sig.nfixed < 0) extra.push(...fixed.splice(csig.nfixed));
      return this.call(callee, fixed, extra, dst);
    }
    const k = (FN_BASE - target) / 16 - 1;
    if (!Number.isInteger(k) || k < 0 || k >= EXTERNALS.length) throw new InterpTrap('call through a bad function pointer');
    return this.external(EXTERNALS[k], fixed, extra);
  }

  external(name: string, a: bigint[], extra: bigint[]): bigint | undefined {
    const num = (k: number) => Number(asU(this.ps * 8, a[k]));
    switch (name) {
      case 'putchar': this.out.push(Number(a[0] & 255n)); return a[0];
      case 'puts': this.out.push(...this.cstr(num(0)), 10); return 0n;
      case 'printf': { const s = this.printf(this.cstr(num(0)), extra); this.out.push(...s); return BigInt(s.length); }
      case 'malloc': case 'calloc': {
        const size = name === 'calloc' ? num(0) * num(1) : num(0);
        const p = this.heap;
        this.heap = (this.heap + size + 15) & -16;
        if (this.heap > this.sp - 4096) throw new InterpTrap('out of memory');
        this.mem.fill(0, p, p + size);
        return BigInt(p);
      }
      case 'free': return undefined;
      case 'memcpy': this.copy(num(0), num(1), num(2)); return a[0];
      case 'memset': { this.check(num(0), num(2)); this.mem.fill(Number(a[1] & 255n), num(0), num(0) + num(2)); return a[0]; }
      case 'memcmp': {
        for (let k = 0; k < num(2); k++) { const x = this.mem[num(0) + k], y = this.mem[num(1) + k]; if (x !== y) return x < y ? -1n : 1n; }
        return 0n;
      }
      case 'strlen': return BigInt(this.cstr(num(0)).length);
      case 'abort': this.out.push(...Buffer.from('abort\n')); throw new Exit(134);
      case 'exit': throw new Exit(Number(asI(32, a[0])));
    }
    throw new InterpTrap(`no external ${name}`);
  }

  printf(fmt: number[], args: bigint[]): number[] {
    const out: number[] = [];
    let ai = 0;
    const next = () => { if (ai >= args.length) throw new InterpTrap('printf: too few arguments'); return args[ai++]; };
    for (let k = 0; k < fmt.length; k++) {
      if (fmt[k] !== 37) { out.push(fmt[k]); continue; }
      let flags = '', width = '', prec = -1, len = '';
      k++;
      while ('-0+ #'.includes(String.fromCharCode(fmt[k]))) flags += String.fromCharCode(fmt[k++]);
      while (fmt[k] >= 48 && fmt[k] <= 57) width += String.fromCharCode(fmt[k++]);
      if (fmt[k] === 46) { k++; let p = ''; while (fmt[k] >= 48 && fmt[k] <= 57) p += String.fromCharCode(fmt[k++]); prec = Number(p || '0'); }
      while ('lhzjt'.includes(String.fromCharCode(fmt[k]))) len += String.fromCharCode(fmt[k++]);
      const conv = String.fromCharCode(fmt[k]);
      const bits = len === 'll' || len === 'j' || ((len === 'l' || len === 'z' || len === 't') && this.ps === 8) ? 64 : len === 'h' ? 16 : len === 'hh' ? 8 : 32;
      let s: string;
      switch (conv) {
        case 'd': case 'i': s = asI(bits, next()).toString(); break;
        case 'u': s = asU(bits, next()).toString(); break;
        case 'x': s = asU(bits, next()).toString(16); break;
        case 'X': s = asU(bits, next()).toString(16).toUpperCase(); break;
        case 'o': s = asU(bits, next()).toString(8); break;
        case 'c': s = String.fromCharCode(Number(next() & 255n)); break;
        case 's': s = Buffer.from(this.cstr(Number(asU(this.ps * 8, next())))).toString('latin1'); if (prec >= 0) s = s.slice(0, prec); break;
        case 'p': s = '0x' + asU(this.ps * 8, next()).toString(16); break;
        case 'f': { const x = fToNumber(next(), 'f64'); s = (x < 0 || Object.is(x, -0) ? '-' : '') + (Number.isFinite(x) ? Math.abs(x).toFixed(prec < 0 ? 6 : prec) : Number.isNaN(x) ? 'nan' : 'inf'); break; }
        case '%': s = '%'; break;
        default: throw new InterpTrap(`printf: unsupported conversion %${conv}`);
      }
      if (flags.includes('+') && /^[0-9]/.test(s) && 'dif'.includes(conv)) s = '+' + s;
      const w = Number(width || '0');
      if (s.length < w) {
        if (flags.includes('-')) s = s.padEnd(w);
        else if (flags.includes('0') && conv !== 's' && conv !== 'c') { const neg = s[0] === '-' || s[0] === '+' ? s[0] : ''; s = neg + s.slice(neg.length).padStart(w - neg.length, '0'); }
        else s = s.padStart(w);
      }
      for (let q = 0; q < s.length; q++) out.push(s.charCodeAt(q) & 255);
    }
    return out;
  }
}

const EXTERNALS = ['putchar', 'puts', 'printf', 'malloc', 'calloc', 'free', 'memcpy', 'memset', 'memcmp', 'strlen', 'abort', 'exit'];

/** Convenience: run `main` of a module. */
export function runModule(m: Module, opts: { memSize?: number; maxSteps?: number } = {}): RunResult {
  return Interp.run(m, 'main', [], opts);
}
