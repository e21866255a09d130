/**
 * -Map / -M: a link map in the spirit of GNU ld's (output sections and their input sections; merged
 * SHF_MERGE and edited .eh_frame input sections also show their size before, as GNU's "(size before
 * relaxing)").
 */
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
      if (s.merge?.excluded) continue; // merged away entirely: GNU ld lists it no more
      lines.push(` ${s.name.padEnd(14)} ${hex(o.addr + BigInt(s.offset), w)} ${hex(s.size, 8)} ${s.file.display}`);
      // merged strings/constants and edited .eh_frame: the input's size, as GNU ld notes it
      const raw = s.merge ? s.merge.rawSize : ctx.ehFrames?.parsed.get(s)?.rawSize;
      if (raw !== undefined && raw !== s.size) lines.push(`${' '.repeat(18 + w)}${hex(raw, 8)} (size before relaxing)`);
    }
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
