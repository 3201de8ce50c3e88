#include "extract/EventGraph.h"

#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Regex.h"

#include <cstring>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

using namespace clang;

namespace flowshape {

namespace {

const Stmt *stmtOf(const CFGElement &element) {
  if (auto s = element.getAs<CFGStmt>())
    return s->getStmt();
  return nullptr;
}

// Events in source order, for functions whose CFG cannot be built.
void linearOrder(FunctionSummary &summary) {
  size_t n = summary.events.size();
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return summary.events[a].loc < summary.events[b].loc; });
  summary.entry = {order.front()};
  for (size_t i = 0; i + 1 < n; ++i)
    summary.next[order[i]].push_back({order[i + 1], {}});
  summary.exits[order.back()] = true;
  summary.emptyPath = false;
}

using LoopSet = std::vector<uint32_t>; // sorted loop ids

LoopSet with(LoopSet set, uint32_t loop) {
  auto it = std::lower_bound(set.begin(), set.end(), loop);
  if (it == set.end() || *it != loop)
    set.insert(it, loop);
  return set;
}

// Adds an edge unless one with a subset of its loops exists (a path that
// iterates fewer loops says more); drops edges the new one makes redundant.
void addEdge(std::vector<Edge> &edges, uint32_t to, const LoopSet &loops) {
  for (const Edge &e : edges)
    if (e.to == to && std::includes(loops.begin(), loops.end(), e.loops.begin(), e.loops.end()))
      return;
  edges.erase(std::remove_if(edges.begin(), edges.end(),
                             [&](const Edge &e) {
                               return e.to == to && std::includes(e.loops.begin(), e.loops.end(), loops.begin(), loops.end());
                             }),
              edges.end());
  edges.push_back({to, loops});
}

class Condenser {
public:
  Condenser(const CFG &cfg, const StmtEvents &events, const LoopIds &loopIds, FunctionSummary &summary)
      : cfg_(cfg), loopIds_(loopIds), summary_(summary), blockEvents_(cfg.getNumBlockIDs()) {
    std::vector<bool> placed(summary.events.size(), false);
    for (const CFGBlock *block : cfg) {
      for (const CFGElement &element : *block) {
        const Stmt *stmt = stmtOf(element);
        if (!stmt)
          continue;
        auto it = events.find(stmt);
        if (it == events.end())
          continue;
        for (uint32_t index : it->second)
          if (!placed[index]) {
            placed[index] = true;
            blockEvents_[block->getBlockID()].push_back(index);
          }
      }
    }
    for (uint32_t i = 0; i < placed.size(); ++i)
      if (!placed[i])
        unplaced_.push_back(i);
    findBackEdges();
  }

  void run() {
    // Inside a block, events follow each other directly.
    for (const auto &list : blockEvents_)
      for (size_t i = 0; i + 1 < list.size(); ++i)
        addEdge(summary_.next[list[i]], list[i + 1], {});
    for (const CFGBlock *block : cfg_) {
      const auto &list = blockEvents_[block->getBlockID()];
      if (list.empty())
        continue;
      Reach reach = explore(block);
      for (const auto &[event, loops] : reach.events)
        addEdge(summary_.next[list.back()], event, loops);
      if (reach.exit)
        summary_.exits[list.back()] = true;
    }
    const CFGBlock &entry = cfg_.getEntry();
    Reach start;
    if (!blockEvents_[entry.getBlockID()].empty())
      start.events.insert({blockEvents_[entry.getBlockID()].front(), {}});
    else
      start = explore(&entry);
    for (const auto &[event, loops] : start.events)
      if (std::find(summary_.entry.begin(), summary_.entry.end(), event) == summary_.entry.end())
        summary_.entry.push_back(event);
    std::sort(summary_.entry.begin(), summary_.entry.end());
    summary_.emptyPath = start.exit;
    // Events the CFG does not show (rare: unevaluated or implicit code) can
    // happen, but in no known order: they never take part in a sequence.
    for (uint32_t index : unplaced_) {
      summary_.entry.push_back(index);
      summary_.exits[index] = true;
    }
  }

private:
  struct Reach {
    std::set<std::pair<uint32_t, LoopSet>> events; // (first event, loops iterated on the way)
    bool exit = false;
  };

  // The loop a back edge belongs to: the block that loops back names it
  // (Clang's loop target), else the loop statement that the target block or
  // the source block terminates (while/for conditions, do-while).
  std::optional<uint32_t> loopOf(const CFGBlock *from, const CFGBlock *to) const {
    for (const Stmt *candidate : {from->getLoopTarget(), to->getTerminatorStmt(), from->getTerminatorStmt()}) {
      if (!candidate)
        continue;
      auto it = loopIds_.find(candidate);
      if (it != loopIds_.end())
        return it->second;
    }
    return std::nullopt;
  }

