/**
 * x86-64 and i386 relocation application for the static linker (link/target.ts).
 *
 * ABI quirks worth knowing:
 * - x86-64 objects are RELA; i386 objects are REL: the addend is the field's current contents.
 * - Thread pointer: variant II. %fs:0 (x86-64) / %gs:0 (i386) points at the *end* of the TLS block
 *   (rounded up to its alignment), so local-exec offsets are negative: TPOFF = S + A - TP.
 * - Static executables never keep a GD/LD/IE TLS access: GNU ld rewrites the instruction
 *   sequences to local exec. The sequences are fixed by the ABI (the psABI's "TLS relaxations"):
 *     GD  66 48 8d 3d <x@tlsgd> 66 66 48 e8 <__tls_get_addr@plt>   (16 bytes, or ... 66 48 ff 15 <@gotpcrel>)
 *       -> 64 48 8b 04 25 00 00 00 00  48 8d 80 <x@tpoff>         mov %fs:0,%rax; lea x@tpoff(%rax),%rax
 *     LD  48 8d 3d <x@tlsld> e8 <__tls_get_addr@plt>               (12 bytes, or ff 15 <@gotpcrel>: 13)
 *       -> 66 66 66 64 48 8b 04 25 00 00 00 00                      mov %fs:0,%rax with prefixes
 *     IE  mov x@gottpoff(%rip),%reg  -> mov $x@tpoff,%reg ;  add x@gottpoff(%rip),%reg -> add $x@tpoff,%reg
 *     GDesc  lea x@tlsdesc(%rip),%reg; call *x@tlscall(%rax) -> mov $x@tpoff,%reg (48/49 c7 c0+r); 66 90
 *   i386: GD  8d 04 1d <x@tlsgd> e8 <___tls_get_addr@plt> -> 65 a1 00000000 81 e8 <tp - x> (movl %gs:0; subl)
 *         LDM 8d 83 <x@tlsldm> e8 <..> -> 65 a1 00000000 90 8d 74 26 00 ;  GOTIE/IE mov/add -> immediate forms;
 *         GDesc  leal x@tlsdesc(%ebx),%reg; call *x@tlscall(%eax) -> leal x@ntpoff,%reg (8d 05+r); 66 90
 * - GOT references to symbols the executable defines (and undefined weak ones) are relaxed as GNU ld
 *   does (gotRelaxX64): lea, addr32 call, jmp + nop, or an immediate operand; the others keep a slot.
 * - IFUNC in static executables: calls go through an IPLT entry `jmp *slot; xchg %ax,%ax` (GNU ld's
 *   non-lazy PLT entry, 8 bytes: a static link has no PLT0) whose GOT slot is filled at startup by
 *   glibc from the IRELATIVE relocations between __rela_iplt_start and __rela_iplt_end.
 */
import { Check, GotRelax, RelInfo, RelKind, TargetHooks } from '../../link/target';
import type { InputSection, LinkContext, Sym } from '../../link/context';
import { LinkError } from '../../link/error';

const R = (kind: RelKind, size: number, check: Check): RelInfo => ({ kind, size, check });

