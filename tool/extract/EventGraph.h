// Orders a function's events along its CFG. The CFG is condensed to the
// events: which event can directly follow which, distinguishing paths that
// take a loop back edge (the next iteration) from those that do not.
#pragma once

#include "extract/FunctionExtractor.h"

#include <functional>

namespace flowshape {

// Loop statements that hold events, and their ids in FunctionSummary::loops.
using LoopIds = llvm::DenseMap<const clang::Stmt *, uint32_t>;

void buildEventGraph(const clang::FunctionDecl *fn, clang::ASTContext &ctx, const StmtEvents &events,
                     const LoopIds &loops, FunctionSummary &summary);

// Records, for each event, the loops around it (outermost first), whether
// each loop can run forever or be left from inside, and whether a receive
// sits in a loop that compares correlation ids.
// `keyOf` names the objects a loop condition reads (Loop::conditionKeys).
LoopIds assignLoops(const clang::Stmt *body, const clang::ParentMap &parents, clang::ASTContext &ctx,
                    const StmtEvents &events, FunctionSummary &summary,
                    const std::function<std::string(const clang::Expr *)> &keyOf);

} // namespace flowshape
