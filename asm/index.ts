// The assembler's entry points: assemble() (text -> ObjectFile, in process) and asCommand() (the
// `cc-ts as` command line with GNU as's options). The pipeline, in order:
//   1. read statements and assemble them into fragments and fixups   (assembler.ts)
//   2. relax branches and lay out every section to a fixed point      (layout.ts)
//   3. write .eh_frame from the CFI directives, now that code addresses are final (cfi.ts)
//   4. lay out again (for .eh_frame), build bytes, resolve fixups into values or relocations
//   5. build the ELF object model                                       (output.ts)

import * as fs from 'fs';
import * as path from 'path';
import { ObjectFile } from '../elf/object';
import { writeObject } from '../elf/write-object';
import { Assembler, AsmItem } from './assembler';
import { AsmError, DiagSink, stderrSink } from './error';
import { finalise, placeBranchTargets, relax } from './layout';
import { buildObject } from './output';
import type { AsmTarget } from './target';
import { makeX86Target } from '../targets/x86/asm-hooks';

export type { AsmItem } from './assembler';
export type TargetName = 'x86_64' | 'i386';

export interface AssembleOpts {
  fileName: string;
  target: TargetName | AsmTarget;
  includeDirs?: string[];
  defsyms?: [string, bigint][];
  diag?: DiagSink;
  /** Read included files; defaults to the file system. */
  readFile?: (p: string) => string | null;
  /** The compilation directory written in DWARF line tables (default: the current directory). */
  compDir?: string;
  /** --gdwarf-N: the DWARF version of line tables (default 3; `.file 0` raises it to 5). */
  dwarfLevel?: number;
  /** -g, --gen-debug, --gdwarf-N: line info for the assembly source itself, as GNU as makes it for
   *  a source without `.file N`/`.loc` (a row per source line with instructions, and the unit). */
  genDebug?: boolean;
  /** --gdwarf-sections: the line sequence of each code section but .text in .debug_line.NAME. */
  dwarfSections?: boolean;
}

export class AssembleFailed extends Error {
  constructor(public errors: number) {
    super(`${errors} error${errors === 1 ? '' : 's'} in assembly`);
  }
}

export function makeTarget(name: TargetName): AsmTarget {
  switch (name) {
    case 'x86_64': return makeX86Target(64);
    case 'i386': return makeX86Target(32);
  }
  throw new AsmError(`unknown target ${name as string}`);
}

function readLatin1(p: string): string | null {
  try {
    return fs.readFileSync(p, 'latin1');
  } catch {
    return null;
  }
}

/** Assemble GNU as source, or a code generator's statements (text, instruction objects and bytes;
 *  see Assembler.pushItems). Throws AssembleFailed after reporting errors to the sink. */
export function assemble(source: string | readonly AsmItem[], opts: AssembleOpts): ObjectFile {
  const session = new AssemblySession(opts);
  if (typeof source === 'string') session.pushText(source);
  else session.push(source);
  return session.finish();
}

/**
 * An assembly fed in parts: a code generator pushes each function's statements as soon as they
 * exist, and they are assembled at once (so they need not all be kept until the end); finish() lays
 * out and builds the object. The object is the one assemble() gives for all the parts together.
 */
export class AssemblySession {
  private readonly as: Assembler;
  private readonly fileName: string;

  constructor(opts: AssembleOpts) {
    const target = typeof opts.target === 'string' ? makeTarget(opts.target) : opts.target;
    this.fileName = opts.fileName;
    this.as = new Assembler(target, {
      fileName: opts.fileName, includeDirs: opts.includeDirs ?? [], defsyms: opts.defsyms ?? [], diag: opts.diag ?? stderrSink(),
      readFile: opts.readFile ?? readLatin1, compDir: opts.compDir, dwarfLevel: opts.dwarfLevel,
      genDebug: opts.genDebug, dwarfSections: opts.dwarfSections,
    });
  }

  /** Assemble source text; `fileName` names it (default: the session's file name). */
  pushText(source: string, fileName = this.fileName): void {
    // Sources are handled one character per byte (latin1); convert text that has wider characters.
    if (/[^\x00-\xff]/.test(source)) source = Buffer.from(source, 'utf8').toString('latin1');
    this.as.pushText(source, fileName);
    this.as.drain();
  }

