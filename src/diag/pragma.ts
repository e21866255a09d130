// #pragma GCC diagnostic push | pop | ignored "-Wfoo" | warning "-Wfoo" | error "-Wfoo", by source location.
//
// gcc keeps the pragmas as a history of changes, each with its location, and classifies a warning when
// it is reported by the changes that come before the warning's location in the translation unit (so a
// warning reported late, like -Wunused-function at the end of the unit or "control reaches end of
// non-void function" from the middle end, obeys the pragmas around the place it points at). Here too:
// the preprocessor records each change with its location as it reads the directive, and Diagnostics asks
// classify() when it reports a warning.
//
// Locations are (file, offset) pairs, and a file's text is read in pieces around its #includes, so the
// order of two locations in the unit is kept as "segments": the preprocessor opens one each time it starts
// or resumes reading a file (enter(file, offset)); a location belongs to the last segment of its file
// that starts at or before it, and locations compare by (segment, offset). Replaying the changes before
// a location with a stack for push/pop gives its state (a pop without a push goes back to the command line,
// as in gcc). Only the option named by the pragma is classified: "-Wunused" does not cover
// -Wunused-variable, as in gcc 12.

import type { Loc } from './diagnostics';
import type { SourceFile } from './source';
import { C_WARNINGS, OTHER_WARNINGS } from './warning-options';

/** What a pragma makes of a warning. */
export const enum Cls { None = 0, Ignored, Warning, Error }

const enum Op { Set, Push, Pop }

interface Change { seg: number; pos: number; op: Op; name: string; cls: Cls }

export class DiagnosticPragmas {
  private changes: Change[] = [];
  /** Segment start offsets of each file and their numbers (in the order they were opened). */
  private segs = new Map<SourceFile, number[]>();
  private nseg = 0;
  /** Options a `warning` or `error` pragma names somewhere in the unit: isEnabled() says yes to them,
   *  and the classification decides. */
  readonly named = new Set<string>();

  /** The preprocessor starts or resumes reading `file` at `pos`. */
  enter(file: SourceFile, pos: number): void {
    let a = this.segs.get(file);
    if (!a) this.segs.set(file, (a = []));
    a.push(pos, this.nseg++);
  }

  get empty(): boolean { return this.changes.length === 0; }

  /** Records `#pragma GCC diagnostic push|pop` (name '') or a classification of option `name`. */
  change(at: Loc, kind: 'push' | 'pop' | 'ignored' | 'warning' | 'error', name = ''): void {
    const [seg, pos] = this.order(at);
    const op = kind === 'push' ? Op.Push : kind === 'pop' ? Op.Pop : Op.Set;
    const cls = kind === 'ignored' ? Cls.Ignored : kind === 'warning' ? Cls.Warning : kind === 'error' ? Cls.Error : Cls.None;
    if (cls === Cls.Warning || cls === Cls.Error) this.named.add(name);
    this.changes.push({ seg, pos, op, name, cls });
  }

  /** The pragmas' classification of warning `name` at `loc` (Cls.None: the command line decides). */
  classify(name: string, loc: Loc | null): Cls {
    const [seg, pos] = loc ? this.order(loc) : [Infinity, 0];
    let state = new Map<string, Cls>();
    const stack: Map<string, Cls>[] = [];
    for (const c of this.changes) {
      if (c.seg > seg || (c.seg === seg && c.pos >= pos)) break;
      if (c.op === Op.Set) state.set(c.name, c.cls);
      else if (c.op === Op.Push) stack.push(new Map(state));
      else state = stack.pop() ?? new Map();
    }
    return state.get(name) ?? Cls.None;
  }

  /** (segment, offset) of a location; a location in no segment (a _Pragma string, the command line)
   *  comes after everything. */
  private order(loc: Loc): [number, number] {
    const a = this.segs.get(loc.file);
    if (a) for (let i = a.length - 2; i >= 0; i -= 2) if (a[i] <= loc.pos) return [a[i + 1], loc.pos];
    return [Infinity, 0];
  }
}

export type OptionCheck =
  | { kind: 'ok'; name: string }
  | { kind: 'unknown'; hint: string | null }
  | { kind: 'not-warning' }
  | { kind: 'language'; langs: string };

/** What gcc makes of the option string of `#pragma GCC diagnostic KIND "STRING"`: the warning's name
 *  (without -W; a joined option such as -Wformat=2 names -Wformat=, which cc-ts calls format), or why
 *  not. */
export function checkOption(s: string): OptionCheck {
  if (s.startsWith('-W')) {
    const w = s.slice(2);
    const eq = w.indexOf('=');
    const key = eq >= 0 ? w.slice(0, eq + 1) : w;
    if (C_WARNINGS.has(key)) return { kind: 'ok', name: key.endsWith('=') && C_WARNINGS.has(key.slice(0, -1)) ? key.slice(0, -1) : key };
    const langs = OTHER_WARNINGS.get(key);
    if (langs) return { kind: 'language', langs };
    // -Werror, -Wfatal-errors and the -Wa,/-Wl,/-Wp, pass-throughs are options but no warnings
    if (/^(error(=.*)?|fatal-errors|[alp],.*)$/.test(w)) return { kind: 'not-warning' };
    return { kind: 'unknown', hint: suggest(s) };
  }
  // gcc looks the string up without its first character: '-fpic' finds -fpic, 'foo' finds -o with "o"
  if (/^.(f|m|O|g|o|D|U|I|L|l|u|std=|x)/.test(s)) return { kind: 'not-warning' };
  return { kind: 'unknown', hint: suggest(s) };
}

/** gcc's spelling hint among the warning options: the closest by Damerau-Levenshtein distance within
 *  gcc's cutoff (a third of the longer length). */
function suggest(s: string): string | null {
  const goal = s.slice(1);
  let best: string | null = null;
  let bestD = Infinity;
  // (the negative forms are candidates too: -Wno-unused-variable is its own best match, so no hint)
  for (const n of C_WARNINGS) {
    for (const cand of ['W' + n, 'Wno-' + n]) {
      const d = editDistance(goal, cand);
      if (d < bestD) { bestD = d; best = cand; }
    }
  }
  if (best === null || bestD === 0) return null;
  const max = Math.max(goal.length, best.length), min = Math.min(goal.length, best.length);
  const cutoff = max <= 1 ? 0 : max - min <= 1 ? Math.max(Math.floor(max / 3), 1) : Math.floor((max + 2) / 3);
  return bestD <= cutoff ? '-' + best : null;
}

function editDistance(a: string, b: string): number {
  const n = a.length, m = b.length;
  const d: number[][] = [];
  for (let i = 0; i <= n; i++) { d.push(new Array(m + 1).fill(0)); d[i][0] = i; }
  for (let j = 0; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[n][m];
}
