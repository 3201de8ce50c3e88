// Cross-translation-unit behaviour that inline expectations cannot state:
// the call chain a finding carries in JSON and in text, and the role a
// request/reply helper has in its callers' interaction lists.
#include "ProjectFixture.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llvm/Support/raw_ostream.h"

using namespace flowshape;
using namespace flowshape::test;
using nlohmann::json;

namespace {

Report analyzeCase(const std::string &name) {
  AnalysisRequest request;
  request.root = testdataDir();
  request.commands = commandsForFolder(testdataDir() + "/xtu/" + name);
  Report report = analyze(request);
  EXPECT_TRUE(report.failures.empty()) << name << " did not parse";
  return report;
}

std::string textOf(const Report &report) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writeText(report, os, TextOptions{false, false, false});
  os.flush();
  return text;
}

const json *findingOf(const json &report, const std::string &rule, const std::string &function) {
  for (const json &f : report["findings"])
    if (f["rule"] == rule && f["function"] == function)
      return &f;
  return nullptr;
}

const json *flowOf(const json &report, const std::string &function) {
  for (const json &f : report["flows"])
    if (f["function"] == function)
      return &f;
  return nullptr;
}

TEST(CrossTu, PublishEvidenceCarriesTheChainThroughTwoFiles) {
  Report report = analyzeCase("three_file_chain");
  json out = json::parse(jsonOf(report));
  const json *finding = findingOf(out, "publish-then-block", "shipping::ShipmentHandler::onPaid");
  ASSERT_NE(finding, nullptr) << out.dump(2);
  const json *publish = nullptr;
  for (const json &e : (*finding)["evidence"])
    if (e["kind"] == "publish")
      publish = &e;
  ASSERT_NE(publish, nullptr);
  EXPECT_EQ((*publish)["file"], "xtu/three_file_chain/outbox.c");
  EXPECT_EQ((*publish)["api"], "rd_kafka_producev");
  EXPECT_EQ((*publish)["via"], json::array({"shipping::Fulfillment::start", "outbox_emit"}));
  EXPECT_NE((*publish)["message"].get<std::string>().find("'shipment.requested'"), std::string::npos)
      << "the topic named two calls up reaches the publish";

  std::string text = textOf(report);
  EXPECT_NE(text.find("xtu/three_file_chain/outbox.c:7:29: note: publish to 'shipment.requested' via "
                      "rd_kafka_producev (through shipping::Fulfillment::start at xtu/three_file_chain/shipment_handler.cpp:23 -> "
                      "outbox_emit at xtu/three_file_chain/fulfillment.cpp:7)"),
            std::string::npos)
      << text;
}

TEST(CrossTu, FindingInsideACalleeCarriesItsCallChain) {
  Report report = analyzeCase("mutual_recursion");
  json out = json::parse(jsonOf(report));
  const json *finding = findingOf(out, "sync-over-queue", "quotes::Requester::send");
  ASSERT_NE(finding, nullptr) << out.dump(2);
  EXPECT_EQ((*finding)["file"], "xtu/mutual_recursion/requester.cpp");
  EXPECT_EQ((*finding)["via"], json::array({"quotes::Awaiter::awaitOrRetry"}));
  ASSERT_EQ((*finding)["callChain"].size(), 1u);
  EXPECT_EQ((*finding)["callChain"][0]["function"], "quotes::Awaiter::awaitOrRetry");
  EXPECT_EQ((*finding)["callChain"][0]["file"], "xtu/mutual_recursion/requester.cpp");

  std::string text = textOf(report);
  EXPECT_NE(text.find("retry_awaiter.cpp:8:31: note: a receive follows the publish on this path (weak evidence) "
                      "(through quotes::Awaiter::awaitOrRetry at xtu/mutual_recursion/requester.cpp:13)"),
            std::string::npos)
      << text;
}

TEST(CrossTu, RequestReplyHelperIsABrokerRequestToItsCallers) {
  Report report = analyzeCase("rpc_over_queue");
  json out = json::parse(jsonOf(report));
  for (const json &f : out["findings"])
    EXPECT_EQ(f["function"], "rpc::RpcOverQueue::call") << "reported once, in the helper: " << f.dump();
  EXPECT_NE(findingOf(out, "sync-over-queue", "rpc::RpcOverQueue::call"), nullptr);

  struct Caller {
    const char *function;
    json via;
  };
  for (const Caller &caller : {Caller{"rpc::PriceClient::quote", json::array({"rpc::RpcOverQueue::call"})},
                               Caller{"rpc::Checkout::confirm",
                                      json::array({"rpc::PriceClient::quote", "rpc::RpcOverQueue::call"})}}) {
    const json *flow = flowOf(out, caller.function);
    ASSERT_NE(flow, nullptr) << caller.function;
    EXPECT_EQ((*flow)["shape"], "messaging-request-reply") << caller.function;
    size_t brokerRequests = 0;
    for (const json &i : (*flow)["interactions"]) {
      if (i["via"].empty())
        continue; // the flow's own interactions
      EXPECT_NE(i["role"], "publish") << caller.function << ": the helper's publish is answered inside it";
      EXPECT_NE(i["role"], "wait") << caller.function << ": the helper's waits for the reply are part of its request";
      if (i["role"] == "broker-request") {
        ++brokerRequests;
        EXPECT_EQ(i["via"], caller.via) << caller.function;
        EXPECT_EQ(i["destination"], "pricing.quote.requested") << caller.function;
      }
    }
    EXPECT_EQ(brokerRequests, 1u) << caller.function;
  }
}

TEST(CrossTu, VirtualCallThroughInterfaceReachesTheOverride) {
  Report report = analyzeCase("virtual_bus");
  json out = json::parse(jsonOf(report));
  const json *flow = flowOf(out, "approvals::ApprovalService::announce");
  ASSERT_NE(flow, nullptr);
  ASSERT_EQ((*flow)["interactions"].size(), 1u);
  EXPECT_EQ((*flow)["interactions"][0]["role"], "publish");
  EXPECT_EQ((*flow)["interactions"][0]["via"], json::array({"approvals::KafkaBus::publish"}));
  EXPECT_EQ((*flow)["interactions"][0]["destination"], "approval.recorded");
}

} // namespace
