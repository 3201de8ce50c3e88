// Orders a function's events along its CFG. The CFG is condensed to the
// events: which event can directly follow which, distinguishing paths that
// take a loop back edge (the next iteration) from those that do not.
#pragma once

#include "extract/FunctionExtractor.h"

namespace flowshape {

// Loop statements that hold events, and their ids in FunctionSummary::loops.
using LoopIds = llvm::DenseMap<const clang::Stmt *, uint32_t>;

void buildEventGraph(const clang::FunctionDecl *fn, clang::ASTContext &ctx, const StmtEvents &events,
                     const LoopIds &loops, FunctionSummary &summary);

} // namespace flowshape
