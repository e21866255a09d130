#define GUARD_H

#ifndef /* ERROR */
int guard;
#endif
