int before;

#line abc /* ERROR */

int after;
