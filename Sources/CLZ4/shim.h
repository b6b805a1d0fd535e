// LZ4's block format (Debian's liblz4-dev), for the build cache's shard files.
#include <lz4.h>
