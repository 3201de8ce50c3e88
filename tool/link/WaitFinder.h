// Finds, in an expanded flow graph, the blocking operations that follow each
// publish, and tells a reply-wait (with its evidence) from an unrelated
// block, an acknowledgement of the publish, or a sleep pacing a loop.
#pragma once

#include "flowshape/FlowAnalysis.h"

namespace flowshape {

std::vector<WaitAfterPublish> findWaitsAfterPublish(const Program &program, const FlowGraph &graph);

// Marks publishes whose reply the graph itself awaits (and those waits), so
// that callers see a broker request instead of an open publish. Returns
// what findWaitsAfterPublish found (marking does not change it).
std::vector<WaitAfterPublish> markAnswered(const Program &program, FlowGraph &graph);

// Marks the publishes that a body of the graph's own call cycle placed in
// it answers (the publish and its reply-wait both in the body of one
// function of the cycle, below one call of the graph's function) as
// answered, and those waits as their replies: to the graph's function that
// call is a broker request, as it is when a callee's graph is spliced in.
// `placed`: whether each node lies in such a body (path[1] is a function
// of the cycle).
void markAnsweredInPlacedBodies(const Program &program, FlowGraph &graph, const std::vector<bool> &placed);

} // namespace flowshape
