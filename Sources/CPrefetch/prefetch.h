// The processor's prefetch hint, which Swift has no spelling for: asks for the cache line at `address` to be
// loaded without waiting for it (nothing is read, so any address is safe, even one that is not mapped).
static inline void prepress_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}
