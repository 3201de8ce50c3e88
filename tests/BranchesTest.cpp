// A function of hundreds of publish/wait branches (issue 13): its event
// graph keeps the CFG's join points as junctions, so it stays the size of
// the CFG instead of holding an edge from every branch to every later one,
// and every branch is still found. And junctions change no answer: the same
// code condensed with and without them gives the same report.
#include "ProjectFixture.h"

#include "flowshape/Report.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <string>

using namespace flowshape;
using namespace flowshape::test;

namespace {

const char *kProduce = "producer->produce(\"orders.%\", RdKafka::Topic::PARTITION_UA, "
                       "RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);";

std::string produce(int i) {
  std::string s = kProduce;
  s.replace(s.find('%'), 1, std::to_string(i));
  return s;
}

// As bench/branches.py writes it: `if (c[i]) { publish; wait; }`, n times.
std::string manyBranches(int n) {
  std::string out = "#include <librdkafka/rdkafkacpp.h>\n#include <future>\n#include <vector>\n"
                    "int manyBranches(RdKafka::Producer *producer, const std::vector<bool> &c,\n"
                    "                 std::vector<std::future<int>> &f, char *buf, size_t len) {\n"
                    "  RdKafka::Headers *headers = RdKafka::Headers::create();\n"
                    "  headers->add(\"reply-topic\", \"orders.replies\");\n"
                    "  int n = 0;\n";
  for (int i = 0; i < n; ++i)
    out += "  if (c[" + std::to_string(i) + "]) {\n    " + produce(i) + "\n    n += f[" + std::to_string(i) +
           "].get();\n  }\n";
  return out + "  return n;\n}\n";
}

// Control flow of every kind around publishes and waits, long enough
// to pass the plain condensation's budget in parts: branches that publish
// and branches that wait, inside and after loops, with break, continue,
// early returns, a switch, a do-while, a retry loop and a helper.
std::string mixedControlFlow() {
  std::string out = "#include <librdkafka/rdkafkacpp.h>\n#include <chrono>\n#include <future>\n#include <thread>\n"
                    "#include <vector>\n"
                    "void notify(RdKafka::Producer *producer, char *buf, size_t len) {\n"
                    "  RdKafka::Headers *headers = nullptr;\n  " +
                    produce(9000) +
                    "\n}\n"
                    "int mixed(RdKafka::Producer *producer, const std::vector<int> &c, std::vector<std::future<int>> &f,\n"
                    "          char *buf, size_t len, bool running) {\n"
                    "  RdKafka::Headers *headers = RdKafka::Headers::create();\n"
                    "  headers->add(\"reply-topic\", \"orders.replies\");\n"
                    "  int n = 0;\n";
  for (int i = 0; i < 40; ++i) {
    std::string k = std::to_string(i);
    out += "  if (c[" + k + "] > 0)\n    " + produce(i) + "\n  if (c[" + k + "] > 1)\n    n += f[" + k + "].get();\n";
  }
  out += "  while (running) {\n";
  for (int i = 40; i < 80; ++i) {
    std::string k = std::to_string(i);
    switch (i % 5) {
    case 0: out += "    if (c[" + k + "] == 0) { " + produce(i) + " n += f[" + k + "].get(); }\n"; break;
    case 1: out += "    if (c[" + k + "] == 1) { " + produce(i) + " continue; }\n"; break;
    case 2: out += "    if (c[" + k + "] == 2) n += f[" + k + "].get();\n"; break;
    case 3: out += "    if (c[" + k + "] == 3) { notify(producer, buf, len); break; }\n"; break;
    case 4:
      out += "    switch (c[" + k + "]) {\n    case 4: " + produce(i) + " [[fallthrough]];\n    case 5: n += f[" + k +
             "].get(); break;\n    default: break;\n    }\n";
      break;
    }
    out += "    std::this_thread::sleep_for(std::chrono::milliseconds(1));\n";
  }
  out += "  }\n";
  for (int i = 80; i < 120; ++i) {
    std::string k = std::to_string(i);
    if (i % 4 == 0)
      out += "  do {\n    " + produce(i) + "\n  } while (f[" + k + "].wait_for(std::chrono::seconds(1)) != std::future_status::ready);\n";
    else if (i % 4 == 1)
      out += "  if (c[" + k + "] < 0)\n    return n;\n";
    else
      out += "  if (c[" + k + "] > 0) {\n    " + produce(i) + "\n    if (c[" + k + "] > 5)\n      n += f[" + k +
             "].get();\n  }\n";
  }
  return out + "  return n;\n}\n";
}

AnalysisRequest requestFor(const ScratchDir &dir, const std::string &file) {
  AnalysisRequest request;
  request.root = dir.path();
  CompileCommand command;
  command.directory = dir.path();
  command.file = dir.path() + "/" + file;
  command.arguments = {"clang++", "-std=c++20", command.file};
  request.commands.push_back(std::move(command));
  return request;
}

// Sets FLOWSHAPE_JUNCTIONS for one scope.
class JunctionMode {
public:
  explicit JunctionMode(const char *mode) { setenv("FLOWSHAPE_JUNCTIONS", mode, 1); }
  ~JunctionMode() { unsetenv("FLOWSHAPE_JUNCTIONS"); }
};

size_t junctionsOf(const ExtractedUnits &units) {
  size_t n = 0;
  for (const TranslationUnitSummary &unit : units.units)
    for (const FunctionSummary &fn : unit.functions)
      for (const Event &e : fn.events)
        n += e.kind == EventKind::Junction;
  return n;
}

TEST(Branches, ThreeHundredBranchesKeepTheGraphLinearAndFindEveryReply) {
  ScratchDir dir;
  dir.write("branches.cpp", manyBranches(300));
  ExtractedUnits extracted = extractUnits(requestFor(dir, "branches.cpp"));
  ASSERT_TRUE(extracted.failures.empty());
  ASSERT_EQ(extracted.units.size(), 1u);
  const FunctionSummary *fn = nullptr;
  for (const FunctionSummary &f : extracted.units[0].functions)
    if (f.name == "manyBranches")
      fn = &f;
  ASSERT_NE(fn, nullptr);
  size_t edges = 0, junctions = 0;
  for (const auto &list : fn->next)
    edges += list.size();
  for (const Event &e : fn->events)
    junctions += e.kind == EventKind::Junction;
  EXPECT_GT(junctions, 0u);
  // Without junctions: about 300 * 300 / 2 edges.
  EXPECT_LT(edges, 3 * fn->events.size()) << edges << " edges for " << fn->events.size() << " events";

  Report report = reportUnits(std::move(extracted), "");
  std::map<std::string, size_t> byRule;
  for (const Finding &f : report.findings)
    ++byRule[f.rule];
  EXPECT_EQ(byRule, (std::map<std::string, size_t>{{"sync-over-queue", 300}, {"unbounded-reply-wait", 300}}));
  ASSERT_EQ(report.flows.size(), 1u);
  EXPECT_EQ(report.flows[0].shape, Shape::MessagingRequestReply);
  EXPECT_FALSE(report.flows[0].truncated);
}

TEST(Branches, JunctionsGiveTheSameReportAsThePlainCondensation) {
  ScratchDir dir;
  dir.write("mixed.cpp", mixedControlFlow());
  AnalysisRequest request = requestFor(dir, "mixed.cpp");
  std::string plain, junctions;
  {
    JunctionMode mode("never");
    EXPECT_EQ(junctionsOf(extractUnits(request)), 0u);
    plain = jsonOf(analyze(request));
  }
  {
    JunctionMode mode("always");
    EXPECT_GT(junctionsOf(extractUnits(request)), 0u);
    junctions = jsonOf(analyze(request));
  }
  EXPECT_NE(plain.find("sync-over-queue"), std::string::npos);
  EXPECT_EQ(junctions, plain);
}

// These rule cases hold the loop shapes the waits after a publish are told
// apart by (a loop that holds the publish and the wait, consume loops,
// retry and polling loops, pacing sleeps). The whole of testdata/ compares
// the same way by hand (docs/testing.md, "Junctions").
TEST(Branches, JunctionsChangeNoFindingOfTheRuleCases) {
  AnalysisRequest request;
  request.root = testdataDir();
  for (const char *rule : {"sync-over-queue", "publish-then-block", "unbounded-reply-wait"})
    for (CompileCommand &command : commandsForFolder(testdataDir() + "/rules/" + rule))
      request.commands.push_back(std::move(command));
  request.jobs = 2;
  std::string plain, junctions;
  {
    JunctionMode mode("never");
    plain = jsonOf(analyze(request));
  }
  {
    JunctionMode mode("always");
    junctions = jsonOf(analyze(request));
  }
  EXPECT_EQ(junctions, plain);
}

} // namespace
