// The IR verifier: structural rules (terminators, phis first, params and allocas in the entry block),
// operand types from the op table, phi arity against the predecessors, and SSA dominance. It
// returns every problem as `verify: $func @block: %value: what` (the value part only when one
// instruction is at fault); verifyModuleOrThrow joins them into one Error.

import { CK, Func, Module, isValueSlot } from './module';
import { OPS, Op, F, isTerminator } from './ops';
import { T, TYPE_NAMES, isFloat, isInt, sameType, bytesOf, bitsOf } from './types';
import { DomTree } from './analysis/dom';

export function verifyFunc(f: Func): string[] {
  const errs: string[] = [];
  const ps = f.module.ptrSize;
  const valueName = (i: number) => `%${f.names[i] ?? i}`;
  const hasValue = (i: number) => (OPS[f.op[i]].flags & F.Val) !== 0 || ((f.op[i] === Op.Call || f.op[i] === Op.Asm) && f.ty[i] !== T.Void);
  const where = (b: number, i = -1) => `verify: $${f.name} @${f.blockName(b)}: ${i >= 0 && hasValue(i) ? valueName(i) + ': ' : ''}`;
  if (!f.layout.length) { errs.push(`verify: $${f.name}: function has no blocks`); return errs; }
  const inLayout = new Uint8Array(f.nBlocks);
  for (const b of f.layout) {
    if (inLayout[b]) errs.push(`${where(b)}block listed twice in the layout`);
    inLayout[b] = 1;
  }
  // structure
  for (const b of f.layout) {
    if (f.first[b] < 0) { errs.push(`${where(b)}empty block`); continue; }
    let seenNonPhi = false;
    for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      const op = f.op[i];
      if (f.blk[i] !== b) errs.push(`${where(b, i)}instruction list is corrupt`);
      if (isTerminator(op) && i !== f.last[b]) errs.push(`${where(b, i)}terminator '${OPS[op].name}' in the middle of the block`);
      if (op === Op.Phi && seenNonPhi) errs.push(`${where(b, i)}phi after a non-phi instruction`);
      if (op !== Op.Phi) seenNonPhi = true;
      if ((op === Op.Param || op === Op.Alloca) && b !== f.entry) errs.push(`${where(b, i)}'${OPS[op].name}' outside the entry block`);
      if (op === Op.Param && f.prev[i] >= 0 && f.op[f.prev[i]] !== Op.Param) errs.push(`${where(b, i)}param after other instructions`);
    }
    if (!isTerminator(f.op[f.last[b]])) errs.push(`${where(b)}block does not end with a terminator`);
    for (const s of f.succs(b)) if (s < 0 || s >= f.nBlocks || !inLayout[s]) errs.push(`${where(b)}branch to a block that is not in the function`);
  }
  if (errs.length) return errs;
  const dom = new DomTree(f);
  if (dom.preds[f.entry].length) errs.push(`${where(f.entry)}the entry block has predecessors`);
  // the position of each instruction in its block, for same-block dominance
  const pos = new Int32Array(f.nInstr);
  for (const b of f.layout) { let k = 0; for (let i = f.first[b]; i >= 0; i = f.next[i]) pos[i] = k++; }
  const A = f.args;
  for (const b of f.layout) {
    for (let i = f.first[b]; i >= 0; i = f.next[i]) {
      const op = f.op[i], s = f.argStart[i], n = f.argCount[i];
      // operand references and dominance
      for (let k = 0; k < n; k++) {
        const r = A[s + k];
        if (!isValueSlot(op, k)) continue;
        if (r < 0) { if (~r >= f.cKind.length) errs.push(`${where(b, i)}bad constant reference`); continue; }
        if (r >= f.nInstr || f.blk[r] < 0) { errs.push(`${where(b, i)}operand ${k + 1} is not a placed instruction`); continue; }
        if (!(OPS[f.op[r]].flags & F.Val) && !((f.op[r] === Op.Call || f.op[r] === Op.Asm) && f.ty[r] !== T.Void)) { errs.push(`${where(b, i)}operand ${k + 1} (${valueName(r)}) has no value`); continue; }
        if (!dom.reachable(b)) continue;
        const db = f.blk[r];
        if (op === Op.Phi) {
          const pb = A[s + k - 1];
          if (dom.reachable(pb) && !dom.dominates(db, pb)) errs.push(`${where(b, i)}${valueName(r)} does not dominate the end of @${f.blockName(pb)}`);
        } else if (db === b ? pos[r] >= pos[i] : !dom.dominates(db, b)) errs.push(`${where(b, i)}${valueName(r)} does not dominate this use`);
      }
      checkTypes(f, i, (m) => errs.push(`${where(b, i)}${m}`), ps);
      if (op === Op.Phi) {
        const preds = dom.preds[b];
        const seen: number[] = [];
        for (let k = 0; k < n; k += 2) {
          if (!preds.includes(A[s + k])) errs.push(`${where(b, i)}phi names @${f.blockName(A[s + k])}, which is not a predecessor`);
          else if (seen.includes(A[s + k])) errs.push(`${where(b, i)}phi names @${f.blockName(A[s + k])} twice`);
          seen.push(A[s + k]);
        }
        if (n & 1) errs.push(`${where(b, i)}phi has an odd operand count`);
        else if (n / 2 !== preds.length || seen.length !== preds.length) errs.push(`${where(b, i)}phi has ${n / 2} incoming values for ${preds.length} predecessors`);
      }
    }
  }
  return errs;
}

