#include "extract/FunctionExtractor.h"
#include "extract/CommandWords.h"
#include "extract/EventGraph.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace flowshape {

namespace {

bool regexMatchesAny(const std::string &pattern, const std::vector<std::string> &texts) {
  llvm::Regex re(pattern);
  for (const auto &t : texts)
    if (re.match(t))
      return true;
  return false;
}

std::string printType(QualType type, const ASTContext &ctx) {
  PrintingPolicy policy(ctx.getLangOpts());
  policy.SuppressTagKeyword = true;
  policy.FullyQualifiedName = true;
  policy.SuppressScope = false;
  return type.getCanonicalType().getAsString(policy);
}

const Expr *skipImplicitParents(const Expr *e, const ParentMap &pm, const Stmt *&parent) {
  parent = pm.getParent(e);
  while (parent && (isa<ImplicitCastExpr>(parent) || isa<ExprWithCleanups>(parent) ||
                    isa<MaterializeTemporaryExpr>(parent) || isa<CXXBindTemporaryExpr>(parent) ||
                    isa<ParenExpr>(parent) || isa<CXXFunctionalCastExpr>(parent))) {
    e = cast<Expr>(parent);
    parent = pm.getParent(parent);
  }
  return e;
}

// A literal, or a temporary made only of literals: a new value, not a
// name for an object that exists elsewhere.
bool isFreshValue(const Expr *e) {
  e = stripExpr(e);
  if (isa<StringLiteral, IntegerLiteral, FloatingLiteral, CharacterLiteral, CXXBoolLiteralExpr, CXXNullPtrLiteralExpr,
          InitListExpr, UserDefinedLiteral>(e))
    return true;
  if (const auto *construct = dyn_cast<CXXConstructExpr>(e))
    return std::all_of(construct->arg_begin(), construct->arg_end(),
                       [](const Expr *arg) { return isa<CXXDefaultArgExpr>(arg) || isFreshValue(arg); });
  return false;
}

} // namespace

// Walks one body in source order; nested lambdas and local classes are
// functions of their own and are summarised separately.
class BodyCollector : public RecursiveASTVisitor<BodyCollector> {
public:
  explicit BodyCollector(FunctionExtractor &fx) : fx_(fx) {}
  bool shouldVisitImplicitCode() const { return false; }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
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
      if (op->getOpcode() == BO_Assign)
        fx_.addAlias(op->getLHS(), op->getRHS());
    }
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op) {
    if (op->getOperator() == OO_Equal && op->getNumArgs() == 2)
      fx_.addAlias(op->getArg(0), op->getArg(1));
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
  }
  for (const ParmVarDecl *param : fn->parameters())
    summary.params.push_back(usrOf(param));

  current_ = &summary;
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
  LoopIds loops = assignLoops(body, *parents_, ctx_, stmtEvents_, summary);
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
  collector.TraverseStmt(const_cast<Stmt *>(stmt));
}

std::vector<std::string> FunctionExtractor::calleeNames(const CallSite &site) const {
  std::vector<std::string> names;
  const FunctionDecl *callee = patternOf(site.callee);
  names.push_back(qualifiedName(callee));
  // A constructor inherited with `using Base::Base` is also known under the
  // base's name (cppkafka::MessageBuilder("orders") runs BasicMessageBuilder's).
  if (const auto *ctor = dyn_cast<CXXConstructorDecl>(callee); ctor && ctor->isInheritingConstructor())
    if (const CXXConstructorDecl *inherited = ctor->getInheritedConstructor().getConstructor())
      names.push_back(qualifiedName(patternOf(inherited)));
  if (const auto *method = dyn_cast<CXXMethodDecl>(callee)) {
    std::vector<const CXXMethodDecl *> work(method->overridden_methods().begin(), method->overridden_methods().end());
    for (size_t i = 0; i < work.size() && i < 32; ++i) {
      names.push_back(qualifiedName(work[i]));
      for (const CXXMethodDecl *next : work[i]->overridden_methods())
        work.push_back(next);
    }
    // fut.wait() resolves to std::__basic_future::wait: also try the
    // object's own class, which is what catalogs (and users) name.
    if (site.object && !isa<CXXConstructorDecl>(method)) {
      QualType type = site.object->IgnoreParenImpCasts()->getType();
      if (type->isPointerType())
        type = type->getPointeeType();
      if (const auto *record = type->getAsCXXRecordDecl()) {
        std::string viaObject = qualifiedName(record) + "::" + method->getNameAsString();
        if (std::find(names.begin(), names.end(), viaObject) == names.end())
          names.push_back(viaObject);
      }
    }
  }
  return names;
}

