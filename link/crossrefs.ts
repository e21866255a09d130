/**
 * NOCROSSREFS(sec1 sec2 ...): no input section placed in one of the listed output sections may hold a
 * relocation against a symbol defined in another of them (a section referring to itself is fine).
 * OVERLAY ... NOCROSSREFS lists the overlay's sections. Runs after layout, before relocation, and reports
 * each reference as GNU ld does: `file:(section+0xoff): prohibited cross reference from A to `sym' in B`.
 */
import { STT_SECTION } from '../elf/constants';
import { LinkContext, OutputSection } from './context';

export function checkCrossRefs(ctx: LinkContext, outs: OutputSection[], lists: string[][]): void {
  if (!lists.length) return;
  // output section name -> the ids of the lists it is in
  const member = new Map<string, number[]>();
  lists.forEach((l, i) => { for (const n of l) { const m = member.get(n); if (m) m.push(i); else member.set(n, [i]); } });
  for (const o of outs) {
    const from = member.get(o.name);
    if (!from || o.removed) continue;
    for (const it of o.items) {
      if (it.k !== 'sec') continue;
      const sec = it.sec;
      const rl = sec.relocs;
      for (let i = 0; i < rl.count; i++) {
        const r = { offset: rl.offset(i), symbol: rl.symbol(i) };
        const sym = sec.file.syms[r.symbol];
        const to = sym?.section?.out;
        if (!to || to === o || to.name === o.name) continue;
        const toLists = member.get(to.name);
        if (!toLists || !toLists.some((x) => from.includes(x))) continue;
        const name = sym.type === STT_SECTION ? sym.section!.name : sym.name;
        ctx.errors.push(`${sec.file.display}:(${sec.name}+0x${r.offset.toString(16)}): prohibited cross reference from ${o.name} to \`${name}' in ${to.name}`);
      }
    }
  }
}
