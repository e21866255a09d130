static unsigned ticks;

static unsigned now(void)
{
  return ticks++;
}

unsigned elapsed(unsigned start)
{
  return now(start) - start; /* ERROR */
}
