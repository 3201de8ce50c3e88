// The loops of a function body around its events (Loop in Summary.h).
#pragma once

#include "extract/EventGraph.h"

#include <functional>

namespace flowshape {

// Records, for each event, the loops around it (outermost first), whether
// each loop can run forever or be left from inside, and whether a receive
// sits in a loop that compares correlation ids.
// `keyOf` names the objects a loop condition reads (Loop::conditionKeys).
LoopIds assignLoops(const clang::Stmt *body, const clang::ParentMap &parents, clang::ASTContext &ctx,
                    const StmtEvents &events, FunctionSummary &summary,
                    const std::function<std::string(const clang::Expr *)> &keyOf);

} // namespace flowshape
