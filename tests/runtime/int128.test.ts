// runtime/int128.c and runtime/bits.c against libgcc on seeded random inputs of many shapes
// (full width, small, powers of two and their neighbours, near the limits), on x86-64 natively
// and on AArch64 and RISC-V under qemu-user.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TARGETS, DRIVER_PRELUDE, buildRuntime, requireTools, runDriver, summary } from './harness';

const DRIVER = DRIVER_PRELUDE + `
u128 rt___udivti3(u128, u128), rt___umodti3(u128, u128), rt___udivmodti4(u128, u128, u128 *);
i128 rt___divti3(i128, i128), rt___modti3(i128, i128), rt___divmodti4(i128, i128, i128 *);
i128 rt___multi3(i128, i128), rt___ashlti3(i128, int), rt___ashrti3(i128, int), rt___negti2(i128);
u128 rt___lshrti3(u128, int);
#ifdef __aarch64__
int rt___cmpti2(i128, i128), rt___ucmpti2(u128, u128);
#else
long rt___cmpti2(i128, i128), rt___ucmpti2(u128, u128);
#endif
i128 rt___addvti3(i128, i128), rt___subvti3(i128, i128);
long rt___mulvdi3(long, long);
int rt___clzdi2(uint64_t), rt___ctzdi2(uint64_t), rt___clzti2(u128), rt___ctzti2(u128);
int rt___ffsdi2(uint64_t), rt___ffsti2(u128), rt___popcountdi2(uint64_t), rt___popcountti2(u128);
int rt___paritydi2(uint64_t), rt___parityti2(u128), rt___clrsbdi2(int64_t), rt___clrsbti2(i128);
uint32_t rt___bswapsi2(uint32_t); uint64_t rt___bswapdi2(uint64_t);
extern u128 __udivti3(u128, u128), __umodti3(u128, u128);
extern i128 __divti3(i128, i128), __modti3(i128, i128);

static void div_pair(u128 a, u128 b) {
  char x[40], y[40];
  hex128(x, a); hex128(y, b);
  if (b != 0) {
    u128 r, q = rt___udivmodti4(a, b, &r);
    CHECK(rt___udivti3(a, b) == __udivti3(a, b), "udiv %s %s\\n", x, y);
    CHECK(rt___umodti3(a, b) == __umodti3(a, b), "umod %s %s\\n", x, y);
    CHECK(q == __udivti3(a, b) && r == __umodti3(a, b), "udivmod %s %s\\n", x, y);
    CHECK(q * b + r == a && r < b, "udivmod identity %s %s\\n", x, y);
    i128 sa = (i128)a, sb = (i128)b;
    if (!(sb == -1 && sa == (i128)((u128)1 << 127))) {
      i128 sr, sq = rt___divmodti4(sa, sb, &sr);
      CHECK(rt___divti3(sa, sb) == __divti3(sa, sb), "div %s %s\\n", x, y);
      CHECK(rt___modti3(sa, sb) == __modti3(sa, sb), "mod %s %s\\n", x, y);
      CHECK(sq == __divti3(sa, sb) && sr == __modti3(sa, sb), "divmod %s %s\\n", x, y);
    } else {
      CHECK(rt___divti3(sa, sb) == sa && rt___modti3(sa, sb) == 0, "INT128_MIN / -1\\n");
    }
  }
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 50000;
  const u128 edges[] = { 0, 1, 2, 3, 7, 10, (u128)1 << 63, ((u128)1 << 64) - 1, (u128)1 << 64, ((u128)1 << 64) + 1,
    ((u128)1 << 127) - 1, (u128)1 << 127, ((u128)1 << 127) + 1, ~(u128)0, ~(u128)0 - 1, (u128)0xffffffffu << 64 };
  for (unsigned i = 0; i < sizeof edges / sizeof edges[0]; i++)
    for (unsigned j = 0; j < sizeof edges / sizeof edges[0]; j++) div_pair(edges[i], edges[j]);
  for (long i = 0; i < n; i++) {
    u128 a = r128(), b = r128();
    char x[40], y[40];
    hex128(x, a); hex128(y, b);
    div_pair(a, b);
    int s = (int)(rnd() % 128);
    CHECK(rt___multi3((i128)a, (i128)b) == (i128)a * (i128)b, "mul %s %s\\n", x, y);
    CHECK(rt___ashlti3((i128)a, s) == (i128)(a << s), "shl %s %d\\n", x, s);
    CHECK(rt___ashrti3((i128)a, s) == (i128)a >> s, "sar %s %d\\n", x, s);
    CHECK(rt___lshrti3(a, s) == a >> s, "shr %s %d\\n", x, s);
    CHECK(rt___negti2((i128)a) == (i128)-a, "neg %s\\n", x);
    CHECK(rt___cmpti2((i128)a, (i128)b) == ((i128)a < (i128)b ? 0 : a == b ? 1 : 2), "cmp %s %s\\n", x, y);
    CHECK(rt___ucmpti2(a, b) == (a < b ? 0 : a == b ? 1 : 2), "ucmp %s %s\\n", x, y);
    i128 sum;
    if (!__builtin_add_overflow((i128)a, (i128)b, &sum)) CHECK(rt___addvti3((i128)a, (i128)b) == sum, "addv %s %s\\n", x, y);
    if (!__builtin_sub_overflow((i128)a, (i128)b, &sum)) CHECK(rt___subvti3((i128)a, (i128)b) == sum, "subv %s %s\\n", x, y);
    long p, la = (long)(rnd() >> (rnd() % 64)) * (rnd() & 1 ? -1 : 1), lb = (long)(rnd() >> (rnd() % 64));
    if (!__builtin_mul_overflow(la, lb, &p)) CHECK(rt___mulvdi3(la, lb) == p, "mulv %ld %ld\\n", la, lb);
    uint64_t w = (uint64_t)a;
    if (w) {
      CHECK(rt___clzdi2(w) == __builtin_clzll(w), "clz %s\\n", x);
      CHECK(rt___ctzdi2(w) == __builtin_ctzll(w), "ctz %s\\n", x);
    }
    if (a) {
      CHECK(rt___clzti2(a) == (a >> 64 ? __builtin_clzll((uint64_t)(a >> 64)) : 64 + __builtin_clzll(w)), "clzti %s\\n", x);
      CHECK(rt___ctzti2(a) == (w ? __builtin_ctzll(w) : 64 + __builtin_ctzll((uint64_t)(a >> 64))), "ctzti %s\\n", x);
    }
    CHECK(rt___ffsdi2(w) == __builtin_ffsll((long long)w), "ffs %s\\n", x);
    CHECK(rt___ffsti2(a) == (w ? __builtin_ffsll((long long)w) : a ? 64 + __builtin_ffsll((long long)(a >> 64)) : 0), "ffsti %s\\n", x);
    CHECK(rt___popcountdi2(w) == __builtin_popcountll(w), "popcount %s\\n", x);
    CHECK(rt___popcountti2(a) == __builtin_popcountll(w) + __builtin_popcountll((uint64_t)(a >> 64)), "popcountti %s\\n", x);
    CHECK(rt___paritydi2(w) == __builtin_parityll(w), "parity %s\\n", x);
    CHECK(rt___parityti2(a) == (__builtin_parityll(w) ^ __builtin_parityll((uint64_t)(a >> 64))), "parityti %s\\n", x);
    CHECK(rt___clrsbdi2((int64_t)w) == __builtin_clrsbll((long long)w), "clrsb %s\\n", x);
    CHECK(rt___bswapsi2((uint32_t)w) == __builtin_bswap32((uint32_t)w), "bswap32 %s\\n", x);
    CHECK(rt___bswapdi2(w) == __builtin_bswap64(w), "bswap64 %s\\n", x);
  }
  CHECK(rt___clzdi2(0) == 64 && rt___ctzdi2(0) == 64 && rt___ffsdi2(0) == 0 && rt___clrsbti2(0) == 127 && rt___clrsbti2(-1) == 127, "zero cases\\n");
  return finish();
}
`;

for (const t of TARGETS) {
  test(`int128 and bit helpers match libgcc (${t.name})`, () => {
    requireTools(t);
    const objs = buildRuntime(t, ['int128.c', 'bits.c'], true);
    const out = runDriver(t, 'int128', DRIVER.replace('#include <string.h>', '#include <string.h>\n#include <stdlib.h>'), objs);
    const [checked, failed, text] = summary(out);
    assert.is(failed, 0, text);
    assert.ok(checked > 1000000, `only ${checked} checks`);
    console.log(`  ${t.name}: ${checked} checks`);
  });
}

test.run();
