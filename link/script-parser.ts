/**
 * The linker-script parser: GNU ld's script language into script-ast.ts trees. One read function
 * per command, each with its grammar in the comment above it. Expressions are parsed by precedence
 * climbing into trees that are evaluated later (script-eval.ts).
 *
 * `INCLUDE file` is resolved through the `include` callback (the caller searches -L paths).
 */
import { LinkError } from './error';
import { ScriptLexer } from './script-lexer';
import {
  Assign, AssertCmd, DataCmd, emptyScript, Expr, InputCmd, InputDesc, MemoryRegion, OutputSectionDesc, Overlay,
  PhdrDesc, ProvideKind, Script, ScriptSource, SecStmt, SectionPattern, SectionsCmd,
} from './script-ast';

export type IncludeFn = (name: string) => { file: string; text: string };

const PHDR_TYPES: Record<string, number> = {
  PT_NULL: 0, PT_LOAD: 1, PT_DYNAMIC: 2, PT_INTERP: 3, PT_NOTE: 4, PT_SHLIB: 5, PT_PHDR: 6, PT_TLS: 7,
  PT_GNU_EH_FRAME: 0x6474e550, PT_GNU_STACK: 0x6474e551, PT_GNU_RELRO: 0x6474e552, PT_GNU_PROPERTY: 0x6474e553,
};

const ASSIGN_OPS = ['<<=', '>>=', '+=', '-=', '*=', '/=', '&=', '|=', '^=', '%=', '='];
const SORT_WORDS: Record<string, string> = {
  SORT: 'name', SORT_BY_NAME: 'name', SORT_BY_ALIGNMENT: 'alignment', SORT_BY_INIT_PRIORITY: 'init_priority',
  SORT_NONE: 'none', REVERSE: 'reverse',
};
const DATA_SIZES: Record<string, number> = { BYTE: 1, SHORT: 2, LONG: 4, QUAD: 8, SQUAD: 8 };
const SECTION_TYPES = new Set(['NOLOAD', 'DSECT', 'COPY', 'INFO', 'OVERLAY', 'READONLY', 'TYPE']);

/** Parse a whole script. */
export function parseScript(text: string, file: string, include?: IncludeFn): Script {
  const script = emptyScript();
  new Parser(new ScriptLexer(text, file), { file, text }, script, include, 0).readScript();
  return script;
}

/** Parse a single expression (for --defsym). */
export function parseExpression(text: string, file: string): Expr {
  const lx = new ScriptLexer(text, file);
  const p = new Parser(lx, { file, text }, emptyScript(), undefined, 0);
  const e = p.readExpr();
  if (!lx.atEnd()) lx.error('syntax error');
  return e;
}

class Parser {
  constructor(private lx: ScriptLexer, private src: ScriptSource, private script: Script,
              private include: IncludeFn | undefined, private depth: number) {}

  // script: command*
  readScript(): void {
    while (!this.lx.atEnd()) {
      if (this.lx.accept(';')) continue;
      this.readCommand();
    }
  }

  // command: SECTIONS {...} | MEMORY {...} | PHDRS {...} | ENTRY(sym) | INPUT(...) | GROUP(...) | ... | assignment
  private readCommand(): void {
    const lx = this.lx;
    const start = lx.pos;
    const word = lx.tryName();
    if (word === null) lx.error('syntax error');
    switch (word) {
      case 'SECTIONS': return this.readSections();
      case 'MEMORY': return this.readMemory();
      case 'PHDRS': return this.readPhdrs();
      case 'ENTRY': lx.expect('('); this.script.entry = lx.wild(); lx.expect(')'); return;
      case 'INPUT': case 'GROUP': return this.readInputList(word === 'GROUP');
      case 'OUTPUT': lx.expect('('); this.script.output = lx.wild(); lx.expect(')'); return;
      case 'SEARCH_DIR': lx.expect('('); this.script.searchDirs.push(lx.wild()); lx.expect(')'); return;
      case 'STARTUP': return this.readInputList(false);
      case 'OUTPUT_FORMAT': this.readOutputFormat(); return;
      case 'OUTPUT_ARCH': case 'TARGET': lx.expect('('); lx.wild(); lx.expect(')'); return;
      case 'EXTERN': return this.readExtern();
      case 'INCLUDE': return this.readInclude(false);
      case 'NOCROSSREFS': case 'NOCROSSREFS_TO': return this.readNoCrossRefs();
      case 'INSERT': return this.readInsert();
      case 'REGION_ALIAS': return this.readRegionAlias();
      case 'FORCE_COMMON_ALLOCATION': case 'INHIBIT_COMMON_ALLOCATION': case 'FORCE_GROUP_ALLOCATION': return;
      case 'LD_FEATURE': lx.expect('('); lx.wild(); lx.expect(')'); return;
      case 'VERSION': return this.skipBraces();
      case 'ASSERT': this.script.sections.push(this.readAssert(start)); return;
      default:
        lx.pos = start;
        this.script.sections.push(this.readAssignment(true));
    }
  }

