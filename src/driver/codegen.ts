// The driver's code generation stage: typed AST -> IR (src/lower) -> optimiser (src/opt) -> the
// target's code generator -> statements for the assembler: GNU as text, instruction objects and data
// bytes (printed as text by -S, handed to the assembler as they are by -c).

import { Diagnostics } from '../diag/diagnostics';
import { TargetLayout } from '../../targets/layout';
import { Obj, TranslationUnit } from '../parse';
import { LowerError, ModuleLower } from '../lower';
import { Func as IRFunc, Module as IRModule } from '../ir/module';
import { optimize, optimizeFunc, OptLevel } from '../opt/pipeline';
import { printItems, X86Emitter, X86Item, X86Options } from '../../targets/x86/emit';
import type { RemoteCodegen } from './codegen-remote';
import type { Token } from '../lex/token';
import { DriverOptions } from './options';
import { getpwd } from '../../asm/dwarf-line';

function optLevel(o: DriverOptions): OptLevel {
  switch (o.optLevel) {
    case '0': return 0;
    case '1': return 1;
    case '2': return 2;
    case '3': case 'fast': return 3;
    case 's': case 'z': return 's';
    case 'g': return 'g';
  }
  return 2;
}

/**
 * Code generation for one translation unit, driven by the parser: the parser hands each top-level
 * function definition to onFunction as soon as it is complete; it is lowered to IR at once, and its
 * AST can go. At -O0 each function is also optimised and compiled at once and its items go to the
 * sink (gcc -O0 keeps source order, top-level asm included, and so do we); at other levels the IR is
 * kept and the whole module is optimised and compiled by finish (the optimiser drops unreferenced
 * static functions; top-level asm goes first, as gcc puts it). finish returns false after an error.
 */
export class CodeGenerator {
  private ml: ModuleLower | null = null;
  private emitter: X86Emitter | null = null;
  private readonly level: OptLevel;
  private failed = false;
  private asmsDone = 0;
  /** With a code-generation thread (codegen-remote.ts; -O0 only): the object it made. */
  object: Uint8Array | null = null;

  /** Items go to `sink`, or with `remote` to a code-generation thread that assembles them. */
  constructor(private readonly o: DriverOptions, private readonly target: TargetLayout, private readonly diag: Diagnostics,
              private readonly sink: (items: X86Item[]) => void, private readonly mainFile = '<stdin>',
              private readonly remote: RemoteCodegen | null = null) {
    this.level = optLevel(o);
    if (remote && this.level !== 0) throw new Error('CodeGenerator: a code-generation thread is for -O0');
  }

  /** The parser's onFunction hook (src/parse/state.ts ParseOptions): true when the bodies were lowered. */
  readonly onFunction = (fn: Obj, nested: Obj[], unit: TranslationUnit): boolean => {
    if (this.failed || this.target.arch !== 'x86_64') return false;
    const ml = this.lowering(unit);
    let made: IRFunc[];
    try {
      made = ml.lowerDefinition(fn, nested, unit);
    } catch (e) {
      this.lowerFailed(e);
      return false;
    }
    if (this.level === 0 && made.length) {
      this.flushAsms(unit);
      for (const f of made) {
        optimizeFunc(f, 0);
        this.compile(f, ml.m);
      }
      ml.m.funcs.length = 0; // compiled: nothing reads them again
    }
    return made.length > 0;
  };

  /** After the parse (without errors): the rest of the unit. */
  finish(tu: TranslationUnit): boolean {
    if (this.target.arch !== 'x86_64') {
      this.diag.plain('error', `code generation for ${this.target.triple} is not available yet in this version of cc-ts`);
      return false;
    }
    if (this.failed) return false;
    const ml = this.lowering(tu);
    let mod: IRModule;
    try {
      mod = ml.finish(tu);
    } catch (e) {
      this.lowerFailed(e);
      return false;
    } finally {
      this.diag.flushDeferred(true);
    }
    if (this.level === 0) {
      for (const f of mod.funcs) optimizeFunc(f, 0);
    } else {
      optimize(mod, { level: this.level });
    }
    this.flushAsms(tu);
    for (const f of mod.funcs) this.compile(f, mod);
    if (!this.remote) {
      this.emitterFor(mod).finish(ml.lateSymbolChanges());
      return true;
    }
    const r = this.remote.finish(mod, ml.lateSymbolChanges());
    if (r.diag) process.stderr.write(r.diag);
    if (r.crash) throw new Error(`in the code-generation thread: ${r.crash}`);
    this.diag.errors += r.errors;
    this.object = r.bytes;
    return r.bytes !== null;
  }

  /** Stops a code-generation thread after an error elsewhere. */
  abandon(): void { this.remote?.abandon(); }

