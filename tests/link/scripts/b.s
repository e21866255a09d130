# Second synthetic input for the linker-script suite.
	.section .text,"ax",@progbits
	.globl func_b
func_b:
	.byte 0x55, 0x90, 0x5d, 0xc3
	.section .text.alpha,"ax",@progbits
alpha_b: ret
	.section .text.unlikely,"ax",@progbits
cold_b:	ret
	.section .rodata,"a",@progbits
	.p2align 3
	.globl ro_b
ro_b:	.long 0x11223344, 0x55667788
	.weak __start_mysec, __stop_mysec
	.section .data,"aw",@progbits
	.p2align 4
	.globl data_b
data_b:	.long data_a
	.long __start_mysec
	.long __stop_mysec
	.section .bss,"aw",@nobits
	.p2align 4
	.globl bss_b
bss_b:	.zero 20
	.section mysec,"aw",@progbits
	.globl my_b
my_b:	.long 0xbbbb, 0xcccc
	.section .tbss,"awT",@nobits
	.globl tls_b
tls_b:	.zero 8
	.section .data.small,"aw",@progbits
	.globl small_b
small_b: .byte 9
