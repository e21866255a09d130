// DWARF line tables: `.file N`, `.loc` and `.loc_mark_labels` -> .debug_line, as GNU as 2.40's
// dwarf2dbg.c writes it.
//
// `.loc` sets the current source position; the next instruction (or the next `.loc`, or the `.loc`
// itself when it names a view) records a row: a label at the current position of a code section plus
// the position. Rows are kept per section and subsection; at the end the subsections of a section are
// chained in numeric order and each section becomes one sequence of the line program (sections in the
// order of their first row): DW_LNE_set_address for the first row, then for every row the changed
// file/column/discriminator/isa/is_stmt/flags and one "advance line and address" step, and a
// DW_LNE_end_sequence at the end of the section. The step is the smallest of: DW_LNS_copy, a special
// opcode, DW_LNS_const_add_pc + special opcode, DW_LNS_advance_pc + special opcode (with
// DW_LNS_advance_line first when the line step is outside -5..8). GNU as picks by the final address
// distance whether it knew it while assembling or only after relaxation, so finish() runs after layout
// and computes every step from final addresses.
//
// The DWARF version is GNU as's dwarf_level: 3 unless --gdwarf-N says otherwise, raised to 5 by a
// `.file 0` or `.loc 0`. Version 5 puts the directory and file names in .debug_line_str (appended to
// whatever the source put there, no sharing) with DW_FORM_line_strp; entry 0 of the directory table is
// the compilation directory (`.file 0`'s, else the current directory).
//
// Views (`.loc ... view .LVUn`): a row's view number is 0 when its address is past the previous row's,
// else the previous view + 1 (`view -0` forces 0, `view 0` asserts it); named views become absolute
// symbols once addresses are final (gcc uses them in .debug_loclists).
//
// When the source has line rows but no .debug_info of its own, GNU as also writes a compilation unit
// (.debug_info, .debug_abbrev, .debug_aranges, .debug_str and, for several code sections, a range
// list) naming the first file, the current directory and the functions that have a size; so does
// writeUnit() here.
//
// With -g/--gdwarf-N (`debug`: GNU as's debug_type DEBUG_DWARF2) the source's own lines are the rows:
// every instruction records one at Assembler.where() (file name and line) unless the last generated
// row had the same line and file; file numbers are given when the table is written (fileNumber, as
// allocate_filenum). A `.file N` turns this off and drops the generated rows.

import * as fs from 'fs';
import type { Assembler } from './assembler';
import { AsmError } from './error';
import { E, evaluate, Expr } from './expr';
import { lebBytes } from './directives';
import { readString } from './lexer';
import { Frag, Section, VarKind } from './sections';
import { BIND_GLOBAL, Sym, SymKind } from './symbols';

const FLAG_IS_STMT = 1, FLAG_BASIC_BLOCK = 2, FLAG_PROLOGUE_END = 4, FLAG_EPILOGUE_BEGIN = 8;
const LINE_BASE = -5, LINE_RANGE = 14;
const SHT_PROGBITS = 1, SHT_NOBITS = 8, SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4, SHF_MERGE = 0x10, SHF_STRINGS = 0x20;
const STT_FUNC = 2;
const PRODUCER = 'GNU AS 2.40';

/** How a row's view was given. */
const enum View { None = 0, Named, AssertZero, ForceReset }

interface Row {
  /** The row's address: a label (`.loc_mark_labels`), else made from frag and off when needed. */
  label: Sym | null;
  frag: Frag;
  off: number;
  file: number;
  line: number;
  column: number;
  isa: number;
  flags: number;
  disc: number;
  view: View;
  viewSym: Sym | null;
  /** A generated row (as -g): the source file's name, given a number when the table is written. */
  path: string | null;
}

interface FileEntry {
  name: string;
  dir: number;
  md5: Uint8Array | null;
}

/** The compilation directory as libiberty's getpwd finds it: $PWD when it is the current directory. */
export function getpwd(): string {
  const pwd = process.env.PWD;
  if (pwd && pwd.startsWith('/')) {
    try {
      const a = fs.statSync(pwd), b = fs.statSync('.');
      if (a.dev === b.dev && a.ino === b.ino) return pwd;
    } catch {
      // fall through
    }
  }
  return process.cwd();
}

export class LineState {
  /** GNU as's dwarf_level. */
  level = 3;
  /** The next instruction records a row: a `.loc` waits for it, or line info is generated. */
  seen = false;
  /** GNU as's debug_type == DEBUG_DWARF2 (-g, --gdwarf-N): a row for each source line with
   *  instructions, until a `.file N` says the source brings its own. */
  debug = false;
  /** The location of the last generated row (dwarf2dbg.c's dw2_line and dw2_filename). */
  private dw2Line = -1;
  private dw2File: string | null = null;
  anySeen = false;
  markLabels = false;
  private files: (FileEntry | undefined)[] = [];
  private dirs: (string | undefined)[] = [];
  private cur = { file: 1, line: 1, column: 0, isa: 0, flags: FLAG_IS_STMT, disc: 0, view: View.None, viewSym: null as Sym | null };
  /** Rows per section and subsection, sections in the order of their first row. */
  private segs = new Map<Section, Map<number, Row[]>>();
  private compDir: string | null = null;
  /** Section symbols already named by what finish() wrote. */
  private named = new SymSet();
  private known = new Set<Section>();

