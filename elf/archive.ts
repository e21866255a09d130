/**
 * ar archives, GNU/SysV flavour: read (regular and thin "!<thin>\n" archives, the "/" and "/SYM64/"
 * symbol indexes, the "//" long-name table, BSD "#1/len" names) and write (deterministic, like
 * `ar rcsD`: zero dates/uids/gids, mode 644, a "/" index of the members' defined global symbols).
 *
 * Member header (60 bytes): name[16] date[12] uid[6] gid[6] mode[8] size[10] "`\n"; data is padded
 * to an even offset with "\n". The GNU index is: count (u32 big-endian), count member-header
 * offsets (u32 BE), then the NUL-terminated names, padded with a NUL to an even size.
 */
import { decodeName, encodeName } from './bytes';
import { ET_REL, SHT_SYMTAB, STB_LOCAL } from './constants';
import { ElfError } from './error';
import type * as ReadElf from './read-elf';

export const AR_MAGIC = '!<arch>\n';
export const AR_THIN_MAGIC = '!<thin>\n';
const HDR = 60;

export interface ArchiveMember {
  /** Member name (for thin archives: the path as stored, relative to the archive's directory). */
  name: string;
  /** Offset of the member header in the archive (what the symbol index points at). */
  headerOffset: number;
  /** Size from the header. */
  size: number;
  /** Member contents (a view of the input), or null for thin archive members (read them from `name`). */
  data: Uint8Array | null;
  mode: number;
}

export interface ArchiveSymbol { name: string; member: number }

export interface Archive {
  thin: boolean;
  members: ArchiveMember[];
  /** The symbol index, with member offsets resolved to indices into `members`. */
  symbols: ArchiveSymbol[];
}

export interface ArchiveInput { name: string; data: Uint8Array }

/** True when the bytes start with an ar magic (regular or thin). */
export function isArchive(bytes: Uint8Array): boolean {
  return startsWith(bytes, AR_MAGIC) || startsWith(bytes, AR_THIN_MAGIC);
}

function startsWith(b: Uint8Array, s: string): boolean {
  if (b.length < s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[i] !== s.charCodeAt(i)) return false;
  return true;
}

/** One member header, parsed and range-checked: the member (null for the index and name table). */
interface HeaderRead { rawName: string; size: number; data: Uint8Array | null; member: ArchiveMember | null; next: number }

function readHeader(bytes: Uint8Array, pos: number, thin: boolean, longNames: Uint8Array | null,
                    fail: (m: string) => never): HeaderRead {
  if (pos + HDR > bytes.length) fail('malformed archive: truncated member header');
  if (bytes[pos + 58] !== 0x60 || bytes[pos + 59] !== 0x0a) fail(`malformed archive: bad member header at offset ${pos}`);
  const rawName = field(bytes, pos, 16);
  const size = numberField(bytes, pos + 48, 10, 10, fail);
  const dataStart = pos + HDR;
  const special = rawName === '/' || rawName === '/SYM64/' || rawName === '//';
  const inline = !thin || special;
  if (inline && size > bytes.length - dataStart) fail(`malformed archive: member at offset ${pos} extends past end of file`);
  const data = inline ? bytes.subarray(dataStart, dataStart + size) : null;
  const next = inline ? dataStart + size + (size & 1) : dataStart;
  if (special) return { rawName, size, data, member: null, next };
  const mode = rawName.startsWith('/') ? 0 : numberField(bytes, pos + 40, 8, 8, fail, true);
  let name: string;
  let body = data;
  if (rawName.startsWith('#1/')) {
    const n = Number(rawName.slice(3));
    if (!Number.isInteger(n) || n < 0 || !data || n > data.length) fail(`malformed archive: bad name '${rawName}'`);
    name = decodeName(data!, 0, n).replace(/\0+$/, '');
    body = data!.subarray(n);
  } else if (/^\/\d/.test(rawName)) {
    // Like BFD, take the leading digits: GNU ar can leave a stray '/' at the end of the field.
    name = longName(longNames, parseInt(rawName.slice(1), 10), fail);
  } else {
    name = rawName.endsWith('/') ? rawName.slice(0, -1) : rawName;
  }
  return { rawName, size, data, member: { name, headerOffset: pos, size: body ? body.length : size, data: body, mode }, next };
}

