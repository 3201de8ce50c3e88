// Loops around events: which loops hold each event, whether a loop can run
// forever, be left from inside, checks a deadline, and what its condition
// polls (the flags, handles and waits that decide when it ends).
#include "extract/LoopAnalysis.h"

#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Regex.h"

#include <cstring>
#include <functional>
#include <optional>
#include <set>

using namespace clang;

namespace flowshape {

namespace {

bool isLoop(const Stmt *s) {
  return isa<WhileStmt>(s) || isa<DoStmt>(s) || isa<ForStmt>(s) || isa<CXXForRangeStmt>(s);
}

const Expr *loopCondition(const Stmt *loop) {
  if (const auto *w = dyn_cast<WhileStmt>(loop))
    return w->getCond();
  if (const auto *d = dyn_cast<DoStmt>(loop))
    return d->getCond();
  if (const auto *f = dyn_cast<ForStmt>(loop))
    return f->getCond();
  return nullptr;
}

std::string calleeName(const CallExpr *call) {
  if (const FunctionDecl *fn = call->getDirectCallee())
    if (fn->getIdentifier())
      return fn->getName().str();
  return {};
}

const Stmt *loopBody(const Stmt *loop) {
  if (const auto *w = dyn_cast<WhileStmt>(loop))
    return w->getBody();
  if (const auto *d = dyn_cast<DoStmt>(loop))
    return d->getBody();
  if (const auto *f = dyn_cast<ForStmt>(loop))
    return f->getBody();
  if (const auto *r = dyn_cast<CXXForRangeStmt>(loop))
    return r->getBody();
  return nullptr;
}

// Can control leave the loop from inside its body (break, return, goto)?
// `nested`: inside an inner loop or switch, where break is not ours.
bool leavesLoop(const Stmt *s, bool nested) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  if (isa<ReturnStmt>(s) || isa<GotoStmt>(s) || isa<CoreturnStmt>(s))
    return true;
  if (isa<BreakStmt>(s))
    return !nested;
  bool inner = nested || isLoop(s) || isa<SwitchStmt>(s);
  for (const Stmt *child : s->children())
    if (leavesLoop(child, inner))
      return true;
  return false;
}

void referencedVars(const Stmt *s, std::set<const ValueDecl *> &out) {
  if (!s)
    return;
  if (const auto *ref = dyn_cast<DeclRefExpr>(s))
    out.insert(ref->getDecl());
  else if (const auto *member = dyn_cast<MemberExpr>(s))
    out.insert(member->getMemberDecl());
  for (const Stmt *child : s->children())
    referencedVars(child, out);
}

bool assigns(const Stmt *s, const std::set<const ValueDecl *> &vars) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  const Expr *target = nullptr;
  if (const auto *op = dyn_cast<BinaryOperator>(s); op && op->isAssignmentOp())
    target = op->getLHS();
  else if (const auto *op = dyn_cast<UnaryOperator>(s); op && op->isIncrementDecrementOp())
    target = op->getSubExpr();
  else if (const auto *op = dyn_cast<CXXOperatorCallExpr>(s); op && op->isAssignmentOp() && op->getNumArgs() > 0)
    target = op->getArg(0);
  if (target) {
    target = target->IgnoreParenImpCasts();
    if (const auto *ref = dyn_cast<DeclRefExpr>(target); ref && vars.count(ref->getDecl()))
      return true;
    if (const auto *member = dyn_cast<MemberExpr>(target); member && vars.count(member->getMemberDecl()))
      return true;
  }
  for (const Stmt *child : s->children())
    if (assigns(child, vars))
      return true;
  return false;
}

// while (!found) { ... found = true; }: the body can end the loop.
bool conditionChangesIn(const Expr *cond, const Stmt *body) {
  std::set<const ValueDecl *> vars;
  referencedVars(cond, vars);
  return !vars.empty() && assigns(body, vars);
}

