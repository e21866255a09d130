struct rect { int w, h; };

static int area(int w, int h) { return w * h; }

int rect_area(struct rect r)
{
  return area(r, r.h); /* ERROR */
}