  // SECTIONS { sections-command* }
  private readSections(): void {
    const lx = this.lx;
    this.script.hasSections = true;
    lx.expect('{');
    while (!lx.accept('}')) {
      if (lx.atEnd()) lx.error('syntax error (missing \'}\')');
      if (lx.accept(';')) continue;
      this.readSectionsCommand();
    }
  }

  // sections-command: ENTRY(x) | assignment | ASSERT | INCLUDE | OVERLAY | output-section-description
  private readSectionsCommand(): void {
    const lx = this.lx;
    const start = lx.pos;
    const word = lx.tryWild();
    if (word === null) lx.error('syntax error');
    if (word === 'ENTRY') { lx.expect('('); this.script.entry = lx.wild(); lx.expect(')'); return; }
    if (word === 'INCLUDE') return this.readInclude(true);
    if (word === 'ASSERT') { this.script.sections.push(this.readAssert(start)); return; }
    if (word === 'OVERLAY') { this.script.sections.push(this.readOverlay(start)); return; }
    if (word === 'PROVIDE' || word === 'PROVIDE_HIDDEN' || word === 'HIDDEN' || this.atAssignOp()) {
      lx.pos = start;
      this.script.sections.push(this.readAssignment(true));
      return;
    }
    this.script.sections.push(this.readOutputSection(word!, start, null));
  }

  private atAssignOp(): boolean {
    const lx = this.lx;
    lx.skip();
    for (const op of ASSIGN_OPS) {
      if (lx.text.startsWith(op, lx.pos)) return !(op === '=' && lx.text[lx.pos + 1] === '=');
    }
    return false;
  }

  // output-section: name [address] [(type)] : [AT(lma)] [ALIGN(e) | ALIGN_WITH_INPUT] [SUBALIGN(e)] [constraint]
  //                 { statement* } [>region] [AT>region] [:phdr]* [=fill] [,]
  private readOutputSection(name: string, start: number, overlay: Overlay | null): OutputSectionDesc {
    const lx = this.lx;
    const os: OutputSectionDesc = {
      k: 'osec', name, addr: null, type: '', lma: null, align: null, alignWithInput: false, subalign: null,
      constraint: '', body: [], region: '', lmaRegion: '', phdrs: [], fill: null, pos: start, overlay,
    };
    if (!overlay) {
      if (lx.peekChar() !== ':') {
        if (!this.readSectionType(os)) {
          os.addr = this.readExpr();
          this.readSectionType(os);
        }
      }
      lx.expect(':');
      for (;;) {
        if (lx.acceptKeyword('AT')) { lx.expect('('); os.lma = this.readExpr(); lx.expect(')'); }
        else if (lx.acceptKeyword('ALIGN')) { lx.expect('('); os.align = this.readExpr(); lx.expect(')'); }
        else if (lx.acceptKeyword('ALIGN_WITH_INPUT')) os.alignWithInput = true;
        else if (lx.acceptKeyword('SUBALIGN')) { lx.expect('('); os.subalign = this.readExpr(); lx.expect(')'); }
        else if (lx.acceptKeyword('ONLY_IF_RO')) os.constraint = 'ONLY_IF_RO';
        else if (lx.acceptKeyword('ONLY_IF_RW')) os.constraint = 'ONLY_IF_RW';
        else break;
      }
    }
    lx.expect('{');
    while (!lx.accept('}')) {
      if (lx.atEnd()) lx.error(`syntax error (missing '}' for section ${name})`);
      if (lx.accept(';')) continue;
      this.readSectionStatement(os.body);
    }
    this.readSectionTail(os);
    return os;
  }