  /** A section's symbol, entering the symbol order now if finish() made the section. */
  private secSym(sec: Section): Sym {
    const s = sec.sym!;
    if (!this.known.has(sec) && this.named.add(s)) this.as.symbols.renumber(s);
    return s;
  }

  constructor(private as: Assembler) {}

  private pwd(): string {
    return (this.compDir ??= this.as.opts.compDir ?? getpwd());
  }

  // ---- directives ---------------------------------------------------------------------------

  /** `.file N ["dir"] "name" [md5 VALUE]` (the plain `.file "name"` is handled by the caller). */
  file(rest: string): void {
    const q = rest.indexOf('"');
    const num = this.as.absolute(q < 0 ? rest : rest.slice(0, q));
    if (num < 1n) {
      if (num === 0n && this.level < 5) this.level = 5;
      if (num < 0n || this.level < 5) throw new AsmError('file number less than one');
    }
    if (q < 0) throw new AsmError('missing string');
    let s = readString(rest, q)!;
    let name = latin1(s.bytes);
    let dir: string | null = null;
    let pos = skipSpace(rest, s.end);
    let md5: Uint8Array | null = null;
    if (this.level > 4) {
      if (rest.charCodeAt(pos) === 34) {
        dir = name;
        s = readString(rest, pos)!;
        name = latin1(s.bytes);
        pos = skipSpace(rest, s.end);
      }
      if (rest.startsWith('md5', pos)) {
        const v = this.as.absolute(rest.slice(pos + 3));
        if (v >= -(1n << 63n) && v < 1n << 64n) throw new AsmError('md5 value too small or not a constant');
        md5 = new Uint8Array(16);
        for (let i = 0, x = BigInt.asUintN(128, v); i < 16; i++, x >>= 8n) md5[i] = Number(x & 0xffn);
        pos = rest.length;
      }
    }
    if (rest.slice(pos).trim() !== '') throw new AsmError(`junk at end of line, first unrecognized character is \`${rest.slice(pos).trim()[0]}'`);
    if (this.debug) this.stopGenerating();
    if (num > 0xffffffffn) throw new AsmError(`file number ${num} is too big`);
    this.allocateSlot(dir, name, Number(num), md5);
  }

  /** `.loc FILE LINE [COLUMN] [basic_block] [prologue_end] [epilogue_begin] [is_stmt N] [isa N]
   *  [discriminator N] [view V]` */
  loc(rest: string): void {
    if (this.seen) this.emitInsn();
    const words = rest.trim().split(/\s+/);
    const file = this.as.absolute(words[0]);
    const line = this.as.absolute(words[1]);
    if (file < 1n) {
      if (file === 0n && this.level < 5) this.level = 5;
      if (file < 0n || this.level < 5) throw new AsmError('file number less than one');
    }
    const f = Number(file);
    if (file >= BigInt(this.files.length) || !this.files[f]) throw new AsmError(`unassigned file number ${file}`);
    const c = this.cur;
    c.file = f;
    c.line = Number(BigInt.asUintN(32, line));
    c.disc = 0;
    let i = 2;
    if (i < words.length && /^\d/.test(words[i])) c.column = Number(BigInt.asUintN(32, this.as.absolute(words[i++])));
    for (; i < words.length; i++) {
      const w = words[i];
      const arg = (): bigint => {
        if (i + 1 >= words.length) throw new AsmError('missing expression');
        return this.as.absolute(words[++i]);
      };
      switch (w) {
        case 'basic_block': c.flags |= FLAG_BASIC_BLOCK; break;
        case 'prologue_end': if (this.level < 3) this.level = 3; c.flags |= FLAG_PROLOGUE_END; break;
        case 'epilogue_begin': if (this.level < 3) this.level = 3; c.flags |= FLAG_EPILOGUE_BEGIN; break;
        case 'is_stmt': {
          const v = arg();
          if (v === 0n) c.flags &= ~FLAG_IS_STMT;
          else if (v === 1n) c.flags |= FLAG_IS_STMT;
          else throw new AsmError('is_stmt value not 0 or 1');
          break;
        }
        case 'isa': {
          if (this.level < 3) this.level = 3;
          const v = arg();
          if (v < 0n) throw new AsmError('isa number less than zero');
          c.isa = Number(v);
          break;
        }
        case 'discriminator': {
          const v = arg();
          if (v < 0n) throw new AsmError('discriminator less than zero');
          c.disc = Number(v);
          break;
        }
        case 'view': this.view(words[++i] ?? ''); break;
        default:
          if (!/^[A-Za-z]/.test(w)) throw new AsmError(`junk at end of line, first unrecognized character is \`${w[0]}'`);
          throw new AsmError(`unknown .loc sub-directive \`${w}'`);
      }
    }
    this.seen = this.anySeen = true;
    if (c.view !== View.None) this.emitInsn();
  }

  private view(w: string): void {
    const c = this.cur;
    if (/^[-\d]/.test(w)) {
      if (this.as.absolute(w) !== 0n) throw new AsmError('numeric view can only be asserted to zero');
      c.view = w.startsWith('-') ? View.ForceReset : View.AssertZero;
      c.viewSym = null;
      return;
    }
    if (!w) throw new AsmError('expected symbol name');
    const s = this.as.symbols.ref(w);
    if (s.kind !== SymKind.Undefined) throw new AsmError(`symbol \`${w}' is already defined`);
    c.view = View.Named;
    c.viewSym = s;
  }

