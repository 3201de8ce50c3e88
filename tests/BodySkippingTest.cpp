// Bodies outside the project are skipped while parsing (the reason a cold
// run costs less than -fsyntax-only), judged on the expansion location:
// a function a system macro defines in a project file is the project's.
#include "ProjectFixture.h"

#include <gtest/gtest.h>

#include <map>

using namespace flowshape;
using namespace flowshape::test;

namespace {

TEST(BodySkipping, OnlyProjectBodiesAreAnalysed) {
  ScratchDir dir;
  const char *produce = "p->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, "
                        "const_cast<char *>(\"x\"), 1, nullptr, 0, 0, nullptr, nullptr);";
  dir.write("include/app/inline_bus.h", std::string("#pragma once\n#include <librdkafka/rdkafkacpp.h>\n"
                                                    "inline void publishInline(RdKafka::Producer *p) {\n"
                                                    "  const std::string topic = \"app.inline.sent\";\n  ") +
                                            produce + "\n}\n");
  dir.write("third_party/vendor/vendor_bus.h", std::string("#pragma once\n#include <librdkafka/rdkafkacpp.h>\n"
                                                           "inline void publishVendor(RdKafka::Producer *p) {\n"
                                                           "  const std::string topic = \"vendor.sent\";\n  ") +
                                                   produce + "\n}\n");
  dir.write("sys/platform.h", std::string("#pragma once\n#include <librdkafka/rdkafkacpp.h>\n"
                                          "inline void publishSystem(RdKafka::Producer *p) {\n"
                                          "  const std::string topic = \"system.sent\";\n  ") +
                                  produce +
                                  "\n}\n#define DEFINE_PUBLISHER(name, literal) \\\n"
                                  "  void name(RdKafka::Producer *p) { const std::string topic = literal; " +
                                  produce + " }\n");
  dir.write("src/main.cpp", "#include \"app/inline_bus.h\"\n"
                            "#include \"vendor/vendor_bus.h\"\n"
                            "#include <platform.h>\n"
                            "DEFINE_PUBLISHER(publishFromMacro, \"app.macro.sent\")\n"
                            "void useAll(RdKafka::Producer *p) {\n"
                            "  publishInline(p);\n"
                            "  publishVendor(p);\n"
                            "  publishSystem(p);\n"
                            "  auto later = [p] { publishInline(p); };\n"
                            "  later();\n"
                            "}\n");
  AnalysisRequest request;
  request.root = dir.path();
  CompileCommand command;
  command.file = dir.path() + "/src/main.cpp";
  command.directory = dir.path();
  command.arguments = {"clang++", "-std=c++17", "-Iinclude", "-Ithird_party", "-isystem", "sys", command.file};
  request.commands.push_back(command);
  Report report = analyze(request);
  ASSERT_TRUE(report.failures.empty());

  std::map<std::string, const FlowReport *> flows;
  for (const FlowReport &flow : report.flows)
    flows[flow.function] = &flow;
  EXPECT_TRUE(flows.count("publishInline")) << "a project header's inline body is analysed";
  EXPECT_TRUE(flows.count("publishFromMacro")) << "a system macro expanded in the project defines project code";
  EXPECT_FALSE(flows.count("publishVendor")) << "third-party bodies are skipped";
  EXPECT_FALSE(flows.count("publishSystem")) << "system header bodies are skipped";
  ASSERT_TRUE(flows.count("useAll"));
  std::vector<std::string> destinations;
  for (const FlowInteraction &i : flows["useAll"]->interactions)
    destinations.push_back(i.role + " " + i.destination);
  EXPECT_EQ(destinations, (std::vector<std::string>{"publish app.inline.sent", "publish app.inline.sent"}))
      << "only the project's body is spliced in, directly and through the lambda";
}

} // namespace