const Expr *FunctionExtractor::argument(const CallSite &site, int index) const {
  if (index < 0 || static_cast<size_t>(index) >= site.args.size())
    return nullptr;
  const Expr *arg = site.args[index];
  if (isa<CXXDefaultArgExpr>(arg))
    return arg; // its value is the default, which stripExpr reaches
  return arg;
}

bool FunctionExtractor::argumentMatches(const ArgCondition &condition, const CallSite &site,
                                        const ApiEntry &entry) const {
  // A command argument (redisCommand's format) matches through its text.
  std::optional<Command> command;
  if (entry.commandArg >= 0 && (condition.arg < 0 || condition.arg == entry.commandArg))
    command = parseCommand(site.args, entry.commandArg, ctx_);
  if (command && llvm::Regex(condition.matches).match(command->text()))
    return true;
  if (condition.arg < 0) {
    for (const Expr *arg : site.args)
      if (regexMatchesAny(condition.matches, valueText(arg, ctx_).candidates()))
        return true;
    return false;
  }
  if (command)
    return false;
  const Expr *arg = argument(site, condition.arg);
  return arg && regexMatchesAny(condition.matches, valueText(arg, ctx_).candidates());
}

bool FunctionExtractor::conditionHolds(const ApiEntry &entry, const CallSite &site) const {
  if (entry.when && !argumentMatches(*entry.when, site, entry))
    return false;
  return !(entry.unless && argumentMatches(*entry.unless, site, entry));
}

std::vector<const ApiEntry *> FunctionExtractor::matchingEntries(const CallSite &site,
                                                                 const std::vector<std::string> &names) const {
  std::string returnType = printType(site.callee->getReturnType(), ctx_);
  std::vector<std::string> paramTypes;
  for (const ParmVarDecl *p : site.callee->parameters())
    paramTypes.push_back(printType(p->getType(), ctx_));
  std::vector<const ApiEntry *> found;
  // The user's own entries take precedence over the built-in catalogs.
  if (input_.extraCatalog)
    for (const ApiEntry *e : input_.extraCatalog->lookupCall(names, returnType, paramTypes))
      if (conditionHolds(*e, site))
        found.push_back(e);
  if (found.empty())
    for (const ApiEntry *e : input_.catalog->lookupCall(names, returnType, paramTypes))
      if (conditionHolds(*e, site))
        found.push_back(e);
  return found;
}

bool FunctionExtractor::isApiCall(const Expr *expr) const {
  auto it = apiCallCache_.find(expr);
  if (it != apiCallCache_.end())
    return it->second;
  bool api = false;
  CallSite site;
  site.expr = expr;
  if (const auto *call = dyn_cast<CallExpr>(expr)) {
    site.callee = call->getDirectCallee();
    site.args = llvm::ArrayRef<const Expr *>(call->getArgs(), call->getNumArgs());
    if (const auto *member = dyn_cast<CXXMemberCallExpr>(call))
      site.object = member->getImplicitObjectArgument();
  }
  if (site.callee)
    api = !matchingEntries(site, calleeNames(site)).empty();
  apiCallCache_[expr] = api;
  return api;
}

void FunctionExtractor::handleCall(const CallSite &site) {
  if (!site.callee)
    return;
  std::vector<std::string> names = calleeNames(site);
  std::vector<const ApiEntry *> entries = matchingEntries(site, names);
  if (!entries.empty()) {
    apiCallCache_[site.expr] = true;
    for (const ApiEntry *entry : entries)
      handleApi(site, *entry, names);
    return;
  }
  if (isProjectDecl(site.callee) && !isa<CXXConstructExpr>(site.expr))
    addCallEvent(site);
}