  /** `.loc_mark_labels 0|1` */
  markLabelsDirective(rest: string): void {
    const v = this.as.absolute(rest);
    if (v !== 0n && v !== 1n) throw new AsmError('expected 0 or 1');
    this.markLabels = v !== 0n;
  }

  // ---- rows ---------------------------------------------------------------------------------

  /** Generated line info on (as -g): every instruction records a row. */
  startGenerating(level: number): void {
    this.debug = true;
    this.seen = true;
    this.level = level;
  }

  /** A `.file N`: the source brings its own line info; the rows generated so far go (their sections
   *  stay in the list of code sections, as dwarf2dbg.c's purge_generated_debug leaves them). */
  private stopGenerating(): void {
    this.debug = false;
    this.seen = false;
    for (const subs of this.segs.values()) for (const rows of subs.values()) rows.length = 0;
  }

  /** An instruction starts here (or a `.loc` forces the pending row out): record the row. */
  emitInsn(): void {
    if (this.debug) {
      const w = this.as.where();
      if (w.line === 0) return;
      // Consecutive instructions of one source line make one row.
      if (w.line === this.dw2Line && w.file === this.dw2File) return;
      this.dw2Line = w.line;
      this.dw2File = w.file;
      this.addRow(null, FLAG_IS_STMT, w.file, w.line);
      return;
    }
    const c = this.cur;
    if (c.line !== 0 && (c.file !== 0 || this.level >= 5)) this.addRow(null, c.flags);
    this.consume();
  }

  /** A label while `.loc_mark_labels 1`: a basic-block row at it. */
  label(s: Sym): void {
    if (s.section !== this.as.cur || !this.as.cur.isCode) return;
    if (this.debug) {
      const w = this.as.where();
      this.addRow(s, FLAG_IS_STMT | FLAG_BASIC_BLOCK, w.file, w.line);
      return;
    }
    if (!this.files.length) return;
    this.addRow(s, this.cur.flags | FLAG_BASIC_BLOCK);
    this.consume();
  }

  private consume(): void {
    const c = this.cur;
    this.seen = false;
    c.flags &= ~(FLAG_BASIC_BLOCK | FLAG_PROLOGUE_END | FLAG_EPILOGUE_BEGIN);
    c.disc = 0;
    c.view = View.None;
    c.viewSym = null;
  }

  /** Record a row at `label`, or (null) at the current position. */
  private addRow(label: Sym | null, flags: number, path: string | null = null, line = 0): void {
    const as = this.as;
    const sec = as.cur;
    let rows: Row[];
    if (sec === this.lastSec && as.sub === this.lastSub) rows = this.lastRows;
    else {
      if (sec.type === SHT_NOBITS || (sec.flags & (SHF_ALLOC | SHF_EXECINSTR)) !== (SHF_ALLOC | SHF_EXECINSTR)) {
        if (path === null) as.warning(`dwarf line number information for ${sec.name} ignored`);
        return;
      }
      let subs = this.segs.get(sec);
      if (!subs) { subs = new Map(); this.segs.set(sec, subs); }
      let r = subs.get(as.sub);
      if (!r) { r = []; subs.set(as.sub, r); }
      this.lastSec = sec; this.lastSub = as.sub; this.lastRows = rows = r;
    }
    const frag = label ? label.frag! : as.frag();
    const off = label ? label.off : frag.len;
    const c = this.cur;
    if (path !== null) rows.push({ label, frag, off, file: 0, line, column: 0, isa: c.isa, flags, disc: c.disc, view: View.None, viewSym: null, path });
    else {
      if (c.view !== View.None) this.anyView = true;
      rows.push({ label, frag, off, file: c.file, line: c.line, column: c.column, isa: c.isa, flags, disc: c.disc, view: c.view, viewSym: c.viewSym, path: null });
    }
  }
  /** The row list addRow used last (a code section's). */
  private lastSec: Section | null = null;
  private lastSub = 0;
  private lastRows: Row[] = [];
  /** Some row names or asserts a view. */
  private anyView = false;

  /** A row's label, made now if it has none. */
  private rowLabel(r: Row, sec: Section): Sym {
    if (r.label) return r.label;
    const t = this.as.symbols.anon();
    t.kind = SymKind.Label;
    t.frag = r.frag;
    t.off = r.off;
    t.section = sec;
    return (r.label = t);
  }

  // ---- file table -----------------------------------------------------------------------------

  private dirEntry(dirname: string, dirlen: number, file0Dir: string | null, canUseZero: boolean): number {
    if (dirlen === 0) return 0;
    if (dirname.charCodeAt(dirlen - 1) === 47) {
      if (--dirlen === 0) return 0;
    }
    const want = dirname.slice(0, dirlen);
    const dirs = this.dirs;
    let d = 0;
    for (; d < dirs.length; d++) if (dirs[d] === want) return d;
    if (canUseZero) {
      if (dirs[0] === undefined) {
        const pwd = file0Dir ?? this.pwd();
        // (GNU as compares the whole name given, not its directory part, with the directory.)
        if (this.level >= 5 && dirname !== pwd) {
          this.dirEntry(pwd, pwd.length, file0Dir, true);
          d = 1;
        } else d = 0;
      }
    } else if (d === 0) d = 1;
    dirs[d] = want;
    return d;
  }

