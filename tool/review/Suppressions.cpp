// Applies suppression directives to the findings of a run and reports the
// directives that suppress nothing (or give no reason when one is required).
#include "review/Suppressions.h"

#include "flowshape/Rule.h"

#include "llvm/Support/MemoryBuffer.h"

#include <set>

namespace flowshape {

namespace {

// The more specific directive wins when several cover one finding.
int specificity(const std::string &kind) {
  if (kind == "nolint")
    return 0;
  if (kind == "nolintnextline")
    return 1;
  if (kind == "allow")
    return 2;
  return 3; // nolint-block
}

struct FileDirectives {
  SuppressionScan scan;
  std::vector<std::vector<bool>> patternUsed; // per directive, per pattern
  std::vector<bool> used;                     // per directive
};

std::string quoteList(const std::vector<std::string> &items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i)
    out += (i ? ", '" : "'") + items[i] + "'";
  return out;
}

Finding suppressionFinding(const char *rule, Severity severity, const Location &at, size_t length,
                           std::string message) {
  Finding f;
  f.rule = rule;
  f.severity = severity;
  f.loc = at;
  f.loc.endLine = at.line;
  f.loc.endColumn = at.column + static_cast<unsigned>(length);
  f.message = std::move(message);
  return f;
}

// Why an explicit entry suppressed nothing, when there is more to say.
std::string unknownRules(const std::vector<std::string> &patterns) {
  std::vector<std::string> unknown;
  for (const auto &p : patterns) {
    llvm::StringRef id = llvm::StringRef(p).drop_front(10); // "flowshape-"
    if (!id.contains('*') && !findRule(id.str()))
      unknown.push_back(id.str());
  }
  if (unknown.empty())
    return {};
  return std::string(unknown.size() == 1 ? ": there is no rule " : ": there are no rules ") + quoteList(unknown) +
         " (see flowshape --list-rules)";
}

// An entry for a rule this file's configuration turns off is kept for when
// the rule is turned back on: not reported as unused.
bool dormant(const std::string &pattern, const SuppressionDirective &d, const Config &config) {
  for (const auto &rule : allRules()) {
    SuppressionDirective one = d;
    one.all = false;
    one.patterns = {pattern};
    if (suppresses(one, rule->id()) && !config.severityOf(rule->id(), rule->defaultSeverity()))
      return true;
  }
  return false;
}

} // namespace

void applySuppressions(Report &report, const std::vector<std::string> &files, ConfigResolver &configs,
                       const SuppressionOptions &options) {
  std::map<std::string, FileDirectives> byFile;
  auto directivesOf = [&](const std::string &file) -> FileDirectives & {
    auto it = byFile.find(file);
    if (it != byFile.end())
      return it->second;
    FileDirectives fd;
    if (auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/true))
      fd.scan = scanSuppressions(file, (*buffer)->getBuffer());
    for (const auto &d : fd.scan.directives)
      fd.patternUsed.emplace_back(d.patterns.size(), false);
    fd.used.assign(fd.scan.directives.size(), false);
    return byFile.emplace(file, std::move(fd)).first->second;
  };

  for (Finding &f : report.findings) {
    if (f.suppression || f.loc.file.empty())
      continue;
    FileDirectives &fd = directivesOf(f.loc.file);
    const SuppressionDirective *best = nullptr;
    for (size_t i = 0; i < fd.scan.directives.size(); ++i) {
      const SuppressionDirective &d = fd.scan.directives[i];
      if (f.loc.line < d.firstLine || f.loc.line > d.lastLine || !suppresses(d, f.rule))
        continue;
      fd.used[i] = true;
      for (size_t p = 0; p < d.patterns.size(); ++p) {
        SuppressionDirective one = d;
        one.all = false;
        one.patterns = {d.patterns[p]};
        if (suppresses(one, f.rule))
          fd.patternUsed[i][p] = true;
      }
      if (!best || specificity(d.kind) < specificity(best->kind))
        best = &d;
    }
    if (best)
      f.suppression = Suppression{best->kind, best->justification, best->loc};
  }

  std::set<std::string> checked(files.begin(), files.end());
  for (const auto &[file, fd] : byFile)
    checked.insert(file);
  std::vector<Finding> added;
  for (const std::string &file : checked) {
    FileDirectives &fd = directivesOf(file);
    if (fd.scan.directives.empty() && fd.scan.problems.empty())
      continue;
    auto config = configs.forFile(file);
    std::optional<Severity> unusedSeverity = config->severityOf("unused-suppression", Severity::Note);
    std::optional<Severity> unjustifiedSeverity = config->severityOf("unjustified-suppression", Severity::Error);
    bool requireReason = options.requireJustification || config->requireJustification;
    if (unusedSeverity)
      for (const auto &[loc, problem] : fd.scan.problems)
        added.push_back(
            suppressionFinding("unused-suppression", *unusedSeverity, loc, 6, problem + ": it suppresses nothing"));
    for (size_t i = 0; i < fd.scan.directives.size(); ++i) {
      const SuppressionDirective &d = fd.scan.directives[i];
      std::vector<std::string> unused;
      bool explicitEntry = d.kind == "allow";
      for (size_t p = 0; p < d.patterns.size(); ++p) {
        bool named = llvm::StringRef(d.patterns[p]).starts_with("flowshape-");
        explicitEntry = explicitEntry || named;
        if (named && !fd.patternUsed[i][p] && !dormant(d.patterns[p], d, *config))
          unused.push_back(d.patterns[p]);
      }
      // A bare NOLINT or a glob such as NOLINT(*) may be meant for another
      // tool: only entries that name flowshape are reported as unused.
      if (unusedSeverity && !unused.empty()) {
        std::string message =
            unused.size() == d.patterns.size()
                ? d.spelling + " suppresses no finding"
                : quoteList(unused) + " of " + d.spelling + (unused.size() == 1 ? " suppresses" : " suppress") +
                      " no finding";
        added.push_back(suppressionFinding("unused-suppression", *unusedSeverity, d.loc, d.spelling.size(),
                                           message + unknownRules(unused)));
      }
      if (requireReason && unjustifiedSeverity && d.justification.empty() && (fd.used[i] || explicitEntry)) {
        std::string example = d.kind == "allow" ? d.spelling.substr(0, d.spelling.size() - 1) + " -- <reason>'"
                                                : "'" + d.spelling + ": <reason>'";
        added.push_back(suppressionFinding("unjustified-suppression", *unjustifiedSeverity, d.loc, d.spelling.size(),
                                           d.spelling + " gives no reason: write why the finding is acceptable, as " +
                                               example));
      }
    }
  }
  for (Finding &f : added)
    report.findings.push_back(std::move(f));
}

} // namespace flowshape
