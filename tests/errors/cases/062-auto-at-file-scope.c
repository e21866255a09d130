static int depth;

auto int level = 2; /* ERROR */

int get_depth(void) { return depth; }
