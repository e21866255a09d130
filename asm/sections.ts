// Sections and fragments: where the assembled bytes live until layout.
//
// A section's contents are a chain of fragments (GNU as's frags). A fragment is a run of fixed
// bytes, optionally followed by one variable part whose size is only known at layout: an alignment,
// an .org, a relaxable instruction (short or long branch), a LEB128 of a not-yet-known value, or a
// .skip of a not-yet-known count. Labels point at (fragment, offset), so their addresses follow the
// fragment addresses that layout.ts computes. Subsections (.subsection N, `.text N`) each keep their
// own chain; layout concatenates them in numeric order.

import type { Expr } from './expr';
import type { RelaxForm, TargetFixup } from './target';
import type { Sym } from './symbols';

export const enum VarKind {
  None = 0,
  Align, // pad to `align` (a power of two) unless more than `max` bytes are needed
  Org, // advance to the section offset `expr`
  Relax, // one of `forms`, the smallest whose displacement fits
  Leb, // (s|u)leb128 of `expr`
  Space, // `expr` times `state` bytes (.fill: its size; .space: 0 = 1) of the pattern `fill`
}

export class Frag {
  data: Uint8Array = new Uint8Array(64);
  len = 0;
  /** Section offset, valid after layout (and during relaxation passes). */
  address = 0;
  /** Size of the variable part in the current layout pass. */
  varSize = 0;
  varKind = VarKind.None;
  // Variable-part parameters (one shape for all kinds).
  align = 0;
  max = 0;
  fill = 0;
  /** Fill with the target's nops (code alignment). */
  codeFill = false;
  expr: Expr | null = null;
  signed = false;
  forms: RelaxForm[] | null = null;
  /** Index of the relax form in use. */
  state = 0;
  /** Bytes of the variable part after layout (relax form, leb, nops). */
  varBytes: Uint8Array | null = null;
  /** Relaxable branch sent to its long form before relaxation (target outside the section). */
  early = false;
  /** Statement location of the variable part (for messages). */
  file = '';
  line = 0;
  // Relaxation bookkeeping (layout.ts, after write.c's relax_segment).
  /** Alignments and .org end a region: a forward branch assumes its target moved as far as itself only
   *  inside one region. */
  region = 0;
  /** Flipped when a relaxation pass reaches the fragment (tells targets behind from targets ahead). */
  marker = false;
  /** Address at the end of the previous relaxation of the section. */
  lastAddress = -1;
  /** A relaxable branch to a plain label of its section: the label and what to add to its address to
   *  get the branch target's end-of-instruction address (null: evaluate the fixup's expression). */
  branchLabel: Sym | null = null;
  branchAdd = 0;
  constructor(public section: Section) {}

  ensure(extra: number): void {
    if (this.len + extra <= this.data.length) return;
    let cap = this.data.length * 4;
    while (cap < this.len + extra) cap *= 2;
    const d = new Uint8Array(cap);
    d.set(this.data.subarray(0, this.len));
    this.data = d;
  }

  push(b: number): void {
    this.ensure(1);
    this.data[this.len++] = b;
  }

  append(bytes: ArrayLike<number>): void {
    this.ensure(bytes.length);
    this.data.set(bytes, this.len);
    this.len += bytes.length;
  }

  /** Little-endian integer of `size` bytes (1..16). */
  pushInt(v: bigint, size: number): void {
    this.ensure(size);
    for (let i = 0; i < size; i++) {
      this.data[this.len++] = Number(v & 0xffn);
      v >>= 8n;
    }
  }

  get size(): number {
    return this.len + this.varSize;
  }
}

/** A fixup: a field whose value depends on a symbol or on layout, resolved by layout.ts. */
export interface Fixup {
  frag: Frag;
  /** Offset of the field in the fragment (fixed part), or in its variable part when `inVar`. */
  offset: number;
  size: number;
  /** For fixups built from data directives: the expression; for target fixups, null. */
  expr: Expr | null;
  /** Target fixup (instruction operand), null for data directives. */
  tfix: TargetFixup | null;
  pcrel: boolean;
  /** Statement location for messages. */
  file: string;
  line: number;
  /** Field in the variable part of the fragment (relax forms). */
  inVar: boolean;
  /** Range check kind: 0 none, 1 signed, 2 unsigned, 3 either (data directives). */
  check: number;
}

export class Section {
  /** Model index in the ObjectFile, assigned when the object is built. */
  index = 0;
  /** Creation order. */
  order = 0;
  subsections = new Map<number, Frag[]>();
  /** All fragments in layout order, built by layout. */
  frags: Frag[] = [];
  fixups: Fixup[] = [];
  /** The section symbol. */
  sym: Sym | null = null;
  /** Group signature (SHF_GROUP) and whether it is COMDAT. */
  group = '';
  comdat = false;
  linkTo = '';
  /** `unique,N` id (0 = none). */
  uniqueId = 0;
  /** Final size after layout. */
  size = 0;
  /** Final contents after layout. */
  bytes: Uint8Array = new Uint8Array(0);
  /** Relocations after fixup resolution. */
  relocs: Reloc[] = [];
  /** Code section (SHF_EXECINSTR): alignment pads with nops. */
  get isCode(): boolean {
    return (this.flags & 4) !== 0;
  }

  constructor(public name: string, public type: number, public flags: number, public entsize: number) {}

  alignment = 1;

  /** The last fragment of subsection `sub`, created on demand. */
  tail(sub: number): Frag {
    let list = this.subsections.get(sub);
    if (!list) {
      list = [new Frag(this)];
      this.subsections.set(sub, list);
    }
    return list[list.length - 1];
  }

  /** Close the current fragment of `sub` and start a new one (after a variable part). */
  newFrag(sub: number): Frag {
    const f = new Frag(this);
    this.tail(sub);
    this.subsections.get(sub)!.push(f);
    return f;
  }

  /** Fragments in layout order: subsections sorted by number. */
  orderedFrags(): Frag[] {
    const keys = [...this.subsections.keys()].sort((a, b) => a - b);
    const out: Frag[] = [];
    for (const k of keys) for (const f of this.subsections.get(k)!) out.push(f);
    return out;
  }
}

/** A relocation that survived fixup resolution (symbol still an asm/ symbol). */
export interface Reloc {
  offset: number;
  type: number;
  sym: Sym | null;
  addend: bigint;
}
