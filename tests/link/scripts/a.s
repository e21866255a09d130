# Synthetic input for the linker-script suite (assembles for --64 and --32).
	.section .text,"ax",@progbits
	.globl _start
_start:
	nop
	ret
	.globl func_a
func_a:
	.byte 0x90, 0x90, 0xc3
	.section .text.hot,"ax",@progbits
	.globl hot_a
hot_a:	ret
	.section .text.zeta,"ax",@progbits
	.p2align 4
zeta_a:	ret
	.section .rodata,"a",@progbits
	.globl ro_a
ro_a:	.ascii "rodata-a\0"
	.section .data,"aw",@progbits
	.globl data_a
data_a:	.long 1, 2, 3
	.long func_b
	.section .bss,"aw",@nobits
	.globl bss_a
bss_a:	.zero 64
	.section mysec,"aw",@progbits
	.globl my_a
my_a:	.long 0xaaaa
	.section .keepme,"a",@progbits
	.long 0x1234
	.section .discard_me,"a",@progbits
	.long 0xdead
	.section .tdata,"awT",@progbits
	.globl tls_a
tls_a:	.long 5
	.comm common_a,32,8
	.section .data.big,"aw",@progbits
	.p2align 5
	.globl big_a
big_a:	.long 7
