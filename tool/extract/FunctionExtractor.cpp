#include "extract/FunctionExtractor.h"
#include "extract/EventGraph.h"
#include "extract/LoopAnalysis.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace flowshape {

// Walks one body in source order; nested lambdas and local classes are
// functions of their own and are summarised separately.
class BodyCollector : public RecursiveASTVisitor<BodyCollector> {
public:
  explicit BodyCollector(FunctionExtractor &fx) : fx_(fx) {}
  bool shouldVisitImplicitCode() const { return false; }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  // Brace initialisation constructs its objects in the semantic form only:
  // mqtt::properties props{{mqtt::property::RESPONSE_TOPIC, topic}}.
  bool TraverseInitListExpr(InitListExpr *list, DataRecursionQueue *queue = nullptr) {
    InitListExpr *semantic = list->isSemanticForm() ? list : list->getSemanticForm();
    return TraverseSynOrSemInitListExpr(semantic ? semantic : list, queue);
  }
  bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
  bool TraverseBlockExpr(BlockExpr *) { return true; }

  bool VisitCallExpr(CallExpr *call) {
    FunctionExtractor::CallSite site;
    site.expr = call;
    site.callee = call->getDirectCallee();
    site.args = llvm::ArrayRef<const Expr *>(call->getArgs(), call->getNumArgs());
    if (auto *member = dyn_cast<CXXMemberCallExpr>(call))
      site.object = member->getImplicitObjectArgument();
    else if (auto *op = dyn_cast<CXXOperatorCallExpr>(call)) {
      // a.operator()(x) and friends: the object is the first argument.
      if (site.callee && isa<CXXMethodDecl>(site.callee) && call->getNumArgs() > 0) {
        site.object = call->getArg(0);
        site.args = site.args.drop_front();
      }
      (void)op;
    }
    if (site.callee)
      fx_.handleCall(site);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *construct) {
    FunctionExtractor::CallSite site;
    site.expr = construct;
    site.callee = construct->getConstructor();
    site.args = llvm::ArrayRef<const Expr *>(construct->getArgs(), construct->getNumArgs());
    site.constructed = constructedKey(construct);
    fx_.handleCall(site);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *op) {
    if (op->isAssignmentOp()) {
      fx_.handleFieldAssignment(op);
      fx_.handleStore(op->getLHS(), op);
      if (op->getOpcode() == BO_Assign)
        fx_.addAlias(op->getLHS(), op->getRHS());
    }
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *op) {
    if (op->isIncrementDecrementOp())
      fx_.handleStore(op->getSubExpr(), op);
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op) {
    if (op->getOperator() == OO_Equal && op->getNumArgs() == 2)
      fx_.addAlias(op->getArg(0), op->getArg(1));
    // done_ = true, ++pending_ on a std::atomic.
    if (op->isAssignmentOp() || op->getOperator() == OO_PlusPlus || op->getOperator() == OO_MinusMinus)
      if (op->getNumArgs() > 0)
        fx_.handleStore(op->getArg(0), op);
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *call) {
    // done_.store(true), pending_.fetch_sub(1) on a library atomic.
    static const llvm::StringSet<> stores = {"store", "exchange", "fetch_add", "fetch_sub", "fetch_or",
                                             "fetch_and", "fetch_xor", "test_and_set", "clear"};
    const CXXMethodDecl *method = call->getMethodDecl();
    if (method && method->getIdentifier() && stores.contains(method->getName()) && !fx_.isProjectDecl(method))
      fx_.handleStore(call->getImplicitObjectArgument(), call);
    // acks.push_back(confirms.enqueue()): what a library container holds is
    // what its elements (acks[i], a range-for variable) are.
    static const llvm::StringSet<> adds = {"push_back", "emplace_back", "push_front", "emplace_front",
                                           "push",      "emplace",      "insert"};
    if (method && method->getIdentifier() && adds.contains(method->getName()) && !fx_.isProjectDecl(method) &&
        call->getNumArgs() > 0)
      fx_.addAlias(call->getImplicitObjectArgument(), call->getArg(call->getNumArgs() - 1));
    return true;
  }

