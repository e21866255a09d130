union word {
  unsigned u;
  float f;
};

int bits(float f) { union word w; w.f = f; return (int)w.u; }

union word { /* ERROR */
  unsigned char b[4];
};
