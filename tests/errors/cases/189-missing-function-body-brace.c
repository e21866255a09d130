int ready(void);

int compute(int x)
  return x * 2; /* ERROR */
}
