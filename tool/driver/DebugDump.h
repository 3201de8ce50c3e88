// FLOWSHAPE_DEBUG=1 prints every function's events and expanded flow graph
// to stderr: for developing catalogs and rules, not for users.
#pragma once

#include "flowshape/FlowAnalysis.h"

namespace flowshape {

void dumpFlow(const FunctionSummary &fn, const FlowAnalysis &flow);

} // namespace flowshape
