// libFuzzer target `suppressions`: see LoaderTargets.cpp and scripts/fuzz.sh.
#include "LoaderTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  return flowshape::fuzz::fuzzOne("suppressions", data, size);
}
