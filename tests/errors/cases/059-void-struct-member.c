struct message {
  int type;
  void body; /* ERROR */
};
