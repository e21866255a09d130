enum level {
  LOW = 1,
  MID = , /* ERROR */
  HIGH = 3,
};
