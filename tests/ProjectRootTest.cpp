// The project root without --root: found from the sources (version-control
// top level or .flowshape.yaml above them), else the common directory of
// the sources and the project's own include directories, whatever the
// build directory; anything left outside is named in a warning.
#include "ProjectFixture.h"
#include "driver/ProjectRoot.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace flowshape;
using namespace flowshape::test;

namespace {

CompileCommand command(const std::string &directory, const std::string &file, std::vector<std::string> flags) {
  CompileCommand c;
  c.directory = directory;
  c.file = file;
  c.arguments = {"c++"};
  c.arguments.insert(c.arguments.end(), flags.begin(), flags.end());
  c.arguments.push_back(file);
  return c;
}

TEST(ProjectRoot, OwnIncludeDirectoriesOnly) {
  ScratchDir dir;
  for (const char *sub : {"src", "include", "third/include", "build/gen"})
    dir.write(std::string(sub) + "/.keep", "");
  std::string p = dir.path();
  // Out-of-source: build/ does not hold src/a.cpp, so build/gen is generated.
  auto commands = {command(p + "/build", p + "/src/a.cpp",
                           {"-I../include", "-iquote", p + "/third/include", "-isystem", p + "/third", "-I/usr/include",
                            "-I" + p + "/build/gen", "-I" + p + "/missing"})};
  EXPECT_EQ(projectIncludeDirectories(commands), (std::vector<std::string>{p + "/include", p + "/third/include"}));
  // No marker above the sources: their common directory with those.
  EXPECT_EQ(discoverProjectRoot(commands, "/"), p);
  EXPECT_TRUE(outsideRootWarnings(commands, p).empty());

  std::vector<std::string> warnings = outsideRootWarnings(commands, p + "/src");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], "include directories are outside the project root " + p +
                             "/src (headers there count as third-party code; set --root): " + p + "/include, " + p +
                             "/third/include");
}

TEST(ProjectRoot, MarkerAboveTheSourcesWinsWhateverTheBuildDirectory) {
  ScratchDir project, build;
  project.write(".flowshape.yaml", "");
  project.write("services/a/src/a.cpp", "");
  project.write("services/b/b.cpp", "");
  std::string p = project.path();
  auto commands = {command(build.path(), p + "/services/a/src/a.cpp", {}),
                   command(build.path(), p + "/services/b/b.cpp", {})};
  EXPECT_EQ(discoverProjectRoot(commands, build.path()), p);
  auto one = {command(build.path(), p + "/services/b/b.cpp", {"-I" + build.path()})};
  EXPECT_EQ(discoverProjectRoot(one, build.path()), p); // the marker, not the build directory's include
}

nlohmann::json summaryOfDemo(const std::string &source, const std::string &build, std::string &err) {
  std::string out, cmakeErr;
  int configured = runCommand("cmake -S " + shellQuote(source) + " -B " + shellQuote(build), out, cmakeErr);
  EXPECT_EQ(configured, 0) << cmakeErr;
  int code = runCommand(shellQuote(FLOWSHAPE_BINARY) + " -p " + shellQuote(build) + " --no-cache --format json", out,
                        err);
  EXPECT_EQ(code, 1) << "the demo has warnings: exit 1\n" << err;
  return nlohmann::json::parse(out, nullptr, false)["summary"];
}

// The demo configured into a build directory outside the source tree gives
// the same result as in the tree: its include/ is project code. Once inside
// this repository (the .git above the sources is the root), once as a copy
// with no marker at all (the sources and -I include decide).
TEST(ProjectRoot, DemoBuiltOutsideTheSourceTree) {
  for (bool copy : {false, true}) {
    ScratchDir source, build;
    std::string demo = testdataDir() + "/demo";
    if (copy) {
      source.copyFolder(demo, "demo");
      demo = source.path() + "/demo";
    }
    std::string err;
    nlohmann::json summary = summaryOfDemo(demo, build.path() + "/out", err);
    EXPECT_EQ(summary["flows"], 9) << summary.dump() << err;
    size_t findings = 0;
    for (const auto &[rule, count] : summary["findings"].items())
      findings += count.get<size_t>();
    EXPECT_EQ(findings, 4u) << summary.dump();
    EXPECT_EQ(err.find("warning"), std::string::npos) << err;
  }
}

} // namespace
