// libFuzzer target `cache_entry`: see LoaderTargets.cpp and scripts/fuzz.sh.
#include "LoaderTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  return flowshape::fuzz::fuzzOne("cache_entry", data, size);
}