// What a loop condition polls: the objects whose methods it calls
// (`!listener.is_done()`, `!token->is_complete()`, `producer->outq_len() > 0`)
// and the globals and fields it reads (`!delivered`, `deliveredtoken != token`,
// `!reply_ready_`), which a callback may set. Arguments of calls are not
// polled (`warehouse.picked(order)` polls the warehouse, not the order).
void conditionKeys(const Stmt *s, const std::function<std::string(const Expr *)> &keyOf,
                   std::vector<std::string> &out, bool inArguments = false) {
  if (!s || isa<LambdaExpr>(s))
    return;
  std::string key;
  if (const auto *call = dyn_cast<CXXMemberCallExpr>(s)) {
    key = keyOf(call->getImplicitObjectArgument());
  } else if (!inArguments) {
    if (const auto *ref = dyn_cast<DeclRefExpr>(s)) {
      // Locals too: a callback lambda may set one it captured, and
      // `do { st = f.wait_for(1s); } while (st != ready)` reads the wait's result.
      if (isa<VarDecl>(ref->getDecl()))
        key = keyOf(ref);
    } else if (const auto *member = dyn_cast<MemberExpr>(s); member && isa<FieldDecl>(member->getMemberDecl())) {
      key = keyOf(member);
    }
  }
  if (!key.empty() && std::find(out.begin(), out.end(), key) == out.end())
    out.push_back(key);
  const auto *call = dyn_cast<CallExpr>(s);
  for (const Stmt *child : s->children()) {
    bool argument = call && call->getCallee() != child &&
                    !(isa<CXXMemberCallExpr>(call) && cast<CXXMemberCallExpr>(call)->getImplicitObjectArgument() == child);
    conditionKeys(child, keyOf, out, inArguments || argument);
  }
}

// Does `s` mention a name (declaration, member, string) matching `names`, or
// (with clocks) call a clock? Locals are followed to their initializer:
// `auto id = headers->get("correlation-id"); if (id == expected)`.
bool mentions(const Stmt *s, const llvm::Regex &names, bool clocks, const ASTContext &ctx, int depth = 0) {
  if (!s || isa<LambdaExpr>(s) || depth > 4)
    return false;
  // A macro names what it stands for: rc != ETIMEDOUT.
  if (isa<Expr>(s) && s->getBeginLoc().isMacroID()) {
    llvm::StringRef macro = Lexer::getImmediateMacroName(s->getBeginLoc(), ctx.getSourceManager(), ctx.getLangOpts());
    if (!macro.empty() && names.match(macro))
      return true;
  }
  if (const auto *ref = dyn_cast<DeclRefExpr>(s)) {
    if (ref->getDecl()->getIdentifier() && names.match(ref->getDecl()->getName()))
      return true;
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()))
      if (var->isLocalVarDecl() && var->hasInit() && mentions(var->getInit(), names, clocks, ctx, depth + 1))
        return true;
  } else if (const auto *member = dyn_cast<MemberExpr>(s)) {
    if (member->getMemberDecl()->getIdentifier() && names.match(member->getMemberDecl()->getName()))
      return true;
  } else if (const auto *literal = dyn_cast<StringLiteral>(s)) {
    if ((literal->isOrdinary() || literal->isUTF8()) && names.match(literal->getString()))
      return true;
  } else if (const auto *call = dyn_cast<CallExpr>(s)) {
    std::string name = calleeName(call);
    if (clocks && (name == "now" || name == "time" || name == "clock_gettime" || name == "gettimeofday"))
      return true;
  }
  for (const Stmt *child : s->children())
    if (mentions(child, names, clocks, ctx, depth))
      return true;
  return false;
}

// A run / stop / shutdown flag, named as a whole (running_, g_stop,
// isRunning(), shutdownRequested): not stopPriceReached_ or runningQty_.
bool isLifecycleName(llvm::StringRef name) {
  std::string flat;
  for (char c : name)
    if (c != '_')
      flat += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (name.size() > 2 && name[1] == '_' && llvm::StringRef("mgsMGS").contains(name[0]))
    flat.erase(0, 1); // m_running, g_stop
  for (llvm::StringRef prefix : {"is", "should", "keep"})
    if (flat.size() > prefix.size() && llvm::StringRef(flat).starts_with(prefix)) {
      flat.erase(0, prefix.size());
      break;
    }
  static const llvm::Regex words("^(run|running|stop|stopped|stopping|stoprequested|shutdown|shuttingdown|"
                                 "shutdownrequested|terminate|terminated|terminating|quit|exit|exiting|alive|"
                                 "interrupted|cancelled|canceled)$");
  return words.match(flat);
}

