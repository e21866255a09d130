// The assembler's context and its statement loop.
//
// One Assembler holds everything for one run: the target, the symbol table, the sections and the
// current position, the input stack (files, macro expansions, .rept bodies), the conditional stack
// and the CFI state. run() reads statements one at a time: bodies being collected (.macro, .rept)
// take them first, then conditionals, then labels, then the statement itself: an assignment
// (`sym = expr`), a directive (directives.ts), a macro call (macros.ts) or an instruction (target).
// Errors are reported with the statement's location and the run goes on, as GNU as does; the caller
// decides that an object with errors is not written.

import { AsmError, DiagSink } from './error';
import { absolute, constVal, evaluate, Expr, ExprHost, isConstVal, parseExpr, Val, E } from './expr';
import { headWord, isDigit, isSpace, isSymChar, isSymStart, SourceReader, splitSource, Stmt } from './lexer';
import { Frag, Section, VarKind } from './sections';
import { Sym, SymbolTable, SymKind } from './symbols';
import type { AsmTarget, TargetEncoding, TargetEnv, TargetValue } from './target';
import { DIRECTIVES } from './directives';
import { BodyCollector, CondStack, expandMacro, Macro } from './macros';
import { CfiState } from './cfi';
import { LineState } from './dwarf-line';

/** A statement handed over by a code generator (see Assembler.pushItems). */
export type AsmItem = string | Uint8Array | object;

export interface Input {
  stmts: Stmt[];
  pos: number;
  /** A source file read one statement at a time (stmts is then empty). */
  reader: SourceReader | null;
  /** Macro expansion (for .exitm) and the conditional depth when it started. */
  isMacro: boolean;
  condDepth: number;
  /** With generated line info (as -g): a macro expansion's location (where it was invoked, or where
   *  the outermost macro was), and the file a .rept/.irp body's rows name. */
  where?: { file: string; line: number };
  reptFile?: string;
}

export interface AssembleOptions {
  fileName: string;
  includeDirs: string[];
  defsyms: [string, bigint][];
  diag: DiagSink;
  /** Read an included file (latin1 text), or null when missing. */
  readFile?: (path: string) => string | null;
  /** DW_AT_comp_dir and directory 0 of DWARF 5 line tables (default: the current directory). */
  compDir?: string;
  /** --gdwarf-N: the DWARF version of generated line tables (default 3, raised by `.file 0`). */
  dwarfLevel?: number;
  /** -g/--gdwarf-N: line info for the assembly source itself (version dwarfLevel, else 2). */
  genDebug?: boolean;
  /** --gdwarf-sections: each code section's line sequence in a .debug_line.NAME section. */
  dwarfSections?: boolean;
}

export class Assembler implements ExprHost {
  symbols = new SymbolTable();
  sections: Section[] = [];
  cur!: Section;
  sub = 0;
  prevSec: Section | null = null;
  prevSub = 0;
  sectionStack: { sec: Section; sub: number; prevSec: Section | null; prevSub: number }[] = [];
  inputs: Input[] = [];
  conds = new CondStack();
  macros = new Map<string, Macro>();
  collector: BodyCollector | null = null;
  macroCount = 0;
  altmacro = false;
  usesGnuOsabi = false;
  errors = 0;
  file = '';
  line = 0;
  fileSymbols: string[] = [];
  /** .symver directives in order (applied when the object is built: output.ts). */
  symvers: { sym: Sym; name: string; vis: string }[] = [];
  cfi: CfiState;
  lines: LineState;
  ended = false;
  /** .ident strings, in order (the .comment section). */
  comment: Section | null = null;
  readonly specs: ReadonlySet<string>;
  readonly gotSpecs?: ReadonlySet<string>;
  env: TargetEnv;
  private exprCount = 0;

