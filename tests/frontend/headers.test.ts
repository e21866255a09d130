// Each standard C header and the common POSIX ones, included alone with a use or two, must compile with
// `cc-ts -fsyntax-only` for each target against Debian's glibc headers (the host's for x86_64 and, where
// libc6-dev-i386 is installed, i386; libc6-dev-{arm64,riscv64}-cross for the others), with 0 errors.
// gcc is the oracle that each test program is valid (it is run once per target, all headers in one go).
// Runs in process (tests/frontend/run.ts).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runFrontend, TRIPLES } from './run';

/** Header -> a few lines that use it (inside a function body unless they start with '@'). */
const HEADERS: [string, string][] = [
  ['assert.h', 'assert(argc > 0);'],
  ['complex.h', 'double complex z = CMPLX(1.0, 2.0); (void)cabs(z); (void)creal(z * I);'],
  ['ctype.h', 'if (isalpha(argc) || toupper(argc) == 65) return 1;'],
  ['errno.h', 'errno = EINVAL; if (errno == ERANGE) return 2;'],
  ['fenv.h', 'fenv_t e; fegetenv(&e); feclearexcept(FE_ALL_EXCEPT);'],
  ['float.h', 'double d = DBL_MAX; float f = FLT_EPSILON; (void)d; (void)f; (void)LDBL_MANT_DIG;'],
  ['inttypes.h', 'intmax_t v = strtoimax("1", 0, 10); printf_like(PRId64, PRIu32); (void)v;'],
  ['limits.h', 'int a[INT_MAX > 0 ? 1 : -1]; long b = LONG_MIN; (void)a; (void)b; (void)CHAR_BIT;'],
  ['locale.h', 'setlocale(LC_ALL, "C"); struct lconv *l = localeconv(); (void)l;'],
  ['math.h', 'double x = sin(1.0) + sqrt(2.0) + HUGE_VAL; if (isnan(x) || isinf(x) || signbit(x)) return 3; (void)fpclassify(x);'],
  ['setjmp.h', 'jmp_buf jb; if (setjmp(jb)) return 4;'],
  ['signal.h', 'signal(SIGINT, SIG_IGN); sig_atomic_t s = 0; (void)s; raise(SIGTERM);'],
  ['stdalign.h', 'alignas(16) char buf[16]; (void)buf; (void)alignof(double);'],
  ['stdarg.h', '@static int sum(int n, ...) { va_list ap; va_start(ap, n); int s = va_arg(ap, int); va_end(ap); return s; }'],
  ['stdatomic.h', 'atomic_int a = ATOMIC_VAR_INIT(0); atomic_fetch_add(&a, 1); (void)atomic_load(&a); atomic_thread_fence(memory_order_seq_cst);'],
  ['stdbool.h', 'bool b = true; if (b == false) return 5;'],
  ['stddef.h', 'size_t n = offsetof(struct { int a; char b; }, b); ptrdiff_t d = 0; wchar_t w = L\'x\'; (void)n; (void)d; (void)w; (void)NULL;'],
  ['stdint.h', 'uint64_t u = UINT64_MAX; int8_t i = INT8_MIN; uintptr_t p = 0; (void)u; (void)i; (void)p; (void)SIZE_MAX;'],
  ['stdio.h', 'printf("%d\\n", argc); FILE *f = fopen("x", "r"); if (f) fclose(f); char b[8]; snprintf(b, sizeof b, "%s", "a");'],
  ['stdlib.h', 'void *p = malloc(10); free(p); qsort(0, 0, 1, 0); (void)atoi("1"); if (argc > 9) exit(EXIT_FAILURE);'],
  ['stdnoreturn.h', '@noreturn static void die(void) { for (;;) {} }'],
  ['string.h', 'char a[8], b[8] = "x"; memcpy(a, b, 8); (void)strlen(a); (void)strcmp(a, b); (void)strerror(0);'],
  ['tgmath.h', 'double d = sqrt(2.0); float f = sqrt(2.0f); long double l = sqrt(2.0L); double complex z = sqrt(d * I); (void)f; (void)l; (void)z; (void)fabs(-1);'],
  ['threads.h', 'mtx_t m; mtx_init(&m, mtx_plain); thrd_t t; (void)t; mtx_destroy(&m);'],
  ['time.h', 'time_t t = time(0); struct tm *tm = localtime(&t); char b[32]; strftime(b, sizeof b, "%Y", tm); (void)clock(); (void)difftime(t, t);'],
  ['uchar.h', 'char16_t c = u\'x\'; char32_t d = U\'y\'; mbstate_t st = {0}; (void)c; (void)d; (void)st;'],
  ['wchar.h', 'wchar_t w[4] = L"ab"; (void)wcslen(w); wint_t c = WEOF; (void)c; (void)wprintf;'],
  ['wctype.h', 'if (iswalpha(L\'a\')) return 6; (void)towupper(L\'a\');'],
  ['pthread.h', 'pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER; pthread_mutex_lock(&m); pthread_mutex_unlock(&m); pthread_t t = pthread_self(); (void)t;'],
  ['unistd.h', 'char b[4]; (void)read(0, b, 4); (void)getpid(); (void)sysconf(_SC_PAGESIZE); close(3);'],
  ['fcntl.h', 'int fd = open("x", O_RDONLY | O_CLOEXEC); (void)fcntl(fd, F_GETFL);'],
  ['sys/types.h', 'pid_t p = 0; off_t o = 0; ssize_t s = 0; (void)p; (void)o; (void)s;'],
  ['sys/stat.h', 'struct stat st; if (stat("x", &st) == 0 && S_ISDIR(st.st_mode)) return 7; mkdir("d", 0755);'],
  ['sys/mman.h', 'void *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); if (p != MAP_FAILED) munmap(p, 4096);'],
  ['sys/socket.h', 'int s = socket(AF_INET, SOCK_STREAM, 0); struct sockaddr_storage ss; socklen_t l = sizeof ss; (void)getsockname(s, (struct sockaddr *)&ss, &l);'],
  ['sys/wait.h', 'int st; if (waitpid(-1, &st, WNOHANG) > 0 && WIFEXITED(st)) return WEXITSTATUS(st);'],
  ['sys/time.h', 'struct timeval tv; gettimeofday(&tv, 0); (void)tv.tv_usec;'],
  ['sys/ioctl.h', 'struct winsize ws; (void)ioctl(0, TIOCGWINSZ, &ws);'],
  ['sys/select.h', 'fd_set s; FD_ZERO(&s); FD_SET(0, &s); (void)select(1, &s, 0, 0, 0); (void)FD_ISSET(0, &s);'],
  ['sys/uio.h', 'struct iovec v = { 0, 0 }; (void)writev(1, &v, 1);'],
  ['sys/resource.h', 'struct rlimit r; getrlimit(RLIMIT_NOFILE, &r); struct rusage u; getrusage(RUSAGE_SELF, &u);'],
  ['sys/utsname.h', 'struct utsname u; uname(&u); (void)u.machine;'],
  ['netinet/in.h', 'struct sockaddr_in a; a.sin_family = AF_INET; a.sin_port = htons(80); a.sin_addr.s_addr = htonl(INADDR_ANY); struct in6_addr x = IN6ADDR_ANY_INIT; (void)x;'],
  ['netinet/tcp.h', 'int o = TCP_NODELAY; (void)o; struct tcphdr h; (void)h;'],
  ['arpa/inet.h', 'struct in_addr a; inet_pton(AF_INET, "1.2.3.4", &a); (void)inet_ntoa(a);'],
  ['netdb.h', 'struct addrinfo h = { 0 }, *r; h.ai_family = AF_UNSPEC; if (getaddrinfo("x", "80", &h, &r) == 0) freeaddrinfo(r); (void)gai_strerror(0);'],
  ['dirent.h', 'DIR *d = opendir("."); struct dirent *e; while (d && (e = readdir(d))) (void)e->d_name; if (d) closedir(d);'],
  ['dlfcn.h', 'void *h = dlopen("x.so", RTLD_NOW); if (h) (void)dlsym(h, "f");'],
  ['poll.h', 'struct pollfd p = { 0, POLLIN, 0 }; (void)poll(&p, 1, 0);'],
  ['sched.h', 'sched_yield(); struct sched_param sp; (void)sp; (void)sched_get_priority_max(SCHED_FIFO);'],
  ['semaphore.h', 'sem_t s; sem_init(&s, 0, 1); sem_wait(&s); sem_post(&s);'],
  ['termios.h', 'struct termios t; tcgetattr(0, &t); t.c_lflag &= ~(ICANON | ECHO); cfsetospeed(&t, B9600);'],
  ['grp.h', 'struct group *g = getgrgid(0); (void)g;'],
  ['pwd.h', 'struct passwd *p = getpwuid(0); if (p) (void)p->pw_name;'],
  ['glob.h', 'glob_t g; if (glob("*", 0, 0, &g) == 0) globfree(&g);'],
  ['regex.h', 'regex_t r; if (regcomp(&r, "a+", REG_EXTENDED) == 0) { regmatch_t m[1]; (void)regexec(&r, "aa", 1, m, 0); regfree(&r); }'],
  ['syslog.h', 'openlog("x", LOG_PID, LOG_USER); syslog(LOG_INFO, "%d", 1); closelog();'],
];

