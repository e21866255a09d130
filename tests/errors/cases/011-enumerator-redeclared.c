enum state { IDLE, RUNNING, STOPPED };

enum event {
  START,
  STOP,
  IDLE, /* ERROR */
};