  private allocateSlot(dirname: string | null, filename: string, num: number, md5: Uint8Array | null): void {
    const old = this.files[num];
    if (old) {
      const dir = this.dirs[old.dir];
      const fail = (): never => {
        throw new AsmError(`file table slot ${num} is already occupied by a different file (${dir === undefined ? '' : dir + '/'}${old.name} vs ${dirname === null ? '' : dirname + '/'}${filename})`);
      };
      if (md5 && !(old.md5 && old.md5.every((b, i) => b === md5[i]))) fail();
      if (dirname !== null) {
        if (dir !== undefined && dir !== dirname) fail();
        if (filename !== old.name) fail();
        if (dir === undefined) this.dirs[old.dir] = dirname;
        return;
      }
      if (dir !== undefined) {
        if (filename.startsWith(dir) && filename.charCodeAt(dir.length) === 47 && filename.slice(dir.length + 1) === old.name) return;
        fail();
      }
      const base = basename(filename);
      if (base === old.name) {
        if (base.length < filename.length) this.dirs[old.dir] = filename.slice(0, filename.length - base.length);
        return;
      }
      fail();
    }
    let file: string, dir: string, dirlen: number, file0Dir: string | null = null;
    if (num === 0) {
      file0Dir = dirname;
      file = basename(filename);
      if (dirname !== null && file === filename) { dir = dirname; dirlen = dirname.length; }
      else { dir = filename; dirlen = filename.length - file.length; }
    } else if (dirname === null) {
      dir = filename;
      file = basename(filename);
      dirlen = filename.length - file.length;
    } else {
      dir = dirname;
      dirlen = dirname.length;
      file = filename;
    }
    const d = this.dirEntry(dir, dirlen, file0Dir, num === 0);
    this.files[num] = { name: file, dir: d, md5 };
  }

  /** dwarf2dbg.c's allocate_filenum: the file number of a generated row's source file (a new slot
   *  after the last one in use unless the directory and name are there already). */
  private fileNumber(path: string): number {
    const file = basename(path);
    const dirlen = path.length - file.length;
    const d = this.dirEntry(path, dirlen, null, false);
    const files = this.files;
    for (let i = 1; i < files.length; i++) {
      const f = files[i];
      if (f && f.dir === d && f.name === file) return i;
    }
    const i = Math.max(files.length, 1);
    files[i] = { name: file, dir: d, md5: null };
    return i;
  }

  // ---- output ---------------------------------------------------------------------------------

  /** After layout: views, .debug_line and (without a .debug_info of the source's) the unit. */
  finish(): void {
    const as = this.as;
    const find = (name: string): Section | undefined => as.sections.find((s) => s.name === name);
    const info = find('.debug_info');
    const emitOther = !info || sectionEnd(info) === 0;
    let lineSec = find('.debug_line');
    const emptyLine = !lineSec || sectionEnd(lineSec) === 0;
    const chains: [Section, Row[]][] = [];
    for (const [sec, subs] of this.segs) {
      const rows: Row[] = [];
      for (const k of [...subs.keys()].sort((a, b) => a - b)) {
        for (const r of subs.get(k)!) {
          if (r.path !== null) r.file = this.fileNumber(r.path);
          rows.push(r);
        }
      }
      chains.push([sec, rows]);
    }
    if (chains.length && !emptyLine && this.anySeen) throw new AsmError('duplicate .debug_line sections');
    if ((!chains.length && emitOther) || (!emitOther && !emptyLine)) return;
    if (this.anyView) for (const [, rows] of chains) this.setViews(rows);
    const save = { cur: as.cur, sub: as.sub, prevSec: as.prevSec, prevSub: as.prevSub };
    this.known = new Set(as.sections);
    const addrSize = as.target.elfClass === 64 ? 8 : 4;
    if (emptyLine) {
      lineSec ??= as.getSection('.debug_line', SHT_PROGBITS, 0, 0);
      this.writeLine(lineSec, chains, addrSize);
    }
    if (emitOther) this.writeUnit(info, lineSec!, chains.map(([s]) => s), addrSize);
    this.wrote = true;
    as.cur = save.cur; as.sub = save.sub; as.prevSec = save.prevSec; as.prevSub = save.prevSub;
  }
  private wrote = false;

  /**
   * Sections finish() made get their section symbol when first named (section_symbol()); those that
   * only relocations name (through a label) when the relocations are adjusted (adjust_reloc_syms, in
   * section order), which is after relaxation (layout.ts placeBranchTargets): called then.
   */
  placeReferencedSections(): void {
    if (!this.wrote) return;
    for (const s of this.as.sections) {
      for (const fx of s.fixups) {
        const e = fx.expr;
        const t = e && (e.k === E.Sym ? e.sym : e.k === E.Bin && e.a.k === E.Sym ? e.a.sym : null);
        if (t && t.section && t.kind === SymKind.Label) this.secSym(t.section);
      }
    }
  }

