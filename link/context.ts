/**
 * The link's data model and its one context object. Every pass takes the LinkContext; there is no
 * module-level state.
 *
 * - ObjectInput: one relocatable object (from the command line or extracted from an archive).
 * - InputSection: one section of an object (or a synthetic section the linker makes: .got, .iplt,
 *   .rela.iplt, COMMON, build-id note, .eh_frame_hdr), placed at `offset` inside its OutputSection.
 * - Sym: a symbol. Globals live once in ctx.symbols by name; locals belong to their object.
 *   A defined symbol is (section, value) or absolute (section null, `abs`), or set by the script.
 * - OutputSection: one output section, in the order of the layout.
 * Addresses are bigint (kernels live at 0xffffffff80000000); offsets and sizes are numbers.
 */
import type { ObjectFile, ObjReloc } from '../elf/object';
import type { Script } from './script-ast';
import type { TargetHooks } from './target';

export const enum SymKind { Undefined, Defined, Common, Lazy }

export class Sym {
  kind = SymKind.Undefined;
  binding = 1;        // STB_GLOBAL
  type = 0;           // STT_*
  visibility = 0;     // STV_*
  size = 0n;
  value = 0n;         // offset in section, absolute value, or common alignment
  section: InputSection | null = null;
  /** Defined as absolute (SHN_ABS) or by the script with an absolute value. */
  absolute = false;
  /** For script-defined section-relative symbols: the output section (value is then absolute address). */
  outSection: OutputSection | null = null;
  file: ObjectInput | null = null;
  /** Lazy: the archive member that defines it. */
  lazy: LazyMember | null = null;
  scriptDefined = false;
  referenced = false;
  /** Referenced by a regular (non-weak) undefined symbol somewhere. */
  strongRef = false;
  gotIndex = -1;
  ipltIndex = -1;
  isLocal = false;
  /** Index in the output symbol table (for -r). */
  outIndex = 0;
  constructor(readonly name: string) {}

  isDefined(): boolean { return this.kind === SymKind.Defined; }
  isIfunc(): boolean { return this.type === 10 && this.kind === SymKind.Defined; }
}

export interface LazyMember { archive: ArchiveInput; member: number }

export interface ArchiveInput {
  path: string;
  members: { name: string; data: Uint8Array | null; loaded: boolean; path: string }[];
  symbols: Map<string, number[]>;
  wholeArchive: boolean;
}

export class InputSection {
  out: OutputSection | null = null;
  offset = 0;
  live = true;
  /** Dropped: COMDAT loser, /DISCARD/, .note.GNU-stack, SHF_EXCLUDE. */
  discarded = false;
  /** Index of this section in its file (model index), or -1 for synthetic sections. */
  /** Relocation field values computed for merge sections: see merge.ts. */
  merge: MergeMap | null = null;
  /** Sort key for SORT_BY_INIT_PRIORITY. */
  constructor(
    readonly file: ObjectInput,
    readonly index: number,
    public name: string,
    public type: number,
    public flags: number,
    public align: number,
    public size: number,
    public data: Uint8Array,
    public relocs: ObjReloc[],
    public entsize: number,
  ) {}

  label(): string { return `${this.file.name}:(${this.name})`; }
}

/** Where pieces of a merged input section went: input offsets -> output offsets (merge.ts). */
export interface MergeMap { inStart: Int32Array; outOffset: Int32Array }

export class ObjectInput {
  sections: (InputSection | null)[] = [];
  syms: Sym[] = [];
  /** Position in the command line order (for sorting and messages). */
  order = 0;
  execStack = false;
  hasStackNote = false;
  constructor(readonly name: string, readonly obj: ObjectFile, readonly archive: string | null, readonly memberName: string | null) {}
  /** "libc.a(printf.o)" or "a.o": what GNU ld prints. */
  get display(): string { return this.archive ? `${this.archive}(${this.memberName})` : this.name; }
}

export const enum OutKind { Regular, NoLoad, Info }

