/* complex.c: complex multiply and divide (__mulsc3 ... __divtc3), as C99 Annex G and gcc 12's
 * libgcc define them.
 *
 * Multiply: the four products, then, when both parts came out NaN, recover the infinities that
 * Annex G requires ("boxing" an infinite operand to +-1 and 0, NaNs in the other to 0, and
 * recomputing times infinity).
 *
 * Divide: float is computed in double, where the textbook formula cannot overflow.  The wider
 * types use Smith's method (divide by the larger of |c|, |d| first) with the scalings of
 * Baudin and Smith as refined by McGehearty (the gcc 12 algorithm): halve everything when the
 * larger denominator part is near the top of the range, scale up by 1/epsilon when it or a
 * numerator part is tiny, and reorder the products when the ratio is subnormal.  The same
 * Annex G recovery of infinities and zeros follows.
 *
 * Exceptions are not a concern; isnan/isinf are written with comparisons and the sign with the
 * bytes of the value, so this file needs no libm.
 */
#include <float.h>
#include "rt.h"

/* Bit 7 of byte SIGN_BYTE is the sign (little-endian; x87 keeps it in byte 9). */
#define DEFINE_HELPERS(S, T, SIGN_BYTE)                                                  \
  static inline int isnan_##S(T x) { return x != x; }                                    \
  static inline int isinf_##S(T x) { return x == x && (x - x) != (x - x); }             \
  static inline int isfinite_##S(T x) { return (x - x) == (x - x); }                    \
  static inline int signbit_##S(T x) {                                                   \
    union { T f; unsigned char b[sizeof(T)]; } u; u.f = x; return u.b[SIGN_BYTE] >> 7;  \
  }                                                                                      \
  static inline T copysign_##S(T v, T s) { return signbit_##S(v) != signbit_##S(s) ? -v : v; } \
  static inline T fabs_##S(T x) { return signbit_##S(x) ? -x : x; }                      \
  static inline _Complex T make_##S(T re, T im) {                                        \
    union { _Complex T c; T p[2]; } u; u.p[0] = re; u.p[1] = im; return u.c;             \
  }

