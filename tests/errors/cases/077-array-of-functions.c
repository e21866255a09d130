typedef void callback(void);

static void a(void) { }

callback table[4]; /* ERROR */