  // (NOLOAD) | (COPY) | (INFO) | (DSECT) | (OVERLAY) | (READONLY) | (TYPE = n): true when one was read
  private readSectionType(os: OutputSectionDesc): boolean {
    const lx = this.lx;
    const save = lx.pos;
    if (!lx.accept('(')) return false;
    const w = lx.tryName();
    if (w !== null && SECTION_TYPES.has(w)) {
      if (w === 'TYPE') { lx.expect('='); this.readExpr(); }
      if (w === 'READONLY' && lx.accept('(')) { lx.name(); lx.expect(')'); }
      if (lx.accept(')')) { os.type = w; return true; }
    }
    lx.pos = save;
    return false;
  }

  // tail: [>region] [AT>region] [:phdr]* [=fill] [,]
  private readSectionTail(os: { region: string; lmaRegion?: string; phdrs: string[]; fill: Expr | null }): void {
    const lx = this.lx;
    for (;;) {
      const save = lx.pos;
      if (lx.accept('>')) { os.region = lx.name(); continue; }
      if (lx.acceptKeyword('AT')) {
        if (lx.accept('>')) { os.lmaRegion = lx.name(); continue; }
        lx.pos = save;
        break;
      }
      if (lx.peekChar() === ':' ) {
        lx.accept(':');
        const n = lx.tryName();
        if (n === null) { lx.pos = save; break; }
        os.phdrs.push(n);
        continue;
      }
      break;
    }
    if (lx.peekChar() === '=' && lx.text[lx.pos + 1] !== '=') { lx.accept('='); os.fill = this.readExpr(); }
    lx.accept(',');
  }

  // statement: assignment | data | FILL(e) | ASSERT | INCLUDE | CONSTRUCTORS | input-section-description
  private readSectionStatement(body: SecStmt[]): void {
    const lx = this.lx;
    const start = lx.pos;
    const word = lx.tryWild();
    if (word === null) lx.error('syntax error');
    if (word === 'PROVIDE' || word === 'PROVIDE_HIDDEN' || word === 'HIDDEN' || (!word!.includes('*') && this.atAssignOp())) {
      lx.pos = start;
      body.push(this.readAssignment(false));
      return;
    }
    if (DATA_SIZES[word!] && lx.peekChar() === '(') {
      lx.expect('(');
      const d: DataCmd = { k: 'data', size: DATA_SIZES[word!], expr: this.readExpr(), pos: start };
      lx.expect(')');
      body.push(d);
      return;
    }
    switch (word) {
      case 'FILL': lx.expect('('); body.push({ k: 'fill', expr: this.readExpr() }); lx.expect(')'); return;
      case 'ASSERT': body.push(this.readAssert(start)); return;
      case 'CONSTRUCTORS': case 'CREATE_OBJECT_SYMBOLS': return;
      case 'INCLUDE': {
        const inc = this.includeText();
        const sub = new Parser(new ScriptLexer(inc.text, inc.file), inc, this.script, this.include, this.depth + 1);
        while (!sub.lx.atEnd()) { if (!sub.lx.accept(';')) sub.readSectionStatement(body); }
        return;
      }
      case 'KEEP': {
        lx.expect('(');
        const d = this.readInputDesc(lx.wild(), start);
        d.keep = true;
        lx.expect(')');
        body.push(d);
        return;
      }
      default:
        body.push(this.readInputDesc(word!, start));
    }
  }

  // input-desc: [INPUT_SECTION_FLAGS(f & ..)] [archive:]file-pattern [( section-pattern* )]
  //           | SORT*(file-pattern)( ... ) | EXCLUDE_FILE(p*) file-pattern ( ... )
  private readInputDesc(first: string, start: number): InputDesc {
    const lx = this.lx;
    const d: InputDesc = {
      k: 'input', filePattern: '', fileExclude: [], fileSort: [], sections: null, keep: false, flagsWith: 0,
      flagsWithout: 0, pos: start,
    };
    let word = first;
    if (word === 'INPUT_SECTION_FLAGS') { this.readSectionFlags(d); word = lx.wild(); }
    if (word === 'EXCLUDE_FILE') { d.fileExclude = this.readPatternList(); word = lx.wild(); }
    while (SORT_WORDS[word] && lx.peekChar() === '(') {
      lx.expect('(');
      d.fileSort.push(SORT_WORDS[word]);
      word = lx.wild();
      lx.expect(')');
    }
    d.filePattern = word;
    if (lx.accept('(')) {
      d.sections = [];
      while (!lx.accept(')')) {
        if (lx.atEnd()) lx.error('syntax error (missing \')\')');
        if (lx.accept(',')) continue;
        this.readSectionPatterns(d.sections, []);
      }
    }
    return d;
  }

