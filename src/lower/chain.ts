// Static chains for GNU nested functions.
//
// A nested function that uses a local of an enclosing function (directly, or because it calls or
// takes the address of a nested function that needs a frame further out) takes a hidden first
// parameter, its static chain: a pointer to the FRAME BLOCK of the function it is nested in. A frame
// block is an array of pointers in the enclosing function's frame, filled at its entry: slot 0 holds
// the enclosing function's own static chain (if it has one), slot k+1 the address of its k-th
// captured local (for a VLA: the address of the slot holding the VLA's address). A use of a captured
// local walks the chain outwards (one load of slot 0 per level), then loads the local's address.
//
// Captured locals therefore have their address stored in memory: mem2reg leaves them in memory, and
// the code of both functions reads and writes the same object.
//
// Labels: `&&l` of an enclosing function's label reads the label's address from that function's frame
// block (stored there at entry). A non-local `goto l` (l a label of an enclosing function P): P calls
// _setjmp on a jmp_buf in its frame block at entry, and when that returns again, dispatches on the
// label number stored in the frame block; the nested function stores the number and calls longjmp.
// All of P's locals are then kept in memory (listed as captured), so their values survive the jump.
//
// Direct calls pass the chain as the first argument (SigFlag.StaticChain; x86-64: in %r10, as gcc
// does). Taking the address of such a function builds a trampoline on the stack (func.ts), which
// loads %r10 and jumps to the function; the module then asks for an executable stack.

import { LabelInfo, NK, Node, Obj, SC } from '../parse/ast';
import { TY, Type } from '../parse/types';

export interface ChainInfo {
  /** Local object (or parameter) -> the function that owns it. */
  owner: Map<Obj, Obj>;
  /** Nested functions that take a static chain. */
  needs: Set<Obj>;
  /** Function -> its locals used by nested functions (frame block slot = index + 1). */
  captured: Map<Obj, Obj[]>;
  /** Functions that have a frame block (some nested function of theirs takes a chain). */
  hasFrame: Set<Obj>;
  /** Function -> its labels whose address nested functions take (`&&l`). */
  labelAddrs: Map<Obj, LabelInfo[]>;
  /** Function -> its labels that nested functions jump to (non-local goto). */
  nlGotos: Map<Obj, LabelInfo[]>;
  labelOwner: Map<LabelInfo, Obj>;
}

/** Byte offsets in a function's frame block (see the file comment). */
export interface FrameLayout { size: number; align: number; capOff: number; addrOff: number; whichOff: number; jbOff: number }
/** glibc's jmp_buf (struct __jmp_buf_tag) on x86-64. */
const JMP_BUF_SIZE = 200;

export function frameLayout(info: ChainInfo, p: Obj, ps: number): FrameLayout {
  const caps = info.captured.get(p)?.length ?? 0, addrs = info.labelAddrs.get(p)?.length ?? 0;
  const capOff = ps, addrOff = capOff + ps * caps, whichOff = addrOff + ps * addrs;
  if (!info.nlGotos.has(p)) return { size: whichOff, align: ps, capOff, addrOff, whichOff: -1, jbOff: -1 };
  const jbOff = Math.ceil((whichOff + 8) / 16) * 16;
  return { size: jbOff + JMP_BUF_SIZE, align: 16, capOff, addrOff, whichOff, jbOff };
}

export function nestedIn(f: Obj): Obj | null { return (f as unknown as { nestedIn?: Obj }).nestedIn ?? null; }

