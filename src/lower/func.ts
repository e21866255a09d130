// Lowering of one C function to IR (see docs/AST.md for what the nodes mean, docs/IR.md for the target).
//
// Values: an expression of scalar type lowers to an IR value; an expression of aggregate type (struct,
// union, array, _Complex, vector) lowers to the ADDRESS of memory holding it (a variable, or a fresh
// temporary). _Complex values are two floats in memory; their arithmetic is done part by part.
// Locals live in `alloca` slots (mem2reg promotes them later); a VLA's storage is a `dalloca` whose
// address sits in a slot, and each VLA size expression is evaluated at its declaration into a slot.
// A GNU struct with VLA members is laid out where it is defined: its bounds, then its size and the
// offsets of the members after the first variable-size one, go into slots (evalRecord); its objects
// are allocated like VLAs, copied with their run-time size, and passed to calls by reference.
//
// Scopes: each block is a scope holding exit actions (cleanup-attribute calls and the stackrestore of a
// VLA's stacksave). Leaving a scope normally runs its actions; break/continue/return/goto run the
// actions of every scope they leave (goto: the scopes not shared with the label's, found by a pre-scan).

import type { Token } from '../lex/token';
import { AsmInfo, CK, InitItem, LabelInfo, Linkage, NK, Node, Obj, SC, StrLit } from '../parse/ast';
import { BUILTINS } from '../parse/builtins';
import { Member, Q, Record as RecordInfo, TY, Type, isUnsigned, isVM, isVarSize, isRealFloat, isInteger } from '../parse/types';
import { Builder } from '../ir/builder';
import { CK as IRConst, Func, SigFlag } from '../ir/module';

/** A C99 inline definition (gcc compiles none of it at -O0, so reports nothing about it). */
/** The callee's name of a call to a named function (where gcc reports the call), else the call's own token. */
function calleeTok(n: Node): Token {
  let f = n.lhs;
  while (f && f.kind === NK.Cast && f.lhs) f = f.lhs;
  return f && f.kind === NK.Var ? f.tok : n.tok;
}

function isInlineDefinition(o: Obj): boolean {
  return o.isInline && o.linkage === Linkage.External && o.storage !== SC.Extern;
}

/** Library functions that do not return, as gcc's builtins (-Wreturn-type's reachability). */
const NORETURN_LIB = new Set(['exit', '_exit', '_Exit', 'abort', 'longjmp', 'siglongjmp', 'quick_exit']);
import { Op, Order, Rmw } from '../ir/ops';
import { T, TYPE_NAMES, bitsOf, isFloat } from '../ir/types';
import * as num from '../numeric';
import { ModuleLower, RecBlock, RecCall, RecSummary, labelBlockName } from './lower';
import { intOfSize, isAggregate, floatRank } from './types';
import { frameLayout, nestedIn } from './chain';

type Action = { kind: 'cleanup'; fn: Obj; addr: number } | { kind: 'restore'; slot: number };
interface Scope { id: number; actions: Action[]; afterLabel?: boolean }
interface LV { addr: number; ty: Type; bf: Member | null; recSize: number; vol: boolean }

/** printf-like functions: which argument is the FILE*, which the format, and whether a va_list follows. */
/** (A Map, not an object literal: a C function may be called `constructor` or `toString`.) */
const PRINTF_LIKE = new Map<string, { file: number; fmt: number; va: boolean }>([
  ['printf', { file: -1, fmt: 0, va: false }], ['__printf_chk', { file: -1, fmt: 1, va: false }],
  ['fprintf', { file: 0, fmt: 1, va: false }], ['__fprintf_chk', { file: 0, fmt: 2, va: false }],
  ['vprintf', { file: -1, fmt: 0, va: true }], ['__vprintf_chk', { file: -1, fmt: 1, va: true }],
  ['vfprintf', { file: 0, fmt: 1, va: true }], ['__vfprintf_chk', { file: 0, fmt: 2, va: true }],
]);
const T_I32 = T.I32;

/** The bytes of a narrow string literal argument (through its array decay), or null. */
function strUnits(n: Node): number[] | null {
  while (n.kind === NK.Cast && (n.ck === CK.ArrayDecay || n.ck === CK.NoOp || (n.ck === CK.Convert && n.ty.kind === TY.Pointer && n.lhs!.ty.kind === TY.Pointer))) n = n.lhs!;
  return n.kind === NK.StrLit && n.str && n.str.elem.size === 1 && !n.str.units.includes(0) ? n.str.units : null;
}

const RETURNS_TWICE = new Set(['setjmp', '_setjmp', 'sigsetjmp', '__sigsetjmp', 'vfork', 'savectx', 'getcontext', '__builtin_setjmp']);

export class FnLower {
  b!: Builder;
  f!: Func;
  private slots = new Map<Obj, number>();
  private vlaSlots = new Map<Type, number>();
  /** Run-time layout of records with variable-size members: the slot of the size, and per member the
   *  slot of its offset (-1: the front end's constant offset). */
  private recLayouts = new Map<RecordInfo, { size: number; offs: Int32Array }>();
  private labels = new Map<LabelInfo, number>();
  private labelPaths = new Map<LabelInfo, number[]>();
  private scopeIds = new Map<Node, number>();
  private scopes: Scope[] = [];
  private breaks: { block: number; depth: number }[] = [];
  private conts: { block: number; depth: number }[] = [];
  private cases = new Map<Node, number>();
  private retTy: Type;
  private readonly T;
  private readonly sizeIR: number;

  constructor(readonly ml: ModuleLower, readonly fo: Obj, readonly name: string) {
    this.retTy = fo.ty.base!;
    this.T = ml.types;
    this.sizeIR = this.ir(this.T.sizeT);
    this.ownLocals = new Set<Obj>([...(fo.locals ?? []), ...(fo.params ?? [])]);
    this.chained = ml.chains.needs.has(fo);
  }
  /** This function takes a static chain (chain.ts); its value, and this function's frame block. */
  private readonly chained: boolean;
  private chainParam = -1;
  private frameBlock = -1;
  /** -Wframe-address: the calls with a nonzero level, reported when lowering ends if their block is reachable. */
  private frameAddrCalls: { block: number; ins: number; at: Token; name: string }[] | null = null;
  /** -Winfinite-recursion: the direct calls of this function (instruction -> the callee's name). */
  private selfCalls: Map<number, Token> | null = null;

  // ------------------------------------------------------------------ helpers
  ir(t: Type): number { return this.ml.tm.ir(t); }
  private get m() { return this.ml.m; }
  private err(n: Node | null, msg: string): never { this.ml.error(n, msg); throw new Error(msg); }
  private iconst(ty: number, v: number | bigint): number { return this.b.int(ty, v); }
  private pconst(v: number): number { return this.b.int(T.Ptr, v); }
  private undef(): number { return this.b.undef(T.I32); }
  private addOff(p: number, off: number): number { return off === 0 ? p : this.b.binary(Op.Add, T.Ptr, p, this.pconst(off)); }
  private temp(t: Type): number {
    if (isVarSize(t)) return this.b.dalloca(this.byteSize(t), Math.max(t.align, 16));
    return this.b.alloca(Math.max(t.size, 1), Math.max(t.align, 1));
  }
  /** Size of a type in bytes as a ptr value (for memcpy and dalloca). */
  private byteSize(t: Type): number { return isVarSize(t) ? this.intResize(this.sizeOf(t), this.sizeIR, T.Ptr, false) : this.pconst(t.size); }
  private fmt(t: number): 'f32' | 'f64' | 'x87' | 'f128' { return t === T.F32 ? 'f32' : t === T.F64 ? 'f64' : t === T.F80 ? 'x87' : 'f128'; }
  private fconstNum(t: number, v: bigint): number { return this.b.float(t, num.fFromInt(v, this.fmt(t))); }
  /** Zero of IR type t; arithmetic that works for float and integer components (_Complex int). */
  private zero(t: number): number { return isFloat(t) ? this.b.float(t, 0n) : this.iconst(t, 0); }
  private one(t: number): number { return isFloat(t) ? this.fconstNum(t, 1n) : this.iconst(t, 1); }
  private op2(iop: number, fop: number, t: number, x: number, y: number): number { return this.b.binary(isFloat(t) ? fop : iop, t, x, y); }
  private isVol(t: Type): boolean { return (t.qual & Q.Volatile) !== 0; }
  private align(t: Type): number { return Math.max(1, Math.min(t.align || 1, 16)); }

  // ------------------------------------------------------------------ function
  run(): Func {
    const fo = this.fo, fty = fo.ty, m = this.m, tm = this.ml.tm;
    this.ml.opts.onFunction?.(fo);
    const ptys = fo.params!.map((p, k) => fty.oldStyle ? promoted(this.T, fty.params?.[k] ?? p.ty) : p.ty);
    const pabis = ptys.map((t) => tm.abi(m, t));
    const flags = (fo.attrs?.noreturn || fty.noreturn ? SigFlag.NoReturn : 0) | (this.chained ? SigFlag.StaticChain : 0);
    if (this.chained) pabis.unshift(m.abiScalar(T.Ptr));
    const sig = m.sig(tm.abi(m, this.retTy), pabis, fty.variadic ? pabis.length : -1, flags);
    const irts = pabis.map((a) => m.abiTypes[a].kind === 'scalar' ? m.abiTypes[a].ty : T.Ptr);
    const { b, params } = Builder.func(m, this.name, sig, irts);
    this.b = b; this.f = b.fn;
    if (this.ml.opts.debug) {
      this.f.loc = new Int32Array(64);
      this.f.declLoc = this.f.curLoc = this.locOf(fo.tok);
    }
    if (this.chained) this.chainParam = params.shift()!;
    fo.params!.forEach((p, k) => {
      if (isAggregate(p.ty)) { this.slots.set(p, params[k]); return; }
      const s = this.b.alloca(Math.max(p.ty.size, 1), this.align(p.ty));
      this.slots.set(p, s);
      const v = fty.oldStyle ? this.convert(params[k], ptys[k], p.ty) : params[k];
      this.b.store(this.ir(p.ty), v, s, this.align(p.ty));
    });
    if (this.ml.chains.hasFrame.has(fo)) this.makeFrameBlock();
    for (const p of fo.params!) {
      const size = (p as unknown as { paramVla?: Node }).paramVla; // `int a[n++]`: evaluated on entry
      if (size) this.rvDiscard(size);
      if (isVM(p.ty)) this.evalVM(p.ty);
      // a struct with VLA members defined in the parameter list: laid out on entry
      let t: Type | null = p.ty;
      while (t && (t.kind === TY.Pointer || t.kind === TY.Array)) t = t.base;
      if (t && t.rec && t.rec.vm && (t.kind === TY.Struct || t.kind === TY.Union) && !this.recLayouts.has(t.rec)) this.evalRecord(t.rec);
    }
    // scope paths matter only to gotos, and a goto needs a label of this function
    if (fo.labels?.length) this.prescan(fo.body!, []);
    this.stmt(fo.body!);
    if (this.frameAddrCalls) this.warnFrameAddress(this.frameAddrCalls);
    if (!b.terminated()) {
      if (this.retTy.kind !== TY.Void && this.ml.opts.warnReturnType && fo.name !== 'main' && !fo.returnsNothing && (fo.used || !fo.isInline) && !isInlineDefinition(fo) && this.endReachable()) this.ml.opts.warnReturnType(fo);
      this.fallOff();
    }
    if (this.ml.opts.warnInfiniteRecursion) this.ml.recursion.push(this.recursionSummary(this.selfCalls));
    // a label whose address is taken keeps its block even when only static data names it (`&&a - &&b`
    // in an initialiser): the optimiser does not merge blocks that a block-address constant names
    if (fo.labels) for (const l of fo.labels) if (l.addrTaken && l.defined && !this.isForeignLabel(l)) b.blockAddr(this.labelBlock(l));
    this.f.curLoc = 0; // instructions made by later passes have no position of their own
    return this.f;
  }

  /** -g: the source position id of a token (a macro expansion's: where the macro was invoked). */
  private locOf(t: Token | null): number {
    if (!t) return this.f.curLoc;
    while (t.origin) t = t.origin;
    const p = t.file.presumed(t.pos);
    return this.m.locId(p.name, p.line, p.col);
  }

  /** -g: the instructions made from now on belong to node n. */
  private at(n: Node | null | undefined): void {
    if (this.f.loc && n) this.f.curLoc = this.locOf(n.tok);
  }