  // section-pattern: EXCLUDE_FILE(files) pattern | SORT*( section-pattern ) | pattern
  // (as GNU ld documents it, EXCLUDE_FILE applies to the one pattern after it)
  private readSectionPatterns(out: SectionPattern[], sort: string[], exclude: string[] = []): void {
    const lx = this.lx;
    const w = lx.wild();
    if (w === 'EXCLUDE_FILE') {
      const ex = this.readPatternList();
      lx.skip();
      if (lx.peekChar() === ')' || lx.peekChar() === '') lx.error('syntax error (EXCLUDE_FILE without a section pattern)');
      this.readSectionPatterns(out, sort, ex);
      return;
    }
    if (SORT_WORDS[w] && lx.peekChar() === '(') {
      lx.expect('(');
      const inner = sort.concat(SORT_WORDS[w]);
      while (!lx.accept(')')) {
        if (lx.atEnd()) lx.error('syntax error (missing \')\')');
        this.readSectionPatterns(out, inner, exclude);
      }
      return;
    }
    out.push({ pattern: w, excludeFiles: exclude, sort });
  }

  // ( pattern* )
  private readPatternList(): string[] {
    const lx = this.lx;
    const out: string[] = [];
    lx.expect('(');
    while (!lx.accept(')')) {
      if (lx.atEnd()) lx.error('syntax error (missing \')\')');
      out.push(lx.wild());
    }
    return out;
  }

  // INPUT_SECTION_FLAGS(SHF_A & !SHF_B & ...)
  private readSectionFlags(d: InputDesc): void {
    const lx = this.lx;
    const FLAGS: Record<string, number> = {
      SHF_WRITE: 1, SHF_ALLOC: 2, SHF_EXECINSTR: 4, SHF_MERGE: 0x10, SHF_STRINGS: 0x20, SHF_INFO_LINK: 0x40,
      SHF_LINK_ORDER: 0x80, SHF_OS_NONCONFORMING: 0x100, SHF_GROUP: 0x200, SHF_TLS: 0x400, SHF_GNU_RETAIN: 0x200000,
    };
    lx.expect('(');
    do {
      const neg = lx.accept('!');
      const n = lx.name();
      const v = FLAGS[n] ?? lx.error(`unknown section flag '${n}'`);
      if (neg) d.flagsWithout |= v; else d.flagsWith |= v;
    } while (lx.accept('&'));
    lx.expect(')');
  }

  // assignment: [PROVIDE|PROVIDE_HIDDEN|HIDDEN] ( name op expr ) ; | name op expr ;
  private readAssignment(top: boolean): Assign {
    const lx = this.lx;
    const start = lx.pos;
    const w = lx.tryWild();
    let provide = ProvideKind.None;
    let hidden = false;
    let a: Assign;
    if ((w === 'PROVIDE' || w === 'PROVIDE_HIDDEN' || w === 'HIDDEN') && lx.peekChar() === '(') {
      lx.expect('(');
      if (w === 'PROVIDE') provide = ProvideKind.Provide;
      else if (w === 'PROVIDE_HIDDEN') { provide = ProvideKind.ProvideHidden; hidden = true; } else hidden = true;
      a = this.readPlainAssignment(start);
      lx.expect(')');
    } else {
      lx.pos = start;
      a = this.readPlainAssignment(start);
    }
    a.provide = provide;
    a.hidden = hidden;
    if (!lx.accept(';') && (top || !(lx.peekChar() === '}'))) {
      if (lx.peekChar() !== '}' && !lx.accept(',')) lx.error('syntax error (expected \';\')');
    }
    return a;
  }

