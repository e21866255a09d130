typedef unsigned int u32;
typedef unsigned short u16;

typedef unsigned long u32; /* ERROR */

u16 lo(u32 v) { return (u16)v; }