  // ------------------------------------------------------------------ static chains (chain.ts)
  /** The frame block: [own chain, &captured local 1, ...], filled at entry. */
  private makeFrameBlock(): void {
    const b = this.b, ps = this.ml.ptrSize, ch = this.ml.chains, caps = ch.captured.get(this.fo) ?? [];
    const L = frameLayout(ch, this.fo, ps);
    this.frameBlock = b.alloca(L.size, L.align);
    if (this.chained) b.store(T.Ptr, this.chainParam, this.frameBlock, ps);
    caps.forEach((o, k) => {
      let a = this.slots.get(o);
      if (a === undefined && isVarSize(o.ty)) { a = b.alloca(ps, ps); this.slots.set(o, a); this.vlaObjs.add(o); }
      if (a === undefined) a = this.slotOf(o);
      b.store(T.Ptr, a, this.addOff(this.frameBlock, L.capOff + ps * k), ps);
    });
    (ch.labelAddrs.get(this.fo) ?? []).forEach((l, k) => b.store(T.Ptr, b.blockAddr(this.labelBlock(l)), this.addOff(this.frameBlock, L.addrOff + ps * k), ps));
    const gotos = ch.nlGotos.get(this.fo);
    if (!gotos) return;
    // non-local gotos land here: _setjmp returns again, then dispatch on the label number
    const ft = this.T.funcType(this.T.int, [this.T.pointerTo(this.T.void)], false, false);
    const fake = new Obj('_setjmp', ft, null);
    fake.isFunc = true;
    this.ml.usedExterns.set('_setjmp', fake);
    const r = this.emitCall(b.sym('_setjmp'), ft, [this.addOff(this.frameBlock, L.jbOff)], [ft.params![0]], true, false);
    const disp = b.newBlock(), cont = b.newBlock();
    b.br(b.binary(Op.Ne, T.I32, r, this.iconst(T.I32, 0)), disp, cont);
    b.setBlock(disp);
    const w = b.load(T.I32, this.addOff(this.frameBlock, L.whichOff), 4);
    b.switch(w, gotos.length === 1 ? this.labelBlock(gotos[0]) : this.labelBlock(gotos[0]), gotos.map((l, k) => [this.iconst(T.I32, k), this.iconst(T.I32, k), this.labelBlock(l)] as [number, number, number]));
    b.setBlock(cont);
  }
  /** goto to label l of enclosing function p: store its number, longjmp to p's _setjmp. */
  private nonLocalGoto(l: LabelInfo): void {
    const ch = this.ml.chains, p = ch.labelOwner.get(l)!, ps = this.ml.ptrSize;
    const L = frameLayout(ch, p, ps), fb = this.frameOf(p);
    this.b.store(T.I32, this.iconst(T.I32, ch.nlGotos.get(p)!.indexOf(l)), this.addOff(fb, L.whichOff), 4);
    const ft = this.T.funcType(this.T.void, [this.T.pointerTo(this.T.void), this.T.int], false, false);
    const fake = new Obj('longjmp', ft, null);
    fake.isFunc = true;
    this.ml.usedExterns.set('longjmp', fake);
    this.emitCall(this.b.sym('longjmp'), ft, [this.addOff(fb, L.jbOff), this.iconst(T.I32, 1)], ft.params!, false, true);
    this.b.unreachable();
  }
  /** &&l of a label of an enclosing function: read from its frame block. */
  private foreignLabelAddr(l: LabelInfo): number {
    const ch = this.ml.chains, p = ch.labelOwner.get(l)!, ps = this.ml.ptrSize;
    const L = frameLayout(ch, p, ps);
    return this.b.load(T.Ptr, this.addOff(this.frameOf(p), L.addrOff + ps * ch.labelAddrs.get(p)!.indexOf(l)), ps);
  }
  private isForeignLabel(l: LabelInfo): boolean { return !this.fo.labels?.includes(l) && this.chained && this.ml.chains.labelOwner.has(l); }
  /** Address of the frame block of enclosing function p (or of this one). */
  private frameOf(p: Obj): number {
    if (p === this.fo) return this.frameBlock;
    let fb = this.chainParam;
    for (let g = nestedIn(this.fo); g && g !== p; g = nestedIn(g)) fb = this.b.load(T.Ptr, fb, this.ml.ptrSize);
    return fb;
  }
  /** Address of a local of an enclosing function, through the static chain. */
  private chainAddr(o: Obj): number {
    const p = this.ml.chains.owner.get(o)!, ps = this.ml.ptrSize;
    const k = this.ml.chains.captured.get(p)!.indexOf(o);
    const a = this.b.load(T.Ptr, this.addOff(this.frameOf(p), frameLayout(this.ml.chains, p, ps).capOff + ps * k), ps);
    return isVarSize(o.ty) ? this.b.load(T.Ptr, a, ps) : a;
  }
  /** The static chain argument for a call of fn, or -1 when it takes none. */
  private chainFor(fn: Obj | null): number {
    return fn && this.ml.chains.needs.has(fn) ? this.frameOf(nestedIn(fn)!) : -1;
  }
  /** The address of a nested function that takes a static chain: a trampoline on the stack
   *  (x86-64: movabs $fn, %r11; movabs $chain, %r10; jmp *%r11). */
  private trampoline(fn: Obj): number {
    if (this.ml.target.arch !== 'x86_64') this.err(null, `address of nested function '${fn.name}' that uses its enclosing function's locals: trampolines are implemented for x86-64 only`);
    const b = this.b, t = b.alloca(24, 16);
    b.store(T.I16, this.iconst(T.I16, 0xbb49), t, 1);
    b.store(T.Ptr, b.sym(this.ml.noteRef(fn)), this.addOff(t, 2), 1);
    b.store(T.I16, this.iconst(T.I16, 0xba49), this.addOff(t, 10), 1);
    b.store(T.Ptr, this.frameOf(nestedIn(fn)!), this.addOff(t, 12), 1);
    b.store(T.I32, this.iconst(T.I32, 0x90e3ff49 | 0), this.addOff(t, 20), 1);
    this.m.execStack = true;
    return t;
  }

  /** -Winfinite-recursion: this function's control flow as far as calls go (ModuleLower.checkRecursion
   *  decides at the end of the unit, when the always_inline functions it may call are lowered too). */
  private recursionSummary(calls: Map<number, Token> | null): RecSummary {
    const f = this.f;
    const blocks: RecBlock[] = [];
    for (let blk = 0; blk < f.nBlocks; blk++) {
      const cs: RecCall[] = [];
      for (let i = f.first[blk]; i >= 0; i = f.next[i]) {
        if (f.op[i] !== Op.Call) continue;
        const callee = f.args[f.argStart[i]];
        const name = callee < 0 && f.cKind[~callee] === IRConst.Sym ? f.cVal[~callee] as string : null;
        cs.push({ callee: name, noreturn: this.isNoreturnCall(i), tok: calls?.get(i) ?? null });
      }
      const term = f.term(blk);
      blocks.push({ calls: cs, succs: f.succs(blk), ret: term >= 0 && f.op[term] === Op.Ret });
    }
    const fo = this.fo;
    const emitted = (fo.used || !fo.isInline) && !isInlineDefinition(fo) && !fo.attrs?.noreturn && !fo.ty.noreturn;
    return { fo, name: f.name, blocks, emitted };
  }

  /** -Wframe-address: the calls reachable from the entry, not after a noreturn call (gcc deletes the
   *  others before it expands the function, where it warns). */
  private warnFrameAddress(calls: { block: number; ins: number; at: Token; name: string }[]): void {
    const f = this.f;
    const seen = new Uint8Array(f.nBlocks);
    const work = [0];
    seen[0] = 1;
    while (work.length) {
      const blk = work.pop()!;
      if (this.noreturnIn(blk) < 0) for (const s of f.succs(blk)) if (!seen[s]) { seen[s] = 1; work.push(s); }
    }
    for (const c of calls) {
      if (!seen[c.block]) continue;
      let dead = false;
      for (let i = f.first[c.block]; i >= 0 && i !== c.ins; i = f.next[i]) if (this.isNoreturnCall(i)) { dead = true; break; }
      if (!dead) this.ml.opts.warnFrameAddress!(this.fo, c.at, c.name);
    }
  }

  /** Is instruction i a call that never returns (noreturn, or a library function gcc knows never returns,
   *  also when implicitly declared)? */
  private isNoreturnCall(i: number): boolean {
    const f = this.f;
    if (f.op[i] !== Op.Call) return false;
    if ((this.m.sigs[f.aux[i]].flags & SigFlag.NoReturn) !== 0) return true;
    const callee = f.args[f.argStart[i]];
    return callee < 0 && f.cKind[~callee] === IRConst.Sym && NORETURN_LIB.has(f.cVal[~callee] as string);
  }

  /** The first noreturn call of block blk, or -1. */
  private noreturnIn(blk: number): number {
    const f = this.f;
    for (let i = f.first[blk]; i >= 0; i = f.next[i]) if (this.isNoreturnCall(i)) return i;
    return -1;
  }

  /** -Wreturn-type: is the current (unterminated) block reachable from the entry, through blocks that
   *  call no noreturn function? (-O0's lowering already folded constant conditions, as gcc's CFG.) */
  private endReachable(): boolean {
    const f = this.f, end = this.b.block;
    const seen = new Uint8Array(f.nBlocks);
    const work = [0];
    seen[0] = 1;
    while (work.length) {
      const blk = work.pop()!;
      if (this.noreturnIn(blk) >= 0) continue;
      if (blk === end) return true;
      for (const s of f.succs(blk)) if (!seen[s]) { seen[s] = 1; work.push(s); }
    }
    return false;
  }

  private fallOff(): void {
    const rt = this.retTy;
    if (rt.kind === TY.Void) { this.b.ret(); return; }
    if (isAggregate(rt)) { const t = this.temp(rt); this.b.memset(t, this.iconst(T.I8, 0), this.pconst(rt.size), 1); this.b.ret(t); return; }
    if (this.fo.name === 'main') { this.b.ret(this.iconst(this.ir(rt), 0)); return; }
    const t = this.ir(rt);
    this.b.ret(isFloat(t) ? this.b.float(t, 0n) : this.iconst(t, 0));
  }

  /** Records each label's scope path (for goto cleanups) and numbers the scopes. */
  private prescan(n: Node | null, path: number[]): void {
    if (!n) return;
    if (n.kind === NK.Block || n.kind === NK.For) {
      const id = this.scopeIds.size + 1;
      this.scopeIds.set(n, id);
      path = [...path, id];
    }
    if (n.kind === NK.Label) this.labelPaths.set(n.label!, path);
    this.prescan(n.lhs, path); this.prescan(n.rhs, path); this.prescan(n.cond, path); this.prescan(n.then, path);
    this.prescan(n.els, path); this.prescan(n.init, path); this.prescan(n.inc, path); this.prescan(n.body, path);
    if (n.list && n.kind !== NK.Switch) for (const c of n.list) this.prescan(c, path);
  }

  // ------------------------------------------------------------------ scopes
  private pushScope(n: Node): void { this.scopes.push({ id: this.scopeIds.get(n) ?? -1, actions: [] }); }
  private popScope(): void {
    const s = this.scopes.pop()!;
    if (!this.b.terminated()) this.runActions(s);
  }
  private runActions(s: Scope): void {
    for (let k = s.actions.length - 1; k >= 0; k--) {
      const a = s.actions[k];
      if (a.kind === 'restore') this.b.stackRestore(this.b.load(T.Ptr, a.slot, this.ml.ptrSize));
      else this.callObj(a.fn, [a.addr], [this.T.pointerTo(this.T.void)]);
    }
  }
  /** Runs the exit actions of scopes deeper than `depth` (innermost first), without popping them. */
  private leaveTo(depth: number): void {
    for (let k = this.scopes.length - 1; k >= depth; k--) this.runActions(this.scopes[k]);
  }

  private toPtr(v: number): number { return this.intResize(v, this.f.typeOf(v), T.Ptr, false); }

  private labelBlock(l: LabelInfo): number {
    let blk = this.labels.get(l);
    if (blk === undefined) {
      if (!this.fo.labels?.includes(l)) this.err(null, `label '${l.name}' of an enclosing function used in a nested function (non-local goto) is not supported`);
 blk = this.b.newBlock(labelBlockName(l)); this.labels.set(l, blk); }
    return blk;
  }

  // ------------------------------------------------------------------ statements
  stmt(n: Node): void {
    const b = this.b;
    if (this.f.loc && n.kind !== NK.Block) this.at(n);
    switch (n.kind) {
      case NK.Block:
        this.pushScope(n);
        for (const s of n.list!) this.stmt(s);
        this.popScope();
        return;
      case NK.ExprStmt: if (!this.printfFold(n.lhs!)) this.rv(n.lhs!); return;
      case NK.Decl: if (n.obj) this.decl(n.obj); else this.evalRecord(n.ty.rec!); return;
      case NK.Null: return;
      case NK.If: {
        const t = b.newBlock(), e = b.newBlock(), end = n.els ? b.newBlock() : e;
        this.at(n.cond);
        this.branch(n.cond!, t, e);
        b.setBlock(t); this.stmt(n.then!); b.jmp(end);
        if (n.els) { b.setBlock(e); this.stmt(n.els); b.jmp(end); }
        b.setBlock(end);
        return;
      }
      case NK.While: {
        const c = b.newBlock(), body = b.newBlock(), end = b.newBlock();
        b.jmp(c); b.setBlock(c);
        this.at(n.cond);
        this.branch(n.cond!, body, end);
        b.setBlock(body);
        this.loopBody(n.body!, end, c);
        b.jmp(c); b.setBlock(end);
        return;
      }
      case NK.DoWhile: {
        const body = b.newBlock(), c = b.newBlock(), end = b.newBlock();
        b.jmp(body); b.setBlock(body);
        this.loopBody(n.body!, end, c);
        b.jmp(c); b.setBlock(c);
        this.at(n.cond);
        this.branch(n.cond!, body, end);
        b.setBlock(end);
        return;
      }
      case NK.For: {
        this.pushScope(n);
        if (n.init) {
          if (n.init.kind === NK.Block) for (const s of n.init.list!) this.stmt(s);
          else this.stmt(n.init);
        }
        const c = b.newBlock(), body = b.newBlock(), inc = b.newBlock(), end = b.newBlock();
        b.jmp(c); b.setBlock(c);
        this.at(n.cond);
        if (n.cond) this.branch(n.cond, body, end); else b.jmp(body);
        b.setBlock(body);
        this.loopBody(n.body!, end, inc);
        b.jmp(inc); b.setBlock(inc);
        this.at(n.inc);
        if (n.inc) this.rv(n.inc);
        b.jmp(c);
        b.setBlock(end);
        this.popScope();
        return;
      }
      case NK.Switch: this.switchStmt(n); return;
      case NK.Case: case NK.Default: {
        const blk = this.cases.get(n)!;
        b.jmp(blk); b.setBlock(blk);
        if (n.body) this.stmt(n.body);
        return;
      }
      case NK.Break: {
        const t = this.breaks[this.breaks.length - 1];
        this.leaveTo(t.depth); b.jmp(t.block);
        return;
      }
      case NK.Continue: {
        const t = this.conts[this.conts.length - 1];
        this.leaveTo(t.depth); b.jmp(t.block);
        return;
      }
      case NK.Goto: {
        if (this.isForeignLabel(n.label!)) { this.nonLocalGoto(n.label!); return; }
        const path = this.labelPaths.get(n.label!) ?? [];
        let k = 0;
        while (k < this.scopes.length && k < path.length && this.scopes[k].id === path[k]) k++;
        this.leaveTo(k);
        // back to a label before VLA declarations of its own scope: they are deallocated
        const mark = k > 0 ? this.labelMarks.get(n.label!)?.find((m) => m.scope === this.scopes[k - 1]) : undefined;
        if (mark) {
          const acts = mark.scope.actions;
          for (let j = acts.length - 1; j >= mark.n; j--) if (acts[j].kind === 'restore') this.runActions({ id: -1, actions: [acts[j]] });
        }
        b.jmp(this.labelBlock(n.label!));
        return;
      }
      case NK.ComputedGoto: {
        const a = this.rv(n.lhs!);
        const targets = (this.fo.labels ?? []).filter((l) => l.addrTaken && l.defined).map((l) => this.labelBlock(l));
        if (targets.length) b.indirectBr(a, targets); else b.trap();
        return;
      }
      case NK.Label: {
        const blk = this.labelBlock(n.label!);
        b.jmp(blk); b.setBlock(blk);
        this.labelMarks.set(n.label!, this.scopes.map((sc) => ({ scope: sc, n: sc.actions.length })));
        for (const sc of this.scopes) sc.afterLabel = true;
        if (n.body) this.stmt(n.body);
        return;
      }
      case NK.Return: this.returnStmt(n); return;
      case NK.Asm: this.asmStmt(n.asm!); return;
    }
    this.rv(n);
  }