  private readPlainAssignment(start: number): Assign {
    const lx = this.lx;
    const name = lx.tryWild();
    if (name === null) lx.error('syntax error');
    lx.skip();
    const op = ASSIGN_OPS.find((o) => lx.text.startsWith(o, lx.pos));
    if (!op) lx.error('syntax error (expected an assignment)');
    lx.pos += op!.length;
    const expr = this.readExpr();
    return { k: 'assign', name: name!, op: op!, expr, provide: ProvideKind.None, hidden: false, script: this.src, pos: start };
  }

  // ASSERT(expr, "message")
  private readAssert(start: number): AssertCmd {
    const lx = this.lx;
    lx.expect('(');
    const expr = this.readExpr();
    let msg = '';
    if (lx.accept(',')) msg = lx.wild();
    lx.expect(')');
    lx.accept(';');
    return { k: 'assert', expr, msg, script: this.src, pos: start };
  }

  // OVERLAY [start] : [NOCROSSREFS] [AT(lma)] { (name { statement* } [:phdr]* [=fill])* } [>region] [:phdr]* [=fill]
  private readOverlay(start: number): Overlay {
    const lx = this.lx;
    const ov: Overlay = { k: 'overlay', start: null, lma: null, noCrossRefs: false, sections: [], region: '', phdrs: [], fill: null, pos: start };
    if (lx.peekChar() !== ':') ov.start = this.readExpr();
    lx.expect(':');
    for (;;) {
      if (lx.acceptKeyword('NOCROSSREFS')) ov.noCrossRefs = true;
      else if (lx.acceptKeyword('AT')) { lx.expect('('); ov.lma = this.readExpr(); lx.expect(')'); }
      else break;
    }
    lx.expect('{');
    while (!lx.accept('}')) {
      if (lx.atEnd()) lx.error('syntax error (missing \'}\' in OVERLAY)');
      const p = lx.pos;
      ov.sections.push(this.readOutputSection(lx.wild(), p, ov));
    }
    this.readSectionTail(ov);
    return ov;
  }

  // MEMORY { name [(attrs)] : ORIGIN = e , LENGTH = e ... }
  private readMemory(): void {
    const lx = this.lx;
    lx.expect('{');
    while (!lx.accept('}')) {
      if (lx.atEnd()) lx.error('syntax error (missing \'}\' in MEMORY)');
      const pos = lx.pos;
      const name = lx.name();
      let attrs = '';
      if (lx.accept('(')) { const e = lx.text.indexOf(')', lx.pos); if (e < 0) lx.error('syntax error'); attrs = lx.text.slice(lx.pos, e).trim(); lx.pos = e + 1; }
      lx.expect(':');
      const kw1 = lx.name();
      if (!/^(ORIGIN|org|o)$/.test(kw1)) lx.error('syntax error (expected ORIGIN)');
      lx.expect('=');
      const origin = this.readExpr();
      lx.accept(',');
      const kw2 = lx.name();
      if (!/^(LENGTH|len|l)$/.test(kw2)) lx.error('syntax error (expected LENGTH)');
      lx.expect('=');
      const length = this.readExpr();
      lx.accept(';');
      const r: MemoryRegion = { name, attrs, origin, length, pos };
      this.script.memory.push(r);
    }
  }

  // PHDRS { name type [FILEHDR] [PHDRS] [AT(e)] [FLAGS(e)] ; }
  private readPhdrs(): void {
    const lx = this.lx;
    this.script.phdrs = this.script.phdrs ?? [];
    lx.expect('{');
    while (!lx.accept('}')) {
      if (lx.atEnd()) lx.error('syntax error (missing \'}\' in PHDRS)');
      const name = lx.name();
      let type: number;
      const tpos = lx.pos;
      const tn = lx.tryName();
      if (tn !== null && PHDR_TYPES[tn] !== undefined) type = PHDR_TYPES[tn];
      else { lx.pos = tpos; type = Number(this.readExpr().k === 'num' ? (this.lastNum ?? 0n) : 0n); }
      const ph: PhdrDesc = { name, type, fileHdr: false, phdrs: false, at: null, flags: null };
      for (;;) {
        if (lx.acceptKeyword('FILEHDR')) ph.fileHdr = true;
        else if (lx.acceptKeyword('PHDRS')) ph.phdrs = true;
        else if (lx.acceptKeyword('AT')) { lx.expect('('); ph.at = this.readExpr(); lx.expect(')'); }
        else if (lx.acceptKeyword('FLAGS')) { lx.expect('('); ph.flags = this.readExpr(); lx.expect(')'); }
        else break;
      }
      lx.expect(';');
      this.script.phdrs.push(ph);
    }
  }
  private lastNum: bigint | null = null;

