/* A call statement to a function whose name is also a property of JavaScript's Object.prototype
   (constructor, toString, valueOf, hasOwnProperty, ...) crashes cc-ts at -O1 and above with
   "internal compiler error: Cannot read properties of undefined (reading 'kind')": the printf-folding
   table in src/lower/func.ts is a plain object, so PRINTF_LIKE['constructor'] is found. Lua's
   lparser.c has a function named constructor (found by the Lua -O2 build). gcc prints 3. */
#include <stdio.h>
static int n;
static void constructor(int k) { n += k; }
static void toString(void) { n += 1; }
static void valueOf(void) { n += 0; }
int main(void) { constructor(2); toString(); valueOf(); printf("%d\n", n); return 0; }