  private loopBody(body: Node, brk: number, cont: number): void {
    const depth = this.scopes.length;
    this.breaks.push({ block: brk, depth }); this.conts.push({ block: cont, depth });
    this.stmt(body);
    this.breaks.pop(); this.conts.pop();
  }

  private switchStmt(n: Node): void {
    const b = this.b;
    const v = this.rv(n.cond!);
    const vt = this.ir(n.cond!.ty);
    const end = b.newBlock();
    let dflt = end;
    const cases: [number, number, number][] = [];
    for (const c of n.list ?? []) {
      const blk = b.newBlock();
      this.cases.set(c, blk);
      if (c.kind === NK.Default) dflt = blk;
      else cases.push([this.iconst(vt, c.val!), this.iconst(vt, c.val2 ?? c.val!), blk]);
    }
    // the IR's switch ranges are signed: split unsigned ranges that cross the sign boundary
    const fixed: [number, number, number][] = [];
    for (const cs of cases) {
      const lo = this.f.constInt(cs[0])!, hi = this.f.constInt(cs[1])!;
      if (lo <= hi) { fixed.push(cs); continue; }
      const bits = bitsOf(vt, this.ml.ptrSize);
      fixed.push([cs[0], this.iconst(vt, (1n << BigInt(bits - 1)) - 1n), cs[2]]);
      fixed.push([this.iconst(vt, -(1n << BigInt(bits - 1))), cs[1], cs[2]]);
    }
    fixed.sort((x, y) => { const a = this.f.constInt(x[0])!, c = this.f.constInt(y[0])!; return a < c ? -1 : a > c ? 1 : 0; });
    b.switch(v, dflt, fixed);
    b.setBlock(b.newBlock());
    this.breaks.push({ block: end, depth: this.scopes.length });
    this.stmt(n.body!);
    this.breaks.pop();
    b.jmp(end);
    b.setBlock(end);
  }

  private returnStmt(n: Node): void {
    const b = this.b;
    if (!n.lhs) { this.leaveTo(0); if (this.retTy.kind === TY.Void) b.ret(); else this.fallOff(); return; }
    let v = this.rv(n.lhs);
    if (this.retTy.kind === TY.Void) { this.leaveTo(0); b.ret(); return; }
    if (isAggregate(this.retTy)) {
      const t = this.temp(this.retTy);
      b.memcpy(t, v, this.byteSize(this.retTy), this.align(this.retTy));
      v = t;
    }
    this.leaveTo(0);
    b.ret(v);
  }

  // ------------------------------------------------------------------ declarations
  private decl(o: Obj): void {
    if (o.storage === SC.Static || o.storage === SC.Extern || o.storage === SC.Typedef || o.isFunc) {
      if (o.storage === SC.Typedef && isVM(o.ty)) this.evalVM(o.ty);
      return;
    }
    if (isVM(o.ty)) this.evalVM(o.ty);
    let addr: number;
    if (isVarSize(o.ty)) {
      const sc = this.scopes[this.scopes.length - 1];
      if (sc && (sc.afterLabel || !sc.actions.some((a) => a.kind === 'restore'))) {
        sc.afterLabel = false;
        const slot = this.b.alloca(this.ml.ptrSize, this.ml.ptrSize);
        this.b.store(T.Ptr, this.b.stackSave(), slot, this.ml.ptrSize);
        sc.actions.push({ kind: 'restore', slot });
      }
      let ps = this.slots.get(o);
      if (ps === undefined) { ps = this.b.alloca(this.ml.ptrSize, this.ml.ptrSize); this.slots.set(o, ps); this.vlaObjs.add(o); }
      addr = this.b.dalloca(this.byteSize(o.ty), Math.max(o.align, o.ty.align, 16));
      this.b.store(T.Ptr, addr, ps, this.ml.ptrSize);
    } else {
      addr = this.slotOf(o);
      if (o.init) this.initLocal(addr, o.ty.size, o.init, o.ty);
    }
    if (o.attrs?.cleanup) this.scopes[this.scopes.length - 1]?.actions.push({ kind: 'cleanup', fn: o.attrs.cleanup, addr });
  }
  private vlaObjs = new Set<Obj>();
  /** Each lowered label: its scope and how many exit actions that scope had then. */
  private labelMarks = new Map<LabelInfo, { scope: Scope; n: number }[]>();
  private ownLocals!: Set<Obj>;

  private slotOf(o: Obj): number {
    let s = this.slots.get(o);
    if (s === undefined) {
      s = this.b.alloca(Math.max(o.ty.size, 1), Math.max(o.align, o.ty.align, 1));
      this.slots.set(o, s);
    }
    return s;
  }

  private initLocal(addr: number, size: number, items: InitItem[], ty: Type): void {
    let covered = 0;
    for (const it of items) {
      if (it.bitWidth >= 0) continue;
      if (it.expr.kind === NK.StrLit && it.ty.kind === TY.Array) covered += Math.min((it.expr.str!.units.length + 1) * it.expr.str!.elem.size, it.ty.size);
      else covered += it.ty.size;
    }
    if (covered < size) this.b.memset(addr, this.iconst(T.I8, 0), this.pconst(size), this.align(ty));
    for (const it of items) {
      const dst = this.addOff(addr, it.offset);
      if (it.bitWidth >= 0) {
        const v = this.rv(it.expr);
        this.storeBits(dst, it.bitOffset, it.bitWidth, it.ty.size, size - it.offset, it.offset, v, it.ty, false);
        continue;
      }
      if (it.expr.kind === NK.StrLit && it.ty.kind === TY.Array) {
        const s = it.expr.str!;
        const n = Math.min((s.units.length + 1) * s.elem.size, it.ty.size);
        this.b.memcpy(dst, this.b.sym(this.ml.strLabel(s)), this.pconst(n), 1);
        continue;
      }
      const v = this.rv(it.expr);
      if (isAggregate(it.ty)) this.b.memcpy(dst, v, this.pconst(it.ty.size), 1);
      else this.b.store(this.ir(it.ty), v, dst, this.align(it.ty));
    }
  }

  // ------------------------------------------------------------------ VLA sizes
  private evalVM(t: Type | null): void {
    for (; t; t = t.base) {
      if (t.vla) {
        let s = this.vlaSlots.get(t);
        if (s === undefined) { s = this.b.alloca(this.ml.ptrSize, this.ml.ptrSize); this.vlaSlots.set(t, s); }
        const v = this.convert(this.rv(t.vla), t.vla.ty, this.T.sizeT);
        this.b.store(this.sizeIR, v, s, this.ml.ptrSize);
      }
      if (t.kind === TY.Func || t.kind === TY.Struct || t.kind === TY.Union) return;
    }
  }
  /** Run-time layout of a struct/union with variably modified members, where it is defined: the VLA
   *  bounds of its members, then (variable size) each member after the first variable-size one at the
   *  next multiple of its alignment, and the size rounded up to the record's alignment (layout.ts). */
  private evalRecord(rec: RecordInfo): void {
    for (const m of rec.members) if (isVM(m.ty)) this.evalVM(m.ty);
    if (!rec.varSize) return;
    const b = this.b, ps = this.ml.ptrSize, st = this.sizeIR, isUnion = rec.kind === TY.Union;
    let L = this.recLayouts.get(rec);
    if (!L) {
      L = { size: b.alloca(ps, ps), offs: new Int32Array(rec.members.length ? rec.members[rec.members.length - 1].index + 1 : 0).fill(-1) };
      this.recLayouts.set(rec, L);
    }
    const alignUp = (v: number, a: number): number => a <= 1 ? v : b.binary(Op.And, st, b.binary(Op.Add, st, v, this.iconst(st, a - 1)), this.iconst(st, -a));
    // struct: the end of the last member so far; union: the largest member (the constant ones: rec.size)
    let end = this.iconst(st, isUnion ? rec.size : 0);
    let run = -1; // start of the current run of bit-fields after a variable-size member
    for (let k = 0; k < rec.members.length; k++) {
      const m = rec.members[k];
      if (m.bitWidth >= 0) {
        if (!m.dynOffset) continue;
        if (run < 0) run = end;
        if (L.offs[m.index] < 0) L.offs[m.index] = b.alloca(ps, ps);
        b.store(st, run, L.offs[m.index], ps);
        end = b.binary(Op.Add, st, run, this.iconst(st, Math.ceil((m.bitOffset + m.bitWidth) / 8)));
        continue;
      }
      run = -1;
      if (isUnion) {
        if (!isVarSize(m.ty)) continue;
        const sz = this.sizeOf(m.ty);
        end = b.select(st, b.binary(Op.Ugt, st, sz, end), sz, end);
        continue;
      }
      let off: number;
      if (m.dynOffset) {
        off = alignUp(end, m.align);
        if (L.offs[m.index] < 0) L.offs[m.index] = b.alloca(ps, ps);
        b.store(st, off, L.offs[m.index], ps);
      } else off = this.iconst(st, m.offset);
      if (m.dynOffset || isVarSize(m.ty)) end = b.binary(Op.Add, st, off, this.sizeOf(m.ty));
    }
    b.store(st, alignUp(end, rec.align), L.size, ps);
  }
  private recLayout(rec: RecordInfo): { size: number; offs: Int32Array } {
    let L = this.recLayouts.get(rec);
    if (!L) { this.evalRecord(rec); L = this.recLayouts.get(rec)!; } // defined inside an expression
    return L;
  }
  /** Address of member m of the record at base (a run-time offset after a variable-size member). */
  private memberAddr(base: number, recTy: Type, m: Member): number {
    if (!m.dynOffset) return this.addOff(base, m.offset);
    const off = this.b.load(this.sizeIR, this.recLayout(recTy.rec!).offs[m.index], this.ml.ptrSize);
    return this.b.binary(Op.Add, T.Ptr, base, this.intResize(off, this.sizeIR, T.Ptr, false));
  }
  /** Size of a type in bytes as a size_t value (run-time for variably modified types). */
  sizeOf(t: Type): number {
    if ((t.kind === TY.Struct || t.kind === TY.Union) && t.rec!.varSize) return this.b.load(this.sizeIR, this.recLayout(t.rec!).size, this.ml.ptrSize);
    if (!isVM(t) || t.kind !== TY.Array) return this.iconst(this.sizeIR, t.size);
    let len: number;
    if (t.vla) {
      let s = this.vlaSlots.get(t);
      if (s === undefined) { this.evalVM(t); s = this.vlaSlots.get(t)!; }
      len = this.b.load(this.sizeIR, s, this.ml.ptrSize);
    } else len = this.iconst(this.sizeIR, Math.max(t.len, 0));
    return this.b.binary(Op.Mul, this.sizeIR, len, this.sizeOf(t.base!));
  }
  private elemSize(ptrTy: Type): number {
    const e = ptrTy.base!;
    if (e.kind === TY.Void || e.kind === TY.Func) return this.iconst(this.sizeIR, 1);
    return this.sizeOf(e);
  }

  // ------------------------------------------------------------------ lvalues
  lval(n: Node): LV {
    const vol = this.isVol(n.ty);
    switch (n.kind) {
      case NK.Member: {
        const base = this.aggAddr(n.lhs!);
        const mb = n.member!;
        const addr = this.memberAddr(base, n.lhs!.ty, mb);
        // (a bit-field after a variable-size member: accessed byte by byte from the start of its run)
        return { addr, ty: n.ty, bf: mb.bitWidth >= 0 ? mb : null, recSize: mb.dynOffset ? 0 : n.lhs!.ty.size - mb.offset, vol: vol || this.isVol(n.lhs!.ty) };
      }
      case NK.Cast: if (n.ck === CK.NoOp && n.lhs!.lvalue) { const l = this.lval(n.lhs!); l.ty = n.ty; return l; } break;
      case NK.Generic: return this.lval(n.lhs!);
    }
    return { addr: this.addr(n), ty: n.ty, bf: null, recSize: 0, vol };
  }

  /** Address of an lvalue (or of an aggregate rvalue). */
  addr(n: Node): number {
    const b = this.b;
    switch (n.kind) {
      case NK.Var: return this.varAddr(n.obj!);
      case NK.Deref: return this.rv(n.lhs!);
      case NK.Member: {
        if (n.member!.bitWidth >= 0) this.err(n, 'cannot take address of bit-field');
        return this.memberAddr(this.aggAddr(n.lhs!), n.lhs!.ty, n.member!);
      }
      case NK.StrLit: return b.sym(this.ml.strLabel(n.str!));
      case NK.CompoundLit: return this.compoundLit(n.obj!);
      case NK.Real: case NK.Imag: {
        const base = this.aggAddr(n.lhs!);
        return n.kind === NK.Imag ? this.addOff(base, n.lhs!.ty.size / 2) : base;
      }
      case NK.Generic: return this.addr(n.lhs!);
      case NK.Cast: if ((n.ck === CK.NoOp || n.ck === CK.Load) && n.lhs!.lvalue) return this.addr(n.lhs!); break;
    }
    if (isAggregate(n.ty)) return this.rv(n);
    // a scalar rvalue whose address is needed (e.g. asm "m" input): spill it
    const v = this.rv(n);
    const t = this.temp(n.ty);
    b.store(this.ir(n.ty), v, t, this.align(n.ty));
    return t;
  }

  /** Address of an aggregate expression, lvalue or not. */
  private aggAddr(n: Node): number { return n.lvalue ? this.addr(n) : this.rv(n); }

