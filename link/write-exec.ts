/**
 * The ELF executable writer: header, program headers, section contents (input sections with their
 * relocations applied, data statements, fill patterns), .symtab/.strtab/.shstrtab and the section
 * header table. Also the raw binary writer (--oformat binary: the loadable contents from the lowest
 * LMA to the highest, gaps zero-filled, as objcopy -O binary does).
 */
import { createHash } from 'crypto';
import { ET_EXEC, SHF_ALLOC, SHN_ABS, SHT_NOBITS, SHT_STRTAB, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FILE, STT_SECTION,
  STT_TLS } from '../elf/constants';
import { ehdrSize, nullSectionHeader, phdrSize, shdrSize, writeElfHeader, writeProgramHeader, writeSectionHeader } from '../elf/headers';
import { LinkContext, OutputSection, Sym, SymKind } from './context';
import { Segment } from './phdrs';
import { relocateSection } from './relocate';
import { isLocalLabel, SHF_MERGE } from './merge';
import { symbolAddress } from './symbols';
import { writeEhFrameHdr } from './eh-frame';

/** Copy section contents into `buf` and apply relocations. */
export function writeSectionContents(ctx: LinkContext, outs: OutputSection[], buf: Uint8Array): void {
  for (const o of outs) {
    if (o.removed || o.type === SHT_NOBITS) continue;
    const start = o.offset;
    fillGaps(ctx, o, buf);
    for (const it of o.items) {
      if (it.k === 'sec') {
        const sec = it.sec;
        if (sec.type === SHT_NOBITS || sec.discarded || sec.size === 0) continue;
        const at = start + sec.offset;
        buf.set(sec.data.length === sec.size ? sec.data : sec.data.subarray(0, sec.size), at);
        if (sec.relocs.count) relocateSection(ctx, sec, buf, at);
      } else if (it.k === 'data') {
        ctx.target.write(buf, start + it.offset, it.size, it.value);
      }
    }
  }
}

/**
 * Gaps between contents: the =fill pattern, or the one of the last FILL() before the gap, repeated from
 * the gap's start (as GNU ld writes its padding); with no pattern, code sections get the target's
 * no-op instructions and others stay zero.
 */
function fillGaps(ctx: LinkContext, o: OutputSection, buf: Uint8Array): void {
  let end = 0;
  let pat = o.fill;
  const code = (o.flags & 4) !== 0;
  const fill = (from: number, to: number): void => {
    if (to <= from) return;
    if (pat) fillRange(buf, o.offset + from, o.offset + to, pat);
    else if (code) ctx.target.codeFill(buf, o.offset + from, to - from);
  };
  for (const it of o.items) {
    if (it.k === 'fillFrom') { fill(end, it.offset); end = Math.max(end, it.offset); pat = it.pat; continue; }
    const off = it.k === 'sec' ? it.sec.offset : it.k === 'data' ? it.offset : end;
    const size = it.k === 'sec' ? it.sec.size : it.k === 'data' ? it.size : 0;
    fill(end, off);
    end = Math.max(end, off + size);
  }
  fill(end, o.size);
}

function fillRange(buf: Uint8Array, from: number, to: number, pat: Uint8Array): void {
  for (let i = from, j = 0; i < to; i++, j++) buf[i] = pat[j % pat.length];
}

/**
 * The .symtab entries in output order (file symbols and locals per file, then globals made local by
 * hidden/internal visibility, then the rest), with their names already in `strtab`.
 */
interface SymList { syms: Sym[]; name: Int32Array; local: Uint8Array; count: number; firstGlobal: number }

