// The front-end fuzzer, full run: seeded mutants of gcc.c-torture files through
// driverMain(['-fsyntax-only', '-w', FILE]) in worker threads; prints every crash and hang with the
// case seed that reproduces it, and saves the mutants (see tests/fuzz/fuzz.ts).
//
//   node dist/tests/corpus/fuzz-frontend.js [--count 10000] [--seed 1] [--start 0] [--jobs 2]
//        [--timeout 5000] [--save-dir /tmp/cc-ts-fuzz] [--target TRIPLE]
//   node dist/tests/corpus/fuzz-frontend.js --replay 0x1a2b3c4d   (one case, full output)
//
// Exit status: 0 when no case crashed or hung, 1 otherwise.

import { describeFailure, replay, runFuzz } from '../fuzz/fuzz';
import { hex32 } from '../fuzz/mutate';

interface Args { count: number; seed: number; start: number; jobs: number; timeout: number; saveDir: string; target: string | null; replay: number | null }

function parse(argv: string[]): Args {
  const a: Args = { count: 10000, seed: 1, start: 0, jobs: 2, timeout: 5000, saveDir: '/tmp/cc-ts-fuzz', target: null, replay: null };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].split('=', 2);
    const val = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${k} needs a value`);
      return v;
    };
    const num = (): number => {
      const v = val();
      const n = Number(v);
      if (!Number.isFinite(n)) throw new Error(`${k}: not a number: ${v}`);
      return n;
    };
    switch (k) {
      case '--count': a.count = num(); break;
      case '--seed': a.seed = num(); break;
      case '--start': a.start = num(); break;
      case '--jobs': a.jobs = num(); break;
      case '--timeout': a.timeout = num(); break;
      case '--save-dir': a.saveDir = val(); break;
      case '--target': a.target = val(); break;
      case '--replay': a.replay = num(); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return a;
}

async function main(): Promise<number> {
  const a = parse(process.argv.slice(2));
  if (a.replay !== null) {
    const { c, file, r } = await replay(a.replay, a.saveDir, a.timeout);
    process.stdout.write(`seed ${hex32(c.seed)} file ${c.file}\n${c.mutant.mutations.map((m) => '  ' + m).join('\n')}\n`);
    process.stdout.write(`mutant: ${file}\n`);
    process.stdout.write(r.hang ? `HANG (killed after ${Math.round(r.ms)} ms)\n` : r.crash ? `CRASH: ${r.crash}\n` : `status ${r.status} (${r.ms.toFixed(0)} ms)\n`);
    if (r.stderr) process.stdout.write(r.stderr);
    return r.hang || r.crash ? 1 : 0;
  }
  let last = Date.now();
  const s = await runFuzz({
    count: a.count, seed: a.seed, start: a.start, jobs: a.jobs, timeoutMs: a.timeout, saveDir: a.saveDir,
    extraArgs: a.target ? [`--target=${a.target}`] : [],
    progress: (done, total) => {
      if (Date.now() - last > 10000 || done === total) {
        last = Date.now();
        process.stderr.write(`  ${done}/${total}\n`);
      }
    },
  });
  for (const f of [...s.crashes, ...s.hangs]) process.stdout.write(describeFailure(f) + '\n');
  process.stdout.write(`fuzz-frontend: ${s.cases} cases (seed ${a.seed}, start ${a.start}), ${s.accepted} accepted, ` +
    `${s.rejected} rejected, ${s.crashes.length} crashes, ${s.hangs.length} hangs in ${(s.ms / 1000).toFixed(1)} s` +
    (s.slowest ? `; slowest ${s.slowest.ms.toFixed(0)} ms (seed ${hex32(s.slowest.seed)}, ${s.slowest.file})` : '') + '\n');
  return s.crashes.length + s.hangs.length > 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e: Error) => {
  process.stderr.write(`fuzz-frontend: ${e.message}\n`);
  process.exitCode = 2;
});