Timeout FunctionExtractor::timeoutOf(const ApiEntry &entry, const CallSite &site) const {
  if (!entry.timeoutFact.empty())
    return Timeout::FromFact;
  if (entry.timeout == "bounded")
    return Timeout::Bounded;
  if (entry.timeout == "unbounded")
    return Timeout::Unbounded;
  if (entry.commandArg >= 0 && (entry.timeoutWord || !entry.timeoutAfter.empty())) {
    std::optional<Command> command = parseCommand(site.args, entry.commandArg, ctx_);
    if (!command)
      return Timeout::Unknown;
    const CommandWord *word = entry.timeoutWord ? command->word(*entry.timeoutWord) : command->after(entry.timeoutAfter);
    if (!word)
      return Timeout::Unbounded; // the command has no timeout word
    if (word->expr)
      return timeoutOfValue(entry, word->expr);
    for (const auto &forever : entry.infinite)
      if (word->text == forever)
        return Timeout::Unbounded;
    llvm::StringRef text(word->text);
    double number = 0;
    if (text.getAsDouble(number))
      return Timeout::Unknown;
    bool negativeForever = std::find(entry.infinite.begin(), entry.infinite.end(), "<0") != entry.infinite.end();
    return negativeForever && number < 0 ? Timeout::Unbounded : Timeout::Bounded;
  }
  if (!entry.timeoutAfter.empty()) {
    for (size_t i = 0; i + 1 < site.args.size(); ++i)
      if (regexMatchesAny(entry.timeoutAfter, valueText(site.args[i], ctx_).candidates()))
        return timeoutOfValue(entry, site.args[i + 1]);
    return Timeout::Unbounded;
  }
  if (entry.timeoutArg < 0)
    return Timeout::NotApplicable;
  const Expr *arg = argument(site, entry.timeoutArg);
  if (!arg)
    return Timeout::Unbounded; // this overload has no timeout parameter
  return timeoutOfValue(entry, arg);
}

Timeout FunctionExtractor::timeoutOfValue(const ApiEntry &entry, const Expr *arg) const {
  ValueText value = valueText(arg, ctx_);
  for (const auto &text : value.candidates())
    for (const auto &forever : entry.infinite)
      if (text == forever)
        return Timeout::Unbounded;
  if (value.integer) {
    for (const auto &forever : entry.infinite)
      if (forever == "<0" && *value.integer < 0)
        return Timeout::Unbounded;
    return Timeout::Bounded;
  }
  // std::chrono durations and the like are finite by construction.
  if (!arg->getType()->isIntegralOrEnumerationType())
    return Timeout::Bounded;
  return Timeout::Unknown;
}