/** Parse an archive. Thin members get data = null. */
export function readArchive(bytes: Uint8Array, file = 'lib.a'): Archive {
  const fail = (m: string): never => { throw new ElfError(file, m); };
  const thin = startsWith(bytes, AR_THIN_MAGIC);
  if (!thin && !startsWith(bytes, AR_MAGIC)) fail('file format not recognized');
  const ar: Archive = { thin, members: [], symbols: [] };
  let longNames: Uint8Array | null = null;
  let index: { offsets: number[]; names: string[] } | null = null;
  let pos = 8;
  while (pos < bytes.length) {
    const h = readHeader(bytes, pos, thin, longNames, fail);
    if (h.rawName === '/' || h.rawName === '/SYM64/') index = parseIndex(h.data!, h.rawName === '/SYM64/' ? 8 : 4, fail);
    else if (h.rawName === '//') longNames = h.data!;
    else ar.members.push(h.member!);
    pos = h.next;
  }
  if (index) {
    const byOffset = new Map<number, number>();
    ar.members.forEach((m, i) => byOffset.set(m.headerOffset, i));
    for (let i = 0; i < index.names.length; i++) {
      const m = byOffset.get(index.offsets[i]);
      if (m === undefined) fail(`malformed archive: symbol index entry '${index.names[i]}' points at no member`);
      ar.symbols.push({ name: index.names[i], member: m! });
    }
  }
  return ar;
}

/**
 * An archive opened for linking: only the symbol index (and the long-name table) is read; members
 * are parsed when they are extracted (memberAt), so a link reads the few hundred members it needs
 * out of a libc.a of thousands. Index names are not decoded: they are hashed in place (FNV-1a over
 * their bytes) into an open-addressing table, and `find` compares a name's characters with the
 * bytes, so a link creates no string per index entry.
 */
export interface LazyArchive {
  file: string;
  bytes: Uint8Array;
  thin: boolean;
  longNames: Uint8Array | null;
  /** Offset of the first regular member header. */
  firstMember: number;
  /** Number of distinct index names, numbered 0..names-1 in order of first appearance. */
  names: number;
  /** Name u's bytes are bytes[nameStart[u] .. nameEnd[u]). */
  nameStart: Int32Array;
  nameEnd: Int32Array;
  /** Header offsets of the members defining name u: offsets[start[u]] .. offsets[start[u + 1] - 1], in index order. */
  start: Int32Array;
  offsets: Float64Array;
  /** Hash table of name numbers + 1 (0 = empty), size a power of two. */
  table: Int32Array;
}

/** FNV-1a over a name's bytes (the same value nameHash gives for its string). */
function hashBytes(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h >>> 0;
}

const utf8enc = new TextEncoder();

/** The hash of a symbol name as hashBytes computes it over the name's UTF-8 bytes. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x80) { const b = utf8enc.encode(name); return hashBytes(b, 0, b.length); }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/** The number of the index name equal to `name` (hash from nameHash), or -1. */
export function findName(ar: LazyArchive, name: string, hash: number): number {
  const mask = ar.table.length - 1;
  const b = ar.bytes;
  let bytes: Uint8Array | null = null;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const e = ar.table[slot];
    if (e === 0) return -1;
    const u = e - 1;
    const st = ar.nameStart[u];
    const len = ar.nameEnd[u] - st;
    if (bytes === null) {
      let same = len === name.length;
      for (let i = 0; same && i < len; i++) if (b[st + i] !== name.charCodeAt(i)) same = false;
      if (same) return u;
      // a name with non-ASCII characters is compared by its UTF-8 bytes
      for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 0x80) { bytes = utf8enc.encode(name); break; }
      if (bytes === null) continue;
    }
    let same = len === bytes.length;
    for (let i = 0; same && i < len; i++) if (b[st + i] !== bytes[i]) same = false;
    if (same) return u;
  }
}

/** Open an archive for lazy member extraction (see LazyArchive). */
export function openArchive(bytes: Uint8Array, file = 'lib.a'): LazyArchive {
  const fail = (m: string): never => { throw new ElfError(file, m); };
  const thin = startsWith(bytes, AR_THIN_MAGIC);
  if (!thin && !startsWith(bytes, AR_MAGIC)) fail('file format not recognized');
  let longNames: Uint8Array | null = null;
  let index: Uint8Array | null = null;
  let width = 4;
  let pos = 8;
  // the index and the name table come before the first regular member
  while (pos < bytes.length) {
    if (pos + HDR > bytes.length) fail('malformed archive: truncated member header');
    if (bytes[pos] !== 0x2f || (bytes[pos + 1] !== 0x20 && bytes[pos + 1] !== 0x2f && bytes[pos + 1] !== 0x53)) break;
    const h = readHeader(bytes, pos, thin, longNames, fail);
    if (h.rawName === '/' || h.rawName === '/SYM64/') { index = h.data; width = h.rawName === '/SYM64/' ? 8 : 4; }
    else if (h.rawName === '//') longNames = h.data;
    else break;
    pos = h.next;
  }
  const ar: LazyArchive = {
    file, bytes, thin, longNames, firstMember: pos, names: 0, nameStart: new Int32Array(0), nameEnd: new Int32Array(0),
    start: new Int32Array(1), offsets: new Float64Array(0), table: new Int32Array(1),
  };
  if (index) lazyIndex(ar, index, width, fail);
  return ar;
}

