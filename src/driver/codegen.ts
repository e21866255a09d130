// The driver's code generation stage: typed AST -> IR (src/lower) -> optimiser (src/opt) -> the
// target's code generator -> statements for the assembler: GNU as text, instruction objects and data
// bytes (printed as text by -S, handed to the assembler as they are by -c).

import { Diagnostics } from '../diag/diagnostics';
import { TargetLayout } from '../../targets/layout';
import { TranslationUnit } from '../parse';
import { lowerTranslationUnit, LowerError } from '../lower';
import { optimize, OptLevel } from '../opt/pipeline';
import { generateX86_64Items, printItems, X86Item } from '../../targets/x86/emit';
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

/** Returns the assembler statements, or null after reporting an error. With a sink, the statements
 *  go to it function by function as they are made (nothing is kept) and [] is returned. */
export function generateCode(tu: TranslationUnit, o: DriverOptions, target: TargetLayout, diag: Diagnostics,
                             sink?: (items: X86Item[]) => void, mainFile = '<stdin>'): X86Item[] | null {
  if (target.arch !== 'x86_64') {
    diag.plain('error', `code generation for ${target.triple} is not available yet in this version of cc-ts`);
    return null;
  }
  const level = optLevel(o);
  let mod;
  try {
    mod = lowerTranslationUnit(tu, target, { optLevel: level === 0 ? 0 : 2, debug: o.debug });
  } catch (e) {
    if (e instanceof LowerError) {
      diag.errors++;
      process.stderr.write(e.message + '\n');
      return null;
    }
    throw e;
  }
  optimize(mod, { level });
  // top-level asm statements go first, in source order, as gcc emits them
  const top = tu.asms.length ? `\t.text\n${tu.asms.join('\n')}` : null;
  if (top !== null && sink) sink([top]);
  const items = generateX86_64Items(mod, {
    pic: o.pic > 0, optLevel: level === 's' || level === 'g' ? 2 : level,
    functionSections: o.fflags.get('function-sections') === true,
    dataSections: o.fflags.get('data-sections') === true,
    omitFramePointer: o.fflags.get('omit-frame-pointer') === true,
    // -g: line tables; the assembler adds the compilation unit (.debug_info) as GNU as does
    debug: o.debug ? { compDir: getpwd(), mainFile } : null,
  }, sink);
  if (top !== null && !sink) items.unshift(top);
  return items;
}

/** The GNU as text of generated statements (what -S writes). */
export function printCode(items: readonly X86Item[]): string {
  return printItems(items);
}
