// Generates System V ABI test cases: struct shapes with C and IR descriptions, the C side (made by
// gcc) and the IR side (made by cc-ts), so that each direction of every call is checked.

export interface CType { c: string; ir: string; size: number; align: number }
export const CT: Record<string, CType> = {
  c: { c: 'char', ir: 'i8', size: 1, align: 1 },
  s: { c: 'short', ir: 'i16', size: 2, align: 2 },
  i: { c: 'int', ir: 'i32', size: 4, align: 4 },
  l: { c: 'long', ir: 'i64', size: 8, align: 8 },
  f: { c: 'float', ir: 'f32', size: 4, align: 4 },
  d: { c: 'double', ir: 'f64', size: 8, align: 8 },
  D: { c: 'long double', ir: 'f80', size: 16, align: 16 },
  q: { c: '__int128', ir: 'i128', size: 16, align: 16 },
  p: { c: 'void *', ir: 'ptr', size: 8, align: 8 },
};

export interface Shape { name: string; fields: string; size: number; align: number; offs: number[] }

export function shape(name: string, fields: string): Shape {
  let off = 0, align = 1;
  const offs: number[] = [];
  for (const ch of fields) {
    const t = CT[ch];
    off = Math.ceil(off / t.align) * t.align;
    offs.push(off);
    off += t.size;
    align = Math.max(align, t.align);
  }
  return { name, fields, size: Math.ceil(off / align) * align, align, offs };
}

export function cDecl(s: Shape): string {
  return `typedef struct { ${[...s.fields].map((ch, k) => `${CT[ch].c} f${k};`).join(' ')} } ${s.name};`;
}
export function irDecl(s: Shape): string {
  const leaves = [...s.fields].map((ch, k) => `${CT[ch].ir}@${s.offs[k]}`).join(', ');
  return `abitype :${s.name} = struct ${s.size} align ${s.align} { ${leaves} }`;
}

/** C helpers for a shape: make(seed), check(value, seed). */
export function cHelpers(s: Shape): string {
  const fill = [...s.fields].map((ch, k) => {
    const v = `(seed * 31 + ${k * 7 + 1})`;
    if (ch === 'f' || ch === 'd' || ch === 'D') return `r.f${k} = ${v} + 0.25;`;
    if (ch === 'p') return `r.f${k} = (void *)(long)${v};`;
    if (ch === 'q') return `r.f${k} = ((__int128)${v} << 70) + ${v};`;
    return `r.f${k} = ${v};`;
  }).join(' ');
  return `${cDecl(s)}
${s.name} make_${s.name}(int seed) { ${s.name} r; memset(&r, 0, sizeof r); ${fill} return r; }
int check_${s.name}(${s.name} v, int seed) { ${s.name} w = make_${s.name}(seed); int ok = 1;
  ${[...s.fields].map((_, k) => `if (v.f${k} != w.f${k}) ok = 0;`).join(' ')} return ok; }
`;
}
