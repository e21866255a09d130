struct opts { int verbose; int quiet; };

static struct opts defaults = {
  .verbose = 1,
  .debug = 0, /* ERROR */
};
