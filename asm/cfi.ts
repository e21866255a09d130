// Call frame information: .cfi_* directives -> the .eh_frame section GNU as would write.
//
// Each directive inside .cfi_startproc/.cfi_endproc appends an operation to the current FDE; when
// the location moved since the previous one, an "advance" to a label at the current position comes
// first. After layout (when label addresses are final) finish() writes the section the way
// dw2gencfi.c does: for each FDE in order, find a CIE whose personality, LSDA encoding, return column
// and signal-frame flag match and whose initial instructions are a prefix of the FDE's (the rest
// stays in the FDE); otherwise write a new CIE that takes all the FDE's leading instructions (those
// before its first advance/remember_state/escape). Entries are padded with DW_CFA_nop to the address size.
// Addresses are written as expressions (`start - .`), so the ordinary fixup code makes the
// pc-relative relocations against the text section symbol.

import type { Assembler } from './assembler';
import { AsmError } from './error';
import { E, Expr } from './expr';
import { lebBytes } from './directives';
import { splitArgs } from './lexer';
import { Section } from './sections';
import { Sym } from './symbols';

const enum Op {
  Advance = 0, // from, to labels
  DefCfa, DefCfaRegister, DefCfaOffset, Offset, Restore, Undefined, SameValue, Register,
  Remember, RestoreState, Escape, ValOffset, GnuArgsSize,
}

interface Insn {
  op: Op;
  reg: number;
  reg2: number;
  off: number;
  from: Sym | null;
  to: Sym | null;
  bytes: number[] | null;
}

interface Fde {
  start: Sym;
  end: Sym | null;
  section: Section;
  insns: Insn[];
  retCol: number;
  signal: boolean;
  perEnc: number;
  personality: Expr | null;
  lsdaEnc: number;
  lsda: Expr | null;
}

const OMIT = 0xff;

export class CfiState {
  fdes: Fde[] = [];
  cur: Fde | null = null;
  last: Sym | null = null;
  cfaOffset = 0;
  cfaReg = 0;
  stack: { reg: number; off: number }[] = [];
  ehFrame = true;

  constructor(private as: Assembler) {}

  private mk(op: Op, reg = 0, off = 0, reg2 = 0): Insn {
    return { op, reg, reg2, off, from: null, to: null, bytes: null };
  }

  private add(i: Insn): void {
    const f = this.cur;
    if (!f) throw new AsmError('CFI instruction used without previous .cfi_startproc');
    const fr = this.as.frag();
    if (this.last && (this.last.frag !== fr || this.last.off !== fr.len)) {
      const here = this.as.dot(false);
      f.insns.push({ op: Op.Advance, reg: 0, reg2: 0, off: 0, from: this.last, to: here, bytes: null });
      this.last = here;
    }
    f.insns.push(i);
  }

  private reg(text: string | undefined): number {
    if (text !== undefined) { const n = smallDecimal(text); if (n >= 0) return n; }
    if (text === undefined || !text.trim()) throw new AsmError('missing register');
    const t = text.trim().replace(/^%/, '');
    if (/^\d+$/.test(t)) return Number(t);
    const r = this.as.target.cfi.dwarfReg(t.toLowerCase());
    if (r < 0) throw new AsmError(`bad register expression`);
    return r;
  }

  private num(text: string | undefined): number {
    if (text === undefined) throw new AsmError('missing separator');
    const neg = text.charCodeAt(0) === 45 /* - */;
    const n = smallDecimal(neg ? text.slice(1) : text);
    if (n >= 0) return neg ? -n : n;
    return Number(this.as.absolute(text));
  }

