/* varargs.h: the pre-ANSI interface is not supported, as in gcc. */
#error "GCC no longer implements <varargs.h>."
#error "Revise your code to use <stdarg.h>."
