// The lowering of a typed translation unit (src/parse) to an IR module (src/ir): the module-level part.
// Functions are lowered by FnLower (func.ts); this file decides which declarations become functions,
// data objects, externs and aliases, names the symbols (block-scope statics and file-scope compound
// literals get `name.N`), emits string literals on first use and builds the static data images.
//
//   lowerTranslationUnit(tu, target, { optLevel }) -> IRModule
//
// or, function by function while the parser goes on (the driver does this, so that each function's
// AST can be dropped as soon as it is lowered):
//
//   const ml = new ModuleLower(types, target, opts);
//   ml.lowerDefinition(fn, nestedFns, unitSoFar)   // each time the parser completes a top-level function
//   ml.finish(tu)                                  // the deferred functions, data, externs, aliases
//
// Inline functions wait for finish (whether they are emitted, and with what linkage, depends on the
// whole unit); so does all data. A later `#pragma weak` or visibility attribute for a function lowered
// earlier is reported by lateSymbolChanges(). The -O level is accepted for the driver's sake; the
// optimiser (src/opt) runs separately.

import { LabelInfo, Linkage, Node, Obj, SC, StrLit, TranslationUnit } from '../parse/ast';
import { TY, Type, Q, Types } from '../parse/types';
import { Func, Module, SYM_LOCAL, SYM_TLS, SYM_TLS_DEFINED } from '../ir/module';
import { TargetLayout } from '../../targets/layout';
import type { Token } from '../lex/token';
import { DataImage, SymCtx, emitStaticInit, writeString } from './data';
import { TypeMap } from './types';
import { FnLower } from './func';
import { ChainInfo, analyzeChains, nestedIn } from './chain';

export class LowerError extends Error {
  constructor(msg: string, readonly file = '', readonly line = 0, readonly col = 0) {
    super(file ? `${file}:${line}:${col}: error: ${msg}` : `error: ${msg}`);
  }
}

export interface LowerOptions {
  optLevel: number;
  /** Complex float division inline (Smith's algorithm) instead of calling the runtime's __div?c3
   *  (for the IR interpreter, which has no runtime). */
  inlineComplexDivision?: boolean;
  /** -g: record each statement's source position on its instructions (Func.loc). */
  debug?: boolean;
  /** Set when -Wreturn-type is on: called for a non-void function (not main) whose end is reachable. */
  warnReturnType?: (fo: Obj) => void;
  /** Called as a function's lowering begins (the driver reports its -Wimplicit-fallthrough messages:
   *  gcc gives them when it compiles the function). */
  onFunction?: (fo: Obj) => void;
  /** Set when -Wframe-address is on: called for __builtin_frame_address/__builtin_return_address with a
   *  nonzero argument in a function that is emitted (`at`: the call's name, `name`: the builtin's). */
  warnFrameAddress?: (fo: Obj, at: Token, name: string) => void;
  /** Set when -Winfinite-recursion is on: called for an emitted function whose every path from the entry
   *  calls itself, with those calls (where they are written). */
  warnInfiniteRecursion?: (fo: Obj, calls: Token[]) => void;
}

/** -Winfinite-recursion: a lowered function's calls and control flow (FnLower.recursionSummary). */
export interface RecCall { callee: string | null; noreturn: boolean; tok: Token | null }
export interface RecBlock { calls: RecCall[]; succs: number[]; ret: boolean }
export interface RecSummary { fo: Obj; name: string; blocks: RecBlock[]; emitted: boolean }

export class ModuleLower implements SymCtx {
  /** -Winfinite-recursion: the summaries of the functions lowered (checkRecursion). */
  readonly recursion: RecSummary[] = [];
  readonly m: Module;
  readonly tm: TypeMap;
  readonly ptrSize: 4 | 8;
  private names = new Map<Obj, string>();
  private strNames = new Map<StrLit, string>();
  private nStr = 0;
  private nLocalSyms = 0;
  private labelOwner = new Map<LabelInfo, string>();
  readonly usedExterns = new Map<string, Obj>();
  private weakNames = new Set<string>();
  readonly defined = new Set<string>();
  readonly errors: string[] = [];
  chains!: ChainInfo;
  /** Functions lowered by lowerDefinition, with the linkage and visibility they were given then. */
  private early = new Map<Obj, { name: string; linkage: Func['linkage']; visibility: Func['visibility'] }>();
  private unit: TranslationUnit | null = null;