  constructor(public target: AsmTarget, public opts: AssembleOptions) {
    this.specs = target.specs;
    this.gotSpecs = target.gotSpecs;
    this.cfi = new CfiState(this);
    this.lines = new LineState(this);
    if (opts.dwarfLevel) this.lines.level = opts.dwarfLevel;
    if (opts.genDebug) this.lines.startGenerating(opts.dwarfLevel ?? 2);
    this.cur = this.getSection('.text', 1, 6, 0);
    this.getSection('.data', 1, 3, 0);
    this.getSection('.bss', 8, 3, 0);
    for (const [name, v] of opts.defsyms) {
      const s = this.symbols.ref(name);
      s.kind = SymKind.Equ;
      s.expr = { k: E.Num, v };
    }
    this.env = {
      parseExpr: (text) => this.targetValue(text),
      symValue: (name, addend, spec) => this.symValue(name, addend, spec),
      isLocalDefined: (name) => {
        const s = this.symbols.get(name);
        return !!s && s.kind === SymKind.Label && s.bind !== 1 && s.bind !== 2;
      },
      noteOperandRef: (name) => {
        const s = this.symbols.get(name);
        if (s) this.symbols.place(s);
      },
    };
  }

  // ---- diagnostics ----------------------------------------------------------------------------

  error(msg: string): void {
    this.errors++;
    this.opts.diag.error(this.file, this.line, msg);
  }

  warning(msg: string): void {
    this.opts.diag.warning(this.file, this.line, msg);
  }

  // ---- input ----------------------------------------------------------------------------------

  pushText(text: string, file: string): void {
    const syn = { commentChars: this.target.commentChars, lineCommentChars: this.target.lineCommentChars };
    this.inputs.push({ stmts: [], pos: 0, reader: new SourceReader(text, file, syn), isMacro: false, condDepth: this.conds.depth });
  }

  /**
   * Statements from a code generator: text (one or more lines of GNU as source), instruction objects
   * of the target's model (AsmTarget.assembleInst) and raw bytes, in order. The result is the object
   * the printed text would give; the instructions are not printed and parsed again.
   */
  pushItems(items: readonly AsmItem[], file: string): void {
    const syn = { commentChars: this.target.commentChars, lineCommentChars: this.target.lineCommentChars };
    const stmts: Stmt[] = [];
    let text: string[] = [];
    let line = this.itemLine;
    const flush = (): void => {
      if (!text.length) return;
      const joined = text.join('\n');
      for (const st of splitSource(joined, file, syn)) { st.line += line; stmts.push(st); }
      for (let i = joined.indexOf('\n'); i >= 0; i = joined.indexOf('\n', i + 1)) line++;
      line++;
      text = [];
    };
    for (const it of items) {
      if (typeof it === 'string') { text.push(it); continue; }
      flush();
      stmts.push({ text: '', file, line: ++line, item: it });
    }
    flush();
    this.itemLine = line;
    this.inputs.push({ stmts, pos: 0, reader: null, isMacro: false, condDepth: this.conds.depth });
  }
  /** Lines the items pushed so far would take as text (their statements' line numbers go on from it). */
  private itemLine = 0;

  pushStmts(stmts: Stmt[], isMacro: boolean): void {
    const input: Input = { stmts, pos: 0, reader: null, isMacro, condDepth: this.conds.depth };
    if (this.lines.debug) {
      if (isMacro) input.where = this.where();
      else input.reptFile = this.reptFile();
    }
    this.inputs.push(input);
  }

  /**
   * GNU as's as_where for generated line info: in a macro expansion (also inside a .rept in one) the
   * place the outermost macro was invoked from; in a .rept/.irp body the body's line, named by the
   * enclosing file's logical name (`.file "x"`, a line marker) or else its own; else the statement's.
   */
  where(): { file: string; line: number } {
    const inputs = this.inputs;
    for (let i = inputs.length - 1; i >= 0; i--) {
      const w = inputs[i].where;
      if (w) return w;
    }
    const top = inputs[inputs.length - 1];
    return { file: top?.reptFile ?? this.file, line: this.line };
  }

  /** The file a .rept body expanded now names in its rows (GNU: the logical file of the input around it). */
  private reptFile(): string {
    const top = this.inputs[this.inputs.length - 1];
    if (!top) return this.file;
    if (top.reader) return top.reader.logicalFile ?? this.file;
    return top.reptFile ?? this.file;
  }

  /** A plain `.file "name"` names the reader's statements from now on (when a line marker set a line). */
  setLogicalFile(name: string): void {
    const top = this.inputs[this.inputs.length - 1];
    if (top?.reader) top.reader.setLogicalFile(name);
  }

  private next(): Stmt | null {
    while (this.inputs.length) {
      const top = this.inputs[this.inputs.length - 1];
      if (top.reader) {
        const st = top.reader.next();
        if (st) return st;
      } else if (top.pos < top.stmts.length) return top.stmts[top.pos++];
      this.inputs.pop();
    }
    return null;
  }

