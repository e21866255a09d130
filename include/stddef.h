/* stddef.h: cc-ts's own (C17 7.19).
   glibc asks for single pieces by defining __need_size_t, __need_ptrdiff_t, __need_wchar_t,
   __need_wint_t or __need_NULL before including; with none of them everything is defined.
   The types come from the predefined __SIZE_TYPE__ etc., so they are right for every target. */

#if !defined __need_size_t && !defined __need_ptrdiff_t && !defined __need_wchar_t \
    && !defined __need_wint_t && !defined __need_NULL
#define __cc_ts_stddef_all
#define __need_ptrdiff_t
#define __need_size_t
#define __need_wchar_t
#define __need_NULL
#define _STDDEF_H
#endif

#ifdef __need_ptrdiff_t
#ifndef _PTRDIFF_T
#define _PTRDIFF_T
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#endif
#undef __need_ptrdiff_t
#endif

#ifdef __need_size_t
#ifndef _SIZE_T
#define _SIZE_T
#define __size_t
typedef __SIZE_TYPE__ size_t;
#endif
#undef __need_size_t
#endif

#ifdef __need_wchar_t
#ifndef _WCHAR_T
#define _WCHAR_T
typedef __WCHAR_TYPE__ wchar_t;
#endif
#undef __need_wchar_t
#endif

#ifdef __need_wint_t
#ifndef _WINT_T
#define _WINT_T
typedef __WINT_TYPE__ wint_t;
#endif
#undef __need_wint_t
#endif

#ifdef __need_NULL
#undef NULL
#define NULL ((void *)0)
#undef __need_NULL
#endif

#ifdef __cc_ts_stddef_all
#undef __cc_ts_stddef_all
#ifndef offsetof
#define offsetof(TYPE, MEMBER) __builtin_offsetof (TYPE, MEMBER)
#endif
#if (defined __STDC_VERSION__ && __STDC_VERSION__ >= 201112L) && !defined _GCC_MAX_ALIGN_T
#define _GCC_MAX_ALIGN_T
/* the most aligned scalar types (i386 adds __float128, aligned to 16) */
typedef struct {
  long long __max_align_ll __attribute__((__aligned__(__alignof__(long long))));
  long double __max_align_ld __attribute__((__aligned__(__alignof__(long double))));
#ifdef __i386__
  __float128 __max_align_f128 __attribute__((__aligned__(__alignof(__float128))));
#endif
} max_align_t;
#endif
#endif
