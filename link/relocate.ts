/**
 * Relocation application, shared by all targets. The target maps each type to a kind, size and
 * overflow rule (target.ts); the value is computed here with the ELF letters, checked by one range
 * check (so every overflow message has GNU ld's form), and written by the target.
 *
 *   Abs S+A   PC S+A-P   Plt L+A-P   GotPC G+A-P   GotOff32 G+A-GOT   GotRel S+A-GOT
 *   GotBasePC GOT+A-P   TpOff S+A-TP   TpOffNeg TP-(S+A)   DtpOff S+A-DTP   Size Z+A
 *
 * Static-executable specifics: IFUNC symbols resolve to their IPLT entry; GOT loads of local
 * definitions are relaxed to direct addresses when the target can rewrite the instruction; all
 * TLS models are relaxed to local exec; undefined weak symbols are 0.
 */
import { relocName } from '../elf/constants';
import { InputSection, LinkContext, Sym, SymKind } from './context';
import { Check, GotRelax, RelKind } from './target';
import { canSkipGot, gotBase, gotSlotAddress, gotSlotAddressNum, ipltAddress } from './synthetic';
import { symbolAddress, symbolAddressNum } from './symbols';
import { mergedLocation } from './merge';
import { SHF_ALLOC, STB_WEAK, STT_SECTION } from '../elf/constants';

/** Thread-pointer offset of an address (x86 variant II: TP is the aligned end of the TLS block). */
export function tpOffset(ctx: LinkContext, addr: bigint): bigint {
  const a = BigInt(Math.max(1, ctx.tlsAlign));
  const end = ((ctx.tlsStart + ctx.tlsMemSize + a - 1n) / a) * a;
  return addr - end;
}

function rangeError(ctx: LinkContext, sec: InputSection, off: number, type: number, sym: Sym): void {
  const where = `${sec.file.display}:(${sec.name}+0x${off.toString(16)})`;
  const name = relocName(ctx.target.machine, type);
  let against: string;
  if (sym.type === STT_SECTION) against = `\`${sym.section ? sym.section.name : sym.name}'`;
  else if (sym.kind !== SymKind.Defined) against = `undefined symbol \`${sym.name}'`;
  else against = `symbol \`${sym.name}' defined in ${sym.section?.out?.name ?? '*ABS*'} section in ${sym.section ? sym.section.file.display : (sym.file?.display ?? 'linker stubs')}`;
  ctx.errors.push(`${where}: relocation truncated to fit: ${name} against ${against}`);
}

function fits(v: bigint, size: number, check: Check): boolean {
  if (check === Check.None || size >= 8) return true;
  const bits = BigInt(size * 8);
  const s = BigInt.asIntN(64, v);
  switch (check) {
    case Check.Signed: return s >= -(1n << (bits - 1n)) && s < (1n << (bits - 1n));
    case Check.Unsigned: return s >= 0n && s < (1n << bits);
    default: return s >= -(1n << (bits - 1n)) && s < (1n << bits);
  }
}

const SAFE = 2 ** 53;

/** fits() on a number (|v| < 2^53). */
function fitsNum(v: number, size: number, check: Check): boolean {
  if (check === Check.None || size >= 8) return true;
  const half = 2 ** (size * 8 - 1);
  switch (check) {
    case Check.Signed: return v >= -half && v < half;
    case Check.Unsigned: return v >= 0 && v < half * 2;
    default: return v >= -half && v < half * 2;
  }
}

/**
 * Apply the relocations of one input section to its bytes, at `at` in the output buffer `buf`.
 *
 * The common relocations (S + A, S + A - P, GOT-relative loads) are computed on doubles when every
 * quantity is below 2^53, which is exact and allocates nothing; anything else (kernel addresses,
 * TLS, IFUNC, merged sections, REL addends) takes the general bigint path.
 */