// A loop condition made of lifecycle flags only: while (running_),
// while (!g_stop.load()), while (app.isRunning()). A condition that also
// reads anything else (running_ && !replyReady_) waits for that too.
bool isLifecycleCondition(const Expr *cond) {
  bool lifecycle = false, other = false;
  std::function<void(const Stmt *)> visit = [&](const Stmt *s) {
    if (!s || isa<LambdaExpr>(s))
      return;
    if (const auto *member = dyn_cast<MemberExpr>(s)) {
      const ValueDecl *decl = member->getMemberDecl();
      bool named = decl->getIdentifier() && isLifecycleName(decl->getName());
      if (isa<FieldDecl>(decl)) {
        (named ? lifecycle : other) = true;
      } else if (named) {
        lifecycle = true; // app.isRunning(): the object is what is asked
        return;
      }
    } else if (const auto *ref = dyn_cast<DeclRefExpr>(s)) {
      const ValueDecl *decl = ref->getDecl();
      bool named = decl->getIdentifier() && isLifecycleName(decl->getName());
      if (isa<VarDecl>(decl))
        (named ? lifecycle : other) = true;
      else if (named)
        lifecycle = true; // keep_running()
    }
    for (const Stmt *child : s->children())
      visit(child);
  };
  visit(cond);
  return lifecycle && !other;
}

bool callsSomething(const Stmt *s) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  if (isa<CallExpr>(s))
    return true;
  for (const Stmt *child : s->children())
    if (callsSomething(child))
      return true;
  return false;
}

bool isComparison(const Stmt *s) {
  if (const auto *op = dyn_cast<BinaryOperator>(s))
    return op->isComparisonOp();
  if (isa<CXXRewrittenBinaryOperator>(s))
    return true;
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(s)) {
    switch (op->getOperator()) {
    case OO_EqualEqual:
    case OO_ExclaimEqual:
    case OO_Less:
    case OO_Greater:
    case OO_LessEqual:
    case OO_GreaterEqual:
    case OO_Spaceship:
      return true;
    default:
      return false;
    }
  }
  if (const auto *call = dyn_cast<CallExpr>(s)) {
    std::string name = calleeName(call);
    return name == "strcmp" || name == "strncmp" || name == "memcmp" || name == "strcasecmp" || name == "compare" ||
           name == "equals" || name == "starts_with";
  }
  return false;
}

bool hasComparisonMentioning(const Stmt *s, const llvm::Regex &names, bool clocks, const ASTContext &ctx) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  if (isComparison(s) && mentions(s, names, clocks, ctx))
    return true;
  for (const Stmt *child : s->children())
    if (hasComparisonMentioning(child, names, clocks, ctx))
      return true;
  return false;
}

} // namespace

