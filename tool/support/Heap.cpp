#include "support/Heap.h"

#include <cstdlib> // defines __GLIBC__

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define FLOWSHAPE_SANITIZED_HEAP 1 // the sanitizer's allocator: glibc's settings do not apply
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define FLOWSHAPE_SANITIZED_HEAP 1
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(FLOWSHAPE_SANITIZED_HEAP)
#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>
#endif

namespace flowshape {

#if defined(__linux__) && defined(__GLIBC__) && !defined(FLOWSHAPE_SANITIZED_HEAP)
namespace {
constexpr size_t kMiB = size_t(1) << 20;
constexpr size_t kHugePage = 2 * kMiB;
constexpr size_t kBlock = 30 * kMiB;  // below M_MMAP_THRESHOLD: taken from the brk heap
constexpr int kBlocks = 8;            // a 240 MiB reserve: virtual until touched
} // namespace

void tuneHeapForLink() {
  if (std::getenv("FLOWSHAPE_HEAP_DEFAULTS"))
    return; // to measure the difference
  // The cache's reader threads would each grow an arena of their own, one
  // mprotect per few pages; the summaries they read are used by the link
  // on the main thread anyway.
  mallopt(M_ARENA_MAX, 1);
  // Large vectors from the heap too (not one mmap and munmap each), and a
  // heap that is not handed back to the kernel between phases.
  mallopt(M_MMAP_THRESHOLD, int(32 * kMiB));
  mallopt(M_TRIM_THRESHOLD, int(512 * kMiB));
  mallopt(M_TOP_PAD, int(16 * kMiB));
  void *blocks[kBlocks] = {};
  for (void *&block : blocks)
    block = std::malloc(kBlock);
  auto begin = reinterpret_cast<uintptr_t>(blocks[0]);
  auto end = reinterpret_cast<uintptr_t>(blocks[kBlocks - 1]) + kBlock;
  bool contiguous = blocks[0] && blocks[kBlocks - 1] && end > begin && end - begin < 2 * kBlocks * kBlock;
  if (contiguous) {
    begin = (begin + kHugePage - 1) & ~(kHugePage - 1);
    end &= ~(kHugePage - 1);
    // Whether the kernel honours it or not, the reserve is ordinary heap.
    if (end > begin)
      (void)madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
  }
  for (int i = kBlocks - 1; i >= 0; --i)
    std::free(blocks[i]);
}
#else
void tuneHeapForLink() {}
#endif

} // namespace flowshape
