// The Markdown reporter and its Mermaid diagrams on a report that exercises
// every field (SampleReport). The demo's full output is a golden file
// (GoldenTest.cpp).
#include "SampleReport.h"

#include "report/MermaidDiagram.h"

#include <gtest/gtest.h>

#include "llvm/Support/raw_ostream.h"

using namespace flowshape;

namespace {

std::string markdownOf(const Report &report) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writeMarkdown(report, os);
  os.flush();
  return text;
}

std::vector<const Finding *> findingsOf(const Report &report, const std::string &function) {
  std::vector<const Finding *> out;
  for (const Finding &f : report.findings)
    if (f.function == function && !f.suppression)
      out.push_back(&f);
  return out;
}

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

TEST(Mermaid, EscapesWhatMermaidReadsAsSyntax) {
  EXPECT_EQ(escapeMermaid("a#b;c%%d<e>&\"f\"\ng"), "a#35;b#59;c#37;#37;d#lt;e#gt;#amp;#quot;f#quot; g");
  EXPECT_EQ(escapeMermaid("Orders::approve"), "Orders::approve");
}

TEST(Mermaid, DrawsRequestsPublishesAndTheBlockingWaitForTheReply) {
  test::SampleReport sample;
  const Report &report = sample.report;
  EXPECT_EQ(sequenceDiagram(report.flows[0], findingsOf(report, "shop::Orders::approve")),
            "sequenceDiagram\n"
            "    participant F as Orders::approve\n"
            "    participant P1 as httplib::Client\n"
            "    participant P2 as approval.requested\n"
            "    F->>P1: httplib::Client::Get\n"
            "    P1-->>F: response\n"
            "    F->>P2: publish (Producer::produce through Bus::send)\n"
            "    Note over F: blocked in std::future#lt;bool#gt;::get until the reply arrives, without a timeout\n"
            "    P2-->>F: reply\n");
}

TEST(Mermaid, AWaitThatIsNotAReplyHasNoReplyArrow) {
  test::SampleReport sample;
  Report &report = sample.report;
  for (Finding &f : report.findings)
    if (f.function == "shop::Orders::approve")
      f.rule = "publish-then-block";
  std::string diagram = sequenceDiagram(report.flows[0], findingsOf(report, "shop::Orders::approve"));
  EXPECT_TRUE(contains(diagram, "Note over F: blocked in std::future#lt;bool#gt;::get, not shown to wait for a reply\n"));
  EXPECT_FALSE(contains(diagram, "-->>F: reply")) << diagram;
}

TEST(Mermaid, ReplyComesFromTheReplyDestinationAndBrokerRequestsBlock) {
  FlowReport flow;
  flow.function = "billing::Client::quote";
  flow.shape = Shape::MessagingRequestReply;
  Location marker{"/p/a.cpp", 3, 3}, publish{"/p/a.cpp", 4, 3}, receive{"/p/a.cpp", 5, 3}, request{"/p/a.cpp", 6, 3};
  flow.interactions = {{"reply-marker", marker, marker, "amqp_basic_properties_t::reply_to", "quotes.replies", {}},
                       {"publish", publish, publish, "amqp_basic_publish", "quote.requested", {}},
                       {"receive", receive, receive, "amqp_consume_message", "quotes.replies", {}},
                       {"broker-request", request, request, "natsConnection_Request", "price.get", {}}};
  Finding reply;
  reply.rule = "sync-over-queue";
  reply.loc = receive;
  EXPECT_EQ(sequenceDiagram(flow, {&reply}),
            "sequenceDiagram\n"
            "    participant F as Client::quote\n"
            "    participant P1 as quote.requested\n"
            "    participant P2 as quotes.replies\n"
            "    participant P3 as price.get\n"
            "    F->>P1: publish (amqp_basic_publish), reply to quotes.replies\n"
            "    Note over F: blocked in amqp_consume_message until the reply arrives\n"
            "    P2-->>F: reply (amqp_consume_message)\n"
            "    F->>P3: request (natsConnection_Request)\n"
            "    Note over F: blocked until the reply arrives\n"
            "    P3-->>F: reply\n");
}

