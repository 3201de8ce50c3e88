// Output is deterministic: the same JSON bytes whatever --jobs and
// whatever the order of the compile commands.
#include "ProjectFixture.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace flowshape;
using namespace flowshape::test;

namespace {

class Determinism : public ::testing::TestWithParam<std::string> {};

TEST_P(Determinism, SameJsonForAnyJobsAndInputOrder) {
  AnalysisRequest request;
  request.root = testdataDir();
  request.commands = commandsForFolder(testdataDir() + "/" + GetParam());
  ASSERT_GE(request.commands.size(), 2u);

  request.jobs = 1;
  std::string serial = jsonOf(analyze(request));
  EXPECT_NE(serial.find("\"findings\""), std::string::npos);

  request.jobs = 2;
  EXPECT_EQ(jsonOf(analyze(request)), serial) << "--jobs 2 differs from --jobs 1";

  std::reverse(request.commands.begin(), request.commands.end());
  EXPECT_EQ(jsonOf(analyze(request)), serial) << "reversed compile commands differ";

  request.jobs = 1;
  EXPECT_EQ(jsonOf(analyze(request)), serial) << "reversed compile commands with --jobs 1 differ";
}

INSTANTIATE_TEST_SUITE_P(Projects, Determinism,
                         ::testing::Values("demo", "xtu/rpc_over_queue", "xtu/mutual_recursion",
                                           "xtu/same_named_statics"),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string name;
                           for (char c : info.param)
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

} // namespace
