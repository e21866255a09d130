/* a function defined under a name first declared as a variable: the body is still checked */
unsigned f0a;

unsigned f0a(unsigned long arg) /* ERROR */
{
  return ~((unsigned)(arg > 3));
}
