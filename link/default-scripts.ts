/**
 * The built-in layouts, written in the linker-script language and parsed by the same parser as -T
 * scripts. They produce GNU ld's layout for static executables (-z separate-code, -z relro):
 * headers and notes in a read-only segment, code in its own page-aligned segment, read-only data
 * in the next, then the relro part (TLS, init/fini arrays, .data.rel.ro, .got) placed so that it
 * ends on a page boundary, then .got.plt, .data and .bss.
 *
 * `cc-ts ld --verbose` prints the script for the selected emulation.
 */

interface Params { format: string; arch: string; base: string; rel: string; word: number }

function layout(p: Params): string {
  const r = p.rel;
  return `/* cc-ts default linker script for ${p.format} static executables */
OUTPUT_FORMAT("${p.format}")
OUTPUT_ARCH(${p.arch})
ENTRY(_start)
SECTIONS
{
  /* Headers and notes: first read-only segment. */
  PROVIDE (__executable_start = SEGMENT_START("text-segment", ${p.base}));
  . = SEGMENT_START("text-segment", ${p.base}) + SIZEOF_HEADERS;
  .interp : { *(.interp) }
  .note.gnu.build-id : { *(.note.gnu.build-id) }
  .hash : { *(.hash) }
  .gnu.hash : { *(.gnu.hash) }
  .dynsym : { *(.dynsym) }
  .dynstr : { *(.dynstr) }
  .gnu.version : { *(.gnu.version) }
  .gnu.version_d : { *(.gnu.version_d) }
  .gnu.version_r : { *(.gnu.version_r) }
  ${r}.dyn : {
    *(${r}.init) *(${r}.text ${r}.text.* ${r}.gnu.linkonce.t.*) *(${r}.fini)
    *(${r}.rodata ${r}.rodata.* ${r}.gnu.linkonce.r.*) *(${r}.data ${r}.data.* ${r}.gnu.linkonce.d.*)
    *(${r}.tdata ${r}.tdata.* ${r}.gnu.linkonce.td.*) *(${r}.tbss ${r}.tbss.* ${r}.gnu.linkonce.tb.*)
    *(${r}.ctors) *(${r}.dtors) *(${r}.got) *(${r}.bss ${r}.bss.* ${r}.gnu.linkonce.b.*) *(${r}.ifunc)
  }
  ${r}.plt : {
    *(${r}.plt)
    PROVIDE_HIDDEN (__${r.slice(1)}_iplt_start = .);
    *(${r}.iplt)
    PROVIDE_HIDDEN (__${r.slice(1)}_iplt_end = .);
  }
  .relr.dyn : { *(.relr.dyn) }

  /* Code: its own segment. */
  . = ALIGN(CONSTANT (MAXPAGESIZE));
  .init : { KEEP (*(SORT_NONE(.init))) }
  .plt : { *(.plt) *(.iplt) }
  .plt.got : { *(.plt.got) }
  .plt.sec : { *(.plt.sec) }
  .text : {
    *(.text.unlikely .text.*_unlikely .text.unlikely.*)
    *(.text.exit .text.exit.*)
    *(.text.startup .text.startup.*)
    *(.text.hot .text.hot.*)
    *(SORT(.text.sorted.*))
    *(.text .stub .text.* .gnu.linkonce.t.*)
    *(.gnu.warning)
  }
  .fini : { KEEP (*(SORT_NONE(.fini))) }
  PROVIDE (__etext = .);
  PROVIDE (_etext = .);
  PROVIDE (etext = .);

  /* Read-only data: the next page up, at the same offset within the page. */
  . = ALIGN(CONSTANT (MAXPAGESIZE));
  . = SEGMENT_START("rodata-segment", ALIGN(CONSTANT (MAXPAGESIZE)) + (. & (CONSTANT (MAXPAGESIZE) - 1)));
  .rodata : { *(.rodata .rodata.* .gnu.linkonce.r.*) }
  .rodata1 : { *(.rodata1) }
  .eh_frame_hdr : { *(.eh_frame_hdr) *(.eh_frame_entry .eh_frame_entry.*) }
  .eh_frame : ONLY_IF_RO { KEEP (*(.eh_frame)) *(.eh_frame.*) }
  .sframe : ONLY_IF_RO { *(.sframe) *(.sframe.*) }
  .gcc_except_table : ONLY_IF_RO { *(.gcc_except_table .gcc_except_table.*) }
  .gnu_extab : ONLY_IF_RO { *(.gnu_extab*) }
  .exception_ranges : ONLY_IF_RO { *(.exception_ranges*) }

  /* Writable data: relro part first, ending on a page boundary. */
  . = DATA_SEGMENT_ALIGN (CONSTANT (MAXPAGESIZE), CONSTANT (COMMONPAGESIZE));
  .eh_frame : ONLY_IF_RW { KEEP (*(.eh_frame)) *(.eh_frame.*) }
  .sframe : ONLY_IF_RW { *(.sframe) *(.sframe.*) }
  .gnu_extab : ONLY_IF_RW { *(.gnu_extab) }
  .gcc_except_table : ONLY_IF_RW { *(.gcc_except_table .gcc_except_table.*) }
  .exception_ranges : ONLY_IF_RW { *(.exception_ranges*) }
  .tdata : {
    PROVIDE_HIDDEN (__tdata_start = .);
    *(.tdata .tdata.* .gnu.linkonce.td.*)
  }
  .tbss : { *(.tbss .tbss.* .gnu.linkonce.tb.*) *(.tcommon) }
  .preinit_array : {
    PROVIDE_HIDDEN (__preinit_array_start = .);
    KEEP (*(.preinit_array))
    PROVIDE_HIDDEN (__preinit_array_end = .);
  }
  .init_array : {
    PROVIDE_HIDDEN (__init_array_start = .);
    KEEP (*(SORT_BY_INIT_PRIORITY(.init_array.*) SORT_BY_INIT_PRIORITY(.ctors.*)))
    KEEP (*(.init_array EXCLUDE_FILE (*crtbegin.o *crtbegin?.o *crtend.o *crtend?.o ) .ctors))
    PROVIDE_HIDDEN (__init_array_end = .);
  }
  .fini_array : {
    PROVIDE_HIDDEN (__fini_array_start = .);
    KEEP (*(SORT_BY_INIT_PRIORITY(.fini_array.*) SORT_BY_INIT_PRIORITY(.dtors.*)))
    KEEP (*(.fini_array EXCLUDE_FILE (*crtbegin.o *crtbegin?.o *crtend.o *crtend?.o ) .dtors))
    PROVIDE_HIDDEN (__fini_array_end = .);
  }
  .ctors : {
    /* crtbegin's .ctors (the list head) first and crtend's (the terminator) last */
    KEEP (*crtbegin.o(.ctors))
    KEEP (*crtbegin?.o(.ctors))
    KEEP (*(EXCLUDE_FILE (*crtend.o *crtend?.o ) .ctors))
    KEEP (*(SORT(.ctors.*)))
    KEEP (*(.ctors))
  }
  .dtors : {
    KEEP (*crtbegin.o(.dtors))
    KEEP (*crtbegin?.o(.dtors))
    KEEP (*(EXCLUDE_FILE (*crtend.o *crtend?.o ) .dtors))
    KEEP (*(SORT(.dtors.*)))
    KEEP (*(.dtors))
  }
  .jcr : { KEEP (*(.jcr)) }
  .data.rel.ro : { *(.data.rel.ro.local* .gnu.linkonce.d.rel.ro.local.*) *(.data.rel.ro .data.rel.ro.* .gnu.linkonce.d.rel.ro.*) }
  .dynamic : { *(.dynamic) }
  .got : { *(.got) *(.igot) }
  . = DATA_SEGMENT_RELRO_END (SIZEOF (.got.plt) >= ${3 * p.word} ? ${3 * p.word} : 0, .);
  .got.plt : { *(.got.plt) *(.igot.plt) }
  .data : {
    *(.data .data.* .gnu.linkonce.d.*)
    SORT(CONSTRUCTORS)
  }
  .data1 : { *(.data1) }
  _edata = .;
  PROVIDE (edata = .);
  . = .;
  __bss_start = .;
  .bss : {
    *(.dynbss)
    *(.bss .bss.* .gnu.linkonce.b.*)
    *(COMMON)
    /* keep .bss extending to _end even when its last input is small */
    . = ALIGN(. != 0 ? ${p.word * 8} / 8 : 1);
  }
${p.word === 8 ? `  .lbss : {
    *(.dynlbss)
    *(.lbss .lbss.* .gnu.linkonce.lb.*)
    *(LARGE_COMMON)
  }
  . = ALIGN(64 / 8);
  . = SEGMENT_START("ldata-segment", .);
  .lrodata ALIGN(CONSTANT (MAXPAGESIZE)) + (. & (CONSTANT (MAXPAGESIZE) - 1)) : {
    *(.lrodata .lrodata.* .gnu.linkonce.lr.*)
  }
  .ldata ALIGN(CONSTANT (MAXPAGESIZE)) + (. & (CONSTANT (MAXPAGESIZE) - 1)) : {
    *(.ldata .ldata.* .gnu.linkonce.l.*)
    . = ALIGN(. != 0 ? 64 / 8 : 1);
  }
` : ''}  . = ALIGN(${p.word * 8} / 8);
  _end = .;
  PROVIDE (end = .);
  . = DATA_SEGMENT_END (.);

  /* Not loaded: comments and debugging information at address 0. */
  .stab 0 : { *(.stab) }
  .stabstr 0 : { *(.stabstr) }
  .stab.excl 0 : { *(.stab.excl) }
  .stab.exclstr 0 : { *(.stab.exclstr) }
  .stab.index 0 : { *(.stab.index) }
  .stab.indexstr 0 : { *(.stab.indexstr) }
  .comment 0 : { *(.comment) }
  .gnu.build.attributes : { *(.gnu.build.attributes .gnu.build.attributes.*) }
  .debug 0 : { *(.debug) }
  .line 0 : { *(.line) }
  .debug_srcinfo 0 : { *(.debug_srcinfo) }
  .debug_sfnames 0 : { *(.debug_sfnames) }
  .debug_aranges 0 : { *(.debug_aranges) }
  .debug_pubnames 0 : { *(.debug_pubnames) }
  .debug_info 0 : { *(.debug_info .gnu.linkonce.wi.*) }
  .debug_abbrev 0 : { *(.debug_abbrev) }
  .debug_line 0 : { *(.debug_line .debug_line.* .debug_line_end) }
  .debug_frame 0 : { *(.debug_frame) }
  .debug_str 0 : { *(.debug_str) }
  .debug_loc 0 : { *(.debug_loc) }
  .debug_macinfo 0 : { *(.debug_macinfo) }
  .debug_weaknames 0 : { *(.debug_weaknames) }
  .debug_funcnames 0 : { *(.debug_funcnames) }
  .debug_typenames 0 : { *(.debug_typenames) }
  .debug_varnames 0 : { *(.debug_varnames) }
  .debug_pubtypes 0 : { *(.debug_pubtypes) }
  .debug_ranges 0 : { *(.debug_ranges) }
  .debug_addr 0 : { *(.debug_addr) }
  .debug_line_str 0 : { *(.debug_line_str) }
  .debug_loclists 0 : { *(.debug_loclists) }
  .debug_macro 0 : { *(.debug_macro) }
  .debug_names 0 : { *(.debug_names) }
  .debug_rnglists 0 : { *(.debug_rnglists) }
  .debug_str_offsets 0 : { *(.debug_str_offsets) }
  .debug_sup 0 : { *(.debug_sup) }
  .gnu.attributes 0 : { KEEP (*(.gnu.attributes)) }
  /DISCARD/ : { *(.note.GNU-stack) *(.gnu_debuglink) *(.gnu.lto_*) }
}
`;
}

/** The default script text for an emulation name (elf_x86_64, elf_i386, ...). */
export function defaultScript(emulation: string): string {
  switch (emulation) {
    case 'elf_i386':
      return layout({ format: 'elf32-i386', arch: 'i386', base: '0x08048000', rel: '.rel', word: 4 });
    case 'aarch64linux':
      return layout({ format: 'elf64-littleaarch64', arch: 'aarch64', base: '0x400000', rel: '.rela', word: 8 });
    case 'elf64lriscv':
      return layout({ format: 'elf64-littleriscv', arch: 'riscv', base: '0x10000', rel: '.rela', word: 8 });
    default:
      return layout({ format: 'elf64-x86-64', arch: 'i386:x86-64', base: '0x400000', rel: '.rela', word: 8 });
  }
}