/* z * w with z = a + bi, w = c + di. */
#define DEFINE_MUL(NAME, S, T)                                                           \
  _Complex T NAME(T a, T b, T c, T d) {                                                  \
    T ac = a * c, bd = b * d, ad = a * d, bc = b * c;                                    \
    T x = ac - bd, y = ad + bc;                                                          \
    if (isnan_##S(x) && isnan_##S(y)) {                                                  \
      int recalc = 0;                                                                    \
      if (isinf_##S(a) || isinf_##S(b)) {                                                \
        a = copysign_##S(isinf_##S(a) ? 1 : 0, a);                                       \
        b = copysign_##S(isinf_##S(b) ? 1 : 0, b);                                       \
        if (isnan_##S(c)) c = copysign_##S(0, c);                                        \
        if (isnan_##S(d)) d = copysign_##S(0, d);                                        \
        recalc = 1;                                                                      \
      }                                                                                  \
      if (isinf_##S(c) || isinf_##S(d)) {                                                \
        c = copysign_##S(isinf_##S(c) ? 1 : 0, c);                                       \
        d = copysign_##S(isinf_##S(d) ? 1 : 0, d);                                       \
        if (isnan_##S(a)) a = copysign_##S(0, a);                                        \
        if (isnan_##S(b)) b = copysign_##S(0, b);                                        \
        recalc = 1;                                                                      \
      }                                                                                  \
      if (!recalc && (isinf_##S(ac) || isinf_##S(bd) || isinf_##S(ad) || isinf_##S(bc))) { \
        if (isnan_##S(a)) a = copysign_##S(0, a);                                        \
        if (isnan_##S(b)) b = copysign_##S(0, b);                                        \
        if (isnan_##S(c)) c = copysign_##S(0, c);                                        \
        if (isnan_##S(d)) d = copysign_##S(0, d);                                        \
        recalc = 1;                                                                      \
      }                                                                                  \
      if (recalc) {                                                                      \
        x = (T)__builtin_inf() * (a * c - b * d);                                        \
        y = (T)__builtin_inf() * (a * d + b * c);                                        \
      }                                                                                  \
    }                                                                                    \
    return make_##S(x, y);                                                               \
  }

/* When both parts of z / w came out NaN: recover infinities and zeros (Annex G). */
#define DEFINE_DIV_FIXUP(S, T)                                                           \
  static void div_fixup_##S(T a, T b, T c, T d, T *x, T *y) {                            \
    T inf = (T)__builtin_inf();                                                          \
    if (c == 0 && d == 0 && (!isnan_##S(a) || !isnan_##S(b))) {                          \
      *x = copysign_##S(inf, c) * a;                                                     \
      *y = copysign_##S(inf, c) * b;                                                     \
    } else if ((isinf_##S(a) || isinf_##S(b)) && isfinite_##S(c) && isfinite_##S(d)) {   \
      a = copysign_##S(isinf_##S(a) ? 1 : 0, a);                                         \
      b = copysign_##S(isinf_##S(b) ? 1 : 0, b);                                         \
      *x = inf * (a * c + b * d);                                                        \
      *y = inf * (b * c - a * d);                                                        \
    } else if ((isinf_##S(c) || isinf_##S(d)) && isfinite_##S(a) && isfinite_##S(b)) {   \
      c = copysign_##S(isinf_##S(c) ? 1 : 0, c);                                         \
      d = copysign_##S(isinf_##S(d) ? 1 : 0, d);                                         \
      *x = 0 * (a * c + b * d);                                                          \
      *y = 0 * (b * c - a * d);                                                          \
    }                                                                                    \
  }

/* Smith's method with scaling; MAX, MIN (smallest normal) and EPS of the type. */
#define DEFINE_DIV(NAME, S, T, MAX, MIN, EPS)                                            \
  _Complex T NAME(T a, T b, T c, T d) {                                                  \
    const T big = MAX / 2, tiny = MIN, eps = EPS, up = 1 / EPS, max2 = big * EPS;       \
    T ratio, denom, x, y;                                                                \
    if (fabs_##S(c) < fabs_##S(d)) {                                                     \
      if (fabs_##S(d) >= big) { a = a / 2; b = b / 2; c = c / 2; d = d / 2; }            \
      if (fabs_##S(d) < eps) { a = a * up; b = b * up; c = c * up; d = d * up; }         \
      else if ((fabs_##S(a) < tiny && fabs_##S(b) < max2 && fabs_##S(d) < max2) ||       \
               (fabs_##S(b) < tiny && fabs_##S(a) < max2 && fabs_##S(d) < max2)) {       \
        a = a * up; b = b * up; c = c * up; d = d * up;                                  \
      }                                                                                  \
      ratio = c / d;                                                                     \
      denom = (c * ratio) + d;                                                           \
      if (fabs_##S(ratio) > tiny) {                                                      \
        x = ((a * ratio) + b) / denom;                                                   \
        y = ((b * ratio) - a) / denom;                                                   \
      } else {                                                                           \
        x = ((c * (a / d)) + b) / denom;                                                 \
        y = ((c * (b / d)) - a) / denom;                                                 \
      }                                                                                  \
    } else {                                                                             \
      if (fabs_##S(c) >= big) { a = a / 2; b = b / 2; c = c / 2; d = d / 2; }            \
      if (fabs_##S(c) < eps) { a = a * up; b = b * up; c = c * up; d = d * up; }         \
      else if ((fabs_##S(a) < tiny && fabs_##S(b) < max2 && fabs_##S(c) < max2) ||       \
               (fabs_##S(b) < tiny && fabs_##S(a) < max2 && fabs_##S(c) < max2)) {       \
        a = a * up; b = b * up; c = c * up; d = d * up;                                  \
      }                                                                                  \
      ratio = d / c;                                                                     \
      denom = (d * ratio) + c;                                                           \
      if (fabs_##S(ratio) > tiny) {                                                      \
        x = ((b * ratio) + a) / denom;                                                   \
        y = (b - (a * ratio)) / denom;                                                   \
      } else {                                                                           \
        x = (a + (d * (b / c))) / denom;                                                 \
        y = (b - (d * (a / c))) / denom;                                                 \
      }                                                                                  \
    }                                                                                    \
    if (isnan_##S(x) && isnan_##S(y)) div_fixup_##S(a, b, c, d, &x, &y);   /* the scaled ones */ \
    return make_##S(x, y);                                                               \
  }

DEFINE_HELPERS(sf, float, 3)
DEFINE_HELPERS(df, double, 7)
DEFINE_HELPERS(tf, F128, 15)
DEFINE_MUL(__mulsc3, sf, float)
DEFINE_MUL(__muldc3, df, double)
DEFINE_MUL(__multc3, tf, F128)
DEFINE_DIV_FIXUP(sf, float)
DEFINE_DIV_FIXUP(df, double)
DEFINE_DIV_FIXUP(tf, F128)
DEFINE_DIV(__divdc3, df, double, DBL_MAX, DBL_MIN, DBL_EPSILON)
DEFINE_DIV(__divtc3, tf, F128, __FLT128_MAX__, __FLT128_MIN__, __FLT128_EPSILON__)

/* float: the textbook formula in double, which has the range to need no scaling. */
_Complex float __divsc3(float a, float b, float c, float d) {
  double aa = a, bb = b, cc = c, dd = d, denom = cc * cc + dd * dd;
  float x = (float)((aa * cc + bb * dd) / denom), y = (float)((bb * cc - aa * dd) / denom);
  if (isnan_sf(x) && isnan_sf(y)) div_fixup_sf(a, b, c, d, &x, &y);
  return make_sf(x, y);
}

#if defined(__x86_64__)
DEFINE_HELPERS(xf, long double, 9)
DEFINE_MUL(__mulxc3, xf, long double)
DEFINE_DIV_FIXUP(xf, long double)
DEFINE_DIV(__divxc3, xf, long double, LDBL_MAX, LDBL_MIN, LDBL_EPSILON)
#endif
