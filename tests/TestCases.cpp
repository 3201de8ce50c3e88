#include "TestCases.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <fstream>

namespace flowshape::test {

namespace {

bool isSource(const std::string &path) {
  auto ext = llvm::sys::path::extension(path);
  return ext == ".cpp" || ext == ".cc" || ext == ".c";
}

std::vector<std::string> listDir(const std::string &dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> sourcesUnder(const std::string &dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    if (isSource(it->path()) && it->path().find("/build/") == std::string::npos)
      out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

// Flags of a case: compile_flags.txt in its folder (the clangd convention),
// or defaults plus FLAGS: annotations.
std::vector<std::string> flagsFor(const Case &c, const Expectations &e, const std::string &file) {
  std::vector<std::string> flags;
  std::ifstream list(c.dir + "/compile_flags.txt");
  std::string line;
  bool fromFile = false;
  while (list && std::getline(list, line))
    if (!line.empty()) {
      flags.push_back(line);
      fromFile = true;
    }
  if (!fromFile) {
    if (llvm::sys::path::extension(file) == ".c")
      flags.push_back("-std=c11");
    else
      flags.push_back("-std=c++20");
    flags.push_back("-isystem");
    flags.push_back(testdataDir() + "/include");
  }
  flags.insert(flags.end(), e.flags.begin(), e.flags.end());
  // One compile_flags.txt serves C and C++ files: keep the -std= that fits.
  bool isC = llvm::sys::path::extension(file) == ".c";
  flags.erase(std::remove_if(flags.begin(), flags.end(),
                             [&](const std::string &f) {
                               bool cxxStd = f.rfind("-std=c++", 0) == 0 || f.rfind("-std=gnu++", 0) == 0;
                               bool cStd = !cxxStd && f.rfind("-std=", 0) == 0;
                               return isC ? cxxStd : cStd;
                             }),
              flags.end());
  return flags;
}

} // namespace

const std::string &testdataDir() {
  static const std::string dir = std::string(FLOWSHAPE_SOURCE_DIR) + "/testdata";
  return dir;
}

void PrintTo(const Case &c, std::ostream *os) { *os << c.name; }

std::vector<Case> discoverCases() {
  std::vector<Case> cases;
  // Single-file cases sit in a group folder or one level below it.
  for (const char *group : {"rules", "catalog", "shapes", "partial"})
    for (const auto &entry : listDir(testdataDir() + "/" + group)) {
      if (isSource(entry))
        cases.push_back({entry.substr(testdataDir().size() + 1), testdataDir() + "/" + group, {entry}});
      else if (llvm::sys::fs::is_directory(entry))
        for (const auto &file : listDir(entry))
          if (isSource(file))
            cases.push_back({file.substr(testdataDir().size() + 1), entry, {file}});
    }
  for (const auto &dir : listDir(testdataDir() + "/xtu"))
    if (llvm::sys::fs::is_directory(dir))
      cases.push_back({dir.substr(testdataDir().size() + 1), dir, sourcesUnder(dir)});
  if (llvm::sys::fs::is_directory(testdataDir() + "/demo"))
    cases.push_back({"demo", testdataDir() + "/demo", sourcesUnder(testdataDir() + "/demo/src")});
  return cases;
}

std::string testName(const Case &c) {
  std::string out;
  for (char ch : c.name)
    out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return out;
}

std::string relativeToTestdata(const std::string &path) {
  const std::string &dir = testdataDir();
  return path.compare(0, dir.size() + 1, dir + "/") == 0 ? path.substr(dir.size() + 1) : path;
}

void readCaseExpectations(const Case &c, Expectations &out, std::set<std::string> &caseFiles) {
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(c.dir, ec), end; it != end && !ec; it.increment(ec)) {
    std::string path = it->path();
    auto ext = llvm::sys::path::extension(path);
    bool own = c.files.size() == 1 ? path == c.files.front() : (isSource(path) || ext == ".h" || ext == ".hpp");
    if (own && path.find("/build/") == std::string::npos) {
      caseFiles.insert(relativeToTestdata(path));
      readExpectations(path, relativeToTestdata(path), out);
    }
  }
}

AnalysisRequest requestFor(const Case &c, const Expectations &expected) {
  AnalysisRequest request;
  request.root = testdataDir();
  request.jobs = 1;
  if (!expected.config.empty())
    request.configFile = c.dir + "/" + expected.config;
  for (const auto &file : c.files) {
    CompileCommand command;
    command.file = file;
    command.directory = c.dir;
    command.arguments.push_back(llvm::sys::path::extension(file) == ".c" ? "clang" : "clang++");
    for (const auto &flag : flagsFor(c, expected, file))
      command.arguments.push_back(flag);
    command.arguments.push_back(file);
    request.commands.push_back(std::move(command));
  }
  return request;
}

} // namespace flowshape::test
