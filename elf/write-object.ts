/**
 * ObjectFile -> ELF relocatable object bytes (ET_REL, ELF32 or ELF64, little-endian).
 *
 * The output imitates GNU as 2.40 so that `readelf -S -s -r` of both agree:
 *  - section headers: null, the model's sections in order, each followed by its .rela/.rel section,
 *    then .symtab, .symtab_shndx (only when .symtab's index is >= 0xfefe, as BFD decides), .strtab,
 *    .shstrtab. No .symtab/.strtab when there are no symbols and no relocations.
 *  - file layout: header, section contents in header order (aligned), .symtab, .symtab_shndx,
 *    .strtab, the relocation sections, .shstrtab, then the section header table (aligned to 8 or 4).
 *  - symbols: null, locals (stable), then the rest; sh_info = first non-local.
 *  - string tables are tail-merged the way BFD does it (see strtab.ts).
 *  - more than 0xff00 sections: e_shnum = 0 and e_shstrndx = SHN_XINDEX with the real values in
 *    section 0's sh_size and sh_link; symbol indices >= 0xff00 go through .symtab_shndx.
 */
import { alignUp } from './bytes';
import {
  REL32_SIZE, REL64_SIZE, RELA32_SIZE, RELA64_SIZE, SHF_GROUP, SHF_INFO_LINK, SHN_LORESERVE, SHN_XINDEX,
  SHT_GROUP, SHT_NOBITS, SHT_REL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB, SHT_SYMTAB_SHNDX, STB_LOCAL,
  SYM32_SIZE, SYM64_SIZE, ET_REL,
} from './constants';
import { ElfError } from './error';
import {
  ehdrSize, nullSectionHeader, SectionHeaderFields, shdrSize, writeElfHeader, writeSectionHeader,
} from './headers';
import { LINK_SYMTAB, ObjectFile, ObjSection, sectionSize } from './object';
import { StringTable } from './strtab';

/** One output section: its header fields and its bytes (null for NOBITS). */
interface OutSection { hdr: SectionHeaderFields; data: Uint8Array | null }

/** BFD adds .symtab_shndx when the symbol table's own index reaches this value. */
const SHNDX_THRESHOLD = 0xfefe;
/** Largest object we build in memory (typed arrays stop at 2^31 - 1 bytes in older engines). */
const MAX_OUTPUT = 0x7fffffff;

