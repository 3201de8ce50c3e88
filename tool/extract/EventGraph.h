// Orders a function's events along its CFG. The CFG is condensed to the
// events: which event can directly follow which, distinguishing paths that
// take a loop back edge (the next iteration) from those that do not.
#pragma once

#include "extract/FunctionExtractor.h"

namespace flowshape {

void buildEventGraph(const clang::FunctionDecl *fn, clang::ASTContext &ctx, const StmtEvents &events,
                     FunctionSummary &summary);

// Records, for each event, the loops around it (outermost first), whether
// each loop can run forever, and whether a receive sits in a loop that
// compares correlation ids.
void assignLoops(const clang::Stmt *body, const clang::ParentMap &parents, clang::ASTContext &ctx,
                 const StmtEvents &events, FunctionSummary &summary);

} // namespace flowshape
