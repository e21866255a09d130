void scale(float *restrict dst, const float *restrict src, int n)
{
  int restrict k = 2; /* ERROR */
  for (int i = 0; i < n; i++)
    dst[i] = src[i] * k;
}
