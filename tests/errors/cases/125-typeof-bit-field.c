struct hdr { unsigned type : 4; unsigned len : 12; };

unsigned get_type(struct hdr *h)
{
  __typeof__(h->type) t = h->type; /* ERROR */
  return t;
}