  private varAddr(o: Obj): number {
    const b = this.b;
    if (o.isFunc) return this.ml.chains.needs.has(o) ? this.trampoline(o) : b.sym(this.ml.noteRef(o));
    const local = this.slots.get(o);
    if (local !== undefined) return this.vlaObjs.has(o) ? b.load(T.Ptr, local, this.ml.ptrSize) : local;
    if (o.isLocal && o.storage !== SC.Static && o.storage !== SC.Extern) {
      if (!this.ownLocals.has(o)) {
        if (this.ml.chains.owner.has(o) && this.chained) return this.chainAddr(o);
        this.err(null, `nested function '${this.fo.name}' uses '${o.name}' of its enclosing function (static chains are not supported)`);
      }
      return this.slotOf(o);
    }
    const s = b.sym(this.ml.noteRef(o));
    return o.isThreadLocal ? b.tlsAddr(s) : s;
  }

  private compoundLit(o: Obj): number {
    if (!o.isLocal || o.storage === SC.Static) return this.b.sym(this.ml.noteRef(o));
    const a = this.slotOf(o);
    if (o.init) this.initLocal(a, o.ty.size, o.init, o.ty);
    return a;
  }

  loadLV(lv: LV): number {
    if (lv.bf) {
      const mb = lv.bf;
      return this.loadBits(lv.addr, mb.bitOffset, mb.bitWidth, mb.ty.size, lv.recSize, mb.offset, mb.ty, lv.vol);
    }
    if (isAggregate(lv.ty)) return lv.addr;
    return this.b.load(this.ir(lv.ty), lv.addr, this.align(lv.ty), lv.vol);
  }

  /** Stores v (of lv's type) and returns the value the assignment expression has. */
  storeLV(lv: LV, v: number): number {
    if (lv.bf) {
      const mb = lv.bf;
      return this.storeBits(lv.addr, mb.bitOffset, mb.bitWidth, mb.ty.size, lv.recSize, mb.offset, v, mb.ty, lv.vol);
    }
    if (isAggregate(lv.ty)) {
      if (v !== lv.addr) this.b.memcpy(lv.addr, v, this.byteSize(lv.ty), this.align(lv.ty), lv.vol);
      return lv.addr;
    }
    this.b.store(this.ir(lv.ty), v, lv.addr, this.align(lv.ty), lv.vol);
    return v;
  }

  // ------------------------------------------------------------------ bit-fields
  // A bit-field is read through its storage unit (the declared type at `offset`) when that unit lies
  // inside the record; otherwise (packed records) through the bytes that hold it, assembled by hand.
  private container(unit: number, bitOff: number, width: number, room: number, unitOff: number): { byte: number; bit: number; n: number; ty: number } {
    if (unitOff % unit === 0 && bitOff + width <= unit * 8 && unit <= room) return { byte: 0, bit: bitOff, n: unit, ty: intOfSize(unit) };
    const byte = bitOff >> 3, bit = bitOff & 7, n = Math.ceil((bit + width) / 8);
    const sz = n <= 1 ? 1 : n <= 2 ? 2 : n <= 4 ? 4 : n <= 8 ? 8 : 16;
    return { byte, bit, n, ty: intOfSize(sz) };
  }
  private loadN(addr: number, n: number, ty: number, vol: boolean): number {
    const b = this.b;
    const size = bitsOf(ty, 8) / 8;
    if (n === size) return b.load(ty, addr, 1, vol);
    let acc = this.iconst(ty, 0);
    for (let k = 0; k < n; k++) {
      const byte = b.conv(Op.ZExt, ty, b.load(T.I8, this.addOff(addr, k), 1, vol));
      acc = b.binary(Op.Or, ty, acc, k ? b.binary(Op.Shl, ty, byte, this.iconst(ty, 8 * k)) : byte);
    }
    return acc;
  }
  private storeN(addr: number, n: number, ty: number, v: number, vol: boolean): void {
    const b = this.b;
    const size = bitsOf(ty, 8) / 8;
    if (n === size) { b.store(ty, v, addr, 1, vol); return; }
    for (let k = 0; k < n; k++) {
      const sh = k ? b.binary(Op.LShr, ty, v, this.iconst(ty, 8 * k)) : v;
      b.store(T.I8, ty === T.I8 ? sh : b.conv(Op.Trunc, T.I8, sh), this.addOff(addr, k), 1, vol);
    }
  }
  loadBits(addr: number, bitOff: number, width: number, unit: number, room: number, unitOff: number, fty: Type, vol: boolean): number {
    const b = this.b;
    const c = this.container(unit, bitOff, width, room, unitOff);
    const cb = bitsOf(c.ty, 8);
    const raw = this.loadN(this.addOff(addr, c.byte), c.n, c.ty, vol);
    const signed = !isUnsigned(fty) && fty.kind !== TY.Bool;
    let v: number;
    if (signed) {
      const up = cb - c.bit - width;
      const s = up ? b.binary(Op.Shl, c.ty, raw, this.iconst(c.ty, up)) : raw;
      v = cb - width ? b.binary(Op.AShr, c.ty, s, this.iconst(c.ty, cb - width)) : s;
    } else {
      const s = c.bit ? b.binary(Op.LShr, c.ty, raw, this.iconst(c.ty, c.bit)) : raw;
      v = width < cb ? b.binary(Op.And, c.ty, s, this.iconst(c.ty, (1n << BigInt(width)) - 1n)) : s;
    }
    return this.intResize(v, c.ty, this.ir(fty), signed);
  }
  storeBits(addr: number, bitOff: number, width: number, unit: number, room: number, unitOff: number, v: number, fty: Type, vol: boolean): number {
    const b = this.b;
    const c = this.container(unit, bitOff, width, room, unitOff);
    const ft = this.ir(fty);
    const p = this.addOff(addr, c.byte);
    const mask = ((1n << BigInt(width)) - 1n);
    const nv = b.binary(Op.And, c.ty, this.intResize(v, ft, c.ty, false), this.iconst(c.ty, mask));
    const old = this.loadN(p, c.n, c.ty, vol);
    const kept = b.binary(Op.And, c.ty, old, this.iconst(c.ty, ~(mask << BigInt(c.bit))));
    const ins = c.bit ? b.binary(Op.Shl, c.ty, nv, this.iconst(c.ty, c.bit)) : nv;
    this.storeN(p, c.n, c.ty, b.binary(Op.Or, c.ty, kept, ins), vol);
    // the value of the assignment: the stored bits, extended as the field reads them
    const fb = bitsOf(ft, 8);
    if (width >= fb) return v;
    const signed = !isUnsigned(fty) && fty.kind !== TY.Bool;
    const sh = this.iconst(ft, fb - width);
    return b.binary(signed ? Op.AShr : Op.LShr, ft, b.binary(Op.Shl, ft, v, sh), sh);
  }

  // ------------------------------------------------------------------ conversions
  private intResize(v: number, from: number, to: number, signed: boolean): number {
    if (from === to) return v;
    const b = this.b, ps = this.ml.ptrSize;
    if (to === T.Ptr) {
      const ip = ps === 8 ? T.I64 : T.I32;
      return b.conv(Op.IntToPtr, T.Ptr, this.intResize(v, from, ip, signed));
    }
    if (from === T.Ptr) return b.conv(Op.PtrToInt, to, v);
    const fb = bitsOf(from, ps), tb = bitsOf(to, ps);
    if (fb === tb) return v;
    return b.conv(tb < fb ? Op.Trunc : signed ? Op.SExt : Op.ZExt, to, v);
  }

  private toBool(v: number, from: Type): number {
    const b = this.b;
    if (from.kind === TY.Complex) {
      const ft = this.ir(from.base!);
      const z = this.zero(ft), ne = isFloat(ft) ? Op.FNe : Op.Ne;
      const re = b.cmp(ne, this.part(v, from, 0), z, T.I8);
      const im = b.cmp(ne, this.part(v, from, 1), z, T.I8);
      return b.binary(Op.Or, T.I8, re, im);
    }
    if (from.kind === TY.Bool) return v;
    const t = this.ir(from);
    if (isFloat(t)) return b.cmp(Op.FNe, v, b.float(t, 0n), T.I8);
    return b.cmp(Op.Ne, v, this.iconst(t, 0), T.I8);
  }

  private part(addr: number, ct: Type, k: number): number {
    const bt = ct.base!;
    return this.b.load(this.ir(bt), this.addOff(addr, k * bt.size), this.align(bt));
  }
  private makeComplex(ct: Type, re: number, im: number): number {
    const bt = ct.base!, t = this.temp(ct), it = this.ir(bt);
    this.b.store(it, re, t, this.align(bt));
    this.b.store(it, im, this.addOff(t, bt.size), this.align(bt));
    return t;
  }

  convert(v: number, from: Type, to: Type): number {
    const b = this.b;
    if (to.kind === TY.Void) return this.undef();
    if (to.kind === TY.Bool) return this.toBool(v, from);
    if (to.kind === TY.Complex) {
      if (from.kind === TY.Complex) {
        if (from.base!.kind === to.base!.kind) return v;
        return this.makeComplex(to, this.convert(this.part(v, from, 0), from.base!, to.base!), this.convert(this.part(v, from, 1), from.base!, to.base!));
      }
      const bt = to.base!;
      return this.makeComplex(to, this.convert(v, from, bt), this.zero(this.ir(bt)));
    }
    if (from.kind === TY.Complex) return this.convert(this.part(v, from, 0), from.base!, to);
    if (isAggregate(to) || isAggregate(from)) return v;
    const ft = this.ir(from), tt = this.ir(to);
    if (isFloat(ft) && isFloat(tt)) {
      if (ft === tt) return v;
      return b.conv(floatRank(tt) > floatRank(ft) ? Op.FPExt : Op.FPTrunc, tt, v);
    }
    if (isFloat(tt)) return b.conv(isUnsigned(from) ? Op.UIToFP : Op.SIToFP, tt, v);
    if (isFloat(ft)) {
      if (to.size >= 4 && isUnsigned(to)) return b.conv(Op.FPToUI, tt, v);
      if (to.size >= 4 || tt === T.Ptr) return b.conv(Op.FPToSI, tt, v);
      return b.conv(Op.Trunc, tt, b.conv(Op.FPToSI, T.I32, v));
    }
    return this.intResize(v, ft, tt, !isUnsigned(from));
  }

  // ------------------------------------------------------------------ conditions
  /** Branches on the truth of a scalar expression, short-circuiting && || !. */
  branch(n: Node, t: number, f: number): void {
    const b = this.b;
    if (n.kind === NK.LogAnd) {
      const mid = b.newBlock();
      this.branch(n.lhs!, mid, f); b.setBlock(mid); this.branch(n.rhs!, t, f);
      return;
    }
    if (n.kind === NK.LogOr) {
      const mid = b.newBlock();
      this.branch(n.lhs!, t, mid); b.setBlock(mid); this.branch(n.rhs!, t, f);
      return;
    }
    if (n.kind === NK.LogNot) { this.branch(n.lhs!, f, t); return; }
    if (n.val !== null && isInteger(n.ty)) { b.jmp(n.val !== 0n ? t : f); return; }
    const v = this.rv(n);
    b.br(this.truth(v, n.ty), t, f);
  }
  private truth(v: number, ty: Type): number {
    if (ty.kind === TY.Complex || isRealFloat(ty)) return this.toBool(v, ty);
    return v;
  }

  // ------------------------------------------------------------------ expressions
  /** Value of an expression (scalar: the value; aggregate: its address; void: undef). */
  rv(n: Node): number {
    const b = this.b;
    if (n.val !== null && (isInteger(n.ty) || n.ty.kind === TY.Pointer) && n.kind !== NK.Assign && n.kind !== NK.Call) {
      return this.iconst(this.ir(n.ty), n.val);
    }
    if (n.fval !== null && isRealFloat(n.ty) && n.kind !== NK.Call) return b.float(this.ir(n.ty), n.fval);
    switch (n.kind) {
      case NK.IntConst: case NK.EnumConst:
        if (n.ty.kind === TY.Complex) { const bt = this.ir(n.ty.base!); return this.makeComplex(n.ty, this.zero(bt), isFloat(bt) ? this.fconstNum(bt, n.val!) : this.iconst(bt, n.val!)); }
        return this.iconst(this.ir(n.ty), n.val ?? 0n);
      case NK.FloatConst: {
        if (n.ty.kind === TY.Complex) {
          const bt = this.ir(n.ty.base!);
          return this.makeComplex(n.ty, b.float(bt, 0n), b.float(bt, n.fval!));
        }
        return b.float(this.ir(n.ty), n.fval!);
      }
      case NK.StrLit: case NK.Var: case NK.CompoundLit:
        if (isAggregate(n.ty) || n.kind !== NK.Var) return this.addr(n);
        return this.loadLV(this.lval(n));
      case NK.Cast: return this.cast(n);
      case NK.Neg: case NK.BitNot: case NK.Plus: return this.unary(n);
      case NK.LogNot: {
        const v = this.rv(n.lhs!);
        const t = this.toBool(v, n.lhs!.ty);
        return b.conv(Op.ZExt, T.I32, b.binary(Op.Xor, T.I8, t, this.iconst(T.I8, 1)));
      }
      case NK.Addr: {
        if (n.lhs!.kind === NK.Var && n.lhs!.obj!.isFunc) return this.varAddr(n.lhs!.obj!);
        return this.addr(n.lhs!);
      }
      case NK.Deref: case NK.Member: {
        if (isAggregate(n.ty)) return this.addr(n);
        return this.loadLV(this.lval(n));
      }
      case NK.PreInc: case NK.PreDec: case NK.PostInc: case NK.PostDec: return this.incDec(n);
      case NK.Real: case NK.Imag: {
        const lt = n.lhs!.ty;
        if (lt.kind !== TY.Complex) {
          const v = this.rv(n.lhs!);
          if (n.kind === NK.Real) return v;
          const t = this.ir(n.ty);
          return isFloat(t) ? b.float(t, 0n) : this.iconst(t, 0);
        }
        const a = this.aggAddr(n.lhs!);
        return this.part(a, lt, n.kind === NK.Imag ? 1 : 0);
      }
      case NK.Add: case NK.Sub: case NK.Mul: case NK.Div: case NK.Mod: case NK.Shl: case NK.Shr:
      case NK.BitAnd: case NK.BitOr: case NK.BitXor:
        return this.binary(n);
      case NK.Lt: case NK.Le: case NK.Gt: case NK.Ge: case NK.Eq: case NK.Ne: {
        const a = this.rv(n.lhs!), c = this.rv(n.rhs!);
        return this.compare(n.kind, n.lhs!.ty, a, c, n.ty);
      }
      case NK.LogAnd: case NK.LogOr: {
        const t = b.newBlock(), f = b.newBlock(), end = b.newBlock();
        this.branch(n, t, f);
        b.setBlock(t); b.jmp(end);
        b.setBlock(f); b.jmp(end);
        b.setBlock(end);
        return b.phi(T.I32, [t, this.iconst(T.I32, 1), f, this.iconst(T.I32, 0)]);
      }
      case NK.Assign: {
        const lv = this.lval(n.lhs!);
        const v = this.rv(n.rhs!);
        return this.storeLV(lv, v);
      }
      case NK.OpAssign: return this.opAssign(n);
      case NK.Cond: return this.cond(n);
      case NK.Comma: this.rv(n.lhs!); return this.rv(n.rhs!);
      case NK.Call: return this.call(n);
      case NK.StmtExpr: return this.stmtExpr(n);
      case NK.LabelAddr: return this.isForeignLabel(n.label!) ? this.foreignLabelAddr(n.label!) : b.blockAddr(this.labelBlock(n.label!));
      case NK.VaArg: {
        const ap = this.vaList(n.lhs!);
        const abi = this.ml.tm.abi(this.m, n.ty);
        if (isAggregate(n.ty)) return b.vaArg(T.Ptr, ap, abi);
        return b.vaArg(this.ir(n.ty), ap, abi);
      }
      case NK.Builtin: return this.builtin(n);
      case NK.SizeofVLA: {
        const t = n.opTy ?? n.lhs!.ty;
        return this.convert(this.sizeOf(t), this.T.sizeT, n.ty);
      }
      case NK.Generic: return this.rv(n.lhs!);
    }
    this.err(n, `cannot lower expression (node kind ${n.kind})`);
  }

