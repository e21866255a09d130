/**
 * The linker-script syntax tree. Expressions are kept as trees and evaluated only during layout
 * (script-eval.ts), when addresses are known: a deferred value, as in lld. Every node records the
 * offset `pos` of its start in the script text so messages can give `file:line`.
 */

export type Expr =
  | { k: 'num'; v: bigint; hex?: string }
  | { k: 'sym'; name: string; pos: number }
  | { k: 'dot'; pos: number }
  | { k: 'un'; op: string; a: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr; pos: number }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  /** A built-in function. `name` holds a section, region, symbol, segment or constant name argument. */
  | { k: 'call'; fn: string; args: Expr[]; name: string; pos: number };

export const enum ProvideKind { None, Provide, ProvideHidden }

/** `sym = expr;` `. += 4;` `PROVIDE(sym = expr);` `HIDDEN(sym = expr);` */
export interface Assign {
  k: 'assign'; name: string; op: string; expr: Expr; provide: ProvideKind; hidden: boolean;
  script: ScriptSource; pos: number;
}

export interface AssertCmd { k: 'assert'; expr: Expr; msg: string; script: ScriptSource; pos: number }

/** One section-name pattern inside an input section description, with its sorting. */
export interface SectionPattern {
  pattern: string;
  /** EXCLUDE_FILE(...) given before this pattern inside the parentheses. */
  excludeFiles: string[];
  /** Sort keywords from the outside in (SORT_BY_NAME(SORT_BY_ALIGNMENT(x)) = ['name', 'alignment']). */
  sort: string[];
}

/** `KEEP(*crt?.o(.ctors .dtors))`, `*(COMMON)`, `libc.a:*(.text)`, `foo.o` */
export interface InputDesc {
  k: 'input'; filePattern: string; fileExclude: string[]; fileSort: string[]; sections: SectionPattern[] | null;
  keep: boolean; flagsWith: number; flagsWithout: number; pos: number;
}

/** BYTE(e) SHORT(e) LONG(e) QUAD(e) SQUAD(e) */
export interface DataCmd { k: 'data'; size: number; expr: Expr; pos: number }
/** FILL(e) inside an output section. */
export interface FillCmd { k: 'fill'; expr: Expr }

export type SecStmt = Assign | AssertCmd | InputDesc | DataCmd | FillCmd;

export interface OutputSectionDesc {
  k: 'osec'; name: string; addr: Expr | null; type: string; lma: Expr | null; align: Expr | null;
  alignWithInput: boolean; subalign: Expr | null; constraint: '' | 'ONLY_IF_RO' | 'ONLY_IF_RW';
  body: SecStmt[]; region: string; lmaRegion: string; phdrs: string[]; fill: Expr | null; pos: number;
  /** Set for sections of an OVERLAY: the overlay they belong to. */
  overlay: Overlay | null;
}

export interface Overlay {
  k: 'overlay'; start: Expr | null; lma: Expr | null; noCrossRefs: boolean; sections: OutputSectionDesc[];
  region: string; phdrs: string[]; fill: Expr | null; pos: number;
}

export type SectionsCmd = Assign | AssertCmd | OutputSectionDesc | Overlay;

export interface MemoryRegion { name: string; attrs: string; origin: Expr; length: Expr; pos: number }

export interface PhdrDesc { name: string; type: number; fileHdr: boolean; phdrs: boolean; at: Expr | null; flags: Expr | null }

export interface InputListEntry { name: string; asNeeded: boolean }
export interface InputCmd { group: boolean; files: InputListEntry[]; script: ScriptSource }

export interface ScriptSource { file: string; text: string }

export interface Script {
  /** Commands from SECTIONS blocks and top-level assignments/ASSERTs, in text order. */
  sections: SectionsCmd[];
  /** True when the script has a SECTIONS command. */
  hasSections: boolean;
  entry: string | null;
  memory: MemoryRegion[];
  phdrs: PhdrDesc[] | null;
  inputs: InputCmd[];
  searchDirs: string[];
  output: string | null;
  externs: string[];
  /** INSERT AFTER/BEFORE: the SECTIONS commands of this script go into the default script. */
  insert: { after: boolean; section: string } | null;
  regionAliases: Map<string, string>;
  outputFormat: string | null;
  noCrossRefs: string[][];
}

export function emptyScript(): Script {
  return {
    sections: [], hasSections: false, entry: null, memory: [], phdrs: null, inputs: [], searchDirs: [],
    output: null, externs: [], insert: null, regionAliases: new Map(), outputFormat: null, noCrossRefs: [],
  };
}
