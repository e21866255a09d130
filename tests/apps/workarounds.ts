// Harness-side work-arounds for known cc-ts bugs, one entry per bug, each with its repro in
// tests/apps/repros/. The runners print every work-around they apply; delete an entry when its repro
// passes (node dist/tests/apps/repros.js). Expectations are never changed: only the build flags.
// (None is needed today: the three repros found so far are fixed.)

export interface Workaround { flags: string[]; repro: string; why: string }

/** Extra cc-ts flags for a build at optimisation level `level` (0, 1, 2, ...). */
export function workaroundsFor(_app: 'lua' | 'sqlite' | 'csmith', _level: string): Workaround[] {
  return [];
}
