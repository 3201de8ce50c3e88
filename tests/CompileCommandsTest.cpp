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