export function writeObject(obj: ObjectFile, file = 'a.o'): Uint8Array {
  const cls = obj.class;
  const is64 = cls === 64;
  const nsec = obj.sections.length;

  // Pass 1: symbol order (locals first) and section numbering.
  const symOrder = orderSymbols(obj);
  const symIndex = new Int32Array(obj.symbols.length);
  symOrder.forEach((m, i) => { symIndex[m] = i; });
  const firstGlobal = countLocals(obj, symOrder);

  const outIndex = new Int32Array(nsec);
  const relIndex = new Int32Array(nsec);
  let next = 1;
  let anyRelocs = false;
  for (let i = 1; i < nsec; i++) {
    outIndex[i] = next++;
    if (obj.sections[i].relocs.length > 0) { relIndex[i] = next++; anyRelocs = true; }
  }
  const needSymtab = obj.symbols.length > 1 || anyRelocs;
  const symtabIdx = needSymtab ? next++ : 0;
  const shndxIdx = needSymtab && symtabIdx >= SHNDX_THRESHOLD ? next++ : 0;
  const strtabIdx = needSymtab ? next++ : 0;
  const shstrIdx = next++;
  const shnum = next;

  // Pass 2: string tables, in the order BFD adds the names.
  const shstr = new StringTable();
  if (needSymtab) { shstr.add('.symtab'); shstr.add('.strtab'); }
  shstr.add('.shstrtab');
  const relPrefix = obj.rela ? '.rela' : '.rel';
  // GNU as creates its group sections last, so their names come after all the others.
  for (let i = 1; i < nsec; i++) {
    if (obj.sections[i].type === SHT_GROUP) continue;
    shstr.add(obj.sections[i].name);
    if (relIndex[i]) shstr.add(relPrefix + obj.sections[i].name);
  }
  for (let i = 1; i < nsec; i++) {
    if (obj.sections[i].type !== SHT_GROUP) continue;
    shstr.add(obj.sections[i].name);
    if (relIndex[i]) shstr.add(relPrefix + obj.sections[i].name);
  }
  if (shndxIdx) shstr.add('.symtab_shndx');
  const strtab = new StringTable();
  for (let i = 1; i < symOrder.length; i++) strtab.add(obj.symbols[symOrder[i]].name);
  const shstrData = shstr.finalize();
  const strData = strtab.finalize();

  const mapSection = (m: number, what: string): number => {
    if (m === LINK_SYMTAB) return symtabIdx;
    if (!Number.isInteger(m) || m < 0 || m >= nsec) throw new ElfError(file, `${what}: invalid section index ${m}`);
    return outIndex[m];
  };
  const symbolIndex = (s: number, what: string): number => {
    if (!Number.isInteger(s) || s < 0 || s >= obj.symbols.length) throw new ElfError(file, `${what}: invalid symbol index ${s}`);
    return symIndex[s];
  };

  // Pass 3: the output sections in header order.
  const out: OutSection[] = new Array(shnum);
  out[0] = { hdr: nullSectionHeader(shnum, shstrIdx), data: null };
  for (let i = 1; i < nsec; i++) {
    const sec = obj.sections[i];
    out[outIndex[i]] = contentSection(file, sec, shstr, relIndex, symtabIdx, mapSection, symbolIndex);
    if (relIndex[i]) {
      out[relIndex[i]] = relocSection(obj, sec, relPrefix, shstr, outIndex[i], symtabIdx, symbolIndex);
    }
  }
  let symData: Uint8Array | null = null, shndxData: Uint8Array | null = null;
  if (needSymtab) {
    [symData, shndxData] = buildSymtab(obj, symOrder, strtab, outIndex, shndxIdx !== 0, file);
    out[symtabIdx] = {
      hdr: header(shstr.offsetOf('.symtab'), SHT_SYMTAB, 0, symData.length, strtabIdx, firstGlobal, is64 ? 8 : 4, is64 ? SYM64_SIZE : SYM32_SIZE),
      data: symData,
    };
    if (shndxIdx) {
      out[shndxIdx] = { hdr: header(shstr.offsetOf('.symtab_shndx'), SHT_SYMTAB_SHNDX, 0, shndxData!.length, symtabIdx, 0, 4, 4), data: shndxData };
    }
    out[strtabIdx] = { hdr: header(shstr.offsetOf('.strtab'), SHT_STRTAB, 0, strData.length, 0, 0, 1, 0), data: strData };
  }
  out[shstrIdx] = { hdr: header(shstr.offsetOf('.shstrtab'), SHT_STRTAB, 0, shstrData.length, 0, 0, 1, 0), data: shstrData };

  // Pass 4: file offsets, GNU as order: contents, symtab, shndx, strtab, relocations, shstrtab, headers.
  let off = ehdrSize(cls);
  const place = (idx: number): void => {
    const o = out[idx];
    off = alignUp(off, o.hdr.addralign);
    o.hdr.offset = off;
    if (o.hdr.type !== SHT_NOBITS) off += o.hdr.size;
  };
  for (let i = 1; i < nsec; i++) place(outIndex[i]);
  if (needSymtab) { place(symtabIdx); if (shndxIdx) place(shndxIdx); place(strtabIdx); }
  for (let i = 1; i < nsec; i++) if (relIndex[i]) place(relIndex[i]);
  place(shstrIdx);
  const shoff = alignUp(off, is64 ? 8 : 4);
  const total = shoff + shnum * shdrSize(cls);
  if (total > MAX_OUTPUT || (!is64 && total > 0xffffffff)) throw new ElfError(file, `object too large (${total} bytes)`);

  // Pass 5: write.
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  writeElfHeader(view, {
    class: cls, type: ET_REL, machine: obj.machine, osabi: obj.osabi, abiversion: obj.abiversion,
    flags: obj.flags, entry: 0n, phoff: 0, phnum: 0, shoff, shnum, shstrndx: shstrIdx,
  });
  const shsz = shdrSize(cls);
  for (let i = 0; i < shnum; i++) {
    const o = out[i];
    if (o.data) bytes.set(o.data, o.hdr.offset);
    writeSectionHeader(view, shoff + i * shsz, cls, o.hdr);
  }
  return bytes;
}

function header(name: number, type: number, flags: number, size: number, link: number, info: number,
                addralign: number, entsize: number): SectionHeaderFields {
  return { name, type, flags, addr: 0n, offset: 0, size, link, info, addralign, entsize };
}

/** Model symbol indices in output order: null, locals, then the rest (both stable). */
function orderSymbols(obj: ObjectFile): number[] {
  const order = [0];
  const syms = obj.symbols;
  for (let i = 1; i < syms.length; i++) if (syms[i].binding === STB_LOCAL) order.push(i);
  for (let i = 1; i < syms.length; i++) if (syms[i].binding !== STB_LOCAL) order.push(i);
  return order;
}

function countLocals(obj: ObjectFile, order: number[]): number {
  let n = 1;
  while (n < order.length && obj.symbols[order[n]].binding === STB_LOCAL) n++;
  return n;
}

function contentSection(file: string, sec: ObjSection, shstr: StringTable,
                        relIndex: Int32Array, symtabIdx: number,
                        mapSection: (m: number, what: string) => number,
                        symbolIndex: (s: number, what: string) => number): OutSection {
  const what = `section '${sec.name}'`;
  if (sec.type === SHT_GROUP) {
    const g = sec.group;
    if (!g) throw new ElfError(file, `${what}: SHT_GROUP section without group data`);
    const words: number[] = [g.flags];
    for (const m of g.members) {
      words.push(mapSection(m, what));
      if (m > 0 && m < relIndex.length && relIndex[m]) words.push(relIndex[m]);
    }
    const data = new Uint8Array(words.length * 4);
    const dv = new DataView(data.buffer);
    words.forEach((w, k) => dv.setUint32(k * 4, w >>> 0, true));
    return {
      hdr: header(shstr.offsetOf(sec.name), SHT_GROUP, sec.flags, data.length, symtabIdx,
                  symbolIndex(g.signature, what), sec.addralign, sec.entsize),
      data,
    };
  }
  const size = sectionSize(sec);
  const link = sec.link === 0 ? 0 : mapSection(sec.link, what);
  const info = (sec.flags & SHF_INFO_LINK) !== 0 && sec.info !== 0 ? mapSection(sec.info, what) : sec.info;
  return {
    hdr: header(shstr.offsetOf(sec.name), sec.type, sec.flags, size, link, info, sec.addralign, sec.entsize),
    data: sec.type === SHT_NOBITS ? null : sec.data,
  };
}

