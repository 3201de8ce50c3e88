#include "driver/DebugDump.h"

#include "llvm/Support/raw_ostream.h"

namespace flowshape {

void dumpFlow(const FunctionSummary &fn, const FlowAnalysis &flow) {
  auto &os = llvm::errs();
  os << "== " << fn.name << " (" << fn.loc.file << ":" << fn.loc.line << ")\n";
  for (size_t i = 0; i < fn.events.size(); ++i) {
    const Event &e = fn.events[i];
    os << "  event " << i << " line " << e.loc.line << ": "
       << (e.kind == EventKind::Call       ? "call " + e.calleeName
           : e.kind == EventKind::Junction ? std::string("junction")
                                           : std::string(roleName(e.role)) + " " + e.api)
       << " object=" << e.object << " result=" << e.result << " dest=" << e.destination << "/" << e.destinationKey
       << " timeout=" << timeoutName(e.timeout) << " loops=[";
    for (uint32_t l : e.loops)
      os << l << " ";
    os << "] ->";
    for (const Edge &edge : fn.next[i]) {
      os << " " << edge.to;
      if (!edge.loops.empty()) {
        os << "(back";
        for (uint32_t l : edge.loops)
          os << " " << l;
        os << ")";
      }
    }
    os << (fn.exits[i] ? " exit" : "") << "\n";
  }
  const FlowGraph &g = *flow.graph;
  for (size_t n = 0; n < g.nodes.size(); ++n) {
    const FlowNode &node = g.nodes[n];
    if (node.silent()) {
      os << "  node " << n << ": junction depth " << node.path.size() << " ->";
      for (const FlowEdge &edge : g.next[n])
        os << " " << edge.to << (edge.loops.empty() ? "" : "(back)");
      os << "\n";
      continue;
    }
    os << "  node " << n << ": " << roleName(node.role) << " " << node.event().api << " line " << node.event().loc.line
       << " depth " << node.path.size() << (node.answered ? " answered" : "") << " ->";
    for (const FlowEdge &edge : g.next[n]) {
      os << " " << edge.to;
      if (!edge.loops.empty())
        os << "(back)";
    }
    os << "\n";
  }
  for (const WaitAfterPublish &w : flow.waits)
    os << "  wait node " << w.wait << (w.verdict == WaitVerdict::Reply ? " reply " : " block ") << w.strength
       << (w.ownedByFlow ? " owned" : " callee") << "\n";
}

} // namespace flowshape
