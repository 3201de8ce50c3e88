// Small helpers for tests that run whole analyses: compile commands for a
// folder of testdata (as TestdataTest builds them), scratch projects in a
// temporary directory, and the JSON report as a string.
#pragma once

#include "Shell.h"
#include "driver/Analysis.h"

#include <string>
#include <vector>

namespace flowshape::test {

const std::string &testdataDir(); // tests/TestCases.cpp

// Compile commands for every .cpp/.c under `dir` (sorted by path), with the
// flags of its compile_flags.txt (defaults: -std=c++20 / -std=c11 and
// -isystem testdata/include).
std::vector<CompileCommand> commandsForFolder(const std::string &dir);

// The JSON report, as flowshape writes it.
std::string jsonOf(const Report &report);

// A fresh temporary directory, removed with its contents on destruction.
class ScratchDir {
public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir &) = delete;
  ScratchDir &operator=(const ScratchDir &) = delete;

  const std::string &path() const { return path_; }
  // Writes `content` to path()/relative, creating folders.
  void write(const std::string &relative, const std::string &content) const;
  // Appends to a file (an edit that changes its content hash).
  void append(const std::string &relative, const std::string &content) const;
  // Copies a folder's files (recursively) into path()/relative.
  void copyFolder(const std::string &from, const std::string &relative) const;

private:
  std::string path_;
};

// Runs a shell command; returns its exit status and fills `out` with stdout
// and `err` with stderr.
int runCommand(const std::string &command, std::string &out, std::string &err);

} // namespace flowshape::test