  /** .exitm: drop the innermost macro expansion (and anything it pushed). */
  exitMacro(): void {
    while (this.inputs.length) {
      const top = this.inputs.pop()!;
      if (top.isMacro) {
        this.conds.truncate(top.condDepth);
        return;
      }
    }
  }

  /** Assemble everything pushed so far, then check what the end of the input leaves open. */
  run(): void {
    this.drain();
    this.endOfInput();
  }

  /** Assemble the statements pushed so far (more may be pushed afterwards). */
  drain(): void {
    for (let st = this.next(); st && !this.ended; st = this.next()) {
      this.file = st.file;
      this.line = st.line;
      try {
        this.statement(st);
      } catch (e) {
        if (e instanceof AsmError || (e instanceof Error && e.name === 'X86Error')) this.error(e.message);
        else throw e;
      }
    }
  }

  endOfInput(): void {
    if (this.collector) {
      this.error(this.collector.kind === 'macro' ? 'unexpected end of file in macro definition' : '.rept without .endr');
    }
    if (this.conds.depth > 0) this.warning('end of file in conditional');
  }

  // ---- statements -----------------------------------------------------------------------------

  statement(st: Stmt): void {
    if (this.collector) {
      if (this.collector.add(st)) this.collector = this.collector.finish(this);
      return;
    }
    if (st.item !== undefined) {
      if (!this.conds.active) return;
      if (st.item instanceof Uint8Array) this.emitBytes(st.item);
      else if (this.target.assembleInst) {
        const enc = this.target.assembleInst(st.item, this.env);
        if (this.lines.seen) this.lines.emitInsn();
        this.place(enc);
      }
      else throw new AsmError('this target takes no instruction objects');
      return;
    }
    let text = st.text;
    if (!this.conds.active) {
      const w = headWord(text).head.toLowerCase();
      if (w.startsWith('.if') || w === '.else' || w === '.elseif' || w === '.endif') this.conds.skipped(this, w, headWord(text).rest);
      return;
    }
    // Labels (a statement without ':' has none).
    while (text.indexOf(':') >= 0) {
      const l = this.matchLabel(text);
      if (!l) break;
      this.defineLabel(l.name, l.numeric);
      text = text.slice(l.end).trim();
      if (!text) return;
    }
    // An instruction seen before whose encoding depends on its text alone.
    if (this.instCache.size !== 0 && this.macros.size === 0) {
      const enc = this.instCache.get(text);
      if (enc !== undefined) {
        if (this.lines.seen) this.lines.emitInsn();
        this.frag().append(enc.bytes);
        return;
      }
    }
    // Assignment: sym = expr (but not ==); `. = expr` moves the location counter like .org.
    const eq = text.indexOf('=') < 0 ? null : /^("(?:[^"\\]|\\.)*"|[A-Za-z_.$][\w.$]*)\s*=(?!=)\s*(.*)$/s.exec(text);
    if (eq) {
      if (eq[1] === '.') DIRECTIVES.get('.org')!(this, eq[2], '.org');
      else this.assign(unquote(eq[1]), eq[2], false);
      return;
    }
    // The head word and the rest (headWord without its object).
    let hw = 0;
    const tn = text.length;
    while (hw < tn && !isSpace(text.charCodeAt(hw))) hw++;
    let head = hw === tn ? text : text.slice(0, hw);
    let rest = hw === tn ? '' : text.slice(hw).trim();
    const paren = head.indexOf('(');
    if (paren > 0) ({ head, rest } = this.nameBeforeParen(text, paren));
    const lower = head.toLowerCase();
    const mac = this.macros.size ? this.macros.get(head) ?? this.macros.get(lower) : undefined;
    if (lower.startsWith('.')) {
      const d = DIRECTIVES.get(lower);
      if (d) return d(this, rest, lower);
      if (mac) return expandMacro(this, mac, rest);
      if (this.target.directive(lower, rest)) { this.instCache.clear(); return; }
      if (lower.startsWith('.cfi_')) return this.cfi.directive(lower, rest);
      throw new AsmError(`unknown pseudo-op: \`${lower}'`);
    }
    if (mac) return expandMacro(this, mac, rest);
    const enc = this.target.assemble(head, rest, this.env);
    if (enc.reusable && this.macros.size === 0) {
      if (this.instCache.size >= 1 << 16) this.instCache.clear();
      this.instCache.set(text, enc);
    }
    if (this.lines.seen) this.lines.emitInsn();
    this.place(enc);
  }

  /** Statement text -> encoding, for instructions whose encoding is reusable (TargetEncoding.reusable);
   *  emptied by every target directive (a mode or syntax change). Used only while no macro exists. */
  private instCache = new Map<string, TargetEncoding>();

  /** GNU as reads a statement's name as a symbol name, so `.long(7)` and `MACRO(arg)` (the kernel's
   *  STACK_FRAME_NON_STANDARD(func)) split before the '('; an instruction mnemonic may not hold one. */
  private nameBeforeParen(text: string, paren: number): { head: string; rest: string } {
    const name = text.slice(0, paren);
    if (!name.startsWith('.') && !this.macros.has(name) && !this.macros.has(name.toLowerCase())) {
      throw new AsmError("invalid character '(' in mnemonic");
    }
    return { head: name, rest: text.slice(paren).trim() };
  }

  private matchLabel(text: string): { name: string; end: number; numeric: boolean } | null {
    const c = text.charCodeAt(0);
    let i = 0;
    let name: string;
    let numeric = false;
    if (c === 34) {
      const e = text.indexOf('"', 1);
      if (e < 0) return null;
      name = text.slice(1, e);
      i = e + 1;
    } else if (isDigit(c)) {
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      name = text.slice(0, i).replace(/^0+(?=\d)/, '');
      numeric = true;
    } else if (isSymStart(c)) {
      while (i < text.length && isSymChar(text.charCodeAt(i))) i++;
      name = text.slice(0, i);
    } else return null;
    let j = i;
    while (j < text.length && isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 58 /* : */) return null;
    if (text.charCodeAt(j + 1) === 58) return null; // `::` is not a label here
    return { name, end: j + 1, numeric };
  }

  defineLabel(name: string, numeric = false): void {
    const s = numeric ? this.symbols.defineNumeric(name) : this.symbols.ref(name);
    if (s.kind !== SymKind.Undefined) {
      throw new AsmError(`symbol \`${name}' is already defined`);
    }
    const f = this.frag();
    s.kind = SymKind.Label;
    s.frag = f;
    s.off = f.len;
    s.section = this.cur;
    if (this.lines.markLabels) this.lines.label(s);
  }

  /** `sym = expr`, .set, .equ (redefinable) and .equiv (not). */
  assign(name: string, exprText: string, equiv: boolean): void {
    const s = this.symbols.ref(name);
    if (s.kind === SymKind.Label || s.kind === SymKind.Common || (equiv && s.kind === SymKind.Equ)) {
      throw new AsmError(`symbol \`${name}' is already defined`);
    }
    this.symbols.place(s); // .set makes a full symbol at once
    const e = this.parse(exprText);
    const v = evaluate(e, false);
    s.equiv = equiv;
    if (v && v.add && !v.sub) this.symbols.place(v.add); // and copies the attributes of `sym + k`'s sym
    if (v && isConstVal(v)) {
      s.kind = SymKind.Equ;
      s.expr = { k: E.Num, v: v.num };
    } else if (v && v.add && !v.sub && !v.spec && v.add.kind === SymKind.Label && v.num === 0n && !v.add.isSectionSym) {
      // An alias of a label: same position.
      s.kind = SymKind.Equ;
      s.expr = { k: E.Sym, sym: v.add, spec: '' };
    } else if (e.k === E.Sym && e.sym === s) {
      throw new AsmError(`symbol definition loop encountered at \`${name}'`);
    } else if (v && v.add && v.add.kind === SymKind.Register && !v.sub && v.num === 0n) {
      // a register under another name (the kernel's `.set A, %ecx`): operands may name it from now on
      s.kind = SymKind.Equ;
      s.expr = { k: E.Sym, sym: v.add, spec: '' };
      this.instCache.clear();
      this.env.registerEquate ??= (n) => {
        const r = this.symbols.get(n);
        if (!r || r.kind !== SymKind.Equ || !r.expr || r.expr.k !== E.Sym || r.expr.sym.kind !== SymKind.Register) return null;
        return r.expr.sym.name;
      };
    } else {
      s.kind = SymKind.Equ;
      s.expr = v && v.add && v.add.name.startsWith('\x01') ? frozen(v) : e;
    }
  }

  // ---- expressions ----------------------------------------------------------------------------

  /** A temporary label at the current position; `named`: also found by its name (an expression's '.',
   *  whose value may travel as a symbol name), else reached only through the object (CFI labels). */
  dot(named = true): Sym {
    const t = named ? this.symbols.temp() : this.symbols.anon();
    const f = this.frag();
    t.kind = SymKind.Label;
    t.frag = f;
    t.off = f.len;
    t.section = this.cur;
    return t;
  }

  parse(text: string | undefined): Expr {
    // A directive's missing argument arrives as undefined: the parser reports the missing expression.
    return parseExpr(text ?? '', this);
  }

  /** A register in an expression (`.if \base == %rsp`), when the target names them so. */
  register(text: string, pos: number): { sym: Sym; end: number } | null {
    const r = this.target.exprRegister?.(text, pos);
    return r ? { sym: this.symbols.registerSym(r.name), end: r.end } : null;
  }

  absolute(text: string | undefined, msg?: string): bigint {
    return absolute(this.parse(text), msg);
  }

  /** The target's view of an expression: a constant, or symbol + addend (an expression symbol if needed). */
  targetValue(text: string): TargetValue {
    const n = plainDecimal(text);
    if (n !== null) return n;
    // The common operand: a bare symbol name (what parseExpr and valueOf would make of it).
    if (isPlainName(text)) {
      const s = this.symbols.ref(text);
      s.used = true;
      if (s.kind !== SymKind.Equ && s.kind !== SymKind.Register && !s.weakrefTarget) return { sym: text, addend: 0n, spec: '' };
    }
    return this.valueOf(this.parse(text));
  }

  /** targetValue for `name + addend` with a specifier, without text: what parsing that text does to
   *  the symbol table (the name enters it, _GLOBAL_OFFSET_TABLE_ with a GOT specifier) happens too. */
  symValue(name: string, addend: bigint, spec: string): TargetValue {
    if (spec && this.gotSpecs?.has(spec)) this.symbols.ref('_GLOBAL_OFFSET_TABLE_').used = true;
    const s = this.symbols.ref(name);
    s.used = true;
    if (s.kind !== SymKind.Equ && !s.weakrefTarget) return { sym: name, addend, spec };
    const e: Expr = { k: E.Sym, sym: s, spec };
    return this.valueOf(addend ? { k: E.Bin, op: '+', a: e, b: { k: E.Num, v: addend } } : e);
  }

  private valueOf(e: Expr): TargetValue {
    const v = evaluate(e, false);
    if (v && isConstVal(v)) return v.num;
    if (v && v.add?.kind === SymKind.Register) throw new AsmError('register value used as expression');
    if (v && !v.sub && v.alias) return { sym: v.alias.name, addend: v.num - (v.aliasOff ?? 0n), spec: v.spec };
    if (v && !v.sub && v.add) return { sym: v.add.name, addend: v.num, spec: v.spec };
    if (v && !v.sub && !v.add) return { sym: '', addend: v.num, spec: v.spec };
    const t = this.symbols.temp();
    t.kind = SymKind.Equ;
    t.expr = e;
    return { sym: t.name, addend: 0n, spec: '' };
  }

  // ---- sections and output --------------------------------------------------------------------

  getSection(name: string, type: number, flags: number, entsize: number, group = '', unique = 0): Section {
    for (const s of this.sections) if (s.name === name && s.group === group && s.uniqueId === unique) return s;
    const s = new Section(name, type, flags, entsize);
    s.order = this.sections.length;
    s.group = group;
    s.uniqueId = unique;
    this.sections.push(s);
    s.sym = this.symbols.sectionSym(s);
    return s;
  }

  switchTo(sec: Section, sub: number): void {
    if (sec !== this.cur || sub !== this.sub) {
      this.prevSec = this.cur;
      this.prevSub = this.sub;
    }
    this.cur = sec;
    this.sub = sub;
  }

  frag(): Frag {
    return this.cur.tail(this.sub);
  }

  emitBytes(b: ArrayLike<number>): void {
    this.frag().append(b);
  }

  /** Emit `size` bytes of an expression, as a constant or through a fixup. */
  emitExpr(e: Expr, size: number): void {
    const f = this.frag();
    const v = evaluate(e, false);
    if (v && isConstVal(v)) {
      f.pushInt(this.truncate(v.num, size), size);
      return;
    }
    this.cur.fixups.push({
      frag: f, offset: f.len, size, expr: e, tfix: null, pcrel: false, file: this.file, line: this.line, inVar: false, check: 3,
    });
    f.pushInt(0n, size);
  }

  /** GNU as warns when a constant does not fit its field and keeps the low bytes. */
  truncate(v: bigint, size: number): bigint {
    if (size >= 8) return v;
    const bits = BigInt(size * 8);
    const lo = -(1n << (bits - 1n));
    const hi = (1n << bits) - 1n;
    if (v < lo || v > hi) {
      const t = BigInt.asUintN(size * 8, v);
      this.warning(`value 0x${BigInt.asUintN(64, v).toString(16)} truncated to 0x${t.toString(16)}`);
    }
    return v;
  }

  /** A variable fragment: set up by `init`, then a fresh fragment follows. */
  varFrag(kind: VarKind, init: (f: Frag) => void): void {
    const f = this.frag();
    f.varKind = kind;
    init(f);
    this.cur.newFrag(this.sub);
  }

  // ---- instructions ---------------------------------------------------------------------------

  /** Put an encoded instruction at the current position: bytes and fixups, or a relaxable fragment. */
  private place(enc: TargetEncoding): void {
    if (enc.relax) {
      const forms = enc.relax;
      this.varFrag(VarKind.Relax, (f) => {
        f.forms = forms;
        f.state = 0;
        this.cur.fixups.push({
          frag: f, offset: 0, size: forms[0].fixup.size, expr: null, tfix: forms[0].fixup, pcrel: true,
          file: this.file, line: this.line, inVar: true, check: 0,
        });
      });
      return;
    }
    const f = this.frag();
    const base = f.len;
    f.append(enc.bytes);
    for (const fx of enc.fixups) {
      this.cur.fixups.push({
        frag: f, offset: base + fx.offset, size: fx.size, expr: null, tfix: fx, pcrel: fx.pcrel,
        file: this.file, line: this.line, inVar: false, check: fx.check,
      });
    }
  }

  // ---- include ---------------------------------------------------------------------------------

  readInclude(name: string): { text: string; path: string } | null {
    const read = this.opts.readFile;
    if (!read) return null;
    // GNU as (s_include): with -I options, ".", then each directory, as "dir/name" (so a file found
    // in the current directory is "./name"); then the name as given. Last, the including file's
    // directory (cc-ts only).
    const tries: string[] = [];
    const dirs = this.opts.includeDirs;
    if (dirs.length) {
      tries.push(`./${name}`);
      for (const d of dirs) tries.push(`${d}/${name}`);
    }
    tries.push(name);
    if (!name.startsWith('/') && this.file.includes('/')) tries.push(this.file.slice(0, this.file.lastIndexOf('/') + 1) + name);
    for (const p of tries) {
      const t = read(p);
      if (t !== null) return { text: t, path: p };
    }
    return null;
  }
}