/** x86-64 relocation types by number. */
const X64: (RelInfo | null)[] = [];
X64[0] = R(RelKind.None, 0, Check.None);
X64[1] = R(RelKind.Abs, 8, Check.None);            // 64
X64[2] = R(RelKind.PC, 4, Check.Signed);           // PC32
X64[3] = R(RelKind.GotOff32, 4, Check.Signed);     // GOT32
X64[4] = R(RelKind.Plt, 4, Check.Signed);          // PLT32
X64[9] = R(RelKind.GotPC, 4, Check.Signed);        // GOTPCREL
X64[10] = R(RelKind.Abs, 4, Check.Unsigned);       // 32
X64[11] = R(RelKind.Abs, 4, Check.Signed);         // 32S
X64[12] = R(RelKind.Abs, 2, Check.Either);         // 16
X64[13] = R(RelKind.PC, 2, Check.Signed);          // PC16
X64[14] = R(RelKind.Abs, 1, Check.Either);         // 8
X64[15] = R(RelKind.PC, 1, Check.Signed);          // PC8
X64[17] = R(RelKind.DtpOff, 8, Check.None);        // DTPOFF64
X64[18] = R(RelKind.TpOff, 8, Check.None);         // TPOFF64
X64[19] = R(RelKind.TlsGd, 4, Check.Signed);       // TLSGD
X64[20] = R(RelKind.TlsLd, 4, Check.Signed);       // TLSLD
X64[21] = R(RelKind.DtpOff, 4, Check.Signed);      // DTPOFF32
X64[22] = R(RelKind.GotTpOffPC, 4, Check.Signed);  // GOTTPOFF
X64[23] = R(RelKind.TpOff, 4, Check.Signed);       // TPOFF32
X64[24] = R(RelKind.PC, 8, Check.None);            // PC64
X64[25] = R(RelKind.GotRel, 8, Check.None);        // GOTOFF64
X64[26] = R(RelKind.GotBasePC, 4, Check.Signed);   // GOTPC32
X64[27] = R(RelKind.GotOff32, 8, Check.None);      // GOT64
X64[28] = R(RelKind.GotPC, 8, Check.None);         // GOTPCREL64
X64[29] = R(RelKind.GotBasePC, 8, Check.None);     // GOTPC64
X64[30] = R(RelKind.GotOff32, 8, Check.None);      // GOTPLT64
X64[31] = R(RelKind.GotRel, 8, Check.None);        // PLTOFF64
X64[32] = R(RelKind.Size, 4, Check.Unsigned);      // SIZE32
X64[33] = R(RelKind.Size, 8, Check.None);          // SIZE64
X64[41] = R(RelKind.GotPC, 4, Check.Signed);       // GOTPCRELX
X64[42] = R(RelKind.GotPC, 4, Check.Signed);       // REX_GOTPCRELX
X64[34] = R(RelKind.TlsDesc, 4, Check.Signed);     // GOTPC32_TLSDESC
X64[35] = R(RelKind.TlsDescCall, 0, Check.None);   // TLSDESC_CALL

/** i386 relocation types by number. */
const I386: (RelInfo | null)[] = [];
I386[0] = R(RelKind.None, 0, Check.None);
I386[1] = R(RelKind.Abs, 4, Check.None);           // 32
I386[2] = R(RelKind.PC, 4, Check.None);            // PC32
I386[3] = R(RelKind.GotOff32, 4, Check.None);      // GOT32
I386[4] = R(RelKind.Plt, 4, Check.None);           // PLT32
I386[9] = R(RelKind.GotRel, 4, Check.None);        // GOTOFF
I386[10] = R(RelKind.GotBasePC, 4, Check.None);    // GOTPC
I386[15] = R(RelKind.GotTpOffAbs, 4, Check.None);  // TLS_IE
I386[16] = R(RelKind.GotTpOffRel, 4, Check.None);  // TLS_GOTIE
I386[17] = R(RelKind.TpOff, 4, Check.None);        // TLS_LE
I386[18] = R(RelKind.TlsGd, 4, Check.None);        // TLS_GD
I386[19] = R(RelKind.TlsLd, 4, Check.None);        // TLS_LDM
I386[20] = R(RelKind.Abs, 2, Check.Either);        // 16
I386[21] = R(RelKind.PC, 2, Check.Signed);         // PC16
I386[22] = R(RelKind.Abs, 1, Check.Either);        // 8
I386[23] = R(RelKind.PC, 1, Check.Signed);         // PC8
I386[32] = R(RelKind.DtpOff, 4, Check.None);       // TLS_LDO_32
I386[33] = R(RelKind.GotTpOffRel, 4, Check.None);  // TLS_IE_32
I386[34] = R(RelKind.TpOffNeg, 4, Check.None);     // TLS_LE_32
I386[36] = R(RelKind.DtpOff, 4, Check.None);       // TLS_DTPOFF32
I386[38] = R(RelKind.Size, 4, Check.None);         // SIZE32
I386[39] = R(RelKind.TlsDesc, 4, Check.None);      // TLS_GOTDESC
I386[40] = R(RelKind.TlsDescCall, 0, Check.None);  // TLS_DESC_CALL
I386[43] = R(RelKind.GotOff32, 4, Check.None);     // GOT32X

