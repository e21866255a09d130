// Each standard C and common POSIX header, preprocessed by cc-ts for each 64-bit target, gives the
// same token sequence as the target's gcc -E (line markers and white space are not compared).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fs from 'fs';
import { runPP, gccE, haveTool, GCC, tokenSpellings, firstDiff } from './util';
import { Arch } from '../../targets/layout';

export const HEADERS = ('assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h limits.h locale.h math.h ' +
  'setjmp.h signal.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h stdint.h stdio.h stdlib.h ' +
  'stdnoreturn.h string.h tgmath.h threads.h time.h uchar.h wchar.h wctype.h iso646.h pthread.h unistd.h fcntl.h ' +
  'sys/types.h sys/stat.h sys/mman.h sys/socket.h sys/wait.h sys/time.h sys/ioctl.h sys/select.h ' +
  'netinet/in.h arpa/inet.h netdb.h dirent.h dlfcn.h poll.h sched.h semaphore.h termios.h').split(' ');

for (const arch of ['x86_64', 'aarch64', 'riscv64'] as Arch[]) {
  test(`standard and POSIX headers match gcc -E for ${arch}`, () => {
    if (!haveTool(GCC[arch][0])) assert.unreachable(`${GCC[arch][0]} is not installed (CI installs it)`);
    const failures: string[] = [];
    for (const h of HEADERS) {
      const file = `/tmp/cc-ts-pp-hdr-${h.replace('/', '_')}.c`;
      fs.writeFileSync(file, `#include <${h}>\n`);
      const r = runPP(file, { arch });
      if (r.errors) { failures.push(`${h}: ${r.messages}`); continue; }
      const d = firstDiff(tokenSpellings(r.out), tokenSpellings(gccE(arch, ['-E', file])));
      if (d) failures.push(`${h}: ${d}`);
    }
    assert.equal(failures, [], `${failures.length}/${HEADERS.length} headers differ`);
    console.log(`  ${arch}: ${HEADERS.length}/${HEADERS.length} headers give gcc's tokens`);
  });
}

test('the compiler headers alone (freestanding, -nostdinc of libc) for each target', () => {
  const own = 'float.h iso646.h limits.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h stdint.h stdnoreturn.h'.split(' ');
  for (const arch of ['x86_64', 'i386', 'aarch64', 'riscv64'] as Arch[]) {
    if (!haveTool(GCC[arch][0])) continue;
    for (const h of own) {
      const file = `/tmp/cc-ts-pp-own-${h}.c`;
      fs.writeFileSync(file, `#include <${h}>\nint x = sizeof(int);\n`);
      const r = runPP(file, { arch, freestanding: true });
      assert.is(r.errors, 0, r.messages);
      const d = firstDiff(tokenSpellings(r.out), tokenSpellings(gccE(arch, ['-ffreestanding', '-E', file])));
      assert.ok(d === null, `${arch} ${h}: ${d}`);
    }
  }
});

test('varargs.h is an error, as in gcc', () => {
  const file = '/tmp/cc-ts-pp-varargs.c';
  fs.writeFileSync(file, '#include <varargs.h>\n');
  const r = runPP(file, {});
  assert.ok(/error: #error "GCC no longer implements <varargs.h>."/.test(r.messages), r.messages);
});

test.run();