  constructor(readonly types: Types, readonly target: TargetLayout, readonly opts: LowerOptions) {
    this.ptrSize = target.ptrSize;
    this.m = new Module(target.ptrSize);
    this.tm = new TypeMap(target);
  }

  floatFormat(t: Type): 'f32' | 'f64' | 'x87' | 'f128' { return this.types.floatFormat(t); }

  error(n: Node | null, msg: string): void {
    const t = n?.tok;
    if (t) {
      try {
        const p = t.file.presumed(t.pos);
        throw new LowerError(msg, p.name, p.line, p.col);
      } catch (e) { if (e instanceof LowerError) throw e; }
    }
    throw new LowerError(msg);
  }

  symName(o: Obj): string {
    let s = this.names.get(o);
    if (s !== undefined) return s;
    if ((o.isLocal || o.depth > 0) && !o.isFunc && o.storage === SC.Static || !o.name) s = `${o.name || '__compoundliteral'}.${this.nLocalSyms++}`;
    else if (o.isFunc && nestedIn(o)) s = `${o.name}.${this.nLocalSyms++}`;
    else s = o.asmName ?? o.name;
    this.names.set(o, s);
    return s;
  }

  strLabel(str: StrLit): string {
    let s = this.strNames.get(str);
    if (s !== undefined) return s;
    s = `.L.str.${this.nStr++}`;
    this.strNames.set(str, s);
    const size = (str.units.length + 1) * str.elem.size;
    const img = new DataImage(size);
    writeString(img, 0, str, size);
    this.m.addData({ name: s, size, align: str.elem.align, linkage: 'internal', readonly: true, init: img.bytes });
    this.m.symFlags.set(s, SYM_LOCAL);
    return s;
  }

  labelRef(l: LabelInfo): { fn: string; block: string } {
    return { fn: this.labelOwner.get(l) ?? '', block: labelBlockName(l) };
  }

  /** A reference to an object or function from code: remember undefined ones as externs, and what the
   *  code generator must know of the symbol before the unit is complete (module.symFlags). */
  noteRef(o: Obj): string {
    const s = this.symName(o);
    if (!this.usedExterns.has(s)) {
      this.usedExterns.set(s, o);
      const local = o.isFunc ? o.linkage === Linkage.Internal : o.linkage !== Linkage.External;
      const defined = !o.isFunc && (o.defined || o.tentative) && o.storage !== SC.Extern;
      const flags = (local || vis(o) === 'hidden' ? SYM_LOCAL : 0) | (o.isThreadLocal ? SYM_TLS | (defined ? SYM_TLS_DEFINED : 0) : 0);
      if (flags) this.m.symFlags.set(s, flags);
    }
    return s;
  }

  /** A top-level function definition that the parser has just completed, with the GNU nested functions
   *  defined inside it; `unit` is the translation unit so far. Returns the IR functions made (none for
   *  an inline function: those wait for finish); once it has made them, the bodies are not read again. */
  lowerDefinition(fn: Obj, nested: Obj[], unit: TranslationUnit): Func[] {
    if (fn.isInline || fn.attrs?.alias) return [];
    this.unit = unit;
    const group = [fn, ...nested];
    this.chains = analyzeChains(group);
    const made: Func[] = [];
    for (const o of group) {
      if (o.labels) for (const l of o.labels) this.labelOwner.set(l, this.symName(o));
      if (!o.body || o.gnuInlineOnly) continue;
      const f = this.lowerFunc(o);
      this.early.set(o, { name: f.name, linkage: f.linkage, visibility: f.visibility });
      made.push(f);
    }
    return made;
  }

