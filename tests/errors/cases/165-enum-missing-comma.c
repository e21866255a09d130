enum weekday {
  MON,
  TUE
  WED, /* ERROR */
  THU,
};