  directive(name: string, rest: string): void {
    const a = splitArgs(rest);
    const t = this.as.target.cfi;
    switch (name) {
      case '.cfi_sections':
        this.ehFrame = a.some((x) => x.trim() === '.eh_frame');
        return;
      case '.cfi_startproc': {
        if (this.cur) throw new AsmError('previous CFI entry not closed (missing .cfi_endproc)');
        const start = this.as.dot(false);
        this.cur = {
          start, end: null, section: this.as.cur, insns: [], retCol: t.returnColumn, signal: false,
          perEnc: OMIT, personality: null, lsdaEnc: OMIT, lsda: null,
        };
        this.last = start;
        this.cfaReg = t.initialCfaReg;
        this.cfaOffset = t.initialCfaOffset;
        this.stack = [];
        if (rest.trim() !== 'simple') {
          this.cur.insns.push(this.mk(Op.DefCfa, t.initialCfaReg, t.initialCfaOffset));
          this.cur.insns.push(this.mk(Op.Offset, t.returnColumn, -t.initialCfaOffset));
        }
        return;
      }
      case '.cfi_endproc': {
        if (!this.cur) throw new AsmError('.cfi_endproc without corresponding .cfi_startproc');
        this.cur.end = this.as.dot(false);
        if (this.ehFrame) this.fdes.push(this.cur);
        this.cur = null;
        this.last = null;
        return;
      }
      case '.cfi_def_cfa':
        this.cfaReg = this.reg(a[0]);
        this.cfaOffset = this.num(a[1]);
        return this.add(this.mk(Op.DefCfa, this.cfaReg, this.cfaOffset));
      case '.cfi_def_cfa_register':
        this.cfaReg = this.reg(a[0]);
        return this.add(this.mk(Op.DefCfaRegister, this.cfaReg));
      case '.cfi_def_cfa_offset':
        this.cfaOffset = this.num(a[0]);
        return this.add(this.mk(Op.DefCfaOffset, 0, this.cfaOffset));
      case '.cfi_adjust_cfa_offset':
        this.cfaOffset += this.num(a[0]);
        return this.add(this.mk(Op.DefCfaOffset, 0, this.cfaOffset));
      case '.cfi_offset':
        return this.add(this.mk(Op.Offset, this.reg(a[0]), this.num(a[1])));
      case '.cfi_rel_offset':
        return this.add(this.mk(Op.Offset, this.reg(a[0]), this.num(a[1]) - this.cfaOffset));
      case '.cfi_val_offset':
        return this.add(this.mk(Op.ValOffset, this.reg(a[0]), this.num(a[1])));
      case '.cfi_restore':
        for (const r of a) this.add(this.mk(Op.Restore, this.reg(r)));
        return;
      case '.cfi_undefined':
        for (const r of a) this.add(this.mk(Op.Undefined, this.reg(r)));
        return;
      case '.cfi_same_value':
        return this.add(this.mk(Op.SameValue, this.reg(a[0])));
      case '.cfi_register':
        return this.add(this.mk(Op.Register, this.reg(a[0]), 0, this.reg(a[1])));
      case '.cfi_remember_state':
        this.stack.push({ reg: this.cfaReg, off: this.cfaOffset });
        return this.add(this.mk(Op.Remember));
      case '.cfi_restore_state': {
        const s = this.stack.pop();
        if (s) { this.cfaReg = s.reg; this.cfaOffset = s.off; }
        return this.add(this.mk(Op.RestoreState));
      }
      case '.cfi_escape': {
        const i = this.mk(Op.Escape);
        i.bytes = a.map((x) => this.num(x) & 0xff);
        return this.add(i);
      }
      case '.cfi_gnu_args_size':
        return this.add(this.mk(Op.GnuArgsSize, 0, this.num(a[0])));
      case '.cfi_signal_frame':
        this.need().signal = true;
        return;
      case '.cfi_return_column':
        this.need().retCol = this.reg(a[0]);
        return;
      case '.cfi_personality': case '.cfi_lsda': {
        const f = this.need();
        const enc = this.num(a[0]);
        const e = enc === OMIT ? null : this.as.parse(a[1] ?? '');
        if (name === '.cfi_personality') { f.perEnc = enc; f.personality = e; } else { f.lsdaEnc = enc; f.lsda = e; }
        return;
      }
      case '.cfi_window_save': case '.cfi_negate_ra_state': case '.cfi_label': case '.cfi_val_encoded_addr':
        throw new AsmError(`CFI directive ${name} is not supported on this target`);
      default:
        throw new AsmError(`unknown pseudo-op: \`${name}'`);
    }
  }

  private need(): Fde {
    if (!this.cur) throw new AsmError('CFI instruction used without previous .cfi_startproc');
    return this.cur;
  }

  /** Write .eh_frame (after the code sections have their final layout). */
  finish(): void {
    if (this.cur) {
      this.as.error('open CFI at the end of file; missing .cfi_endproc directive');
      this.cur = null;
    }
    if (!this.fdes.length) return;
    const as = this.as;
    const t = as.target.cfi;
    const sec = as.getSection('.eh_frame', t.ehFrameType, 2, 0);
    const saved = { sec: as.cur, sub: as.sub };
    as.cur = sec;
    as.sub = 0;
    sec.alignment = Math.max(sec.alignment, t.addrSize);
    const cies: { fde: Fde; first: Insn[]; label: Sym }[] = [];
    for (const fde of this.fdes) {
      const lead = leading(fde.insns);
      let cie = null;
      for (let k = cies.length - 1; k >= 0; k--) {
        const c = cies[k];
        if (c.fde.retCol !== fde.retCol || c.fde.signal !== fde.signal || c.fde.perEnc !== fde.perEnc
            || c.fde.lsdaEnc !== fde.lsdaEnc || !sameExpr(c.fde.personality, fde.personality)) continue;
        if (!samePrefix(c.first, fde.insns)) continue;
        cie = c;
        break;
      }
      let body: Insn[];
      if (cie) body = fde.insns.slice(cie.first.length);
      else {
        const label = as.dot();
        cie = { fde, first: fde.insns.slice(0, lead), label };
        cies.push(cie);
        this.writeCie(fde, cie.first);
        body = fde.insns.slice(lead);
      }
      // dw2gencfi.c: FDEs are padded to 4 bytes, the last one to the address size.
      this.writeFde(fde, body, cie.label, fde === this.fdes[this.fdes.length - 1] ? t.addrSize : 4);
    }
    as.cur = saved.sec;
    as.sub = saved.sub;
  }

