#include <stdio.h>
#include <stdarg.h>
int sum(int n, ...) { va_list ap; va_start(ap, n); int s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, int); va_end(ap); return s; }
double dsum(int n, ...) { va_list ap; va_start(ap, n); double s = 0; while (n--) s += va_arg(ap, double); va_end(ap); return s; }
long mix(const char *fmt, ...) {
  va_list ap, aq; va_start(ap, fmt); va_copy(aq, ap); long r = 0;
  for (; *fmt; fmt++) { if (*fmt == 'i') r += va_arg(ap, int); else if (*fmt == 'l') r += va_arg(ap, long); else if (*fmt == 'p') r += *va_arg(ap, int *); }
  r *= 10; r += va_arg(aq, int); va_end(aq); va_end(ap); return r;
}
int vhelper(int n, va_list ap) { int m = 0; while (n--) { int v = va_arg(ap, int); if (v > m) m = v; } return m; }
int vmax(int n, ...) { va_list ap; va_start(ap, n); int r = vhelper(n, ap); va_end(ap); return r; }
int main(void) {
  int x = 100;
  printf("%d %f %ld %d\n", sum(4, 1, 2, 3, 4), dsum(3, 0.5, 1.5, 2.0), mix("ilp", 5, 6L, &x), vmax(4, 3, 9, 2, 7));
  return 0;
}
