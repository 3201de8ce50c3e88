// Heap settings of the command line's own process (not of its extraction
// workers): see docs/architecture.md, "The heap of a warm run".
#pragma once

namespace flowshape {

// One malloc arena, and a reserve at the top of the heap that the kernel
// backs with transparent huge pages. Call before any thread starts. A no-op
// where the C library or the kernel offers neither.
void tuneHeapForLink();

} // namespace flowshape
