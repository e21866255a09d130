struct sample {
  int channel : 4;
  float level : 8; /* ERROR */
};
