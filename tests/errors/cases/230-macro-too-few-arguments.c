#define CLAMP(v, lo, hi) ((v) < (lo) ? (lo) : (v) > (hi) ? (hi) : (v))

int bounded(int v)
{
  return CLAMP(v, 0); /* ERROR */
}