  /** The rest of the unit: functions not lowered by lowerDefinition, data, aliases and externs. */
  finish(tu: TranslationUnit): Module {
    this.unit = tu;
    for (const p of tu.weakPragmas) this.weakNames.add(p.name);
    const rest = tu.decls.filter((o) => o.isFunc && o.body && !this.early.has(o));
    this.chains = analyzeChains(rest);
    for (const o of tu.decls) {
      if (o.isFunc && o.labels && !this.early.has(o)) for (const l of o.labels) this.labelOwner.set(l, this.symName(o));
      if ((o.isFunc && o.body && !o.gnuInlineOnly) || (!o.isFunc && (o.defined || o.tentative) && o.storage !== SC.Extern) || o.attrs?.alias) {
        this.defined.add(this.symName(o));
      }
    }
    for (const o of tu.decls) {
      if (o.storage === SC.Typedef || o.storage === SC.EnumConst || o.storage === SC.Builtin) continue;
      if (o.attrs?.alias) { this.m.aliases.push({ name: this.symName(o), target: o.attrs.alias }); continue; }
      // a GNU extern inline body is only for inlining (there is no inliner yet): the symbol stays external
      if (o.isFunc) { if (o.body && !o.gnuInlineOnly && !this.early.has(o) && this.wantFunc(o)) this.lowerFunc(o); continue; }
      if ((o.defined || o.tentative) && (o.storage !== SC.Extern || o.init)) this.lowerData(o);
    }
    for (const p of tu.weakPragmas) if (p.alias) this.m.aliases.push({ name: p.name, target: p.alias });
    if (this.opts.warnInfiniteRecursion) this.checkRecursion();
    for (const [name, o] of this.usedExterns) {
      if (this.defined.has(name) || name.startsWith('.L')) continue;
      this.m.externs.push({ name, weak: !!o.attrs?.weak || this.weakNames.has(name), tls: o.isThreadLocal, visibility: vis(o) });
    }
    return this.m;
  }

  /** -Winfinite-recursion (gcc's pass_warn_recursion, which sees the always_inline functions inlined): an
   *  emitted function none of whose paths from the entry reaches a return without calling the function
   *  itself. A noreturn call ends a path; a call of an always_inline function is what its body does. */
  private checkRecursion(): void {
    const byName = new Map<string, RecSummary>();
    for (const r of this.recursion) byName.set(r.name, r);
    const inlined = (r: RecSummary | undefined) => r !== undefined && !!r.fo.attrs?.alwaysInline;
    const memo = new Map<string, 'rec' | 'stop' | 'go'>();
    const busy = new Set<RecSummary>();
    // what the body of r does on every path: calls `target` ('rec'), never returns ('stop'), or may return
    const walk = (r: RecSummary, target: string, found: (Token | null)[] | null): 'rec' | 'stop' | 'go' => {
      busy.add(r);
      const seen = new Uint8Array(r.blocks.length);
      const stack = [0];
      let rec = false, exit = false;
      while (stack.length && !exit) {
        const blk = stack.pop()!;
        if (seen[blk]) continue;
        seen[blk] = 1;
        const b = r.blocks[blk];
        let stop = false;
        for (const c of b.calls) {
          if (c.callee === target) { rec = true; found?.push(c.tok); stop = true; break; }
          if (c.noreturn) { stop = true; break; }
          const g = c.callee !== null ? byName.get(c.callee) : undefined;
          if (g && inlined(g) && !busy.has(g)) {
            const key = g.name + '\0' + target;
            let e = memo.get(key);
            if (e === undefined) { e = walk(g, target, null); memo.set(key, e); }
            if (e === 'rec') { rec = true; found?.push(null); stop = true; break; }
            if (e === 'stop') { stop = true; break; }
          }
        }
        if (stop) continue;
        if (b.ret) { exit = true; break; }
        for (let k = b.succs.length - 1; k >= 0; k--) if (!seen[b.succs[k]]) stack.push(b.succs[k]);
      }
      busy.delete(r);
      return exit ? 'go' : rec ? 'rec' : 'stop';
    };
    for (const r of this.recursion) {
      if (!r.emitted || !r.blocks.some((b) => b.calls.some((c) => c.callee === r.name || inlined(c.callee !== null ? byName.get(c.callee) : undefined)))) continue;
      const found: (Token | null)[] = [];
      if (walk(r, r.name, found) === 'rec' && found.length) this.opts.warnInfiniteRecursion!(r.fo, found.filter((t): t is Token => t !== null));
    }
  }

