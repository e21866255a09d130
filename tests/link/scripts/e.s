# Second archive member (libd.a): only EXTERN(e_func) pulls it in.
	.section .text.e,"ax",@progbits
	.globl e_func
e_func:	ret