function write(data: Uint8Array, off: number, size: number, v: bigint): void {
  let x = BigInt.asUintN(64, v);
  if (size === 4) {
    const n = Number(x & 0xffffffffn);
    data[off] = n & 0xff; data[off + 1] = (n >>> 8) & 0xff; data[off + 2] = (n >>> 16) & 0xff; data[off + 3] = n >>> 24;
    return;
  }
  for (let i = 0; i < size; i++) { data[off + i] = Number(x & 0xffn); x >>= 8n; }
}

function readSigned(data: Uint8Array, off: number, size: number): bigint {
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(data[off + i]);
  return BigInt.asIntN(size * 8, v);
}

function bytesAt(data: Uint8Array, off: number, pat: number[]): boolean {
  if (off < 0 || off + pat.length > data.length) return false;
  for (let i = 0; i < pat.length; i++) if (data[off + i] !== pat[i]) return false;
  return true;
}

function badSequence(sec: InputSection, off: number, what: string): never {
  throw new LinkError(`${sec.file.display}:(${sec.name}+0x${off.toString(16)}): unsupported ${what} instruction sequence for TLS relaxation`);
}

/** The recommended multi-byte NOPs (GNU as/ld use them for code padding), by length 1..10. */
const NOPS: number[][] = [
  [], [0x90], [0x66, 0x90], [0x0f, 0x1f, 0x00], [0x0f, 0x1f, 0x40, 0x00], [0x0f, 0x1f, 0x44, 0x00, 0x00],
  [0x66, 0x0f, 0x1f, 0x44, 0x00, 0x00], [0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00],
  [0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00], [0x66, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00],
];

function codeFill(data: Uint8Array, off: number, len: number): void {
  while (len > 0) {
    const n = Math.min(len, 10);
    data.set(NOPS[n], off);
    off += n;
    len -= n;
  }
}

/** GNU ld's i386 code padding: `66 90` pairs, a final `90` when the gap is odd. */
function codeFill386(data: Uint8Array, off: number, len: number): void {
  for (; len >= 2; len -= 2, off += 2) { data[off] = 0x66; data[off + 1] = 0x90; }
  if (len) data[off] = 0x90;
}

/** GNU ld's message for an instruction that does not have the form a TLS relaxation expects. */
function transitionFailed(sec: InputSection, off: number, sym: Sym, from: string, to: string): never {
  throw new LinkError(`${sec.file.display}: TLS transition from ${from} to ${to} against \`${sym.name}' at 0x${off.toString(16)} in section \`${sec.name}' failed`);
}

/**
 * GNU ld's GOTPCREL relaxations in a static (non-PIC) executable (elf_x86_64_convert_load_reloc):
 *   GOTPCREL      mov foo@GOTPCREL(%rip),%reg              -> lea foo(%rip),%reg
 *   GOTPCRELX     call/jmp *foo@GOTPCREL(%rip)             -> addr32 call foo / jmp foo; nop
 *   (REX_)GOTPCRELX mov, test, adc/add/and/cmp/or/sbb/sub/xor foo@GOTPCREL(%rip),%reg
 *                 -> mov/test/binop $foo,%reg (R_X86_64_32S with REX.W, else R_X86_64_32)
 */
function gotRelaxX64(data: Uint8Array, off: number, type: number): GotRelax {
  if (off < 2 || off + 4 > data.length) return GotRelax.None;
  const op = data[off - 2];
  const modrm = data[off - 1];
  if (type === 9) return op === 0x8b && (modrm & 0xc7) === 0x05 ? GotRelax.PC : GotRelax.None;
  if (type !== 41 && type !== 42) return GotRelax.None;
  if (op === 0xff) return modrm === 0x15 ? GotRelax.PC : modrm === 0x25 ? GotRelax.JmpPC : GotRelax.None;
  if ((modrm & 0xc7) !== 0x05) return GotRelax.None;
  if (op !== 0x8b && op !== 0x85 && !((op & 0xc7) === 0x03 && op <= 0x3b)) return GotRelax.None;
  if (type === 41) return GotRelax.Abs32;
  if (off < 3 || (data[off - 3] & 0xf0) !== 0x40) return GotRelax.None;
  return data[off - 3] & 8 ? GotRelax.Abs32S : GotRelax.Abs32;
}

