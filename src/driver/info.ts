// Options that print something and exit: --version, --help, -dumpmachine, -dumpversion, -print-*.

import { DriverOptions } from './options';
import { targetFromTriple } from '../../targets/layout';

const HELP = `Usage: cc-ts [options] file...
       cc-ts as|ld|objcopy|ar [options] ...   (binutils-compatible tools)

cc-ts is a self-contained C toolchain: preprocessor, compiler, assembler and linker.

Options:
  --help                   Display this information.
  --version                Display compiler version information.
  -dumpmachine             Display the compiler's target triple.
  -dumpversion             Display the version of the compiler.
  --target=TRIPLE          Compile for TRIPLE: x86_64-linux-gnu (default), aarch64-linux-gnu,
                           riscv64-linux-gnu, i386-linux-gnu. Also -target TRIPLE.
  -m16 / -m32 / -m64       On x86: 16-bit (real mode), 32-bit or 64-bit code.
  --freestanding           No libc: no start files, no default libraries, own headers only.
  -E                       Preprocess only; do not compile, assemble or link.
  -fsyntax-only            Check the code for errors; produce no output.
  -S                       Compile only; do not assemble or link.
  -c                       Compile and assemble, but do not link.
  -o <file>                Place the output into <file>.
  -x <language>            Specify the language of the following input files
                           (c, c-header, cpp-output, assembler, assembler-with-cpp, none).
  -std=<standard>          c89 c99 c11 c17 c2x gnu89 gnu99 gnu11 gnu17 (default) gnu2x.
  -I <dir> -iquote <dir> -isystem <dir> -idirafter <dir> -nostdinc --sysroot=<dir>
  -D <macro>[=<val>] -U <macro> -include <file> -imacros <file>
  -M -MM -MD -MMD -MF <file> -MT <target> -MQ <target> -MP -MG   Dependency output.
  -dM -dD -P -C            Preprocessor output control.
  -w -W<warning> -Wall -Wextra -Werror[=<warning>] -pedantic -pedantic-errors
  -O0 -O1 -O2 -O3 -Os -Og  Optimisation level.
  -g                       Debug information.
  -f<flag> -m<flag>        Code generation flags, as gcc.
  -l<lib> -L<dir> -T <script> -static -nostdlib -nostartfiles -Wl,<opts> -Wa,<opts> -Xlinker <opt>
  -v                       Show what the driver does.
`;

export function runInfo(o: DriverOptions): number {
  const info = o.info ?? '';
  const t = targetFromTriple(o.target);
  if (info === 'version') {
    process.stdout.write(`cc-ts (cc-ts) 0.1.0\nTarget: ${t ? t.triple : o.target}\nThis is free software; see the source for copying conditions.\n`);
  } else if (info === 'help') {
    process.stdout.write(HELP);
  } else if (info === 'dumpmachine') {
    process.stdout.write(`${t ? t.triple : o.target}\n`);
  } else if (info === 'dumpversion') {
    process.stdout.write('12.2.0\n');
  } else if (info === 'multiarch') {
    process.stdout.write(`${t ? t.multiarch : ''}\n`);
  } else if (info.startsWith('prog-name=') || info.startsWith('file-name=')) {
    process.stdout.write(info.slice(info.indexOf('=') + 1) + '\n');
  } else if (info === 'search-dirs') {
    process.stdout.write('install: \nprograms: \nlibraries: \n');
  }
  return 0;
}