function relocSection(obj: ObjectFile, sec: ObjSection, prefix: string, shstr: StringTable, target: number,
                      symtabIdx: number, symbolIndex: (s: number, what: string) => number): OutSection {
  const is64 = obj.class === 64;
  const entsize = is64 ? (obj.rela ? RELA64_SIZE : REL64_SIZE) : (obj.rela ? RELA32_SIZE : REL32_SIZE);
  const relocs = sec.relocs;
  const data = new Uint8Array(relocs.length * entsize);
  const dv = new DataView(data.buffer);
  const what = `relocation in section '${sec.name}'`;
  for (let k = 0, p = 0; k < relocs.length; k++, p += entsize) {
    const r = relocs[k];
    const sym = symbolIndex(r.symbol, what);
    if (is64) {
      dv.setUint32(p, r.offset % 0x100000000, true);
      dv.setUint32(p + 4, Math.floor(r.offset / 0x100000000), true);
      dv.setUint32(p + 8, r.type >>> 0, true);
      dv.setUint32(p + 12, sym, true);
      if (obj.rela) dv.setBigInt64(p + 16, BigInt.asIntN(64, r.addend), true);
    } else {
      dv.setUint32(p, r.offset, true);
      dv.setUint32(p + 4, ((sym << 8) | (r.type & 0xff)) >>> 0, true);
      if (obj.rela) dv.setInt32(p + 8, Number(BigInt.asIntN(32, r.addend)), true);
    }
  }
  const flags = (SHF_INFO_LINK | (sec.flags & SHF_GROUP)) >>> 0;
  return {
    hdr: header(shstr.offsetOf(prefix + sec.name), obj.rela ? SHT_RELA : SHT_REL, flags, data.length,
                symtabIdx, target, is64 ? 8 : 4, entsize),
    data,
  };
}

/** The .symtab bytes, and the .symtab_shndx bytes when wanted. */
function buildSymtab(obj: ObjectFile, order: number[], strtab: StringTable, outIndex: Int32Array,
                     wantShndx: boolean, file: string): [Uint8Array, Uint8Array | null] {
  const is64 = obj.class === 64;
  const entsize = is64 ? SYM64_SIZE : SYM32_SIZE;
  const data = new Uint8Array(order.length * entsize);
  const dv = new DataView(data.buffer);
  const shndx = wantShndx ? new Uint8Array(order.length * 4) : null;
  const xv = shndx ? new DataView(shndx.buffer) : null;
  for (let i = 1; i < order.length; i++) {
    const s = obj.symbols[order[i]];
    let ndx: number;
    if (s.section > 0) {
      if (s.section >= outIndex.length) throw new ElfError(file, `symbol '${s.name}': invalid section index ${s.section}`);
      ndx = outIndex[s.section];
    } else if (s.section === 0) ndx = 0;
    else {
      ndx = -s.section;
      if (ndx < SHN_LORESERVE || ndx > 0xffff) throw new ElfError(file, `symbol '${s.name}': invalid special section index ${ndx}`);
    }
    let field = ndx;
    if (ndx >= SHN_LORESERVE && s.section > 0) {
      // Like GNU as, only SHN_XINDEX entries get a .symtab_shndx value; the others stay 0.
      if (!xv) throw new ElfError(file, `symbol '${s.name}': section index ${ndx} needs .symtab_shndx`);
      field = SHN_XINDEX;
      xv.setUint32(i * 4, ndx, true);
    }
    const p = i * entsize;
    const info = ((s.binding << 4) | (s.type & 0xf)) & 0xff;
    dv.setUint32(p, strtab.offsetOf(s.name), true);
    if (is64) {
      dv.setUint8(p + 4, info);
      dv.setUint8(p + 5, s.other);
      dv.setUint16(p + 6, field, true);
      dv.setBigUint64(p + 8, BigInt.asUintN(64, s.value), true);
      dv.setBigUint64(p + 16, BigInt.asUintN(64, s.size), true);
    } else {
      dv.setUint32(p + 4, Number(BigInt.asUintN(32, s.value)), true);
      dv.setUint32(p + 8, Number(BigInt.asUintN(32, s.size)), true);
      dv.setUint8(p + 12, info);
      dv.setUint8(p + 13, s.other);
      dv.setUint16(p + 14, field, true);
    }
  }
  return [data, shndx];
}
