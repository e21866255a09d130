// The error thrown for bad x86 instructions and operands. The message is GNU as's wording without the
// "file:line: Error: " head; the assembler (asm/) catches it and adds the position it knows.

export class X86Error extends Error {
  constructor(message: string, public file = '', public line = 0, public col = 0) {
    super(message);
    this.name = 'X86Error';
  }
}