  /** Functions lowered early whose binding or visibility a later declaration or #pragma weak changed
   *  (gcc honours those): the directives that correct their symbols. */
  lateSymbolChanges(): string[] {
    const out: string[] = [];
    for (const [o, e] of this.early) {
      const linkage = this.linkageOf(o, e.name), visibility = vis(o);
      if (linkage === 'weak' && e.linkage !== 'weak') out.push(`\t.weak ${e.name}`);
      if (visibility && visibility !== e.visibility) out.push(`\t.${visibility} ${e.name}`);
    }
    return out;
  }

  private isWeakName(name: string): boolean {
    if (this.weakNames.has(name)) return true;
    const u = this.unit;
    return u !== null && u.weakPragmas.some((p) => p.name === name);
  }

  private linkageOf(o: Obj, name: string): Func['linkage'] {
    return o.linkage === Linkage.Internal ? 'internal' : (o.attrs?.weak || this.isWeakName(name) || isInlineOnly(o)) ? 'weak' : 'global';
  }

  private wantFunc(o: Obj): boolean {
    if (o.linkage !== Linkage.Internal) return true;
    return o.used || o.addrTaken || !!o.attrs?.used || o.attrs?.constructorPrio !== undefined || o.attrs?.destructorPrio !== undefined;
  }

  private lowerFunc(o: Obj): Func {
    const name = this.symName(o);
    const fl = new FnLower(this, o, name);
    const f = fl.run();
    f.linkage = this.linkageOf(o, name);
    f.visibility = vis(o);
    f.labelsInData = !!o.labels?.some((l) => l.addrTaken);
    f.section = o.attrs?.section ?? '';
    f.noinline = !!o.attrs?.noinline;
    f.keep = !!o.attrs?.used;
    if (o.attrs?.constructorPrio !== undefined) this.m.ctors.push({ priority: o.attrs.constructorPrio, sym: name });
    if (o.attrs?.destructorPrio !== undefined) this.m.dtors.push({ priority: o.attrs.destructorPrio, sym: name });
    return f;
  }

  private lowerData(o: Obj): void {
    const name = this.symName(o);
    let ty = o.ty, size = ty.size;
    if (ty.kind === TY.Array && ty.len < 0 && !o.init) size = ty.base!.size; // tentative int a[]; : one element
    if (o.init) for (const it of o.init) { // flexible array members
      const strLen = it.expr.str && it.ty.kind === TY.Array && it.ty.len < 0 ? (it.expr.str.units.length + 1) * it.expr.str.elem.size : 0;
      size = Math.max(size, it.offset + Math.max(it.ty.size, strLen));
    }
    const img = new DataImage(size);
    if (o.init) emitStaticInit(this, img, 0, o.init);
    const internal = o.linkage !== Linkage.External;
    const weak = !!o.attrs?.weak || this.weakNames.has(name);
    const readonly = isConstObject(ty) && img.relocs.length === 0;
    this.m.addData({
      name, size, align: Math.max(o.align, ty.align, 1),
      linkage: internal ? 'internal' : weak ? 'weak' : 'global',
      visibility: vis(o), tls: o.isThreadLocal, readonly, section: o.attrs?.section ?? '',
      init: img.isZero() ? null : img.bytes, relocs: img.relocs,
    });
    void ty; ty = o.ty;
  }
}

function vis(o: Obj): '' | 'hidden' | 'protected' {
  const v = o.attrs?.visibility;
  return v === 'hidden' || v === 'protected' ? v : v === 'internal' ? 'hidden' : '';
}

/** C99 `inline` definition without `extern` anywhere: gcc emits no strong symbol; we emit a weak one. */
function isInlineOnly(o: Obj): boolean {
  return o.isInline && o.linkage === Linkage.External && o.storage !== SC.Extern && !o.attrs?.alwaysInline;
}

function isConstObject(t: Type): boolean {
  while (t.kind === TY.Array) t = t.base!;
  if ((t.qual & Q.Const) === 0) return false;
  return true;
}

export function labelBlockName(l: LabelInfo): string { return `${l.name}.${l.id}`; }

export function lowerTranslationUnit(tu: TranslationUnit, target: TargetLayout, opts: LowerOptions = { optLevel: 0 }): Module {
  return new ModuleLower(tu.types, target, opts).finish(tu);
}
