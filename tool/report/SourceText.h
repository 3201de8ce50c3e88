// Source text as the SARIF and Markdown reporters need it: lines read once
// per file, columns in UTF-16 code units, and GitHub's line hashes.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace flowshape {

// UTF-8 to UTF-16 code units the way Node.js decodes a file read as "utf8"
// (the WHATWG decoder: each maximal invalid subpart becomes U+FFFD, a BOM is
// kept as U+FEFF).
std::u16string decodeUtf8(llvm::StringRef bytes);

// GitHub code scanning's primaryLocationLineHash of every line of a file,
// as github/codeql-action computes it when a SARIF file is uploaded
// (src/fingerprints.ts): a rolling hash over the 100 characters that start
// at each line, spaces and tabs skipped, CR and CRLF read as LF, the end of
// the file marked by 65535 and padded with zeros; the hash as lowercase hex,
// then ":" and how often that hash occurred so far in the file.
// Element i is line i + 1. A text ending in a newline has one more, empty,
// line, as in codeql-action.
std::vector<std::string> githubLineHashes(llvm::StringRef bytes);

class SourceText {
public:
  // Line `line` (1-based) without its line end; empty when unreadable.
  llvm::StringRef line(const std::string &file, unsigned line);
  // GitHub's primaryLocationLineHash of a line; empty when unreadable.
  std::string lineHash(const std::string &file, unsigned line);
  // Clang's 1-based byte column as a 1-based UTF-16 column (SARIF
  // columnKind utf16CodeUnits). Unchanged when the line is unreadable.
  unsigned utf16Column(const std::string &file, unsigned line, unsigned byteColumn);

private:
  struct File {
    bool readable = false;
    std::string bytes;
    std::vector<llvm::StringRef> lines;
    std::vector<std::string> hashes; // computed on first use
  };
  File &load(const std::string &file);

  std::map<std::string, std::unique_ptr<File>> files_;
};

} // namespace flowshape