  private setViews(rows: Row[]): void {
    let prev: Row | null = null;
    let view = 0;
    for (const r of rows) {
      const v = !prev || r.view === View.ForceReset || addr(r) > addr(prev) ? 0 : view + 1;
      if (r.view === View.AssertZero && v !== 0) this.as.error('view number mismatch');
      if (r.view === View.Named && r.viewSym) {
        r.viewSym.kind = SymKind.Equ;
        r.viewSym.expr = { k: E.Num, v: BigInt(v) };
      }
      view = v;
      prev = r;
    }
  }

  /** A string in .debug_line_str (created on first use); its label. */
  private lineStr(s: string): Sym {
    return this.putString(this.as.getSection('.debug_line_str', SHT_PROGBITS, SHF_MERGE | SHF_STRINGS, 1), s);
  }

  /** Append a NUL-terminated string to `sec`; a label at its start. */
  private putString(sec: Section, s: string): Sym {
    const as = this.as;
    as.cur = sec; as.sub = 0;
    const l = as.dot(false);
    as.emitBytes(Buffer.from(s + '\0', 'latin1'));
    return l;
  }

  private writeLine(sec: Section, chains: [Section, Row[]][], addrSize: number): void {
    const v = Math.max(this.level, 3); // DWARF2_LINE_VERSION
    const opBase = 13;
    const w = new Writer();
    const lenAt = w.pos();
    w.int(0, 4);
    w.int(v, 2);
    if (v >= 5) { w.byte(addrSize); w.byte(0); }
    const hdrAt = w.pos();
    w.int(0, 4);
    w.byte(1); // minimum instruction length
    if (v >= 4) w.byte(1); // maximum operations per instruction
    w.byte(1); // default is_stmt
    w.byte(LINE_BASE & 0xff);
    w.byte(LINE_RANGE);
    w.byte(opBase);
    w.bytes([0, 1, 1, 1, 1, 0, 0, 0, 1]);
    if (v >= 3) w.bytes([0, 0, 1]);
    this.writeFileTables(w, v);
    w.patch(hdrAt, w.pos() - hdrAt - 4, 4);
    const as = this.as;
    // --gdwarf-sections: the sequence of a code section other than .text goes to .debug_line.NAME
    // (for the linker to drop with the code), and the length reaches .debug_line_end.
    const separate = !!as.opts.dwarfSections;
    for (const [s, rows] of chains) {
      if (!rows.length) continue;
      if (separate && s.name !== '.text') {
        const sw = new Writer();
        this.writeSequence(sw, s, rows, opBase, addrSize);
        sw.flushTo(as, as.getSection(`.debug_line${s.name}`, SHT_PROGBITS, SHF_WRITE, 0));
      } else this.writeSequence(w, s, rows, opBase, addrSize);
    }
    if (separate) {
      as.cur = as.getSection('.debug_line_end', SHT_PROGBITS, SHF_WRITE, 0); as.sub = 0;
      w.lengthTo(lenAt, as.dot(false));
    } else w.patch(lenAt, w.pos() - lenAt - 4, 4);
    w.flushTo(as, sec);
  }

  private writeFileTables(w: Writer, v: number): void {
    const files = this.files, dirs = this.dirs;
    const filesInUse = files.length, dirsInUse = dirs.length;
    if (v >= 5) {
      w.byte(1);
      w.uleb(1); // DW_LNCT_path
      w.uleb(0x1f); // DW_FORM_line_strp
      w.uleb(dirsInUse === 0 && filesInUse > 0 ? 1 : dirsInUse);
      if (dirsInUse > 0 || filesInUse > 0) w.sym(this.lineStr(dirs[0] ?? this.pwd()), 4);
    }
    for (let i = 1; i < dirsInUse; i++) {
      const d = dirs[i] ?? '';
      if (v < 5) w.bytes(Buffer.from(d + '\0', 'latin1'));
      else w.sym(this.lineStr(d), 4);
    }
    if (v < 5) w.byte(0);
    let md5 = false;
    if (v >= 5) {
      md5 = files.some((f) => !!f && !!f.md5 && f.md5[0] !== 0);
      w.byte(md5 ? 3 : 2);
      w.uleb(1); w.uleb(0x1f); // path, line_strp
      w.uleb(2); w.uleb(0x0f); // directory index, udata
      if (md5) { w.uleb(5); w.uleb(0x1e); } // MD5, data16
      w.uleb(filesInUse);
    }
    let file0Str: Sym | null = null;
    let file0Copied = false;
    for (let i = v > 4 ? 0 : 1; i < filesInUse; i++) {
      let f = files[i];
      if (!f) {
        if (v < 5 || i !== 0) { this.as.error(`unassigned file number ${i}`); continue; }
        // No `.file 0`: entry 0 repeats entry 1 (sharing its string).
        const f1 = files[1];
        f = f1 ? { name: f1.name, dir: f1.dir, md5: md5 ? f1.md5 : null } : { name: '', dir: 0, md5: null };
        files[0] = f;
        file0Copied = !!f1;
      }
      if (v < 5) {
        w.bytes(Buffer.from(f.name + '\0', 'latin1'));
      } else {
        const str: Sym = file0Str ?? this.lineStr(f.name);
        w.sym(str, 4);
        file0Str = i === 0 && file0Copied ? str : null;
      }
      w.uleb(f.dir);
      if (v < 5) { w.uleb(0); w.uleb(0); }
      if (md5) w.bytes(f.md5 ?? new Uint8Array(16));
    }
    if (v < 5) w.byte(0);
  }