function lazyIndex(ar: LazyArchive, d: Uint8Array, w: number, fail: (m: string) => never): void {
  const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const read = (p: number): number => (w === 4 ? v.getUint32(p, false) : Number(v.getBigUint64(p, false)));
  if (d.length < w) fail('malformed archive: truncated symbol index');
  const count = read(0);
  if (count > (d.length - w) / w) fail('malformed archive: truncated symbol index');
  let cap = 2;
  while (cap < count * 2) cap *= 2;
  const table = new Int32Array(cap);
  const mask = cap - 1;
  const nameStart = new Int32Array(count);
  const nameEnd = new Int32Array(count);
  const nameOf = new Int32Array(count);
  const delta = d.byteOffset - ar.bytes.byteOffset;
  const b = ar.bytes;
  let names = 0;
  let p = w + count * w;
  for (let i = 0; i < count; i++) {
    const end = d.indexOf(0, p);
    if (end < 0) fail('malformed archive: truncated symbol index names');
    const st = p + delta, en = end + delta, len = en - st;
    let slot = hashBytes(b, st, en) & mask;
    let u = -1;
    for (; ; slot = (slot + 1) & mask) {
      const e = table[slot];
      if (e === 0) break;
      const o = nameStart[e - 1];
      if (nameEnd[e - 1] - o !== len) continue;
      let k = 0;
      while (k < len && b[o + k] === b[st + k]) k++;
      if (k === len) { u = e - 1; break; }
    }
    if (u < 0) { u = names++; nameStart[u] = st; nameEnd[u] = en; table[slot] = u + 1; }
    nameOf[i] = u;
    p = end + 1;
  }
  // group the member offsets by name (counting sort keeps index order within a name)
  const start = new Int32Array(names + 1);
  for (let i = 0; i < count; i++) start[nameOf[i] + 1]++;
  for (let u = 0; u < names; u++) start[u + 1] += start[u];
  const fillAt = start.slice(0, names);
  const offsets = new Float64Array(count);
  for (let i = 0; i < count; i++) offsets[fillAt[nameOf[i]]++] = read(w + i * w);
  Object.assign(ar, { names, nameStart, nameEnd, start, offsets, table });
}

/** The member whose header is at `offset` (an offset from the index), parsed and range-checked. */
export function memberAt(ar: LazyArchive, offset: number): ArchiveMember {
  const fail = (m: string): never => { throw new ElfError(ar.file, m); };
  if (offset < ar.firstMember || offset >= ar.bytes.length) fail(`malformed archive: symbol index entry points at no member (offset ${offset})`);
  const h = readHeader(ar.bytes, offset, ar.thin, ar.longNames, fail);
  if (!h.member) fail(`malformed archive: symbol index entry points at no member (offset ${offset})`);
  return h.member!;
}

/** Every regular member in order (for --whole-archive). */
export function allMembers(ar: LazyArchive): ArchiveMember[] {
  const fail = (m: string): never => { throw new ElfError(ar.file, m); };
  const out: ArchiveMember[] = [];
  for (let pos = ar.firstMember; pos < ar.bytes.length;) {
    const h = readHeader(ar.bytes, pos, ar.thin, ar.longNames, fail);
    if (h.member) out.push(h.member);
    pos = h.next;
  }
  return out;
}

/** A header field with trailing spaces removed. */
function field(b: Uint8Array, off: number, len: number): string {
  let end = off + len;
  while (end > off && b[end - 1] === 0x20) end--;
  return decodeName(b, off, end);
}

function numberField(b: Uint8Array, off: number, len: number, radix: number, fail: (m: string) => never,
                     octal = false): number {
  const s = field(b, off, len);
  if (s === '') return 0;
  const ok = octal ? /^[0-7]+$/.test(s) : /^\d+$/.test(s);
  if (!ok) fail(`malformed archive: bad number '${s}' in a member header`);
  return parseInt(s, octal ? 8 : radix);
}

function parseIndex(d: Uint8Array, w: number, fail: (m: string) => never): { offsets: number[]; names: string[] } {
  const v = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const read = (p: number): number => (w === 4 ? v.getUint32(p, false) : Number(v.getBigUint64(p, false)));
  if (d.length < w) fail('malformed archive: truncated symbol index');
  const count = read(0);
  if (count > (d.length - w) / w) fail('malformed archive: truncated symbol index');
  const offsets: number[] = new Array(count);
  for (let i = 0; i < count; i++) offsets[i] = read(w + i * w);
  const names: string[] = new Array(count);
  let p = w + count * w;
  for (let i = 0; i < count; i++) {
    const end = d.indexOf(0, p);
    if (end < 0) fail('malformed archive: truncated symbol index names');
    names[i] = decodeName(d, p, end);
    p = end + 1;
  }
  return { offsets, names };
}

