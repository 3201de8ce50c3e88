// Inline expectations in testdata inputs (syntax: testdata/README.md).
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace flowshape::test {

struct Mark {
  std::string file; // path relative to testdata/
  unsigned line = 0;
  std::string value; // rule id, shape or evidence kind

  bool operator<(const Mark &o) const { return std::tie(file, line, value) < std::tie(o.file, o.line, o.value); }
  bool operator==(const Mark &o) const { return file == o.file && line == o.line && value == o.value; }
  std::string str() const { return file + ":" + std::to_string(line) + ": " + value; }
};

struct Expectations {
  std::multiset<Mark> findings; // EXPECT
  std::set<Mark> shapes;        // SHAPE
  std::set<Mark> evidence;      // EVIDENCE
  std::set<Mark> clean;         // OK
  std::set<Mark> todo;          // TODO-EXPECT
  std::set<std::string> expectNone; // files that say EXPECT-NONE
  std::set<std::string> partial;    // files that say PARTIAL: they have errors, what parsed is analysed
  std::set<Mark> partialBody;       // PARTIAL-BODY: the flow on this line has errors in its body
  std::vector<std::string> flags;  // FLAGS
  std::string config;           // CONFIG (relative to the case)
  std::vector<std::string> errors; // malformed annotations
};

// Reads the annotations of `file` (absolute) into `out`; `relative` is the
// name used in marks.
void readExpectations(const std::string &file, const std::string &relative, Expectations &out);

} // namespace flowshape::test
