// The cc-ts driver: parses gcc's command line and runs the stages for each input.
//
//   .c   -> preprocess -> parse/check -> (IR -> codegen -> assemble) -> .o -> link
//   .i   ->               parse/check -> ...
//   .S   -> preprocess -> assemble -> .o
//   .s   ->               assemble -> .o
//
// Subcommands (`cc-ts as`, `cc-ts ld`, `cc-ts objcopy`, `cc-ts ar`) and the bin aliases
// (cc-ts-as, ...) dispatch to the tools' own command lines.

import * as fs from 'fs';
import * as path from 'path';
import { Diagnostics, FatalError } from '../diag/diagnostics';
import { DriverOptions, driverTarget, langOf, OptionError, parseArgs } from './options';
import { targetFromTriple, TargetLayout } from '../../targets/layout';
import { cleanupPending } from './output';
import { runInfo } from './info';
import * as os from 'os';

// The compiler (preprocessor, parser, ...) is loaded only when an input is compiled: `cc-ts ld`,
// `as`, `objcopy` and `ar` start without it.
function compileInput(...a: Parameters<typeof import('./compile').compileInput>): boolean {
  return (require('./compile') as typeof import('./compile')).compileInput(...a);
}

// The assembler and the linker are loaded only when used: -E and -fsyntax-only start without them.
const asCommand = (argv: string[]): number => (require('../../asm') as typeof import('../../asm')).asCommand(argv);
const ldCommand = (argv: string[]): number => (require('../../link/cli-ld') as typeof import('../../link/cli-ld')).ldCommand(argv);
const objcopyCommand = (argv: string[]): number => (require('../../link/cli-objcopy') as typeof import('../../link/cli-objcopy')).objcopyCommand(argv);
const arCommand = (argv: string[]): number => (require('../../link/cli-ar') as typeof import('../../link/cli-ar')).arCommand(argv);
function linkStage(...a: Parameters<typeof import('./link').linkStage>): number {
  return (require('./link') as typeof import('./link')).linkStage(...a);
}

export const VERSION = '0.1.0';

function fail(msg: string): number {
  process.stderr.write(`cc-ts: error: ${msg}\n`);
  return 1;
}

export function driverMain(argv: string[]): number {
  let opts: DriverOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof OptionError) return fail(e.message);
    throw e;
  }
  if (opts.info) return runInfo(opts);
  const target = driverTarget(opts);
  if (!target) return fail(`unsupported target '${opts.target}' (supported: x86_64-linux-gnu, aarch64-linux-gnu, riscv64-linux-gnu, i386-linux-gnu)`);
  if (opts.inputs.length === 0) return fail('no input files');
  if (opts.output && opts.inputs.length > 1 && opts.stage !== 'link' && opts.stage !== 'syntax') {
    return fail("cannot specify '-o' with '-c', '-S' or '-E' with multiple files");
  }
  const diag = new Diagnostics(opts.diag);
  let status = 0;
  // when linking, each compiled input becomes a temporary object that takes its place in the link line
  const linking = opts.stage === 'link';
  const tmpDir = linking ? fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-')) : '';
  const linkItems = [...opts.linkItems];
  try {
  for (const input of opts.inputs) {
    if (input.path !== '-' && !fs.existsSync(input.path)) {
      diag.plain('error', `${input.path}: No such file or directory`);
      status = 1;
      continue;
    }
    const lang = langOf(input);
    if (lang === 'object') continue; // for the linker
    try {
      let objOpts = opts;
      if (linking) {
        const obj = path.join(tmpDir, `${linkItems.length}-${path.basename(input.path).replace(/\.[^.]*$/, '')}.o`);
        const at = linkItems.indexOf(input.path);
        if (at >= 0) linkItems[at] = obj;
        objOpts = { ...opts, stage: 'compile', output: obj };
      }
      if (!compileInput(input.path, lang, objOpts, target, diag)) status = 1;
    } catch (e) {
      if (e instanceof FatalError) {
        process.stderr.write('compilation terminated.\n');
        status = 1;
        continue;
      }
      throw e;
    }
  }
  if (diag.errors > 0) status = 1;
  if (status === 0 && linking) status = linkStage(linkItems, opts, target);
  return status;
  } finally {
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

/** Entry for bin/cc-ts: dispatches subcommands; never lets a stack trace reach the user. */
export function main(argv: string[], invokedAs = path.basename(process.argv[1] ?? 'cc-ts')): void {
  let code: number;
  try {
    const m = /^cc-ts-(as|ld|objcopy|ar)$/.exec(invokedAs);
    const sub = m ? m[1] : argv[0];
    const tool = subcommand(sub);
    if (tool) code = tool(m ? argv : argv.slice(1));
    else code = driverMain(argv);
  } catch (e) {
    cleanupPending();
    const err = e as Error;
    process.stderr.write(`cc-ts: internal compiler error: ${err && err.message ? err.message : String(e)}\n`);
    if (process.env.CC_TS_DEBUG) process.stderr.write(String(err && err.stack) + '\n');
    else process.stderr.write('Please submit a full bug report, with the input and CC_TS_DEBUG=1 output.\n');
    code = 4;
  }
  process.exitCode = code;
}

type Tool = (argv: string[]) => number;

function subcommand(name: string | undefined): Tool | null {
  switch (name) {
    case 'as': return asCommand;
    case 'ld': return ldCommand;
    case 'objcopy': return objcopyCommand;
    case 'ar': return arCommand;
  }
  return null;
}

export type { TargetLayout };
