// Linking jemalloc replaces the C library's malloc for the whole process; nothing here is called directly.
#include <jemalloc/jemalloc.h>