  // Retreating edges of a depth-first search from the entry: the loop back
  // edges, also for loops made with goto.
  void findBackEdges() {
    enum Color { White, Grey, Black };
    std::vector<Color> color(cfg_.getNumBlockIDs(), White);
    struct Frame {
      const CFGBlock *block;
      CFGBlock::const_succ_iterator next;
    };
    std::vector<Frame> stack;
    const CFGBlock *entry = &cfg_.getEntry();
    color[entry->getBlockID()] = Grey;
    stack.push_back({entry, entry->succ_begin()});
    while (!stack.empty()) {
      Frame &top = stack.back();
      if (top.next == top.block->succ_end()) {
        color[top.block->getBlockID()] = Black;
        stack.pop_back();
        continue;
      }
      const CFGBlock *succ = top.next->getReachableBlock();
      ++top.next;
      if (!succ)
        continue;
      Color c = color[succ->getBlockID()];
      if (c == Grey) {
        auto loop = loopOf(top.block, succ);
        backEdges_[{top.block->getBlockID(), succ->getBlockID()}] = loop ? int(*loop) : -1;
      } else if (c == White) {
        color[succ->getBlockID()] = Grey;
        stack.push_back({succ, succ->succ_begin()});
      }
    }
  }

  LoopSet step(const LoopSet &loops, const CFGBlock *from, const CFGBlock *to) const {
    auto it = backEdges_.find({from->getBlockID(), to->getBlockID()});
    if (it == backEdges_.end() || it->second < 0)
      return loops; // not a back edge, or a loop without events (it holds nothing to tell apart)
    return with(loops, static_cast<uint32_t>(it->second));
  }

  // The first events met on every path that leaves `from`.
  Reach explore(const CFGBlock *from) const {
    Reach reach;
    std::set<std::pair<unsigned, LoopSet>> seen;
    std::deque<std::pair<const CFGBlock *, LoopSet>> queue;
    auto push = [&](const CFGBlock *block, LoopSet loops) {
      if (block && seen.insert({block->getBlockID(), loops}).second)
        queue.emplace_back(block, std::move(loops));
    };
    for (auto it = from->succ_begin(); it != from->succ_end(); ++it)
      if (const CFGBlock *succ = it->getReachableBlock())
        push(succ, step({}, from, succ));
    while (!queue.empty()) {
      auto [block, loops] = queue.front();
      queue.pop_front();
      const auto &list = blockEvents_[block->getBlockID()];
      if (!list.empty()) {
        reach.events.insert({list.front(), loops});
        continue;
      }
      if (block == &cfg_.getExit()) {
        reach.exit = true;
        continue;
      }
      for (auto it = block->succ_begin(); it != block->succ_end(); ++it)
        if (const CFGBlock *succ = it->getReachableBlock())
          push(succ, step(loops, block, succ));
    }
    return reach;
  }

  const CFG &cfg_;
  const LoopIds &loopIds_;
  FunctionSummary &summary_;
  std::vector<std::vector<uint32_t>> blockEvents_;
  std::vector<uint32_t> unplaced_;
  std::map<std::pair<unsigned, unsigned>, int> backEdges_; // -> loop id, -1 when unknown
};

// --- loops -------------------------------------------------------------

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

void buildEventGraph(const FunctionDecl *fn, ASTContext &ctx, const StmtEvents &events, const LoopIds &loops,
                     FunctionSummary &summary) {
  size_t n = summary.events.size();
  summary.next.assign(n, {});
  summary.exits.assign(n, false);
  summary.entry.clear();
  summary.emptyPath = true;
  if (n == 0)
    return;
  CFG::BuildOptions options;
  options.setAllAlwaysAdd();
  options.AddInitializers = true;
  options.AddImplicitDtors = false;
  options.AddTemporaryDtors = false;
  options.AddCXXDefaultInitExprInCtors = true;
  options.PruneTriviallyFalseEdges = true;
  std::unique_ptr<CFG> cfg = CFG::buildCFG(fn, fn->getBody(), &ctx, options);
  if (!cfg) {
    linearOrder(summary);
    return;
  }
  Condenser(*cfg, events, loops, summary).run();
  for (auto &list : summary.next)
    std::sort(list.begin(), list.end(), [](const Edge &a, const Edge &b) {
      return std::tie(a.to, a.loops) < std::tie(b.to, b.loops);
    });
}

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
      info.whileCallSucceeds = isa<CallExpr>(cond->IgnoreParenImpCasts());
      info.lifecycle = isLifecycleCondition(cond);
    }
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
