/**
 * --gc-sections: keep only the allocated input sections reachable through relocations from the
 * roots: the entry symbol, -u symbols, KEEP() sections, note sections, sections with
 * SHF_GNU_RETAIN, .init/.fini/.ctors/.dtors/.*_array. A live section referring to __start_NAME or
 * __stop_NAME keeps every section named NAME (a C identifier), as GNU ld does by default.
 * Non-allocated sections (debug info) are kept.
 */
import { SHF_ALLOC, SHT_FINI_ARRAY, SHT_INIT_ARRAY, SHT_NOTE, SHT_PREINIT_ARRAY } from '../elf/constants';
import { InputSection, LinkContext, Sym, SymKind } from './context';
import { markFdes } from './eh-frame';

const SHF_GNU_RETAIN = 0x200000;

export function collectGarbage(ctx: LinkContext, all: InputSection[], keep: Set<InputSection>): void {
  const marked = new Set<InputSection>();
  const work: InputSection[] = [];
  const mark = (s: InputSection | null): void => {
    if (!s || s.discarded || marked.has(s)) return;
    marked.add(s);
    work.push(s);
  };
  const markSym = (s: Sym | undefined): void => { if (s && s.kind === SymKind.Defined) mark(s.section); };
  const entry = ctx.opts.entry ?? ctx.script.entry ?? '_start';
  markSym(ctx.symbols.get(entry));
  for (const u of ctx.opts.undefined) markSym(ctx.symbols.get(u));
  for (const u of ctx.script.externs) markSym(ctx.symbols.get(u));
  const byName = new Map<string, InputSection[]>();
  for (const s of all) { const l = byName.get(s.name); if (l) l.push(s); else byName.set(s.name, [s]); }
  const startStopDone = new Set<string>();
  const markStartStop = (sym: Sym): void => {
    const m = /^__(start|stop)_([A-Za-z_][A-Za-z0-9_]*)$/.exec(sym.name);
    if (!m || startStopDone.has(m[2])) return;
    startStopDone.add(m[2]);
    for (const x of byName.get(m[2]) ?? []) mark(x);
  };
  for (const s of all) {
    if (s.discarded) continue;
    if (!(s.flags & SHF_ALLOC) || keep.has(s) || s.type === SHT_NOTE || (s.flags & SHF_GNU_RETAIN)
      || s.type === SHT_INIT_ARRAY || s.type === SHT_FINI_ARRAY || s.type === SHT_PREINIT_ARRAY
      || /^\.(init|fini|ctors|dtors|preinit_array|init_array|fini_array|jcr)(\.|$)/.test(s.name)
      || s.file === ctx.internal) mark(s);
  }
  while (work.length) {
    const s = work.pop()!;
    // a parsed .eh_frame does not keep the functions it describes alive; a live function keeps
    // what its FDE and CIE refer to (LSDA, personality)
    if (ctx.ehFrames && ctx.ehFrames.parsed.has(s)) continue;
    markFdes(ctx, s, mark);
    const syms = s.file.syms;
    const rl = s.relocs;
    const u32 = rl.pool.u32;
    for (let w = 6 * rl.start + 3, end = 6 * (rl.start + rl.count); w < end; w += 6) {
      const sym = syms[u32[w]];
      if (!sym) continue;
      if (sym.kind === SymKind.Defined && sym.section) mark(sym.section);
      else if (sym.name.startsWith('__st')) markStartStop(sym);
    }
  }
  for (const s of all) {
    if (s.discarded || marked.has(s) || !(s.flags & SHF_ALLOC)) continue;
    s.live = false;
    s.discarded = true;
    ctx.gcRemoved.push(s);
  }
}
