// Classifying calls against the catalogs: the names a callee is known
// under, the entries whose conditions hold, and the events, facts and
// callbacks an entry makes.
#include "extract/CommandWords.h"
#include "extract/FunctionExtractor.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace flowshape {

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
  std::string returnType = typeName(site.callee->getReturnType(), ctx_);
  std::vector<std::string> paramTypes;
  for (const ParmVarDecl *p : site.callee->parameters())
    paramTypes.push_back(typeName(p->getType(), ctx_));
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
  // std::make_unique<T>(args), std::make_shared<T>(args): T's constructor
  // runs on the arguments (its call is inside the library, unseen).
  if (const CXXConstructorDecl *ctor = madeConstructor(site)) {
    CallSite made = site;
    made.callee = ctor;
    made.object = nullptr;
    made.constructed = resultKey(site.expr);
    handleCall(made);
    return;
  }
  std::vector<std::string> names = calleeNames(site);
  std::vector<const ApiEntry *> entries = matchingEntries(site, names);
  if (!entries.empty()) {
    apiCallCache_[site.expr] = true;
    for (const ApiEntry *entry : entries)
      handleApi(site, *entry, names);
    return;
  }
  if (isProjectDecl(site.callee) && followsCall(site.callee))
    addCallEvent(site);
}

// A project constructor is followed like any call, unless it only copies
// or moves (its work was done where the original was made).
bool FunctionExtractor::followsCall(const FunctionDecl *callee) const {
  const auto *ctor = dyn_cast<CXXConstructorDecl>(callee);
  if (!ctor)
    return true;
  return !ctor->isCopyOrMoveConstructor() && !ctor->isTrivial() && ctor->isUserProvided();
}

const CXXConstructorDecl *FunctionExtractor::madeConstructor(const CallSite &site) const {
  if (!isa<CallExpr>(site.expr) || isa<CXXConstructorDecl>(site.callee))
    return nullptr;
  std::string name = qualifiedName(site.callee);
  if (name != "std::make_unique" && name != "std::make_shared")
    return nullptr;
  const TemplateArgumentList *targs = site.callee->getTemplateSpecializationArgs();
  if (!targs || targs->size() == 0 || targs->get(0).getKind() != TemplateArgument::Type)
    return nullptr;
  const CXXRecordDecl *record = targs->get(0).getAsType()->getAsCXXRecordDecl();
  if (!record || !record->hasDefinition())
    return nullptr;
  // The constructor the arguments select: the first that takes that many
  // (overloads of one arity differ in type only, as catalog entries do not).
  const CXXConstructorDecl *best = nullptr;
  for (const CXXConstructorDecl *ctor : record->getDefinition()->ctors()) {
    unsigned n = site.args.size();
    if (n < ctor->getMinRequiredArguments() || n > ctor->getNumParams() || ctor->isCopyOrMoveConstructor())
      continue;
    if (!best || (ctor->getNumParams() == n && best->getNumParams() != n))
      best = ctor;
  }
  return best;
}

// Whether the poll items an argument points at ask for `readEvent`: their
// initializer and the assignments to their `events` in the function. Items
// built elsewhere (unknown) are taken to read.
bool FunctionExtractor::pollReads(const Expr *items, const std::string &readEvent) const {
  if (!items)
    return true;
  const Expr *e = stripExpr(items);
  while (true) {
    if (const auto *unary = dyn_cast<UnaryOperator>(e); unary && unary->getOpcode() == UO_AddrOf)
      e = stripExpr(unary->getSubExpr());
    else if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(e))
      e = stripExpr(subscript->getBase());
    else
      break;
  }
  const auto *ref = dyn_cast<DeclRefExpr>(e);
  const auto *var = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->isLocalVarDecl() || !currentDecl_ || !currentDecl_->getBody())
    return true;
  std::vector<std::string> eventTexts;
  if (const auto *init = dyn_cast_or_null<InitListExpr>(var->getInit() ? var->getInit()->IgnoreImplicit() : nullptr))
    eventTexts.push_back(sourceText(init->getSourceRange(), ctx_));
  class EventsWrites : public RecursiveASTVisitor<EventsWrites> {
  public:
    EventsWrites(const VarDecl *var, const ASTContext &ctx, std::vector<std::string> &out)
        : var_(var), ctx_(ctx), out_(out) {}
    bool VisitBinaryOperator(BinaryOperator *op) {
      const auto *member = op->isAssignmentOp() ? dyn_cast<MemberExpr>(stripExpr(op->getLHS())) : nullptr;
      if (!member || !member->getMemberDecl()->getIdentifier() || member->getMemberDecl()->getName() != "events")
        return true;
      const Expr *base = stripExpr(member->getBase());
      if (const auto *subscript = dyn_cast<ArraySubscriptExpr>(base))
        base = stripExpr(subscript->getBase());
      if (const auto *r = dyn_cast<DeclRefExpr>(base); r && r->getDecl() == var_)
        out_.push_back(sourceText(op->getRHS()->getSourceRange(), ctx_));
      return true;
    }

  private:
    const VarDecl *var_;
    const ASTContext &ctx_;
    std::vector<std::string> &out_;
  };
  EventsWrites(var, ctx_, eventTexts).TraverseStmt(currentDecl_->getBody());
  if (eventTexts.empty())
    return true;
  llvm::Regex read(readEvent);
  return std::any_of(eventTexts.begin(), eventTexts.end(), [&](const std::string &t) { return read.match(t); });
}

