// Predefined macros: what gcc 12 defines for each target, as data (predefined-table.ts, generated
// from gcc -dM -E), plus the few that depend on options: -std, -O, -ffreestanding, -fPIC/-fPIE,
// -pthread. The intended differences from gcc are listed in tests/pp/predefined-differences.txt.

import { TARGETS, TargetLayout } from '../../targets/layout';
import { COMMON, PER_TARGET } from './predefined-table';

export interface PredefOptions {
  /** c89 c90 c99 c11 c17 c18 c2x, gnu89 ... gnu2x, iso9899:1990 ... (default gnu17). */
  std?: string;
  /** -O level: '0' '1' '2' '3' 's' 'g' 'fast' 'z' (default '0'). */
  optimize?: string;
  freestanding?: boolean;
  /** -fpic: 1, -fPIC: 2. */
  pic?: 0 | 1 | 2;
  /** -fpie: 1, -fPIE: 2 (implies the same __pic__ level). */
  pie?: 0 | 1 | 2;
  pthread?: boolean;
  pedantic?: boolean;
  /** Preprocessing assembly (-x assembler-with-cpp): __ASSEMBLER__, and no C version macros (gcc). */
  asm?: boolean;
  /** -mcmodel=NAME (the last one given). */
  cmodel?: string;
}

export interface StdInfo {
  /** __STDC_VERSION__, or null for C89/C90. */
  version: string | null;
  /** A strict ISO mode (c99...) rather than a GNU dialect (gnu99...). */
  strict: boolean;
  year: number;
}

const STD_TABLE: Record<string, [string | null, number]> = {
  '89': [null, 1989], '90': [null, 1990], 'iso9899:1990': [null, 1990], 'iso9899:199409': ['199409L', 1994],
  '99': ['199901L', 1999], '9x': ['199901L', 1999], 'iso9899:1999': ['199901L', 1999],
  '11': ['201112L', 2011], '1x': ['201112L', 2011], 'iso9899:2011': ['201112L', 2011],
  '17': ['201710L', 2017], '18': ['201710L', 2017], 'iso9899:2017': ['201710L', 2017], 'iso9899:2018': ['201710L', 2017],
  '2x': ['202000L', 2023], '23': ['202000L', 2023],
};

/** What a -std= value means; unknown values read as gnu17. */
export function stdInfo(std: string): StdInfo {
  let strict = true;
  let key = std;
  if (std.startsWith('gnu')) { strict = false; key = std.slice(3); }
  else if (std.startsWith('c')) key = std.slice(1);
  const e = STD_TABLE[key];
  if (!e) return { version: '201710L', strict: false, year: 2017 };
  return { version: e[0], strict, year: e[1] };
}

