// Reads suppression directives out of the comments of a C or C++ source
// text. Only comments count: a "NOLINT" inside a string literal is data.
#include "review/Suppressions.h"

#include "flowshape/Rule.h"
#include "support/Text.h"

#include "llvm/ADT/SmallVector.h"

#include <algorithm>
#include <optional>

namespace flowshape {

namespace {

bool isIdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

struct Comment {
  size_t begin = 0; // the comment's text, without its // or /* */ markers
  size_t end = 0;
  size_t marker = 0; // offset of the opening // or /*
};

// Comments of a source text, and which lines hold code.
class CommentLexer {
public:
  explicit CommentLexer(llvm::StringRef text) : text_(text) {
    lineStarts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n')
        lineStarts_.push_back(i + 1);
    hasCode_.assign(lineStarts_.size() + 2, false);
    lex();
  }

  const std::vector<Comment> &comments() const { return comments_; }
  unsigned lineOf(size_t offset) const {
    auto after = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
    return static_cast<unsigned>(after - lineStarts_.begin());
  }
  unsigned columnOf(size_t offset) const { return static_cast<unsigned>(offset - lineStarts_[lineOf(offset) - 1] + 1); }
  bool hasCode(unsigned line) const { return line < hasCode_.size() && hasCode_[line]; }
  unsigned lineCount() const { return static_cast<unsigned>(lineStarts_.size()); }

private:
  // The identifier (or number) that ends just before `offset`.
  llvm::StringRef tokenBefore(size_t offset) const {
    size_t start = offset;
    while (start > 0 && isIdentifierChar(text_[start - 1]))
      --start;
    return text_.substr(start, offset - start);
  }

  void code(size_t offset) { hasCode_[lineOf(offset)] = true; }

  // Skips a quoted literal starting at `i` (the quote); returns its end.
  size_t skipQuoted(size_t i, char quote) const {
    size_t j = i + 1;
    while (j < text_.size() && text_[j] != quote && text_[j] != '\n')
      j += text_[j] == '\\' ? 2 : 1;
    return std::min(j + 1, text_.size());
  }

  void lex() {
    size_t n = text_.size();
    for (size_t i = 0; i < n;) {
      char c = text_[i];
      char next = i + 1 < n ? text_[i + 1] : '\0';
      if (c == '/' && next == '/') {
        size_t j = i + 2;
        // A backslash before the newline continues a line comment.
        while (j < n && !(text_[j] == '\n' && !(j > 0 && text_[j - 1] == '\\')))
          ++j;
        comments_.push_back({i + 2, j, i});
        i = j;
      } else if (c == '/' && next == '*') {
        size_t close = text_.find("*/", i + 2);
        size_t end = close == llvm::StringRef::npos ? n : close;
        comments_.push_back({i + 2, end, i});
        i = close == llvm::StringRef::npos ? n : close + 2;
      } else if (c == '"') {
        code(i);
        llvm::StringRef prefix = tokenBefore(i);
        if (prefix == "R" || prefix == "u8R" || prefix == "uR" || prefix == "UR" || prefix == "LR") {
          size_t open = text_.find('(', i + 1);
          if (open == llvm::StringRef::npos) {
            i = n;
            continue;
          }
          std::string terminator = ")" + text_.substr(i + 1, open - i - 1).str() + "\"";
          size_t close = text_.find(terminator, open + 1);
          i = close == llvm::StringRef::npos ? n : close + terminator.size();
        } else {
          i = skipQuoted(i, '"');
        }
      } else if (c == '\'') {
        code(i);
        llvm::StringRef prefix = tokenBefore(i);
        // After a number or identifier a quote is a digit separator (1'000),
        // unless the identifier is a character-literal prefix.
        bool literal = prefix.empty() || prefix == "u8" || prefix == "u" || prefix == "U" || prefix == "L";
        i = literal ? skipQuoted(i, '\'') : i + 1;
      } else {
        if (!std::isspace(static_cast<unsigned char>(c)))
          code(i);
        ++i;
      }
    }
  }

