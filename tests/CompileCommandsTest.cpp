// Reading compile_commands.json, and the compiler arguments flowshape runs.
#include "driver/CompileCommands.h"

#include <gtest/gtest.h>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fstream>

using namespace flowshape;

namespace {

class TempDir {
public:
  TempDir() {
    llvm::SmallString<128> path;
    llvm::sys::fs::createUniqueDirectory("flowshape-test", path);
    path_ = std::string(path.str());
  }
  ~TempDir() { llvm::sys::fs::remove_directories(path_); }
  std::string write(const std::string &name, const std::string &content) const {
    std::string file = path_ + "/" + name;
    std::ofstream(file) << content;
    return file;
  }
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

std::string errorOf(const std::function<void()> &f) {
  try {
    f();
  } catch (const InputError &error) {
    return error.what();
  }
  return "no error";
}

TEST(CompileCommands, ReadsArgumentsAndCommandStrings) {
  TempDir dir;
  dir.write("compile_commands.json", R"([
  {"directory": "/src/build", "file": "../a.cpp", "arguments": ["g++", "-std=c++17", "-c", "../a.cpp"]},
  {"directory": "/src/build", "file": "/src/b.cpp", "command": "clang++ -DNAME=\"two words\" -I ../include -c /src/b.cpp"}
])");
  auto commands = loadCompileCommands(dir.path());
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[0].file, "/src/a.cpp");
  EXPECT_EQ(commands[0].directory, "/src/build");
  EXPECT_EQ(commands[0].arguments.front(), "g++");
  std::vector<std::string> expected = {"clang++", "-DNAME=two words", "-I", "../include", "-c", "/src/b.cpp"};
  EXPECT_EQ(commands[1].arguments, expected);
}

TEST(CompileCommands, MissingDatabaseIsAnInputError) {
  TempDir dir;
  std::string error = errorOf([&] { loadCompileCommands(dir.path()); });
  EXPECT_NE(error.find(dir.path() + "/compile_commands.json"), std::string::npos) << error;
  EXPECT_NE(error.find("cannot read"), std::string::npos) << error;
}

TEST(CompileCommands, MalformedJsonNamesLineAndColumn) {
  TempDir dir;
  dir.write("compile_commands.json", "[\n  {\"directory\": \"/x\",\n   \"file\" \"a.cpp\"}\n]\n");
  std::string error = errorOf([&] { loadCompileCommands(dir.path()); });
  EXPECT_NE(error.find("compile_commands.json:3:"), std::string::npos) << error;
}

TEST(CompileCommands, EntryWithoutFileNamesTheEntry) {
  TempDir dir;
  dir.write("compile_commands.json",
            "[\n  {\"directory\": \"/x\", \"file\": \"a.cpp\", \"command\": \"cc a.cpp\"},\n"
            "  {\"directory\": \"/x\", \"command\": \"cc b.cpp\"}\n]\n");
  std::string error = errorOf([&] { loadCompileCommands(dir.path()); });
  EXPECT_NE(error.find("compile_commands.json:3:"), std::string::npos) << error;
  EXPECT_NE(error.find(": entry 2 has no \"file\""), std::string::npos) << error;
}

TEST(CompileCommands, NotAnArrayOrEmpty) {
  TempDir dir;
  dir.write("compile_commands.json", "{\"directory\": \"/x\"}\n");
  EXPECT_NE(errorOf([&] { loadCompileCommands(dir.path()); }).find("expected a JSON array"), std::string::npos);
  dir.write("compile_commands.json", "[]\n");
  EXPECT_NE(errorOf([&] { loadCompileCommands(dir.path()); }).find("no entries"), std::string::npos);
}

TEST(CompileCommands, AFileNotInTheDatabaseIsNamed) {
  std::vector<CompileCommand> all = {{"/src/a.cpp", "/src", {"c++", "/src/a.cpp"}}};
  EXPECT_EQ(selectCommands(all, {"/src/a.cpp"}, "db").size(), 1u);
  EXPECT_EQ(selectCommands(all, {}, "db").size(), 1u);
  std::string error = errorOf([&] { selectCommands(all, {"/src/missing.cpp"}, "build/compile_commands.json"); });
  EXPECT_NE(error.find("/src/missing.cpp: not in build/compile_commands.json"), std::string::npos) << error;
}
}

namespace {

std::string parseError(const std::string &json) {
  try {
    parseCompileCommands("/b/compile_commands.json", json);
  } catch (const InputError &error) {
    return error.what();
  }
  return "no error";
}

// One case per kind of malformed database: each is one line naming the
// file, the line and column of the offending node, and what is wrong.
TEST(CompileCommandsErrors, EveryMalformedEntryNamesFileLineAndProblem) {
  const std::pair<const char *, const char *> cases[] = {
      {"[\n  \"cc a.cpp\"\n]", "/b/compile_commands.json:2:3: entry 1 is not an object"},
      {"[{\"directory\": \"/x\", \"file\": \"a.cpp\",\n  \"arguments\": \"cc a.cpp\"}]",
       "/b/compile_commands.json:2:16: entry 1: \"arguments\" must be an array of strings"},
      {"[{\"directory\": \"/x\", \"file\": \"a.cpp\", \"arguments\": [\"cc\", [\"a.cpp\"]]}]",
       "/b/compile_commands.json:1:60: entry 1: \"arguments\" must be a string"},
      {"[{\"directory\": [\"/x\"], \"file\": \"a.cpp\", \"command\": \"cc a.cpp\"}]",
       "/b/compile_commands.json:1:17: entry 1: \"directory\" must be a string"},
      {"[{\"directory\": \"/x\", \"file\": \"a.cpp\"}]",
       "/b/compile_commands.json:1:3: entry 1 has neither \"arguments\" nor \"command\""},
      {"[{\"directory\": \"/x\", \"file\": \"a.cpp\", \"command\": \"  \"}]",
       "/b/compile_commands.json:1:3: entry 1 has an empty command"},
      {"[{\"file\": \"a.cpp\", \"command\": \"cc a.cpp\"}]", "/b/compile_commands.json:1:3: entry 1 has no \"directory\""},
      {"[{[1]: \"x\", \"directory\": \"/x\", \"file\": \"a.cpp\", \"command\": \"cc\"}]",
       "/b/compile_commands.json:1:4: entry 1 has a key that is not a string"},
      {"", "/b/compile_commands.json:1:1: expected a JSON array of compile commands"},
      {"[]", "/b/compile_commands.json: the compilation database has no entries"},
  };
  for (const auto &[json, expected] : cases)
    EXPECT_EQ(parseError(json), expected) << json;
  // Syntax errors: the parser's own message, at its line and column.
  for (const char *json : {"[{\"directory\": \"/x\",\n \"file\": \"a.cpp\"", "[{\"directory\" \"/x\"}]", "[\n\x01]"}) {
    std::string error = parseError(json);
    EXPECT_EQ(error.rfind("/b/compile_commands.json:", 0), 0u) << error;
    EXPECT_NE(error.find(": malformed JSON: "), std::string::npos) << error;
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  }
}

} // namespace
