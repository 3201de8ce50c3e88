// The link on a deep program built in memory: long call chains and stacked
// diamonds (2^40 call paths) between a publish at the leaves and a wait at
// the roots. The finding must be found at every root, and nowhere else.
#include "ProjectFixture.h"

#include "driver/Analysis.h"
#include "flowshape/FlowAnalysis.h"
#include "flowshape/Program.h"
#include "flowshape/Report.h"
#include "link/GraphBuilder.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>

namespace flowshape {
namespace {

const char *kFile = "/deep/program.cpp";

struct ProgramBuilder {
  TranslationUnitSummary unit;
  unsigned line = 1;

  FunctionSummary &function(const std::string &name) {
    FunctionSummary fn;
    fn.usr = "c:@F@" + name;
    fn.name = name;
    fn.loc = {kFile, line++, 1};
    unit.functions.push_back(std::move(fn));
    return unit.functions.back();
  }
  Event call(const std::string &callee) {
    Event e;
    e.kind = EventKind::Call;
    e.loc = {kFile, line++, 3};
    e.callee = "c:@F@" + callee;
    e.calleeName = callee;
    e.text = callee + "()";
    return e;
  }
  Event interaction(Role role, const std::string &api) {
    Event e;
    e.role = role;
    e.api = api;
    e.loc = {kFile, line++, 3};
    e.text = api + "(...)";
    return e;
  }
  // The program built so far, as one extracted translation unit.
  ExtractedUnits units() {
    unit.mainFile = kFile;
    ExtractedUnits out;
    out.root = "/deep";
    out.files = 1;
    out.units.push_back(std::move(unit));
    return out;
  }
  // The events of `fn` in sequence; `alternatives` makes event i and i+1
  // two branches (both follow i-1, both lead to i+2).
  static void sequence(FunctionSummary &fn, std::vector<Event> events, bool alternatives = false) {
    fn.events = std::move(events);
    size_t n = fn.events.size();
    fn.next.assign(n, {});
    fn.exits.assign(n, false);
    fn.emptyPath = false;
    if (alternatives) { // two calls, either of which runs
      fn.entry = {0, 1};
      fn.exits = {true, true};
      return;
    }
    fn.entry = {0};
    for (uint32_t i = 0; i + 1 < n; ++i)
      fn.next[i].push_back({i + 1, {}});
    fn.exits[n - 1] = true;
  }
};

struct Expected {
  std::set<std::string> syncRoots;    // flows that must report sync-over-queue
  std::set<std::string> cleanRoots;   // look-alike flows that must not
  std::map<std::string, unsigned> waitLine;
};

// root: calls `callee` and then waits on a future (a reply-wait when a
// reply marker is in the flow), or waits first (a look-alike that is fine).
void addWaitingRoot(ProgramBuilder &b, Expected &x, const std::string &root, const std::string &callee,
                    bool waitFirst) {
  FunctionSummary &fn = b.function(root);
  Event wait = b.interaction(Role::Wait, "std::future::get");
  wait.waitKind = "future";
  wait.object = "c:@F@" + root + "@reply";
  wait.timeout = Timeout::Bounded;
  Event call = b.call(callee);
  if (waitFirst) {
    ProgramBuilder::sequence(fn, {wait, call});
    x.cleanRoots.insert(root);
  } else {
    ProgramBuilder::sequence(fn, {call, wait});
    x.syncRoots.insert(root);
    x.waitLine[root] = fn.events[1].loc.line;
  }
}

// chain: root -> c1 -> ... -> leaf (publish, reply marker); root waits after the call.
void addChain(ProgramBuilder &b, Expected &x, const std::string &id, int length, bool waitFirst) {
  std::string root = id + "_root";
  for (int k = length - 1; k >= 1; --k) {
    std::string name = id + "_" + std::to_string(k);
    FunctionSummary &fn = b.function(name);
    if (k == length - 1) {
      Event marker = b.interaction(Role::ReplyMarker, "AMQP::Envelope::setReplyTo");
      marker.marker = "reply-to";
      Event publish = b.interaction(Role::Publish, "AMQP::Channel::publish");
      publish.destination = id + ".requested";
      ProgramBuilder::sequence(fn, {marker, publish});
    } else {
      ProgramBuilder::sequence(fn, {b.call(id + "_" + std::to_string(k + 1))});
    }
  }
  addWaitingRoot(b, x, root, id + "_1", waitFirst);
}

// diamond: root -> {a0, b0}; aK, bK -> {aK+1, bK+1}; the last layer -> leaf.
void addDiamond(ProgramBuilder &b, Expected &x, const std::string &id, int layers) {
  std::string leaf = id + "_leaf";
  {
    FunctionSummary &fn = b.function(leaf);
    Event marker = b.interaction(Role::ReplyMarker, "AMQP::Envelope::setCorrelationID");
    marker.marker = "correlation-id";
    Event publish = b.interaction(Role::Publish, "AMQP::Channel::publish");
    publish.destination = id + ".requested";
    ProgramBuilder::sequence(fn, {marker, publish});
  }
  for (int k = layers - 1; k >= 0; --k)
    for (const char *side : {"a", "b"}) {
      FunctionSummary &fn = b.function(id + "_" + side + std::to_string(k));
      if (k == layers - 1)
        ProgramBuilder::sequence(fn, {b.call(leaf)});
      else
        ProgramBuilder::sequence(fn, {b.call(id + "_a" + std::to_string(k + 1)),
                                      b.call(id + "_b" + std::to_string(k + 1))},
                                 /*alternatives=*/true);
    }
  std::string root = id + "_root";
  FunctionSummary &fn = b.function(root);
  Event wait = b.interaction(Role::Wait, "std::future::get");
  wait.waitKind = "future";
  wait.object = "c:@F@" + root + "@reply";
  wait.timeout = Timeout::Bounded;
  FunctionSummary &r = fn;
  ProgramBuilder::sequence(r, {b.call(id + "_a0"), wait});
  x.syncRoots.insert(root);
  x.waitLine[root] = r.events[1].loc.line;
}

TEST(DeepLink, ChainsAndDiamondsOfTwoThousandFunctions) {
  ProgramBuilder b;
  Expected x;
  // 8 chains of 120 functions (one a look-alike that waits before it
  // publishes) and 12 diamonds of 40 layers (81 functions, 2^40 paths).
  for (int c = 0; c < 8; ++c)
    addChain(b, x, "chain" + std::to_string(c), 120, /*waitFirst=*/c == 7);
  for (int d = 0; d < 12; ++d)
    addDiamond(b, x, "diamond" + std::to_string(d), 40);
  ASSERT_GE(b.unit.functions.size(), 1900u);
  ExtractedUnits units = b.units();
  size_t functions = units.units[0].functions.size();
  Report report = reportUnits(std::move(units), "");
  // Bottom-up, each function's graph is built once and reused by every
  // caller (no cycles here), and merging keeps the interactions of each
  // small: at most one node per interaction (two in a leaf, one wait in a
  // root) and six-level call prefix (2^6 in a diamond), not one per path.
  // Junctions of callees are copied only down to the same depth, so they are
  // bounded alike (130,392 of 240,596 nodes when this was written; 2,065,752
  // of 2,175,956 when every junction of every callee was copied).
  EXPECT_EQ(report.link.graphs, functions);
  EXPECT_LE(report.link.nodes - report.link.silent, functions * (2u * 64u + 2u));
  EXPECT_LE(report.link.nodes, functions * (2u * 64u + 2u));
  for (const FlowReport &flow : report.flows)
    EXPECT_FALSE(flow.truncated) << flow.function;

  std::set<std::string> reported;
  for (const Finding &f : report.findings) {
    if (f.rule != "sync-over-queue") {
      ADD_FAILURE() << "unexpected " << f.rule << " in " << f.function;
      continue;
    }
    EXPECT_TRUE(x.syncRoots.count(f.function)) << "unexpected finding in " << f.function;
    EXPECT_EQ(f.loc.line, x.waitLine[f.function]) << f.function;
    reported.insert(f.function);
  }
  for (const std::string &root : x.syncRoots)
    EXPECT_TRUE(reported.count(root)) << "missed the reply-wait of " << root;

  std::map<std::string, Shape> shapes;
  for (const FlowReport &flow : report.flows)
    shapes[flow.function] = flow.shape;
  for (const std::string &root : x.syncRoots)
    EXPECT_EQ(shapes[root], Shape::MessagingRequestReply) << root;
  for (const std::string &root : x.cleanRoots)
    EXPECT_EQ(shapes[root], Shape::EventDriven) << root;
  EXPECT_EQ(shapes["chain0_60"], Shape::EventDriven);
  EXPECT_EQ(shapes["diamond0_a20"], Shape::EventDriven);
}

// One diamond of `layers` layers, in a program of its own.
ExtractedUnits diamondProgram(int layers, Expected &x) {
  ProgramBuilder b;
  addDiamond(b, x, "diamond", layers);
  return b.units();
}

// The root's graph holds the interactions it reaches and the junctions of
// the first call levels; what lies deeper is edges between them. So a
// deeper program gives the same graph at the root, and the same finding.
TEST(DeepLink, RootGraphDoesNotGrowWithCallDepth) {
  std::map<int, size_t> rootNodes;
  for (int layers : {12, 36}) {
    Expected x;
    ExtractedUnits units = diamondProgram(layers, x);
    {
      Program program(units.units);
      for (const FunctionSummary *fn : program.functions())
        if (fn->name == "diamond_root")
          rootNodes[layers] = program.graph(*fn).nodes.size();
    }
    Report report = reportUnits(std::move(units), "");
    ASSERT_EQ(report.findings.size(), 1u) << layers;
    EXPECT_EQ(report.findings[0].rule, "sync-over-queue");
    EXPECT_EQ(report.findings[0].function, "diamond_root");
    EXPECT_EQ(report.findings[0].loc.line, x.waitLine["diamond_root"]);
  }
  ASSERT_GT(rootNodes[12], 0u);
  EXPECT_EQ(rootNodes[36], rootNodes[12]) << "the root's graph grew with the call depth";
}

// One call cycle of `size` handlers: handler k publishes to "topic.k" and
// then calls handler k+1 or handler 7k+3 (mod size), so every handler
// reaches every other and itself again. Outside the cycle, a client calls
// handler 0 and then waits for the reply (one handler sets a
// correlation id), and a look-alike waits before it calls.
ExtractedUnits callCycle(int size, Expected &x) {
  ProgramBuilder b;
  auto handler = [](int k) { return "handler" + std::to_string(k); };
  for (int k = 0; k < size; ++k) {
    FunctionSummary &fn = b.function(handler(k));
    Event publish = b.interaction(Role::Publish, "AMQP::Channel::publish");
    publish.destination = "topic." + std::to_string(k);
    std::vector<Event> events;
    if (k == size / 2) {
      Event marker = b.interaction(Role::ReplyMarker, "AMQP::Envelope::setCorrelationID");
      marker.marker = "correlation-id";
      events.push_back(marker);
    }
    events.push_back(publish);
    events.push_back(b.call(handler((k + 1) % size)));
    events.push_back(b.call(handler((7 * k + 3) % size)));
    fn.events = std::move(events);
    uint32_t n = static_cast<uint32_t>(fn.events.size());
    fn.next.assign(n, {});
    fn.exits.assign(n, false);
    for (uint32_t i = 0; i + 3 < n; ++i)
      fn.next[i].push_back({i + 1, {}});
    fn.next[n - 3] = {{n - 2, {}}, {n - 1, {}}}; // after the publish, one call or the other
    fn.exits[n - 2] = fn.exits[n - 1] = true;
    fn.entry = {0};
    fn.emptyPath = false;
  }
  addWaitingRoot(b, x, "client", handler(0), /*waitFirst=*/false);
  addWaitingRoot(b, x, "lookalike", handler(0), /*waitFirst=*/true);
  return b.units();
}

// A call cycle is linked once per function: each flow of the cycle places
// the body of every other function of it once (not a copy per call chain
// down to the repetition, rebuilt for every function of the cycle), and a
// caller outside splices the finished graph of the function it calls.
TEST(DeepLink, OneCallCycleOfTwoHundredFunctions) {
  const int size = 200;
  Expected x;
  ExtractedUnits units = callCycle(size, x);
  size_t functions = units.units[0].functions.size();
  Report report = reportUnits(std::move(units), "");
  // One graph per function (one per pair of functions of the cycle when
  // each flow rebuilt the others: 40,000 graphs and 19 million nodes
  // here), and per graph about one node per body of the cycle placed in
  // it: each function's once, and again for later calls until the graph
  // holds kCycleBodies bodies (the nodes where a body is entered and left
  // are mostly edges).
  const size_t bodies = size + GraphBuilder::kCycleBodies;
  EXPECT_EQ(report.link.graphs, functions);
  EXPECT_LE(report.link.nodes, functions * (bodies + 4u));

  ASSERT_EQ(report.findings.size(), 1u);
  EXPECT_EQ(report.findings[0].rule, "sync-over-queue");
  EXPECT_EQ(report.findings[0].function, "client");
  EXPECT_EQ(report.findings[0].loc.line, x.waitLine["client"]);

  for (const FlowReport &flow : report.flows) {
    EXPECT_FALSE(flow.truncated) << flow.function;
    if (flow.function == "client")
      EXPECT_EQ(flow.shape, Shape::MessagingRequestReply);
    else
      EXPECT_EQ(flow.shape, Shape::EventDriven) << flow.function;
    // Every flow reaches the publish of every handler: its own directly,
    // the others' through chains of calls that never pass the flow's own
    // function again, once per body placed.
    std::set<std::string> topics;
    size_t publishes = 0;
    for (const FlowInteraction &i : flow.interactions) {
      if (i.role != "publish")
        continue;
      topics.insert(i.destination);
      ++publishes;
      for (const ViaStep &step : i.via)
        EXPECT_NE(step.function, flow.function) << flow.function << " reaches itself through " << i.destination;
    }
    EXPECT_EQ(topics.size(), static_cast<size_t>(size)) << flow.function;
    EXPECT_LE(publishes, bodies) << flow.function;
  }
}

// Past kCycleBodies bodies a graph joins later calls of its cycle to the
// body placed first, and says so: a cycle of 200 functions is past it in
// every flow (each places 200 bodies, then places again until 256), a
// cycle of 5 in none (at most 64 bodies); the notice counts the flows.
TEST(DeepLink, ACycleLargerThanTheBoundIsReportedApproximated) {
  for (int size : {5, 200}) {
    Expected x;
    Report report = reportUnits(callCycle(size, x), "");
    bool past = size == 200;
    for (const FlowReport &flow : report.flows)
      EXPECT_EQ(flow.approximated, past) << size << " " << flow.function;
    bool noticed = std::any_of(report.notices.begin(), report.notices.end(), [&](const std::string &n) {
      return n.find(std::to_string(report.flows.size()) + " flow(s) are larger than the link keeps exact") !=
             std::string::npos;
    });
    EXPECT_EQ(noticed, past) << size;
    EXPECT_EQ(report.link.approximated > 0, past) << size;
  }
}

// A helper that may publish to any of 12 topics, then a helper that may wait
// on any of 12 futures: 144 ways from a publish to a wait. The link joins
// the two calls through one silent node at each end, so the caller's graph
// holds about 2 x 12 edges, not 144; and every wait is still a reply-wait
// of the caller, with junctions at every call, at none, or where they pay.
ExtractedUnits wideCalls() {
  ProgramBuilder b;
  const int width = 12;
  {
    FunctionSummary &fn = b.function("fanout");
    Event marker = b.interaction(Role::ReplyMarker, "AMQP::Envelope::setReplyTo");
    marker.marker = "reply-to";
    fn.events.push_back(marker);
    for (int i = 0; i < width; ++i) {
      Event publish = b.interaction(Role::Publish, "AMQP::Channel::publish");
      publish.destination = "topic." + std::to_string(i);
      fn.events.push_back(publish);
    }
    fn.next.assign(fn.events.size(), {});
    fn.exits.assign(fn.events.size(), true);
    fn.exits[0] = false;
    for (uint32_t i = 1; i < fn.events.size(); ++i)
      fn.next[0].push_back({i, {}});
    fn.entry = {0};
    fn.emptyPath = false;
  }
  {
    FunctionSummary &fn = b.function("fanin");
    for (int i = 0; i < width; ++i) {
      Event wait = b.interaction(Role::Wait, "std::future::get");
      wait.waitKind = "future";
      wait.object = "c:@F@fanin@reply" + std::to_string(i);
      wait.timeout = Timeout::Bounded;
      fn.events.push_back(wait);
    }
    fn.next.assign(fn.events.size(), {});
    fn.exits.assign(fn.events.size(), true);
    for (uint32_t i = 0; i < fn.events.size(); ++i)
      fn.entry.push_back(i);
    fn.emptyPath = false;
  }
  FunctionSummary &root = b.function("root");
  ProgramBuilder::sequence(root, {b.call("fanout"), b.call("fanin")});
  return b.units();
}

// Sets an environment variable for one scope (none: leaves it unset).
class ScopedEnv {
public:
  ScopedEnv(const char *name, const char *value) : name_(name) {
    if (value)
      setenv(name, value, 1);
  }
  ~ScopedEnv() { unsetenv(name_); }

private:
  const char *name_;
};

class CallJunctions : public ScopedEnv {
public:
  explicit CallJunctions(const char *mode) : ScopedEnv("FLOWSHAPE_CALL_JUNCTIONS", mode) {}
};

TEST(DeepLink, WideCallsMeetAtOneJunction) {
  {
    Program program(wideCalls().units);
    const FunctionSummary *root = nullptr;
    for (const FunctionSummary *fn : program.functions())
      root = fn->name == "root" ? fn : root;
    ASSERT_NE(root, nullptr);
    const FlowGraph &graph = program.graph(*root);
    size_t edges = 0;
    for (const auto &list : graph.next)
      edges += list.size();
    // The end of fanout, the start and the end of fanin; without them,
    // 12 + 12 x 12 edges.
    EXPECT_EQ(graph.junctions, 3u);
    EXPECT_LT(edges, 60u) << "the publishes and the waits are joined pairwise";
    size_t replies = 0;
    for (const WaitAfterPublish &wait : analyzeFlow(program, *root).waits)
      replies += wait.verdict == WaitVerdict::Reply && wait.publishes.size() == 12;
    EXPECT_EQ(replies, 12u) << "every wait follows every publish";
  }
  std::string json[3];
  const char *modes[3] = {nullptr, "always", "never"};
  for (int m = 0; m < 3; ++m) {
    CallJunctions mode(modes[m]);
    Report report = reportUnits(wideCalls(), "");
    // One finding: the twelve waits are reached through one call.
    size_t replies = 0;
    for (const Finding &f : report.findings) {
      EXPECT_EQ(f.function, "root") << f.rule;
      replies += f.rule == "sync-over-queue";
    }
    EXPECT_EQ(replies, 1u) << (modes[m] ? modes[m] : "default");
    json[m] = test::jsonOf(report);
  }
  EXPECT_EQ(json[1], json[0]);
  EXPECT_EQ(json[2], json[0]);
}

// The cases of testdata/ whose flows call helpers, linked plainly (no
// junction at any call, every inert interaction a node, every junction of a
// callee copied) and with the link's shortcuts (a junction at every call,
// inert interactions left out, every junction of a callee bypassed):
// the same report, byte for byte. (A file whose FLAGS: annotation this
// simple listing does not read fails alike in both.)
TEST(DeepLink, LinkShortcutsChangeNoAnswerOfTheTestdata) {
  std::vector<std::string> folders = {"/shapes", "/rules/sync-over-queue", "/rules/publish-then-block",
                                      "/rules/unbounded-reply-wait", "/rules/broker-request-reply",
                                      "/rules/command-named-event", "/demo"};
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(test::testdataDir() + "/xtu", ec), end; it != end && !ec;
       it.increment(ec))
    folders.push_back("/xtu/" + llvm::sys::path::filename(it->path()).str());
  std::sort(folders.begin(), folders.end());
  size_t units = 0, findings = 0;
  for (const std::string &folder : folders) {
    AnalysisRequest request;
    request.root = test::testdataDir();
    request.commands = test::commandsForFolder(test::testdataDir() + folder);
    request.jobs = 2;
    ExtractedUnits extracted = extractUnits(request);
    units += extracted.units.size();
    std::string plain, shortcuts;
    {
      CallJunctions junctions("never");
      ScopedEnv inert("FLOWSHAPE_INERT_NODES", "keep");
      ScopedEnv deep("FLOWSHAPE_DEEP_JUNCTIONS", "keep");
      Report report = reportUnits(extracted, "");
      findings += report.findings.size();
      plain = test::jsonOf(report);
    }
    {
      CallJunctions junctions("always");
      ScopedEnv deep("FLOWSHAPE_DEEP_JUNCTIONS", "bypass");
      shortcuts = test::jsonOf(reportUnits(extracted, ""));
    }
    EXPECT_EQ(shortcuts, plain) << folder;
  }
  EXPECT_GT(units, 60u);
  EXPECT_GT(findings, 60u);
}

} // namespace
} // namespace flowshape
