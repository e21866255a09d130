#define PAIR(a, b) { (a), (b) }

static int items[2] = PAIR(1, 2);

static int more[2] = PAIR(3, 4; /* ERROR */
