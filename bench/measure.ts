// Timing of one command line, shared by the benches: /usr/bin/time's wall time, CPU time (user +
// system) and peak RSS, medians of N runs (peak memory: the maximum), printed one row a command.

import { spawnSync } from 'child_process';

export interface Measure { seconds: number; cpu: number; kb: number; ok: boolean }

/** Run a command under /usr/bin/time; wall seconds, CPU seconds and peak RSS in KiB. */
export function measure(cmd: string[], env: NodeJS.ProcessEnv = process.env): Measure {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...cmd], { encoding: 'utf8', maxBuffer: 1 << 30, env });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [s, user, sys, kb] = last.split(' ').map(Number);
  return { seconds: s, cpu: user + sys, kb, ok: r.status === 0 };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** `runs` measurements of `cmd`, summarised and printed under `label` (a column `width` wide). */
export function bench(label: string, cmd: string[], runs: number, width: number, env?: NodeJS.ProcessEnv): Measure {
  const ms: Measure[] = [];
  for (let i = 0; i < runs; i++) ms.push(measure(cmd, env));
  const m = {
    seconds: median(ms.map((x) => x.seconds)), cpu: median(ms.map((x) => x.cpu)),
    kb: Math.max(...ms.map((x) => x.kb)), ok: ms.every((x) => x.ok),
  };
  console.log(`${label.padEnd(width)} ${m.seconds.toFixed(2).padStart(6)} s  ${m.cpu.toFixed(2).padStart(6)} s CPU  ${(m.kb / 1024).toFixed(0).padStart(5)} MiB${m.ok ? '' : '  (FAILED)'}`);
  return m;
}
