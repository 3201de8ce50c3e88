// include/exclude globs follow .gitignore: '*' stays within a directory,
// '**' crosses them, a pattern without '/' matches at any depth, a trailing
// '/' matches directories (and so everything under them).
#include "config/PathGlob.h"

#include <gtest/gtest.h>

using namespace flowshape;

namespace {

bool matches(const std::string &pattern, const std::string &path) {
  std::string error;
  auto glob = PathGlob::create(pattern, error);
  EXPECT_TRUE(glob) << pattern << ": " << error;
  return glob && glob->matches(path);
}

TEST(PathGlob, StarDoesNotCrossDirectories) {
  EXPECT_TRUE(matches("src/*.cpp", "src/a.cpp"));
  EXPECT_FALSE(matches("src/*.cpp", "src/sub/a.cpp"));
  EXPECT_TRUE(matches("src/?.cpp", "src/a.cpp"));
  EXPECT_FALSE(matches("src/?.cpp", "src/ab.cpp"));
  EXPECT_FALSE(matches("src?a.cpp", "src/a.cpp"));
}

TEST(PathGlob, DoubleStarCrossesDirectories) {
  EXPECT_TRUE(matches("src/**/*.cpp", "src/a.cpp"));
  EXPECT_TRUE(matches("src/**/*.cpp", "src/x/y/a.cpp"));
  EXPECT_TRUE(matches("**/legacy/**", "legacy/a.cpp"));
  EXPECT_TRUE(matches("**/legacy/**", "a/b/legacy/c/d.cpp"));
  EXPECT_FALSE(matches("**/legacy/**", "a/legacyish/d.cpp"));
  EXPECT_TRUE(matches("services/**", "services/billing/src/charge.cpp"));
  EXPECT_FALSE(matches("services/**", "other/services/x.cpp"));
  EXPECT_TRUE(matches("**", "any/thing.cpp"));
}

TEST(PathGlob, PatternWithoutSlashMatchesAtAnyDepth) {
  EXPECT_TRUE(matches("*_test.cpp", "a_test.cpp"));
  EXPECT_TRUE(matches("*_test.cpp", "src/deep/a_test.cpp"));
  EXPECT_FALSE(matches("*_test.cpp", "src/a_test.cpp.orig"));
  EXPECT_TRUE(matches("legacy", "src/legacy/old.cpp")); // a directory of that name
  EXPECT_TRUE(matches("generated.h", "include/x/generated.h"));
}

TEST(PathGlob, SlashAnchorsToTheBase) {
  EXPECT_TRUE(matches("src/legacy", "src/legacy/old.cpp"));
  EXPECT_FALSE(matches("src/legacy", "lib/src/legacy/old.cpp"));
  EXPECT_TRUE(matches("/main.cpp", "main.cpp"));
  EXPECT_FALSE(matches("/main.cpp", "src/main.cpp"));
}

TEST(PathGlob, TrailingSlashMatchesDirectoriesOnly) {
  EXPECT_TRUE(matches("build/", "build/gen/a.cpp"));
  EXPECT_TRUE(matches("build/", "sub/build/a.cpp"));
  EXPECT_FALSE(matches("build/", "build")); // a file named build
  EXPECT_FALSE(matches("src/gen/", "src/gen.cpp"));
  EXPECT_TRUE(matches("src/gen/", "src/gen/a.cpp"));
}

TEST(PathGlob, ClassesAndEscapes) {
  EXPECT_TRUE(matches("v[0-9].cpp", "v1.cpp"));
  EXPECT_FALSE(matches("v[0-9].cpp", "vx.cpp"));
  EXPECT_TRUE(matches("v[!0-9].cpp", "vx.cpp"));
  EXPECT_FALSE(matches("v[!0-9].cpp", "v1.cpp"));
  EXPECT_TRUE(matches("a\\*b.cpp", "a*b.cpp"));
  EXPECT_FALSE(matches("a\\*b.cpp", "axb.cpp"));
  EXPECT_TRUE(matches("a+b(1).cpp", "a+b(1).cpp")); // regex characters are literal
  EXPECT_FALSE(matches("a.cpp", "abcpp"));
}

TEST(PathGlob, InvalidPatternsAreRejected) {
  EXPECT_EQ(checkPathGlob("[abc"), "invalid glob '[abc': unterminated character class '[' at offset 0");
  EXPECT_EQ(checkPathGlob(""), "invalid glob '': empty pattern");
  EXPECT_EQ(checkPathGlob("/"), "invalid glob '/': the pattern names no path");
  EXPECT_EQ(checkPathGlob("a\\"), "invalid glob 'a\\': trailing backslash");
  EXPECT_NE(checkPathGlob("!legacy/").find("negated patterns"), std::string::npos);
  EXPECT_EQ(checkPathGlob("src/**/*.cpp"), "");
  EXPECT_THROW(PathGlobList({"ok/**", "[bad"}), std::invalid_argument);
}

TEST(PathGlob, ListMatchesWhenAnyDoes) {
  PathGlobList list({"*.pb.cc", "third_party/"});
  EXPECT_TRUE(list.matches("gen/a.pb.cc"));
  EXPECT_TRUE(list.matches("third_party/zlib/z.c"));
  EXPECT_FALSE(list.matches("src/a.cpp"));
  EXPECT_TRUE(PathGlobList().empty());
}

} // namespace