  private u8(b: number): void { this.as.frag().push(b & 0xff); }
  private bytes(b: number[]): void { this.as.emitBytes(b); }
  private int(v: number, size: number): void { this.as.frag().pushInt(BigInt(v), size); }

  /** length field covering [after it, end), padded to the address size. */
  private entry(body: () => void, align = 4): void {
    const f = this.as.frag();
    const lenAt = f.len;
    this.int(0, 4);
    body();
    while (f.len % align) this.u8(0); // frag_align: the section offset, not the entry length
    const len = f.len - lenAt - 4;
    f.data[lenAt] = len & 0xff; f.data[lenAt + 1] = (len >> 8) & 0xff;
    f.data[lenAt + 2] = (len >> 16) & 0xff; f.data[lenAt + 3] = (len >>> 24) & 0xff;
  }

  private writeCie(fde: Fde, initial: Insn[]): void {
    const t = this.as.target.cfi;
    this.entry(() => {
      this.int(0, 4); // CIE id
      this.u8(1); // version
      let aug = 'z';
      if (fde.perEnc !== OMIT) aug += 'P';
      if (fde.lsdaEnc !== OMIT) aug += 'L';
      aug += 'R';
      if (fde.signal) aug += 'S';
      for (const c of aug) this.u8(c.charCodeAt(0));
      this.u8(0);
      this.bytes(lebBytes(BigInt(t.codeAlign), false));
      this.bytes(lebBytes(BigInt(t.dataAlign), true));
      this.u8(fde.retCol);
      let augLen = 1;
      if (fde.perEnc !== OMIT) augLen += 1 + encSize(fde.perEnc, t.addrSize);
      if (fde.lsdaEnc !== OMIT) augLen += 1;
      this.bytes(lebBytes(BigInt(augLen), false));
      if (fde.perEnc !== OMIT) {
        this.u8(fde.perEnc);
        this.encoded(fde.personality!, fde.perEnc);
      }
      if (fde.lsdaEnc !== OMIT) this.u8(fde.lsdaEnc);
      this.u8(0x1b); // FDE encoding: pcrel sdata4
      for (const i of initial) this.insn(i);
    });
  }

  private writeFde(fde: Fde, body: Insn[], cieLabel: Sym, align: number): void {
    const t = this.as.target.cfi;
    this.entry(() => {
      const here = this.as.dot();
      const f = this.as.frag();
      this.int(here.off + f.address - (cieLabel.frag!.address + cieLabel.off), 4);
      // All of .eh_frame is one fragment while it is written, so offsets are plain numbers.
      this.encoded({ k: E.Sym, sym: fde.start, spec: '' }, 0x1b);
      this.as.emitExpr({ k: E.Bin, op: '-', a: { k: E.Sym, sym: fde.end!, spec: '' }, b: { k: E.Sym, sym: fde.start, spec: '' } }, 4);
      if (fde.lsdaEnc !== OMIT) {
        this.bytes(lebBytes(BigInt(encSize(fde.lsdaEnc, t.addrSize)), false));
        this.encoded(fde.lsda!, fde.lsdaEnc);
      } else this.u8(0);
      for (const i of body) this.insn(i);
    }, align);
  }

  /** A pointer in DW_EH_PE encoding `enc` (pcrel: value - .). */
  private encoded(e: Expr, enc: number): void {
    const size = encSize(enc, this.as.target.cfi.addrSize);
    if ((enc & 0x70) === 0x10) {
      const dot = this.as.dot();
      this.as.emitExpr({ k: E.Bin, op: '-', a: e, b: { k: E.Sym, sym: dot, spec: '' } }, size);
    } else this.as.emitExpr(e, size);
  }