  std::string initializedKey; // set for constructor initializers

private:
  std::string constructedKey(const CXXConstructExpr *construct) {
    if (!initializedKey.empty())
      return initializedKey;
    if (fx_.parents_) {
      const Stmt *parent = nullptr;
      const Expr *outer = skipImplicitParents(construct, *fx_.parents_, parent);
      // new T(...): the object is where the pointer goes.
      if (const auto *made = dyn_cast_or_null<CXXNewExpr>(parent))
        return fx_.resultKey(made);
      if (const auto *decls = dyn_cast_or_null<DeclStmt>(parent))
        for (const Decl *d : decls->decls())
          if (const auto *var = dyn_cast<VarDecl>(d))
            if (var->getInit() == outer || var->getInit() == construct)
              return usrOf(var);
    }
    return fx_.callKey(construct);
  }

  FunctionExtractor &fx_;
};

FunctionExtractor::FunctionExtractor(ASTContext &ctx, const ExtractorInput &input, std::vector<Fact> &facts)
    : ctx_(ctx), sm_(ctx.getSourceManager()), input_(input), facts_(facts) {}

bool FunctionExtractor::isProjectLocation(SourceLocation loc) const {
  if (loc.isInvalid())
    return false;
  loc = sm_.getFileLoc(loc);
  if (sm_.isInSystemHeader(loc))
    return false;
  auto entry = sm_.getFileEntryRefForID(sm_.getFileID(loc));
  if (!entry)
    return false;
  llvm::SmallString<256> path(entry->getName());
  sm_.getFileManager().makeAbsolutePath(path);
  return input_.project->isProjectFile(normalizePath(std::string(path.str())));
}

bool FunctionExtractor::isProjectDecl(const Decl *decl) const {
  for (const Decl *redecl : decl->redecls())
    if (isProjectLocation(redecl->getLocation()))
      return true;
  return false;
}

namespace {

// A class as the methods' patterns see it: an instantiation is the template.
const CXXRecordDecl *recordPattern(const CXXRecordDecl *record) {
  if (const CXXRecordDecl *pattern = record->getTemplateInstantiationPattern())
    return pattern;
  return record;
}

} // namespace

// The class, then its bases breadth-first, each once (dependent bases of a
// template are unknown until instantiation and left out).
std::vector<std::string> FunctionExtractor::classChain(const CXXRecordDecl *record) const {
  std::vector<std::string> out;
  std::vector<const CXXRecordDecl *> work{recordPattern(record)};
  for (size_t i = 0; i < work.size() && i < 64; ++i) {
    std::string usr = usrOf(work[i]);
    if (std::find(out.begin(), out.end(), usr) != out.end())
      continue;
    out.push_back(std::move(usr));
    const CXXRecordDecl *def = work[i]->getDefinition();
    if (!def)
      continue;
    for (const CXXBaseSpecifier &base : def->bases())
      if (const CXXRecordDecl *rd = base.getType()->getAsCXXRecordDecl())
        work.push_back(recordPattern(rd));
  }
  return out;
}

