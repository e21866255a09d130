typedef int handler(int);

int dispatch(int code);

handler get_handler(int code); /* ERROR */
