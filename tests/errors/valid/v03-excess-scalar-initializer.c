int answer = { 42, 43 }; /* WARNING */

int get(void) { return answer; }