  private writeSequence(w: Writer, sec: Section, rows: Row[], opBase: number, addrSize: number): void {
    let file = 1, line = 1, column = 0, isa = 0, flags = FLAG_IS_STMT;
    let last: Row | null = null;
    for (const r of rows) {
      if (r.file !== file) { file = r.file; w.byte(4); w.uleb(file); }
      if (r.column !== column) { column = r.column; w.byte(5); w.uleb(column); }
      if (r.disc !== 0) { w.byte(0); w.sleb(1 + lebBytes(BigInt(r.disc), false).length); w.byte(4); w.uleb(r.disc); }
      if (r.isa !== isa) { isa = r.isa; w.byte(12); w.uleb(isa); }
      if ((r.flags ^ flags) & FLAG_IS_STMT) { flags = r.flags; w.byte(6); }
      if (r.flags & FLAG_BASIC_BLOCK) w.byte(7);
      if (r.flags & FLAG_PROLOGUE_END) w.byte(10);
      if (r.flags & FLAG_EPILOGUE_BEGIN) w.byte(11);
      const lineDelta = (r.line - line) | 0;
      if (!last || (r.view === View.ForceReset && restartsAt(last, r))) {
        w.byte(0); w.uleb(addrSize + 1); w.byte(2);
        w.sym(this.rowLabel(r, sec), addrSize);
        incLineAddr(w, lineDelta, 0, opBase);
      } else incLineAddr(w, lineDelta, addr(r) - addr(last), opBase);
      line = r.line;
      last = r;
    }
    incLineAddr(w, null, sectionEnd(sec) - addr(last!), opBase);
  }

  // ---- the compilation unit GNU as makes for line rows without a .debug_info ------------------

