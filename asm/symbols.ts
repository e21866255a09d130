// Symbols: the assembler's symbol table.
//
// A symbol is undefined, a label (a position: fragment + offset in a section), an equate (.set/.equ/=,
// holding an expression evaluated when used), or a common symbol. Binding, type, visibility and size
// come from directives. Symbols keep their creation order, which is the order GNU as writes them;
// section symbols are created with their section. Numeric local labels (`1:`) become internal names
// ".L1\x02N" with N counting definitions, so `1b` and `1f` are plain symbol references.

import type { Expr } from './expr';
import type { Frag, Section } from './sections';

export const enum SymKind {
  Undefined = 0,
  Label,
  Equ,
  Common,
  /** A register named in an expression (`.if \base == %rsp`): compares equal only to itself. */
  Register,
}

export const BIND_DEFAULT = 0;
export const BIND_GLOBAL = 1;
export const BIND_WEAK = 2;
export const BIND_LOCAL = 3;

export class Sym {
  kind = SymKind.Undefined;
  frag: Frag | null = null;
  off = 0;
  section: Section | null = null;
  expr: Expr | null = null;
  /** BIND_* as set by .globl/.weak/.local. */
  bind = BIND_DEFAULT;
  /** STT_* from .type (0 = not given). */
  type = 0;
  typeGiven = false;
  /** st_other visibility. */
  visibility = 0;
  size: Expr | null = null;
  /** Where .size was given (for its late error). */
  sizeAt: { file: string; line: number } | null = null;
  /** Common: size and alignment. */
  commonSize = 0n;
  commonAlign = 0n;
  /** Referenced by a relocation (keeps .L symbols in the table). */
  usedInReloc = false;
  /** Referenced at all (undefined symbols are only written when used). */
  used = false;
  isSectionSym = false;
  /** .weakref alias -> target. */
  weakrefTarget: Sym | null = null;
  isWeakrefTarget = false;
  /** Being evaluated (cycle check for equates). */
  busy = false;
  /** .equiv: redefinition is an error. */
  equiv = false;
  /** Output index in the ObjectFile. */
  outIndex = 0;
  /** `.symver name, v@V, remove`: not written; relocations name the versioned symbol instead. */
  replacedBy: Sym | null = null;
  /** A .L name has taken its place in the symbol order (see SymbolTable.place). */
  placed = false;
  constructor(public name: string, public order: number) {}

  get isLocalName(): boolean {
    return this.name.startsWith('.L') || this.name.includes('\x02') || this.name.includes('\x01');
  }
}

// Symbol order. GNU as writes symbols in the order they enter its symbol list. A named symbol enters
// when it is first mentioned; a `.L` name is a lightweight "local symbol" outside that list and only
// enters it when converted to a full symbol: when a memory operand or branch of an instruction
// mentions it after its definition, or else when a relocation keeps it at the end of assembly
// (relocations in section order). `order` is that position; output sorts by it.
export class SymbolTable {
  private map = new Map<string, Sym>();
  all: Sym[] = [];
  private seq = 0;

  /** A .L name enters the symbol order now (no effect on other names or after the first time). */
  place(s: Sym): void {
    if (s.placed || !s.isLocalName) return;
    s.placed = true;
    s.order = this.seq++;
  }
  /** Move a symbol to the end of the symbol order (a section symbol GNU as makes only when first used). */
  renumber(s: Sym): void {
    s.order = this.seq++;
  }
  private numericCount = new Map<string, number>();
  private tmp = 0;

  // An instruction operand asks for its symbol several times in a row (noted, entered, asked whether
  // local): the last answer is kept. Symbols are never removed from the map, so it stays true.
  private lastName = '';
  private lastSym: Sym | undefined = undefined;

  get(name: string): Sym | undefined {
    if (name === this.lastName && this.lastSym) return this.lastSym;
    const s = this.map.get(name);
    if (s) { this.lastName = name; this.lastSym = s; }
    return s;
  }

  /** The symbol called `name`, created (undefined) on first use. */
  ref(name: string): Sym {
    if (name === this.lastName && this.lastSym) return this.lastSym;
    let s = this.map.get(name);
    if (!s) {
      s = new Sym(name, this.seq++);
      this.map.set(name, s);
      this.all.push(s);
    }
    this.lastName = name;
    this.lastSym = s;
    return s;
  }

  /** A section symbol. As in GNU as, the section's name stands for it in expressions (`.long x - __ex_table`)
   *  unless a symbol of that name exists already. */
  sectionSym(sec: Section): Sym {
    const s = new Sym(sec.name, this.seq++);
    s.isSectionSym = true;
    s.kind = SymKind.Label;
    s.section = sec;
    this.all.push(s);
    if (!this.map.has(sec.name)) this.map.set(sec.name, s);
    return s;
  }

  private regs = new Map<string, Sym>();

  /** The pseudo-symbol of a register in expressions (one per canonical name; never written out). */
  registerSym(name: string): Sym {
    let s = this.regs.get(name);
    if (!s) {
      s = new Sym(`%${name}`, -1);
      s.kind = SymKind.Register;
      this.regs.set(name, s);
    }
    return s;
  }

  /** An internal symbol ("." at a position, expression symbols); never written out. */
  temp(): Sym {
    const s = new Sym(`\x01tmp${this.tmp++}`, -1);
    this.map.set(s.name, s);
    return s;
  }

  /** temp() for a symbol only ever reached through its Sym object (never looked up by name). */
  anon(): Sym {
    return new Sym(`\x01tmp${this.tmp++}`, -1);
  }

  /** Define numeric local label `n` (the `n:` statement): returns the new instance's symbol. */
  defineNumeric(n: string): Sym {
    const c = (this.numericCount.get(n) ?? 0) + 1;
    this.numericCount.set(n, c);
    return this.ref(`.L${n}\x02${c}`);
  }

  /** `nb` (backward: the last definition) or `nf` (forward: the next one). */
  numericRef(n: string, forward: boolean): Sym | null {
    const c = this.numericCount.get(n) ?? 0;
    if (!forward && c === 0) return null;
    return this.ref(`.L${n}\x02${forward ? c + 1 : c}`);
  }
}