function longName(tab: Uint8Array | null, off: number, fail: (m: string) => never): string {
  if (!tab || off >= tab.length) fail(`malformed archive: long name offset ${off} out of range`);
  let end = off;
  while (end < tab!.length && tab![end] !== 0x0a && !(tab![end] === 0x2f && tab![end + 1] === 0x0a)) end++;
  return decodeName(tab!, off, end);
}

/**
 * Names that go into the archive index for one member: defined symbols that are not local
 * (global, weak, GNU unique; commons included), in symbol table order. Non-ELF members have none.
 */
export function indexSymbols(data: Uint8Array, name = 'member'): string[] {
  // read-elf is needed for writing archives only (the linker reads objects with link/read-input.ts)
  const { isElf, readElf, readSymbols } = require('./read-elf') as typeof ReadElf;
  if (!isElf(data)) return [];
  const elf = readElf(data, name);
  if (elf.type !== ET_REL) return [];
  const out: string[] = [];
  for (const s of elf.sections) {
    if (s.type !== SHT_SYMTAB) continue;
    for (const sym of readSymbols(elf, s.index)) {
      if (sym.binding !== STB_LOCAL && sym.shndx !== 0 && sym.name !== '') out.push(sym.name);
    }
  }
  return out;
}

/** Write a regular archive the way `ar rcsD` does (byte-identical for ELF members). */
export function writeArchive(members: ArchiveInput[], opts: { symbolIndex?: boolean } = {}): Uint8Array {
  const wantIndex = opts.symbolIndex !== false;
  // Long names: names that do not fit "name/" in 16 bytes, or contain a '/'.
  const nameField: string[] = [];
  const longParts: Uint8Array[] = [];
  let longSize = 0;
  for (const m of members) {
    const base = m.name;
    const enc = encodeName(base);
    if (enc.length <= 15 && !base.includes('/')) { nameField.push(base + '/'); continue; }
    nameField.push('/' + longSize);
    const entry = encodeName(base + '/\n');
    longParts.push(entry);
    longSize += entry.length;
  }
  // The symbol index.
  const symNames: Uint8Array[] = [];
  const symMember: number[] = [];
  if (wantIndex) {
    members.forEach((m, i) => {
      for (const s of indexSymbols(m.data, m.name)) { symNames.push(encodeName(s)); symMember.push(i); }
    });
  }
  // GNU ar pads the long-name table to an even size with '\n' and counts the pad in its size.
  if (longSize & 1) { longParts.push(Uint8Array.of(0x0a)); longSize++; }
  const hasIndex = symNames.length > 0;
  let strSize = 0;
  for (const s of symNames) strSize += s.length + 1;
  const indexSize = hasIndex ? 4 + 4 * symNames.length + strSize + (strSize & 1) : 0;

  // Layout: member header offsets.
  let pos = 8;
  if (hasIndex) pos += HDR + indexSize;
  if (longSize > 0) pos += HDR + longSize;
  const offsets: number[] = [];
  for (const m of members) { offsets.push(pos); pos += HDR + m.data.length + (m.data.length & 1); }

  const out = new Uint8Array(pos);
  const dv = new DataView(out.buffer);
  let p = 0;
  const put = (s: string): void => { for (let i = 0; i < s.length; i++) out[p++] = s.charCodeAt(i); };
  const pad = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
  const header = (name: string, date: string, uid: string, gid: string, mode: string, size: number): void => {
    const nb = encodeName(name);
    out.set(nb.subarray(0, 16), p);
    out.fill(0x20, p + nb.length, p + 16);
    p += 16;
    put(pad(date, 12) + pad(uid, 6) + pad(gid, 6) + pad(mode, 8) + pad(String(size), 10) + '`\n');
  };
  put(AR_MAGIC);
  if (hasIndex) {
    header('/', '0', '0', '0', '0', indexSize);
    dv.setUint32(p, symNames.length, false); p += 4;
    for (const mi of symMember) { dv.setUint32(p, offsets[mi], false); p += 4; }
    for (const s of symNames) { out.set(s, p); p += s.length; out[p++] = 0; }
    if (strSize & 1) out[p++] = 0;
  }
  if (longSize > 0) {
    header('//', '', '', '', '', longSize);
    for (const e of longParts) { out.set(e, p); p += e.length; }
  }
  members.forEach((m, i) => {
    header(nameField[i], '0', '0', '0', '644', m.data.length);
    out.set(m.data, p); p += m.data.length;
    if (m.data.length & 1) out[p++] = 0x0a;
  });
  return out;
}
