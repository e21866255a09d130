unsigned long long big(void)
{
  return 123456789012345678901234567890; /* WARNING */
}