/**
 * GNU ld's R_386_GOT32X relaxations in a static (non-PIC) executable (elf_i386_convert_load_reloc),
 * for references with no addend, through a base register or none:
 *   mov/test/binop foo@GOT(%reg) -> mov/test/binop $foo ;  call/jmp *foo@GOT(%reg) -> addr16 call / jmp + nop
 */
function gotRelax386(data: Uint8Array, off: number, type: number): GotRelax {
  if (type !== 43 || off < 2 || off + 4 > data.length) return GotRelax.None;
  if (data[off] | data[off + 1] | data[off + 2] | data[off + 3]) return GotRelax.None;
  const op = data[off - 2];
  const modrm = data[off - 1];
  if (!(((modrm & 0xc0) === 0x80 && (modrm & 7) !== 4) || (modrm & 0xc7) === 0x05)) return GotRelax.None;
  if (op === 0xff) return (modrm & 0x38) === 0x10 ? GotRelax.PC : (modrm & 0x38) === 0x20 ? GotRelax.JmpPC : GotRelax.None;
  if (op === 0x8b || op === 0x85 || ((op & 0xc7) === 0x03 && op <= 0x3b)) return GotRelax.Abs32;
  return GotRelax.None;
}

const DONE = { done: true, skipNext: false };
const DONE_SKIP = { done: true, skipNext: true };

function relaxTlsX64(_ctx: LinkContext, sec: InputSection, data: Uint8Array, off: number, type: number, sym: Sym,
                     tpoff: bigint): { done: boolean; skipNext: boolean } {
  switch (type) {
    case 34: { // GOTPC32_TLSDESC: lea x@tlsdesc(%rip),%reg -> mov $x@tpoff,%reg (REX.R moves to REX.B)
      const rex = data[off - 3];
      if (off < 3 || off + 4 > data.length || (rex & 0xfb) !== 0x48 || data[off - 2] !== 0x8d || (data[off - 1] & 0xc7) !== 0x05) {
        transitionFailed(sec, off, sym, 'R_X86_64_GOTPC32_TLSDESC', 'R_X86_64_TPOFF32');
      }
      const reg = (data[off - 1] >> 3) & 7;
      data[off - 3] = 0x48 | ((rex >> 2) & 1);
      data[off - 2] = 0xc7;
      data[off - 1] = 0xc0 | reg;
      write(data, off, 4, tpoff);
      return DONE;
    }
    case 35: // TLSDESC_CALL
      return descCallToNop(sec, data, off, sym, 'R_X86_64_TLSDESC_CALL', 'R_X86_64_NONE');
    case 19: { // TLSGD
      if (!bytesAt(data, off - 4, [0x66, 0x48, 0x8d, 0x3d])) badSequence(sec, off, 'GD');
      const call = bytesAt(data, off + 4, [0x66, 0x66, 0x48, 0xe8]) || bytesAt(data, off + 4, [0x66, 0x48, 0xff, 0x15]);
      if (!call) badSequence(sec, off, 'GD');
      data.set([0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0, 0x48, 0x8d, 0x80], off - 4);
      write(data, off + 8, 4, tpoff);
      return DONE_SKIP;
    }
    case 20: { // TLSLD
      if (!bytesAt(data, off - 3, [0x48, 0x8d, 0x3d])) badSequence(sec, off, 'LD');
      if (data[off + 4] === 0xe8) data.set([0x66, 0x66, 0x66, 0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0], off - 3);
      else if (data[off + 4] === 0xff && data[off + 5] === 0x15) data.set([0x66, 0x66, 0x66, 0x66, 0x64, 0x48, 0x8b, 0x04, 0x25, 0, 0, 0, 0], off - 3);
      else badSequence(sec, off, 'LD');
      return DONE_SKIP;
    }
    case 22: { // GOTTPOFF
      const rex = data[off - 3];
      const op = data[off - 2];
      const modrm = data[off - 1];
      if ((rex !== 0x48 && rex !== 0x4c) || (modrm & 0xc7) !== 0x05 || (op !== 0x8b && op !== 0x03)) {
        return { done: false, skipNext: false };
      }
      const reg = (modrm >> 3) & 7;
      data[off - 3] = rex === 0x4c ? 0x49 : 0x48;
      data[off - 2] = op === 0x8b ? 0xc7 : 0x81;
      data[off - 1] = 0xc0 | reg;
      write(data, off, 4, tpoff);
      return DONE;
    }
  }
  return { done: false, skipNext: false };
}

