struct timeval_ { long sec, usec; };

long seconds(long t)
{
  struct timeval_ tv = (struct timeval_)t; /* ERROR */
  return tv.sec;
}
