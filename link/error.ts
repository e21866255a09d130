/**
 * LinkError: the one error type of link/. Its message is the complete GNU ld-style text without the
 * "ld: " prefix (the CLI adds "cc-ts ld: "), e.g. "a.o:(.text+0x12): undefined reference to `foo'"
 * or "script.ld:3: syntax error". Anything thrown by elf/ (ElfError) is passed through as it is.
 */
export class LinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkError';
  }
}

/** Throw a LinkError. */
export function fail(message: string): never {
  throw new LinkError(message);
}
