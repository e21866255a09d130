enum shape {
  CIRCLE,
  SQUARE,
; /* ERROR */

int sides(enum shape s) { return s; }
