#define ARCH_BITS 16

#if defined(ARCH_BITS)
# if ARCH_BITS != 32 && ARCH_BITS != 64
#  error unsupported word size /* ERROR */
# endif
#endif

int bits;