FunctionSummary FunctionExtractor::extract(const FunctionDecl *fn) {
  FunctionSummary summary;
  const FunctionDecl *pattern = patternOf(fn);
  summary.usr = usrOf(pattern);
  summary.name = functionDisplayName(fn, sm_);
  summary.loc = locationOf(SourceRange(fn->getLocation(), fn->getLocation()), ctx_);
  if (const auto *method = dyn_cast<CXXMethodDecl>(fn)) {
    summary.isLambda = method->getParent()->isLambda();
    if (summary.isLambda)
      summary.loc = locationOf(SourceRange(method->getParent()->getLocation()), ctx_);
    // Every method this one overrides, transitively, for virtual dispatch
    // and for callback interfaces (mqtt::callback::message_arrived).
    std::vector<const CXXMethodDecl *> work(method->overridden_methods().begin(), method->overridden_methods().end());
    for (size_t i = 0; i < work.size(); ++i) {
      const CXXMethodDecl *base = work[i];
      std::string baseName = qualifiedName(base);
      summary.overrides.push_back({usrOf(patternOf(base)), baseName});
      for (const ApiEntry *entry : input_.catalog->lookupOverride(baseName))
        facts_.push_back({summary.usr, entry->callbackKind + "-callback", baseName, "", summary.loc});
      if (input_.extraCatalog)
        for (const ApiEntry *entry : input_.extraCatalog->lookupOverride(baseName))
          facts_.push_back({summary.usr, entry->callbackKind + "-callback", baseName, "", summary.loc});
      for (const CXXMethodDecl *next : base->overridden_methods())
        work.push_back(next);
    }
    if (!summary.isLambda)
      summary.classes = classChain(cast<CXXMethodDecl>(pattern)->getParent());
  }
  for (const ParmVarDecl *param : fn->parameters())
    summary.params.push_back(usrOf(param));

  current_ = &summary;
  currentDecl_ = fn;
  stmtEvents_.clear();
  apiCallCache_.clear();
  const Stmt *body = fn->getBody();
  parents_ = std::make_unique<ParentMap>(const_cast<Stmt *>(body));
  if (const auto *ctor = dyn_cast<CXXConstructorDecl>(fn)) {
    for (const CXXCtorInitializer *init : ctor->inits()) {
      if (!init->isWritten() || !init->getInit())
        continue;
      parents_->addStmt(init->getInit());
      collect(init->getInit(), init->getMember() ? usrOf(init->getMember()) : std::string());
    }
  }
  collect(body, {});
  LoopIds loops = assignLoops(body, *parents_, ctx_, stmtEvents_, summary,
                              [this](const Expr *e) { return objectKey(e); });
  computeReturnKeys(body);
  buildEventGraph(fn, ctx_, stmtEvents_, loops, summary);
  current_ = nullptr;
  return summary;
}

void FunctionExtractor::extractInitializerFacts(const Expr *init, const std::string &owner) {
  FunctionSummary scratch;
  current_ = &scratch;
  stmtEvents_.clear();
  parents_ = std::make_unique<ParentMap>(const_cast<Expr *>(init));
  collect(init, owner);
  current_ = nullptr;
  parents_.reset();
}

void FunctionExtractor::collect(const Stmt *stmt, const std::string &constructedKey) {
  BodyCollector collector(*this);
  collector.initializedKey = constructedKey;
  initializerRoot_ = constructedKey.empty() ? nullptr : stmt;
  initializerKey_ = constructedKey;
  collector.TraverseStmt(const_cast<Stmt *>(stmt));
  initializerRoot_ = nullptr;
  initializerKey_.clear();
}

void FunctionExtractor::pushEvent(const Stmt *stmt, Event event) {
  auto index = static_cast<uint32_t>(current_->events.size());
  current_->events.push_back(std::move(event));
  stmtEvents_[stmt].push_back(index);
}

void FunctionExtractor::addAlias(const Expr *lhs, const Expr *rhs) {
  std::string a = objectKey(lhs), b = objectKey(rhs);
  if (!a.empty() && !b.empty() && a != b && a != "this" && b != "this")
    current_->aliases.emplace_back(a, b);
}

void FunctionExtractor::addCallEvent(const CallSite &site) {
  const FunctionDecl *callee = patternOf(site.callee);
  Event event;
  event.kind = EventKind::Call;
  event.callee = usrOf(callee);
  event.calleeName = functionDisplayName(callee, sm_);
  event.loc = locationOf(site.expr->getSourceRange(), ctx_);
  event.text = sourceText(site.expr->getSourceRange(), ctx_);
  event.result = callKey(site.expr);
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(site.expr)) {
    const auto *method = member->getMethodDecl();
    const auto *callee = dyn_cast<MemberExpr>(member->getCallee()->IgnoreParens());
    event.isVirtual = method && method->isVirtual() && !(callee && callee->hasQualifier());
    event.object = objectKey(member->getImplicitObjectArgument());
  }
  for (const Expr *arg : site.args) {
    ArgumentValue value;
    ValueText text = valueText(arg, ctx_);
    if (text.literal)
      value.literal = *text.literal;
    value.key = objectKey(arg);
    event.args.push_back(std::move(value));
  }
  // A helper's receive inside `if (items[0].revents & ZMQ_POLLIN)`.
  event.readyGuard = readinessGuard(site.expr);
  pushEvent(site.expr, std::move(event));
}

