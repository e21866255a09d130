int sum_row(int n, int row[n)  /* ERROR */
{
  return row[0] + n;
}
