struct employee {
  char name[32];
  int age;
  double salary;
  int age; /* ERROR */
};
