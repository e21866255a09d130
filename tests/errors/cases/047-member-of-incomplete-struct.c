struct device;

int device_id(struct device *d)
{
  if (!d)
    return -1;
  return d->id; /* ERROR */
}