function source(h: string, use: string): string {
  const pre = h === 'inttypes.h' ? '#define printf_like(a, b) (void)(a b)\n' : '';
  const glob = use.startsWith('@') ? use.slice(1) + '\n' : '';
  const body = use.startsWith('@') ? '' : `  ${use}\n`;
  return `${h === 'dlfcn.h' || h === 'sched.h' ? '#define _GNU_SOURCE 1\n' : ''}#include <${h}>\n${h === 'stdio.h' ? '' : '#include <stdio.h>\n'}${pre}${glob}int main(int argc, char **argv)\n{\n  (void)argv;\n${body}  return 0;\n}\n`;
}

const GCC: Record<string, string[]> = {
  x86_64: ['gcc'], i386: ['gcc', '-m32'], aarch64: ['aarch64-linux-gnu-gcc'], riscv64: ['riscv64-linux-gnu-gcc'],
};
const SYSROOT_PROBE: Record<string, string> = {
  x86_64: '/usr/include/x86_64-linux-gnu/bits/types.h', i386: '/usr/include/x86_64-linux-gnu/gnu/stubs-32.h',
  aarch64: '/usr/aarch64-linux-gnu/include/bits/types.h', riscv64: '/usr/riscv64-linux-gnu/include/bits/types.h',
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-headers-'));
const files = HEADERS.map(([h, use], i) => {
  const f = path.join(dir, `h${String(i).padStart(2, '0')}-${h.replace(/\//g, '_')}`.replace(/\.h$/, '.c'));
  fs.writeFileSync(f, source(h, use));
  return f;
});

/** gcc's verdict for every file at once (one process per target): the files gcc rejects. */
function gccRejects(arch: string, std: string, list: string[]): Set<string> {
  const [cc, ...extra] = GCC[arch];
  const bad = new Set<string>();
  for (const f of list) {
    const r = spawnSync(cc, [...extra, '-fsyntax-only', `-std=${std}`, f], { encoding: 'utf8' });
    if (r.error) throw new Error(`${cc} is needed as the oracle for this test (${r.error.message})`);
    if (r.status !== 0) bad.add(f);
  }
  return bad;
}

function check(arch: string, std: string, list: string[]): void {
  const bad = gccRejects(arch, std, list);
  const failures: string[] = [];
  let ok = 0;
  let skipped = 0;
  for (const f of list) {
    // i386 without gcc-multilib has no asm/ headers: what gcc cannot compile there is left out
    if (bad.has(f) && arch === 'i386') { skipped++; continue; }
    if (bad.has(f)) { failures.push(`${path.basename(f)}: the test program is wrong, gcc rejects it (-std=${std})`); continue; }
    const r = runFrontend(['-fsyntax-only', `-std=${std}`, `--target=${TRIPLES[arch]}`, f]);
    if (r.errors === 0) ok++;
    else failures.push(`${path.basename(f)} (-std=${std}):\n    ${r.messages.filter((m) => m.includes('error')).slice(0, 3).join('\n    ')}`);
  }
  process.stdout.write(`\n  headers ${arch} -std=${std}: ${ok}/${list.length - skipped} compile with 0 errors` +
    (skipped ? ` (${skipped} left out: gcc cannot compile them here either)` : ''));
  assert.is(failures.length, 0, failures.join('\n'));
}

for (const arch of ['x86_64', 'aarch64', 'riscv64', 'i386']) {
  test(`every header alone, ${arch}`, () => {
    if (!fs.existsSync(SYSROOT_PROBE[arch])) {
      if (arch === 'i386') return; // libc6-dev-i386 is optional
      assert.unreachable(`${SYSROOT_PROBE[arch]} is missing: install the ${arch} libc headers`);
    }
    check(arch, 'gnu17', files);
  });
}

// the language modes change what the headers declare (__STRICT_ANSI__, inline semantics, keywords)
const SOME = ['stdio.h', 'stdlib.h', 'string.h', 'math.h', 'stdint.h', 'inttypes.h', 'time.h', 'signal.h', 'wchar.h', 'ctype.h'];
for (const std of ['c99', 'c11', 'gnu89']) {
  test(`some headers with -std=${std}, x86_64`, () => {
    const list = files.filter((f) => SOME.some((h) => f.endsWith('-' + h.replace(/\.h$/, '.c'))));
    assert.is(list.length, SOME.length);
    check('x86_64', std, list);
  });
}

test.after(() => { process.stdout.write('\n'); fs.rmSync(dir, { recursive: true, force: true }); });
test.run();