/** A decimal constant with an optional '-' and nothing else ("8", "-16"), the common operand; else null. */
function plainDecimal(t: string): bigint | null {
  const n = t.length;
  let i = t.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (i >= n || n - i > 15) return null;
  const first = t.charCodeAt(i);
  if (first < 49 || first > 57) return t === '0' ? 0n : null; // a leading 0 is octal or hex
  let v = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    v = v * 10 + (c - 48);
  }
  return BigInt(t.charCodeAt(0) === 45 ? -v : v);
}

/** A symbol name and nothing else (not '.', which is the location counter). */
function isPlainName(t: string): boolean {
  const n = t.length;
  if (n === 0 || !isSymStart(t.charCodeAt(0)) || (n === 1 && t.charCodeAt(0) === 46)) return false;
  for (let i = 1; i < n; i++) if (!isSymChar(t.charCodeAt(i))) return false;
  return true;
}

function unquote(s: string): string {
  return s.startsWith('"') ? s.slice(1, -1) : s;
}

/** An expression that stands for an already reduced value. */
function frozen(v: Val): Expr {
  let e: Expr = { k: E.Num, v: v.num };
  if (v.add) e = { k: E.Bin, op: '+', a: { k: E.Sym, sym: v.add, spec: v.spec }, b: e };
  if (v.sub) e = { k: E.Bin, op: '-', a: e, b: { k: E.Sym, sym: v.sub, spec: '' } };
  return e;
}

export { constVal };