  llvm::StringRef text_;
  std::vector<size_t> lineStarts_;
  std::vector<bool> hasCode_;
  std::vector<Comment> comments_;
};

llvm::StringRef trimReason(llvm::StringRef reason) {
  // "NOLINT(x): why", "NOLINT(x) - why", "allow x -- why": the reason is what
  // follows the separator.
  reason = reason.trim();
  while (!reason.empty() && (reason.front() == ':' || reason.front() == '-' || reason.front() == '*'))
    reason = reason.drop_front().ltrim();
  return reason.rtrim(" \t\r\n*");
}

// '*' matches any run of characters, as in clang-tidy's check lists.
bool wildcardMatch(llvm::StringRef pattern, llvm::StringRef text) {
  size_t star = llvm::StringRef::npos, resume = 0, p = 0, t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != llvm::StringRef::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

// A check-list entry concerns flowshape when it names a flowshape rule
// explicitly ("flowshape-..."), or is a glob that matches one ("*").
bool concernsFlowshape(llvm::StringRef entry) {
  if (entry.starts_with("flowshape-"))
    return true;
  for (const auto &rule : allRules())
    if (wildcardMatch(entry, std::string("flowshape-") + rule->id()))
      return true;
  return false;
}

struct Directive {
  SuppressionDirective value;
  size_t start = 0; // offset of the directive's first character
  size_t end = 0;   // offset just past the directive's own text
  bool begin = false, endBlock = false;
  bool malformed = false;
};

class DirectiveParser {
public:
  DirectiveParser(const std::string &file, llvm::StringRef text, const CommentLexer &lexer)
      : file_(file), text_(text), lexer_(lexer) {}

  // Every directive in one comment, in order.
  std::vector<Directive> parse(const Comment &comment) const {
    std::vector<Directive> out;
    llvm::StringRef body = text_.substr(comment.begin, comment.end - comment.begin);
    for (size_t i = 0; i < body.size(); ++i) {
      if (i > 0 && isIdentifierChar(body[i - 1]))
        continue;
      std::optional<Directive> d;
      if (body.substr(i).starts_with("NOLINT"))
        d = parseNolint(body, i, comment.begin);
      else if (body.substr(i).starts_with("flowshape:"))
        d = parseAllow(body, i, comment.begin);
      if (d) {
        i = d->end - comment.begin - 1;
        out.push_back(std::move(*d));
      }
    }
    // Each directive's reason runs to the next directive or the comment's end.
    for (size_t k = 0; k < out.size(); ++k) {
      size_t to = k + 1 < out.size() ? out[k + 1].start : comment.end;
      out[k].value.justification = collapseSpaces(trimReason(text_.substr(out[k].end, to - out[k].end)));
    }
    return out;
  }

private:
  Location locationOf(size_t offset) const {
    Location loc;
    loc.file = file_;
    loc.line = lexer_.lineOf(offset);
    loc.column = lexer_.columnOf(offset);
    return loc;
  }

  std::optional<Directive> parseNolint(llvm::StringRef body, size_t at, size_t base) const {
    llvm::StringRef rest = body.substr(at + 6);
    Directive d;
    llvm::StringRef suffix;
    for (llvm::StringRef s : {"NEXTLINE", "BEGIN", "END"})
      if (rest.starts_with(s)) {
        suffix = s;
        break;
      }
    rest = rest.drop_front(suffix.size());
    if (!rest.empty() && isIdentifierChar(rest.front()))
      return std::nullopt; // NOLINTFOO is not a directive
    size_t length = 6 + suffix.size();
    if (rest.starts_with("(")) {
      // The list ends on its own line (a line comment may go on over a
      // backslash, a block comment over many lines), as clang-tidy reads it.
      llvm::StringRef line = rest.substr(0, rest.find_first_of("\r\n"));
      size_t close = line.find(')');
      if (close == llvm::StringRef::npos) {
        if (!line.contains("flowshape"))
          return std::nullopt;
        d.malformed = true; // the spelling reported runs to the end of its line
        close = line.size() - 1;
      }
      llvm::SmallVector<llvm::StringRef, 4> entries;
      rest.substr(1, close - 1).split(entries, ',', -1, false);
      for (llvm::StringRef entry : entries)
        if (llvm::StringRef e = entry.trim(); !e.empty() && concernsFlowshape(e))
          d.value.patterns.push_back(e.str());
      if (d.value.patterns.empty() && !d.malformed)
        return std::nullopt; // NOLINT(bugprone-x) is another tool's
      length += close + 1;
    } else {
      d.value.all = true;
    }
    d.value.kind = suffix == "NEXTLINE" ? "nolintnextline" : suffix.empty() ? "nolint" : "nolint-block";
    d.begin = suffix == "BEGIN";
    d.endBlock = suffix == "END";
    d.value.spelling = body.substr(at, length).str();
    d.value.loc = locationOf(base + at);
    d.start = base + at;
    d.end = base + at + length;
    unsigned line = d.value.loc.line;
    d.value.firstLine = d.value.lastLine = suffix == "NEXTLINE" ? line + 1 : line;
    return d;
  }

  // "flowshape: allow <rule>[, <rule>...] [-- <reason>]"
  std::optional<Directive> parseAllow(llvm::StringRef body, size_t at, size_t base) const {
    llvm::StringRef rest = body.substr(at + 10).ltrim(" \t");
    if (!rest.starts_with("allow") || (rest.size() > 5 && !std::isspace(static_cast<unsigned char>(rest[5]))))
      return std::nullopt; // prose that happens to say "flowshape:"
    rest = rest.drop_front(5);
    llvm::StringRef list = rest.substr(0, rest.find("--"));
    Directive d;
    d.value.kind = "allow";
    // Rules are separated by commas and/or white space.
    std::string separated = list.str();
    for (char &c : separated)
      if (c == ',' || std::isspace(static_cast<unsigned char>(c)))
        c = ' ';
    llvm::SmallVector<llvm::StringRef, 4> words;
    llvm::StringRef(separated).split(words, ' ', -1, false);
    std::vector<std::string> names;
    for (llvm::StringRef word : words)
      if (llvm::StringRef name = word.trim("*"); !name.empty())
        names.push_back(name.str());
    for (auto &name : names)
      d.value.patterns.push_back(llvm::StringRef(name).starts_with("flowshape-") ? name : "flowshape-" + name);
    d.malformed = names.empty();
    size_t length = 10 + (body.substr(at + 10).size() - rest.size()) + list.rtrim().size();
    d.value.spelling = "'" + collapseSpaces(body.substr(at, length)) + "'";
    d.value.loc = locationOf(base + at);
    d.start = base + at;
    d.end = base + at + length; // the reason follows "--"
    // After code on its line it covers that line; alone on its line, the
    // next line that holds code (a reason may run over several comment lines).
    unsigned line = d.value.loc.line;
    d.value.firstLine = d.value.lastLine = line;
    if (!lexer_.hasCode(line)) {
      unsigned next = line + 1;
      while (next < lexer_.lineCount() && !lexer_.hasCode(next))
        ++next;
      d.value.lastLine = next;
    }
    return d;
  }

  const std::string &file_;
  llvm::StringRef text_;
  const CommentLexer &lexer_;
};

std::string blockKey(const SuppressionDirective &d) {
  std::vector<std::string> patterns = d.patterns;
  std::sort(patterns.begin(), patterns.end());
  std::string key = d.all ? "*all*" : "";
  for (const auto &p : patterns)
    key += p + ",";
  return key;
}

bool namesFlowshape(const SuppressionDirective &d) {
  return d.kind == "allow" ||
         std::any_of(d.patterns.begin(), d.patterns.end(),
                     [](const std::string &p) { return llvm::StringRef(p).starts_with("flowshape-"); });
}

} // namespace

bool suppresses(const SuppressionDirective &directive, const std::string &rule) {
  if (directive.all)
    return true;
  std::string name = "flowshape-" + rule;
  return std::any_of(directive.patterns.begin(), directive.patterns.end(),
                     [&](const std::string &p) { return wildcardMatch(p, name); });
}

SuppressionScan scanSuppressions(const std::string &file, llvm::StringRef text) {
  SuppressionScan scan;
  CommentLexer lexer(text);
  DirectiveParser parser(file, text, lexer);
  std::vector<Directive> open; // NOLINTBEGIN awaiting its NOLINTEND
  const std::vector<Comment> &comments = lexer.comments();
  for (size_t c = 0; c < comments.size(); ++c)
    for (Directive &d : parser.parse(comments[c])) {
      // The reason of an allow above its line may go on over the comment
      // lines between it and the code.
      for (size_t k = c + 1; d.value.kind == "allow" && k < comments.size(); ++k) {
        unsigned line = lexer.lineOf(comments[k].marker);
        if (line >= d.value.lastLine || lexer.hasCode(line) || !parser.parse(comments[k]).empty())
          break;
        llvm::StringRef next = text.substr(comments[k].begin, comments[k].end - comments[k].begin);
        std::string more = collapseSpaces(trimReason(next));
        if (!more.empty() && !d.value.justification.empty())
          d.value.justification += " " + more;
      }
      if (d.malformed) {
        std::string what = d.value.kind == "allow" ? " names no rule" : " has no closing parenthesis";
        scan.problems.push_back({d.value.loc, d.value.spelling + what});
        continue;
      }
      if (d.begin) {
        open.push_back(std::move(d));
        continue;
      }
      if (d.endBlock) {
        std::string key = blockKey(d.value);
        auto match =
            std::find_if(open.rbegin(), open.rend(), [&](const Directive &b) { return blockKey(b.value) == key; });
        if (match == open.rend()) {
          if (namesFlowshape(d.value))
            scan.problems.push_back({d.value.loc, d.value.spelling + " has no matching NOLINTBEGIN"});
          continue;
        }
        SuppressionDirective block = match->value;
        block.lastLine = d.value.loc.line;
        scan.directives.push_back(std::move(block));
        open.erase(std::next(match).base());
        continue;
      }
      scan.directives.push_back(std::move(d.value));
    }
  for (const Directive &d : open)
    if (namesFlowshape(d.value))
      scan.problems.push_back({d.value.loc, d.value.spelling + " has no matching NOLINTEND"});
  std::stable_sort(scan.directives.begin(), scan.directives.end(),
                   [](const SuppressionDirective &a, const SuppressionDirective &b) { return a.loc < b.loc; });
  return scan;
}

} // namespace flowshape
