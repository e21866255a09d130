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

export function stderrSink(): DiagSink {
  const pos = (f: string, l: number) => (f ? `${f}:${l}: ` : '');
  return {
    warning: (f, l, m) => process.stderr.write(`${pos(f, l)}Warning: ${m}\n`),
    error: (f, l, m) => process.stderr.write(`${pos(f, l)}Error: ${m}\n`),
    print: (t) => process.stdout.write(t + '\n'),
  };
}