  push(items: readonly AsmItem[]): void {
    this.as.pushItems(items.map((it) => (typeof it === 'string' && /[^\x00-\xff]/.test(it) ? Buffer.from(it, 'utf8').toString('latin1') : it)), this.fileName);
    this.as.drain();
  }

  finish(): ObjectFile {
    const as = this.as;
    as.endOfInput();
    relax(as);
    try {
      as.lines.finish();
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      as.error(e.message);
    }
    as.cfi.finish();
    // What GNU as does while writing the object: relax (branch targets become symbols), then adjust
    // the relocations (sections named through labels get their symbols).
    placeBranchTargets(as);
    as.lines.placeReferencedSections();
    relax(as);
    finalise(as);
    if (as.errors) throw new AssembleFailed(as.errors);
    const obj = buildObject(as);
    if (as.errors) throw new AssembleFailed(as.errors);
    return obj;
  }
}

/** GNU as's debug options in `args`, in order (-g/--gen-debug: version 2; --gdwarf-N: version N;
 *  the last one wins): the fields of AssembleOpts they set (none when none is given); also --gdwarf-sections. */
export function debugOptions(args: readonly string[]): { genDebug?: boolean; dwarfLevel?: number; dwarfSections?: boolean } {
  let level = 0;
  let sections = false;
  for (const a of args) {
    if (a === '-g' || a === '--gen-debug') level = 2;
    else if (/^--?gdwarf-[2-5]$/.test(a)) level = Number(a.slice(a.length - 1));
    else if (a === '--gdwarf-sections') sections = true;
  }
  return { ...(level ? { genDebug: true, dwarfLevel: level } : {}), ...(sections ? { dwarfSections: true } : {}) };
}

/** `cc-ts as [options] files...`: returns the exit status. */
export function asCommand(argv: string[]): number {
  let out = 'a.out';
  let target: TargetName = process.arch === 'ia32' ? 'i386' : 'x86_64';
  const includeDirs: string[] = [];
  const defsyms: [string, bigint][] = [];
  const files: string[] = [];
  const debugArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new AsmError(`option \`${a}' requires an argument`);
      return argv[++i];
    };
    if (a === '-o') out = val();
    else if (a.startsWith('-o') && a.length > 2) out = a.slice(2);
    else if (a === '--64') target = 'x86_64';
    else if (a === '--32') target = 'i386';
    else if (a === '-I') includeDirs.push(val());
    else if (a.startsWith('-I')) includeDirs.push(a.slice(2));
    else if (a === '--defsym' || a.startsWith('--defsym=')) {
      const d = a === '--defsym' ? val() : a.slice(9);
      const eq = d.indexOf('=');
      if (eq < 0) { process.stderr.write('Error: bad defsym; format is --defsym name=value\n'); return 1; }
      defsyms.push([d.slice(0, eq), BigInt(d.slice(eq + 1))]);
    } else if (a === '--version') {
      process.stdout.write('cc-ts as (GNU as compatible) 0.1\n');
      return 0;
    } else if (a === '-g' || a === '--gen-debug' || a === '--gdwarf-sections' || /^--?gdwarf-[2-5]$/.test(a)) debugArgs.push(a);
    else if (a === '-') files.push('-');
    else if (a.startsWith('-')) {
      // Accepted and ignored: -W --warn --fatal-warnings --noexecstack -Qy -Qn -march=... -mtune=...
      // --nocompress-debug-sections -mx86-used-note=no ...
      continue;
    } else files.push(a);
  }
  const texts: [string, string][] = [];
  for (const f of files.length ? files : ['-']) {
    const t = f === '-' ? fs.readFileSync(0, 'latin1') : readLatin1(f);
    if (t === null) {
      process.stderr.write(`Error: can't open ${f} for reading: No such file or directory\n`);
      return 1;
    }
    texts.push([t, f === '-' ? '{standard input}' : f]);
  }
  let bytes: Uint8Array;
  try {
    const session = new AssemblySession({ fileName: texts[0][1], target, includeDirs, defsyms, diag: stderrSink(), ...debugOptions(debugArgs) });
    // Each file is read on its own (its own line numbers), as GNU as reads its inputs one by one.
    for (const [t, name] of texts) session.pushText(t, name);
    bytes = writeObject(session.finish(), out);
  } catch (e) {
    if (e instanceof AssembleFailed) return 1;
    if (e instanceof AsmError) {
      process.stderr.write(e.format() + '\n');
      return 1;
    }
    throw e;
  }
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, out);
  return 0;
}
