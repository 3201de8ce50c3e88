#include "report/RuleHelp.h"

#include "flowshape/Rule.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"

namespace flowshape {

namespace {

// GitHub shows at most 1024 characters of a rule's descriptions.
constexpr size_t kMaxDescription = 1024;

std::string stripEmphasis(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "**") == 0) {
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

// The paragraph that starts at `from` (lines up to the next blank line or
// heading), joined into one line.
std::string paragraphAt(const std::vector<llvm::StringRef> &lines, size_t from) {
  while (from < lines.size() && lines[from].trim().empty())
    ++from;
  std::string out;
  for (size_t i = from; i < lines.size(); ++i) {
    llvm::StringRef line = lines[i].trim();
    if (line.empty() || line.starts_with("#") || line.starts_with("```"))
      break;
    out += (out.empty() ? "" : " ") + line.str();
  }
  return out;
}

std::vector<llvm::StringRef> linesOf(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef, 64> lines;
  text.split(lines, '\n');
  return {lines.begin(), lines.end()};
}

// The documentation's opening paragraph, under its "# id" title.
std::string leadParagraph(const std::vector<llvm::StringRef> &lines) {
  size_t from = !lines.empty() && lines[0].starts_with("# ") ? 1 : 0;
  return paragraphAt(lines, from);
}

std::string sectionParagraph(const std::vector<llvm::StringRef> &lines, llvm::StringRef heading) {
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].trim() == "## " + heading.str())
      return paragraphAt(lines, i + 1);
  return {};
}

// "**A message is published ... queue.** Default: warning." -> the bold sentence.
std::string leadSummary(const std::string &lead) {
  size_t open = lead.find("**");
  size_t close = open == std::string::npos ? open : lead.find("**", open + 2);
  if (close != std::string::npos)
    return lead.substr(open + 2, close - open - 2);
  size_t stop = lead.find(". ");
  return stop == std::string::npos ? lead : lead.substr(0, stop + 1);
}

std::string limit(std::string text) {
  if (text.size() <= kMaxDescription)
    return text;
  size_t stop = text.rfind(". ", kMaxDescription - 1);
  if (stop != std::string::npos && stop > 0)
    return text.substr(0, stop + 1);
  return text.substr(0, kMaxDescription - 3) + "...";
}

std::string camelCase(const std::string &id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

} // namespace

std::string markdownToText(const std::string &markdown) {
  static const llvm::Regex link("\\[([^]]*)\\]\\(([^)]*)\\)");
  std::string out;
  bool inFence = false;
  for (llvm::StringRef line : linesOf(markdown)) {
    if (line.trim().starts_with("```")) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out += line.empty() ? "\n" : "    " + line.str() + "\n";
      continue;
    }
    std::string text = line.str();
    if (line.starts_with("#"))
      text = line.ltrim("#").ltrim().str();
    text = stripEmphasis(text);
    while (link.match(text)) {
      std::string replaced = link.sub("\\1 (\\2)", text);
      if (replaced == text)
        break;
      text = replaced;
    }
    out += text + "\n";
  }
  while (out.size() > 1 && out.compare(out.size() - 2, 2, "\n\n") == 0)
    out.pop_back();
  return out;
}

RuleHelp ruleHelp(const std::string &id, Severity fallbackLevel) {
  RuleHelp help;
  help.id = id;
  help.markdown = ruleDocumentation(id);
  std::vector<llvm::StringRef> lines = linesOf(help.markdown);
  std::string lead = leadParagraph(lines);
  std::string why = stripEmphasis(sectionParagraph(lines, "Why it matters"));

  if (const Rule *rule = findRule(id)) {
    help.name = rule->title();
    help.shortDescription = rule->summary();
    help.level = rule->defaultSeverity();
    help.tags = rule->tags();
    help.precision = rule->precision();
  } else {
    help.name = camelCase(id);
    help.shortDescription = lead.empty() ? "flowshape diagnostic " + id : stripEmphasis(leadSummary(lead));
    help.level = fallbackLevel;
    help.precision = "high";
  }
  help.shortDescription = limit(help.shortDescription);
  help.fullDescription = limit(why.empty() ? help.shortDescription : help.shortDescription + " " + why);
  if (help.markdown.empty())
    help.markdown = "# " + id + "\n\n" + help.shortDescription + "\n";
  help.text = markdownToText(help.markdown);
  return help;
}

} // namespace flowshape