void FunctionExtractor::handleApi(const CallSite &site, const ApiEntry &entry, const std::vector<std::string> &names) {
  std::optional<Command> command;
  if (entry.commandArg >= 0)
    command = parseCommand(site.args, entry.commandArg, ctx_);
  // The handle: an argument the entry names (C functions, and methods whose
  // handle is an argument, such as zmq::multipart_t::send(socket)), else
  // the object of a member call, else the object a constructor makes.
  auto handleKey = [&]() -> std::string {
    if (entry.objectArg >= 0)
      return objectKey(argument(site, entry.objectArg));
    if (site.object)
      return objectKey(site.object);
    return site.constructed;
  };

  if (entry.role == Role::Fact) {
    const Expr *value = nullptr;
    std::string wordText;
    if (entry.valueWord) {
      const CommandWord *word = command ? command->word(*entry.valueWord) : nullptr;
      if (!word)
        return;
      value = word->expr;
      wordText = word->text;
    } else {
      value = argument(site, entry.valueArg);
    }
    // C passes option values by address: zmq_setsockopt(s, ZMQ_RCVTIMEO, &ms, sizeof ms).
    if (value)
      if (const auto *address = dyn_cast<UnaryOperator>(stripExpr(value)); address && address->getOpcode() == UO_AddrOf)
        value = address->getSubExpr();
    std::string key = entry.factOn == "result" ? resultKey(site.expr) : handleKey();
    if (key.empty())
      return;
    if (value) {
      ValueText text = valueText(value, ctx_);
      std::string v = text.best();
      if (text.integer && entry.fact.find("timeout") != std::string::npos)
        v = std::to_string(*text.integer);
      addFact(key, entry.fact, v, site.expr, text.literal ? std::string() : objectKey(value));
    } else if (!wordText.empty()) {
      addFact(key, entry.fact, wordText, site.expr);
    }
    return;
  }

  Event event;
  event.kind = EventKind::Interaction;
  event.role = entry.role;
  event.api = entry.nameRegex.empty() ? entry.name : names.front();
  event.library = entry.library;
  event.loc = locationOf(site.expr->getSourceRange(), ctx_);
  event.text = sourceText(site.expr->getSourceRange(), ctx_);
  event.object = handleKey();
  event.result = resultKey(site.expr);
  event.timeout = timeoutOf(entry, site);
  event.timeoutFact = entry.timeoutFact;
  event.waitKind = entry.waitKind;
  event.marker = entry.marker;
  event.returnsAck = entry.returnsAck;
  event.decidingFact = entry.byFact;
  for (const FactCase &c : entry.cases)
    event.factRoles.emplace_back(c.matches, c.role);

  const Expr *destination = nullptr;
  if (command && (entry.destinationWord || !entry.destinationAfter.empty())) {
    const CommandWord *word =
        entry.destinationWord ? command->word(*entry.destinationWord) : command->after(entry.destinationAfter);
    if (word && word->expr)
      destination = word->expr;
    else if (word)
      event.destination = word->text; // a literal key, or a pattern such as "reply:%s"
  } else if (entry.destinationArg >= 0)
    destination = argument(site, entry.destinationArg);
  else if (!entry.destinationAfter.empty()) {
    for (size_t i = 0; i + 1 < site.args.size(); ++i)
      if (regexMatchesAny(entry.destinationAfter, valueText(site.args[i], ctx_).candidates())) {
        destination = site.args[i + 1];
        break;
      }
  }
  if (destination) {
    ValueText value = valueText(destination, ctx_);
    if (value.literal)
      event.destination = *value.literal;
    else
      event.destinationKey = objectKey(destination);
  }

  if (entry.callbackArg >= 0)
    if (const Expr *callback = argument(site, entry.callbackArg)) {
      if (entry.callbackKind == "continuation")
        addContinuationCall(callback, site.expr);
      else
        addCallbackFact(callback, entry.callbackKind, site.expr);
    }

  const std::string markerRegex = entry.markerArgRegex;
  if (entry.role != Role::CallbackSetup)
    pushEvent(site.expr, std::move(event));

  // Varargs APIs (rd_kafka_producev) carry reply headers inline: a string
  // argument naming a reply topic or correlation id marks the message.
  if (!markerRegex.empty()) {
    llvm::Regex re(markerRegex);
    for (size_t i = 0; i < site.args.size(); ++i) {
      ValueText value = valueText(site.args[i], ctx_);
      if (!value.literal || !re.match(*value.literal))
        continue;
      Event marker;
      marker.kind = EventKind::Interaction;
      marker.role = Role::ReplyMarker;
      marker.api = event.api.empty() ? names.front() : names.front();
      marker.library = entry.library;
      marker.loc = locationOf(site.args[i]->getSourceRange(), ctx_);
      marker.text = sourceText(site.expr->getSourceRange(), ctx_);
      marker.marker = *value.literal;
      if (i + 1 < site.args.size()) {
        ValueText next = valueText(site.args[i + 1], ctx_);
        if (next.literal)
          marker.destination = *next.literal;
        else
          marker.destinationKey = objectKey(site.args[i + 1]);
      }
      pushEvent(site.expr, std::move(marker));
    }
  }
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

void FunctionExtractor::addFact(const std::string &key, const std::string &name, const std::string &value,
                                const Expr *at, const std::string &valueKey) {
  facts_.push_back({key, name, value, valueKey, locationOf(at->getSourceRange(), ctx_)});
}

// A continuation runs once the operation it is attached to completes, as
// part of the same flow: it is a call of the callback at the registration.
void FunctionExtractor::addContinuationCall(const Expr *callback, const Expr *at) {
  const FunctionDecl *fn = callbackFunction(callback);
  if (!fn || !isProjectDecl(fn))
    return;
  const FunctionDecl *target = patternOf(fn);
  Event event;
  event.kind = EventKind::Call;
  event.callee = usrOf(target);
  event.calleeName = functionDisplayName(target, sm_);
  event.loc = locationOf(at->getSourceRange(), ctx_);
  event.text = sourceText(at->getSourceRange(), ctx_);
  pushEvent(at, std::move(event));
}

void FunctionExtractor::addCallbackFact(const Expr *callback, const std::string &kind, const Expr *at) {
  std::string usr = callbackUsr(callback);
  if (!usr.empty())
    addFact(usr, kind + "-callback", "", at);
}

std::string FunctionExtractor::callKey(const Expr *expr) const {
  Location loc = locationOf(expr->getSourceRange(), ctx_);
  return "call:" + loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

std::string FunctionExtractor::objectKey(const Expr *expr, int depth) const {
  if (!expr || depth > 8)
    return {};
  const Expr *e = stripExpr(expr);
  if (isa<CXXThisExpr>(e))
    return "this";
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    const ValueDecl *decl = ref->getDecl();
    if (const auto *var = dyn_cast<VarDecl>(decl)) {
      // A local bound once to an expression is that expression's object:
      // auto fut = prom.get_future() names the promise.
      if (var->isLocalVarDecl() && var->hasInit()) {
        const Expr *init = stripExpr(var->getInit());
        // A copy or conversion of an object is that object; made from
        // something that is no object (a literal, a count) the variable is
        // a new object: MessageBuilder builder("orders").
        const auto *construct = dyn_cast<CXXConstructExpr>(init);
        bool constructedHere = isa<InitListExpr>(init) || isa<StringLiteral>(init) ||
                               (construct && (construct->getNumArgs() != 1 || isFreshValue(construct->getArg(0))));
        if (!constructedHere) {
          std::string key = objectKey(init, depth + 1);
          if (!key.empty())
            return key;
        }
      }
      return usrOf(var);
    }
    if (isa<FunctionDecl>(decl))
      return usrOf(decl);
    return {};
  }
  if (const auto *member = dyn_cast<MemberExpr>(e)) {
    const ValueDecl *decl = member->getMemberDecl();
    if (const auto *field = dyn_cast<FieldDecl>(decl)) {
      // Project fields are objects of their own (pending_, cv_, sock_);
      // library fields (pair::second) stand for their base.
      if (isProjectDecl(field))
        return usrOf(field);
      return objectKey(member->getBase(), depth + 1);
    }
    if (isa<VarDecl>(decl))
      return usrOf(decl);
    return {};
  }
  if (const auto *unary = dyn_cast<UnaryOperator>(e)) {
    if (unary->getOpcode() == UO_Deref || unary->getOpcode() == UO_AddrOf)
      return objectKey(unary->getSubExpr(), depth + 1);
    return {};
  }
  if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(e))
    return objectKey(subscript->getBase(), depth + 1);
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e)) {
    switch (op->getOperator()) {
    case OO_Arrow:
    case OO_Star:
    case OO_Subscript:
      return op->getNumArgs() > 0 ? objectKey(op->getArg(0), depth + 1) : std::string();
    default:
      return callKey(e);
    }
  }
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(e)) {
    const FunctionDecl *callee = member->getDirectCallee();
    // Fluent library methods (builder.topic("x").payload(p),
    // consumer.onReceived(cb).onError(cb)) return their own object.
    if (callee && !isProjectDecl(callee) && returnsOwnObject(member))
      return objectKey(member->getImplicitObjectArgument(), depth + 1);
    // Library accessors (map::find, promise::get_future, shared_ptr::get)
    // stand for their object; API calls and project calls make new values.
    if (!callee || isApiCall(e) || isProjectDecl(callee))
      return callKey(e);
    return objectKey(member->getImplicitObjectArgument(), depth + 1);
  }
  if (const auto *call = dyn_cast<CallExpr>(e)) {
    // std::move(x), and library conversions such as amqp_cstring_bytes(q)
    // or pplx::create_task(event) (defaulted arguments aside), stand for
    // their argument.
    if (const FunctionDecl *callee = call->getDirectCallee()) {
      unsigned written = 0;
      for (const Expr *arg : call->arguments())
        written += !isa<CXXDefaultArgExpr>(arg);
      if (written == 1 && call->getNumArgs() >= 1 && !isApiCall(e) && !isProjectDecl(callee))
        return objectKey(call->getArg(0), depth + 1);
    }
    return callKey(e);
  }
  if (const auto *construct = dyn_cast<CXXConstructExpr>(e)) {
    // A copy or conversion of an object is that object; a temporary made
    // from a literal, MessageBuilder("orders"), is an object of its own.
    if (construct->getNumArgs() == 1 && !isFreshValue(construct->getArg(0)))
      if (std::string key = objectKey(construct->getArg(0), depth + 1); !key.empty())
        return key;
    return callKey(e);
  }
  if (const auto *lambda = dyn_cast<LambdaExpr>(e))
    return usrOf(patternOf(lambda->getCallOperator()));
  return {};
}

