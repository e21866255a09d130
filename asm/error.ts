// AsmError: the one error type of asm/. Its message is GNU as's wording; `file` and `line` give the
// statement it belongs to, and toString() prints "file:line: Error: message" as GNU as does.

export class AsmError extends Error {
  constructor(message: string, public file = '', public line = 0) {
    super(message);
    this.name = 'AsmError';
  }

  /** GNU as's format: "file:line: Error: message" (no position when none is known). */
  format(): string {
    if (!this.file) return `Error: ${this.message}`;
    return `${this.file}:${this.line}: Error: ${this.message}`;
  }
}

/** A sink for warnings and errors; asCommand prints them to stderr, tests collect them. */
export interface DiagSink {
  warning(file: string, line: number, message: string): void;
  error(file: string, line: number, message: string): void;
  /** .print output (stdout in GNU as). */
  print?(text: string): void;
}

/** Messages in GNU as's format (`file:line: Error: ...`) to `write`; .print text to `print`, if given. */
export function textSink(write: (text: string) => void, print?: (text: string) => void): DiagSink {
  const pos = (f: string, l: number) => (f ? `${f}:${l}: ` : '');
  return {
    warning: (f, l, m) => write(`${pos(f, l)}Warning: ${m}\n`),
    error: (f, l, m) => write(`${pos(f, l)}Error: ${m}\n`),
    print: print && ((t) => print(t + '\n')),
  };
}

export function stderrSink(): DiagSink {
  return textSink((s) => process.stderr.write(s), (s) => process.stdout.write(s));
}
