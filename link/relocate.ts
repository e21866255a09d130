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
import { Check, RelKind } from './target';
import { gotBase, gotSlotAddress, ipltAddress } from './synthetic';
import { mergedOffset, symbolAddress } from './symbols';
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

/** Apply the relocations of one input section to its bytes `data` (a view of the output). */
export function relocateSection(ctx: LinkContext, sec: InputSection, data: Uint8Array): void {
  const t = ctx.target;
  const out = sec.out!;
  const alloc = (sec.flags & SHF_ALLOC) !== 0;
  const base = out.addr + BigInt(sec.offset);
  const syms = sec.file.syms;
  const relocs = sec.relocs;
  const dtp = ctx.tlsStart;
  for (let i = 0; i < relocs.length; i++) {
    const r = relocs[i];
    const info = t.classify(r.type);
    if (!info) {
      ctx.errors.push(`${sec.file.display}:(${sec.name}+0x${r.offset.toString(16)}): unsupported relocation type ${relocName(t.machine, r.type)} (${r.type})`);
      continue;
    }
    if (info.kind === RelKind.None) continue;
    if (r.offset < 0 || r.offset + info.size > data.length) {
      ctx.errors.push(`${sec.file.display}:(${sec.name}+0x${r.offset.toString(16)}): relocation offset out of range`);
      continue;
    }
    const sym = syms[r.symbol];
    if (!sym) { ctx.errors.push(`${sec.file.display}: bad symbol index ${r.symbol} in relocation`); continue; }
    const A = t.rela ? r.addend : t.readAddend(data, r.offset, info);
    const P = base + BigInt(r.offset);
    if (sym.kind !== SymKind.Defined && r.symbol !== 0) {
      if (sym.binding !== STB_WEAK && !(sym.isLocal)) {
        if (alloc) ctx.errors.push(`${sec.file.display}:(${sec.name}+0x${r.offset.toString(16)}): undefined reference to \`${sym.name}'`);
        continue;
      }
    }
    let S: bigint;
    if (sym.type === STT_SECTION && sym.section && sym.section.merge) {
      // a section symbol + addend in a merged section points at a piece that may have moved
      const target = Number(A + sym.value);
      const sec2 = sym.section;
      S = sec2.out!.addr + BigInt(mergedOffset(sec2, target)) - A;
    } else S = r.symbol === 0 ? 0n : symbolAddress(sym);
    if (sym.kind === SymKind.Defined && sym.section && sym.section.discarded) {
      // GNU ld refuses a kept section's reference to a global defined in a /DISCARD/ed section
      if (alloc && !sym.isLocal) {
        ctx.errors.push(`\`${sym.name}' referenced in section \`${sec.name}' of ${sec.file.display}: defined in discarded section \`${sym.section.name}' of ${sym.section.file.display}`);
        continue;
      }
      if (!alloc) S = 0n;
    }
    const ifunc = sym.isIfunc() && ctx.iplt !== null && sym.ipltIndex >= 0;
    let v: bigint;
    switch (info.kind) {
      case RelKind.Abs: v = (ifunc ? ipltAddress(ctx, sym) : S) + A; break;
      case RelKind.PC: case RelKind.Plt: v = (ifunc ? ipltAddress(ctx, sym) : S) + A - P; break;
      case RelKind.GotPC:
        if (sym.gotIndex >= 0) v = gotSlotAddress(ctx, sym) + A - P;
        else { t.relaxGot(data, r.offset, r.type); v = S + A - P; }
        break;
      case RelKind.GotOff32: v = gotSlotAddress(ctx, sym) + A - gotBase(ctx); break;
      case RelKind.GotAbs: v = gotSlotAddress(ctx, sym) + A; break;
      case RelKind.GotRel: v = (ifunc ? ipltAddress(ctx, sym) : S) + A - gotBase(ctx); break;
      case RelKind.GotBasePC: v = gotBase(ctx) + A - P; break;
      case RelKind.TpOff: v = tpOffset(ctx, S + A); break;
      case RelKind.TpOffNeg: v = -tpOffset(ctx, S + A); break;
      case RelKind.DtpOff: v = alloc ? tpOffset(ctx, S + A) : S + A - dtp; break;
      case RelKind.Size: v = sym.size + A; break;
      case RelKind.TlsGd: case RelKind.TlsLd: case RelKind.GotTpOffPC: case RelKind.GotTpOffRel: case RelKind.GotTpOffAbs: {
        const res = t.relaxTls(ctx, sec, data, r.offset, r.type, sym, tpOffset(ctx, S));
        if (!res.done) {
          ctx.errors.push(`${sec.file.display}:(${sec.name}+0x${r.offset.toString(16)}): cannot relax ${relocName(t.machine, r.type)} against \`${sym.name}' in a static executable`);
        }
        if (res.skipNext) i++;
        continue;
      }
      default: v = S + A;
    }
    if (!fits(v, info.size, info.check)) { rangeError(ctx, sec, r.offset, r.type, sym); continue; }
    t.write(data, r.offset, info.size, v);
  }
}