  private vaList(n: Node): number { return n.ty.kind === TY.Pointer && this.ml.target.arch === 'x86_64' ? this.rv(n) : n.lvalue ? this.addr(n) : this.rv(n); }

  private cast(n: Node): number {
    const b = this.b, s = n.lhs!;
    switch (n.ck) {
      case CK.Load: {
        if (isAggregate(n.ty) && !(s.kind === NK.Member && s.member!.bitWidth >= 0)) return this.addr(s);
        return this.loadLV(this.lval(s));
      }
      case CK.ArrayDecay: case CK.FuncDecay:
        if (s.kind === NK.Var && s.obj!.isFunc) return this.varAddr(s.obj!);
        return this.aggAddr(s);
      case CK.Convert: return this.convert(this.rv(s), s.ty, n.ty);
      case CK.NullPtr: this.rvDiscard(s); return this.iconst(T.Ptr, 0);
      case CK.ToVoid: this.rv(s); return this.undef();
      case CK.ToUnion: {
        const t = this.temp(n.ty);
        b.memset(t, this.iconst(T.I8, 0), this.pconst(n.ty.size), 1);
        const v = this.rv(s);
        if (isAggregate(s.ty)) b.memcpy(t, v, this.pconst(s.ty.size), 1);
        else b.store(this.ir(s.ty), v, t, this.align(s.ty));
        return t;
      }
      case CK.Bitcast: {
        const v = this.rv(s);
        const fa = isAggregate(s.ty), ta = isAggregate(n.ty);
        if (fa && ta) { const t = this.temp(n.ty); b.memcpy(t, v, this.pconst(n.ty.size), 1); return t; }
        if (fa) return b.load(this.ir(n.ty), v, 1);
        const t = this.temp(n.ty);
        b.store(this.ir(s.ty), v, t, 1);
        return ta ? t : b.load(this.ir(n.ty), t, 1);
      }
      case CK.NoOp: {
        const v = this.rv(s);
        if (!isAggregate(n.ty) && !isAggregate(s.ty) && this.ir(n.ty) !== this.ir(s.ty)) return this.convert(v, s.ty, n.ty);
        return v;
      }
    }
    return this.rv(s);
  }
  private rvDiscard(n: Node): void { if (n.val === null && n.kind !== NK.IntConst) this.rv(n); }

  private unary(n: Node): number {
    const b = this.b, ty = n.ty;
    const v = this.rv(n.lhs!);
    if (n.kind === NK.Plus) return v;
    if (ty.kind === TY.Complex) {
      const bt = this.ir(ty.base!);
      const re = this.part(v, ty, 0), im = this.part(v, ty, 1);
      const neg = isFloat(bt) ? Op.FNeg : Op.Neg;
      if (n.kind === NK.Neg) return this.makeComplex(ty, b.unary(neg, bt, re), b.unary(neg, bt, im));
      return this.makeComplex(ty, re, b.unary(neg, bt, im)); // ~z: conjugate
    }
    if (ty.kind === TY.Vector) return this.lanes(ty, ty, (k) => this.unary1(n.kind, ty.base!, this.lane(v, ty, k)));
    return this.unary1(n.kind, ty, v);
  }
  private unary1(k: NK, ty: Type, v: number): number {
    const t = this.ir(ty);
    if (k === NK.Neg) return this.b.unary(isFloat(t) ? Op.FNeg : Op.Neg, t, v);
    return this.b.unary(Op.Not, t, v);
  }

  // vectors: lane by lane through memory
  private lane(addr: number, vt: Type, k: number): number {
    const e = vt.base!;
    return this.b.load(this.ir(e), this.addOff(addr, k * e.size), this.align(e));
  }
  private lanes(resTy: Type, vt: Type, f: (k: number) => number): number {
    const t = this.temp(resTy), e = resTy.base!;
    for (let k = 0; k < vt.len; k++) this.b.store(this.ir(e), f(k), this.addOff(t, k * e.size), this.align(e));
    return t;
  }

  private binary(n: Node): number {
    const ty = n.ty, lt = n.lhs!.ty;
    if (ty.kind === TY.Pointer && (n.kind === NK.Add || n.kind === NK.Sub)) {
      const p = this.rv(n.lhs!), i = this.rv(n.rhs!);
      return this.ptrOffset(p, i, n.rhs!.ty, lt, n.kind === NK.Sub);
    }
    if (n.kind === NK.Sub && lt.kind === TY.Pointer) {
      const a = this.rv(n.lhs!), c = this.rv(n.rhs!);
      const t = this.ir(ty);
      const d = this.b.binary(Op.Sub, t, this.intResize(a, T.Ptr, t, false), this.intResize(c, T.Ptr, t, false));
      const es = lt.base!.kind === TY.Void || lt.base!.kind === TY.Func ? null : this.elemSize(lt);
      if (es === null || this.f.constInt(es) === 1n) return d;
      return this.b.binary(Op.SDiv, t, d, this.intResize(es, this.sizeIR, t, false));
    }
    let a = this.rv(n.lhs!), c = this.rv(n.rhs!);
    if (ty.kind === TY.Vector) {  // vector op scalar: splat the scalar
      if (lt.kind !== TY.Vector) a = this.splat(a, lt, ty);
      if (n.rhs!.ty.kind !== TY.Vector && n.kind !== NK.Shl && n.kind !== NK.Shr) c = this.splat(c, n.rhs!.ty, ty);
    }
    const r = this.arith(n.kind, ty, a, c, n.rhs!.ty.kind === TY.Vector || (n.kind !== NK.Shl && n.kind !== NK.Shr) ? ty : n.rhs!.ty);
    const p = isInteger(ty) && ty.size === 8 ? this.bfPrecision(n) : 64;
    return p < 64 ? this.reduceTo(r, p, isUnsigned(ty)) : r;
  }

  // gcc gives a bit-field wider than int the type "N-bit integer": arithmetic on it (with operands no
  // wider) is done in N bits. bfPrecision(n) is the precision of a 64-bit integer expression in that
  // sense; results of operators narrower than 64 bits are reduced with reduceTo.
  private precMemo = new Map<Node, number>();
  private bfPrecision(n: Node): number {
    let p = this.precMemo.get(n);
    if (p !== undefined) return p;
    p = 64;
    switch (n.kind) {
      case NK.Cast: {
        const s = n.lhs!;
        if (n.ck === CK.Load && s.kind === NK.Member && s.member!.bitWidth > 32 && s.member!.bitWidth < 64 && s.member!.ty.size === 8) p = s.member!.bitWidth;
        else if (n.ck === CK.Convert && !n.explicit && isInteger(s.ty)) p = s.ty.size < 8 ? 32 : this.bfPrecision(s);
        break;
      }
      case NK.Add: case NK.Sub: case NK.Mul: case NK.Div: case NK.Mod: case NK.BitAnd: case NK.BitOr: case NK.BitXor:
        if (isInteger(n.ty) && n.ty.size === 8) p = Math.max(this.bfPrecision(n.lhs!), this.bfPrecision(n.rhs!));
        break;
      case NK.Shl: case NK.Shr:
        if (isInteger(n.ty) && n.ty.size === 8) p = this.bfPrecision(n.lhs!);
        break;
    }
    this.precMemo.set(n, p);
    return p;
  }
  private reduceTo(v: number, p: number, uns: boolean): number {
    const b = this.b;
    if (uns) return b.binary(Op.And, T.I64, v, this.iconst(T.I64, (1n << BigInt(p)) - 1n));
    return b.binary(Op.AShr, T.I64, b.binary(Op.Shl, T.I64, v, this.iconst(T.I64, 64 - p)), this.iconst(T.I64, 64 - p));
  }

  private splat(v: number, st: Type, vt: Type): number {
    const e = this.convert(v, st, vt.base!);
    return this.lanes(vt, vt, () => e);
  }

  /** p + i*sizeof(*p) (or minus). */
  private ptrOffset(p: number, i: number, ity: Type, pty: Type, neg: boolean): number {
    const b = this.b, it = this.sizeIR;
    let off = this.intResize(i, this.ir(ity), it, !isUnsigned(ity));
    const es = this.elemSize(pty);
    if (this.f.constInt(es) !== 1n) off = b.binary(Op.Mul, it, off, es);
    if (neg) off = b.unary(Op.Neg, it, off);
    return b.binary(Op.Add, T.Ptr, p, off);
  }

  /** a op c in type ty (c's C type given for shifts, whose count may have another type). */
  arith(k: NK, ty: Type, a: number, c: number, cty: Type): number {
    const b = this.b;
    if (ty.kind === TY.Complex) return this.complexArith(k, ty, a, c);
    if (ty.kind === TY.Vector) {
      const cv = cty.kind === TY.Vector;
      return this.lanes(ty, ty, (q) => this.arith(k, ty.base!, this.lane(a, ty, q), cv ? this.lane(c, cty, q) : c, cv ? cty.base! : cty));
    }
    const t = this.ir(ty);
    if (isFloat(t)) {
      const op = k === NK.Add ? Op.FAdd : k === NK.Sub ? Op.FSub : k === NK.Mul ? Op.FMul : Op.FDiv;
      return b.binary(op, t, a, c);
    }
    const uns = isUnsigned(ty);
    if (k === NK.Shl || k === NK.Shr) {
      const ct = this.ir(cty);
      const cnt = this.intResize(c, ct, t, false);
      return b.binary(k === NK.Shl ? Op.Shl : uns ? Op.LShr : Op.AShr, t, a, cnt);
    }
    let op: number;
    switch (k) {
      case NK.Add: op = Op.Add; break;
      case NK.Sub: op = Op.Sub; break;
      case NK.Mul: op = Op.Mul; break;
      case NK.Div: op = uns ? Op.UDiv : Op.SDiv; break;
      case NK.Mod: op = uns ? Op.URem : Op.SRem; break;
      case NK.BitAnd: op = Op.And; break;
      case NK.BitOr: op = Op.Or; break;
      default: op = Op.Xor; break;
    }
    if (ty.kind === TY.Bool) { // arithmetic on _Bool (only in compound assignment): in int, then to bool
      const w = b.binary(op, T.I32, b.conv(Op.ZExt, T.I32, a), b.conv(Op.ZExt, T.I32, c));
      return b.cmp(Op.Ne, w, this.iconst(T.I32, 0), T.I8);
    }
    return b.binary(op, t, a, c);
  }

  private complexArith(k: NK, ty: Type, a: number, c: number): number {
    const b = this.b, bt = this.ir(ty.base!);
    const ar = this.part(a, ty, 0), ai = this.part(a, ty, 1), cr = this.part(c, ty, 0), ci = this.part(c, ty, 1);
    const add = (x: number, y: number) => this.op2(Op.Add, Op.FAdd, bt, x, y), sub = (x: number, y: number) => this.op2(Op.Sub, Op.FSub, bt, x, y);
    const mul = (x: number, y: number) => this.op2(Op.Mul, Op.FMul, bt, x, y), div = (x: number, y: number) => this.op2(Op.SDiv, Op.FDiv, bt, x, y);
    switch (k) {
      case NK.Add: return this.makeComplex(ty, add(ar, cr), add(ai, ci));
      case NK.Sub: return this.makeComplex(ty, sub(ar, cr), sub(ai, ci));
      case NK.Mul: return this.makeComplex(ty, sub(mul(ar, cr), mul(ai, ci)), add(mul(ar, ci), mul(ai, cr)));
      case NK.Div: {
        if (!isFloat(bt)) { // _Complex int: (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (cc+dd)
          const d = add(mul(cr, cr), mul(ci, ci));
          return this.makeComplex(ty, div(add(mul(ar, cr), mul(ai, ci)), d), div(sub(mul(ai, cr), mul(ar, ci)), d));
        }
        // as gcc: the runtime's __div?c3 (Smith's algorithm with scaling, Annex G recovery of NaNs)
        if (!this.ml.opts.inlineComplexDivision) {
          const name = bt === T.F32 ? '__divsc3' : bt === T.F64 ? '__divdc3' : bt === T.F80 ? '__divxc3' : '__divtc3';
          const bty = ty.base!, ft = this.T.funcType(ty, [bty, bty, bty, bty], false, false);
          return this.callLib(name, ft, [ar, ai, cr, ci], [bty, bty, bty, bty]);
        }
        // Smith's algorithm: scale by the larger of |cr|, |ci|
        const abs = (x: number) => this.fabs(x, bt);
        const big = b.cmp(Op.FGe, abs(cr), abs(ci), T.I8);
        const t1 = b.newBlock(), t2 = b.newBlock(), end = b.newBlock();
        b.br(big, t1, t2);
        b.setBlock(t1);
        let r = div(ci, cr), d = add(cr, mul(ci, r));
        const re1 = div(add(ar, mul(ai, r)), d), im1 = div(sub(ai, mul(ar, r)), d);
        const e1 = this.b.block; b.jmp(end);
        b.setBlock(t2);
        r = div(cr, ci); d = add(ci, mul(cr, r));
        const re2 = div(add(mul(ar, r), ai), d), im2 = div(sub(mul(ai, r), ar), d);
        const e2 = this.b.block; b.jmp(end);
        b.setBlock(end);
        const re = b.phi(bt, [e1, re1, e2, re2]), im = b.phi(bt, [e1, im1, e2, im2]);
        return this.makeComplex(ty, re, im);
      }
    }
    this.err(null, 'invalid operation on complex values');
  }

