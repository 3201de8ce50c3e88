#include "flowshape/FlowAnalysis.h"

#include "link/WaitFinder.h"

namespace flowshape {

FlowAnalysis analyzeFlow(const Program &program, const FunctionSummary &fn) {
  FlowAnalysis flow;
  flow.function = &fn;
  flow.graph = &program.graph(fn);
  flow.waits = flow.graph->waits ? *flow.graph->waits : findWaitsAfterPublish(program, *flow.graph);
  flow.consumerCallback = program.isConsumerCallback(fn.usr);
  return flow;
}

std::string describeNode(const FlowNode &node) {
  const Event &e = node.event();
  std::string out = roleName(node.role);
  if (!node.destination.empty())
    out += (node.role == Role::Publish || node.role == Role::BrokerRequest ? " to '" : " on '") + node.destination + "'";
  out += " via " + e.api;
  return out;
}

Evidence evidenceFor(const FlowNode &node, const std::string &kind, const std::string &message) {
  const Event &e = node.event();
  Evidence evidence;
  evidence.kind = kind;
  evidence.role = roleName(node.role);
  evidence.loc = e.loc;
  evidence.api = e.api;
  evidence.message = message;
  evidence.text = e.text;
  evidence.via = node.via();
  return evidence;
}

} // namespace flowshape
