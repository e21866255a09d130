/* powi.c: __builtin_powi (x to an integer power) by binary exponentiation, in the same order
 * of multiplications as libgcc so that results agree bit for bit; a negative power divides
 * 1 by the positive power's result.
 */
#include "rt.h"

#define POWI(NAME, T)                                  \
  T NAME(T x, int m) {                                 \
    unsigned n = m < 0 ? -(unsigned)m : (unsigned)m;   \
    T y = n % 2 ? x : 1;                               \
    while (n >>= 1) {                                  \
      x = x * x;                                       \
      if (n % 2) y = y * x;                            \
    }                                                  \
    return m < 0 ? 1 / y : y;                          \
  }

POWI(__powisf2, float)
POWI(__powidf2, double)
POWI(__powitf2, f128)
#if defined(__x86_64__)
POWI(__powixf2, long double)
#endif