void FunctionExtractor::handleFieldAssignment(const BinaryOperator *assign) {
  const auto *member = dyn_cast<MemberExpr>(stripExpr(assign->getLHS()));
  if (!member)
    return;
  const auto *field = dyn_cast<FieldDecl>(member->getMemberDecl());
  if (!field)
    return;
  std::string name = qualifiedName(field);
  std::vector<const ApiEntry *> entries = input_.catalog->lookupField(name);
  if (input_.extraCatalog)
    for (const ApiEntry *e : input_.extraCatalog->lookupField(name))
      entries.push_back(e);
  // A field entry's condition is on the assigned value (its argument 0):
  // prop.identifier = MQTTPROPERTY_CODE_RESPONSE_TOPIC.
  std::vector<std::string> assigned = valueText(assign->getRHS(), ctx_).candidates();
  auto holds = [&](const std::optional<ArgCondition> &c) {
    return c && c->arg <= 0 && regexMatchesAny(c->matches, assigned);
  };
  for (const ApiEntry *entry : entries) {
    if ((entry->when && !holds(entry->when)) || holds(entry->unless))
      continue;
    // opts.onSuccess = onSend: a callback registered through a field.
    if (entry->role == Role::CallbackSetup) {
      addCallbackFact(assign->getRHS(), entry->callbackKind, assign);
      continue;
    }
    Event event;
    event.kind = EventKind::Interaction;
    event.role = entry->role;
    event.api = entry->name;
    event.library = entry->library;
    event.marker = entry->marker;
    event.loc = locationOf(assign->getSourceRange(), ctx_);
    event.text = sourceText(assign->getSourceRange(), ctx_);
    event.object = objectKey(member->getBase());
    ValueText value = valueText(assign->getRHS(), ctx_);
    if (value.literal)
      event.destination = *value.literal;
    else
      event.destinationKey = objectKey(assign->getRHS());
    pushEvent(assign, std::move(event));
  }
}

// A write to a global or to a field of the project (a flag, a counter, a
// token): a function that a callback runs and that writes what a loop
// condition polls completes that loop's wait.
void FunctionExtractor::handleStore(const Expr *target, const Expr *at) {
  if (!current_ || !target)
    return;
  const Expr *e = stripExpr(target);
  bool shared = false;
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    // A global, or a local of another function: one a callback lambda
    // captured (set_message_callback([&](auto) { got = true; })).
    const auto *var = dyn_cast<VarDecl>(ref->getDecl());
    shared = var && ((var->hasGlobalStorage() && isProjectDecl(var)) ||
                     (var->isLocalVarDecl() && currentDecl_ && var->getDeclContext() != currentDecl_ &&
                      !currentDecl_->Encloses(var->getDeclContext())));
  } else if (const auto *member = dyn_cast<MemberExpr>(e)) {
    shared = isa<FieldDecl>(member->getMemberDecl()) && isProjectDecl(member->getMemberDecl());
  }
  if (!shared)
    return;
  std::string key = objectKey(e);
  if (!key.empty())
    addFact(key, "stored-by", current_->usr, at);
}

void FunctionExtractor::computeReturnKeys(const Stmt *body) {
  class Returns : public RecursiveASTVisitor<Returns> {
  public:
    Returns(const FunctionExtractor &fx, std::vector<std::string> &out) : fx_(fx), out_(out) {}
    bool TraverseLambdaExpr(LambdaExpr *) { return true; }
    bool TraverseCXXRecordDecl(CXXRecordDecl *) { return true; }
    bool VisitReturnStmt(ReturnStmt *ret) {
      std::string key = fx_.objectKey(ret->getRetValue());
      if (!key.empty() && std::find(out_.begin(), out_.end(), key) == out_.end())
        out_.push_back(key);
      return true;
    }

  private:
    const FunctionExtractor &fx_;
    std::vector<std::string> &out_;
  };
  Returns(*this, current_->returnKeys).TraverseStmt(const_cast<Stmt *>(body));
}


} // namespace flowshape
