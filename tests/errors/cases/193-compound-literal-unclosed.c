struct color { unsigned char r, g, b; };

unsigned char red(void)
{
  struct color c = (struct color){ 255, 0, 0 ; /* ERROR */
  return c.r;
}
