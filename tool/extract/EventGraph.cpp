#include "extract/EventGraph.h"

#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/Support/Regex.h"

#include <deque>
#include <set>

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
    summary.next[order[i]].push_back(order[i + 1]);
  summary.exits[order.back()] = true;
  summary.emptyPath = false;
}

class Condenser {
public:
  Condenser(const CFG &cfg, const StmtEvents &events, FunctionSummary &summary)
      : cfg_(cfg), summary_(summary), blockEvents_(cfg.getNumBlockIDs()) {
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
        summary_.next[list[i]].push_back(list[i + 1]);
    for (const CFGBlock *block : cfg_) {
      const auto &list = blockEvents_[block->getBlockID()];
      if (list.empty())
        continue;
      Reach reach = explore(block);
      link(list.back(), reach);
    }
    const CFGBlock &entry = cfg_.getEntry();
    Reach start;
    if (!blockEvents_[entry.getBlockID()].empty())
      start.events.insert({blockEvents_[entry.getBlockID()].front(), false});
    else
      start = explore(&entry);
    for (const auto &[event, crossed] : start.events)
      if (std::find(summary_.entry.begin(), summary_.entry.end(), event) == summary_.entry.end())
        summary_.entry.push_back(event);
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
    std::set<std::pair<uint32_t, bool>> events; // (first event, through a back edge)
    bool exit = false;
  };

  bool isBack(const CFGBlock *from, const CFGBlock *to) const {
    return backEdges_.count({from->getBlockID(), to->getBlockID()}) != 0;
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
      if (c == Grey)
        backEdges_.insert({top.block->getBlockID(), succ->getBlockID()});
      else if (c == White) {
        color[succ->getBlockID()] = Grey;
        stack.push_back({succ, succ->succ_begin()});
      }
    }
  }

  // The first events met on every path that leaves `from`.
  Reach explore(const CFGBlock *from) const {
    Reach reach;
    std::set<std::pair<unsigned, bool>> seen;
    std::deque<std::pair<const CFGBlock *, bool>> queue;
    auto push = [&](const CFGBlock *block, bool crossed) {
      if (block && seen.insert({block->getBlockID(), crossed}).second)
        queue.emplace_back(block, crossed);
    };
    for (auto it = from->succ_begin(); it != from->succ_end(); ++it)
      if (const CFGBlock *succ = it->getReachableBlock())
        push(succ, isBack(from, succ));
    while (!queue.empty()) {
      auto [block, crossed] = queue.front();
      queue.pop_front();
      const auto &list = blockEvents_[block->getBlockID()];
      if (!list.empty()) {
        reach.events.insert({list.front(), crossed});
        continue;
      }
      if (block == &cfg_.getExit()) {
        reach.exit = true;
        continue;
      }
      for (auto it = block->succ_begin(); it != block->succ_end(); ++it)
        if (const CFGBlock *succ = it->getReachableBlock())
          push(succ, crossed || isBack(block, succ));
    }
    return reach;
  }

  void link(uint32_t from, const Reach &reach) {
    for (const auto &[event, crossed] : reach.events) {
      if (!crossed) {
        summary_.next[from].push_back(event);
      } else if (!reach.events.count({event, false})) {
        summary_.nextBack[from].push_back(event);
      }
    }
    if (reach.exit)
      summary_.exits[from] = true;
  }

  const CFG &cfg_;
  FunctionSummary &summary_;
  std::vector<std::vector<uint32_t>> blockEvents_;
  std::vector<uint32_t> unplaced_;
  std::set<std::pair<unsigned, unsigned>> backEdges_;
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

// Does `s` mention a name (declaration, member, string) matching `names`, or
// (with clocks) call a clock?
bool mentions(const Stmt *s, const llvm::Regex &names, bool clocks) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  if (const auto *ref = dyn_cast<DeclRefExpr>(s)) {
    if (names.match(ref->getDecl()->getName()))
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
    if (mentions(child, names, clocks))
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

bool hasComparisonMentioning(const Stmt *s, const llvm::Regex &names, bool clocks) {
  if (!s || isa<LambdaExpr>(s))
    return false;
  if (isComparison(s) && mentions(s, names, clocks))
    return true;
  for (const Stmt *child : s->children())
    if (hasComparisonMentioning(child, names, clocks))
      return true;
  return false;
}

} // namespace

void buildEventGraph(const FunctionDecl *fn, ASTContext &ctx, const StmtEvents &events, FunctionSummary &summary) {
  size_t n = summary.events.size();
  summary.next.assign(n, {});
  summary.nextBack.assign(n, {});
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
  Condenser(*cfg, events, summary).run();
  for (auto *lists : {&summary.next, &summary.nextBack})
    for (auto &list : *lists) {
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
}

void assignLoops(const Stmt *body, const ParentMap &parents, ASTContext &ctx, const StmtEvents &events,
                 FunctionSummary &summary) {
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
      info.unbounded = forever && !hasComparisonMentioning(loop, deadline, /*clocks=*/true);
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
      event.correlationLoop = hasComparisonMentioning(sortedStmts[event.loops.back()], correlation, false);
  }
}

} // namespace flowshape
