// A report that exercises everything a reporter must handle, over source
// files written to a fresh temporary project: a finding with evidence
// reached through a wrapper, a suppressed finding, baseline states, a rule
// id that is not a registered rule, a translation unit that failed, a
// notice, and text that is markup in Markdown, Mermaid and SARIF messages.
#pragma once

#include "flowshape/Report.h"

#include <string>

namespace flowshape::test {

struct SampleReport {
  std::string root; // absolute, removed by the destructor
  Report report;

  SampleReport();
  ~SampleReport();
  SampleReport(const SampleReport &) = delete;
  SampleReport &operator=(const SampleReport &) = delete;
};

// Root causes reached from many flows (report/FindingGroups.h), over the
// sample's files: `flows` flows whose unbounded wait is reached through the
// helper shop::Bus::send, and a root cause whose two findings are both
// suppressed, each with its own reason. Findings are in the reports' order.
Report rootCauseReport(const SampleReport &sample, size_t flows);

} // namespace flowshape::test
