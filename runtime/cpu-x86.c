/* cpu-x86.c: __cpu_model, __cpu_features2 and __cpu_indicator_init, which gcc's
 * __builtin_cpu_supports / __builtin_cpu_is / __builtin_cpu_init read and call.
 *
 * gcc compiles __builtin_cpu_supports("avx2") to a test of one bit: feature number k lives in
 * __cpu_model.__cpu_features[0] bit k for k < 32, else in __cpu_features2[(k - 32) / 32].  The
 * numbering is gcc's (enum processor_features); FEATURES maps each number to the CPUID leaf,
 * register and bit that report it.  Features that use the AVX or AVX-512 registers count only
 * when the OS saves those registers (XCR0, read with xgetbv), as in libgcc.
 * __cpu_indicator_init runs as a constructor before main.  Only the vendor is identified for
 * __builtin_cpu_is; __cpu_type and __cpu_subtype (the model tables) stay 0.
 */
#include "rt.h"

struct cpu_model { unsigned vendor, type, subtype, features[1]; };
struct cpu_model __cpu_model;
unsigned __cpu_features2[3];

enum { EAX, EBX, ECX, EDX };
/* CPUID leaves, as indices into the table of read results. */
enum { L1, L7, L7_1, LD_1, L14, L19, LX1, LX8, NLEAVES };
/* What a feature needs from the OS beyond the CPUID bit. */
enum { PLAIN, NEEDS_YMM, NEEDS_ZMM, NEEDS_AMX };

struct feature { unsigned char index, leaf, reg, bit, os; };