/** The predefined macros as [name (with parameters), body] pairs, in gcc's -dM spelling. */
export function predefinedMacros(t: TargetLayout, o: PredefOptions): [string, string][] {
  // (assembly ignores -std=: no __STRICT_ANSI__, and unix/linux stay defined)
  const std = stdInfo(o.asm ? 'gnu17' : o.std ?? 'gnu17');
  const out: [string, string][] = [['__STDC__', '1']];
  if (o.asm) out.push(['__ASSEMBLER__', '1']);
  else {
    if (std.version) out.push(['__STDC_VERSION__', std.version]);
    if (!(std.year < 1999 || (std.strict && std.year === 1999))) out.push(['__STDC_UTF_16__', '1'], ['__STDC_UTF_32__', '1']);
  }
  out.push(['__STDC_HOSTED__', o.freestanding ? '0' : '1']);
  out.push(std.year < 1999 ? ['__GNUC_GNU_INLINE__', '1'] : ['__GNUC_STDC_INLINE__', '1']);
  if (std.strict) out.push(['__STRICT_ANSI__', '1']);
  const opt = o.optimize ?? '0';
  if (opt === '0') out.push(['__NO_INLINE__', '1']);
  else {
    out.push(['__OPTIMIZE__', '1']);
    if (opt === 's' || opt === 'z') out.push(['__OPTIMIZE_SIZE__', '1']);
  }
  const pic = Math.max(o.pic ?? 0, o.pie ?? 0);
  if (pic) out.push(['__pic__', String(pic)], ['__PIC__', String(pic)]);
  if (o.pie) out.push(['__pie__', String(o.pie)], ['__PIE__', String(o.pie)]);
  if (o.pthread) out.push(['_REENTRANT', '1']);
  for (const table of [COMMON, PER_TARGET[t.arch] ?? []]) {
    for (const [name, body] of table) {
      // the non-reserved names (linux, unix, i386) are not defined in strict ISO modes
      if (std.strict && name[0] !== '_') continue;
      // AArch64 -fpic (small PIC model, 4 GiB GOT): gcc names no code model
      if (name === '__AARCH64_CMODEL_SMALL__' && (o.pic === 1 || o.pie === 1)) continue;
      out.push([name, body]);
    }
  }
  codeModel(t, o, out);
  // inline asm flag outputs ("=@ccz"): the x86 code generator has them
  if (t.arch === 'x86_64' || t.arch === 'i386') out.push(['__GCC_ASM_FLAG_OUTPUTS__', '1']);
  if (t.shortWchar || t.charSigned !== TARGETS[t.arch].charSigned) return withTypeOptions(t, out);
  return out;
}

/** The code model macro of -mcmodel= (and of -fpic on RISC-V), as gcc names it. */
function codeModel(t: TargetLayout, o: PredefOptions, out: [string, string][]): void {
  const cm = o.cmodel;
  const swap = (from: string, to: string): void => {
    const i = out.findIndex(([n]) => n === from);
    if (i >= 0) out[i] = [to, '1'];
  };
  if (t.arch === 'x86_64' && (cm === 'kernel' || cm === 'medium' || cm === 'large')) swap('__code_model_small__', `__code_model_${cm}__`);
  else if (t.arch === 'aarch64' && (cm === 'tiny' || cm === 'large')) swap('__AARCH64_CMODEL_SMALL__', `__AARCH64_CMODEL_${cm.toUpperCase()}__`);
  else if (t.arch === 'riscv64') {
    const pic = Math.max(o.pic ?? 0, o.pie ?? 0) > 0;
    if (cm === 'medany' || pic) swap('__riscv_cmodel_medlow', '__riscv_cmodel_medany');
    if (pic) out.push(['__riscv_cmodel_pic', '1']);
  }
}

/** -fshort-wchar and -f(un)signed-char change these macros as in gcc -dM. */
const SHORT_WCHAR: Record<string, string> = {
  __SIZEOF_WCHAR_T__: '2', __WCHAR_MAX__: '0xffff', __WCHAR_MIN__: '0', __WCHAR_TYPE__: 'short unsigned int',
  __WCHAR_WIDTH__: '16', __GNUC_WIDE_EXECUTION_CHARSET_NAME: '"UTF-16LE"', __ARM_SIZEOF_WCHAR_T: '2',
};

function withTypeOptions(t: TargetLayout, macros: [string, string][]): [string, string][] {
  let out = t.shortWchar ? macros.map(([n, b]): [string, string] => [n, SHORT_WCHAR[n] ?? b]) : macros;
  if (t.charSigned) out = out.filter(([n]) => n !== '__CHAR_UNSIGNED__');
  else if (!out.some(([n]) => n === '__CHAR_UNSIGNED__')) out.push(['__CHAR_UNSIGNED__', '1']);
  return out;
}

/** The predefined macros as #define lines, to be read as the "<built-in>" file. */
export function predefinedSource(t: TargetLayout, o: PredefOptions): string {
  let s = '';
  for (const [n, b] of predefinedMacros(t, o)) s += `#define ${n} ${b}\n`;
  return s;
}
