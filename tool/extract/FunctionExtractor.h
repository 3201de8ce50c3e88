// Turns one function body into a FunctionSummary: classifies every call
// against the catalogs, names the objects involved with stable keys, orders
// the events along the CFG, and records facts (socket types, callbacks).
#pragma once

#include "extract/AstUtil.h"
#include "extract/Extractor.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"

#include <memory>

namespace flowshape {

// Events of one function before they are ordered: which statement produced
// which event indices.
using StmtEvents = llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<uint32_t, 2>>;

// Summarises every project function of a parsed translation unit. In a unit
// with errors (`errors`: where they are), what parsed is still summarised and
// functions whose own declaration or body has an error are marked.
void summarizeTranslationUnit(clang::ASTContext &ctx, const ExtractorInput &input, TranslationUnitSummary &out,
                              const std::vector<clang::SourceLocation> *errors = nullptr);

class FunctionExtractor {
public:
  FunctionExtractor(clang::ASTContext &ctx, const ExtractorInput &input, std::vector<Fact> &facts);

  // Summarises a function that has a body in the project.
  FunctionSummary extract(const clang::FunctionDecl *fn);
  // Records facts from an initializer outside any function body (globals,
  // default member initializers); `owner` is the key of what is initialised.
  void extractInitializerFacts(const clang::Expr *init, const std::string &owner);

  bool isProjectLocation(clang::SourceLocation loc) const;
  bool isProjectDecl(const clang::Decl *decl) const;

private:
  friend class BodyCollector;

  struct CallSite {
    const clang::Expr *expr = nullptr;  // CallExpr or CXXConstructExpr
    const clang::FunctionDecl *callee = nullptr;
    llvm::ArrayRef<const clang::Expr *> args;
    const clang::Expr *object = nullptr; // implicit object of a member call
    std::string constructed;             // key of the object a constructor initialises
  };

  void collect(const clang::Stmt *stmt, const std::string &constructedKey);
  std::vector<std::string> classChain(const clang::CXXRecordDecl *record) const;
  void handleCall(const CallSite &site);
  void handleFieldAssignment(const clang::BinaryOperator *assign);
  void handleStore(const clang::Expr *target, const clang::Expr *at);
  void handleApi(const CallSite &site, const ApiEntry &entry, const std::vector<std::string> &names);
  void addCallEvent(const CallSite &site);
  bool followsCall(const clang::FunctionDecl *callee) const;
  const clang::CXXConstructorDecl *madeConstructor(const CallSite &site) const;
  bool pollReads(const clang::Expr *items, const std::string &readEvent) const;
  void pushEvent(const clang::Stmt *stmt, Event event);
  void addAlias(const clang::Expr *lhs, const clang::Expr *rhs);
  void addFact(const std::string &key, const std::string &name, const std::string &value, const clang::Expr *at,
               const std::string &valueKey = {});
  void addCallbackFact(const clang::Expr *callback, const std::string &kind, const clang::Expr *at);
  void addContinuationCall(const clang::Expr *callback, const clang::Expr *at);

  std::vector<std::string> calleeNames(const CallSite &site) const;
  std::vector<const ApiEntry *> matchingEntries(const CallSite &site, const std::vector<std::string> &names) const;
  bool conditionHolds(const ApiEntry &entry, const CallSite &site) const;
  bool argumentMatches(const ArgCondition &condition, const CallSite &site, const ApiEntry &entry) const;
  Timeout timeoutOf(const ApiEntry &entry, const CallSite &site) const;
  Timeout timeoutOfValue(const ApiEntry &entry, const clang::Expr *value) const;
  const clang::Expr *argument(const CallSite &site, int index) const;

  // Keys: stable names for the objects that events touch.
  std::string objectKey(const clang::Expr *expr, int depth = 0) const;
  // The key uses of a variable get (a local bound once to an object is it).
  std::string variableKey(const clang::VarDecl *var, int depth) const;
  std::string objectKeyOfOther(const clang::Expr *e, int depth) const; // objectKey past this, refs and names
  std::string resultKey(const clang::Expr *call) const;
  std::string callKey(const clang::Expr *expr) const;
  const clang::FunctionDecl *callbackFunction(const clang::Expr *expr, int depth = 0) const;
  std::string callbackUsr(const clang::Expr *expr) const;
  bool isApiCall(const clang::Expr *expr) const;
  std::string readinessGuard(const clang::Expr *call) const;
  bool returnsOwnObject(const clang::CXXMemberCallExpr *call) const;

  void computeReturnKeys(const clang::Stmt *body);

  clang::ASTContext &ctx_;
  const clang::SourceManager &sm_;
  const ExtractorInput &input_;
  std::vector<Fact> &facts_;

  // Per function.
  FunctionSummary *current_ = nullptr;
  const clang::FunctionDecl *currentDecl_ = nullptr;
  StmtEvents stmtEvents_;
  std::unique_ptr<clang::ParentMap> parents_;
  // While collecting a constructor's member initializer: its expression and
  // the member's key (what a value made there ends up in).
  const clang::Stmt *initializerRoot_ = nullptr;
  std::string initializerKey_;
  mutable llvm::DenseMap<const clang::Expr *, bool> apiCallCache_;
  mutable llvm::DenseMap<const clang::IfStmt *, bool> reventsChecks_; // does the condition read revents?
};

} // namespace flowshape
