// x86-64 emission: the pipeline for one module (isel -> register allocation -> frame layout ->
// instructions -> GNU assembly text), plus data, sections and symbols.
//
// Machine instructions become targets/x86/operand.ts `Instruction` objects and are printed by
// syntax.ts printInstruction, the same objects the assembler parses and encodes. The frame:
//     push %rbp; mov %rsp,%rbp; push <callee-saved used>; sub $N,%rsp
// Slots are addressed from %rbp (below the callee-saved area), so dynamic allocas and outgoing
// stack arguments (sub/add %rsp around each call) do not move them.

import { Module as IRModule, DataObj, Func as IRFunc } from '../../src/ir/module';
import { MFunc, MInst, MOp, MK, MMem, MValue } from '../common/mir';
import { allocateRegisters } from '../common/regalloc';
import { layoutFrame } from '../common/frame';
import { FuncISel, ModuleCtx } from './isel';
import { X86_64, physReg, RBP, RSP, CALLEE_SAVED } from './target';
import { Instruction, Operand, reg, imm, mem, inst, SymExpr } from './operand';
import { printInstruction, printOperand } from './syntax';
import { RIP } from './regs';

export interface X86Options {
  pic: boolean; optLevel: number; functionSections: boolean; dataSections: boolean; omitFramePointer: boolean;
  /** -g: line tables (`.file`/`.loc`, DWARF 5 as gcc asks for it); the compilation directory and the
   *  main file name go in `.file 0`. */
  debug?: { compDir: string; mainFile: string } | null;
}

/** -g state while functions are printed: the files given a `.file N` and the last `.loc` written. */
interface LineEmit { m: IRModule; declared: boolean[]; last: number }

/** `.loc` (and the `.file` of a file used for the first time) for source position `loc`. */
function emitLoc(dbg: LineEmit, loc: number, lines: X86Item[]): void {
  if (loc === 0 || loc === dbg.last) return;
  dbg.last = loc;
  const fi = dbg.m.locFile[loc];
  if (!dbg.declared[fi]) {
    dbg.declared[fi] = true;
    lines.push(`\t.file ${fi + 1} ${quote(dbg.m.debugFiles[fi])}`);
  }
  lines.push(`\t.loc ${fi + 1} ${dbg.m.locLine[loc]} ${dbg.m.locCol[loc]}`);
}

