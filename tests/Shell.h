// Helpers for tests that run the built flowshape binary (and other tools)
// end to end in temporary directories.
#pragma once

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace flowshape::test {

struct CommandResult {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string shellQuote(const std::string &text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline void writeFile(const std::string &path, const std::string &content) {
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
  std::ofstream(path, std::ios::binary) << content;
}

inline std::string makeTempDir(const std::string &prefix) {
  llvm::SmallString<128> dir;
  llvm::sys::fs::createUniqueDirectory("flowshape-" + prefix, dir);
  llvm::SmallString<128> real;
  llvm::sys::fs::real_path(dir, real); // /tmp may be a symlink: compare real paths
  return std::string(real.str());
}

// Runs `command` with /bin/sh in `directory`; stdout and stderr are captured
// separately (stdin is empty).
inline CommandResult runShell(const std::string &command, const std::string &directory = ".") {
  static int counter = 0;
  std::string capture = makeTempDir("capture") + "/" + std::to_string(++counter);
  std::string line = "cd " + shellQuote(directory) + " && ( " + command + " ) </dev/null >" + shellQuote(capture + ".out") +
                     " 2>" + shellQuote(capture + ".err");
  int status = std::system(line.c_str());
  CommandResult result;
  result.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = readFile(capture + ".out");
  result.err = readFile(capture + ".err");
  llvm::sys::fs::remove_directories(llvm::sys::path::parent_path(capture));
  return result;
}

inline std::string flowshapeBinary() { return FLOWSHAPE_BINARY; }

// "flowshape <args>" as a shell command line.
inline std::string flowshapeCommand(const std::vector<std::string> &args) {
  std::string line = shellQuote(flowshapeBinary());
  for (const auto &arg : args)
    line += " " + shellQuote(arg);
  return line;
}

inline size_t countLines(const std::string &text) {
  size_t n = 0;
  for (char c : text)
    n += c == '\n';
  return n;
}

// Small translation units: one finding (publish-then-block, a warning, at
// 6:3), none, and one that does not compile.
inline const char *const kPublishThenNap = R"(#include <librdkafka/rdkafka.h>
#include <unistd.h>

void publishThenNap(rd_kafka_t *rk) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("orders.placed"), RD_KAFKA_V_END);
  usleep(1000);
}
)";

inline const char *const kPublishOnly = R"(#include <librdkafka/rdkafka.h>

void announce(rd_kafka_t *rk) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("orders.placed"), RD_KAFKA_V_END);
}
)";

inline const char *const kBroken = "void f() { int x = ; }\n";

// A project in a temporary directory (with a .git marker, so it is the
// project root) and its build/compile_commands.json.
class TempProject {
public:
  explicit TempProject(const std::string &name) : root(makeTempDir(name)) {
    llvm::sys::fs::create_directories(root + "/.git");
  }
  ~TempProject() { llvm::sys::fs::remove_directories(root); }
  TempProject(const TempProject &) = delete;
  TempProject &operator=(const TempProject &) = delete;

  void source(const std::string &relative, const std::string &text) const { writeFile(root + "/" + relative, text); }

  // <dir>/compile_commands.json with one entry per file (root-relative).
  void database(const std::vector<std::string> &files, const std::string &dir = "build") const {
    std::string json = "[\n";
    for (size_t i = 0; i < files.size(); ++i)
      json += std::string(i ? ",\n" : "") + "  {\"directory\": \"" + root + "\", \"file\": \"" + files[i] +
              "\", \"arguments\": [\"clang++\", \"-std=c++17\", \"-c\", \"" + files[i] + "\"]}";
    writeFile(root + "/" + dir + "/compile_commands.json", json + "\n]\n");
  }

  CommandResult flowshape(const std::vector<std::string> &args) const {
    return runShell(flowshapeCommand(args), root);
  }

  const std::string root;
};

} // namespace flowshape::test
