#include "extract/CommandWords.h"
#include "extract/AstUtil.h"

#include "clang/AST/Decl.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/Regex.h"

#include <cctype>
#include <cstring>

using namespace clang;

namespace flowshape {

std::string Command::text() const {
  std::string out;
  for (const CommandWord &w : words) {
    if (!out.empty())
      out += ' ';
    out += w.text;
  }
  return out;
}

const CommandWord *Command::word(int index) const {
  int n = static_cast<int>(words.size());
  int at = index >= 0 ? index : n + index;
  return at >= 0 && at < n ? &words[static_cast<size_t>(at)] : nullptr;
}

const CommandWord *Command::after(const std::string &regex) const {
  llvm::Regex re(regex);
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if (re.match(words[i].text))
      return &words[i + 1];
  return nullptr;
}

namespace {

// Splits a printf-style format into words; a word that is exactly one
// conversion stands for the argument that conversion consumes.
Command parseFormat(const std::string &format, llvm::ArrayRef<const Expr *> args, size_t firstVararg) {
  Command command;
  size_t nextArg = firstVararg;
  size_t i = 0;
  while (i < format.size()) {
    if (std::isspace(static_cast<unsigned char>(format[i]))) {
      ++i;
      continue;
    }
    size_t start = i;
    int conversions = 0;
    size_t loneArg = 0;
    bool loneStarts = false;
    while (i < format.size() && !std::isspace(static_cast<unsigned char>(format[i]))) {
      if (format[i] != '%') {
        ++i;
        continue;
      }
      if (i + 1 < format.size() && format[i + 1] == '%') {
        i += 2;
        continue;
      }
      loneStarts = i == start;
      size_t convArg = nextArg;
      ++i;
      while (i < format.size() && std::strchr("-+ #0", format[i]))
        ++i;
      for (int part = 0; part < 2; ++part) { // width, then precision
        if (part == 1) {
          if (i >= format.size() || format[i] != '.')
            break;
          ++i;
        }
        if (i < format.size() && format[i] == '*') {
          ++nextArg;
          ++convArg;
          ++i;
        }
        while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i])))
          ++i;
      }
      while (i < format.size() && std::strchr("hlLqjzt", format[i]))
        ++i;
      char conversion = i < format.size() ? format[i++] : 's';
      nextArg += conversion == 'b' ? 2 : 1; // hiredis: %b takes a pointer and a length
      loneArg = convArg;
      ++conversions;
    }
    CommandWord word;
    word.text = format.substr(start, i - start);
    if (conversions == 1 && loneStarts && loneArg < args.size()) {
      // "%s" alone, not "reply:%s": the word is the argument's value.
      bool whole = true;
      for (size_t k = start + 1; k < i; ++k)
        if (format[k] == '%')
          whole = false;
      char last = word.text.back();
      if (whole && std::isalpha(static_cast<unsigned char>(last)))
        word.expr = args[loneArg];
    }
    command.words.push_back(std::move(word));
  }
  return command;
}

const InitListExpr *arrayInitializer(const Expr *e) {
  e = stripExpr(e);
  if (const auto *compound = dyn_cast<CompoundLiteralExpr>(e))
    return dyn_cast_or_null<InitListExpr>(compound->getInitializer());
  if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()))
      if (var->getType()->isArrayType() && var->hasInit())
        return dyn_cast<InitListExpr>(stripExpr(var->getInit()));
  return nullptr;
}

} // namespace

std::optional<Command> parseCommand(llvm::ArrayRef<const Expr *> args, int commandArg, const ASTContext &ctx) {
  if (commandArg < 0 || static_cast<size_t>(commandArg) >= args.size())
    return std::nullopt;
  const Expr *arg = args[static_cast<size_t>(commandArg)];
  if (const InitListExpr *list = arrayInitializer(arg)) {
    Command command;
    for (const Expr *element : list->inits()) {
      ValueText value = valueText(element, ctx);
      CommandWord word;
      if (value.literal) {
        word.text = *value.literal;
      } else {
        word.text = value.best();
        word.expr = element;
      }
      command.words.push_back(std::move(word));
    }
    return command;
  }
  ValueText value = valueText(arg, ctx);
  if (!value.literal)
    return std::nullopt;
  return parseFormat(*value.literal, args, static_cast<size_t>(commandArg) + 1);
}

} // namespace flowshape