  private compile(f: IRFunc, mod: IRModule): void {
    if (this.remote) this.remote.func(f, mod);
    else this.emitterFor(mod).func(f);
  }

  private lowering(unit: TranslationUnit): ModuleLower {
    if (this.ml) return this.ml;
    const diag = this.diag;
    // (gcc's middle end reports this after the whole unit is parsed: queued until the parser's end)
    const warnReturnType = diag.isEnabled('return-type') ? (fo: Obj) => {
      const end = fo.bodyEnd;
      if (end) diag.defer(() => {
        const saved = diag.currentFunction;
        diag.currentFunction = fo.name;
        diag.warning('return-type', { file: end.file, pos: end.pos }, 'control reaches end of non-void function');
        diag.currentFunction = saved;
      });
    } : undefined;
    // (gcc reports it when it expands the function, after the front end's end-of-unit checks: queued until
    // the code generator's end, in the order of the functions in the source)
    let frameWarnings: { fo: Obj; at: Token; name: string }[] | null = null;
    const warnFrameAddress = diag.isEnabled('frame-address') ? (fo: Obj, at: Token, name: string) => {
      if (!frameWarnings) {
        const list: { fo: Obj; at: Token; name: string }[] = frameWarnings = [];
        diag.deferLate(() => {
          const saved = diag.currentFunction;
          const pos = (o: Obj) => o.tok?.pos ?? 0;
          list.sort((a, b) => pos(a.fo) - pos(b.fo));
          for (const w of list) {
            diag.currentFunction = w.fo.name;
            diag.warning('frame-address', { file: w.at.file, pos: w.at.pos }, `calling '${w.name}' with a nonzero argument is unsafe`);
          }
          diag.currentFunction = saved;
        });
      }
      frameWarnings.push({ fo, at, name });
    } : undefined;
    // (gcc reports it in its IPA passes, after the front end's end-of-unit checks and before expansion)
    const warnInfiniteRecursion = diag.isEnabled('infinite-recursion') ? (fo: Obj, calls: Token[]) => {
      diag.deferLate(() => {
        const saved = diag.currentFunction;
        diag.currentFunction = fo.name;
        if (fo.tok && diag.warning('infinite-recursion', { file: fo.tok.file, pos: fo.tok.pos }, 'infinite recursion detected')) {
          for (const c of calls) diag.note({ file: c.file, pos: c.pos }, 'recursive call');
        }
        diag.currentFunction = saved;
      }, 0);
    } : undefined;
    return this.ml = new ModuleLower(unit.types, this.target, { optLevel: this.level === 0 ? 0 : 2, debug: this.o.debug, warnReturnType, warnFrameAddress, warnInfiniteRecursion,
      onFunction: (fo) => diag.takeFunctionWarnings(fo, fo.name) });
  }

  private emitterFor(mod: IRModule): X86Emitter {
    return this.emitter ??= new X86Emitter(mod, x86Options(this.o, this.mainFile), this.sink);
  }

  /** Top-level asm statements not yet emitted, in source order. */
  private flushAsms(unit: TranslationUnit): void {
    if (this.asmsDone >= unit.asms.length) return;
    const text = `\t.text\n${unit.asms.slice(this.asmsDone).join('\n')}`;
    this.asmsDone = unit.asms.length;
    if (this.remote) this.remote.raw(text);
    else this.emitterFor(this.ml!.m).raw([text]);
  }

  private lowerFailed(e: unknown): void {
    if (!(e instanceof LowerError)) throw e;
    this.failed = true;
    this.diag.errors++;
    process.stderr.write(e.message + '\n');
  }
}

/** The code generator's options from the driver's (mainFile: the unit's source, for -g). */
export function x86Options(o: DriverOptions, mainFile: string): X86Options {
  const level = optLevel(o);
  return {
    pic: o.pic > 0, optLevel: level === 's' || level === 'g' ? 2 : level,
    functionSections: o.fflags.get('function-sections') === true,
    dataSections: o.fflags.get('data-sections') === true,
    omitFramePointer: o.fflags.get('omit-frame-pointer') === true,
    // -g: line tables; the assembler adds the compilation unit (.debug_info) as GNU as does
    debug: o.debug ? { compDir: getpwd(), mainFile } : null,
  };
}

/** Whether this compilation may use a code-generation thread (it must also be big: useCodegenThread). */
export function threadable(o: DriverOptions, target: TargetLayout): boolean {
  return optLevel(o) === 0 && target.arch === 'x86_64';
}

/** The GNU as text of generated statements (what -S writes). */
export function printCode(items: readonly X86Item[]): string {
  return printItems(items);
}
