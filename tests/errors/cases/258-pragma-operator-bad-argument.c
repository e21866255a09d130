#define DO_PRAGMA(x) _Pragma(#x)

DO_PRAGMA(GCC visibility push(default))

_Pragma(once) /* ERROR */

int x;
