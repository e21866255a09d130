struct dma_desc {
  unsigned long addr;
  unsigned len;
} __attribute__((aligned(24))); /* ERROR */