/** A TLS descriptor call, `call *x@tlscall(%rax/%eax)` (ff 10), relaxed to local exec: `xchg %ax,%ax`. */
function descCallToNop(sec: InputSection, data: Uint8Array, off: number, sym: Sym, from: string, to: string): { done: boolean; skipNext: boolean } {
  if (off + 2 > data.length || data[off] !== 0xff || data[off + 1] !== 0x10) transitionFailed(sec, off, sym, from, to);
  data[off] = 0x66;
  data[off + 1] = 0x90;
  return DONE;
}

function relaxTls386(_ctx: LinkContext, sec: InputSection, data: Uint8Array, off: number, type: number, sym: Sym,
                     tpoff: bigint): { done: boolean; skipNext: boolean } {
  switch (type) {
    case 39: // TLS_GOTDESC: leal x@tlsdesc(%ebx),%reg -> leal x@ntpoff,%reg
      if (off < 2 || off + 4 > data.length || data[off - 2] !== 0x8d || (data[off - 1] & 0xc7) !== 0x83) {
        transitionFailed(sec, off, sym, 'R_386_TLS_GOTDESC', 'R_386_TLS_LE_32');
      }
      data[off - 1] = 0x05 | (data[off - 1] & 0x38);
      write(data, off, 4, tpoff);
      return DONE;
    case 40: // TLS_DESC_CALL
      return descCallToNop(sec, data, off, sym, 'R_386_TLS_DESC_CALL', 'R_386_NONE');
    case 18: { // TLS_GD
      if (bytesAt(data, off - 3, [0x8d, 0x04, 0x1d]) && data[off + 4] === 0xe8) {
        data.set([0x65, 0xa1, 0, 0, 0, 0, 0x81, 0xe8], off - 3);
        write(data, off + 5, 4, -tpoff);
        return DONE_SKIP;
      }
      if (bytesAt(data, off - 2, [0x8d, 0x83]) && bytesAt(data, off + 4, [0xff, 0x93])) {
        data.set([0x65, 0xa1, 0, 0, 0, 0, 0x81, 0xe8], off - 2);
        write(data, off + 6, 4, -tpoff);
        return DONE_SKIP;
      }
      return badSequence(sec, off, 'GD');
    }
    case 19: { // TLS_LDM
      if (!bytesAt(data, off - 2, [0x8d, 0x83])) badSequence(sec, off, 'LD');
      if (data[off + 4] === 0xe8) data.set([0x65, 0xa1, 0, 0, 0, 0, 0x90, 0x8d, 0x74, 0x26, 0x00], off - 2);
      else if (bytesAt(data, off + 4, [0xff, 0x93])) data.set([0x65, 0xa1, 0, 0, 0, 0, 0x8d, 0xb6, 0, 0, 0, 0], off - 2);
      else badSequence(sec, off, 'LD');
      return DONE_SKIP;
    }
    case 15: { // TLS_IE: movl x@indntpoff, %reg / addl
      if (data[off - 1] === 0xa1) { data[off - 1] = 0xb8; write(data, off, 4, tpoff); return DONE; }
      const op = data[off - 2];
      const modrm = data[off - 1];
      if ((modrm & 0xc7) !== 0x05 || (op !== 0x8b && op !== 0x03)) return { done: false, skipNext: false };
      data[off - 2] = op === 0x8b ? 0xc7 : 0x81;
      data[off - 1] = 0xc0 | ((modrm >> 3) & 7);
      write(data, off, 4, tpoff);
      return DONE;
    }
    case 16: { // TLS_GOTIE: movl x@gotntpoff(%base), %reg / addl
      const op = data[off - 2];
      const modrm = data[off - 1];
      if ((modrm & 0xc0) !== 0x80 || (modrm & 7) === 4 || (op !== 0x8b && op !== 0x03)) return { done: false, skipNext: false };
      data[off - 2] = op === 0x8b ? 0xc7 : 0x81;
      data[off - 1] = 0xc0 | ((modrm >> 3) & 7);
      write(data, off, 4, tpoff);
      return DONE;
    }
  }
  return { done: false, skipNext: false };
}

