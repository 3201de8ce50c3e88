#include "extract/FunctionExtractor.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

#include <set>

using namespace clang;

namespace flowshape {

namespace {

class TranslationUnitVisitor : public RecursiveASTVisitor<TranslationUnitVisitor> {
public:
  TranslationUnitVisitor(ASTContext &ctx, const ExtractorInput &input, TranslationUnitSummary &out,
                         const std::vector<SourceLocation> *errors)
      : extractor_(ctx, input, out.facts), out_(out), sm_(ctx.getSourceManager()), errors_(errors) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitFunctionDecl(FunctionDecl *fn) {
    consider(fn);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *lambda) {
    consider(lambda->getCallOperator());
    return true;
  }

  // Objects initialised outside function bodies still carry facts: a global
  // socket's type, a default member initializer's socket type.
  bool VisitVarDecl(VarDecl *var) {
    if (var->hasGlobalStorage() && !var->isLocalVarDecl() && var->hasInit() && !var->isTemplated() &&
        extractor_.isProjectLocation(var->getLocation()))
      extractor_.extractInitializerFacts(var->getInit(), usrOf(var));
    return true;
  }

  bool VisitFieldDecl(FieldDecl *field) {
    if (field->hasInClassInitializer() && field->getInClassInitializer() && !field->isTemplated() &&
        extractor_.isProjectLocation(field->getLocation()))
      extractor_.extractInitializerFacts(field->getInClassInitializer(), usrOf(field));
    return true;
  }

private:
  void consider(const FunctionDecl *fn) {
    if (!fn->doesThisDeclarationHaveABody() || fn->hasSkippedBody() || fn->isDependentContext() ||
        fn->isDefaulted() || fn->isDeleted() || !fn->getBody())
      return;
    if (fn->isImplicit() && !isLambdaOperator(fn))
      return;
    if (!extractor_.isProjectLocation(fn->getLocation()))
      return;
    FunctionSummary summary = extractor_.extract(fn);
    summary.bodyErrors = errors_ && hasErrors(fn);
    // Several instantiations of one template share the pattern's USR: keep
    // the first, which is the same in every run.
    if (!seen_.insert(summary.usr).second)
      return;
    out_.functions.push_back(std::move(summary));
  }

  // An error reported inside the function, an expression Clang rebuilt
  // around one (RecoveryExpr), or a class with an invalid member: Clang
  // drops the statements that use it without a trace.
  bool hasErrors(const FunctionDecl *fn) const {
    if (fn->isInvalidDecl() || containsErrors(fn->getBody()))
      return true;
    if (const auto *method = dyn_cast<CXXMethodDecl>(fn); method && method->getParent()->isInvalidDecl())
      return true;
    SourceLocation begin = sm_.getExpansionLoc(fn->getBeginLoc()), end = sm_.getExpansionLoc(fn->getEndLoc());
    return std::any_of(errors_->begin(), errors_->end(),
                       [&](SourceLocation loc) { return sm_.isPointWithin(loc, begin, end); });
  }

  static bool containsErrors(const Stmt *stmt) {
    if (!stmt)
      return false;
    if (const auto *expr = dyn_cast<Expr>(stmt); expr && expr->containsErrors())
      return true;
    return std::any_of(stmt->child_begin(), stmt->child_end(), [](const Stmt *child) { return containsErrors(child); });
  }

  static bool isLambdaOperator(const FunctionDecl *fn) {
    const auto *method = dyn_cast<CXXMethodDecl>(fn);
    return method && method->getParent()->isLambda();
  }

  FunctionExtractor extractor_;
  TranslationUnitSummary &out_;
  const SourceManager &sm_;
  const std::vector<SourceLocation> *errors_; // null: the unit has no errors
  std::set<std::string> seen_;
};

} // namespace

void summarizeTranslationUnit(ASTContext &ctx, const ExtractorInput &input, TranslationUnitSummary &out,
                              const std::vector<SourceLocation> *errors) {
  TranslationUnitVisitor(ctx, input, out, errors).TraverseDecl(ctx.getTranslationUnitDecl());
  std::sort(out.functions.begin(), out.functions.end(),
            [](const FunctionSummary &a, const FunctionSummary &b) { return a.loc < b.loc || (a.loc == b.loc && a.usr < b.usr); });
  std::sort(out.facts.begin(), out.facts.end(), [](const Fact &a, const Fact &b) {
    return std::tie(a.key, a.name, a.value, a.loc) < std::tie(b.key, b.name, b.value, b.loc);
  });
  out.facts.erase(std::unique(out.facts.begin(), out.facts.end(),
                              [](const Fact &a, const Fact &b) {
                                return a.key == b.key && a.name == b.name && a.value == b.value && a.loc == b.loc;
                              }),
                  out.facts.end());
}

} // namespace flowshape
