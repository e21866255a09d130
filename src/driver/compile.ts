// The per-input pipeline of the driver: preprocess, then (by stage) print, check or compile.

import * as path from 'path';
import { Diagnostics } from '../diag/diagnostics';
import { TargetLayout } from '../../targets/layout';
import { CmdItem, Preprocessor } from '../pp/preprocess';
import { dependencyRule, printMacros, printPreprocessed } from '../pp/print';
import { DriverOptions, Lang } from './options';
import { writeOutput } from './output';
import { parseAndCheck } from './frontend';
import { assembleToObject } from './assemble';
import { generateCode } from './codegen';
import * as fs from 'fs';

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
    asm: lang === 'assembler-with-cpp',
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
  const toks = pp.preprocessFile(input, o.dumpMacros === 'D');
  if (diag.errors > 0) return false;

  // -M / -MM without -MD: the rule is the output, instead of the preprocessed text
  if (o.deps.kind && !o.deps.file) {
    writeOutput(o.deps.mf ?? o.output ?? '-', writeDeps(input, pp, o));
    return true;
  }
  if (o.deps.file) {
    const df = o.deps.mf ?? (o.output && o.stage === 'compile' ? o.output.replace(/\.[^./]*$/, '') : path.basename(input).replace(/\.[^.]*$/, '')) + (o.deps.mf ? '' : '.d');
    writeOutput(df, writeDeps(input, pp, o));
  }

  if (o.stage === 'preprocess') {
    const text = o.dumpMacros === 'M' ? printMacros(pp) : printPreprocessed(pp, toks, { noLineMarkers: o.noLineMarkers, keepDefines: o.dumpMacros === 'D' });
    writeOutput(o.output ?? '-', text);
    return true;
  }
  if (lang === 'assembler-with-cpp') {
    if (o.stage === 'syntax' || o.stage === 'assemble-only') return true;
    const text = printPreprocessed(pp, toks, {});
    return assembleToObject(text, input, stageOutput(input, o, '.o'), o, target, diag);
  }
  const tu = parseAndCheck(toks, o, target, diag);
  if (!tu || o.stage === 'syntax') return tu !== null;
  const asmText = generateCode(tu, o, target, diag);
  if (asmText === null) return false;
  if (o.stage === 'assemble-only') {
    writeOutput(stageOutput(input, o, '.s'), asmText);
    return true;
  }
  return assembleToObject(asmText, input, stageOutput(input, o, '.o'), o, target, diag);
}
