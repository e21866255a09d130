# Archive member for the linker-script suite (libd.a): pulled in by c.o or by EXTERN.
	.section .text,"ax",@progbits
	.globl d_func
d_func:	ret
	.globl d_other
d_other: nop
	ret
	.section .data,"aw",@progbits
	.globl d_data
d_data:	.long 0xd0d0