  private writeUnit(existing: Section | undefined, lineSec: Section, segs: Section[], addrSize: number): void {
    const as = this.as;
    const v = this.level;
    const info = existing ?? as.getSection('.debug_info', SHT_PROGBITS, 0, 0);
    const abbrev = as.getSection('.debug_abbrev', SHT_PROGBITS, 0, 0);
    const aranges = as.getSection('.debug_aranges', SHT_PROGBITS, 0, 0);
    const str = as.getSection('.debug_str', SHT_PROGBITS, SHF_MERGE | SHF_STRINGS, 1);
    aranges.alignment = Math.max(aranges.alignment, 2 * addrSize);
    let ranges: Sym | null = null;
    if (segs.length > 1) {
      if (v < 5) {
        const rs = as.getSection('.debug_ranges', SHT_PROGBITS, 0, 0);
        rs.alignment = Math.max(rs.alignment, 2 * addrSize);
        const w = new Writer();
        w.bytes(new Array(addrSize).fill(0xff));
        w.bytes(new Array(addrSize).fill(0));
        for (const s of segs) { w.sym(s.sym!, addrSize); w.symPlus(s.sym!, sectionEnd(s), addrSize); }
        w.bytes(new Array(2 * addrSize).fill(0));
        ranges = w.flushTo(as, rs);
      } else {
        const rs = as.getSection('.debug_rnglists', SHT_PROGBITS, 0, 0);
        const h = new Writer();
        const w = new Writer();
        for (const s of segs) { w.byte(7); w.sym(s.sym!, addrSize); w.uleb(sectionEnd(s)); } // DW_RLE_start_length
        w.byte(0);
        h.int(w.pos() + 8, 4);
        h.int(5, 2); h.byte(addrSize); h.byte(0); h.int(0, 4);
        h.flushTo(as, rs);
        ranges = w.flushTo(as, rs);
      }
    }
    // .debug_aranges
    {
      const w = new Writer();
      w.int(0, 4);
      w.int(2, 2);
      w.sym(this.secSym(info), 4);
      w.byte(addrSize); w.byte(0);
      for (let size = 12; size % (2 * addrSize) !== 0; size++) w.byte(0);
      for (const s of segs) { w.sym(s.sym!, addrSize); w.int(sectionEnd(s), addrSize); }
      w.bytes(new Array(2 * addrSize).fill(0));
      w.patch(0, w.pos() - 4, 4);
      w.flushTo(as, aranges);
    }
    // .debug_abbrev
    const funcs = as.symbols.all.filter((s) => !s.isSectionSym && !s.isLocalName && (s.kind === SymKind.Label || s.kind === SymKind.Equ))
      .sort((a, b) => a.order - b.order)
      .map((s) => ({ s, size: this.funcSize(s) }))
      .filter((f) => f.size !== 0);
    // (S_IS_EXTERNAL: a weak symbol is not external.)
    const hasE = funcs.some((f) => f.s.bind === BIND_GLOBAL);
    const hasL = funcs.some((f) => f.s.bind !== BIND_GLOBAL);
    let funcForm = 0;
    {
      const w = new Writer();
      const secoff = v < 4 ? 0x06 : 0x17;
      w.uleb(1); w.uleb(0x11); w.byte(funcs.length ? 1 : 0);
      w.uleb(0x10); w.uleb(secoff);
      if (segs.length === 1) { w.uleb(0x11); w.uleb(0x01); w.uleb(0x12); w.uleb(v < 4 ? 0x01 : 0x0f); } else { w.uleb(0x55); w.uleb(secoff); }
      w.uleb(0x03); w.uleb(0x0e); w.uleb(0x1b); w.uleb(0x0e); w.uleb(0x25); w.uleb(0x0e); w.uleb(0x13); w.uleb(0x05);
      w.uleb(0); w.uleb(0);
      if (funcs.length) {
        w.uleb(2); w.uleb(0x2e); w.byte(0);
        w.uleb(0x03); w.uleb(0x0e);
        if (hasE) { funcForm = hasL || v < 4 ? 0x0c : 0x19; w.uleb(0x3f); w.uleb(funcForm); } else funcForm = 0x09;
        if (v > 2) { w.uleb(0x49); w.uleb(0x15); }
        w.uleb(0x11); w.uleb(0x01); w.uleb(0x12); w.uleb(v < 4 ? 0x01 : 0x0f);
        w.uleb(0); w.uleb(0);
        if (v > 2) { w.uleb(3); w.uleb(0x3b); w.byte(0); w.uleb(0); w.uleb(0); }
      }
      w.byte(0);
      w.flushTo(as, abbrev);
    }
    // .debug_str: name, comp_dir, producer, then the function names (written with the DIEs)
    const first = this.files[v > 4 ? 0 : 1]; // (v > 4 is DWARF2_LINE_VERSION > 4)
    if (!first) throw new AsmError('internal error: no file for the compilation unit');
    const nameStr = this.putString(str, (first.dir ? (this.dirs[first.dir] ?? '') + '/' : '') + first.name);
    const dirStr = this.putString(str, this.pwd());
    const prodStr = this.putString(str, PRODUCER);
    // .debug_info
    const w = new Writer();
    w.int(0, 4);
    w.int(v, 2);
    if (v < 5) { w.sym(this.secSym(abbrev), 4); w.byte(addrSize); } else { w.byte(1); w.byte(addrSize); w.sym(this.secSym(abbrev), 4); }
    w.uleb(1);
    w.sym(this.secSym(lineSec), 4);
    if (segs.length === 1) {
      w.sym(segs[0].sym!, addrSize);
      if (v < 4) w.symPlus(segs[0].sym!, sectionEnd(segs[0]), addrSize);
      else w.uleb(sectionEnd(segs[0]));
    } else w.sym(ranges!, 4);
    w.sym(nameStr, 4);
    w.sym(dirStr, 4);
    w.sym(prodStr, 4);
    w.int(0x8001, 2); // DW_LANG_Mips_Assembler
    if (funcs.length) {
      // DW_AT_type points at the DW_TAG_unspecified_type entry after the functions: its offset is
      // a ULEB128 inside the entries before it, so find the size that agrees with itself.
      const names = funcs.map((f) => this.putString(str, f.s.name));
      const body = (tag: number): Writer => {
        const b = new Writer();
        funcs.forEach((f, i) => {
          b.uleb(2);
          b.sym(names[i], 4);
          if (funcForm === 0x0c) b.byte(f.s.bind === BIND_GLOBAL ? 1 : 0);
          if (v > 2) b.uleb(tag);
          b.sym(f.s, addrSize);
          if (v < 4) b.symPlus(f.s, f.size, addrSize);
          else b.uleb(f.size);
        });
        return b;
      };
      let tag = w.pos();
      let b = body(tag);
      while (v > 2 && w.pos() + b.pos() !== tag) { tag = w.pos() + b.pos(); b = body(tag); }
      w.append(b);
      if (v > 2) w.uleb(3);
      w.sleb(0);
    }
    w.patch(0, w.pos() - 4, 4);
    w.flushTo(as, info);
  }

  /** A function's .size when it is a constant after layout (else 0: no entry, as GNU as). */
  /** A function symbol's .size when it is a constant after layout, else 0 (no entry, as GNU as). An
   *  equate of a label is a function when it or the label is one, with its size or else the label's
   *  (`.set f.part.1, f.part.0` takes the label's attributes). */
  private funcSize(s: Sym): number {
    try {
      let type = s.type, size = s.size;
      if (s.kind === SymKind.Equ) {
        const v = evaluate(s.expr!, true);
        if (!v || !v.add || v.sub || v.add.kind !== SymKind.Label) return 0;
        type ||= v.add.type;
        size ??= v.add.size;
      }
      if (type !== STT_FUNC || !size) return 0;
      const v = evaluate(size, true);
      return v && !v.add && !v.sub ? Number(v.num) : 0;
    } catch {
      return 0;
    }
  }
}

/** The row needs a DW_LNE_set_address after `view -0`: the same place as the previous row, or the
 *  start of a fragment right after a previous row that ended its fragment. (GNU as keeps a relaxable
 *  branch's opcode byte in the fixed part of its fragment, so a row before a branch does not end it.) */
function restartsAt(prev: Row, cur: Row): boolean {
  if (cur.frag === prev.frag) return cur.off === prev.off;
  const pf = prev.frag!;
  return cur.off === 0 && prev.off >= pf.len + (pf.varKind === VarKind.Relax ? 1 : 0);
}

function addr(s: { frag: Frag | null; off: number }): number {
  return s.frag!.address + s.off;
}