  private fabs(v: number, t: number): number {
    const b = this.b;
    if (t === T.F32 || t === T.F64) {
      const it = t === T.F32 ? T.I32 : T.I64;
      const bits = b.emit(Op.Bitcast, it, [v]);
      const m = t === T.F32 ? 0x7fffffffn : 0x7fffffffffffffffn;
      return b.emit(Op.Bitcast, t, [b.binary(Op.And, it, bits, this.iconst(it, m))]);
    }
    const tmp = b.alloca(16, 16);
    b.store(t, v, tmp, 16);
    const at = this.addOff(tmp, t === T.F80 ? 9 : 15);
    b.store(T.I8, b.binary(Op.And, T.I8, b.load(T.I8, at, 1), this.iconst(T.I8, 0x7f)), at, 1);
    return b.load(t, tmp, 16);
  }
  private signBit(v: number, t: number): number {
    const b = this.b;
    if (t === T.F32 || t === T.F64) {
      const it = t === T.F32 ? T.I32 : T.I64;
      const bits = b.emit(Op.Bitcast, it, [v]);
      return b.cmp(Op.Slt, bits, this.iconst(it, 0), T.I32);
    }
    const tmp = b.alloca(16, 16);
    b.store(t, v, tmp, 16);
    const hi = b.load(T.I8, this.addOff(tmp, t === T.F80 ? 9 : 15), 1);
    return b.cmp(Op.Slt, hi, this.iconst(T.I8, 0), T.I32);
  }

  compare(k: NK, ot: Type, a: number, c: number, resTy: Type): number {
    const b = this.b, rt = this.ir(resTy);
    if (ot.kind === TY.Complex) {
      const bt = this.ir(ot.base!);
      const eqop = isFloat(bt) ? Op.FEq : Op.Eq;
      const re = b.cmp(eqop, this.part(a, ot, 0), this.part(c, ot, 0), T.I8);
      const im = b.cmp(eqop, this.part(a, ot, 1), this.part(c, ot, 1), T.I8);
      void bt;
      const eq = b.binary(Op.And, T.I8, re, im);
      const r = k === NK.Eq ? eq : b.binary(Op.Xor, T.I8, eq, this.iconst(T.I8, 1));
      return b.conv(Op.ZExt, rt, r);
    }
    if (ot.kind === TY.Vector) {
      return this.lanes(resTy, ot, (q) => {
        const e = resTy.base!, r = this.compare(k, ot.base!, this.lane(a, ot, q), this.lane(c, ot, q), this.T.int);
        return this.convert(b.unary(Op.Neg, T.I32, r), this.T.int, e);
      });
    }
    const t = this.ir(ot);
    let op: number;
    if (isFloat(t)) op = k === NK.Lt ? Op.FLt : k === NK.Le ? Op.FLe : k === NK.Gt ? Op.FGt : k === NK.Ge ? Op.FGe : k === NK.Eq ? Op.FEq : Op.FNe;
    else {
      const u = isUnsigned(ot);
      op = k === NK.Lt ? (u ? Op.Ult : Op.Slt) : k === NK.Le ? (u ? Op.Ule : Op.Sle) : k === NK.Gt ? (u ? Op.Ugt : Op.Sgt) :
        k === NK.Ge ? (u ? Op.Uge : Op.Sge) : k === NK.Eq ? Op.Eq : Op.Ne;
      if (this.f.typeOf(c) !== this.f.typeOf(a)) c = this.intResize(c, this.f.typeOf(c), this.f.typeOf(a), !u);
    }
    return b.cmp(op, a, c, rt);
  }

  private opAssign(n: Node): number {
    const lhs = n.lhs!, opTy = n.opTy!;
    const lv = this.lval(lhs);
    const lt = unqual(lhs.ty);
    const r = this.rv(n.rhs!);       // as gcc: the right operand (a call may change the left) first
    const old = this.loadLV(lv);
    let res: number;
    if (opTy.kind === TY.Pointer) res = this.ptrOffset(old, r, n.rhs!.ty, opTy, n.op === NK.Sub);
    else {
      const o = this.convert(old, lt, opTy);
      res = this.convert(this.arith(n.op, opTy, o, r, n.rhs!.ty), opTy, lt);
    }
    return this.storeLV(lv, res);
  }

  private incDec(n: Node): number {
    const b = this.b, lhs = n.lhs!;
    const lv = this.lval(lhs);
    const ty = unqual(lhs.ty);
    const old = this.loadLV(lv);
    const inc = n.kind === NK.PreInc || n.kind === NK.PostInc;
    let nv: number;
    if (ty.kind === TY.Pointer) nv = this.ptrOffset(old, this.iconst(this.ir(this.T.ptrdiffT), 1), this.T.ptrdiffT, ty, !inc);
    else if (ty.kind === TY.Bool) nv = inc ? this.iconst(T.I8, 1) : b.binary(Op.Xor, T.I8, old, this.iconst(T.I8, 1));
    else if (ty.kind === TY.Complex) {
      const bt = this.ir(ty.base!);
      const re = this.op2(inc ? Op.Add : Op.Sub, inc ? Op.FAdd : Op.FSub, bt, this.part(old, ty, 0), this.one(bt));
      const oldCopy = this.makeComplex(ty, this.part(old, ty, 0), this.part(old, ty, 1));
      nv = this.makeComplex(ty, re, this.part(old, ty, 1));
      const stored = this.storeLV(lv, nv);
      return n.kind === NK.PreInc || n.kind === NK.PreDec ? stored : oldCopy;
    } else {
      const t = this.ir(ty);
      nv = isFloat(t) ? b.binary(inc ? Op.FAdd : Op.FSub, t, old, this.fconstNum(t, 1n)) : b.binary(inc ? Op.Add : Op.Sub, t, old, this.iconst(t, 1));
    }
    const stored = this.storeLV(lv, nv);
    return n.kind === NK.PreInc || n.kind === NK.PreDec ? stored : old;
  }

  private cond(n: Node): number {
    const b = this.b, ty = n.ty;
    const isVoid = ty.kind === TY.Void;
    const rt = isVoid ? T.Void : isAggregate(ty) ? T.Ptr : this.ir(ty);
    const t = b.newBlock(), f = b.newBlock(), end = b.newBlock();
    let tv = -1, tb = -1;
    if (n.then === null) {
      const c = this.rv(n.cond!);
      b.br(this.truth(c, n.cond!.ty), t, f);
      b.setBlock(t);
      tv = isVoid ? -1 : this.convert(c, n.cond!.ty, ty);
    } else {
      this.branch(n.cond!, t, f);
      b.setBlock(t);
      tv = this.rv(n.then);
    }
    tb = b.block; b.jmp(end);
    b.setBlock(f);
    const fv = this.rv(n.els!);
    const fb = b.block; b.jmp(end);
    b.setBlock(end);
    if (isVoid) return this.undef();
    return b.phi(rt, [tb, tv, fb, fv]);
  }

  private stmtExpr(n: Node): number {
    const body = n.body!;
    this.pushScope(body);
    const list = body.list!;
    let v = this.undef();
    // a variable-size result is copied out to storage made before the scope's VLAs (freed at its end)
    const out = isVarSize(n.ty) ? this.temp(n.ty) : -1;
    for (let k = 0; k < list.length; k++) {
      const s = list[k];
      if (k === list.length - 1 && s.kind === NK.ExprStmt && n.ty.kind !== TY.Void) v = this.rv(s.lhs!);
      else this.stmt(s);
    }
    if (isAggregate(n.ty) && !this.b.terminated()) {
      // copy out: the value may live in a scope-local object
      const t = out >= 0 ? out : this.temp(n.ty);
      this.b.memcpy(t, v, this.byteSize(n.ty), 1);
      v = t;
    }
    this.popScope();
    return v;
  }

  // ------------------------------------------------------------------ calls
  /**
   * -O1 and up, as gcc: a printf-like call whose result is unused, with a constant format, becomes
   * puts/putchar/fputs/fputc (or nothing) when that prints the same. Returns false to leave it alone.
   */
  private printfFold(call: Node): boolean {
    if (!this.ml.opts.optLevel || call.kind !== NK.Call || !call.list) return false;
    const fo = this.calleeObj(call.lhs!);
    const spec = fo ? PRINTF_LIKE.get(fo.asmName ?? fo.name) : undefined;
    if (!spec) return false;
    const args = call.list, fmt = strUnits(args[spec.fmt]);
    if (!fmt) return false;
    const file = spec.file >= 0 ? args[spec.file] : null, rest = args.slice(spec.fmt + 1);
    const pct = fmt.includes(37);
    if (spec.va && pct) return false;
    const T = this.T, int = T.int, is = (f: string) => fmt.length === f.length && fmt.every((c, k) => c === f.charCodeAt(k));
    const lib = (name: string, params: Type[], vals: number[]) => this.callLib(name, T.funcType(int, params, false, false), vals, params);
    const lit = (units: number[]) => this.b.sym(this.ml.strLabel(new StrLit(units, T.char)));
    let text: number[] | null = null;
    if (!pct) { if (!spec.va && rest.length) return false; text = fmt; }
    else if (rest.length !== 1) return false;
    else if (is('%s') && strUnits(rest[0])) text = strUnits(rest[0]);
    else if (is('%s') && file) { lib('fputs', [T.constCharPtr, file.ty], [this.rv(rest[0]), this.rv(file)]); return true; }
    else if (is('%c')) {
      const c = this.convert(this.rv(rest[0]), rest[0].ty, int);
      if (file) lib('fputc', [int, file.ty], [c, this.rv(file)]); else lib('putchar', [int], [c]);
      return true;
    } else if (is('%s\n') && !file) { lib('puts', [T.constCharPtr], [this.rv(rest[0])]); return true; }
    else return false;
    if (!text) return false;
    if (!text.length) return true;
    if (file) {
      if (text.length === 1) lib('fputc', [int, file.ty], [this.iconst(T_I32, text[0]), this.rv(file)]);
      else lib('fputs', [T.constCharPtr, file.ty], [lit(text), this.rv(file)]);
      return true;
    }
    if (text.length === 1) { lib('putchar', [int], [this.iconst(T_I32, text[0])]); return true; }
    if (text[text.length - 1] !== 10) return false;
    lib('puts', [T.constCharPtr], [lit(text.slice(0, -1))]);
    return true;
  }

  private calleeObj(n: Node): Obj | null {
    let c = n;
    while (c.kind === NK.Cast && (c.ck === CK.FuncDecay || c.ck === CK.NoOp)) c = c.lhs!;
    if (c.kind === NK.Addr) c = c.lhs!;
    while (c.kind === NK.Deref && c.lhs!.kind === NK.Cast && c.lhs!.ck === CK.FuncDecay) c = c.lhs!.lhs!;
    return c.kind === NK.Var && c.obj!.isFunc ? c.obj! : null;
  }

  call(n: Node): number {
    if (n.builtin >= 0) {
      const r = this.builtinCall(n);
      if (r !== null) return r;
    }
    const fo = this.calleeObj(n.lhs!);
    let ft = n.lhs!.ty;
    if (ft.kind === TY.Pointer) ft = ft.base!;
    const callee = fo ? this.b.sym(fo.builtin >= 0 && fo.name.startsWith('__builtin_') ? fo.name.slice(10) : this.ml.noteRef(fo)) : this.rv(n.lhs!);
    if (fo && fo.builtin >= 0 && fo.name.startsWith('__builtin_')) this.ml.usedExterns.set(fo.name.slice(10), fo);
    const args = n.list!.map((a) => this.rv(a));
    const name = fo ? (fo.asmName ?? fo.name) : '';
    const r = this.emitCall(callee, ft, args, n.list!.map((a) => a.ty), RETURNS_TWICE.has(name) || !!fo?.attrs?.other?.includes('returns_twice'), !!fo?.attrs?.noreturn, this.chainFor(fo));
    // -Winfinite-recursion: a direct call of this function (the call is the block's last instruction)
    if (fo === this.fo && this.ml.opts.warnInfiniteRecursion) (this.selfCalls ??= new Map()).set(this.f.last[this.b.block], calleeTok(n));
    return r;
  }

  private emitCall(callee: number, ft: Type, args: number[], argTys: Type[], twice: boolean, noret: boolean, chain = -1): number {
    const m = this.m, tm = this.ml.tm, b = this.b;
    const rt = ft.base!;
    const proto = ft.params && !ft.oldStyle ? ft.params : null;
    const abis = args.map((_, k) => tm.abi(m, proto && k < proto.length ? proto[k] : argTys[k]));
    for (let k = 0; k < args.length; k++) {
      const at = proto && k < proto.length ? proto[k] : argTys[k];
      if (isVarSize(at) && at.kind !== TY.Array) { const c = this.temp(at); b.memcpy(c, args[k], this.byteSize(at), 1); args[k] = c; }
    }
    if (proto) for (let k = 0; k < args.length && k < proto.length; k++) {
      if (!isAggregate(proto[k]) && !isAggregate(argTys[k]) && this.ir(proto[k]) !== this.ir(argTys[k])) args[k] = this.convert(args[k], argTys[k], proto[k]);
    }
    let nfixed = proto && ft.variadic ? proto.length : -1;
    let flags = (twice ? SigFlag.ReturnsTwice : 0) | (noret || ft.noreturn ? SigFlag.NoReturn : 0);
    if (chain >= 0) {
      abis.unshift(m.abiScalar(T.Ptr)); args = [chain, ...args];
      flags |= SigFlag.StaticChain;
      if (nfixed >= 0) nfixed++;
    }
    const sig = m.sig(tm.abi(m, rt), abis, nfixed, flags);
    if (isAggregate(rt)) {
      const dst = this.temp(rt);
      b.call(sig, callee, [dst, ...args]);
      return dst;
    }
    const r = b.call(sig, callee, args, this.ir(rt));
    return rt.kind === TY.Void ? this.undef() : r;
  }

