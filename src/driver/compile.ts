// The per-input pipeline of the driver: preprocess, then (by stage) print, check or compile.
//
// The preprocessor is a token stream: -E prints while it reads and the parser pulls from it, so no
// stage holds the whole input or output as tokens. Code generation and the assembler are loaded
// only when they are used (-E and -fsyntax-only start faster without them).

import * as path from 'path';
import { Diagnostics } from '../diag/diagnostics';
import { TargetLayout } from '../../targets/layout';
import { CmdItem, Preprocessor } from '../pp/preprocess';
import { TK } from '../lex/token';
import { dependencyRule, printMacros, printPreprocessedChunks, printPreprocessedTo } from '../pp/print';
import { DriverOptions, Lang } from './options';
import { OutputWriter, writeOutput } from './output';
import { parseAndCheck } from './frontend';
import { capYoungGeneration } from './young-cap';
import * as fs from 'fs';

/** The assembler stage, loaded on first use. */
function assembleToObject(...a: Parameters<typeof import('./assemble').assembleToObject>): boolean {
  return (require('./assemble') as typeof import('./assemble')).assembleToObject(...a);
}

/** Read the rest of the preprocessed stream (its directives and diagnostics are what is wanted). */
function drain(pp: Preprocessor): void {
  while (pp.token().kind !== TK.EOF) { /* next */ }
}

function cmdline(o: DriverOptions): CmdItem[] {
  const items: CmdItem[] = [];
  for (const [k, v] of o.macroOps) {
    if (k === 'D') items.push({ kind: 'define', value: v });
    else if (k === 'U') items.push({ kind: 'undef', value: v });
    else if (k === 'include') items.push({ kind: 'include', value: v });
    else if (k === 'imacros') items.push({ kind: 'imacros', value: v });
  }
  return items;
}

export function makePreprocessor(o: DriverOptions, target: TargetLayout, diag: Diagnostics, lang: Lang): Preprocessor {
  return new Preprocessor({
    target, diag, std: o.std, optimize: o.optLevel, freestanding: o.freestanding, pic: o.pic, pie: o.pie,
    pthread: o.pthread, pedantic: o.diag.pedantic,
    includePaths: { quote: o.quoteDirs, angled: o.includeDirs, system: o.systemDirs, after: o.afterDirs },
    nostdinc: o.nostdinc, sysroot: o.sysroot ?? undefined, cmdline: cmdline(o),
    asm: lang === 'assembler-with-cpp', macroPrefixMap: o.macroPrefixMap,
    cmodel: o.mflags.filter((m) => m.startsWith('cmodel=')).pop()?.slice(7),
  });
}

/** The object file name gcc would use for an input (for -M targets and -MD's .d file). */
function objectName(input: string, o: DriverOptions): string {
  if (o.stage === 'compile' && o.output) return o.output;
  const base = input === '-' ? '-' : path.basename(input).replace(/\.[^.]*$/, '');
  return base + '.o';
}

function writeDeps(input: string, pp: Preprocessor, o: DriverOptions): string {
  const targets = o.deps.targets.length ? o.deps.targets.map((t) => ({ name: t, quote: false })) : [{ name: objectName(input, o), quote: true }];
  return dependencyRule(input === '-' ? '-' : input, pp, { targets, userOnly: o.deps.kind === 'MM', phony: o.deps.phony });
}

/** Run the stages for one input. Returns false if it failed (errors were reported). */
/** The output name of a per-input stage: -o, or the input's base name with a new suffix (gcc's rule). */
function stageOutput(input: string, o: DriverOptions, suffix: string): string {
  if (o.output) return o.output;
  return (input === '-' ? '-' : path.basename(input).replace(/\.[^.]*$/, '')) + suffix;
}