/** Locals and nested functions referenced by the body of f (not looking into nested bodies). */
function refs(f: Obj, owner: Map<Obj, Obj>): { locals: Set<Obj>; fns: Set<Obj>; gotos: Set<LabelInfo>; addrs: Set<LabelInfo> } {
  const locals = new Set<Obj>(), fns = new Set<Obj>(), gotos = new Set<LabelInfo>(), addrs = new Set<LabelInfo>();
  const seen = new Set<Node>();
  const walk = (n: Node | null): void => {
    if (!n || seen.has(n)) return;
    seen.add(n);
    if (n.kind === NK.Var && n.obj) {
      const o = n.obj;
      if (o.isFunc) { if (nestedIn(o)) fns.add(o); }
      else if (owner.has(o) && o.storage !== SC.Static && o.storage !== SC.Extern) locals.add(o);
    }
    if ((n.kind === NK.Decl || n.kind === NK.CompoundLit) && n.obj && !n.obj.isFunc) {
      if (n.obj.init) for (const it of n.obj.init) walk(it.expr);
      walkType(n.obj.ty);
    }
    if (n.kind === NK.Decl && !n.obj && n.ty.rec) for (const m of n.ty.rec.members) walkType(m.ty); // struct with VLA members
    if (n.kind === NK.Goto && n.label) gotos.add(n.label);
    if (n.kind === NK.LabelAddr && n.label) addrs.add(n.label);
    if (n.obj?.attrs?.cleanup && nestedIn(n.obj.attrs.cleanup)) fns.add(n.obj.attrs.cleanup);
    if (n.asm) for (const op of [...n.asm.outputs, ...n.asm.inputs]) walk(op.expr);
    walk(n.lhs); walk(n.rhs); walk(n.cond); walk(n.then); walk(n.els); walk(n.init); walk(n.inc); walk(n.body);
    if (n.list) for (const c of n.list) walk(c);
  };
  /** Size expressions of variably modified types. */
  const walkType = (t: Type | null): void => {
    for (; t; t = t.base) {
      walk(t.vla);
      if (t.kind === TY.Func || t.kind === TY.Struct || t.kind === TY.Union) return;
    }
  };
  for (const p of f.params ?? []) { walkType(p.ty); walk((p as unknown as { paramVla?: Node }).paramVla ?? null); }
  walk(f.body);
  return { locals, fns, gotos, addrs };
}

export function analyzeChains(decls: Obj[]): ChainInfo {
  const funcs = decls.filter((o) => o.isFunc && o.body);
  const info: ChainInfo = { owner: new Map(), needs: new Set(), captured: new Map(), hasFrame: new Set(), labelAddrs: new Map(), nlGotos: new Map(), labelOwner: new Map() };
  if (!funcs.some((f) => nestedIn(f))) return info;
  for (const f of funcs) for (const l of [...(f.locals ?? []), ...(f.params ?? [])]) info.owner.set(l, f);
  for (const f of funcs) for (const l of f.labels ?? []) info.labelOwner.set(l, f);
  const uses = new Map(funcs.map((f) => [f, refs(f, info.owner)] as const));
  /** Marks f and its enclosing functions up to (not including) `upto` as taking a chain. */
  const need = (f: Obj, upto: Obj): boolean => {
    let changed = false;
    for (let g: Obj | null = f; g && g !== upto; g = nestedIn(g)) if (!info.needs.has(g)) { info.needs.add(g); changed = true; }
    return changed;
  };
  const addLabel = (m: Map<Obj, LabelInfo[]>, f: Obj, l: LabelInfo): void => {
    const p = info.labelOwner.get(l);
    if (!p || p === f) return;
    need(f, p);
    let list = m.get(p);
    if (!list) m.set(p, list = []);
    if (!list.includes(l)) list.push(l);
  };
  for (const [f, u] of uses) {
    for (const l of u.gotos) addLabel(info.nlGotos, f, l);
    for (const l of u.addrs) addLabel(info.labelAddrs, f, l);
  }
  // a function that non-local gotos land in keeps every local in memory (listed as captured)
  for (const p of info.nlGotos.keys()) {
    const all = [...(p.params ?? []), ...(p.locals ?? [])].filter((o) => !o.isFunc && o.storage !== SC.Static && o.storage !== SC.Extern && o.storage !== SC.Typedef && o.storage !== SC.EnumConst);
    info.captured.set(p, all);
  }
  for (const [f, u] of uses) for (const o of u.locals) {
    const p = info.owner.get(o)!;
    if (p === f) continue;
    need(f, p);
    let list = info.captured.get(p);
    if (!list) info.captured.set(p, list = []);
    if (!list.includes(o)) list.push(o);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [f, u] of uses) for (const h of u.fns) {
      const p = nestedIn(h)!;
      if (info.needs.has(h) && p !== f && need(f, p)) changed = true;
    }
  }
  for (const f of info.needs) info.hasFrame.add(nestedIn(f)!);
  return info;
}
