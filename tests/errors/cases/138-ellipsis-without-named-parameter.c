int printf_like(const char *fmt, ...);

int anything(...); /* ERROR */