function buildSymbols(ctx: LinkContext, strtab: StringTable): SymList {
  const syms: Sym[] = [];
  const hidden: Sym[] = [];
  const globals: Sym[] = [];
  for (const f of ctx.objects) {
    let fileSym = false;
    const fsyms = f.syms;
    for (let i = 1; i < fsyms.length; i++) {
      const s = fsyms[i];
      if (!s.isLocal || s.type === STT_SECTION || s.type === STT_FILE || s.name === '') continue;
      if (s.section && (s.section.discarded || !s.section.out || s.section.out.removed)) continue;
      // GNU ld's default --discard-locals for merge sections: their local labels (.L*) go
      if (s.section && (s.section.flags & SHF_MERGE) && isLocalLabel(s.name)) continue;
      if (!fileSym) {
        // an object without an STT_FILE symbol gets one named after it, as GNU ld does
        let fs = fsyms.find((x) => x.isLocal && x.type === STT_FILE);
        if (!fs) { fs = new Sym(f.name.slice(f.name.lastIndexOf('/') + 1)); fs.type = STT_FILE; fs.isLocal = true; }
        syms.push(fs);
        fileSym = true;
      }
      syms.push(s);
    }
    if (!fileSym) {
      // an object's own STT_FILE symbol is listed even when none of its other locals is (GNU ld)
      const fs = fsyms.find((x) => x.isLocal && x.type === STT_FILE && x.name !== '');
      if (fs) syms.push(fs);
    }
  }
  // -u and EXTERN names that nothing defined stay in the table as undefined, as with GNU ld
  const forced = new Set([...ctx.opts.undefined, ...ctx.script.externs]);
  const globalNames = new Map<Sym, number>();
  for (const s of syms) strtab.add(s.name);
  for (const s of ctx.symbols.values()) {
    if (s.kind !== SymKind.Defined && !(s.kind === SymKind.Undefined && s.referenced && (s.binding === STB_WEAK || forced.has(s.name)))) continue;
    if (s.kind === SymKind.Undefined && (!s.referenced || s.visibility === 2)) continue;
    if (s.section && (s.section.discarded || !s.section.out)) continue;
    const vis = s.visibility;
    // names go into .strtab in this order (hidden and global ones mixed)
    globalNames.set(s, strtab.add(s.name));
    // GNU ld (static): hidden symbols the linker makes local (forcedLocal) are local with the
    // visibility cleared; hidden symbols of objects stay global (or weak) with their visibility
    if ((vis === 2 || vis === 1) && s.kind === SymKind.Defined && s.forcedLocal) hidden.push(s); else globals.push(s);
  }
  // they follow an STT_FILE symbol with an empty name, after the objects' local symbols
  if (hidden.length && syms.length) {
    const fs = new Sym('');
    fs.type = STT_FILE;
    fs.isLocal = true;
    hidden.unshift(fs);
    globalNames.set(fs, strtab.add(''));
  }
  const firstGlobal = 1 + syms.length + hidden.length;
  const count = firstGlobal + globals.length;
  const name = new Int32Array(count);
  const local = new Uint8Array(count);
  const all: Sym[] = [new Sym('')];
  let k = 1;
  for (const list of [syms, hidden, globals]) {
    for (const s of list) {
      name[k] = list === syms ? strtab.add(s.name) : globalNames.get(s)!;
      local[k] = list === globals ? 0 : 1;
      all.push(s);
      k++;
    }
  }
  return { syms: all, name, local, count, firstGlobal };
}

/** Write the .symtab entries at `p`. */
/**
 * For a symbol in an output section that was removed (empty): the kept allocated section before it
 * when that one reaches its address, else the next one, else the one before (GNU's nearby section).
 */
function nearbySection(ctx: LinkContext, o: OutputSection): OutputSection {
  const outs = ctx.outputs;
  const at = outs.indexOf(o);
  let prev: OutputSection | null = null;
  for (let i = at - 1; i >= 0; i--) if (!outs[i].removed && (outs[i].flags & SHF_ALLOC)) { prev = outs[i]; break; }
  if (prev && o.addr < prev.addr + BigInt(prev.size)) return prev;
  for (let i = at + 1; i < outs.length; i++) if (!outs[i].removed && (outs[i].flags & SHF_ALLOC)) return outs[i];
  return prev ?? o;
}

function writeSymbols(ctx: LinkContext, list: SymList, view: DataView, p: number): void {
  const cls = ctx.target.cls;
  const shndx = (s: Sym): number => {
    if (s.scriptDefined) return s.outSection ? (s.outSection.removed ? nearbySection(ctx, s.outSection).index : s.outSection.index) : SHN_ABS;
    if (s.section) {
      const o = s.section.out;
      if (!o || s.section.discarded) return 0;
      return o.removed ? nearbySection(ctx, o).index : o.index;
    }
    return s.absolute ? SHN_ABS : 0;
  };
  const symSize = cls === 64 ? 24 : 16;
  p += symSize; // entry 0 stays zero
  for (let k = 1; k < list.count; k++, p += symSize) {
    const s = list.syms[k];
    let value = 0n, size = 0n, info: number, other: number, ndx: number;
    if (s.type === STT_FILE) { info = STT_FILE; other = 0; ndx = SHN_ABS; }
    else {
      if (s.kind === SymKind.Defined) {
        value = symbolAddress(s);
        if (s.type === STT_TLS && s.section?.out) value -= ctx.tlsStart;
      }
      size = s.size;
      other = list.local[k] && !s.isLocal ? 0 : s.visibility;
      ndx = s.kind === SymKind.Defined ? shndx(s) : 0;
      if (s.isLocal) info = s.type;
      else info = (list.local[k] ? STB_LOCAL : s.binding === STB_WEAK ? STB_WEAK : STB_GLOBAL) << 4 | s.type;
    }
    if (cls === 64) {
      view.setUint32(p, list.name[k], true); view.setUint8(p + 4, info); view.setUint8(p + 5, other);
      view.setUint16(p + 6, ndx, true);
      setU64(view, p + 8, value);
      setU64(view, p + 16, size);
    } else {
      view.setUint32(p, list.name[k], true); view.setUint32(p + 4, Number(BigInt.asUintN(32, value)), true);
      view.setUint32(p + 8, Number(BigInt.asUintN(32, size)), true); view.setUint8(p + 12, info);
      view.setUint8(p + 13, other); view.setUint16(p + 14, ndx, true);
    }
  }
}

