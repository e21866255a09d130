/* unwind-stubs.c: the unwinder entry points that glibc's static libc.a references, for C
 * programs that never throw.
 *
 * glibc is built with -fexceptions, so many stdio functions carry cleanup regions whose landing
 * pads end in _Unwind_Resume and whose unwind tables name __gcc_personality_v0: without C++
 * exceptions neither is ever reached, so they abort.  backtrace() walks frames with
 * _Unwind_Backtrace: here it finds none and returns 0.  pthread_exit and cancellation unwind the
 * thread with _Unwind_ForcedUnwind; glibc's stop function, told it has reached the end of the
 * stack, runs the pthread_cleanup_push handlers and longjmps to the thread's start, so calling it
 * once with _UA_END_OF_STACK makes pthread_exit work (only __attribute__((cleanup)) handlers of
 * the frames in between are skipped, as a C program without unwind tables would skip them).
 */
#include "rt.h"

extern void abort(void);

struct _Unwind_Exception {
  uint64_t exception_class;
  void (*exception_cleanup)(int, struct _Unwind_Exception *);
  uintptr_t private_1, private_2;
} __attribute__((aligned(16)));
struct _Unwind_Context;

enum { URC_NO_REASON = 0, URC_END_OF_STACK = 5, URC_CONTINUE_UNWIND = 8 };
enum { UA_SEARCH_PHASE = 1, UA_CLEANUP_PHASE = 2, UA_HANDLER_FRAME = 4, UA_FORCE_UNWIND = 8, UA_END_OF_STACK = 16 };

typedef int (*stop_fn)(int, int, uint64_t, struct _Unwind_Exception *, struct _Unwind_Context *, void *);
typedef int (*trace_fn)(struct _Unwind_Context *, void *);

void _Unwind_Resume(struct _Unwind_Exception *e) { (void)e; abort(); }

int __gcc_personality_v0(int version, int actions, uint64_t cls, struct _Unwind_Exception *e, struct _Unwind_Context *c) {
  (void)version; (void)actions; (void)cls; (void)e; (void)c;
  return URC_CONTINUE_UNWIND;
}

int _Unwind_ForcedUnwind(struct _Unwind_Exception *e, stop_fn stop, void *arg) {
  stop(1, UA_FORCE_UNWIND | UA_CLEANUP_PHASE | UA_END_OF_STACK, e->exception_class, e, 0, arg);
  return URC_END_OF_STACK;
}

int _Unwind_Backtrace(trace_fn fn, void *arg) { (void)fn; (void)arg; return URC_END_OF_STACK; }
uintptr_t _Unwind_GetIP(struct _Unwind_Context *c) { (void)c; return 0; }
uintptr_t _Unwind_GetCFA(struct _Unwind_Context *c) { (void)c; return 0; }
void _Unwind_DeleteException(struct _Unwind_Exception *e) {
  if (e->exception_cleanup) e->exception_cleanup(1, e);
}
