#include "ProjectFixture.h"

#include "flowshape/Project.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <sys/wait.h>

namespace flowshape::test {

std::vector<CompileCommand> commandsForFolder(const std::string &dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec)) {
    auto ext = llvm::sys::path::extension(it->path());
    if ((ext == ".cpp" || ext == ".c") && it->path().find("/build/") == std::string::npos)
      files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> listed;
  std::ifstream list(dir + "/compile_flags.txt");
  for (std::string line; list && std::getline(list, line);)
    if (!line.empty())
      listed.push_back(line);
  std::vector<CompileCommand> out;
  for (const std::string &file : files) {
    bool isC = llvm::sys::path::extension(file) == ".c";
    CompileCommand command;
    command.file = normalizePath(file);
    command.directory = normalizePath(dir);
    command.arguments.push_back(isC ? "clang" : "clang++");
    if (listed.empty()) {
      command.arguments.push_back(isC ? "-std=c11" : "-std=c++20");
      command.arguments.push_back("-isystem");
      command.arguments.push_back(testdataDir() + "/include");
    }
    for (const std::string &flag : listed) {
      bool cxxStd = flag.rfind("-std=c++", 0) == 0 || flag.rfind("-std=gnu++", 0) == 0;
      bool cStd = !cxxStd && flag.rfind("-std=", 0) == 0;
      if (!(isC ? cxxStd : cStd))
        command.arguments.push_back(flag);
    }
    command.arguments.push_back(command.file);
    out.push_back(std::move(command));
  }
  return out;
}

std::string jsonOf(const Report &report) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writeJson(report, os);
  os.flush();
  return text;
}

ScratchDir::ScratchDir() {
  llvm::SmallString<256> dir;
  if (llvm::sys::fs::createUniqueDirectory("flowshape-test", dir))
    throw std::runtime_error("cannot create a temporary directory");
  path_ = normalizePath(std::string(dir.str()));
}

ScratchDir::~ScratchDir() { llvm::sys::fs::remove_directories(path_); }

void ScratchDir::write(const std::string &relative, const std::string &content) const {
  std::string path = path_ + "/" + relative;
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
  writeFile(path, content);
}

void ScratchDir::append(const std::string &relative, const std::string &content) const {
  write(relative, readFile(path_ + "/" + relative) + content);
}

void ScratchDir::copyFolder(const std::string &from, const std::string &relative) const {
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(from, ec), end; it != end && !ec; it.increment(ec))
    if (llvm::sys::fs::is_regular_file(it->path()) && it->path().find("/build/") == std::string::npos)
      write(relative + it->path().substr(from.size()), readFile(it->path()));
}

int runCommand(const std::string &command, std::string &out, std::string &err) {
  llvm::SmallString<128> outFile, errFile;
  llvm::sys::fs::createTemporaryFile("flowshape-out", "txt", outFile);
  llvm::sys::fs::createTemporaryFile("flowshape-err", "txt", errFile);
  int status = std::system((command + " >" + std::string(outFile.str()) + " 2>" + std::string(errFile.str())).c_str());
  out = readFile(std::string(outFile.str()));
  err = readFile(std::string(errFile.str()));
  llvm::sys::fs::remove(outFile);
  llvm::sys::fs::remove(errFile);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace flowshape::test
