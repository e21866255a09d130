/**
 * ELF relocatable object bytes -> ObjectFile (object.ts), for ELF32/ELF64 little-endian objects of
 * any machine.
 *
 * The reader drops what the model derives (.symtab, its .strtab, .shstrtab, .symtab_shndx and the
 * relocation sections): relocations are attached to the section they apply to, group member lists
 * are mapped to model indices (relocation sections left out), and symbol section indices become
 * model indices (special ones negated, see object.ts). For REL objects (i386) the implicit addends
 * stay in the section data and ObjReloc.addend is 0n.
 *
 * Anything malformed throws ElfError: tables past the end of the file, bad string offsets, bad
 * section or symbol indices in symbols, relocations and groups.
 */
import { ET_REL, EM_386, REL32_SIZE, REL64_SIZE, RELA32_SIZE, RELA64_SIZE, SHF_INFO_LINK, SHN_LORESERVE,
  SHT_GROUP, SHT_NOBITS, SHT_REL, SHT_RELA, SHT_STRTAB, SHT_SYMTAB, SHT_SYMTAB_SHNDX } from './constants';
import { ElfError } from './error';
import { ElfFile, ElfSectionHeader, readElf, readSymbols, sectionData, sectionLabel } from './read-elf';
import { LINK_SYMTAB, makeSection, makeSymbol, ObjectFile, ObjSection, ObjSymbol } from './object';
import { getU64n } from './bytes';

export function readObject(bytes: Uint8Array, file = 'a.o'): ObjectFile {
  const elf = readElf(bytes, file);
  const fail = (m: string): never => { throw new ElfError(file, m); };
  if (elf.type !== ET_REL) fail('not a relocatable object file');
  const secs = elf.sections;

  // Which file sections the model derives instead of keeping.
  let symtabIdx = 0;
  for (const s of secs) {
    if (s.type !== SHT_SYMTAB) continue;
    if (symtabIdx !== 0) fail('more than one symbol table');
    symtabIdx = s.index;
  }
  const dropped = new Uint8Array(secs.length);
  if (symtabIdx) {
    const strIdx = secs[symtabIdx].link;
    if (strIdx === 0 || strIdx >= secs.length || secs[strIdx].type !== SHT_STRTAB) {
      fail(`section '${sectionLabel(secs[symtabIdx])}' has an invalid sh_link ${strIdx}`);
    }
    dropped[symtabIdx] = 1;
    dropped[strIdx] = 1;
  }
  if (elf.shstrndx !== 0) dropped[elf.shstrndx] = 1;
  for (const s of secs) {
    if (s.type === SHT_SYMTAB_SHNDX || s.type === SHT_REL || s.type === SHT_RELA) dropped[s.index] = 1;
  }

  const obj: ObjectFile = {
    class: elf.class, machine: elf.machine, flags: elf.flags, osabi: elf.osabi, abiversion: elf.abiversion,
    rela: elf.machine !== EM_386, sections: [], symbols: [],
  };
  const modelOf = new Int32Array(secs.length).fill(-1);
  modelOf[0] = 0;
  obj.sections.push(makeSection('', 0, 0, 0));
  for (let i = 1; i < secs.length; i++) {
    if (dropped[i]) continue;
    modelOf[i] = obj.sections.length;
    obj.sections.push(modelSection(elf, secs[i]));
  }
  const mapLink = (s: ElfSectionHeader, v: number, what: string): number => {
    if (v === 0) return 0;
    if (v === symtabIdx) return LINK_SYMTAB;
    if (v >= secs.length || modelOf[v] < 0) fail(`section '${sectionLabel(s)}' has an invalid ${what} ${v}`);
    return modelOf[v];
  };
  for (let i = 1; i < secs.length; i++) {
    const m = modelOf[i];
    if (m < 0 || secs[i].type === SHT_GROUP) continue;
    const sec = obj.sections[m];
    sec.link = mapLink(secs[i], secs[i].link, 'sh_link');
    if ((sec.flags & SHF_INFO_LINK) !== 0) sec.info = mapLink(secs[i], secs[i].info, 'sh_info');
  }

  obj.symbols = symtabIdx ? readModelSymbols(elf, symtabIdx, modelOf) : [makeSymbol('', 0, 0, 0)];
  readRelocations(elf, obj, symtabIdx, modelOf);
  for (let i = 1; i < secs.length; i++) {
    if (modelOf[i] > 0 && secs[i].type === SHT_GROUP) readGroup(elf, obj, secs[i], obj.sections[modelOf[i]], symtabIdx, modelOf);
  }
  return obj;
}

