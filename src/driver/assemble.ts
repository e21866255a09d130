// The driver's assembler stage: GNU as text (from a .s file or a preprocessed .S file) or the code
// generator's statements (text, instruction objects, data bytes) in, an ELF relocatable object out,
// all in process through asm/.

import { Diagnostics } from '../diag/diagnostics';
import { TargetLayout } from '../../targets/layout';
import { assemble, AssembleFailed, AssembleOpts, AsmItem, AssemblySession, debugOptions, TargetName } from '../../asm';
import type { ObjectFile } from '../../elf/object';
import { writeObject } from '../../elf/write-object';
import { DriverOptions } from './options';
import { writeOutput } from './output';

export function assembleToObject(text: string | readonly AsmItem[], input: string, output: string, o: DriverOptions,
                                 target: TargetLayout, diag: Diagnostics): boolean {
  // gcc runs `as --gdwarf-N` for a .s or .S input under -g, then the -Wa options (so -Wa,-g makes it 2).
  const debugArgs = [...(o.debug ? [`--gdwarf-${o.dwarfVersion}`] : []), ...o.asFlags];
  return toObject(output, target, diag, () => assemble(text, { ...sessionOptions(input, target, o), ...debugOptions(debugArgs) }));
}

/**
 * Code generation and assembly together: `generate` hands its statements to the sink function by
 * function, each part is assembled at once, and the object is written at the end. Returns false
 * (nothing written) when generation or assembly fails.
 */
export function generateToObject(generate: (sink: (items: readonly AsmItem[]) => void) => boolean, input: string, output: string,
                                 o: DriverOptions, target: TargetLayout, diag: Diagnostics): boolean {
  return toObject(output, target, diag, () => {
    const session = new AssemblySession(sessionOptions(input, target, o));
    return generate((items) => session.push(items)) ? session.finish() : null;
  });
}

function sessionOptions(input: string, target: TargetLayout, o: DriverOptions): AssembleOpts {
  return { fileName: input === '-' ? '<stdin>' : input, target: target.arch as TargetName, includeDirs: o.includeDirs };
}

/** Runs `make` for an x86 target and writes its object; assembly errors (already reported) count in diag. */
function toObject(output: string, target: TargetLayout, diag: Diagnostics, make: () => ObjectFile | null): boolean {
  if (target.arch !== 'x86_64' && target.arch !== 'i386') {
    diag.plain('error', `assembling for ${target.triple} is not available yet in this version of cc-ts`);
    return false;
  }
  try {
    const obj = make();
    if (!obj) return false;
    writeOutput(output, writeObject(obj));
    return true;
  } catch (e) {
    if (e instanceof AssembleFailed) {
      diag.errors += e.errors;
      return false;
    }
    throw e;
  }
}
