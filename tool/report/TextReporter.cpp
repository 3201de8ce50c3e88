// Text output in the style of clang's diagnostics, then a shape table.
//
//   src/approval.cpp:42:9: warning: publishes 'approval.request' and then ... [flowshape-sync-over-queue]
//      42 |   auto reply = pending.get();
//         |         ^
//   src/approval.cpp:37:5: note: publish to 'approval.request' via RdKafka::Producer::produce
//
// Findings of one root cause are one diagnostic, the first of them, with a
// last note naming the other flows (report/FindingGroups.h, --group).
#include "flowshape/Report.h"

#include <algorithm>
#include "report/FindingGroups.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

namespace flowshape {

namespace {

class SourceLines {
public:
  std::string line(const std::string &file, unsigned number) {
    auto it = files_.find(file);
    if (it == files_.end()) {
      std::vector<std::string> lines;
      if (auto buffer = llvm::MemoryBuffer::getFile(file)) {
        llvm::StringRef text = (*buffer)->getBuffer();
        while (!text.empty()) {
          auto [head, tail] = text.split('\n');
          lines.push_back(head.rtrim("\r").str());
          text = tail;
        }
      }
      it = files_.emplace(file, std::move(lines)).first;
    }
    return number >= 1 && number <= it->second.size() ? it->second[number - 1] : std::string();
  }

private:
  std::map<std::string, std::vector<std::string>> files_;
};

void colored(llvm::raw_ostream &os, bool color, llvm::raw_ostream::Colors c, bool bold, const std::string &text) {
  if (color)
    os.changeColor(c, bold);
  os << text;
  if (color)
    os.resetColor();
}

void location(llvm::raw_ostream &os, const Report &report, const Location &loc, bool color) {
  colored(os, color, llvm::raw_ostream::SAVEDCOLOR, true,
          report.relative(loc.file) + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) + ": ");
}

void snippet(llvm::raw_ostream &os, SourceLines &sources, const Location &loc, bool color) {
  std::string text = sources.line(loc.file, loc.line);
  if (text.empty())
    return;
  std::string number = std::to_string(loc.line);
  os << "  " << std::string(number.size() < 4 ? 4 - number.size() : 0, ' ') << number << " | " << text << "\n";
  std::string caret(loc.column > 0 ? loc.column - 1 : 0, ' ');
  for (size_t i = 0; i < caret.size() && i < text.size(); ++i)
    if (text[i] == '\t')
      caret[i] = '\t';
  os << "  " << std::string(std::max<size_t>(number.size(), 4), ' ') << " | " << caret;
  colored(os, color, llvm::raw_ostream::GREEN, true, "^");
  os << "\n";
}

} // namespace

void writeText(const Report &report, llvm::raw_ostream &os, const TextOptions &options) {
  SourceLines sources;
  bool color = options.color;
  for (const TranslationUnitFailure &failure : report.failures) {
    location(os, report, Location{failure.file, 1, 1}, color);
    colored(os, color, llvm::raw_ostream::RED, true, "error: ");
    os << failureHeadline(failure) << "\n";
    for (const auto &error : failure.errors)
      os << "  " << error << "\n";
  }
  // One diagnostic per root cause (FindingGroups.h); `shown` counts the
  // findings, as the exit code does, and `causes` the diagnostics.
  size_t shown = 0, causes = 0;
  for (const FindingGroup &group : groupFindings(report.findings, report.grouping)) {
    if (group.suppressed())
      continue;
    shown += group.members.size();
    ++causes;
    const Finding &f = group.representative();
    location(os, report, f.loc, color);
    auto kindColor = f.severity == Severity::Error     ? llvm::raw_ostream::RED
                     : f.severity == Severity::Warning ? llvm::raw_ostream::MAGENTA
                                                       : llvm::raw_ostream::CYAN;
    colored(os, color, kindColor, true, std::string(severityName(f.severity)) + ": ");
    colored(os, color, llvm::raw_ostream::SAVEDCOLOR, true, f.message);
    os << " [flowshape-" << f.rule << "]";
    if (f.baselineState == "unchanged")
      os << " (in baseline)";
    os << "\n";
    if (options.snippets)
      snippet(os, sources, f.loc, color);
    for (const Evidence &e : f.evidence) {
      location(os, report, e.loc, color);
      colored(os, color, llvm::raw_ostream::BLACK, true, "note: ");
      os << e.message;
      if (!e.via.empty())
        os << " (through " << report.viaText(e.via) << ")";
      os << "\n";
    }
    if (group.members.size() > 1) {
      location(os, report, f.apiLoc, color);
      colored(os, color, llvm::raw_ostream::BLACK, true, "note: ");
      os << alsoReachedText(group) << ": " << otherFlowsText(group) << "\n";
    }
  }
  for (const auto &notice : report.notices)
    os << notice << "\n";

  if (options.shapes && !report.flows.empty()) {
    os << (shown || !report.failures.empty() ? "\n" : "") << "Flow shapes:\n";
    std::string file;
    for (const FlowReport &flow : report.flows) {
      if (flow.loc.file != file) {
        file = flow.loc.file;
        os << "  " << report.relative(file) << "\n";
      }
      std::string line = std::to_string(flow.loc.line);
      std::string shape = shapeName(flow.shape);
      os << "    " << std::string(line.size() < 5 ? 5 - line.size() : 0, ' ') << line << "  " << shape
         << std::string(shape.size() < 25 ? 25 - shape.size() : 1, ' ') << flow.function << "\n";
    }
  }
  std::map<std::string, size_t> shapes;
  for (const FlowReport &flow : report.flows)
    ++shapes[shapeName(flow.shape)];
  std::map<std::string, size_t> severities;
  for (const Finding &f : report.findings)
    if (!f.suppression)
      ++severities[severityName(f.severity)];
  os << "\n" << report.files << (report.files == 1 ? " file, " : " files, ") << report.flows.size()
     << (report.flows.size() == 1 ? " flow" : " flows");
  std::string sep = " (";
  for (const auto &[shape, count] : shapes) {
    os << sep << count << " " << shape;
    sep = ", ";
  }
  os << (shapes.empty() ? "" : ")") << ", " << shown << (shown == 1 ? " finding" : " findings");
  // Said only when grouping merged findings, so other outputs stay as they were.
  if (causes < shown)
    os << " in " << causes << (causes == 1 ? " root cause" : " root causes");
  sep = " (";
  for (const char *severity : {"error", "warning", "note"})
    if (severities[severity]) {
      os << sep << severities[severity] << " " << severity << (severities[severity] == 1 ? "" : "s");
      sep = ", ";
    }
  os << (sep == ", " ? ")" : "");
  size_t linkFailures = std::count_if(report.failures.begin(), report.failures.end(),
                                      [](const TranslationUnitFailure &f) { return f.link; });
  if (report.failures.size() > linkFailures) {
    os << ", " << report.failures.size() - linkFailures << " failed to parse";
    // Findings and failures together: the findings do not cover those files.
    if (shown > 0)
      os << " (not analysed: findings above cover the other files only)";
  }
  if (linkFailures)
    os << ", " << linkFailures << (linkFailures == 1 ? " file" : " files")
       << " with flows the link ran out of memory on (not analysed)";
  os << "\n";
}

} // namespace flowshape