function modelSection(elf: ElfFile, s: ElfSectionHeader): ObjSection {
  const nobits = s.type === SHT_NOBITS || s.type === SHT_GROUP;
  const data = nobits ? new Uint8Array(0) : sectionData(elf, s);
  return {
    name: s.nameStr, type: s.type, flags: s.flags >>> 0, addralign: s.addralign, entsize: s.entsize,
    data, size: s.type === SHT_NOBITS ? s.size : data.length, link: 0, info: s.info, relocs: [],
  };
}

function readModelSymbols(elf: ElfFile, symtabIdx: number, modelOf: Int32Array): ObjSymbol[] {
  const raw = readSymbols(elf, symtabIdx);
  const out: ObjSymbol[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    let section: number;
    if (r.shndx === 0) section = 0;
    else if (!r.xindex && r.shndx >= SHN_LORESERVE) section = -r.shndx;
    else {
      section = r.shndx < modelOf.length ? modelOf[r.shndx] : -1;
      if (section <= 0) throw new ElfError(elf.file, `symbol '${r.name || i}' has invalid section index ${r.shndx}`);
    }
    out[i] = { name: r.name, binding: r.binding, type: r.type, other: r.other, section, value: r.value, size: r.size };
  }
  if (out.length === 0) out.push(makeSymbol('', 0, 0, 0));
  return out;
}

function readRelocations(elf: ElfFile, obj: ObjectFile, symtabIdx: number, modelOf: Int32Array): void {
  const fail = (m: string): never => { throw new ElfError(elf.file, m); };
  const is64 = elf.class === 64;
  const v = elf.view;
  const nsyms = obj.symbols.length;
  let sawRel = false, sawRela = false;
  for (const s of elf.sections) {
    if (s.type !== SHT_REL && s.type !== SHT_RELA) continue;
    const rela = s.type === SHT_RELA;
    if (rela) sawRela = true; else sawRel = true;
    if (sawRel && sawRela) fail('mixed SHT_REL and SHT_RELA sections are not supported');
    const label = sectionLabel(s);
    if (s.link !== symtabIdx || symtabIdx === 0) fail(`section '${label}' has an invalid sh_link ${s.link}`);
    const t = s.info;
    if (t === 0 || t >= modelOf.length || modelOf[t] <= 0) fail(`section '${label}' has an invalid sh_info ${t}`);
    const target = obj.sections[modelOf[t]];
    const entsize = is64 ? (rela ? RELA64_SIZE : REL64_SIZE) : (rela ? RELA32_SIZE : REL32_SIZE);
    if (s.size % entsize !== 0) fail(`section '${label}' has an invalid size ${s.size}`);
    const n = s.size / entsize;
    const limit = target.type === SHT_NOBITS ? target.size : target.data.length;
    for (let k = 0, p = s.offset; k < n; k++, p += entsize) {
      let offset: number, type: number, symbol: number, addend = 0n;
      if (is64) {
        offset = getU64n(v, p);
        type = v.getUint32(p + 8, true);
        symbol = v.getUint32(p + 12, true);
        if (rela) addend = v.getBigInt64(p + 16, true);
      } else {
        offset = v.getUint32(p, true);
        const info = v.getUint32(p + 4, true);
        type = info & 0xff;
        symbol = info >>> 8;
        if (rela) addend = BigInt(v.getInt32(p + 8, true));
      }
      if (symbol >= nsyms) fail(`${target.name}: relocation ${k} has invalid symbol index ${symbol}`);
      if (offset > limit) fail(`${target.name}: relocation ${k} has offset 0x${offset.toString(16)} beyond the section end`);
      target.relocs.push({ offset, type, symbol, addend });
    }
  }
  obj.rela = sawRela || (!sawRel && obj.rela);
}

function readGroup(elf: ElfFile, obj: ObjectFile, s: ElfSectionHeader, sec: ObjSection, symtabIdx: number,
                   modelOf: Int32Array): void {
  const fail = (m: string): never => { throw new ElfError(elf.file, m); };
  const label = sectionLabel(s);
  if (s.size < 4 || s.size % 4 !== 0) fail(`section '${label}' has an invalid size ${s.size}`);
  if (symtabIdx === 0 || s.link !== symtabIdx) fail(`section '${label}' has an invalid sh_link ${s.link}`);
  if (s.info >= obj.symbols.length) fail(`section '${label}' has an invalid signature symbol index ${s.info}`);
  const v = elf.view;
  const members: number[] = [];
  for (let p = s.offset + 4; p < s.offset + s.size; p += 4) {
    const idx = v.getUint32(p, true);
    if (idx === 0 || idx >= modelOf.length) fail(`section '${label}' has an invalid member index ${idx}`);
    const t = elf.sections[idx].type;
    if (t === SHT_REL || t === SHT_RELA) continue;
    if (modelOf[idx] <= 0) fail(`section '${label}' has an invalid member index ${idx}`);
    members.push(modelOf[idx]);
  }
  sec.group = { flags: v.getUint32(s.offset, true), signature: s.info, members };
  sec.info = 0;
}
