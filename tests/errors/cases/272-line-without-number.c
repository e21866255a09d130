int first;

#line /* ERROR */

int second;