export function relocateSection(ctx: LinkContext, sec: InputSection, buf: Uint8Array, at: number): void {
  const t = ctx.target;
  const out = sec.out!;
  const base = out.addr + BigInt(sec.offset);
  const baseNum = base < BigInt(SAFE) ? Number(base) : NaN;
  const writeNum = t.writeNum;
  const syms = sec.file.syms;
  const rl = sec.relocs;
  const pool = rl.pool;
  const u32 = pool.u32;
  const i32 = pool.i32;
  const fastOk = t.rela && writeNum !== undefined && baseNum === baseNum;
  const size = sec.size;
  // the section's bytes as a view, for the general path (made when first needed)
  let data: Uint8Array | null = null;
  for (let i = 0; i < rl.count; i++) {
    const w = 6 * (rl.start + i);
    const type = u32[w + 2];
    const info = t.classify(type);
    if (fastOk && info !== null) {
      const off = u32[w];
      const kind = info.kind;
      const sym = syms[u32[w + 3]];
      if ((kind === RelKind.PC || kind === RelKind.Plt || kind === RelKind.Abs || kind === RelKind.GotPC) && sym !== undefined
        && sym.kind === SymKind.Defined && off + info.size <= size && !(sym.section !== null && sym.section.discarded)
        && !(sym.type === 10 && ctx.iplt !== null && sym.ipltIndex >= 0)) {
        const hi = i32[w + 5];
        const A = hi === 0 ? u32[w + 4] : hi === -1 ? u32[w + 4] - 0x100000000 : pool.addendNum(rl.start + i);
        let S: number;
        const ms = sym.section;
        if (ms !== null && ms.merge !== null && sym.type === STT_SECTION) {
          // section symbol + addend in a merged section: the piece at st_value + A (see applyOne)
          const m = kind !== RelKind.GotPC && A === A ? mergedLocation(ms, Number(sym.value) + A) : null;
          S = m !== null && m.sec.out !== null ? Number(m.sec.out.addr) + m.sec.offset + m.off - A : NaN;
        } else S = symbolAddressNum(sym);
        if (S === S) {
          const P = baseNum + off;
          let v: number;
          let woff = off;
          let check = info.check;
          let rk = GotRelax.None;
          if (kind === RelKind.Abs) v = S + A;
          else if (kind !== RelKind.GotPC) v = S + A - P;
          else {
            rk = A === -4 && canSkipGot(sym) ? t.gotRelax(data ??= buf.subarray(at, at + size), off, type) : GotRelax.None;
            if (rk === GotRelax.None) v = gotSlotAddressNum(ctx, sym) + A - P;
            else {
              t.relaxGot(data ??= buf.subarray(at, at + size), off, type);
              if (rk === GotRelax.PC) v = S + A - P;
              else if (rk === GotRelax.JmpPC) { v = S + A - P + 1; woff = off - 1; }
              else { v = S; if (rk === GotRelax.Abs32) check = Check.Unsigned; }
            }
          }
          if (v < SAFE && v > -SAFE) {
            if (!fitsNum(v, info.size, check)) { rangeError(ctx, sec, off, type, sym); continue; }
            writeNum!(buf, at + woff, info.size, v);
            continue;
          }
          if (rk !== GotRelax.None) { applyOne(ctx, sec, data ??= buf.subarray(at, at + size), i, base, rk); continue; }
        }
      }
    }
    i = applyOne(ctx, sec, data ??= buf.subarray(at, at + size), i, base, GotRelax.None);
  }
}