/** The section's size as the current layout has it. */
function sectionEnd(sec: Section): number {
  const frags = sec.frags.length ? sec.frags : sec.orderedFrags();
  if (!frags.length) return 0;
  const f = frags[frags.length - 1];
  return f.address + f.len + f.varSize;
}

/** The line program step "line += lineDelta, address += addrDelta, emit a row" (lineDelta null: the
 *  end of the sequence), as dwarf2dbg.c's emit_inc_line_addr writes it. */
function incLineAddr(w: Writer, lineDelta: number | null, addrDelta: number, opBase: number): void {
  const maxSpecial = Math.floor((255 - opBase) / LINE_RANGE);
  if (lineDelta === null) {
    if (addrDelta === maxSpecial) w.byte(8);
    else if (addrDelta) { w.byte(2); w.uleb(addrDelta); }
    w.bytes([0, 1, 1]);
    return;
  }
  let tmp = lineDelta - LINE_BASE;
  let copy = false;
  if (tmp < 0 || tmp >= LINE_RANGE) {
    w.byte(3); w.sleb(lineDelta);
    lineDelta = 0;
    tmp = -LINE_BASE;
    copy = true;
  }
  if (lineDelta === 0 && addrDelta === 0) { w.byte(1); return; }
  tmp += opBase;
  if (addrDelta < 256 + maxSpecial) {
    let op = tmp + addrDelta * LINE_RANGE;
    if (op <= 255) { w.byte(op); return; }
    op = tmp + (addrDelta - maxSpecial) * LINE_RANGE;
    if (op <= 255) { w.byte(8); w.byte(op); return; }
  }
  w.byte(2); w.uleb(addrDelta);
  w.byte(copy ? 1 : tmp);
}

/** Bytes with symbol-valued fields, appended to a section at the end. */
class Writer {
  private b: number[] = [];
  private fixes: { at: number; sym: Sym; add: number; size: number }[] = [];
  pos(): number { return this.b.length; }
  byte(v: number): void { this.b.push(v & 0xff); }
  bytes(v: ArrayLike<number>): void { for (let i = 0; i < v.length; i++) this.b.push(v[i]); }
  int(v: number, size: number): void {
    if (v >= 0 && v < 0x100000000 && size <= 4) { for (let i = 0; i < size; i++, v >>>= 8) this.b.push(v & 0xff); return; }
    let x = BigInt(v);
    for (let i = 0; i < size; i++, x >>= 8n) this.b.push(Number(x & 0xffn));
  }
  uleb(v: number): void {
    if (v < 0 || v > 0x7fffffff) { this.bytes(lebBytes(BigInt(v), false)); return; }
    do {
      const c = v & 0x7f;
      v >>>= 7;
      this.b.push(v ? c | 0x80 : c);
    } while (v);
  }
  sleb(v: number): void { this.bytes(lebBytes(BigInt(v), true)); }
  sym(s: Sym, size: number): void { this.symPlus(s, 0, size); }
  symPlus(s: Sym, add: number, size: number): void { this.fixes.push({ at: this.b.length, sym: s, add, size }); this.int(0, size); }
  patch(at: number, v: number, size: number): void { for (let i = 0; i < size; i++, v = Math.floor(v / 256)) this.b[at + i] = v & 0xff; }
  /** The 4-byte length at `at` is `end` - (that field + 4), a relocation when `end` is elsewhere. */
  lengthTo(at: number, end: Sym): void { this.len = { at, end }; }
  private len: { at: number; end: Sym } | null = null;
  append(o: Writer): void { const base = this.b.length; for (const f of o.fixes) this.fixes.push({ ...f, at: f.at + base }); this.bytes(o.b); }
  /** Append to subsection 0 of `sec`; returns a label at the start of what was written. */
  flushTo(as: Assembler, sec: Section): Sym {
    as.cur = sec; as.sub = 0;
    const start = as.dot(false);
    const f = as.frag();
    const base = f.len;
    f.append(this.b);
    if (this.len) {
      const e: Expr = { k: E.Bin, op: '-', a: { k: E.Sym, sym: this.len.end, spec: '' },
        b: { k: E.Bin, op: '+', a: { k: E.Sym, sym: start, spec: '' }, b: { k: E.Num, v: BigInt(this.len.at + 4) } } };
      sec.fixups.push({ frag: f, offset: base + this.len.at, size: 4, expr: e, tfix: null, pcrel: false, file: as.file, line: as.line, inVar: false, check: 3 });
    }
    for (const x of this.fixes) {
      let e: Expr = { k: E.Sym, sym: x.sym, spec: '' };
      if (x.add) e = { k: E.Bin, op: '+', a: e, b: { k: E.Num, v: BigInt(x.add) } };
      sec.fixups.push({ frag: f, offset: base + x.at, size: x.size, expr: e, tfix: null, pcrel: false, file: as.file, line: as.line, inVar: false, check: 3 });
    }
    return start;
  }
}

/** A set whose add() tells whether the element is new. */
class SymSet {
  private s = new Set<Sym>();
  add(x: Sym): boolean { if (this.s.has(x)) return false; this.s.add(x); return true; }
}

function latin1(bytes: number[]): string {
  return String.fromCharCode(...bytes);
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  // GNU as keeps "/name" whole rather than make an empty directory of "/".
  return i <= 0 ? p : p.slice(i + 1);
}
