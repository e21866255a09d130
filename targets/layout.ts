// Data layout and C ABI facts of each target: what the front end needs to know about a target
// (type sizes and alignments, char signedness, long double format, bit-field rules) and what the
// preprocessor predefines from. Instruction-level facts live in targets/<arch>/.

export type Arch = 'x86_64' | 'i386' | 'aarch64' | 'riscv64';

export interface TargetLayout {
  arch: Arch;
  /** Canonical triple, as gcc -dumpmachine prints it. */
  triple: string;
  /** Pointer size in bytes (also size of long on these LP64/ILP32 targets). */
  ptrSize: 4 | 8;
  longSize: 4 | 8;
  charSigned: boolean;
  /** Is wchar_t signed int (x86, riscv) or unsigned int (aarch64). */
  wcharSigned: boolean;
  /** -fshort-wchar: wchar_t is unsigned short. */
  shortWchar: boolean;
  /** long double: 'x87' (80-bit in 16/12 bytes), 'binary128', or 'double'. */
  longDouble: 'x87' | 'binary128' | 'double';
  longDoubleSize: number;
  longDoubleAlign: number;
  /** Alignment of long long and double (4 on i386 inside structs, 8 elsewhere). */
  int64Align: number;
  doubleAlign: number;
  /** Largest alignment malloc guarantees / __BIGGEST_ALIGNMENT__. */
  biggestAlign: number;
  /** Has __int128. */
  int128: boolean;
  /** Has _Float128 as a distinct type. */
  float128: boolean;
  /** Has __float80 / __float128 names (x86 only). */
  x86FloatNames: boolean;
  /** Do unnamed (and zero-width) bit-fields affect struct alignment (only AAPCS64 among ours; checked against gcc). */
  zeroWidthBitfieldAligns: boolean;
  /** ELF machine number. */
  elfMachine: number;
  /** Multiarch folder name for Debian's libc headers and libraries. */
  multiarch: string;
}

const base = {
  charSigned: true, wcharSigned: true, shortWchar: false, int128: true, float128: true, x86FloatNames: false,
  zeroWidthBitfieldAligns: false,
};

export const TARGETS: Record<Arch, TargetLayout> = {
  x86_64: {
    ...base, arch: 'x86_64', triple: 'x86_64-linux-gnu', ptrSize: 8, longSize: 8,
    longDouble: 'x87', longDoubleSize: 16, longDoubleAlign: 16, int64Align: 8, doubleAlign: 8,
    biggestAlign: 16, x86FloatNames: true, elfMachine: 62, multiarch: 'x86_64-linux-gnu',
  },
  i386: {
    ...base, arch: 'i386', triple: 'i386-linux-gnu', ptrSize: 4, longSize: 4,
    longDouble: 'x87', longDoubleSize: 12, longDoubleAlign: 4, int64Align: 4, doubleAlign: 4,
    biggestAlign: 16, int128: false, x86FloatNames: true, elfMachine: 3, multiarch: 'i386-linux-gnu',
  },
  aarch64: {
    ...base, arch: 'aarch64', triple: 'aarch64-linux-gnu', ptrSize: 8, longSize: 8, charSigned: false,
    wcharSigned: false, longDouble: 'binary128', longDoubleSize: 16, longDoubleAlign: 16, int64Align: 8,
    doubleAlign: 8, biggestAlign: 16, zeroWidthBitfieldAligns: true, elfMachine: 183, multiarch: 'aarch64-linux-gnu',
  },
  riscv64: {
    ...base, arch: 'riscv64', triple: 'riscv64-linux-gnu', ptrSize: 8, longSize: 8, charSigned: false,
    longDouble: 'binary128', longDoubleSize: 16, longDoubleAlign: 16, int64Align: 8, doubleAlign: 8,
    biggestAlign: 16, elfMachine: 243, multiarch: 'riscv64-linux-gnu',
  },
};

/** The target as -funsigned-char/-fsigned-char (`charSigned`) and -fshort-wchar change it. */
export function withCodeOptions(t: TargetLayout, o: { charSigned?: boolean; shortWchar?: boolean }): TargetLayout {
  const charSigned = o.charSigned ?? t.charSigned, shortWchar = o.shortWchar ?? t.shortWchar;
  if (charSigned === t.charSigned && shortWchar === t.shortWchar) return t;
  return { ...t, charSigned, shortWchar };
}

/** Map a --target triple (or -m32) to a target; null if unsupported. */
export function targetFromTriple(triple: string): TargetLayout | null {
  const arch = triple.split('-')[0];
  switch (arch) {
    case 'x86_64': case 'amd64': return TARGETS.x86_64;
    case 'i386': case 'i486': case 'i586': case 'i686': case 'x86': return TARGETS.i386;
    case 'aarch64': case 'arm64': return TARGETS.aarch64;
    case 'riscv64': return TARGETS.riscv64;
  }
  return null;
}
