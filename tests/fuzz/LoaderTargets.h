// The loaders of outside input, each wrapped as one fuzz target: the
// libFuzzer binaries (tests/fuzz/*Fuzzer.cpp) and the regression test
// (tests/FuzzRegressionTest.cpp) run exactly the same code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace flowshape::fuzz {

struct LoaderTarget {
  const char *name;     // fuzz target, and folder of its inputs under tests/data/fuzz-regressions
  const char *fileName; // the name the input is read under: every error must start with it
  // Feeds `data` to the loader. Returns the error it reported, as the
  // driver prints it (oneLine); empty when it accepted the input. Any other exception is a bug and
  // escapes (libFuzzer reports it as a crash).
  std::string (*load)(const std::string &data);
};

const std::vector<LoaderTarget> &loaderTargets();
const LoaderTarget *findLoaderTarget(const std::string &name);

// What is wrong with an error message by the product's rules (one line,
// naming the file first); empty when it keeps them.
std::string errorContractViolation(const LoaderTarget &target, const std::string &error);

// The body of every LLVMFuzzerTestOneInput: loads, checks the contract and
// aborts on a violation.
int fuzzOne(const char *target, const uint8_t *data, size_t size);

} // namespace flowshape::fuzz
