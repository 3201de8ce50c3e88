// The link on a deep program built in memory: long call chains and stacked
// diamonds (2^40 call paths) between a publish at the leaves and a wait at
// the roots. The finding must be found at every root, and nowhere else.
#include "driver/Analysis.h"
#include "flowshape/Report.h"

#include <gtest/gtest.h>

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
  FunctionSummary &fn = b.function(root);
  Event wait = b.interaction(Role::Wait, "std::future::get");
  wait.waitKind = "future";
  wait.object = "c:@F@" + root + "@reply";
  wait.timeout = Timeout::Bounded;
  Event call = b.call(id + "_1");
  if (waitFirst) {
    ProgramBuilder::sequence(fn, {wait, call});
    x.cleanRoots.insert(root);
  } else {
    ProgramBuilder::sequence(fn, {call, wait});
    x.syncRoots.insert(root);
    x.waitLine[root] = fn.events[1].loc.line;
  }
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
  b.unit.mainFile = kFile;

  ExtractedUnits units;
  units.root = "/deep";
  units.files = 1;
  units.units.push_back(std::move(b.unit));
  Report report = reportUnits(std::move(units), "");

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

} // namespace
} // namespace flowshape
