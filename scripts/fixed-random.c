/* Loaded (LD_PRELOAD) into the wasm splitter only (scripts/split.mjs): its hash tables are seeded
   from getrandom, so their order, and with it the split modules' bytes, changed from one run to
   the next. With these fixed bytes the same input always gives the same output, and the app's
   content hashes change only when its code does. */
#include <string.h>
#include <sys/types.h>

ssize_t getrandom(void *buffer, size_t length, unsigned int flags) {
  (void)flags;
  memset(buffer, 0x5a, length);
  return (ssize_t)length;
}
