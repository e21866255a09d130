static int base = 10;

enum level {
  LOW,
  HIGH = base, /* ERROR */
};
