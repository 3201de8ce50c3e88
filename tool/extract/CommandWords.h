// Commands written as one string or as an argv array, as Redis clients take
// them: hiredis redisCommand(c, "BLPOP %s 0", key) or redisCommandArgv(c, 3,
// argv, NULL). The catalog can name a word of the command as the
// destination, the timeout or a fact's value (docs/catalog.md, command_arg).
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace flowshape {

struct CommandWord {
  std::string text;                  // as written: "BLPOP", "%s", "reply:%s"
  const clang::Expr *expr = nullptr; // the argument a lone conversion stands for, or a non-literal argv element
};

struct Command {
  std::vector<CommandWord> words;

  // The words joined by single spaces, conversions as written: "BLPOP %s 0".
  std::string text() const;
  // Word `index`; a negative index counts from the end (-1: the last word).
  const CommandWord *word(int index) const;
  // The word after the first one matching `regex`.
  const CommandWord *after(const std::string &regex) const;
};

// The command held by args[commandArg]: a printf-style string literal (a
// conversion consumes the arguments after it, hiredis' %b two of them) or an
// array of strings initialised in place. nullopt when it is neither.
std::optional<Command> parseCommand(llvm::ArrayRef<const clang::Expr *> args, int commandArg,
                                    const clang::ASTContext &ctx);

} // namespace flowshape