namespace {

// Whether `e` is the value of a call: the call itself, (n = call(...)), or
// a variable the loop assigns a call's value to (n = zmq_recv(...)).
bool testsCall(const Expr *e, const Stmt *loop) {
  e = e->IgnoreParenImpCasts();
  if (isa<CallExpr>(e))
    return true;
  if (const auto *assign = dyn_cast<BinaryOperator>(e); assign && assign->getOpcode() == BO_Assign)
    return isa<CallExpr>(assign->getRHS()->IgnoreParenImpCasts());
  const auto *ref = dyn_cast<DeclRefExpr>(e);
  if (!ref || !loop)
    return false;
  std::function<bool(const Stmt *)> assigned = [&](const Stmt *s) {
    if (!s || isa<LambdaExpr>(s))
      return false;
    if (const auto *assign = dyn_cast<BinaryOperator>(s); assign && assign->getOpcode() == BO_Assign)
      if (const auto *lhs = dyn_cast<DeclRefExpr>(assign->getLHS()->IgnoreParenImpCasts());
          lhs && lhs->getDecl() == ref->getDecl() && isa<CallExpr>(assign->getRHS()->IgnoreParenImpCasts()))
        return true;
    if (const auto *decl = dyn_cast<DeclStmt>(s))
      for (const Decl *d : decl->decls())
        if (const auto *var = dyn_cast<VarDecl>(d); var == ref->getDecl() && var->getInit() &&
                                                    isa<CallExpr>(var->getInit()->IgnoreParenImpCasts()))
          return true;
    for (const Stmt *child : s->children())
      if (assigned(child))
        return true;
    return false;
  };
  return assigned(loopBody(loop));
}

std::optional<int64_t> integerOf(const Expr *e, const ASTContext &ctx) {
  Expr::EvalResult result;
  if (e->isValueDependent() || !e->EvaluateAsInt(result, ctx))
    return std::nullopt;
  return result.Val.getInt().getExtValue();
}

// A condition that holds while the call it tests succeeds: call(), n > 0,
// n >= 0, n != -1 (one side of && is enough).
bool successTest(const Expr *cond, const Stmt *loop, const ASTContext &ctx) {
  cond = cond->IgnoreParenImpCasts();
  if (const auto *op = dyn_cast<BinaryOperator>(cond)) {
    // One side of &&, as a comparison: a bare call there may be a run flag (is_running(q)).
    if (op->getOpcode() == BO_LAnd)
      return (isa<BinaryOperator>(op->getLHS()->IgnoreParenImpCasts()) && successTest(op->getLHS(), loop, ctx)) ||
             (isa<BinaryOperator>(op->getRHS()->IgnoreParenImpCasts()) && successTest(op->getRHS(), loop, ctx));
    if (!op->isComparisonOp() || !testsCall(op->getLHS(), loop))
      return false;
    auto k = integerOf(op->getRHS(), ctx);
    return k && (((op->getOpcode() == BO_GT || op->getOpcode() == BO_GE) && *k >= 0) ||
                 (op->getOpcode() == BO_NE && *k < 0));
  }
  return isa<CallExpr>(cond) || (isa<BinaryOperator>(cond) && testsCall(cond, loop));
}

// A condition that holds when the call it tests failed: !call(), n < 0,
// n <= 0, n == -1 (one side of || is enough).
bool failureTest(const Expr *cond, const Stmt *loop, const ASTContext &ctx) {
  cond = cond->IgnoreParenImpCasts();
  if (const auto *unary = dyn_cast<UnaryOperator>(cond); unary && unary->getOpcode() == UO_LNot)
    return testsCall(unary->getSubExpr(), loop);
  const auto *op = dyn_cast<BinaryOperator>(cond);
  if (!op)
    return false;
  if (op->getOpcode() == BO_LOr)
    return failureTest(op->getLHS(), loop, ctx) || failureTest(op->getRHS(), loop, ctx);
  if (!op->isComparisonOp() || !testsCall(op->getLHS(), loop))
    return false;
  auto k = integerOf(op->getRHS(), ctx);
  return k && (((op->getOpcode() == BO_LT || op->getOpcode() == BO_LE) && *k <= 0) ||
               (op->getOpcode() == BO_EQ && *k < 0)); // == 0 is success for status codes (NATS_OK)
}

// A break or return that always runs (not one behind a further test).
bool leavesAtOnce(const Stmt *s) {
  if (isa_and_nonnull<BreakStmt, ReturnStmt>(s))
    return true;
  if (const auto *block = dyn_cast_or_null<CompoundStmt>(s))
    return std::any_of(block->body_begin(), block->body_end(), [](const Stmt *c) { return isa<BreakStmt, ReturnStmt>(c); });
  return false;
}

// A retry or gather loop left when a call in it fails or times out:
// if (!sock.recv(msg)) break; if ((n = zmq_recv(...)) < 0) return n;
bool leftOnFailure(const Stmt *s, const Stmt *loop, const ASTContext &ctx) {
  if (!s || isa<LambdaExpr>(s) || (s != loopBody(loop) && isLoop(s)))
    return false;
  if (const auto *branch = dyn_cast<IfStmt>(s))
    if (branch->getCond() && failureTest(branch->getCond(), loop, ctx) && leavesAtOnce(branch->getThen()))
      return true;
  for (const Stmt *child : s->children())
    if (leftOnFailure(child, loop, ctx))
      return true;
  return false;
}

} // namespace