export const x86_64Hooks: TargetHooks = {
  name: 'elf_x86_64', machine: 62, cls: 64, rela: true, maxPageSize: 0x1000, commonPageSize: 0x1000,
  textBase: 0x400000n, wordSize: 8, ipltEntrySize: 8, irelativeType: 37,
  classify: (type) => X64[type] ?? null,
  readAddend: (data, off, info) => readSigned(data, off, info.size),
  write,
  gotRelax: gotRelaxX64,
  relaxGot: (data, off, type) => {
    const k = gotRelaxX64(data, off, type);
    const op = data[off - 2];
    const modrm = data[off - 1];
    switch (k) {
      case GotRelax.PC:
        if (op === 0xff) { data[off - 2] = 0x67; data[off - 1] = 0xe8; } // addr32 call foo
        else data[off - 2] = 0x8d; // lea foo(%rip), %reg
        break;
      case GotRelax.JmpPC: data[off - 2] = 0xe9; data[off + 3] = 0x90; break; // jmp foo; nop
      case GotRelax.Abs32S: case GotRelax.Abs32: {
        // mov $foo, %reg / test $foo, %reg / binop $foo, %reg: the register moves to r/m (REX.R to REX.B)
        const reg = (modrm & 0x38) >> 3;
        if (op === 0x8b) { data[off - 2] = 0xc7; data[off - 1] = 0xc0 | reg; }
        else if (op === 0x85) { data[off - 2] = 0xf7; data[off - 1] = 0xc0 | reg; }
        else { data[off - 2] = 0x81; data[off - 1] = 0xc0 | reg | (op & 0x3c); }
        if (type === 42) { const rex = data[off - 3]; data[off - 3] = (rex & ~4) | ((rex & 4) >> 2); }
        break;
      }
    }
    return k;
  },
  relaxTls: relaxTlsX64,
  codeFill,
  writeIplt: (data, off, addr, slot) => {
    data[off] = 0xff; data[off + 1] = 0x25;
    write(data, off + 2, 4, slot - (addr + 6n));
    data[off + 6] = 0x66; data[off + 7] = 0x90;
  },
};

export const i386Hooks: TargetHooks = {
  name: 'elf_i386', machine: 3, cls: 32, rela: false, maxPageSize: 0x1000, commonPageSize: 0x1000,
  textBase: 0x08048000n, wordSize: 4, ipltEntrySize: 8, irelativeType: 42,
  classify: (type) => I386[type] ?? null,
  readAddend: (data, off, info) => readSigned(data, off, info.size),
  write,
  gotRelax: gotRelax386,
  relaxGot: (data, off, type) => {
    const k = gotRelax386(data, off, type);
    const op = data[off - 2];
    const reg = (data[off - 1] & 0x38) >> 3;
    if (k === GotRelax.PC) { data[off - 2] = 0x67; data[off - 1] = 0xe8; } // addr16 call foo
    else if (k === GotRelax.JmpPC) { data[off - 2] = 0xe9; data[off + 3] = 0x90; } // jmp foo; nop
    else if (k === GotRelax.Abs32) {
      if (op === 0x8b) { data[off - 2] = 0xc7; data[off - 1] = 0xc0 | reg; }
      else if (op === 0x85) { data[off - 2] = 0xf7; data[off - 1] = 0xc0 | reg; }
      else { data[off - 2] = 0x81; data[off - 1] = 0xc0 | reg | (op & 0x38); }
    }
    return k;
  },
  relaxTls: relaxTls386,
  codeFill: codeFill386,
  writeIplt: (data, off, _addr, slot) => {
    data[off] = 0xff; data[off + 1] = 0x25;
    write(data, off + 2, 4, slot);
    data[off + 6] = 0x66; data[off + 7] = 0x90;
  },
};