static const struct feature FEATURES[] = {
  { 0, L1, EDX, 15, PLAIN },      /* cmov */
  { 1, L1, EDX, 23, PLAIN },      /* mmx */
  { 2, L1, ECX, 23, PLAIN },      /* popcnt */
  { 3, L1, EDX, 25, PLAIN },      /* sse */
  { 4, L1, EDX, 26, PLAIN },      /* sse2 */
  { 5, L1, ECX, 0, PLAIN },       /* sse3 */
  { 6, L1, ECX, 9, PLAIN },       /* ssse3 */
  { 7, L1, ECX, 19, PLAIN },      /* sse4.1 */
  { 8, L1, ECX, 20, PLAIN },      /* sse4.2 */
  { 9, L1, ECX, 28, NEEDS_YMM },  /* avx */
  { 10, L7, EBX, 5, NEEDS_YMM },  /* avx2 */
  { 11, LX1, ECX, 6, PLAIN },     /* sse4a */
  { 12, LX1, ECX, 16, NEEDS_YMM },/* fma4 */
  { 13, LX1, ECX, 11, NEEDS_YMM },/* xop */
  { 14, L1, ECX, 12, NEEDS_YMM }, /* fma */
  { 15, L7, EBX, 16, NEEDS_ZMM }, /* avx512f */
  { 16, L7, EBX, 3, PLAIN },      /* bmi */
  { 17, L7, EBX, 8, PLAIN },      /* bmi2 */
  { 18, L1, ECX, 25, PLAIN },     /* aes */
  { 19, L1, ECX, 1, PLAIN },      /* pclmul */
  { 20, L7, EBX, 31, NEEDS_ZMM }, /* avx512vl */
  { 21, L7, EBX, 30, NEEDS_ZMM }, /* avx512bw */
  { 22, L7, EBX, 17, NEEDS_ZMM }, /* avx512dq */
  { 23, L7, EBX, 28, NEEDS_ZMM }, /* avx512cd */
  { 24, L7, EBX, 27, NEEDS_ZMM }, /* avx512er */
  { 25, L7, EBX, 26, NEEDS_ZMM }, /* avx512pf */
  { 26, L7, ECX, 1, NEEDS_ZMM },  /* avx512vbmi */
  { 27, L7, EBX, 21, NEEDS_ZMM }, /* avx512ifma */
  { 28, L7, EDX, 2, NEEDS_ZMM },  /* avx5124vnniw */
  { 29, L7, EDX, 3, NEEDS_ZMM },  /* avx5124fmaps */
  { 30, L7, ECX, 14, NEEDS_ZMM }, /* avx512vpopcntdq */
  { 31, L7, ECX, 6, NEEDS_ZMM },  /* avx512vbmi2 */
  { 32, L7, ECX, 8, PLAIN },      /* gfni */
  { 33, L7, ECX, 10, NEEDS_YMM }, /* vpclmulqdq */
  { 34, L7, ECX, 11, NEEDS_ZMM }, /* avx512vnni */
  { 35, L7, ECX, 12, NEEDS_ZMM }, /* avx512bitalg */
  { 36, L7_1, EAX, 5, NEEDS_ZMM },/* avx512bf16 */
  { 37, L7, EDX, 8, NEEDS_ZMM },  /* avx512vp2intersect */
  { 38, LX1, EDX, 31, PLAIN },    /* 3dnow */
  { 39, LX1, EDX, 30, PLAIN },    /* 3dnowp */
  { 40, L7, EBX, 19, PLAIN },     /* adx */
  { 41, LX1, ECX, 5, PLAIN },     /* abm */
  { 42, L7, ECX, 25, PLAIN },     /* cldemote */
  { 43, L7, EBX, 23, PLAIN },     /* clflushopt */
  { 44, L7, EBX, 24, PLAIN },     /* clwb */
  { 45, LX8, EBX, 0, PLAIN },     /* clzero */
  { 46, L1, ECX, 13, PLAIN },     /* cmpxchg16b */
  { 47, L1, EDX, 8, PLAIN },      /* cmpxchg8b */
  { 48, L7, ECX, 29, PLAIN },     /* enqcmd */
  { 49, L1, ECX, 29, NEEDS_YMM }, /* f16c */
  { 50, L7, EBX, 0, PLAIN },      /* fsgsbase */
  { 51, L1, EDX, 24, PLAIN },     /* fxsave */
  { 52, L7, EBX, 4, PLAIN },      /* hle */
  { 53, L7, EDX, 20, PLAIN },     /* ibt */
  { 54, LX1, ECX, 0, PLAIN },     /* lahf_lm */
  { 55, LX1, EDX, 29, PLAIN },    /* lm */
  { 56, LX1, ECX, 15, PLAIN },    /* lwp */
  { 57, LX1, ECX, 5, PLAIN },     /* lzcnt */
  { 58, L1, ECX, 22, PLAIN },     /* movbe */
  { 59, L7, ECX, 28, PLAIN },     /* movdir64b */
  { 60, L7, ECX, 27, PLAIN },     /* movdiri */
  { 61, LX1, ECX, 29, PLAIN },    /* mwaitx */
  { 62, L1, ECX, 27, PLAIN },     /* osxsave */
  { 63, L7, EDX, 18, PLAIN },     /* pconfig */
  { 64, L7, ECX, 3, PLAIN },      /* pku */
  { 65, L7, ECX, 0, PLAIN },      /* prefetchwt1 */
  { 66, LX1, ECX, 8, PLAIN },     /* prfchw */
  { 67, L14, EBX, 4, PLAIN },     /* ptwrite */
  { 68, L7, ECX, 22, PLAIN },     /* rdpid */
  { 69, L1, ECX, 30, PLAIN },     /* rdrnd */
  { 70, L7, EBX, 18, PLAIN },     /* rdseed */
  { 71, L7, EBX, 11, PLAIN },     /* rtm */
  { 72, L7, EDX, 14, PLAIN },     /* serialize */
  { 73, L7, EBX, 2, PLAIN },      /* sgx */
  { 74, L7, EBX, 29, PLAIN },     /* sha */
  { 75, L7, ECX, 7, PLAIN },      /* shstk */
  { 76, LX1, ECX, 21, PLAIN },    /* tbm */
  { 77, L7, EDX, 16, PLAIN },     /* tsxldtrk */
  { 78, L7, ECX, 9, NEEDS_YMM },  /* vaes */
  { 79, L7, ECX, 5, PLAIN },      /* waitpkg */
  { 80, LX8, EBX, 9, PLAIN },     /* wbnoinvd */
  { 81, L1, ECX, 26, PLAIN },     /* xsave */
  { 82, LD_1, EAX, 1, PLAIN },    /* xsavec */
  { 83, LD_1, EAX, 0, PLAIN },    /* xsaveopt */
  { 84, LD_1, EAX, 3, PLAIN },    /* xsaves */
  { 85, L7, EDX, 24, NEEDS_AMX }, /* amx-tile */
  { 86, L7, EDX, 25, NEEDS_AMX }, /* amx-int8 */
  { 87, L7, EDX, 22, NEEDS_AMX }, /* amx-bf16 */
  { 88, L7, EDX, 5, PLAIN },      /* uintr */
  { 89, L7_1, EAX, 22, PLAIN },   /* hreset */
  { 90, L7, ECX, 23, PLAIN },     /* kl */
  { 91, L19, EBX, 0, PLAIN },     /* aeskle */
  { 92, L19, EBX, 2, PLAIN },     /* widekl */
  { 93, L7_1, EAX, 4, NEEDS_YMM },/* avxvnni */
  { 94, L7, EDX, 23, NEEDS_ZMM }, /* avx512fp16 */
};

