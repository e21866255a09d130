// What Node itself costs on the inputs of the two speed goals that cc-ts does not meet (front end:
// -fsyntax-only of sqlite3.c in at most 0.5x gcc's time with less memory; assembler: gcc's -S output
// of sqlite3.c in at most 1.0x GNU as's time). Each "floor" is a Node program that does a small part
// of the job and none of the rest, written as tightly as Node allows, so its time is a lower bound for
// any Node program that does the whole job:
//
//   node -e 0            start-up alone
//   asm floor            read the .s, split it into lines, look each line up in a hash table (the
//                        assembler's statement cache) and copy a few bytes: no parsing, encoding,
//                        symbols, relaxation, relocations or ELF output
//   C floor              read sqlite3.c and split it into tokens, interning identifiers: no
//                        preprocessing (no header is even read), parsing or semantics
//
// Prints wall time, CPU time and peak memory (medians of N runs; peak memory the maximum) next to GNU
// as, gcc -fsyntax-only and the goals.
//
//   node dist/bench/floor.js [--runs 5] [--file /var/cache/cc-ts-corpus/sqlite3/sqlite3.c]

import { bench as benchCmd, Measure } from './measure';
import * as fs from 'fs';
import * as path from 'path';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const runs = Number(opt('--runs', '5'));
const corpus = process.env.CC_TS_CORPUS ?? '/var/cache/cc-ts-corpus';
const file = opt('--file', path.join(corpus, 'sqlite3/sqlite3.c'));
const asmFile = path.join(corpus, 'asm-cache', `${path.basename(file, '.c')}-O0.s`);

const bench = (label: string, cmd: string[]): Measure => benchCmd(label, cmd, runs, 30);

/** Lines of the .s looked up in a Map by their text without leading blanks; a few bytes copied per line. */
const ASM_FLOOR = `
const text = require('fs').readFileSync(process.argv[1], 'latin1');
const cache = new Map();
const out = new Uint8Array(1 << 20);
let at = 0, pos = 0;
const n = text.length;
while (pos < n) {
  let eol = text.indexOf('\\n', pos);
  if (eol < 0) eol = n;
  let a = pos;
  while (a < eol && (text.charCodeAt(a) === 9 || text.charCodeAt(a) === 32)) a++;
  const line = text.slice(a, eol);
  let bytes = cache.get(line);
  if (bytes === undefined) { bytes = new Uint8Array(line.length & 7); cache.set(line, bytes); }
  if (at + bytes.length > out.length) at = 0;
  out.set(bytes, at);
  at += bytes.length;
  pos = eol + 1;
}
`;

/** C tokens of one file: blanks and comments skipped, identifiers interned, strings and characters
 *  as one token, every other character a token of its own. */
const C_FLOOR = `
const s = require('fs').readFileSync(process.argv[1], 'latin1');
const n = s.length;
const ids = new Map();
let i = 0, tokens = 0;
const word = (c) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
while (i < n) {
  const c = s.charCodeAt(i);
  if (c === 32 || c === 9 || c === 10 || c === 13) { i++; continue; }
  if (c === 47 && s.charCodeAt(i + 1) === 42) { const e = s.indexOf('*/', i + 2); i = e < 0 ? n : e + 2; continue; }
  if (c === 47 && s.charCodeAt(i + 1) === 47) { const e = s.indexOf('\\n', i); i = e < 0 ? n : e; continue; }
  tokens++;
  if (word(c)) {
    let j = i + 1;
    while (j < n && word(s.charCodeAt(j))) j++;
    const w = s.slice(i, j);
    if (!ids.has(w)) ids.set(w, ids.size);
    i = j;
    continue;
  }
  if (c === 34 || c === 39) {
    let j = i + 1;
    while (j < n && s.charCodeAt(j) !== c) j += s.charCodeAt(j) === 92 ? 2 : 1;
    i = j + 1;
    continue;
  }
  i++;
}
if (tokens === 0) process.exitCode = 1;
`;

function main(): void {
  if (!fs.existsSync(file)) {
    console.error(`bench: ${file} not found (run tests/corpus/fetch.sh)`);
    process.exitCode = 1;
    return;
  }
  console.log(`floors of a Node program on ${path.basename(file)}, median of ${runs}`);
  const start = bench('node -e 0', [process.execPath, '-e', '0']);

  console.log('\nfront end: -fsyntax-only, goal at most 0.5x gcc time and less memory than gcc');
  const gcc = bench('gcc -fsyntax-only', ['gcc', '-fsyntax-only', '-w', file]);
  const cf = bench('C floor (tokens only)', [process.execPath, '-e', C_FLOOR, file]);
  const goal = gcc.seconds * 0.5;
  console.log(`goal ${goal.toFixed(2)} s, ${(gcc.kb / 1024).toFixed(0)} MiB; the floor takes ${(cf.seconds / goal).toFixed(2)}x the goal's time`
    + ` (start-up ${(start.seconds / goal).toFixed(2)}x), ${(cf.cpu / (gcc.cpu * 0.5)).toFixed(2)}x half of gcc's CPU time,`
    + ` ${(cf.kb / gcc.kb).toFixed(2)}x gcc's memory`);

  if (!fs.existsSync(asmFile)) {
    console.log(`\n(no ${asmFile}: run node dist/bench/asm.js once to make it)`);
    return;
  }
  console.log(`\nassembler: ${path.basename(asmFile)}, goal at most 1.0x GNU as time`);
  const as = bench('GNU as', ['as', '--64', '-o', '/dev/null', asmFile]);
  const af = bench('asm floor (lines only)', [process.execPath, '-e', ASM_FLOOR, asmFile]);
  console.log(`goal ${as.seconds.toFixed(2)} s; the floor takes ${(af.seconds / as.seconds).toFixed(2)}x the goal's time`
    + ` (start-up ${(start.seconds / as.seconds).toFixed(2)}x), ${(af.cpu / as.cpu).toFixed(2)}x GNU as's CPU time`);
}

main();
