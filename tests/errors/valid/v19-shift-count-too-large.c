unsigned shifted(unsigned x)
{
  return x << 40; /* WARNING */
}