export function compileInput(input: string, lang: Lang, o: DriverOptions, target: TargetLayout, diag: Diagnostics): boolean {
  if (lang === 'assembler') {
    if (o.stage === 'preprocess' || o.stage === 'syntax') return true; // gcc: nothing to do for .s
    if (o.stage === 'assemble-only') return true;
    const text = input === '-' ? fs.readFileSync(0, 'latin1') : fs.readFileSync(input, 'latin1');
    return assembleToObject(text, input, stageOutput(input, o, '.o'), o, target, diag);
  }
  const pp = makePreprocessor(o, target, diag, lang);
  pp.begin(input, o.dumpMacros === 'D');
  const depsFile = () => {
    if (!o.deps.file) return;
    const df = o.deps.mf ?? (o.output && o.stage === 'compile' ? o.output.replace(/\.[^./]*$/, '') : path.basename(input).replace(/\.[^.]*$/, '')) + (o.deps.mf ? '' : '.d');
    writeOutput(df, writeDeps(input, pp, o));
  };

  // -M / -MM without -MD: the rule is the output, instead of the preprocessed text
  if (o.deps.kind && !o.deps.file) {
    drain(pp);
    if (diag.errors > 0) return false;
    writeOutput(o.deps.mf ?? o.output ?? '-', writeDeps(input, pp, o));
    return true;
  }

  if (o.stage === 'preprocess' && o.dumpMacros !== 'M') {
    // -E: written as it is produced; after an error the output is not kept
    const out = new OutputWriter(o.output ?? '-');
    try {
      printPreprocessedTo(pp, capYoungGeneration(pp), { noLineMarkers: o.noLineMarkers, keepDefines: o.dumpMacros === 'D' }, (s) => out.write(s));
    } catch (e) {
      out.abort();
      throw e;
    }
    if (diag.errors > 0) {
      out.abort();
      return false;
    }
    depsFile();
    out.commit();
    return true;
  }
  if (o.stage === 'preprocess' || lang === 'assembler-with-cpp') {
    // the text is kept (in pieces) until the end: after an error nothing is written
    let chunks: string[];
    if (o.dumpMacros === 'M') {
      drain(pp);
      chunks = [printMacros(pp)];
    } else {
      const opts = o.stage === 'preprocess' ? { noLineMarkers: o.noLineMarkers, keepDefines: o.dumpMacros === 'D' } : {};
      chunks = printPreprocessedChunks(pp, pp, opts);
    }
    if (diag.errors > 0) return false;
    depsFile();
    if (o.stage === 'preprocess') {
      writeOutput(o.output ?? '-', chunks);
      return true;
    }
    if (o.stage === 'syntax' || o.stage === 'assemble-only') return true;
    return assembleToObject(chunks.join(''), input, stageOutput(input, o, '.o'), o, target, diag);
  }
  // the parser pulls the tokens from the preprocessor and hands each function to code generation
  if (o.stage === 'syntax') {
    const ok = parseAndCheck(capYoungGeneration(pp), o, target, diag) !== null;
    if (ok) depsFile();
    return ok;
  }
  const codegen = require('./codegen') as typeof import('./codegen');
  const generate = (sink: (items: import('../../targets/x86/emit').X86Item[]) => void): boolean => {
    const gen = new codegen.CodeGenerator(o, target, diag, sink, input === '-' ? '<stdin>' : input);
    const tu = parseAndCheck(pp, o, target, diag, gen.onFunction);
    if (diag.errors === 0) depsFile();
    return tu !== null && gen.finish(tu);
  };
  if (o.stage === 'assemble-only') {
    const items: import('../../targets/x86/emit').X86Item[] = [];
    if (!generate((part) => { for (const it of part) items.push(it); })) return false;
    writeOutput(stageOutput(input, o, '.s'), codegen.printCode(items));
    return true;
  }
  // -c of a big unit: code generation and assembly on a second thread, while this one parses
  if (codegen.threadable(o, target)) {
    const remoteMod = require('./codegen-remote') as typeof import('./codegen-remote');
    if (remoteMod.useCodegenThread(input)) {
      const mainFile = input === '-' ? '<stdin>' : input;
      const remote = new remoteMod.RemoteCodegen(codegen.x86Options(o, mainFile),
        { fileName: mainFile, includeDirs: o.includeDirs }, target.ptrSize);
      const gen = new codegen.CodeGenerator(o, target, diag, () => {}, mainFile, remote);
      const tu = parseAndCheck(pp, o, target, diag, gen.onFunction);
      if (diag.errors === 0) depsFile();
      if (tu === null || !gen.finish(tu) || !gen.object) {
        gen.abandon();
        return false;
      }
      writeOutput(stageOutput(input, o, '.o'), gen.object);
      return true;
    }
  }
  // -c: each function is assembled as soon as it is generated
  return (require('./assemble') as typeof import('./assemble')).generateToObject(generate, input, stageOutput(input, o, '.o'), o, target, diag);
}
