#define ALIGN 0

#if (64 % ALIGN) == 0 /* ERROR */
int aligned;
#endif