/** A file name as a GNU as string. */
function quote(s: string): string {
  return '"' + s.replace(/[\\"]/g, (c) => '\\' + c).replace(/[\x00-\x1f]/g, (c) => '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) + '"';
}

/** What the code generator hands on: lines of GNU as text, instruction objects (printed by -S,
 *  encoded directly by the assembler) and raw data bytes for the current section. */
export type X86Item = string | Instruction | Uint8Array;

/** The one pass list: compile every function, then lay out data. GNU as text (what -S writes). */
export function generateX86_64(module: IRModule, opts: X86Options): string {
  return printItems(generateX86_64Items(module, opts));
}

/** The assembly text of a list of items. */
export function printItems(items: readonly X86Item[]): string {
  const out: string[] = [];
  for (const it of items) {
    if (typeof it === 'string') out.push(it);
    else if (it instanceof Uint8Array) printBytes(it, out);
    else out.push('\t' + printInstruction(it));
  }
  return out.join('\n') + '\n';
}

/** Data bytes as .zero (runs of 8 or more zeros, or zeros up to the end) and .byte lines of 16. */
function printBytes(b: Uint8Array, out: string[]): void {
  const to = b.length;
  let k = 0;
  while (k < to) {
    let z = k;
    while (z < to && b[z] === 0) z++;
    if (z - k >= 8 || z === to) { if (z > k) out.push(`\t.zero ${z - k}`); k = z; continue; }
    const end = Math.min(to, k + 16);
    out.push(`\t.byte ${b.subarray(k, end).join(',')}`);
    k = end;
  }
}

/** The module as items (see X86Item). With a sink, each function's items (and then the data's) go
 *  to it as soon as they are made, and nothing is returned. */
export function generateX86_64Items(module: IRModule, opts: X86Options, sink?: (items: X86Item[]) => void): X86Item[] {
  const all: X86Item[] = [];
  // a module made elsewhere than by the lowering (IR text) says in its data which blocks need names
  const named = new Set<string>();
  for (const d of module.data) for (const r of d.relocs) if (r.block !== undefined) named.add(r.sym);
  for (const f of module.funcs) if (named.has(f.name)) f.labelsInData = true;
  const e = new X86Emitter(module, opts, sink ?? ((items) => { for (const it of items) all.push(it); }));
  for (const f of module.funcs) e.func(f);
  e.finish([]);
  return all;
}

/**
 * The code generator for one module, a function at a time: func(f) compiles f (isel, register
 * allocation, frame, instructions) and hands its items to the sink at once, so that the driver can
 * give each function to it as soon as it is lowered, and drop it; finish() emits what needs the whole
 * module (data, literals, switch tables, aliases, constructors, extern bindings). The module may still
 * be growing while functions are compiled: symbols are looked up through what the lowering noted.
 */
export class X86Emitter {
  private readonly ctx: ModuleCtx;
  private k = 0;
  /** "func\0block name" -> label, for functions whose block addresses static data holds */
  private readonly blockLabel = new Map<string, string>();
  private readonly emitted: { name: string; linkage: string }[] = [];
  private readonly dbg: LineEmit | null;

  constructor(private readonly module: IRModule, private readonly opts: X86Options, private readonly sink: (items: X86Item[]) => void) {
    this.ctx = new ModuleCtx(module, { pic: opts.pic, optLevel: opts.optLevel });
    asmCounter = 0; // %= numbers count within one translation unit
    this.dbg = opts.debug ? { m: module, declared: [], last: 0 } : null;
    if (opts.debug) sink([`\t.file 0 ${quote(opts.debug.compDir)} ${quote(opts.debug.mainFile)}`]);
  }

  /** Items that go out as they are (top-level asm statements), between functions. */
  raw(items: X86Item[]): void { this.sink(items); }

  func(f: IRFunc): void {
    const k = this.k++;
    if (!f.layout.length) return;
    if (f.labelsInData) for (const b of f.layout) this.blockLabel.set(`${f.name}\0${f.blockName(b)}`, `.L${k}_${b}`);
    const tables = this.ctx.jumpTables.length;
    const isel = new FuncISel(this.ctx, f, k);
    const mf = isel.run();               // instruction selection over virtual registers
    allocateRegisters(mf, X86_64);       // virtual -> physical registers, spill code
    const out: X86Item[] = [];
    emitFunction(mf, f.name, f.linkage, f.visibility, f.section, this.opts, out, this.dbg, f.declLoc);
    // the switch tables keep the block labels, not the function
    for (let i = tables; i < this.ctx.jumpTables.length; i++) {
      const t = this.ctx.jumpTables[i];
      t.names = t.targets.map((b) => mf.blocks[b].label);
      t.fn = null;
    }
    this.emitted.push({ name: f.name, linkage: f.linkage });
    this.sink(out);
  }

  /** The rest of the module; `late` are directives for symbols emitted earlier (see lateSymbolChanges). */
  finish(late: string[]): void {
    const module = this.module, opts = this.opts, out: X86Item[] = [];
    for (const d of module.data) emitData(d, opts, this.blockLabel, out);
    emitLiterals(this.ctx, out);
    if (module.aliases.length) {
      const internal = new Set<string>();
      for (const f of this.emitted) if (f.linkage === 'internal') internal.add(f.name);
      for (const d of module.data) if (d.linkage === 'internal') internal.add(d.name);
      for (const a of module.aliases) {
        if (!internal.has(a.target)) out.push(`\t.globl ${a.name}`);
        out.push(`\t.set ${a.name}, ${a.target}`);
      }
    }
    for (const [list, sec] of [[module.ctors, '.init_array'], [module.dtors, '.fini_array']] as const) {
      for (const c of list) {
        const name = c.priority === 65535 ? sec : `${sec}.${String(c.priority).padStart(5, '0')}`;
        out.push(`\t.section ${name},"aw"\n\t.p2align 3\n\t.quad ${c.sym}`);
      }
    }
    for (const e of module.externs) if (e.weak) out.push(`\t.weak ${e.name}`);
    for (const e of module.externs) if (e.visibility && !e.weak) out.push(`\t.${e.visibility} ${e.name}`);
    for (const l of late) out.push(l);
    // trampolines of nested functions live on the stack: ask the linker for an executable one
    out.push(`\t.section .note.GNU-stack,"${module.execStack ? 'x' : ''}",@progbits`);
    this.sink(out);
  }
}

function symbolHeader(name: string, linkage: string, visibility: string, type: string): string[] {
  const h: string[] = [];
  if (linkage === 'global') h.push(`\t.globl ${name}`);
  else if (linkage === 'weak') h.push(`\t.weak ${name}`);
  if (visibility) h.push(`\t.${visibility} ${name}`);
  h.push(`\t.type ${name}, @${type}`);
  return h;
}

function emitFunction(mf: MFunc, name: string, linkage: string, vis: string, section: string, opts: X86Options, lines: X86Item[],
                      dbg: LineEmit | null, declLoc: number): void {
  if (section) lines.push(`\t.section ${section},"ax",@progbits`);
  else if (opts.functionSections) lines.push(`\t.section .text.${name},"ax",@progbits`);
  else lines.push('\t.text');
  lines.push(...symbolHeader(name, linkage, vis, 'function'));
  lines.push(opts.optLevel > 0 ? '\t.p2align 4' : '\t.p2align 0');
  lines.push(`${name}:`);
  const saved = CALLEE_SAVED.filter((u) => mf.usedRegs.has(u));
  const reserved = saved.length * 8;
  const local = layoutFrame(mf, reserved);
  const sub = Math.ceil((reserved + local) / 16) * 16 - reserved;
  const P = (i: Instruction): void => { lines.push(i); };
  const R64 = (u: number): Operand => reg(physReg(u, 8));
  if (dbg) { dbg.last = 0; emitLoc(dbg, declLoc, lines); }
  P(inst('pushq', [R64(RBP)]));
  P(inst('movq', [R64(RSP), R64(RBP)]));
  for (const u of saved) P(inst('pushq', [R64(u)]));
  if (sub) P(inst('subq', [imm(BigInt(sub)), R64(RSP)]));
  const epilogue = (): void => {
    if (saved.length) {
      P(inst('leaq', [mem(BigInt(-reserved), physReg(RBP, 8)), R64(RSP)]));
      for (let k = saved.length - 1; k >= 0; k--) P(inst('popq', [R64(saved[k])]));
      P(inst('popq', [R64(RBP)]));
    } else P(inst('leave', []));
    P(inst('ret', []));
  };
  const order = mf.order;
  for (let k = 0; k < order.length; k++) {
    const b = mf.blocks[order[k]];
    const next = k + 1 < order.length ? order[k + 1] : -1;
    lines.push(`${b.label}:`);
    const insts = b.insts;
    for (let j = 0; j < insts.length; j++) {
      const i = insts[j];
      if (i.mn === 'jmp' && i.ops[0].k === MK.Label && i.ops[0].b === next) continue;
      if (i.mn === '#def') continue;
      if (dbg !== null) emitLoc(dbg, i.loc, lines);
      if (i.mn === '#ret') { epilogue(); continue; }
      // jcc next; jmp other  ->  j!cc other
      if (j + 1 < insts.length && i.mn[0] === 'j' && i.mn !== 'jmp' && i.mn !== 'jmp*' && i.ops[0].k === MK.Label && i.ops[0].b === next) {
        const n = insts[j + 1];
        if (n.mn === 'jmp' && INV[i.mn.slice(1)] && (j === 0 || !insts[j - 1].mn.startsWith('jp'))) {
          P(inst('j' + INV[i.mn.slice(1)], [operand(mf, n.ops[0])]));
          j++;
          continue;
        }
      }
      if (i.mn === '#asm') { lines.push('\t' + asmText(mf, i, ++asmCounter)); continue; }
      P(toInstruction(mf, i));
    }
  }
  lines.push(`\t.size ${name}, .-${name}`);
}

/** The last %= number given in the module being generated. */
let asmCounter = 0;

/** Inline asm: substitutes operands into the template with gcc's x86 operand modifiers. */
function asmText(mf: MFunc, i: MInst, unique: number): string {
  const t = i.text ?? '';
  let out = '';
  for (let k = 0; k < t.length; k++) {
    const ch = t[k];
    if (ch !== '%') { out += ch; continue; }
    const nx = t[k + 1];
    if (nx === '%') { out += '%'; k++; continue; }
    if (nx === '=') { out += String(unique); k++; continue; }
    const m = /^([a-zA-Z]?)(\d+)/.exec(t.slice(k + 1));
    if (!m) { out += ch; continue; }
    k += m[0].length;
    out += asmOperand(mf, i.ops[+m[2]], m[1]);
  }
  return out;
}

function asmOperand(mf: MFunc, o: MOp | undefined, mod: string): string {
  if (!o) return '';
  switch (o.k) {
    case MK.Reg: {
      if (o.r >= 16 && o.r < 32) return '%xmm' + (o.r - 16);
      if (mod === 'h') return '%' + ['ah', 'ch', 'dh', 'bh'][o.r] ;
      const size = mod === 'b' ? 1 : mod === 'w' ? 2 : mod === 'k' ? 4 : mod === 'q' ? 8 : o.size;
      const name = printOperand(reg(physReg(o.r, size)));
      return mod === 'a' ? `(${name})` : name;
    }
    case MK.Imm: {
      const v = printOperand(imm(value(o.v)));
      if (mod === 'n' && typeof o.v === 'bigint') return String(-o.v);
      return mod === 'c' || mod === 'P' || mod === 'a' ? v.slice(1) : v;
    }
    case MK.Label: return mf.blocks[o.b].label;
    default: return printOperand(operand(mf, o));
  }
}

const INV: Record<string, string> = {
  e: 'ne', ne: 'e', l: 'ge', ge: 'l', le: 'g', g: 'le', b: 'ae', ae: 'b', be: 'a', a: 'be', p: 'np', np: 'p', s: 'ns', ns: 's',
};

/** Machine values are symbol expressions of the same shape (never changed once built): shared. */
function value(v: MValue): bigint | SymExpr {
  return v as bigint | SymExpr;
}

/** Register operands are never changed once built either: one object per register. */
const REG_OPS: Operand[] = [];
function regOp(r: number): Operand {
  return REG_OPS[r] ??= reg(r);
}

function operand(mf: MFunc, o: MOp): Operand {
  switch (o.k) {
    case MK.Reg: return regOp(physReg(o.r, o.size));
    case MK.Imm: return imm(value(o.v));
    case MK.Label: return mem({ sym: mf.blocks[o.b].label, addend: 0n, spec: '' });
    case MK.Sym: return mem(value(o.v));
    case MK.Phys: return reg(o.id);
    case MK.Mem: return memOperand(mf, o);
  }
}

function memOperand(mf: MFunc, o: MMem): Operand {
  let disp = value(o.disp);
  let base = o.base === -2 ? RIP : o.base >= 0 ? physReg(o.base, 8) : -1;
  if (o.slot >= 0) {
    base = physReg(RBP, 8);
    const off = BigInt(mf.slots[o.slot].offset);
    disp = typeof disp === 'bigint' ? disp + off : { ...disp, addend: disp.addend + off };
  }
  const index = o.index >= 0 ? physReg(o.index, 8) : -1;
  return mem(disp, base, index, o.scale, o.seg);
}

function toInstruction(mf: MFunc, i: MInst): Instruction {
  if (i.mn === 'jmp*' || i.mn === 'call*') {
    let o = operand(mf, i.ops[0]);
    if (o.kind === 0) o = reg(o.reg, true); else if (o.kind === 2) o.star = true;
    return inst(i.mn.slice(0, -1), [o], i.prefixes);
  }
  return inst(i.mn, i.ops.map((o) => operand(mf, o)), i.prefixes);
}

// ---------------------------------------------------------------------------------------------------
// Data

function dataSection(d: DataObj, opts: X86Options): string {
  const hasInit = d.init !== null;
  if (d.section) {
    const flags = d.tls ? 'awT' : d.readonly ? 'a' : 'aw';
    return `\t.section ${d.section},"${flags}",@${hasInit || d.section.startsWith('.data') ? 'progbits' : 'nobits'}`;
  }
  const sfx = opts.dataSections ? '.' + d.name : '';
  if (d.tls) return hasInit ? `\t.section .tdata${sfx},"awT",@progbits` : `\t.section .tbss${sfx},"awT",@nobits`;
  if (d.readonly) {
    if (d.relocs.length && opts.pic) return `\t.section .data.rel.ro${sfx},"aw"`;
    return opts.dataSections ? `\t.section .rodata${sfx},"a"` : '\t.section .rodata';
  }
  if (!hasInit) return opts.dataSections ? `\t.section .bss${sfx},"aw",@nobits` : '\t.bss';
  return opts.dataSections ? `\t.section .data${sfx},"aw"` : '\t.data';
}

function emitData(d: DataObj, opts: X86Options, blockLabel: Map<string, string>, lines: X86Item[]): void {
  if (d.linkage === 'common' && !d.tls && !d.section) {
    lines.push(`${d.visibility ? `\t.${d.visibility} ${d.name}\n` : ''}\t.comm ${d.name},${d.size},${d.align}`);
    return;
  }
  lines.push(dataSection(d, opts));
  lines.push(...symbolHeader(d.name, d.linkage === 'common' ? 'global' : d.linkage, d.visibility, d.tls ? 'tls_object' : 'object'));
  lines.push(`\t.size ${d.name}, ${d.size}`);
  if (d.align > 1) lines.push(`\t.p2align ${31 - Math.clz32(d.align)}`);
  lines.push(`${d.name}:`);
  if (!d.init) { lines.push(`\t.zero ${Math.max(d.size, 1)}`); return; }
  const relocs = [...d.relocs].sort((a, b) => a.off - b.off);
  let off = 0, ri = 0;
  const init = d.init;
  const bytes = (from: number, to: number): void => { if (to > from) lines.push(init.subarray(from, to)); };
  while (off < d.size) {
    if (ri < relocs.length && relocs[ri].off === off) {
      const r = relocs[ri++];
      let target = r.sym;
      if (r.block !== undefined) target = blockLabel.get(`${r.sym}\0${r.block}`) ?? `${r.sym}`;
      if (r.minusBlock !== undefined) target += `-${blockLabel.get(`${r.sym}\0${r.minusBlock}`) ?? r.sym}`;
      const add = r.addend > 0 ? `+${r.addend}` : r.addend < 0 ? `${r.addend}` : '';
      lines.push(`\t${r.size === 8 ? '.quad' : '.long'} ${target}${add}`);
      off += r.size;
      continue;
    }
    const end = ri < relocs.length ? relocs[ri].off : d.size;
    bytes(off, end);
    off = end;
  }
}

function emitLiterals(ctx: ModuleCtx, lines: X86Item[]): void {
  if (ctx.literals.length || ctx.jumpTables.length) lines.push('\t.section .rodata');
  for (const l of ctx.literals) {
    lines.push(`\t.p2align ${31 - Math.clz32(l.align)}`);
    lines.push(`${l.label}:`);
    lines.push(Uint8Array.from(l.bytes));
  }
  for (const t of ctx.jumpTables) {
    lines.push('\t.p2align 2');
    lines.push(`${t.label}:`);
    for (const l of t.names!) lines.push(`\t.long ${l}-${t.label}`);
  }
}


