int first;

#line 100 source.c /* ERROR */

int second;
