static float gain = 1.0f;

unsigned float level; /* ERROR */
