// What asm/ asks of a target. asm/ knows no instruction, register or relocation number: it hands
// instruction statements to the target and gets back bytes and fixups, and asks the target how a
// fixup that survives layout becomes an ELF relocation. targets/<arch>/asm-hooks.ts implements this.

/** A value as the target sees it: a constant, or symbol + addend with a relocation specifier. */
export interface TargetSymValue {
  sym: string;
  addend: bigint;
  spec: string;
}
export type TargetValue = bigint | TargetSymValue;

/**
 * A field of an encoded instruction whose value depends on a symbol. When asm/ can resolve it, it
 * writes S + addend - (pcrel ? P : 0) into the field (P: the field's address); otherwise it asks
 * the target for a relocation.
 */
export interface TargetFixup {
  /** Offset of the field in the instruction's bytes. */
  offset: number;
  /** Field size in bytes. */
  size: number;
  pcrel: boolean;
  /** Symbol name ('' for a plain constant with a specifier). */
  sym: string;
  /** Addend, including the pc-relative bias (-4 for a rel32 field at the end of the instruction). */
  addend: bigint;
  spec: string;
  /** Range check for a resolved value: 1 signed, 2 unsigned, 3 either, 0 none. */
  check: number;
  /** Target-private detail passed back to reloc() (e.g. "mov with REX": GOTPCRELX variants). */
  kind: number;
}

/** One form of a relaxable instruction (shortest first). */
export interface RelaxForm {
  bytes: Uint8Array;
  /** The displacement field (pcrel). */
  fixup: TargetFixup;
  /** Displacement range the form can hold (value written = S + addend - P). */
  min: number;
  max: number;
}

export interface TargetEncoding {
  bytes: Uint8Array;
  fixups: TargetFixup[];
  /** Present for relaxable branches: the forms to choose from; bytes/fixups are then unused. */
  relax?: RelaxForm[];
  /** The encoding depends on nothing but the statement's text (no symbol, no fixup) until the next
   *  target directive: the assembler may reuse it for the same text (see Assembler.instCache). */
  reusable?: boolean;
}

/** What asm/ knows about a fixup's symbol when it asks for a relocation. */
export interface RelocQuery {
  fix: TargetFixup;
  /** Symbol is local (not global/weak) and defined. */
  local: boolean;
  /** Symbol's section has SHF_MERGE. */
  merge: boolean;
  /** Asked again after the local symbol was replaced by its section symbol (the type may change). */
  viaSection: boolean;
}

export interface RelocChoice {
  type: number;
  /** Keep the symbol even when it is local (no section symbol + offset). */
  keepSymbol: boolean;
}

export interface TargetEnv {
  /** Parse one operand expression with the assembler's symbols and syntax. */
  parseExpr(text: string): TargetValue;
  /** The value of `name + addend` with a specifier, as parseExpr would give for that text (no parsing). */
  symValue(name: string, addend: bigint, spec: string): TargetValue;
  /** The symbol is defined at this point and is not global or weak (GNU as decides call relocations so). */
  isLocalDefined(name: string): boolean;
  /** GNU as has looked `name` up where it converts a `.L` symbol that already exists (defined or
   *  mentioned before) into a full one, which fixes its place in the symbol table. */
  noteOperandRef?(name: string, always?: boolean): void;
  /** Set once a symbol has been equated to a register (`.set A, %ecx`): the register's text ('%ecx')
   *  a name stands for now, or null. GNU as takes such a name wherever a register may stand. */
  registerEquate?(name: string): string | null;
}

export interface AsmTarget {
  readonly elfClass: 32 | 64;
  readonly machine: number;
  readonly elfFlags: number;
  /** RELA (addends in relocations) or REL (addends in the section data). */
  readonly rela: boolean;
  readonly commentChars: string;
  readonly lineCommentChars: string;
  /** Relocation specifiers accepted after '@'. */
  readonly specs: ReadonlySet<string>;
  /** Specifiers that make the assembler create _GLOBAL_OFFSET_TABLE_ (as GNU as does on x86). */
  readonly gotSpecs?: ReadonlySet<string>;
  /** Specifiers whose relocation against a local symbol may be resolved or moved to the section
   *  symbol like a plain one (x86: @PLT). */
  readonly adjustableSpecs?: ReadonlySet<string>;
  /** Whether a reference to a local symbol in a mergeable section keeps that symbol (rather than
   *  section symbol + offset); default: when pc-relative or the addend is not zero. */
  keepInMerge?(fix: TargetFixup): boolean;
  /** Specifiers of TLS relocations (their symbol becomes STT_TLS). */
  readonly tlsSpecs?: ReadonlySet<string>;
  /** A register at `pos` of an expression (x86: `%rax`, `%st(1)`): its canonical name and where its
   *  text ends, or null. GNU as compares registers in expressions (`.if \base == %rsp`). */
  exprRegister?(text: string, pos: number): { name: string; end: number } | null;
  /** Whether a data directive's `sym@SPEC` makes sym take its place in the symbol table at once
   *  (GNU as on x86 in Intel syntax: x86_cons simplifies the expression). */
  dataSpecPlaces?(): boolean;
  /** Handle a target directive (.code16, .att_syntax, ...); false when not a target directive. */
  directive(name: string, args: string): boolean;
  /** Parse and encode one instruction statement (mnemonic and operand text). */
  assemble(mnemonic: string, operands: string, env: TargetEnv): TargetEncoding;
  /** Encode an instruction object of the target's own model (what its code generator builds), with
   *  the same effects on symbols as assembling its printed text. Absent when the target has none. */
  assembleInst?(inst: object, env: TargetEnv): TargetEncoding;
  /** `len` bytes of the best nop sequence for code alignment. */
  nops(len: number): Uint8Array;
  /** Relocation for a fixup that stays. Throws an Error with GNU as's message when impossible. */
  reloc(q: RelocQuery): RelocChoice;
  /** Relocation for a data directive field (.long sym, .quad sym@GOTOFF, ...). */
  dataFixup(size: number, pcrel: boolean, spec: string): TargetFixup;
  /** Whether a pc-relative fixup against a global symbol defined in this section must stay a relocation. */
  forceRelocGlobal(fix: TargetFixup): boolean;
  cfi: CfiTarget;
}

export interface CfiTarget {
  /** DWARF code and data alignment factors and return-address column for the CIE. */
  codeAlign: number;
  dataAlign: number;
  returnColumn: number;
  /** CIE initial instructions (bytes), e.g. def_cfa rsp+8, offset ra at cfa-8. */
  initial: number[];
  /** The CFA register and offset after the initial instructions. */
  initialCfaReg: number;
  initialCfaOffset: number;
  /** Address size for .eh_frame padding (8 or 4). */
  addrSize: number;
  /** Section type of .eh_frame. */
  ehFrameType: number;
  /** DWARF register number for a register name (without '%'), or -1. */
  dwarfReg(name: string): number;
  /** Relocation type for a 32-bit pc-relative .eh_frame field, and for an absolute 4/8-byte one. */
  pcrel32: number;
}