/** Relocation i by the general (bigint) rules; returns the index of the last relocation it consumed. */
function applyOne(ctx: LinkContext, sec: InputSection, data: Uint8Array, i: number, base: bigint, relaxed: GotRelax): number {
  const t = ctx.target;
  const alloc = (sec.flags & SHF_ALLOC) !== 0;
  const rl = sec.relocs;
  const r = { offset: rl.offset(i), type: rl.type(i), symbol: rl.symbol(i) };
  const info = t.classify(r.type);
  if (!info) {
    ctx.errors.push(`${sec.file.display}:(${sec.name}+0x${r.offset.toString(16)}): unsupported relocation type ${relocName(t.machine, r.type)} (${r.type})`);
    return i;
  }
  if (info.kind === RelKind.None) return i;
  if (r.offset < 0 || r.offset + info.size > data.length) {
    ctx.errors.push(`${sec.file.display}:(${sec.name}+0x${r.offset.toString(16)}): relocation offset out of range`);
    return i;
  }
  const sym = sec.file.syms[r.symbol];
  if (!sym) { ctx.errors.push(`${sec.file.display}: bad symbol index ${r.symbol} in relocation`); return i; }
  const A = t.rela ? rl.addendOf(i) : t.readAddend(data, r.offset, info);
  const P = base + BigInt(r.offset);
  if (sym.kind !== SymKind.Defined && r.symbol !== 0) {
    if (sym.binding !== STB_WEAK && !(sym.isLocal)) {
      if (alloc) ctx.errors.push(`${sec.file.display}:(${sec.name}+0x${r.offset.toString(16)}): undefined reference to \`${sym.name}'`);
      return i;
    }
  }
  let S: bigint;
  if (sym.type === STT_SECTION && sym.section && sym.section.merge) {
    // a section symbol + addend in a merged section means the piece at st_value + addend (REL
    // targets: + the field size for PC-relative fields, as GNU ld's elf32-i386 does)
    const bias = !t.rela && (info.kind === RelKind.PC || info.kind === RelKind.Plt) ? info.size : 0;
    const m = mergedLocation(sym.section, Number(A + sym.value) + bias);
    S = (m.sec.out ? m.sec.out.addr + BigInt(m.sec.offset + m.off - bias) : 0n) - A;
  } else S = r.symbol === 0 ? 0n : symbolAddress(sym);
  if (sym.kind === SymKind.Defined && sym.section && sym.section.discarded) {
    // GNU ld refuses a kept section's reference to a global defined in a /DISCARD/ed section
    if (alloc && !sym.isLocal) {
      ctx.errors.push(`\`${sym.name}' referenced in section \`${sec.name}' of ${sec.file.display}: defined in discarded section \`${sym.section.name}' of ${sym.section.file.display}`);
      return i;
    }
    if (!alloc) S = 0n;
  }
  const ifunc = sym.isIfunc() && ctx.iplt !== null && sym.ipltIndex >= 0;
  let v: bigint;
  switch (info.kind) {
    case RelKind.Abs: v = (ifunc ? ipltAddress(ctx, sym) : S) + A; break;
    case RelKind.PC: case RelKind.Plt: v = (ifunc ? ipltAddress(ctx, sym) : S) + A - P; break;
    case RelKind.GotPC: {
      // GOT references of defined (or undefined weak) symbols use the address when the instruction
      // can be rewritten (the target's GotRelax code), else the GOT slot
      let rk = relaxed;
      if (rk === GotRelax.None && A === -4n && canSkipGot(sym)) {
        rk = t.gotRelax(data, r.offset, r.type);
        if (rk !== GotRelax.None) t.relaxGot(data, r.offset, r.type);
      }
      if (rk === GotRelax.None) { v = gotSlotAddress(ctx, sym) + A - P; break; }
      if (rk === GotRelax.PC) { v = S + A - P; break; }
      if (rk === GotRelax.JmpPC) {
        v = S + A - P + 1n;
        if (!fits(v, 4, Check.Signed)) { rangeError(ctx, sec, r.offset, r.type, sym); return i; }
        t.write(data, r.offset - 1, 4, v);
        return i;
      }
      v = S;
      if (!fits(v, 4, rk === GotRelax.Abs32 ? Check.Unsigned : Check.Signed)) { rangeError(ctx, sec, r.offset, r.type, sym); return i; }
      t.write(data, r.offset, 4, v);
      return i;
    }
    case RelKind.GotOff32: {
      // i386 GOT32X: relaxed like GOTPCRELX (a call/jmp takes the PC32 implicit addend -4)
      const rk = canSkipGot(sym) ? t.gotRelax(data, r.offset, r.type) : GotRelax.None;
      if (rk === GotRelax.None) { v = gotSlotAddress(ctx, sym) + A - gotBase(ctx); break; }
      t.relaxGot(data, r.offset, r.type);
      if (rk === GotRelax.Abs32 || rk === GotRelax.Abs32S) { t.write(data, r.offset, 4, S); return i; }
      v = S - 4n - P + (rk === GotRelax.JmpPC ? 1n : 0n);
      t.write(data, rk === GotRelax.JmpPC ? r.offset - 1 : r.offset, 4, v);
      return i;
    }
    case RelKind.GotAbs: v = gotSlotAddress(ctx, sym) + A; break;
    case RelKind.GotRel: v = (ifunc ? ipltAddress(ctx, sym) : S) + A - gotBase(ctx); break;
    case RelKind.GotBasePC: v = gotBase(ctx) + A - P; break;
    case RelKind.TpOff: v = tpOffset(ctx, S + A); break;
    case RelKind.TpOffNeg: v = -tpOffset(ctx, S + A); break;
    case RelKind.DtpOff: v = alloc ? tpOffset(ctx, S + A) : S + A - ctx.tlsStart; break;
    case RelKind.Size: v = sym.size + A; break;
    case RelKind.TlsGd: case RelKind.TlsLd: case RelKind.TlsDesc: case RelKind.TlsDescCall: case RelKind.GotTpOffPC: case RelKind.GotTpOffRel: case RelKind.GotTpOffAbs: {
      const res = t.relaxTls(ctx, sec, data, r.offset, r.type, sym, tpOffset(ctx, S));
      if (!res.done) {
        ctx.errors.push(`${sec.file.display}:(${sec.name}+0x${r.offset.toString(16)}): cannot relax ${relocName(t.machine, r.type)} against \`${sym.name}' in a static executable`);
      }
      return res.skipNext ? i + 1 : i;
    }
    default: v = S + A;
  }
  if (!fits(v, info.size, info.check)) { rangeError(ctx, sec, r.offset, r.type, sym); return i; }
  t.write(data, r.offset, info.size, v);
  return i;
}
