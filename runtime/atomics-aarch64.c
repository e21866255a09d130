/* atomics-aarch64.c: AArch64 "outline atomics" (__aarch64_cas4_acq and family).
 *
 * gcc (-moutline-atomics, the default for Debian's AArch64 gcc and therefore in glibc's libc.a)
 * compiles each atomic operation to a call here, so that one binary can use ARMv8.1 LSE
 * instructions when present.  These versions use only the ARMv8.0 exclusive pair
 * (load-exclusive / store-exclusive, retried until the store succeeds), which every AArch64 core
 * has.  Names: __aarch64_<op><size>_<model>.
 *   cas:   T f(T expected, T desired, T *p)  stores desired if *p == expected; returns old *p
 *   swp:   T f(T value, T *p)                stores value; returns old *p
 *   ldadd, ldclr (p &= ~v), ldeor (^=), ldset (|=):  T f(T value, T *p); returns old *p
 * Sizes 1, 2, 4, 8 bytes (and 16 for cas); models relax, acq (load-acquire), rel (store-release),
 * acq_rel, and sync (acq_rel followed by a full barrier, for the __sync builtins).
 * Narrow arguments may arrive with garbage above their width, so they are widened in C first.
 */
#include "rt.h"

/* Exclusive load and store mnemonics (single register and pair) for each model. */
#define LD_relax "ldxr"
#define ST_relax "stxr"
#define LDP_relax "ldxp"
#define STP_relax "stxp"
#define BAR_relax ""
#define LD_acq "ldaxr"
#define ST_acq "stxr"
#define LDP_acq "ldaxp"
#define STP_acq "stxp"
#define BAR_acq ""
#define LD_rel "ldxr"
#define ST_rel "stlxr"
#define LDP_rel "ldxp"
#define STP_rel "stlxp"
#define BAR_rel ""
#define LD_acq_rel "ldaxr"
#define ST_acq_rel "stlxr"
#define LDP_acq_rel "ldaxp"
#define STP_acq_rel "stlxp"
#define BAR_acq_rel ""
#define LD_sync "ldaxr"
#define ST_sync "stlxr"
#define LDP_sync "ldaxp"
#define STP_sync "stlxp"
#define BAR_sync "\n\tdmb ish"

/* Per size: C type, mnemonic suffix, register width modifier. */
#define T_1 uint8_t
#define SUF_1 "b"
#define R_1 "w"
#define T_2 uint16_t
#define SUF_2 "h"
#define R_2 "w"
#define T_4 uint32_t
#define SUF_4 ""
#define R_4 "w"
#define T_8 uint64_t
#define SUF_8 ""
#define R_8 "x"

#define CAS(N, M)                                                                    \
  T_##N __aarch64_cas##N##_##M(T_##N expected, T_##N desired, T_##N *p) {            \
    uint64_t old, e = expected, d = desired;                                         \
    unsigned fail;                                                                   \
    __asm__ volatile("0:\t" LD_##M SUF_##N "\t%" R_##N "0, [%2]\n"                   \
                     "\tcmp\t%" R_##N "0, %" R_##N "3\n"                             \
                     "\tb.ne\t1f\n"                                                  \
                     "\t" ST_##M SUF_##N "\t%w1, %" R_##N "4, [%2]\n"                \
                     "\tcbnz\t%w1, 0b\n"                                             \
                     "1:" BAR_##M                                                    \
                     : "=&r"(old), "=&r"(fail) : "r"(p), "r"(e), "r"(d) : "cc", "memory"); \
    return (T_##N)old;                                                               \
  }

#define SWP(N, M)                                                                    \
  T_##N __aarch64_swp##N##_##M(T_##N value, T_##N *p) {                              \
    uint64_t old, v = value;                                                         \
    unsigned fail;                                                                   \
    __asm__ volatile("0:\t" LD_##M SUF_##N "\t%" R_##N "0, [%2]\n"                   \
                     "\t" ST_##M SUF_##N "\t%w1, %" R_##N "3, [%2]\n"                \
                     "\tcbnz\t%w1, 0b" BAR_##M                                       \
                     : "=&r"(old), "=&r"(fail) : "r"(p), "r"(v) : "memory");         \
    return (T_##N)old;                                                               \
  }

/* ldadd, ldclr, ldeor, ldset: OP computes the new value from the old one and the operand. */
#define LDOP(NAME, OP, N, M)                                                         \
  T_##N __aarch64_##NAME##N##_##M(T_##N value, T_##N *p) {                           \
    uint64_t old, next, v = value;                                                   \
    unsigned fail;                                                                   \
    __asm__ volatile("0:\t" LD_##M SUF_##N "\t%" R_##N "0, [%3]\n"                   \
                     "\t" OP "\t%" R_##N "1, %" R_##N "0, %" R_##N "4\n"             \
                     "\t" ST_##M SUF_##N "\t%w2, %" R_##N "1, [%3]\n"                \
                     "\tcbnz\t%w2, 0b" BAR_##M                                       \
                     : "=&r"(old), "=&r"(next), "=&r"(fail) : "r"(p), "r"(v) : "memory"); \
    return (T_##N)old;                                                               \
  }

#define CAS16(M)                                                                     \
  u128 __aarch64_cas16_##M(u128 expected, u128 desired, u128 *p) {                   \
    uint64_t lo, hi, elo = lo64(expected), ehi = hi64(expected);                     \
    uint64_t dlo = lo64(desired), dhi = hi64(desired);                               \
    unsigned fail;                                                                   \
    __asm__ volatile("0:\t" LDP_##M "\t%0, %1, [%3]\n"                               \
                     "\tcmp\t%0, %4\n"                                               \
                     "\tccmp\t%1, %5, #0, eq\n"                                      \
                     "\tb.ne\t1f\n"                                                  \
                     "\t" STP_##M "\t%w2, %6, %7, [%3]\n"                            \
                     "\tcbnz\t%w2, 0b\n"                                             \
                     "\tb\t2f\n"                                                     \
                     "1:\t" STP_##M "\t%w2, %0, %1, [%3]\n" /* write back what was read, */ \
                     "\tcbnz\t%w2, 0b\n"                    /* so the read was atomic */    \
                     "2:" BAR_##M                                                    \
                     : "=&r"(lo), "=&r"(hi), "=&r"(fail)                             \
                     : "r"(p), "r"(elo), "r"(ehi), "r"(dlo), "r"(dhi) : "cc", "memory"); \
    return mk128(hi, lo);                                                            \
  }

#define ALL_OPS(N, M)                                                                \
  CAS(N, M) SWP(N, M) LDOP(ldadd, "add", N, M) LDOP(ldclr, "bic", N, M)             \
  LDOP(ldeor, "eor", N, M) LDOP(ldset, "orr", N, M)
#define ALL_SIZES(M) ALL_OPS(1, M) ALL_OPS(2, M) ALL_OPS(4, M) ALL_OPS(8, M) CAS16(M)

ALL_SIZES(relax)
ALL_SIZES(acq)
ALL_SIZES(rel)
ALL_SIZES(acq_rel)
ALL_SIZES(sync)
