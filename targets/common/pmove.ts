// Parallel-move resolution: a set of copies dst_i := src_i that must behave as if all sources were
// read before any destination is written (phi copies on a control-flow edge). Moves whose
// destination is no other move's pending source are emitted first; what remains are cycles, each
// broken by copying one source into a temporary. Destinations are distinct (each phi is defined once).

export interface PMove { dst: number; src: number }

/** Orders moves; `temp(src)` gives a fresh temporary able to hold src. Returns [dst, src] pairs. */
export function sequentialize(moves: PMove[], temp: (like: number) => number): PMove[] {
  const out: PMove[] = [];
  let pending = moves.filter((m) => m.dst !== m.src);
  while (pending.length) {
    const readers = new Map<number, number>();
    for (const m of pending) readers.set(m.src, (readers.get(m.src) ?? 0) + 1);
    const k = pending.findIndex((m) => !readers.has(m.dst));
    if (k >= 0) {
      out.push(pending[k]);
      pending.splice(k, 1);
      continue;
    }
    // every destination is still read: a cycle. Save one source in a temporary.
    const m = pending[0];
    const t = temp(m.src);
    out.push({ dst: t, src: m.src });
    for (const p of pending) if (p.src === m.src) p.src = t;
  }
  return out;
}