  /** Calls function object fo with values args (of C types tys). */
  private callObj(fo: Obj, args: number[], tys: Type[]): number {
    return this.emitCall(this.b.sym(this.ml.noteRef(fo)), fo.ty, args, tys, false, false, this.chainFor(fo));
  }
  /** Calls a library function by name with a given C function type. */
  private callLib(name: string, ft: Type, args: number[], tys: Type[]): number {
    const fake = new Obj(name, ft, null);
    fake.isFunc = true;
    this.ml.usedExterns.set(name, fake);
    return this.emitCall(this.b.sym(name), ft, args, tys, false, false);
  }

  // ------------------------------------------------------------------ builtins
  /** A call whose callee is a builtin: expand it, or return null for an ordinary call. */
  private builtinCall(n: Node): number | null {
    const b = this.b;
    const full = BUILTINS[n.builtin].name;
    const name = full.replace(/^__builtin_/, '');
    const args = n.list!;
    const a0 = () => this.rv(args[0]);
    const rt = this.ir(n.ty);
    switch (name) {
      case 'conj': case 'conjf': case 'conjl': {
        if (n.ty.kind !== TY.Complex || args.length !== 1) return null;
        const v = this.convert(this.rv(args[0]), args[0].ty, n.ty), bt = this.ir(n.ty.base!);
        return this.makeComplex(n.ty, this.part(v, n.ty, 0), b.unary(Op.FNeg, bt, this.part(v, n.ty, 1)));
      }
      case 'expect': case 'expect_with_probability': case 'assume_aligned': {
        const v = a0();
        for (let k = 1; k < args.length; k++) this.rv(args[k]);
        return v;
      }
      case 'unreachable': b.unreachable(); return this.undef();
      case 'trap': b.trap(); return this.undef();
      case 'prefetch': for (const a of args) this.rv(a); return this.undef();
      case 'frame_address': case 'return_address': {
        const level = Number(args[0].val ?? 0n);
        const w = this.ml.opts.warnFrameAddress, fo = this.fo;
        if (level !== 0 && w && (fo.used || !fo.isInline) && !isInlineDefinition(fo)) {
          const blk = b.block, ins = name === 'frame_address' ? b.frameAddr(level) : b.retAddr(level);
          (this.frameAddrCalls ??= []).push({ block: blk, ins, at: calleeTok(n), name: full });
          return ins;
        }
        return name === 'frame_address' ? b.frameAddr(level) : b.retAddr(level);
      }
      case 'extract_return_addr': case 'frob_return_addr': return a0();
      case 'alloca': return b.dalloca(this.toPtr(a0()), 16);
      case 'alloca_with_align': case 'alloca_with_align_and_max': {
        const sz = a0();
        return b.dalloca(this.toPtr(sz), Math.max(16, Number(args[1].val ?? 128n) / 8));
      }
      case 'stack_save': return b.stackSave();
      case 'stack_restore': b.stackRestore(a0()); return this.undef();
      // gcc folds these three of <ctype.h> at every level (the kernel's isdigit is __builtin_isdigit)
      case 'isdigit': {
        const d = b.binary(Op.Sub, T.I32, a0(), this.iconst(T.I32, 48));
        return this.intResize(b.cmp(Op.Ule, d, this.iconst(T.I32, 9), T.I8), T.I8, rt, false);
      }
      case 'isascii': {
        const m = b.binary(Op.And, T.I32, a0(), this.iconst(T.I32, -128));
        return this.intResize(b.cmp(Op.Eq, m, this.iconst(T.I32, 0), T.I8), T.I8, rt, false);
      }
      case 'toascii': return b.binary(Op.And, T.I32, a0(), this.iconst(T.I32, 127));
      case 'abs': case 'labs': case 'llabs': case 'imaxabs': {
        const v = a0(), t = this.ir(args[0].ty);
        const neg = b.cmp(Op.Slt, v, this.iconst(t, 0), T.I8);
        return b.select(t, neg, b.unary(Op.Neg, t, v), v);
      }
      case 'fabs': case 'fabsf': case 'fabsl': case 'fabsf128': case 'fabsq': return this.fabs(a0(), rt);
      case 'copysign': case 'copysignf': case 'copysignl': case 'copysignf128': case 'copysignq': {
        const x = this.fabs(a0(), rt), s = this.signBit(this.rv(args[1]), rt);
        return b.select(rt, s, b.unary(Op.FNeg, rt, x), x);
      }
      case 'isinf_sign': {
        const v = a0(), t = this.ir(args[0].ty), inf = this.fclass(v, t, 'inf'), sg = this.signBit(v, t);
        return b.select(T.I32, inf, b.select(T.I32, sg, this.iconst(T.I32, -1), this.iconst(T.I32, 1)), this.iconst(T.I32, 0));
      }
      case 'signbit': case 'signbitf': case 'signbitl': return this.signBit(a0(), this.ir(args[0].ty));
      case 'isnan': case 'isnanf': case 'isnanl': { const v = a0(); return b.cmp(Op.FUo, v, v, T.I32); }
      case 'isinf': case 'isinff': case 'isinfl': return this.fclass(a0(), this.ir(args[0].ty), 'inf');
      case 'finite': case 'finitef': case 'finitel': return this.fclass(a0(), this.ir(args[0].ty), 'finite');
      case 'LINE': return this.iconst(rt, n.val ?? 0n);
      case 'object_size': case 'dynamic_object_size': return this.iconst(rt, n.val ?? -1n);
      case 'constant_p': return this.iconst(rt, 0);
      case 'setjmp': case 'longjmp': {
        // __builtin_setjmp/__builtin_longjmp: gcc's 5-word buffer, not libc's jmp_buf (runtime/builtin-setjmp.c)
        if (full !== '__builtin_setjmp' && full !== '__builtin_longjmp' || this.ml.target.arch !== 'x86_64') return null;
        const vp = this.T.pointerTo(this.T.void);
        const buf = this.convert(a0(), args[0].ty, vp);
        const jmp = name === 'longjmp';
        const ft = this.T.funcType(jmp ? this.T.void : this.T.int, [vp], false, false);
        const fn = jmp ? '__cc_ts_builtin_longjmp' : '__cc_ts_builtin_setjmp';
        const fake = new Obj(fn, ft, null);
        fake.isFunc = true;
        this.ml.usedExterns.set(fn, fake);
        if (jmp) for (let k = 1; k < args.length; k++) this.rv(args[k]);
        const r = this.emitCall(b.sym(fn), ft, [buf], [vp], !jmp, jmp);
        if (jmp) { b.unreachable(); return this.undef(); }
        return r;
      }
      case 'bcmp': return null;
    }
    const m = /^(clz|ctz|popcount|parity|ffs|clrsb|bswap)(l|ll|s|16|32|64|128)?$/.exec(name);
    if (m) return this.bitBuiltin(m[1], a0(), this.ir(args[0].ty), rt);
    if (/^(huge_val|inf|nan|nans)/.test(name) && n.fval !== null) return b.float(rt, n.fval);
    if (/^(huge_val|inf)/.test(name)) return b.float(rt, num.fFromNumber(Infinity, this.fmt(rt)));
    if (name === 'alloca' || full === 'alloca') return b.dalloca(this.toPtr(a0()), 16);
    return null;
  }

  private fclass(v: number, t: number, what: 'inf' | 'finite' | 'normal'): number {
    const b = this.b;
    const a = this.fabs(v, t);
    const inf = b.float(t, num.fFromNumber(Infinity, this.fmt(t)));
    if (what === 'inf') return b.cmp(Op.FEq, a, inf, T.I32);
    if (what === 'finite') return b.cmp(Op.FLt, a, inf, T.I32);
    const lo = b.cmp(Op.FGe, a, b.float(t, minNormal(t)), T.I8);
    return b.conv(Op.ZExt, T.I32, b.binary(Op.And, T.I8, lo, b.cmp(Op.FLt, a, inf, T.I8)));
  }

  private bitBuiltin(k: string, v: number, t: number, rt: number): number {
    const b = this.b, bits = bitsOf(t, this.ml.ptrSize);
    const res = (x: number) => this.intResize(x, t, rt, false);
    switch (k) {
      case 'clz': return res(b.unary(Op.Clz, t, v));
      case 'ctz': return res(b.unary(Op.Ctz, t, v));
      case 'popcount': return res(b.unary(Op.Popcnt, t, v));
      case 'parity': return res(b.binary(Op.And, t, b.unary(Op.Popcnt, t, v), this.iconst(t, 1)));
      case 'ffs': {
        const z = b.cmp(Op.Eq, v, this.iconst(t, 0), T.I8);
        const c = b.binary(Op.Add, t, b.unary(Op.Ctz, t, v), this.iconst(t, 1));
        return res(b.select(t, z, this.iconst(t, 0), c));
      }
      case 'clrsb': {
        const s = b.binary(Op.AShr, t, v, this.iconst(t, bits - 1));
        return res(b.binary(Op.Sub, t, b.unary(Op.Clz, t, b.binary(Op.Xor, t, v, s)), this.iconst(t, 1)));
      }
      default: return this.intResize(b.unary(Op.Bswap, t, v), t, rt, false);
    }
  }

  private order(n: Node | undefined, dflt = Order.SeqCst): number {
    if (!n || n.val === null) return dflt;
    const v = Number(n.val) & 0xffff;
    return v >= 0 && v <= 5 ? v + 1 : Order.SeqCst;
  }

  /** Generic builtins (NK.Builtin). */
  private builtin(n: Node): number {
    const b = this.b;
    if (n.builtin === -2) { // __builtin_convertvector
      const s = n.list![0], v = this.rv(s);
      return this.lanes(n.ty, n.ty, (k) => this.convert(this.lane(v, s.ty, k), s.ty.base!, n.ty.base!));
    }
    const name = BUILTINS[n.builtin].name;
    const args = n.list ?? [];
    if (n.val !== null) { for (const a of args) if (a.val === null && a.kind !== NK.StrLit) this.rv(a); return this.iconst(this.ir(n.ty), n.val); }
    const fl = (k: number) => { const a = args[k]; const v = this.rv(a); return isInteger(a.ty) ? { v: this.convert(v, a.ty, this.T.double), t: T.F64 } : { v, t: this.ir(a.ty) }; };
    switch (name) {
      case '__builtin_va_start': case '__builtin_stdarg_start': b.vaStart(this.vaList(args[0])); return this.undef();
      case '__builtin_va_end': b.vaEnd(this.vaList(args[0])); return this.undef();
      case '__builtin_va_copy': b.vaCopy(this.vaList(args[0]), this.vaList(args[1])); return this.undef();
      case '__builtin_alloca': return b.dalloca(this.toPtr(this.rv(args[0])), 16);
      case '__builtin_isnan': { const x = fl(0); return b.cmp(Op.FUo, x.v, x.v, T.I32); }
      case '__builtin_issignaling': { const x = fl(0); void x; return this.iconst(T.I32, 0); }
      case '__builtin_isinf': { const x = fl(0); return this.fclass(x.v, x.t, 'inf'); }
      case '__builtin_isfinite': { const x = fl(0); return this.fclass(x.v, x.t, 'finite'); }
      case '__builtin_isnormal': { const x = fl(0); return this.fclass(x.v, x.t, 'normal'); }
      case '__builtin_signbit': { const x = fl(0); return this.signBit(x.v, x.t); }
      case '__builtin_isinf_sign': {
        const x = fl(0), inf = this.fclass(x.v, x.t, 'inf'), s = this.signBit(x.v, x.t);
        return b.select(T.I32, inf, b.select(T.I32, s, this.iconst(T.I32, -1), this.iconst(T.I32, 1)), this.iconst(T.I32, 0));
      }
      case '__builtin_fpclassify': {
        const cls = args.slice(0, 5).map((a) => this.rv(a));
        const x = fl(5), t = x.t;
        const a = this.fabs(x.v, t);
        const isnan = b.cmp(Op.FUo, x.v, x.v, T.I8);
        const isinf = b.cmp(Op.FEq, a, b.float(t, num.fFromNumber(Infinity, this.fmt(t))), T.I8);
        const iszero = b.cmp(Op.FEq, a, b.float(t, 0n), T.I8);
        const issub = b.cmp(Op.FLt, a, b.float(t, minNormal(t)), T.I8);
        let r = b.select(T.I32, issub, cls[3], cls[2]);
        r = b.select(T.I32, iszero, cls[4], r);
        r = b.select(T.I32, isinf, cls[1], r);
        return b.select(T.I32, isnan, cls[0], r);
      }
      case '__builtin_isgreater': case '__builtin_isgreaterequal': case '__builtin_isless': case '__builtin_islessequal':
      case '__builtin_islessgreater': case '__builtin_isunordered': {
        const ct = this.commonFloat(args[0].ty, args[1].ty);
        const x = this.convert(this.rv(args[0]), args[0].ty, ct), y = this.convert(this.rv(args[1]), args[1].ty, ct);
        switch (name) {
          case '__builtin_isgreater': return b.cmp(Op.FGt, x, y, T.I32);
          case '__builtin_isgreaterequal': return b.cmp(Op.FGe, x, y, T.I32);
          case '__builtin_isless': return b.cmp(Op.FLt, x, y, T.I32);
          case '__builtin_islessequal': return b.cmp(Op.FLe, x, y, T.I32);
          case '__builtin_isunordered': return b.cmp(Op.FUo, x, y, T.I32);
        }
        const o = b.cmp(Op.FOrd, x, y, T.I8), ne = b.cmp(Op.FNe, x, y, T.I8);
        return b.conv(Op.ZExt, T.I32, b.binary(Op.And, T.I8, o, ne));
      }
      case '__builtin_complex': return this.makeComplex(n.ty, this.rv(args[0]), this.rv(args[1]));
      case '__builtin_shuffle': { // (v, mask) or (a, b, mask): lane k = the (mask[k] mod n)-th lane of v, or of a then b
        const vt = n.ty, mt = args[args.length - 1].ty, e = vt.base!, cnt = vt.len;
        let src = this.rv(args[0]), lanes = cnt;
        if (args.length === 3) {
          const both = this.b.alloca(2 * vt.size, this.align(vt));
          this.b.memcpy(both, src, this.pconst(vt.size), this.align(vt));
          this.b.memcpy(this.addOff(both, vt.size), this.rv(args[1]), this.pconst(vt.size), this.align(vt));
          src = both; lanes = 2 * cnt;
        }
        const m = this.rv(args[args.length - 1]);
        return this.lanes(vt, vt, (k) => {
          const idx = this.intResize(this.lane(m, mt, k), this.ir(mt.base!), T.Ptr, false);
          const off = this.b.binary(Op.Mul, T.Ptr, this.b.binary(Op.And, T.Ptr, idx, this.pconst(lanes - 1)), this.pconst(e.size));
          return this.b.load(this.ir(e), this.b.binary(Op.Add, T.Ptr, src, off), this.align(e));
        });
      }
      case '__builtin_speculation_safe_value': return this.rv(args[0]);
      case '__builtin_classify_type': return this.iconst(T.I32, 0);
      // left by the parser at -O1 and up for a side-effect-free scalar argument: the optimiser decides
      case '__builtin_constant_p': return args.length === 1 && !isAggregate(args[0].ty) ? b.isConst(this.rv(args[0])) : this.iconst(T.I32, 0);
    }
    if (name.endsWith('_overflow') || name.endsWith('_overflow_p')) return this.overflow(name, args);
    if (name.startsWith('__sync_') || name.startsWith('__atomic_')) return this.atomic(name, args, n.ty);
    this.err(n, `unsupported builtin '${name}'`);
  }

