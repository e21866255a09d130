/* stdbool.h: cc-ts's own (C17 7.18). */
#ifndef _STDBOOL_H
#define _STDBOOL_H
#if !defined __STDC_VERSION__ || __STDC_VERSION__ < 202000L
#define bool _Bool
#define true 1
#define false 0
#endif
#define __bool_true_false_are_defined 1
#endif