Timeout FunctionExtractor::timeoutOf(const ApiEntry &entry, const CallSite &site) const {
  if (!entry.timeoutFact.empty())
    return Timeout::FromFact;
  if (entry.timeout == "bounded")
    return Timeout::Bounded;
  if (entry.timeout == "unbounded")
    return Timeout::Unbounded;
  if (entry.timeout == "awaited")
    return Timeout::Awaited;
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
  // The largest duration or count waits forever: milliseconds::max(),
  // std::numeric_limits<int>::max().
  static const llvm::Regex largest("::max\\(\\)$");
  if (largest.match(value.source))
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

  // zmq_poll on items that only ask whether a socket can take a send.
  if (entry.itemsArg >= 0 && !pollReads(argument(site, entry.itemsArg), entry.readEvent))
    return;

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
    if (!entry.factValue.empty()) {
      addFact(key, entry.fact, entry.factValue, site.expr); // nng_req0_open(&s): the call says it
    } else if (value) {
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
  // What the call was given, by object: a delivery listener passed to a
  // publish is how the flow later polls for its acknowledgement.
  for (const Expr *arg : site.args)
    event.args.push_back({{}, isa<CXXDefaultArgExpr>(arg) ? std::string() : objectKey(arg)});
  event.timeout = timeoutOf(entry, site);
  event.timeoutFact = entry.timeoutFact;
  event.waitKind = entry.waitKind;
  event.readyGuard = readinessGuard(site.expr);
  event.marker = entry.marker;
  event.returnsAck = entry.returnsAck;
  event.decidingFact = entry.byFact;
  for (const FactCase &c : entry.cases)
    event.factRoles.emplace_back(c.matches, c.role);
  event.answersWhen = entry.answersWhen;

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


// Inside `if (items[0].revents & ZMQ_POLLIN)` (or a pollfd's revents) a
// poll has already waited: the receive finds its message ready, and the
// poll is what blocks.
std::string FunctionExtractor::readinessGuard(const Expr *call) const {
  class ReadsRevents : public RecursiveASTVisitor<ReadsRevents> {
  public:
    bool found = false;
    bool VisitMemberExpr(MemberExpr *member) {
      if (const IdentifierInfo *id = member->getMemberDecl()->getIdentifier())
        found = found || id->getName() == "revents";
      return !found;
    }
  };
  const Stmt *child = call;
  for (const Stmt *s = parents_->getParent(call); s; child = s, s = parents_->getParent(s)) {
    const auto *branch = dyn_cast<IfStmt>(s);
    if (!branch || branch->getThen() != child)
      continue;
    auto [it, fresh] = reventsChecks_.try_emplace(branch, false);
    if (fresh) {
      ReadsRevents reads;
      reads.TraverseStmt(const_cast<Expr *>(branch->getCond()));
      it->second = reads.found;
    }
    if (it->second) {
      Location at = locationOf(branch->getSourceRange(), ctx_);
      return at.file + ":" + std::to_string(at.line) + ":" + std::to_string(at.column);
    }
  }
  return {};
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


} // namespace flowshape
