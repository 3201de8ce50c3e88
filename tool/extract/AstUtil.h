// Small helpers over Clang's AST used by the extractor: names, USRs,
// locations, source text and what an argument expression "says".
#pragma once

#include "flowshape/Project.h"
#include "flowshape/Summary.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"

#include <optional>
#include <string>
#include <vector>

namespace flowshape {

// Qualified name without template arguments, inline or anonymous namespaces:
// "std::future::get", "RdKafka::Producer::produce", "zmq::socket_t::socket_t".
std::string qualifiedName(const clang::NamedDecl *decl);
// Display name of a function; lambdas become "Enclosing::lambda@LINE".
std::string functionDisplayName(const clang::FunctionDecl *fn, const clang::SourceManager &sm);
// USR, or a location-based stand-in when Clang cannot make one.
std::string usrOf(const clang::Decl *decl);
// The declaration a template instantiation was made from, or decl itself.
const clang::FunctionDecl *patternOf(const clang::FunctionDecl *fn);

// Location of a source range, at the file position a user sees (macro
// expansions resolve to their use site). File paths are normalised.
Location locationOf(clang::SourceRange range, const clang::ASTContext &ctx);
// Source text of a range with whitespace collapsed, cut at `limit` bytes.
std::string sourceText(clang::SourceRange range, const clang::ASTContext &ctx, size_t limit = 160);

// What an expression says as a value: string literal (through constants,
// conversions and std::string construction), enumerator, macro and decl
// names, integer value and, as a last resort, its source text.
struct ValueText {
  std::optional<std::string> literal;
  std::optional<int64_t> integer;
  std::vector<std::string> names; // enumerator, constant, macro, decl names
  std::string source;

  // Every textual form, literal first, for catalog conditions.
  std::vector<std::string> candidates() const;
  // The most meaningful single form (literal, then first name, then integer).
  std::string best() const;
};
ValueText valueText(const clang::Expr *expr, const clang::ASTContext &ctx);

// Strips parentheses, implicit conversions, temporaries and cleanups.
const clang::Expr *stripExpr(const clang::Expr *expr);

// The parent of `e` above implicit wrappers (casts, cleanups, temporaries);
// returns the outermost wrapper of `e`, and the parent in `parent`.
const clang::Expr *skipImplicitParents(const clang::Expr *e, const clang::ParentMap &pm, const clang::Stmt *&parent);

// A literal, or a temporary made only of literals: a new value, not a name
// for an object that exists elsewhere.
bool isFreshValue(const clang::Expr *e);

// A type as catalogs write it: canonical, fully qualified, no tag keyword
// ("grpc::ClientContext *").
std::string typeName(clang::QualType type, const clang::ASTContext &ctx);

bool regexMatchesAny(const std::string &pattern, const std::vector<std::string> &texts);

} // namespace flowshape
