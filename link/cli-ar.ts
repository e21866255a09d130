/**
 * `cc-ts ar`: GNU ar's archive maintenance for static libraries.
 *
 *   ar -{r|q|d|t|x|s}[c][s][S][u][T][D][U][v] archive [member...]
 *
 * Operations: r (insert, replacing members of the same name), q (append), d (delete), t (list),
 * x (extract), s (only rewrite the symbol index). Modifiers: c (no "creating" message), s/S (write /
 * omit the index; written by default as with GNU ar), u (replace only older members: needs U), T (thin
 * archive: members are referenced by path, not copied), D (deterministic: zero dates, uids and gids,
 * mode 644; the default, as in Debian's binutils), U (real dates, so that u can compare), v (verbose).
 * Regular archives are written by elf/archive.ts (byte-identical to `ar rcsD`); thin ones here.
 * Errors are printed as `cc-ts ar: ...` with exit status 1; the archive is replaced atomically.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AR_THIN_MAGIC, indexSymbols, isArchive, readArchive, writeArchive } from '../elf/archive';
import { encodeName } from '../elf/bytes';
import { ElfError } from '../elf/error';

class ArError extends Error {}

interface Member { name: string; data: Uint8Array; mtime: number; mode: number }

interface ArOptions { op: string; mods: Set<string>; archive: string; files: string[] }

function parseArgs(argv: string[]): ArOptions {
  const args = argv.filter((a) => !a.startsWith('--plugin') && a !== '--');
  if (args.length === 0) throw new ArError('no operation specified');
  let letters = args[0].replace(/^-/, '');
  let i = 1;
  // `ar -r -c lib.a ...`: further option clusters
  while (i < args.length && /^-[a-zA-Z]+$/.test(args[i])) letters += args[i++].slice(1);
  const ops = [...letters].filter((c) => 'rqdtxsm'.includes(c) && !(c === 's' && /[rqdtxm]/.test(letters)));
  if (ops.length === 0) throw new ArError('no operation specified');
  if (ops.length > 1) throw new ArError('two different operation options specified');
  const mods = new Set([...letters].filter((c) => c !== ops[0]));
  for (const c of mods) if (!'csSuTDUvVPoN'.includes(c)) throw new ArError(`invalid option -- '${c}'`);
  if (i >= args.length) throw new ArError('no archive specified');
  return { op: ops[0], mods, archive: args[i], files: args.slice(i + 1) };
}

function readMembers(file: string): { thin: boolean; members: Member[] } | null {
  let bytes: Uint8Array;
  try { bytes = new Uint8Array(fs.readFileSync(file)); } catch { return null; }
  if (!isArchive(bytes)) throw new ArError(`${file}: file format not recognized`);
  const ar = readArchive(bytes, file);
  const dir = path.dirname(file);
  const members = ar.members.map((m) => {
    const data = m.data ?? (ar.thin ? readFileOr(path.join(dir, m.name)) : new Uint8Array());
    return { name: m.name, data, mtime: 0, mode: m.mode || 0o644 };
  });
  return { thin: ar.thin, members };
}

function readFileOr(p: string): Uint8Array {
  try { return new Uint8Array(fs.readFileSync(p)); } catch { throw new ArError(`${p}: No such file or directory`); }
}

/** A thin archive: an index, a name table holding every member path, and headers without contents. */
function writeThin(members: Member[], withIndex: boolean): Uint8Array {
  const HDR = 60;
  const names: Uint8Array[] = [];
  const nameOff: number[] = [];
  let longSize = 0;
  for (const m of members) { const e = encodeName(m.name + '/\n'); nameOff.push(longSize); names.push(e); longSize += e.length; }
  if (longSize & 1) { names.push(Uint8Array.of(0x0a)); longSize++; }
  const syms: Uint8Array[] = [];
  const symMember: number[] = [];
  if (withIndex) members.forEach((m, i) => { for (const s of indexSymbols(m.data, m.name)) { syms.push(encodeName(s)); symMember.push(i); } });
  let strSize = 0;
  for (const s of syms) strSize += s.length + 1;
  const indexSize = syms.length ? 4 + 4 * syms.length + strSize + (strSize & 1) : 0;
  let pos = 8 + (syms.length ? HDR + indexSize : 0) + (longSize ? HDR + longSize : 0);
  const offsets = members.map(() => { const o = pos; pos += HDR; return o; });
  const out = new Uint8Array(pos);
  const dv = new DataView(out.buffer);
  let p = 0;
  const put = (s: string): void => { for (let k = 0; k < s.length; k++) out[p++] = s.charCodeAt(k); };
  const field = (s: string, n: number): string => s.padEnd(n, ' ');
  const header = (name: string, date: string, ids: string, mode: string, size: number): void => {
    put(field(name, 16) + field(date, 12) + field(ids, 6) + field(ids, 6) + field(mode, 8) + field(String(size), 10) + '`\n');
  };
  put(AR_THIN_MAGIC);
  if (syms.length) {
    header('/', '0', '0', '0', indexSize);
    dv.setUint32(p, syms.length, false); p += 4;
    for (const mi of symMember) { dv.setUint32(p, offsets[mi], false); p += 4; }
    for (const s of syms) { out.set(s, p); p += s.length; out[p++] = 0; }
    if (strSize & 1) out[p++] = 0;
  }
  if (longSize) { header('//', '', '', '', longSize); for (const e of names) { out.set(e, p); p += e.length; } }
  members.forEach((m, i) => header('/' + nameOff[i], '0', '0', '644', m.data.length));
  return out;
}

