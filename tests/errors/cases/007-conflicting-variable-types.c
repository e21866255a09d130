int counter;

void bump(void)
{
  counter++;
}

extern long counter; /* ERROR */
