// Every input the fuzz targets (tests/fuzz) ever found a problem with is
// kept in tests/data/fuzz-regressions/<target>/ and fed again to the same
// loader here: it must be accepted or rejected with a clean one-line error
// naming the file, never crash, hang or throw anything else.
#include "fuzz/LoaderTargets.h"

#include <gtest/gtest.h>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace flowshape::fuzz;

namespace {

std::string regressionsDir() { return std::string(FLOWSHAPE_SOURCE_DIR) + "/tests/data/fuzz-regressions"; }

std::vector<std::string> inputsOf(const std::string &target) {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(regressionsDir() + "/" + target, ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::sys::fs::is_regular_file(it->path()))
      out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FuzzRegressions, EveryKeptInputLoadsOrFailsCleanly) {
  size_t inputs = 0;
  for (const LoaderTarget &target : loaderTargets())
    for (const std::string &path : inputsOf(target.name)) {
      SCOPED_TRACE(path);
      auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
      ASSERT_TRUE(bool(buffer));
      std::string error = target.load((*buffer)->getBuffer().str());
      EXPECT_EQ(errorContractViolation(target, error), "") << error;
      ++inputs;
    }
  EXPECT_GT(inputs, 0u);
}

TEST(FuzzRegressions, EveryFolderIsATarget) {
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(regressionsDir(), ec), end; it != end && !ec; it.increment(ec))
    EXPECT_NE(findLoaderTarget(std::string(llvm::sys::path::filename(it->path()))), nullptr) << it->path();
}

TEST(FuzzRegressions, TheErrorContract) {
  const LoaderTarget &config = *findLoaderTarget("config");
  EXPECT_EQ(errorContractViolation(config, ""), "");
  EXPECT_EQ(errorContractViolation(config, std::string(config.fileName) + ":3:1: unknown key 'x'"), "");
  EXPECT_NE(errorContractViolation(config, "unknown key 'x'"), "");
  EXPECT_NE(errorContractViolation(config, std::string(config.fileName) + ":1:1: two\nlines"), "");
}

} // namespace