/** A 64-bit field from a bigint (no allocation for values below 2^32). */
function setU64(view: DataView, p: number, v: bigint): void {
  if (v >= 0n && v < 0x100000000n) { view.setUint32(p, Number(v), true); view.setUint32(p + 4, 0, true); }
  else view.setBigUint64(p, BigInt.asUintN(64, v), true);
}

/** Serialise the executable. */
export function writeExecutable(ctx: LinkContext, outs: OutputSection[], segs: Segment[], endOfSections: number): Uint8Array {
  const cls = ctx.target.cls;
  const live = outs.filter((o) => !o.removed && !(ctx.opts.strip !== 'none' && /^\.(debug|line|stab|zdebug|gnu\.debuglto)/.test(o.name) && !(o.flags & SHF_ALLOC)));
  live.forEach((o, i) => { o.index = i + 1; });
  const shstr = new StringTable();
  const strtab = new StringTable();
  const withSymtab = ctx.opts.strip !== 'all';
  const symList = withSymtab ? buildSymbols(ctx, strtab) : null;
  const nsyms = symList ? symList.count : 0;
  const names = live.map((o) => shstr.add(o.name));
  const symtabName = withSymtab ? shstr.add('.symtab') : 0;
  const strtabName = withSymtab ? shstr.add('.strtab') : 0;
  const shstrName = shstr.add('.shstrtab');
  const symSize = cls === 64 ? 24 : 16;
  const align = cls === 64 ? 8 : 4;
  let off = endOfSections;
  const symOff = withSymtab ? (off = alignTo(off, align)) : 0;
  if (withSymtab) off += nsyms * symSize;
  const strBytes = withSymtab ? strtab.finish() : new Uint8Array(0);
  const strOff = off;
  off += strBytes.length;
  const shstrBytes = shstr.finish();
  const shstrOff = off;
  off += shstrBytes.length;
  const shoff = alignTo(off, align);
  const shnum = live.length + 1 + (withSymtab ? 2 : 0) + 1;
  const total = shoff + shnum * shdrSize(cls);
  const buf = new Uint8Array(total);
  const view = new DataView(buf.buffer);
  writeSectionContents(ctx, live, buf);
  writeEhFrameHdr(ctx, buf);
  // program headers
  const phoff = ehdrSize(cls);
  segs.forEach((s, i) => writeProgramHeader(view, phoff + i * phdrSize(cls), cls, {
    type: s.type, flags: s.flags, offset: s.offset, vaddr: s.vaddr, paddr: s.paddr, filesz: s.filesz, memsz: s.memsz, align: s.align,
  }));
  // symbols
  if (symList) {
    writeSymbols(ctx, symList, view, symOff);
    buf.set(strBytes, strOff);
  }
  buf.set(shstrBytes, shstrOff);
  // section headers
  const symtabIndex = live.length + 1;
  const shstrIndex = shnum - 1;
  const sh = (i: number): number => shoff + i * shdrSize(cls);
  writeSectionHeader(view, sh(0), cls, nullSectionHeader(shnum, shstrIndex));
  live.forEach((o, i) => {
    let link = o.link;
    let info = o.info;
    if (ctx.relaIplt && o === ctx.relaIplt.out) { link = withSymtab ? symtabIndex : 0; info = ctx.gotPlt?.out?.index ?? 0; }
    writeSectionHeader(view, sh(i + 1), cls, {
      name: names[i], type: o.type, flags: o.flags, addr: o.addr, offset: o.offset, size: o.size, link, info,
      addralign: o.align, entsize: o.entsize,
    });
  });
  if (withSymtab) {
    writeSectionHeader(view, sh(symtabIndex), cls, { name: symtabName, type: SHT_SYMTAB, flags: 0, addr: 0n, offset: symOff, size: nsyms * symSize, link: symtabIndex + 1, info: symList!.firstGlobal, addralign: align, entsize: symSize });
    writeSectionHeader(view, sh(symtabIndex + 1), cls, { name: strtabName, type: SHT_STRTAB, flags: 0, addr: 0n, offset: strOff, size: strBytes.length, link: 0, info: 0, addralign: 1, entsize: 0 });
  }
  writeSectionHeader(view, sh(shstrIndex), cls, { name: shstrName, type: SHT_STRTAB, flags: 0, addr: 0n, offset: shstrOff, size: shstrBytes.length, link: 0, info: 0, addralign: 1, entsize: 0 });
  writeElfHeader(view, {
    class: cls, type: ET_EXEC, machine: ctx.target.machine, osabi: ctx.objects.some((f) => f.osabi === 3) && ctx.ipltEntries.length ? 3 : 0, abiversion: 0,
    flags: ctx.objects[0]?.eflags ?? 0, entry: ctx.entryAddr, phoff, phnum: segs.length, shoff, shnum, shstrndx: shstrIndex,
  });
  fillBuildId(ctx, buf);
  return buf;
}