  private commonFloat(a: Type, c: Type): Type {
    const r = (t: Type) => isRealFloat(t) ? floatRank(this.ir(t)) : -1;
    const best = r(a) >= r(c) ? a : c;
    return isRealFloat(best) ? best : this.T.double;
  }

  private overflow(name: string, args: Node[]): number {
    const b = this.b;
    const a = args[0], c = args[1], r = args[2];
    const isP = name.endsWith('_p');
    const resTy = isP ? r.ty : r.ty.base!;
    const op = /add/.test(name) ? Op.Add : /sub/.test(name) ? Op.Sub : Op.Mul;
    const av = this.rv(a), cv = this.rv(c);
    const dst = isP ? -1 : this.rv(r);
    if (isP) void this.rv(r);
    const rt = this.ir(resTy);
    let res: number, ovf: number;
    if (a.ty.size <= 8 && c.ty.size <= 8 && resTy.size <= 8) {
      const W = T.I128;
      const wa = this.intResize(av, this.ir(a.ty), W, !isUnsigned(a.ty)), wc = this.intResize(cv, this.ir(c.ty), W, !isUnsigned(c.ty));
      const w = b.binary(op, W, wa, wc);
      res = this.intResize(w, W, rt, false);
      const back = this.intResize(res, rt, W, !isUnsigned(resTy));
      ovf = b.cmp(Op.Ne, back, w, T.I8);
    } else {
      const x = this.intResize(av, this.ir(a.ty), rt, !isUnsigned(a.ty)), y = this.intResize(cv, this.ir(c.ty), rt, !isUnsigned(c.ty));
      res = b.binary(op, rt, x, y);
      const u = isUnsigned(resTy), z = this.iconst(rt, 0);
      if (op === Op.Add) ovf = u ? b.cmp(Op.Ult, res, x, T.I8)
        : b.cmp(Op.Slt, b.binary(Op.And, rt, b.binary(Op.Xor, rt, x, res), b.binary(Op.Xor, rt, y, res)), z, T.I8);
      else if (op === Op.Sub) ovf = u ? b.cmp(Op.Ult, x, y, T.I8)
        : b.cmp(Op.Slt, b.binary(Op.And, rt, b.binary(Op.Xor, rt, x, y), b.binary(Op.Xor, rt, x, res)), z, T.I8);
      else {
        const nz = b.cmp(Op.Ne, x, z, T.I8);
        const safe = b.select(rt, nz, x, this.iconst(rt, 1));
        const q = b.binary(u ? Op.UDiv : Op.SDiv, rt, res, safe);
        ovf = b.binary(Op.And, T.I8, nz, b.cmp(Op.Ne, q, y, T.I8));
      }
    }
    if (!isP) b.store(rt, res, dst, this.align(resTy));
    return ovf;
  }

  private atomic(name: string, args: Node[], resTy: Type): number {
    const b = this.b;
    const s0 = name.replace(/^__(sync|atomic)_/, '');
    if (s0 === 'synchronize') { b.fence(Order.SeqCst); return this.undef(); }
    if (s0 === 'thread_fence' || s0 === 'signal_fence') { b.fence(this.order(args[0])); return this.undef(); }
    if (s0 === 'feraiseexcept') { for (const a of args) this.rv(a); return this.undef(); }
    if (s0 === 'always_lock_free' || s0 === 'is_lock_free') { for (const a of args) this.rv(a); return this.iconst(T.I8, 1); }
    const p = this.rv(args[0]);
    const elem = args[0].ty.base!;
    const et = isAggregate(elem) || isRealFloat(elem) ? intOfSize(elem.size) : this.ir(elem);
    const al = Math.max(elem.size, 1);
    const s = name.replace(/^__(sync|atomic)_/, '');
    const isSync = name.startsWith('__sync_');
    const ord = (k: number) => isSync ? Order.SeqCst : this.order(args[k]);
    const val = (k: number) => { const v = this.rv(args[k]); return this.intResize(v, this.f.typeOf(v), et, !isUnsigned(args[k].ty)); };
    const rmwOf: Record<string, number> = { add: Rmw.Add, sub: Rmw.Sub, and: Rmw.And, or: Rmw.Or, xor: Rmw.Xor, nand: Rmw.Nand };
    let m = /^fetch_and_(add|sub|or|and|xor|nand)$/.exec(s) || /^fetch_(add|sub|or|and|xor|nand)$/.exec(s);
    if (m) return b.atomicRmw(rmwOf[m[1]], et, p, val(1), al, ord(2));
    m = /^(add|sub|or|and|xor|nand)_and_fetch$/.exec(s) || /^(add|sub|or|and|xor|nand)_fetch$/.exec(s);
    if (m) {
      const v = val(1);
      const old = b.atomicRmw(rmwOf[m[1]], et, p, v, al, ord(2));
      switch (m[1]) {
        case 'add': return b.binary(Op.Add, et, old, v);
        case 'sub': return b.binary(Op.Sub, et, old, v);
        case 'or': return b.binary(Op.Or, et, old, v);
        case 'and': return b.binary(Op.And, et, old, v);
        case 'xor': return b.binary(Op.Xor, et, old, v);
        default: return b.unary(Op.Not, et, b.binary(Op.And, et, old, v));
      }
    }
    switch (s) {
      case 'bool_compare_and_swap': {
        const e = val(1), d = val(2);
        const old = b.cmpxchg(et, p, e, d, al, Order.SeqCst, Order.SeqCst);
        return b.cmp(Op.Eq, old, e, T.I8);
      }
      case 'val_compare_and_swap': return b.cmpxchg(et, p, val(1), val(2), al, Order.SeqCst, Order.SeqCst);
      case 'lock_test_and_set': return b.atomicRmw(Rmw.Xchg, et, p, val(1), al, Order.Acquire);
      case 'lock_release': b.atomicStore(et, this.iconst(et, 0), p, al, Order.Release); return this.undef();
      case 'synchronize': b.fence(Order.SeqCst); return this.undef();
      case 'thread_fence': case 'signal_fence': b.fence(this.order(args[0])); return this.undef();
      case 'load_n': { const v = b.atomicLoad(et, p, al, ord(1)); return this.fromInt(v, et, resTy); }
      case 'store_n': b.atomicStore(et, this.toInt(this.rv(args[1]), args[1].ty, et), p, al, ord(2)); return this.undef();
      case 'exchange_n': return this.fromInt(b.atomicRmw(Rmw.Xchg, et, p, this.toInt(this.rv(args[1]), args[1].ty, et), al, ord(2)), et, resTy);
      case 'compare_exchange_n': case 'compare_exchange': {
        const ep = this.rv(args[1]);
        const e = b.load(et, ep, al);
        const d = s === 'compare_exchange' ? b.load(et, this.rv(args[2]), al) : this.toInt(this.rv(args[2]), args[2].ty, et);
        const weak = args[3] && args[3].val !== null && args[3].val !== 0n;
        const old = b.cmpxchg(et, p, e, d, al, this.order(args[4]), this.order(args[5]), !!weak);
        const ok = b.cmp(Op.Eq, old, e, T.I8);
        b.store(et, old, ep, al);
        return ok;
      }
      case 'load': { const v = b.atomicLoad(et, p, al, ord(2)); b.store(et, v, this.rv(args[1]), al); return this.undef(); }
      case 'store': { const v = b.load(et, this.rv(args[1]), al); b.atomicStore(et, v, p, al, ord(2)); return this.undef(); }
      case 'exchange': {
        const v = b.load(et, this.rv(args[1]), al);
        const old = b.atomicRmw(Rmw.Xchg, et, p, v, al, ord(3));
        b.store(et, old, this.rv(args[2]), al);
        return this.undef();
      }
      case 'test_and_set': {
        const old = b.atomicRmw(Rmw.Xchg, T.I8, p, this.iconst(T.I8, 1), 1, ord(1));
        return b.cmp(Op.Ne, old, this.iconst(T.I8, 0), T.I8);
      }
      case 'clear': b.atomicStore(T.I8, this.iconst(T.I8, 0), p, 1, ord(1)); return this.undef();
      case 'always_lock_free': case 'is_lock_free': return this.iconst(T.I8, 1);
    }
    this.err(args[0], `unsupported builtin '${name}'`);
  }
  private toInt(v: number, t: Type, et: number): number {
    const vt = this.ir(t);
    if (isFloat(vt)) return this.b.emit(Op.Bitcast, et, [v]);
    return this.intResize(v, vt, et, !isUnsigned(t));
  }
  private fromInt(v: number, et: number, t: Type): number {
    const tt = this.ir(t);
    if (isFloat(tt)) return this.b.emit(Op.Bitcast, tt, [v]);
    return this.intResize(v, et, tt, false);
  }

  // ------------------------------------------------------------------ inline asm
  // The IR asm op carries the template with named operands resolved to numbers, and a constraint
  // string with one comma-separated entry per operand: outputs first (always passed by address, the
  // entry gets a `*` after its '='/'+': "=*r"), then inputs (memory-only inputs are addresses, "*m"),
  // then goto labels ("!l", operand = block address), then clobbers as "~{name}". An `asm goto` yields
  // an i32: 0 on fall-through, k+1 when it jumped to label k; a switch after it dispatches.
  private asmStmt(a: AsmInfo): void {
    const b = this.b;
    const cons: string[] = [], ops: number[] = [];
    const names: (string | null)[] = [];
    for (const o of a.outputs) {
      const lv = this.addr(o.expr);
      // a scalar output says the type stored through its address: "=*r:i32"
      const scalar = !isAggregate(o.expr.ty) ? ':' + TYPE_NAMES[this.ir(o.expr.ty)] : '';
      cons.push(o.constraint.replace(/^([=+])/, '$1*') + scalar);
      ops.push(lv); names.push(o.name);
    }
    for (const i of a.inputs) {
      const memOnly = /^[^a-zA-Z0-9]*[mVo]+$/.test(i.constraint) || isAggregate(i.expr.ty);
      if (memOnly) { cons.push('*' + i.constraint); ops.push(i.expr.lvalue ? this.addr(i.expr) : this.addr(i.expr)); }
      else {
        const digit = /^\d+$/.test(i.constraint);
        cons.push(i.constraint);
        ops.push(digit || !i.expr.lvalue ? this.rv(i.expr) : this.rv(i.expr));
      }
      names.push(i.name);
    }
    const nOps = ops.length;
    const targets: number[] = [];
    for (const l of a.labels) {
      const blk = this.labelBlock(l);
      targets.push(blk);
      cons.push('!l');
      ops.push(b.blockAddr(blk));
      names.push(l.name);
    }
    for (const c of a.clobbers) cons.push(`~{${c}}`);
    let tmpl = a.template;
    tmpl = tmpl.replace(/%([a-zA-Z]?)\[([A-Za-z_][A-Za-z0-9_]*)\]/g, (all, mod: string, nm: string) => {
      const k = names.indexOf(nm);
      return k < 0 ? all : `%${mod}${k}`;
    });
    void nOps;
    const side = a.isVolatile || a.outputs.length === 0 || a.isGoto;
    if (a.isGoto && targets.length) {
      const r = b.asm(tmpl, cons.join(','), ops, T.I32, true);
      const cont = b.newBlock();
      b.switch(r, cont, targets.map((t, k) => [this.iconst(T.I32, k + 1), this.iconst(T.I32, k + 1), t]));
      b.setBlock(cont);
      return;
    }
    b.asm(tmpl, cons.join(','), ops, T.Void, side);
  }
}

function unqual(t: Type): Type { return t.unqual ?? t; }

/** The type a K&R parameter arrives in (default argument promotions). */
function promoted(T: { int: Type; double: Type; float: Type }, t: Type): Type {
  if (t.kind === TY.Float) return T.double;
  if (t.kind >= TY.Bool && t.kind <= TY.UShort) return T.int;
  if (t.kind === TY.Enum && t.size < 4) return T.int;
  return t;
}

function minNormal(t: number): bigint {
  switch (t) {
    case T.F32: return 0x00800000n;
    case T.F64: return 0x0010000000000000n;
    case T.F80: return (1n << 64n) | (1n << 63n);
    default: return 1n << 112n;
  }
}