bool FunctionExtractor::returnsOwnObject(const CXXMemberCallExpr *call) const {
  const CXXMethodDecl *method = call->getMethodDecl();
  const Expr *object = call->getImplicitObjectArgument();
  if (!method || !object || !method->getReturnType()->isLValueReferenceType())
    return false;
  const CXXRecordDecl *returned = method->getReturnType()->getPointeeType()->getAsCXXRecordDecl();
  QualType objectType = object->getType();
  if (objectType->isPointerType())
    objectType = objectType->getPointeeType();
  const CXXRecordDecl *own = objectType->getAsCXXRecordDecl();
  if (!returned || !own || !returned->hasDefinition() || !own->hasDefinition())
    return false;
  returned = returned->getCanonicalDecl();
  own = own->getCanonicalDecl();
  return returned == own || own->isDerivedFrom(returned) || returned->isDerivedFrom(own);
}

std::string FunctionExtractor::resultKey(const Expr *call) const {
  if (parents_) {
    const Stmt *parent = nullptr;
    const Expr *outer = skipImplicitParents(call, *parents_, parent);
    if (const auto *assign = dyn_cast_or_null<BinaryOperator>(parent))
      if (assign->isAssignmentOp() && assign->getRHS() == outer)
        return objectKey(assign->getLHS());
    if (const auto *op = dyn_cast_or_null<CXXOperatorCallExpr>(parent))
      if (op->getOperator() == OO_Equal && op->getNumArgs() == 2 && op->getArg(1) == outer)
        return objectKey(op->getArg(0));
  }
  return callKey(call);
}