  // INPUT(file ...) GROUP(file ...) with AS_NEEDED(file ...) and -lname entries
  private readInputList(group: boolean): void {
    const lx = this.lx;
    const cmd: InputCmd = { group, files: [], script: this.src };
    lx.expect('(');
    const readList = (asNeeded: boolean): void => {
      while (!lx.accept(')')) {
        if (lx.atEnd()) lx.error('syntax error (missing \')\')');
        if (lx.accept(',')) continue;
        const w = lx.wild();
        if (w === 'AS_NEEDED' && lx.peekChar() === '(') { lx.expect('('); readList(true); continue; }
        cmd.files.push({ name: w, asNeeded });
      }
    };
    readList(false);
    this.script.inputs.push(cmd);
  }

  // OUTPUT_FORMAT(bfdname [, big, little])
  private readOutputFormat(): void {
    const lx = this.lx;
    lx.expect('(');
    this.script.outputFormat = lx.wild();
    while (lx.accept(',')) lx.wild();
    lx.expect(')');
  }

  // EXTERN(sym ...)
  private readExtern(): void {
    const lx = this.lx;
    lx.expect('(');
    while (!lx.accept(')')) {
      if (lx.atEnd()) lx.error('syntax error (missing \')\')');
      if (lx.accept(',')) continue;
      this.script.externs.push(lx.wild());
    }
  }

  // NOCROSSREFS(section ...)
  private readNoCrossRefs(): void {
    const lx = this.lx;
    const list: string[] = [];
    lx.expect('(');
    while (!lx.accept(')')) {
      if (lx.atEnd()) lx.error('syntax error (missing \')\')');
      if (lx.accept(',')) continue;
      list.push(lx.wild());
    }
    this.script.noCrossRefs.push(list);
  }

  // INSERT AFTER name | INSERT BEFORE name
  private readInsert(): void {
    const lx = this.lx;
    const w = lx.name();
    if (w !== 'AFTER' && w !== 'BEFORE') lx.error('syntax error (expected AFTER or BEFORE)');
    this.script.insert = { after: w === 'AFTER', section: lx.wild() };
  }

  // REGION_ALIAS(alias, region)
  private readRegionAlias(): void {
    const lx = this.lx;
    lx.expect('(');
    const alias = lx.wild();
    lx.expect(',');
    const region = lx.wild();
    lx.expect(')');
    this.script.regionAliases.set(alias, region);
  }

  // INCLUDE file
  private readInclude(inSections: boolean): void {
    const inc = this.includeText();
    const sub = new Parser(new ScriptLexer(inc.text, inc.file), inc, this.script, this.include, this.depth + 1);
    if (!inSections) { sub.readScript(); return; }
    while (!sub.lx.atEnd()) { if (!sub.lx.accept(';')) sub.readSectionsCommand(); }
  }

  private includeText(): { file: string; text: string } {
    const name = this.lx.wild();
    if (this.depth > 20) this.lx.error('INCLUDE nested too deeply');
    if (!this.include) this.lx.error(`cannot find script file ${name}`);
    return this.include!(name);
  }

