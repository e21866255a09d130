struct request;

static int handled;

void handle(struct request r) /* ERROR */
{
  handled++;
}
