int ok_fn(void) __attribute__((const));

int bad_fn(void) __attribute__((pure); /* ERROR */
