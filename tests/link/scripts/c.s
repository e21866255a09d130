# Third synthetic input (INPUT/GROUP/EXTERN tests, init priorities); assembles for --64 and --32.
	.section .text.extra,"ax",@progbits
	.globl c_func
c_func:	call d_func
	ret
	.section .init_array.00200,"aw",@init_array
	.byte 0x20, 0x20, 0x20, 0x20
	.section .init_array.00050,"aw",@init_array
	.byte 0x05, 0x05, 0x05, 0x05
	.section .init_array,"aw",@init_array
	.byte 0xff, 0xff, 0xff, 0xff
	.section .init_array.01000,"aw",@init_array
	.byte 0x10, 0x10, 0x10, 0x10
	.section .ctors.00300,"aw",@progbits
	.byte 0x33, 0x33, 0x33, 0x33
	.section .fini_array.00100,"aw",@fini_array
	.byte 0x01, 0x01, 0x01, 0x01
	.section .rodata.cst,"a",@progbits
	.p2align 2
	.globl c_const
c_const: .long 0x0c0c0c0c
	.section .data.rel.ro,"aw",@progbits
	.p2align 3
	.globl c_relro
c_relro: .long 0x77
	.comm c_common,16,16