function tn(t: number): string { return TYPE_NAMES[t] ?? `?${t}`; }

function checkTypes(f: Func, i: number, err: (m: string) => void, ps: number): void {
  const op = f.op[i], info = OPS[op], ty = f.ty[i], n = f.argCount[i], a = f.argList(i), m = f.module;
  const same = (x: number, y: number) => sameType(x, y, ps);
  switch (info.res) {
    case 'I': if (!isInt(ty)) err(`'${info.name}' needs an integer result type, not ${tn(ty)}`); break;
    case 'F': if (!isFloat(ty)) err(`'${info.name}' needs a float result type, not ${tn(ty)}`); break;
    case 'P': if (!same(ty, T.Ptr)) err(`'${info.name}' gives a pointer, not ${tn(ty)}`); break;
    case 'A': case 'M': if (ty === T.Void) err(`'${info.name}' needs a type`); break;
    case '-': if (ty !== T.Void) err(`'${info.name}' has no result`); break;
  }
  if (info.args !== '*' && info.args.length !== n) { err(`'${info.name}' takes ${info.args.length} operands, has ${n}`); return; }
  let xt = -1, yt = -1;
  for (let k = 0; k < info.args.length && info.args !== '*'; k++) {
    const c = info.args[k], r = a[k];
    if (c === 'b') continue;
    const t = f.typeOf(r);
    const bad = (what: string) => err(`operand ${k + 1} of '${info.name}' must be ${what}, not ${tn(t)}`);
    switch (c) {
      case 'r': case 'm': if (!same(t, ty)) bad(tn(ty)); break;
      case 'p': if (!same(t, T.Ptr)) bad('a pointer'); break;
      case 'i': case 'c': if (!isInt(t)) bad('an integer'); break;
      case 'f': if (!isFloat(t)) bad('a float'); break;
      case 'x': if (!isInt(t)) bad('an integer'); else if (xt >= 0 && !same(t, xt)) bad(tn(xt)); else xt = t; break;
      case 'y': if (!isFloat(t)) bad('a float'); else if (yt >= 0 && t !== yt) bad(tn(yt)); else yt = t; break;
    }
  }
  const src = n ? f.typeOf(a[0]) : T.Void;
  const wid = (t: number) => isInt(t) ? bitsOf(t, ps) : bytesOf(t, ps) * 8;
  switch (op) {
    case Op.Trunc: if (wid(src) <= wid(ty)) err(`trunc from ${tn(src)} to ${tn(ty)} does not narrow`); break;
    case Op.SExt: case Op.ZExt: if (wid(src) >= wid(ty)) err(`${info.name} from ${tn(src)} to ${tn(ty)} does not widen`); break;
    case Op.FPTrunc: if (wid(src) <= wid(ty)) err(`fptrunc from ${tn(src)} to ${tn(ty)} does not narrow`); break;
    case Op.FPExt: if (wid(src) >= wid(ty)) err(`fpext from ${tn(src)} to ${tn(ty)} does not widen`); break;
    case Op.IsConst: if (n !== 1) err('isconst takes 1 operand'); break;
    case Op.Bitcast:
      if (n !== 1) err('bitcast takes 1 operand');
      else if (isFloat(src) === isFloat(ty) || wid(src) !== wid(ty)) err(`bitcast from ${tn(src)} to ${tn(ty)} must change between an integer and a float of one size`);
      break;
    case Op.Ret: {
      const rt = m.abiTypes[m.sigs[f.sig].ret];
      if (rt.kind === 'void') { if (n) err('ret with a value in a function returning void'); }
      else if (n !== 1) err('ret without a value');
      else if (!same(src, rt.kind === 'scalar' ? rt.ty : T.Ptr)) err(`ret of ${tn(src)} in a function returning ${rt.kind === 'scalar' ? tn(rt.ty) : 'a struct (by pointer)'}`);
      break;
    }
    case Op.Switch:
      if (n < 2 || (n - 2) % 3) { err('switch has a malformed case list'); break; }
      if (!isInt(src)) err('switch on a non-integer');
      for (let k = 2; k < n; k += 3) {
        const lo = f.constInt(a[k]), hi = f.constInt(a[k + 1]);
        if (lo === undefined || hi === undefined) err('switch case bounds must be integer constants');
        else if (lo > hi) err(`switch case range ${lo}..${hi} is empty`);
        else if (!same(f.typeOf(a[k]), src) || !same(f.typeOf(a[k + 1]), src)) err('switch case type differs from the value');
      }
      break;
    case Op.IndirectBr: if (!n || !same(src, T.Ptr)) err('indirectbr needs a pointer'); break;
    case Op.Phi: for (let k = 1; k < n; k += 2) if (!same(f.typeOf(a[k]), ty)) err(`phi operand ${tn(f.typeOf(a[k]))} differs from its type ${tn(ty)}`); break;
    case Op.Select: if (isFloat(ty) === false && !isInt(ty)) err('select of void'); break;
    case Op.Alloca: if (a[0] >= 0 || f.cKind[~a[0]] !== CK.Int) err('alloca size must be a constant (use dalloca)'); break;
    case Op.Load: case Op.Store: if (ty === T.Void) err('memory access of void'); break;
    case Op.Call: {
      const sig = m.sigs[f.aux[i]];
      if (!sig) { err('call with a bad signature'); break; }
      const rt = m.abiTypes[sig.ret], sret = rt.kind === 'struct' ? 1 : 0;
      if (n !== 1 + sret + sig.params.length) err(`call has ${n - 1 - sret} arguments, its signature ${sig.params.length}`);
      else {
        if (!same(f.typeOf(a[0]), T.Ptr)) err('callee must be a pointer');
        for (let k = 0; k < sig.params.length; k++) {
          const at = m.abiTypes[sig.params[k]], t = f.typeOf(a[1 + sret + k]);
          if (!same(t, at.kind === 'scalar' ? at.ty : T.Ptr)) err(`argument ${k + 1} is ${tn(t)}, its signature says ${at.kind === 'scalar' ? tn(at.ty) : 'struct (by pointer)'}`);
        }
      }
      if (rt.kind === 'scalar' ? !same(ty, rt.ty) : ty !== T.Void) err('call result type differs from its signature');
      break;
    }
  }
}

export function verifyModule(m: Module): string[] {
  const errs: string[] = [];
  for (const f of m.funcs) errs.push(...verifyFunc(f));
  return errs;
}

export function verifyOrThrow(m: Module | Func): void {
  const errs = m instanceof Module ? verifyModule(m) : verifyFunc(m);
  if (errs.length) throw new Error(errs.join('\n'));
}