TEST(Markdown, SummarisesFlowsFindingsAndWhatWasNotAnalysed) {
  test::SampleReport sample;
  std::string text = markdownOf(sample.report);
  EXPECT_TRUE(contains(text, "**3 findings** (2 warnings, 1 note) in 2 flows of 3 files, 1 suppressed, 1 file could "
                             "not be analysed.\n"))
      << text;
  EXPECT_TRUE(contains(text, "| messaging-request-reply | 1 |\n| event-driven | 1 |\n")) << text;
  EXPECT_TRUE(contains(text, "| messaging-request-reply | `shop::Orders::approve` | `src/orders.cpp:3:14` |")) << text;
  // Findings: escaped text, the baseline state, the suppressed one apart.
  EXPECT_TRUE(contains(text, "| `sync-over-queue` | warning | `src/orders.cpp:7:22` | publishes 'approval.requested' "
                             "and then blocks until the reply arrives \\[sample\\] |"))
      << text;
  EXPECT_TRUE(contains(text, "| `unbounded-reply-wait` | warning (in baseline) |")) << text;
  EXPECT_TRUE(contains(text, "<details><summary>1 suppressed finding</summary>")) << text;
  EXPECT_TRUE(contains(text, "| `command-named-event` | note | `src/orders.cpp:12:3` | 'ship\\|now\\#1;\\<x\\>' is "
                             "published as an event but named as a command ('ship') | legacy topic |"))
      << text;
  EXPECT_TRUE(contains(text, "### Not analysed\n\n- `src/broken.cpp`: src/broken.cpp:3:1: error: unknown type name "
                             "'nope' (and 1 more error)\n"))
      << text;
  EXPECT_TRUE(contains(text, "### Notices\n\n- baseline: 1 entry no longer matches a finding\n")) << text;
}

TEST(Markdown, DiagramsOnlyFlowsWithActiveFindings) {
  test::SampleReport sample;
  std::string text = markdownOf(sample.report);
  EXPECT_TRUE(contains(text, "#### `shop::Orders::approve`: messaging-request-reply\n")) << text;
  EXPECT_FALSE(contains(text, "#### `shop::Orders::ship`")) << "its only finding is suppressed";
  size_t diagrams = 0;
  for (size_t at = text.find("```mermaid\nsequenceDiagram\n"); at != std::string::npos;
       at = text.find("```mermaid\nsequenceDiagram\n", at + 1))
    ++diagrams;
  EXPECT_EQ(diagrams, 1u);

  // Unsuppressed, the ship flow gets its diagram, its odd destination escaped.
  for (Finding &f : sample.report.findings)
    f.suppression.reset();
  text = markdownOf(sample.report);
  EXPECT_TRUE(contains(text, "    participant P1 as ship|now#35;1#59;#lt;x#gt;\n")) << text;
  EXPECT_TRUE(contains(text, "    F->>P1: publish (Producer::produce through Bus::send)\n")) << text;
}

TEST(Markdown, CutsLongTablesToFitAPullRequestComment) {
  Report report;
  report.root = "/p";
  for (unsigned i = 1; i <= 150; ++i) {
    std::string function = "f" + std::to_string(i);
    report.flows.push_back({function, Location{"/p/a.cpp", i, 1}, Shape::EventDriven, {}});
    if (i <= 120) {
      Finding f;
      f.rule = "publish-then-block";
      f.loc = Location{"/p/a.cpp", i, 3};
      f.function = function;
      f.message = "m";
      report.findings.push_back(f);
    }
  }
  std::string text = markdownOf(report);
  EXPECT_TRUE(contains(text, "| event-driven | `f100` | `a.cpp:100:1` |\n\n...and 50 more flows: the JSON and "
                             "SARIF reports list them all.\n"))
      << text;
  EXPECT_FALSE(contains(text, "`f101`"));
  EXPECT_TRUE(contains(text, "\n...and 20 more findings: the JSON and SARIF reports list them all.\n")) << text;
  EXPECT_TRUE(contains(text, "...and 100 more flows with findings: the JSON and SARIF reports list them all.\n"))
      << text;
  EXPECT_LT(text.size(), 65536u) << "GitHub's limit for a comment";
}

TEST(Markdown, SaysSoWhenThereIsNothingToReport) {
  Report report;
  report.root = "/p";
  EXPECT_EQ(markdownOf(report), "## flowshape report\n\n**0 findings** in 0 flows of 0 files.\n\n### Findings\n\n"
                                "No findings.\n\n");
}

} // namespace