/* The x86-64 micro-architecture levels (features 95..98) as lists of feature numbers. */
static const unsigned char LEVEL1[] = { 0, 1, 3, 4, 47, 51 };
static const unsigned char LEVEL2[] = { 2, 5, 6, 7, 8, 46, 54 };
static const unsigned char LEVEL3[] = { 9, 10, 14, 16, 17, 49, 57, 58, 62 };
static const unsigned char LEVEL4[] = { 15, 20, 21, 22, 23 };

static void cpuid(unsigned leaf, unsigned sub, unsigned r[4]) {
  __asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3]) : "a"(leaf), "c"(sub));
}

static int has(unsigned k) {
  return k < 32 ? (__cpu_model.features[0] >> k) & 1 : (__cpu_features2[(k - 32) / 32] >> (k % 32)) & 1;
}
static void set(unsigned k) {
  if (k < 32) __cpu_model.features[0] |= 1u << k;
  else __cpu_features2[(k - 32) / 32] |= 1u << (k % 32);
}
static int has_all(const unsigned char *list, unsigned n) {
  for (unsigned i = 0; i < n; i++) if (!has(list[i])) return 0;
  return 1;
}

int __attribute__((constructor(101))) __cpu_indicator_init(void) {
  unsigned regs[NLEAVES][4] = { { 0 } }, r[4], max, maxx, xcr0 = 0;
  if (__cpu_model.vendor) return 0;
  cpuid(0, 0, r);
  max = r[0];
  if (r[1] == 0x756e6547 && r[3] == 0x49656e69 && r[2] == 0x6c65746e) __cpu_model.vendor = 1;        /* GenuineIntel */
  else if (r[1] == 0x68747541 && r[3] == 0x69746e65 && r[2] == 0x444d4163) __cpu_model.vendor = 2;   /* AuthenticAMD */
  else __cpu_model.vendor = 3;
  if (max >= 1) cpuid(1, 0, regs[L1]);
  if (max >= 7) { cpuid(7, 0, regs[L7]); if (regs[L7][EAX] >= 1) cpuid(7, 1, regs[L7_1]); }
  if (max >= 0xd) cpuid(0xd, 1, regs[LD_1]);
  if (max >= 0x14) cpuid(0x14, 0, regs[L14]);
  if (max >= 0x19) cpuid(0x19, 0, regs[L19]);
  cpuid(0x80000000u, 0, r);
  maxx = r[0];
  if (maxx >= 0x80000001u) cpuid(0x80000001u, 0, regs[LX1]);
  if (maxx >= 0x80000008u) cpuid(0x80000008u, 0, regs[LX8]);
  if ((regs[L1][ECX] >> 27) & 1) {                                         /* OSXSAVE */
    unsigned hi;
    __asm__ volatile("xgetbv" : "=a"(xcr0), "=d"(hi) : "c"(0));
  }
  int ymm = (xcr0 & 0x6) == 0x6, zmm = ymm && (xcr0 & 0xe0) == 0xe0, amx = (xcr0 & 0x60000) == 0x60000;
  for (unsigned i = 0; i < sizeof FEATURES / sizeof FEATURES[0]; i++) {
    const struct feature *f = &FEATURES[i];
    if (!((regs[f->leaf][f->reg] >> f->bit) & 1)) continue;
    if ((f->os == NEEDS_YMM && !ymm) || (f->os == NEEDS_ZMM && !zmm) || (f->os == NEEDS_AMX && !amx)) continue;
    set(f->index);
  }
  if (has_all(LEVEL1, sizeof LEVEL1)) {
    set(95);
    if (has_all(LEVEL2, sizeof LEVEL2)) {
      set(96);
      if (has_all(LEVEL3, sizeof LEVEL3)) {
        set(97);
        if (has_all(LEVEL4, sizeof LEVEL4)) set(98);
      }
    }
  }
  return 0;
}
