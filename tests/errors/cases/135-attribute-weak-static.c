int public_hook(void) __attribute__((weak));

static int private_hook(void) __attribute__((weak)); /* ERROR */
