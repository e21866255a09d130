/**
 * ElfError: the one error type of elf/. Its message is binutils-style text that starts with the file
 * name ("foo.o: file format not recognized"), so drivers can print it as it is.
 */
export class ElfError extends Error {
  /** The file the problem is in (as given by the caller). */
  readonly file: string;
  /** The message without the "file: " prefix. */
  readonly detail: string;

  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'ElfError';
    this.file = file;
    this.detail = detail;
  }
}