/** --build-id: a hash of the whole file (with the note's descriptor still zero), deterministic. */
export function fillBuildId(ctx: LinkContext, buf: Uint8Array): void {
  const n = ctx.buildIdNote;
  if (!n || !n.out || ctx.opts.buildId.startsWith('0x')) return;
  const at = n.out.offset + n.offset + 16;
  const len = new DataView(buf.buffer, buf.byteOffset).getUint32(n.out.offset + n.offset + 4, true);
  const algo = ctx.opts.buildId === 'md5' || ctx.opts.buildId === 'uuid' ? 'md5' : 'sha1';
  const digest = createHash(algo).update(buf).digest();
  buf.set(digest.subarray(0, len), at);
}

/** A string table that hands out offsets as strings are added (no tail merging: linking is hot). */
export class StringTable {
  private map = new Map<string, number>();
  private buf = new Uint8Array(1 << 16);
  private size = 1;
  add(s: string): number {
    if (s === '') return 0;
    const o = this.map.get(s);
    if (o !== undefined) return o;
    const off = this.size;
    const n = Buffer.byteLength(s, 'utf8');
    if (off + n + 1 > this.buf.length) {
      const nb = new Uint8Array(Math.max(this.buf.length * 2, off + n + 1));
      nb.set(this.buf.subarray(0, off));
      this.buf = nb;
    }
    // native writes: one byte per character when the name is ASCII
    if (n === s.length) latin1Write.call(this.buf, s, off, n); else utf8.encodeInto(s, this.buf.subarray(off));
    this.buf[off + n] = 0;
    this.size = off + n + 1;
    this.map.set(s, off);
    return off;
  }
  finish(): Uint8Array { return this.buf.subarray(0, this.size); }
}

const utf8 = new TextEncoder();
const latin1Write = (Buffer.prototype as unknown as { latin1Write(this: Uint8Array, s: string, off: number, len: number): number }).latin1Write;

function alignTo(v: number, a: number): number { return Math.ceil(v / a) * a; }

/** --oformat binary: loadable section contents laid out by load address. */
export function writeBinary(ctx: LinkContext, outs: OutputSection[]): Uint8Array {
  const loads = outs.filter((o) => !o.removed && (o.flags & SHF_ALLOC) && o.type !== SHT_NOBITS && o.size > 0);
  if (!loads.length) return new Uint8Array(0);
  let lo = loads[0].lma;
  let hi = 0n;
  for (const o of loads) {
    if (o.lma < lo) lo = o.lma;
    const e = o.lma + BigInt(o.size);
    if (e > hi) hi = e;
  }
  const size = Number(hi - lo);
  if (size > 1 << 30) throw new Error(`binary image would be ${size} bytes`);
  // lay out contents in a scratch ELF-offset space, then copy each section to its LMA offset
  let scratchSize = 0;
  for (const o of loads) scratchSize = Math.max(scratchSize, o.offset + o.size);
  const scratch = new Uint8Array(scratchSize);
  writeSectionContents(ctx, loads, scratch);
  const out = new Uint8Array(size);
  for (const o of loads) out.set(scratch.subarray(o.offset, o.offset + o.size), Number(o.lma - lo));
  return out;
}
