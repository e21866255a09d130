static int ready = 0;

if (ready) /* ERROR */
  ready = 1;
