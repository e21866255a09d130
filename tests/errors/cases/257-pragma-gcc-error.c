#define BITS 32

#if BITS == 32
#pragma GCC error "32-bit builds are not supported" /* ERROR */
#endif

int bits = BITS;