export class OutputSection {
  addr = 0n;
  lma = 0n;
  size = 0;
  offset = 0;
  index = 0;
  type = 0;
  flags = 0;
  align = 1;
  entsize = 0;
  link = 0;
  info = 0;
  kind = OutKind.Regular;
  /** Ordered contents: input sections and data/fill statements with their offsets. */
  items: OutItem[] = [];
  /** Assignments to '.' or data in the section keep it even when empty. */
  keepEmpty = false;
  phdrNames: string[] = [];
  regionName = '';
  lmaRegionName = '';
  /** Data produced for the output (built by the writer). */
  data: Uint8Array | null = null;
  /** Has an explicit address or is at a fixed place (for orphans and segment logic). */
  fill: Uint8Array | null = null;
  /** True when no input section or script statement gives it any content. */
  removed = false;
  /** The script description it came from (null for orphans). */
  fromScript = true;
  constructor(public name: string) {}
}

export type OutItem =
  | { k: 'sec'; sec: InputSection }
  | { k: 'data'; offset: number; size: number; value: bigint }
  /** FILL(): the gaps from here on use this pattern. */
  | { k: 'fillFrom'; offset: number; pat: Uint8Array }
  | { k: 'fill'; from: number; to: number; pattern: Uint8Array };

export interface LinkOptions {
  output: string;
  entry: string | null;
  scripts: string[];
  defsyms: { name: string; expr: string }[];
  sectionStart: Map<string, bigint>;
  maxPageSize: number | null;
  commonPageSize: number | null;
  omagic: boolean;
  nmagic: boolean;
  relocatable: boolean;
  oformat: 'elf' | 'binary';
  mapFile: string | null;
  gcSections: boolean;
  printGcSections: boolean;
  noUndefined: boolean;
  undefined: string[];
  sortSection: '' | 'name' | 'alignment';
  emulation: string;
  verbose: boolean;
  buildId: string; // '', 'sha1', 'md5', 'uuid', '0x...'
  strip: 'none' | 'debug' | 'all';
  libPaths: string[];
  ehFrameHdr: boolean;
  noexecstack: boolean;
  execstack: boolean;
  relro: boolean;
  separateCode: boolean;
  inputs: InputArg[];
  sysroot: string;
  noInhibitExec: boolean;
  printMap: boolean;
  warnings: string[];
  static: boolean;
  traceSymbols: string[];
  nostdlib: boolean;
}

export type InputArg =
  | { k: 'file'; path: string }
  | { k: 'lib'; name: string }
  | { k: 'whole'; on: boolean }
  | { k: 'group'; start: boolean }
  | { k: 'asNeeded'; on: boolean }
  | { k: 'static'; on: boolean };

export interface LinkContext {
  opts: LinkOptions;
  target: TargetHooks;
  objects: ObjectInput[];
  archives: ArchiveInput[];
  symbols: Map<string, Sym>;
  script: Script;
  /** User scripts given with -T (their SECTIONS replace the default one). */
  outputs: OutputSection[];
  /** The internal object holding synthetic sections and linker-made symbols. */
  internal: ObjectInput;
  comdat: Set<string>;
  /** Sections of the synthetic parts, filled by synthetic.ts. */
  got: InputSection | null;
  gotPlt: InputSection | null;
  iplt: InputSection | null;
  relaIplt: InputSection | null;
  buildIdNote: InputSection | null;
  ehFrameHdr: InputSection | null;
  gotEntries: Sym[];
  tlsGotEntries: Sym[];
  ipltEntries: Sym[];
  /** TLS segment, known after layout. */
  tlsStart: bigint;
  tlsEnd: bigint;
  tlsAlign: number;
  tlsMemSize: bigint;
  segments: import('./phdrs').Segment[];
  sizeofHeaders: number;
  warnings: string[];
  entryAddr: bigint;
  readFile: (path: string) => Uint8Array;
  fileExists: (path: string) => boolean;
  /** Errors collected to report together (undefined references). */
  errors: string[];
  /** Start of the data segment set by DATA_SEGMENT_ALIGN and relro bookkeeping. */
  dataSeg: DataSegState;
  gcRemoved: InputSection[];
  /** File offset after the last section's contents. */
  endOfSections: number;
}

export interface DataSegState {
  phase: 'none' | 'adjust';
  base: bigint;
  relroEnd: bigint;
  relroOffset: bigint;
  maxPage: bigint;
  commonPage: bigint;
  seenAlign: boolean;
  alignDot: bigint;
}