const FunctionDecl *FunctionExtractor::callbackFunction(const Expr *expr, int depth) const {
  if (!expr || depth > 6)
    return nullptr;
  const Expr *e = stripExpr(expr);
  if (const auto *lambda = dyn_cast<LambdaExpr>(e))
    return lambda->getCallOperator();
  if (const auto *ref = dyn_cast<DeclRefExpr>(e)) {
    if (const auto *fn = dyn_cast<FunctionDecl>(ref->getDecl()))
      return fn;
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()))
      if (var->hasInit())
        return callbackFunction(var->getInit(), depth + 1);
    return nullptr;
  }
  if (const auto *member = dyn_cast<MemberExpr>(e))
    return dyn_cast<FunctionDecl>(member->getMemberDecl());
  if (const auto *unary = dyn_cast<UnaryOperator>(e))
    return callbackFunction(unary->getSubExpr(), depth + 1);
  // std::function construction, std::bind(&C::m, this, _1) and the like:
  // the first argument is the callable.
  if (const auto *construct = dyn_cast<CXXConstructExpr>(e))
    return construct->getNumArgs() > 0 ? callbackFunction(construct->getArg(0), depth + 1) : nullptr;
  if (const auto *call = dyn_cast<CallExpr>(e))
    return call->getNumArgs() > 0 ? callbackFunction(call->getArg(0), depth + 1) : nullptr;
  return nullptr;
}

std::string FunctionExtractor::callbackUsr(const Expr *expr) const {
  const FunctionDecl *fn = callbackFunction(expr);
  return fn ? usrOf(patternOf(fn)) : std::string();
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
