// Helpers shared by the preprocessor tests: run cc-ts's preprocessor in process, run gcc -E, and
// compare outputs as token sequences.
import { execFileSync, spawnSync } from 'child_process';
import { Preprocessor, PPOptions, CmdItem } from '../../src/pp/preprocess';
import { printPreprocessed, printMacros } from '../../src/pp/print';
import { Diagnostics, defaultDiagOptions, FatalError } from '../../src/diag/diagnostics';
import { SourceFile } from '../../src/diag/source';
import { lex } from '../../src/lex/lexer';
import { TK } from '../../src/lex/token';
import { TARGETS, Arch, TargetLayout } from '../../targets/layout';

export interface RunResult { out: string; errors: number; messages: string; pp: Preprocessor }

export function runPP(file: string, o: Partial<PPOptions> & { arch?: Arch; dM?: boolean; noMarkers?: boolean; stdin?: string } = {}): RunResult {
  let messages = '';
  const diag = new Diagnostics(defaultDiagOptions(), (s) => { messages += s; });
  const target: TargetLayout = o.target ?? TARGETS[o.arch ?? 'x86_64'];
  const pp = new Preprocessor({ ...o, target, diag, stdinText: o.stdin });
  let out = '';
  try {
    const toks = pp.preprocessFile(file);
    out = o.dM ? printMacros(pp) : printPreprocessed(pp, toks, { noLineMarkers: o.noMarkers });
  } catch (e) {
    if (!(e instanceof FatalError)) throw e;
  }
  return { out, errors: diag.errors, messages, pp };
}

/** Preprocess a string (as file name '-'). */
export function ppString(src: string, o: Partial<PPOptions> & { arch?: Arch; cmdline?: CmdItem[] } = {}): RunResult {
  return runPP('-', { noMarkers: true, implicitPredef: false, ...o, stdin: src });
}

export const GCC: Record<string, [string, string[]]> = {
  x86_64: ['gcc', []], i386: ['gcc', ['-m32']], aarch64: ['aarch64-linux-gnu-gcc', []], riscv64: ['riscv64-linux-gnu-gcc', []],
};

export function haveTool(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

export function gccE(arch: string, args: string[], input?: string): string {
  const [cc, extra] = GCC[arch];
  return execFileSync(cc, [...extra, '-fno-pie', ...args], { input: input ?? '', encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Token spellings of -E output, without line markers, #pragma/#ident lines joined as one token. */
export function tokenSpellings(text: string): string[] {
  const diag = new Diagnostics(defaultDiagOptions(), () => {});
  const out: string[] = [];
  for (const lineRaw of text.split('\n')) {
    const line = lineRaw.trimStart();
    if (line.startsWith('# ') && /^# \d+ "/.test(line)) continue;
    if (line.startsWith('#pragma') || line.startsWith('#ident')) { out.push(line.replace(/\s+/g, ' ').trim()); continue; }
    if (!line) continue;
    const f = new SourceFile(0, 'x', line);
    for (const t of lex(f, diag)) if (t.kind !== TK.EOF) out.push(t.text);
  }
  return out;
}

/** First difference of two token lists (null if equal), with context. */
export function firstDiff(a: string[], b: string[]): string | null {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return `token ${i}: cc-ts "${a[i]}" vs gcc "${b[i]}"\n  cc-ts: ${a.slice(Math.max(0, i - 15), i + 10).join(' ')}\n  gcc:   ${b.slice(Math.max(0, i - 15), i + 10).join(' ')}`;
  }
  if (a.length !== b.length) return `length ${a.length} vs ${b.length}; tail cc-ts: ${a.slice(n, n + 20).join(' ')} | gcc: ${b.slice(n, n + 20).join(' ')}`;
  return null;
}
