/**
 * .note.gnu.property: GNU ld does not concatenate these notes; it writes one note whose properties
 * combine all inputs. x86 rules: GNU_PROPERTY_X86_FEATURE_1_AND (IBT, SHSTK) is the AND over all
 * objects (an object without the note contributes 0), GNU_PROPERTY_X86_ISA_1_NEEDED and
 * GNU_PROPERTY_X86_FEATURE_2_USED are ORed; properties whose value ends up 0 are left out, and the
 * note disappears when nothing is left.
 */
import { SHF_ALLOC, SHT_NOTE } from '../elf/constants';
import { InputSection, LinkContext } from './context';

const AND_TYPES = new Set([0xc0000002]);
const OR_TYPES = new Set([0xc0008002, 0xc0010001, 0xc0008001, 0xc0010002]);

export function mergePropertyNotes(ctx: LinkContext, all: InputSection[]): void {
  const notes = all.filter((s) => s.name === '.note.gnu.property' && s.type === SHT_NOTE && (s.flags & SHF_ALLOC));
  if (notes.length === 0) return;
  const withNote = new Set(notes.map((s) => s.file));
  const everyObject = ctx.objects.every((f) => withNote.has(f) || !f.sections.some((s) => s && !s.discarded && (s.flags & SHF_ALLOC) && s.size > 0));
  const vals = new Map<number, number>();
  const andSeen = new Map<number, number>();
  for (const s of notes) {
    const props = readProperties(s);
    for (const [type, v] of props) {
      if (AND_TYPES.has(type)) { andSeen.set(type, (andSeen.get(type) ?? 0) + 1); vals.set(type, (vals.get(type) ?? 0xffffffff) & v); }
      else if (OR_TYPES.has(type)) vals.set(type, ((vals.get(type) ?? 0) | v) >>> 0);
    }
  }
  for (const t of AND_TYPES) if (vals.has(t) && (andSeen.get(t) !== notes.length || !everyObject)) vals.set(t, 0);
  const keep = [...vals.entries()].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
  const w = ctx.target.cls === 64 ? 8 : 4;
  for (const s of notes) s.discarded = true;
  if (keep.length === 0) return;
  const descSize = keep.length * (8 + w);
  const data = new Uint8Array(16 + descSize);
  const dv = new DataView(data.buffer);
  dv.setUint32(0, 4, true); dv.setUint32(4, descSize, true); dv.setUint32(8, 5, true);
  data.set([0x47, 0x4e, 0x55, 0], 12);
  keep.forEach(([t, v], i) => { const p = 16 + i * (8 + w); dv.setUint32(p, t, true); dv.setUint32(p + 4, 4, true); dv.setUint32(p + 8, v, true); });
  const first = notes[0];
  first.discarded = false;
  first.data = data;
  first.size = data.length;
  first.align = w;
}

function readProperties(s: InputSection): [number, number][] {
  const out: [number, number][] = [];
  const d = s.data;
  const dv = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const w = s.align >= 8 ? 8 : 4;
  let p = 0;
  while (p + 16 <= s.size) {
    const namesz = dv.getUint32(p, true);
    const descsz = dv.getUint32(p + 4, true);
    const type = dv.getUint32(p + 8, true);
    const descAt = p + 12 + ((namesz + 3) & ~3);
    if (descAt + descsz > s.size) break;
    if (type === 5) {
      let q = descAt;
      while (q + 8 <= descAt + descsz) {
        const pt = dv.getUint32(q, true);
        const ps = dv.getUint32(q + 4, true);
        if (ps === 4 && q + 12 <= s.size) out.push([pt, dv.getUint32(q + 8, true)]);
        q += 8 + ((ps + w - 1) & ~(w - 1));
      }
    }
    p = descAt + ((descsz + w - 1) & ~(w - 1));
  }
  return out;
}
