#include <stdio.h>
#include <stddef.h>
wchar_t ws[] = L"wide";
int main(void) {
  printf("%d %d %d\n", (int)sizeof ws, (int)ws[0], (int)ws[4]);
  const unsigned short *u = (const unsigned short *)u"ab"; printf("%d %d\n", u[0], u[1]);
  const unsigned *U = (const unsigned *)U"\u00e9"; printf("%u\n", U[0]);
  printf("%d\n", L'x');
  return 0;
}
