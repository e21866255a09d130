#define SLOTS 4
#define RESERVED 6

static int free_slots[SLOTS - RESERVED]; /* ERROR */

int slot(int i) { return free_slots[i]; }