function modeString(mode: number): string {
  let s = '';
  for (let sh = 6; sh >= 0; sh -= 3) s += (mode >> sh & 4 ? 'r' : '-') + (mode >> sh & 2 ? 'w' : '-') + (mode >> sh & 1 ? 'x' : '-');
  return s;
}

function run(o: ArOptions, out: (s: string) => void, err: (s: string) => void): void {
  const verbose = o.mods.has('v');
  const existing = readMembers(o.archive);
  const thin = o.mods.has('T') || (existing?.thin ?? false);
  const members = existing?.members ?? [];
  const memberName = (file: string): string => (thin ? path.relative(path.dirname(o.archive) || '.', file) : path.basename(file));
  const matches = (m: Member, file: string): boolean => m.name === memberName(file) || m.name === path.basename(file);
  switch (o.op) {
    case 't': case 'x': {
      if (!existing) throw new ArError(`${o.archive}: No such file or directory`);
      const want = o.files.length ? new Set(o.files) : null;
      for (const m of members) {
        if (want && !want.has(m.name)) continue;
        want?.delete(m.name);
        if (o.op === 't') {
          out(verbose ? `${modeString(m.mode)} 0/0 ${String(m.data.length).padStart(6)} Jan  1 00:00 1970 ${m.name}` : m.name);
        } else {
          if (verbose) out(`x - ${m.name}`);
          if (thin) continue;
          fs.writeFileSync(path.basename(m.name), m.data, { mode: m.mode & 0o777 });
        }
      }
      if (want) for (const n of want) err(`no entry ${n} in archive`);
      return;
    }
    case 'd': {
      if (!existing) throw new ArError(`${o.archive}: No such file or directory`);
      for (const f of o.files) {
        const i = members.findIndex((m) => m.name === f);
        if (i < 0) { if (verbose) out(`No member named \`${f}'`); continue; }
        members.splice(i, 1);
        if (verbose) out(`d - ${f}`);
      }
      break;
    }
    case 'r': case 'q': {
      if (o.mods.has('u') && o.mods.has('D')) throw new ArError("`u' is not meaningful with the `D' option.");
      if (o.mods.has('u') && !o.mods.has('U')) { err("`u' modifier ignored since `D' is the default (see `U')"); o.mods.delete('u'); }
      if (!existing && !o.mods.has('c')) err(`creating ${o.archive}`);
      for (const f of o.files) {
        const data = readFileOr(f);
        let mtime = 0;
        try { mtime = Math.floor(fs.statSync(f).mtimeMs / 1000); } catch { /* read above */ }
        const m: Member = { name: memberName(f), data, mtime, mode: 0o644 };
        const at = o.op === 'r' ? members.findIndex((x) => matches(x, f)) : -1;
        if (at >= 0) {
          if (o.mods.has('u') && members[at].mtime >= mtime) continue;
          members[at] = m;
          if (verbose) out(`r - ${f}`);
        } else {
          members.push(m);
          if (verbose) out(`a - ${f}`);
        }
      }
      break;
    }
    case 's':
      if (!existing) throw new ArError(`${o.archive}: No such file or directory`);
      break;
    default:
      throw new ArError(`operation '${o.op}' is not supported`);
  }
  const index = !o.mods.has('S');
  const bytes = thin ? writeThin(members, index) : writeArchive(members.map((m) => ({ name: m.name, data: m.data })), { symbolIndex: index });
  const tmp = `${o.archive}.cc-ts-ar-${process.pid}`;
  fs.writeFileSync(tmp, bytes, { mode: 0o644 });
  fs.renameSync(tmp, o.archive);
}

/** `cc-ts ar ...`: returns the exit status. */
export function arCommand(argv: string[]): number {
  const out = (s: string): void => { process.stdout.write(s + '\n'); };
  const err = (s: string): void => { process.stderr.write(`cc-ts ar: ${s}\n`); };
  try {
    run(parseArgs(argv), out, err);
    return 0;
  } catch (e) {
    if (e instanceof ArError || e instanceof ElfError) {
      if (e.message) err(e.message);
      return 1;
    }
    throw e;
  }
}
