#include <stdio.h>
int main(void) {
  double d = -3.75; float f = 1e10f; int i = -5; unsigned u = 4000000000u;
  printf("%d %d %u\n", (int)d, (int)(float)d, (unsigned)(d * -1));
  printf("%f %f %f\n", (double)i, (double)u, (double)(float)u);
  printf("%lld %llu\n", (long long)f, (unsigned long long)1e19);
  printf("%d %d %d %d\n", (char)300, (unsigned char)-1, (short)70000, (signed char)200);
  printf("%d %d %d %d\n", (_Bool)0.5, (_Bool)0, (_Bool)-3, (_Bool)(void *)&i);
  long long big = 0x123456789abcLL; printf("%x %lld\n", (int)big, (long long)(int)big);
  printf("%f\n", (double)(long long)-7);
  unsigned long long ull = 0xffffffffffffffffULL; printf("%f\n", (double)(ull >> 11));
  float g = (float)3.14159265358979; printf("%f\n", (double)g);
  printf("%d\n", (int)(unsigned char)(char)-56);
  long l = (long)&i; int *ip = (int *)l; printf("%d\n", *ip);
  return 0;
}
