typedef int si_t __attribute__((mode(SI)));

typedef int bad_t __attribute__((mode(QQQ))); /* ERROR */