  /** LEB128 of a number (what lebBytes gives for it, without BigInt when it fits 32 bits). */
  private leb(v: number, signed: boolean): void {
    if (v !== (v | 0) || (!signed && v < 0)) { this.bytes(lebBytes(BigInt(v), signed)); return; }
    const f = this.as.frag();
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      const done = signed ? (v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0) : v === 0;
      f.push(done ? b : b | 0x80);
      if (done) return;
    }
  }

  private insn(i: Insn): void {
    const t = this.as.target.cfi;
    const uleb = (v: number) => this.leb(v, false);
    const sleb = (v: number) => this.leb(v, true);
    switch (i.op) {
      case Op.Advance: {
        const d = (i.to!.frag!.address + i.to!.off - (i.from!.frag!.address + i.from!.off)) / t.codeAlign;
        if (d === 0) return;
        if (d < 0x40) this.u8(0x40 | d);
        else if (d <= 0xff) { this.u8(2); this.u8(d); }
        else if (d <= 0xffff) { this.u8(3); this.int(d, 2); }
        else { this.u8(4); this.int(d, 4); }
        return;
      }
      case Op.DefCfa:
        if (i.off < 0) { this.u8(0x12); uleb(i.reg); sleb(Math.trunc(i.off / t.dataAlign)); } else { this.u8(0x0c); uleb(i.reg); uleb(i.off); }
        return;
      case Op.DefCfaRegister: this.u8(0x0d); uleb(i.reg); return;
      case Op.DefCfaOffset:
        if (i.off < 0) { this.u8(0x13); sleb(Math.trunc(i.off / t.dataAlign)); } else { this.u8(0x0e); uleb(i.off); }
        return;
      case Op.Offset: {
        const f = Math.trunc(i.off / t.dataAlign);
        if (f < 0) { this.u8(0x11); uleb(i.reg); sleb(f); } else if (i.reg < 64) { this.u8(0x80 | i.reg); uleb(f); } else { this.u8(0x05); uleb(i.reg); uleb(f); }
        return;
      }
      case Op.ValOffset: {
        const f = Math.trunc(i.off / t.dataAlign);
        if (f < 0) { this.u8(0x15); uleb(i.reg); sleb(f); } else { this.u8(0x14); uleb(i.reg); uleb(f); }
        return;
      }
      case Op.Restore: if (i.reg < 64) this.u8(0xc0 | i.reg); else { this.u8(0x06); uleb(i.reg); } return;
      case Op.Undefined: this.u8(0x07); uleb(i.reg); return;
      case Op.SameValue: this.u8(0x08); uleb(i.reg); return;
      case Op.Register: this.u8(0x09); uleb(i.reg); uleb(i.reg2); return;
      case Op.Remember: this.u8(0x0a); return;
      case Op.RestoreState: this.u8(0x0b); return;
      case Op.Escape: this.bytes(i.bytes!); return;
      case Op.GnuArgsSize: this.u8(0x2e); uleb(i.off); return;
    }
  }
}

/** A decimal number of up to 9 digits without sign or leading zero (or "0"), else -1. */
function smallDecimal(t: string): number {
  const n = t.length;
  if (n === 0 || n > 9) return -1;
  const c0 = t.charCodeAt(0);
  if (c0 === 48) return n === 1 ? 0 : -1; // 0x.., 0b.., octal
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

function encSize(enc: number, addr: number): number {
  switch (enc & 0x0f) {
    case 0x00: return addr;
    case 0x02: case 0x0a: return 2;
    case 0x03: case 0x0b: return 4;
    case 0x04: case 0x0c: return 8;
    default: return 4;
  }
}

/** Number of leading instructions a new CIE takes (up to the first advance/remember/escape). */
function leading(insns: Insn[]): number {
  let n = 0;
  while (n < insns.length && insns[n].op !== Op.Advance && insns[n].op !== Op.Remember && insns[n].op !== Op.Escape) n++;
  return n;
}

function sameInsn(a: Insn, b: Insn): boolean {
  return a.op === b.op && a.reg === b.reg && a.reg2 === b.reg2 && a.off === b.off;
}

/** The CIE's instructions are a prefix of the FDE's (select_cie_for_fde). */
function samePrefix(cie: Insn[], fde: Insn[]): boolean {
  if (cie.length > fde.length) return false;
  for (let k = 0; k < cie.length; k++) if (!sameInsn(cie[k], fde[k]) || fde[k].op === Op.Advance || fde[k].op === Op.Remember) return false;
  return true;
}

function sameExpr(a: Expr | null, b: Expr | null): boolean {
  if (!a || !b) return a === b;
  if (a.k !== b.k) return false;
  if (a.k === E.Sym && b.k === E.Sym) return a.sym === b.sym && a.spec === b.spec;
  if (a.k === E.Num && b.k === E.Num) return a.v === b.v;
  return false;
}
