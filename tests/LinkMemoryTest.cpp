// The link running out of memory (--link-memory) on one flow, end to end:
// that flow is reported as not analysed (exit 3), every other flow still is.
// The failure is injected (FLOWSHAPE_TEST_LINK_OOM names the flow): a real
// one would need gigabytes.
#include "Shell.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

using namespace flowshape::test;

namespace {

const char *const kTwoFlows = R"(#include <librdkafka/rdkafka.h>

void publishOrder(rd_kafka_t *rk) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("orders.placed"), RD_KAFKA_V_END);
}

void publishRefund(rd_kafka_t *rk) {
  rd_kafka_producev(rk, RD_KAFKA_V_TOPIC("refunds.issued"), RD_KAFKA_V_END);
}
)";

TEST(LinkMemory, FlowOutOfMemoryIsReportedAndTheOthersAnalysed) {
  TempProject project("linkmemory");
  project.source("src/orders.cpp", kTwoFlows);
  project.database({"src/orders.cpp"});
  auto run = [&](const std::vector<std::string> &args) {
    return runShell("FLOWSHAPE_TEST_LINK_OOM=publishOrder " + flowshapeCommand(args), project.root);
  };

  CommandResult json = run({"-p", "build", "--no-cache", "--format", "json", "--fail-on", "none"});
  EXPECT_EQ(json.code, 3) << json.out << json.err;
  nlohmann::json report = nlohmann::json::parse(json.out);
  ASSERT_EQ(report["flows"].size(), 1u) << json.out;
  EXPECT_EQ(report["flows"][0]["function"], "publishRefund");
  ASSERT_EQ(report["failures"].size(), 1u) << json.out;
  EXPECT_EQ(report["failures"][0]["file"], "src/orders.cpp");
  EXPECT_EQ(report["failures"][0]["partial"], true);
  EXPECT_EQ(report["failures"][0]["errors"][0],
            "the link ran out of memory (--link-memory) on 1 flow(s), not analysed: publishOrder");

  CommandResult text = run({"-p", "build", "--no-cache", "--fail-on", "none"});
  EXPECT_EQ(text.code, 3) << text.out << text.err;
  EXPECT_NE(text.out.find("src/orders.cpp:1:1: error: not every flow could be analysed: the link ran out of memory"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("1 file with flows the link ran out of memory on (not analysed)"), std::string::npos)
      << text.out;
  EXPECT_EQ(text.out.find("failed to parse"), std::string::npos) << text.out;

  // Without the fault both flows are there and the run is clean.
  CommandResult clean = project.flowshape({"-p", "build", "--no-cache", "--format", "json", "--link-memory", "0"});
  EXPECT_EQ(clean.code, 0) << clean.out << clean.err;
  EXPECT_EQ(nlohmann::json::parse(clean.out)["flows"].size(), 2u);
}

} // namespace
