// `cc-ts as -g` (--gen-debug, --gdwarf-N): line info for the assembly source itself, and the
// compilation unit, compared byte for byte with the whole object GNU as 2.40 writes (`as -g`) for
// the same files in the same directory. Also through the driver: `cc-ts -c -g x.S` against gcc.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assemble, AssembleFailed, debugOptions } from '../../asm/index';
import { writeObject } from '../../elf/write-object';
import { compareObjects, requireTool } from './compare';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ts-asg-'));
const root = path.resolve(__dirname, '../../..');
let n = 0;

/** Write `files` (name -> text) into a fresh directory; returns its path. */
function setUp(files: Record<string, string>): string {
  const d = path.join(dir, `c${n++}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(d, name)), { recursive: true });
    fs.writeFileSync(path.join(d, name), text, 'latin1');
  }
  return d;
}

/** `as ARGS -o g.o MAIN` by GNU as and cc-ts (in process) in `d`: the comparison of the objects. */
function both(d: string, args: string[], main: string): { same: boolean; diff: string } {
  const env = { ...process.env, PWD: d };
  const g = spawnSync('as', [...args, '-o', 'g.o', main], { cwd: d, env, encoding: 'latin1' });
  if (g.status !== 0) throw new Error(`GNU as rejected the test input:\n${g.stderr}`);
  const includeDirs: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === '-I') includeDirs.push(args[++i]);
  const errs: string[] = [];
  const diag = { warning: () => {}, error: (f: string, l: number, m: string) => { errs.push(`${f}:${l}: ${m}`); }, print: () => {} };
  try {
    const obj = assemble(fs.readFileSync(path.resolve(d, main), 'latin1'), {
      fileName: main, target: args.includes('--32') ? 'i386' : 'x86_64', includeDirs, diag, compDir: d,
      readFile: (p) => { try { return fs.readFileSync(path.resolve(d, p), 'latin1'); } catch { return null; } },
      ...debugOptions(args),
    });
    fs.writeFileSync(path.join(d, 'c.o'), writeObject(obj));
  } catch (e) {
    if (e instanceof AssembleFailed) return { same: false, diff: errs.join('\n') };
    throw e;
  }
  return compareObjects(path.join(d, 'g.o'), path.join(d, 'c.o'));
}

/** One test per option set: the object of `main` among `files` is GNU as's, byte for byte. */
function same(name: string, files: Record<string, string>, optionSets: string[][], main: (d: string) => string = () => Object.keys(files)[0]): void {
  test(name, () => {
    requireTool('as');
    const d = setUp(files);
    for (const args of optionSets) {
      const r = both(d, args, main(d));
      assert.ok(r.same, `as ${args.join(' ')}: ${r.diff}`);
      const g = fs.readFileSync(path.join(d, 'g.o')), c = fs.readFileSync(path.join(d, 'c.o'));
      assert.ok(g.equals(c), `as ${args.join(' ')}: the listings agree but the bytes differ`);
    }
  });
}

const VERSIONS = [['-g'], ['--gen-debug'], ['--gdwarf-5'], ['--gdwarf-4'], ['--gdwarf-3'], ['--gdwarf-2'], ['--gdwarf-5', '-g'], ['-g', '--gdwarf-5']];

same('functions (global, local, weak, an equate), several code sections, a subsection, data between', {
  'f.s': `
	.text
	.globl f
	.type f,@function
f:
	push %rbp
	call g
	jmp 1f
	.skip 300, 0x90
1:	pop %rbp
	ret
	.size f,.-f
	.set f2, f
	.section .text.hot,"ax",@progbits
	.type g,@function
g:
	mov $1, %eax
	.long 7
	ret
	.size g,.-g
	.weak w
	.type w,@function
w:	nop; nop
	nop
	.size w,.-w
	.data
	.long 1
	.text 1
	int3
	.section .rodata
	.string "x"
	.text
	hlt
`,
}, VERSIONS);

same('--gdwarf-sections: a .debug_line.NAME per code section but .text, the length up to .debug_line_end', {
  'ds.s': '\t.text\n\tnop\n\tret\n\t.section .text.b,"ax"\n\tnop\n\t.section .text.c,"ax"\n\tret\n\t.text\n\thlt\n',
}, [['-g', '--gdwarf-sections'], ['--gdwarf-5', '--gdwarf-sections'], ['--gdwarf-sections', '-g', '--32'], ['--gdwarf-sections']]);
same('--gdwarf-sections with the source\'s own .loc rows', {
  'dl.s': '\t.file 1 "a.c"\n\t.section .text.b,"ax"\n\t.loc 1 3\n\tnop\n\t.text\n\t.loc 1 4\n\tret\n',
}, [['--gdwarf-sections'], ['-g', '--gdwarf-sections']]);

same('one code section: low/high pc; no function with a size: no subprogram', {
  'one.s': '\t.text\nx:\tnop\n\n\tret\n\t.type y,@function\ny:\tret\n',
}, [['-g'], ['--gdwarf-5'], ['--gdwarf-4']]);

same('macros (the invocation line, also of a .rept inside), .rept/.irp bodies (their own lines), .include', {
  'm.s': `	.text
	.macro two a
	nop
	movl $\\a, %eax
	.rept 2
	inc %ecx
	.endr
	.endm
	.rept 2
	inc %eax
	dec %eax
	.endr
	two 1
	.include "inc.s"
	.irp r, %rax, %rbx
	push \\r
	two 2
	.endr
	ret
`,
  'inc.s': '\tnop\n\tpop %rax\n\ttwo 3\n',
}, [['-g'], ['--gdwarf-5'], ['-g', '-I', 'sub'], ['--gdwarf-5', '-I', 'sub']]);

same('an include found through -I (its directory in the table)', {
  'i.s': '\t.text\n\tnop\n\t.include "i2.s"\n\tret\n',
  'sub/i2.s': '\tnop\n\tleave\n',
}, [['-g', '-I', 'sub'], ['--gdwarf-5', '-I', 'sub'], ['-g', '-I', 'sub/'], ['--gdwarf-5', '-I', 'sub/']]);

same('a plain .file names .rept bodies only (without a line marker)', {
  'pf.s': `	.file "foo.c"
	.text
f:	nop; nop
	.rept 2
	inc %eax
	.endr
	ret
`,
}, [['-g'], ['--gdwarf-5']]);

same('after a line marker a plain .file names the statements that follow', {
  'pm.s': `# 1 "p.S"
	.text
	.macro m2
	nop
	push %rax
	.endm
	m2
	.rept 2
	inc %eax
	m2
	.endr
# 40 "q.h"
	m2
	.file "zz.c"
	.rept 2
	inc %eax
	.endr
	ret
`,
}, [['-g'], ['--gdwarf-5']]);

same('line markers: a preprocessed file, gcc\'s asm statement markers and `# 0 "" 2`', {
  'pp.s': `# 0 "x.S"
# 0 "<built-in>"
# 0 "<command-line>"
# 1 "/usr/include/stdc-predef.h" 1 3 4
# 0 "<command-line>" 2
# 1 "x.S"

	.text
	.globl g
	.type g,@function
g:
	movl $1, %eax
# 1 "h.inc" 1
	nop
	nop
# 8 "x.S" 2
#APP
# 19 "/src/x.c" 1
	fpatan

# 0 "" 2
#NO_APP
	ret
	.size g,.-g
`,
}, [['-g'], ['--gdwarf-5'], ['--gdwarf-4']]);

