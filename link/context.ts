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
import type { EhFrames } from './eh-frame';
import type { LazyArchive } from '../elf/archive';
import type { MergedLocation, MergeInfo } from './merge';
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
  scriptDefined = false;
  referenced = false;
  /** Referenced by a regular (non-weak) undefined symbol somewhere. */
  strongRef = false;
  gotIndex = -1;
  ipltIndex = -1;
  isLocal = false;
  /** Made local by the linker (HIDDEN/PROVIDE_HIDDEN script symbols, _GLOBAL_OFFSET_TABLE_,
   *  __ehdr_start, __GNU_EH_FRAME_HDR): .symtab lists it as local with default visibility. */
  forcedLocal = false;
  /** Index in the output symbol table (for -r). */
  outIndex = 0;
  /** elf/archive.ts nameHash of the name, once an archive index was searched for it (-1 before). */
  nameHash = -1;
  /** For a symbol in a merged SHF_MERGE section: where its piece went (merge.ts), once asked. */
  mergeLoc: MergedLocation | null = null;
  constructor(readonly name: string) {}

  isDefined(): boolean { return this.kind === SymKind.Defined; }
  isIfunc(): boolean { return this.type === 10 && this.kind === SymKind.Defined; }
}

/** An archive being searched (input-files.ts): its lazy index and what was taken from it. */
export interface ArchiveInput {
  path: string;
  lazy: LazyArchive;
  /** Header offsets of the members already extracted. */
  loaded: Set<number>;
  /** syms[u]: the global symbol named lazy.names[u], once the link has one. */
  syms: (Sym | undefined)[];
  /** How many entries of LinkContext.symbolList have been looked up in the index. */
  synced: number;
  wholeArchive: boolean;
}

/**
 * Every relocation of the link's inputs in one growable buffer, each entry in the ELF64 RELA layout
 * (24 bytes, six little-endian 32-bit words: offset lo/hi, type, symbol, addend lo/hi), read through
 * 32-bit views. x86-64 relocation sections are copied in with one memcpy; other formats (ELF32, REL)
 * are converted entry by entry. read-input.ts checks every entry as it adds it. Passes index the
 * views directly (word 6e + k for entry e); an input section knows its range (RelocList).
 */
export class RelocPool {
  bytes = new Uint8Array(24 * 1024);
  u32 = new Uint32Array(this.bytes.buffer);
  i32 = new Int32Array(this.bytes.buffer);
  /** Entries in use. */
  size = 0;
  /** Make room for n more entries; returns the first new entry. */
  reserve(n: number): number {
    const at = this.size;
    if ((at + n) * 24 > this.bytes.length) {
      let cap = this.bytes.length * 2;
      while (cap < (at + n) * 24) cap *= 2;
      const b = new Uint8Array(cap);
      b.set(this.bytes.subarray(0, at * 24));
      this.bytes = b;
      this.u32 = new Uint32Array(b.buffer);
      this.i32 = new Int32Array(b.buffer);
    }
    this.size = at + n;
    return at;
  }
  offset(e: number): number { return this.u32[6 * e] + this.u32[6 * e + 1] * 0x100000000; }
  type(e: number): number { return this.u32[6 * e + 2]; }
  symbol(e: number): number { return this.u32[6 * e + 3]; }
  /** The addend as a double, NaN when it is not exact (|A| >= 2^53). */
  addendNum(e: number): number {
    const hi = this.i32[6 * e + 5];
    return hi >= -0x200000 && hi < 0x200000 ? hi * 0x100000000 + this.u32[6 * e + 4] : NaN;
  }
  addendOf(e: number): bigint { return BigInt(this.i32[6 * e + 5]) << 32n | BigInt(this.u32[6 * e + 4]); }
}

/** Whether this machine stores 32-bit words little-endian (then RELA entries are copied as they are). */
export const HOST_LE = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The relocations of one input section: entries start .. start + count - 1 of a RelocPool. */
export class RelocList {
  constructor(readonly pool: RelocPool, readonly start: number, readonly count: number) {}
  static readonly EMPTY = new RelocList(new RelocPool(), 0, 0);
  offset(i: number): number { return this.pool.offset(this.start + i); }
  type(i: number): number { return this.pool.type(this.start + i); }
  symbol(i: number): number { return this.pool.symbol(this.start + i); }
  /** The explicit addend (0 for REL: the addend is in the section data). */
  addendOf(i: number): bigint { return this.pool.addendOf(this.start + i); }
  /** This list followed by another one (two relocation sections for one section): copied to the pool's end. */
  concat(o: RelocList): RelocList {
    const p = this.pool;
    const at = p.reserve(this.count + o.count);
    p.bytes.copyWithin(at * 24, this.start * 24, (this.start + this.count) * 24);
    p.bytes.copyWithin((at + this.count) * 24, o.start * 24, (o.start + o.count) * 24);
    return new RelocList(p, at, this.count + o.count);
  }
}

export class InputSection {
  out: OutputSection | null = null;
  offset = 0;
  live = true;
  /** Dropped: COMDAT loser, /DISCARD/, .note.GNU-stack, SHF_EXCLUDE. */
  discarded = false;
  /** SHF_MERGE sections that were merged: their pieces and original bytes (merge.ts). */
  merge: MergeInfo | null = null;
  /** This section as an OutputSection item (made once, reused by every layout pass). */
  item: OutItem | null = null;
  /** `index` is the ELF section index in its file, or -1 for sections the linker makes. */
  constructor(
    readonly file: ObjectInput,
    readonly index: number,
    public name: string,
    public type: number,
    public flags: number,
    public align: number,
    public size: number,
    public data: Uint8Array,
    public relocs: RelocList,
    public entsize: number,
  ) {}

  label(): string { return `${this.file.name}:(${this.name})`; }
}


/** A COMDAT or other section group of an input object (for -r output). */
export interface InputGroup { name: string; flags: number; signature: number; members: number[] }

export class ObjectInput {
  /** Indexed by ELF section index; null for sections that are not input sections (tables, groups). */
  sections: (InputSection | null)[] = [];
  syms: Sym[] = [];
  groups: InputGroup[] = [];
  /** Position in the command line order (for sorting and messages). */
  order = 0;
  execStack = false;
  hasStackNote = false;
  /** e_ident[EI_OSABI] and e_flags of the file. */
  osabi = 0;
  eflags = 0;
  /** Its sections named .eh_frame, and the indexes in `syms` of the symbols defined in the first one
   *  other than section symbols (null: none), for eh-frame.ts. */
  ehFrames: InputSection[] | null = null;
  ehSyms: number[] | null = null;
  constructor(readonly name: string, readonly archive: string | null, readonly memberName: string | null) {}
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
  /** --stats: time each pass (LinkContext.stats). */
  stats: boolean;
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
  /** The relocations of all inputs (RelocList ranges point into it). */
  relocs: RelocPool;
  /** The values of `symbols` in creation order (archives look up only the names added since their last scan). */
  symbolList: Sym[];
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
  /** parsed .eh_frame sections and the .eh_frame_hdr section (eh-frame.ts); null for -r */
  ehFrames: EhFrames | null;
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
  /** SIZEOF_HEADERS was evaluated: the headers are loaded (BFD's load_phdrs). */
  loadPhdrs: boolean;
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
  /** --stats: wall and CPU milliseconds of each pass, in order (null when not asked for). */
  stats: LinkStat[] | null;
}

export interface LinkStat { name: string; ms: number; cpuMs: number }

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
