#include <stdio.h>
#include <stdlib.h>
struct Node { int v; struct Node *next; };
void isort(int *a, int n) { for (int i = 1; i < n; i++) { int k = a[i], j = i - 1; while (j >= 0 && a[j] > k) { a[j + 1] = a[j]; j--; } a[j + 1] = k; } }
int main(void) {
  int a[] = { 5, 3, 9, 1, 7, 2, 8 }; int n = sizeof a / sizeof *a;
  isort(a, n); for (int i = 0; i < n; i++) printf("%d ", a[i]); printf("\n");
  struct Node *head = 0; for (int i = 0; i < 5; i++) { struct Node *x = malloc(sizeof *x); x->v = i * i; x->next = head; head = x; }
  for (struct Node *p = head; p; p = p->next) printf("%d ", p->v); printf("\n");
  int *c = calloc(4, sizeof(int)); printf("%d\n", c[3]); free(c);
  return 0;
}