same('--32 with .code16 and .code32; relaxed branches between rows', {
  'c.s': `	.text
	.code16
	movw %ax, %bx
	jmp 1f
	.code32
	movl %eax, %ebx
	.skip 200, 0x90
1:	jne 2f
	.p2align 4
	nop
2:	ret
`,
}, [['--32', '-g'], ['--32', '--gdwarf-5'], ['--32', '--gdwarf-4']]);

same('-g and .file N/.loc: the source\'s rows win (earlier generated rows go, their sections stay)', {
  'l.s': `	.text
	nop
	push %rax
	.section .text.b,"ax"
	ret
	.file 1 "l.c"
	.text
	.loc 1 3
	nop
	.loc 1 4
	ret
`,
  'l0.s': `	.file 0 "/d" "l.c"
	.text
	.loc 0 3
	nop
	ret
`,
}, [['-g'], ['--gdwarf-5'], ['--gdwarf-2'], ['--gdwarf-4']]);

same('an absolute source name (its directory in the table and DW_AT_name)', {
  'abs.s': '\t.text\n\tnop\n\tret\n',
}, [['-g'], ['--gdwarf-5']], (d) => path.join(d, 'abs.s'));

same('.loc_mark_labels with generated rows', {
  'ml.s': '\t.loc_mark_labels 1\n\t.text\n\tnop\na:\tnop\nb:\n\tret\n',
}, [['-g'], ['--gdwarf-5']]);

