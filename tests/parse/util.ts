// Test helpers for the parser: preprocess C with gcc -E (the project's own preprocessor can replace
// this step: see `Preprocess`), turn the output into parser tokens honouring line markers and #pragma
// lines, and parse it.

import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SourceFile } from '../../src/diag/source';
import { Diagnostics, defaultDiagOptions } from '../../src/diag/diagnostics';
import { lex } from '../../src/lex/lexer';
import { TK, TF, Token } from '../../src/lex/token';
import { TargetLayout, TARGETS, Arch } from '../../targets/layout';
import { parseTranslationUnit, TranslationUnit } from '../../src/parse';

export const GCC: Record<Arch, string> = {
  x86_64: 'gcc', i386: 'gcc', aarch64: 'aarch64-linux-gnu-gcc', riscv64: 'riscv64-linux-gnu-gcc',
};

/** A preprocessing step: C source file path -> preprocessed text (with gcc-style line markers). */
export type Preprocess = (file: string, arch: Arch) => string;

export const gccPreprocess: Preprocess = (file, arch) => {
  const args = ['-E', file];
  if (arch === 'i386') args.unshift('-m32');
  return execFileSync(GCC[arch], args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
};

/**
 * Tokens of preprocessed text. `# N "file"` line markers become #line-style directives of the
 * SourceFile (so diagnostics name the original file and line); `#pragma X` lines become TK.Pragma
 * tokens; other directive lines (#ident) are dropped.
 */
export function tokensFromPreprocessed(text: string, name: string, diag: Diagnostics): Token[] {
  const file = new SourceFile(1, name, text);
  const raw = lex(file, diag);
  const out: Token[] = [];
  const src = file.text;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    if (t.kind === TK.Hash && (t.flags & TF.BOL)) {
      const nl = src.indexOf('\n', t.pos);
      const lineEnd = nl < 0 ? src.length : nl;
      const n = raw[i + 1];
      if (n && n.kind === TK.Number && n.pos < lineEnd) {
        const m = /^#\s*(\d+)\s+"((?:[^"\\]|\\.)*)"/.exec(src.slice(t.pos, lineEnd));
        if (m) file.lineDirectives.push({ pos: lineEnd + 1, line: Number(m[1]), name: m[2].replace(/\\(.)/g, '$1') });
      } else if (n && n.kind === TK.Ident && n.text === 'pragma' && n.pos < lineEnd) {
        const body = src.slice(n.pos + 6, lineEnd).trim();
        out.push(new Token(TK.Pragma, body, file, t.pos, t.flags));
      }
      // skip the rest of the directive line
      while (i + 1 < raw.length && raw[i + 1].pos < lineEnd && raw[i + 1].kind !== TK.EOF) i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

export interface ParseResult {
  tu: TranslationUnit;
  diag: Diagnostics;
  /** Printed diagnostics, one string per line. */
  lines: string[];
  /** Just the "file:line:col: severity: message" lines. */
  messages: string[];
}

/** Parse already-preprocessed text. */
export function parsePreprocessed(text: string, name: string, target: TargetLayout, std = 'gnu17'): ParseResult {
  const lines: string[] = [];
  const opts = defaultDiagOptions();
  opts.caret = false;
  const diag = new Diagnostics(opts, (s) => { for (const l of s.split('\n')) if (l) lines.push(l); });
  const toks = tokensFromPreprocessed(text, name, diag);
  const tu = parseTranslationUnit(toks, { target, std, diag });
  return { tu, diag, lines, messages: lines.filter((l) => /: (error|warning|note|fatal error): /.test(l)) };
}

let tmpDir: string | null = null;
let counter = 0;

/** Preprocess `src` with the target's gcc and parse it. The file is named test.c in messages. */
export function parseC(src: string, arch: Arch = 'x86_64', std = 'gnu17'): ParseResult {
  if (!tmpDir) tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-parse-'));
  const dir = path.join(tmpDir, String(counter++));
  fs.mkdirSync(dir);
  const f = path.join(dir, 'test.c');
  fs.writeFileSync(f, src);
  const text = execFileSync(GCC[arch], [...(arch === 'i386' ? ['-m32'] : []), '-E', `-std=${std}`, 'test.c'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  return parsePreprocessed(text, 'test.c', TARGETS[arch], std);
}

/** Error/warning lines that gcc prints for the same source (with LANG=C quotes). */
export function gccMessages(src: string, arch: Arch = 'x86_64', extra: string[] = []): string[] {
  if (!tmpDir) tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-parse-'));
  const dir = path.join(tmpDir, String(counter++));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'test.c'), src);
  const r = spawnSync(GCC[arch], ['-fsyntax-only', '-fno-diagnostics-show-caret', ...extra, 'test.c'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
  return String(r.stderr ?? '').split('\n').filter((l) => /: (error|warning|note): /.test(l));
}