LoopIds assignLoops(const Stmt *body, const ParentMap &parents, ASTContext &ctx, const StmtEvents &events,
                    FunctionSummary &summary, const std::function<std::string(const Expr *)> &keyOf) {
  static const llvm::Regex deadline("deadline|expir|attempt|retr(y|ies)|tries|elapsed|timeout|timed_?out",
                                    llvm::Regex::IgnoreCase);
  static const llvm::Regex correlation("corr(elation)?[-_]?id|correlation", llvm::Regex::IgnoreCase);
  llvm::DenseMap<const Stmt *, uint32_t> loopIds;
  std::vector<const Stmt *> loopStmts;

  auto loopId = [&](const Stmt *loop) {
    auto it = loopIds.find(loop);
    if (it != loopIds.end())
      return it->second;
    auto id = static_cast<uint32_t>(summary.loops.size());
    loopIds[loop] = id;
    loopStmts.push_back(loop);
    Loop info;
    info.loc = locationOf(SourceRange(loop->getBeginLoc(), loop->getBeginLoc()), ctx);
    if (!isa<CXXForRangeStmt>(loop)) {
      const Expr *cond = loopCondition(loop);
      bool forever = !cond;
      bool value = false;
      if (cond && !cond->isValueDependent() && cond->EvaluateAsBooleanCondition(value, ctx))
        forever = value;
      // A deadline or attempt counter checked in the loop bounds it.
      info.deadline = hasComparisonMentioning(loop, deadline, /*clocks=*/true, ctx);
      info.unbounded = forever && !info.deadline;
      // A condition that asks again each time (while (!c.try_consume_message_for(&m, 1s)))
      // ends the loop by itself.
      bool asks = cond && !isa<CallExpr>(cond->IgnoreParenImpCasts()) && callsSomething(cond);
      info.exits = leavesLoop(loopBody(loop), false) ||
                   (!forever && cond && (asks || conditionChangesIn(cond, loopBody(loop))));
    } else {
      info.exits = leavesLoop(loopBody(loop), false);
    }
    if (const Expr *cond = loopCondition(loop)) {
      conditionKeys(cond, keyOf, info.conditionKeys);
      info.whileCallSucceeds = successTest(cond, loop, ctx);
      info.lifecycle = isLifecycleCondition(cond);
    }
    // A gather loop: while (true) { if (!sock.recv(msg)) break; ... }.
    info.whileCallSucceeds = info.whileCallSucceeds || leftOnFailure(loopBody(loop), loop, ctx);
    summary.loops.push_back(info);
    return id;
  };

  for (const auto &[stmt, indices] : events) {
    std::vector<uint32_t> ids;
    for (const Stmt *s = parents.getParent(stmt); s && s != body; s = parents.getParent(s))
      if (isLoop(s))
        ids.push_back(loopId(s));
    std::reverse(ids.begin(), ids.end());
    for (uint32_t index : indices)
      summary.events[index].loops = ids;
  }
  // Loop ids follow first discovery, which follows DenseMap order: renumber
  // by source position so summaries are deterministic.
  std::vector<uint32_t> order(summary.loops.size());
  for (uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return summary.loops[a].loc < summary.loops[b].loc; });
  std::vector<uint32_t> rename(order.size());
  std::vector<Loop> sorted;
  std::vector<const Stmt *> sortedStmts;
  for (uint32_t i = 0; i < order.size(); ++i) {
    rename[order[i]] = i;
    sorted.push_back(summary.loops[order[i]]);
    sortedStmts.push_back(loopStmts[order[i]]);
  }
  summary.loops = std::move(sorted);
  for (Event &event : summary.events) {
    for (uint32_t &id : event.loops)
      id = rename[id];
    // A receive in a loop that compares correlation ids waits for one reply.
    if (event.role == Role::Receive && event.kind == EventKind::Interaction && !event.loops.empty())
      event.correlationLoop = hasComparisonMentioning(sortedStmts[event.loops.back()], correlation, false, ctx);
  }
  LoopIds ids;
  for (uint32_t i = 0; i < sortedStmts.size(); ++i)
    ids[sortedStmts[i]] = i;
  return ids;
}


} // namespace flowshape
