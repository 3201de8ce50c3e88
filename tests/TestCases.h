// The testdata cases (testdata/README.md) and how each is analysed, shared
// by the expectation harness (TestdataTest.cpp) and the report tests.
//
//   testdata/rules/<rule>/<case>.cpp     one file, one program
//   testdata/catalog/<library>/<case>.c  one file, one program
//   testdata/shapes/<case>.cpp           one file, one program
//   testdata/partial/<case>.cpp          one file with errors, one program
//   testdata/xtu/<case>/                 a folder analysed as one program
//   testdata/demo/                       the demo service
#pragma once

#include "Expectations.h"

#include "driver/Analysis.h"

#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace flowshape::test {

// testdata/ of the source tree (absolute).
const std::string &testdataDir();

struct Case {
  std::string name;               // e.g. rules/sync-over-queue/kafka_reply_topic.cpp
  std::string dir;                // absolute; the compile directory
  std::vector<std::string> files; // absolute
};
void PrintTo(const Case &c, std::ostream *os);

std::vector<Case> discoverCases();
// A name gtest accepts: every character but letters and digits becomes '_'.
std::string testName(const Case &c);
std::string relativeToTestdata(const std::string &path);

// Reads the inline expectations of the case's own files (its sources, and
// for a folder also its headers) into `out`; `caseFiles` gets their names
// relative to testdata/.
void readCaseExpectations(const Case &c, Expectations &out, std::set<std::string> &caseFiles);

// The analysis of a case: root testdata/, one job, the case's CONFIG, and
// compile_flags.txt or the defaults plus FLAGS for each file.
AnalysisRequest requestFor(const Case &c, const Expectations &expected);

} // namespace flowshape::test