test('cc-ts as -g: several input files (each its own lines), standard input', () => {
  const d = setUp({ 'a.s': '\t.text\n\tnop\n\tret\n', 'b.s': '\t.text\n\n\tpush %rax\n\tpop %rax\n' });
  const env = { ...process.env, PWD: d };
  const cc = path.join(root, 'bin/cc-ts');
  for (const [args, input] of [[['-g', 'a.s', 'b.s'], null], [['--gdwarf-5', 'b.s', 'a.s'], null], [['-g'], 'b.s']] as [string[], string | null][]) {
    const stdin = input ? fs.readFileSync(path.join(d, input)) : undefined;
    const g = spawnSync('as', [...args, '-o', 'g.o'], { cwd: d, env, input: stdin });
    const c = spawnSync(cc, ['as', ...args, '-o', 'c.o'], { cwd: d, env, input: stdin, encoding: 'latin1' });
    assert.is(g.status, 0);
    assert.is(c.status, 0, c.stderr);
    assert.ok(fs.readFileSync(path.join(d, 'g.o')).equals(fs.readFileSync(path.join(d, 'c.o'))), `as ${args.join(' ')}`);
  }
});

test('driver: cc-ts -c -g x.S / x.s, -gdwarf-4, -Wa,-g as gcc does them', () => {
  requireTool('gcc');
  const d = setUp({
    'x.S': `#include "h.inc"
#define ENTRY(x) .globl x; .type x,@function; x:
#define TWO nop; nop
	.text
ENTRY(y1)
	TWO
	movq $1, %rax /* a comment
	 over two lines */
	.rept 2
	TWO
	.endr
	ret
	.size y1,.-y1
`,
    'h.inc': '\t.section .text.h,"ax"\n\tleave\n',
    'y.s': '\t.text\nf:\tnop\n\t.macro m\n\tpush %rax\n\tpop %rax\n\t.endm\n\tm\n\tret\n',
  });
  const env = { ...process.env, PWD: d };
  const cc = path.join(root, 'bin/cc-ts');
  for (const src of ['x.S', 'y.s']) {
    for (const opts of [['-g'], ['-gdwarf-4'], ['-Wa,-g'], ['-g', '-Wa,-g'], ['-Wa,--gdwarf-3'], ['-g0']]) {
      const g = spawnSync('gcc', ['-c', ...opts, src, '-o', 'g.o'], { cwd: d, env, encoding: 'latin1' });
      assert.is(g.status, 0, g.stderr);
      const c = spawnSync(cc, ['-c', ...opts, src, '-o', 'c.o'], { cwd: d, env, encoding: 'latin1' });
      assert.is(c.status, 0, c.stderr);
      const r = compareObjects(path.join(d, 'g.o'), path.join(d, 'c.o'));
      assert.ok(r.same && r.identicalBytes, `${src} ${opts.join(' ')}: ${r.diff}`);
    }
  }
});

test.after(() => fs.rmSync(dir, { recursive: true, force: true }));
test.run();
