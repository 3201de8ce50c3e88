// The compiler arguments flowshape actually runs, whatever the database says.
#include "extract/Extractor.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace flowshape;

namespace {

bool has(const std::vector<std::string> &args, const std::string &arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}

TEST(Arguments, SyntaxOnlyWithClangsOwnResourceDirectory) {
  CompileCommand command{"/src/a.cpp", "/src",
                         {"/usr/bin/g++", "-resource-dir", "/somewhere/else", "-O2", "-MD", "-MF", "a.d", "-c",
                          "/src/a.cpp", "-o", "a.o"}};
  auto args = adjustArguments(command);
  EXPECT_EQ(args.front(), "/usr/bin/g++");
  EXPECT_TRUE(has(args, std::string("-resource-dir=") + FLOWSHAPE_TEST_RESOURCE_DIR));
  EXPECT_FALSE(has(args, "/somewhere/else"));
  EXPECT_TRUE(has(args, "-fsyntax-only"));
  EXPECT_FALSE(has(args, "-o"));
  EXPECT_FALSE(has(args, "-MF"));
  EXPECT_TRUE(has(args, "-w"));
  EXPECT_TRUE(has(args, "/src/a.cpp"));
}

TEST(Arguments, GccOnlyFlagsAreDropped) {
  CompileCommand command{"/src/a.cpp", "/src",
                         {"g++", "-fconcepts-diagnostics-depth=3", "-std=c++20", "-DX=1", "-c", "/src/a.cpp"}};
  auto args = adjustArguments(command);
  EXPECT_FALSE(has(args, "-fconcepts-diagnostics-depth=3"));
  EXPECT_TRUE(has(args, "-std=c++20"));
  EXPECT_TRUE(has(args, "-DX=1"));
}

} // namespace