  private skipBraces(): void {
    const lx = this.lx;
    lx.expect('{');
    let depth = 1;
    while (depth > 0) {
      if (lx.pos >= lx.text.length) lx.error('syntax error (missing \'}\')');
      const c = lx.text[lx.pos++];
      if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    lx.accept(';');
  }

  // ---- expressions ----

  // expr: cond ; cond: or ['?' expr ':' cond]
  readExpr(): Expr {
    const c = this.readBinary(0);
    if (this.lx.accept('?')) {
      const a = this.readExpr();
      this.lx.expect(':');
      const b = this.readExpr();
      return { k: 'cond', c, a, b };
    }
    return c;
  }

  // Binary operators by precedence, lowest first.
  private static LEVELS: string[][] = [
    ['||'], ['&&'], ['|'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
  ];

  private readBinary(level: number): Expr {
    if (level >= Parser.LEVELS.length) return this.readUnary();
    let a = this.readBinary(level + 1);
    for (;;) {
      const lx = this.lx;
      lx.skip();
      const pos = lx.pos;
      const op = Parser.LEVELS[level].find((o) => lx.text.startsWith(o, lx.pos) && !this.isLongerOp(o, lx.pos));
      if (!op) return a;
      lx.pos += op.length;
      const b = this.readBinary(level + 1);
      a = { k: 'bin', op, a, b, pos };
    }
  }

  /** Whether `o` at `pos` is really the start of a longer operator (`|` of `||`, `<` of `<<=`, `=`...). */
  private isLongerOp(o: string, pos: number): boolean {
    const t = this.lx.text;
    const next = t[pos + o.length];
    if (o === '|' && (next === '|' || next === '=')) return true;
    if (o === '&' && (next === '&' || next === '=')) return true;
    if ((o === '<' || o === '>') && (next === '<' || next === '>' || next === '=')) return true;
    if ((o === '<<' || o === '>>') && next === '=') return true;
    if ((o === '+' || o === '-' || o === '*' || o === '/' || o === '%' || o === '^') && next === '=') return true;
    return false;
  }

  // unary: ('-' | '!' | '~' | '+') unary | primary
  private readUnary(): Expr {
    const lx = this.lx;
    lx.skip();
    const c = lx.text[lx.pos];
    if (c === '-' || c === '!' || c === '~' || c === '+') {
      if (!(c === '!' && lx.text[lx.pos + 1] === '=')) {
        lx.pos++;
        return { k: 'un', op: c, a: this.readUnary() };
      }
    }
    return this.readPrimary();
  }

  // primary: number | '(' expr ')' | '.' | name | function '(' args ')'
  private readPrimary(): Expr {
    const lx = this.lx;
    if (lx.accept('(')) { const e = this.readExpr(); lx.expect(')'); return e; }
    const n = lx.tryNumber();
    if (n !== null) { this.lastNum = n; return { k: 'num', v: n, hex: lx.lastHex }; }
    lx.skip();
    const pos = lx.pos;
    const name = lx.tryName();
    if (name === null) lx.error('syntax error in expression');
    if (name === '.') return { k: 'dot', pos };
    if (name === 'SIZEOF_HEADERS' || name === 'sizeof_headers') return { k: 'call', fn: 'SIZEOF_HEADERS', args: [], name: '', pos };
    if (lx.peekChar() === '(' && FUNCTIONS.has(name!)) return this.readCall(name!, pos);
    return { k: 'sym', name: name!, pos };
  }

  // function '(' args ')': names of sections, regions, symbols and constants are kept as names
  private readCall(fn: string, pos: number): Expr {
    const lx = this.lx;
    lx.expect('(');
    let name = '';
    const args: Expr[] = [];
    if (NAME_ARG.has(fn)) {
      name = lx.wild();
      if (fn === 'SEGMENT_START') { lx.expect(','); args.push(this.readExpr()); }
    } else if (fn === 'ASSERT') {
      args.push(this.readExpr());
      lx.expect(',');
      name = lx.wild();
    } else if (!lx.accept(')')) {
      do args.push(this.readExpr()); while (lx.accept(','));
      lx.expect(')');
      return { k: 'call', fn, args, name, pos };
    } else {
      return { k: 'call', fn, args, name, pos };
    }
    lx.expect(')');
    return { k: 'call', fn, args, name, pos };
  }
}

const NAME_ARG = new Set(['ADDR', 'LOADADDR', 'SIZEOF', 'ALIGNOF', 'DEFINED', 'ORIGIN', 'LENGTH', 'CONSTANT', 'SEGMENT_START']);
const FUNCTIONS = new Set([
  ...NAME_ARG, 'ALIGN', 'BLOCK', 'ABSOLUTE', 'MAX', 'MIN', 'NEXT', 'DATA_SEGMENT_ALIGN', 'DATA_SEGMENT_RELRO_END',
  'DATA_SEGMENT_END', 'LOG2CEIL', 'ASSERT', 'ORIGIN', 'LENGTH',
]);

export { LinkError };
