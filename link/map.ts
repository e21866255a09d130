/** -Map / -M: a link map in the spirit of GNU ld's (output sections, their input sections, symbols). */
import { LinkContext, OutputSection } from './context';

const hex = (v: bigint | number, w: number): string => '0x' + v.toString(16).padStart(w, '0');

export function writeMap(ctx: LinkContext, outs: OutputSection[]): string {
  const w = ctx.target.cls === 64 ? 16 : 8;
  const lines: string[] = ['', 'Memory map', ''];
  for (const o of outs) {
    if (o.removed) continue;
    lines.push(`${o.name.padEnd(15)} ${hex(o.addr, w)} ${hex(o.size, 8)}${o.lma !== o.addr ? ` load address ${hex(o.lma, w)}` : ''}`);
    for (const it of o.items) {
      if (it.k !== 'sec') continue;
      const s = it.sec;
      lines.push(` ${s.name.padEnd(14)} ${hex(o.addr + BigInt(s.offset), w)} ${hex(s.size, 8)} ${s.file.display}`);
    }
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
