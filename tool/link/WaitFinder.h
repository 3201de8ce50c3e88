// Finds, in an expanded flow graph, the blocking operations that follow each
// publish, and tells a reply-wait (with its evidence) from an unrelated
// block, an acknowledgement of the publish, or a sleep pacing a loop.
#pragma once

#include "flowshape/FlowAnalysis.h"

namespace flowshape {

std::vector<WaitAfterPublish> findWaitsAfterPublish(const Program &program, const FlowGraph &graph);

// Marks publishes whose reply the graph itself awaits (and those waits), so
// that callers see a broker request instead of an open publish. Returns
// what findWaitsAfterPublish found (marking does not change it). `placed`,
// for a graph holding bodies of its call cycle: whether each node lies in
// one (path[1] is a function of the cycle); a publish answered inside one
// body is marked answered, as a spliced copy of that body's graph is.
std::vector<WaitAfterPublish> markAnswered(const Program &program, FlowGraph &graph,
                                           const std::vector<bool> *placed = nullptr);

} // namespace flowshape
