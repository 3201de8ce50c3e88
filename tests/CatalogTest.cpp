// Catalog loading: the embedded catalogs, and clear errors (file, line,
// what is wrong) for malformed ones.
#include "flowshape/Catalog.h"

#include <gtest/gtest.h>

using namespace flowshape;

namespace {

std::string loadError(const std::string &yaml) {
  try {
    Catalog catalog;
    catalog.load("bad.yaml", yaml);
  } catch (const CatalogError &error) {
    return error.what();
  }
  return "no error";
}

TEST(Catalog, BuiltinCatalogsLoadAndCoverEveryLibrary) {
  const Catalog &catalog = Catalog::builtin();
  ASSERT_FALSE(catalog.libraries().empty());
  for (const auto &[library, description] : catalog.libraries()) {
    EXPECT_FALSE(description.empty()) << library;
    size_t entries = 0;
    for (const auto &entry : catalog.entries())
      entries += entry->library == library;
    EXPECT_GT(entries, 0u) << library;
  }
  for (const char *name : {"RdKafka::Producer::produce", "rd_kafka_producev", "amqp_basic_publish", "curl_easy_perform",
                           "std::future::get", "std::condition_variable::wait", "std::this_thread::sleep_for",
                           "httplib::Client::Get", "natsConnection_RequestString"})
    EXPECT_NE(catalog.byName(name), nullptr) << name;
  EXPECT_EQ(catalog.byName("RdKafka::Producer::produce")->role, Role::Publish);
  EXPECT_EQ(catalog.byName("RdKafka::Producer::flush")->role, Role::AckWait);
  EXPECT_EQ(catalog.byName("natsConnection_RequestString")->role, Role::BrokerRequest);
}

TEST(Catalog, EntriesKnowTheirFileAndLine) {
  Catalog catalog;
  catalog.load("mine.yaml", "library: mine\n"
                            "description: test\n"
                            "apis:\n"
                            "  - name: bus::send\n"
                            "    role: publish\n"
                            "    destination_arg: 0\n"
                            "  - {name: bus::wait, role: wait, timeout: unbounded}\n");
  ASSERT_EQ(catalog.entries().size(), 2u);
  EXPECT_EQ(catalog.entries()[0]->file, "mine.yaml");
  EXPECT_EQ(catalog.entries()[0]->line, 4u);
  EXPECT_EQ(catalog.entries()[0]->destinationArg, 0);
  EXPECT_EQ(catalog.entries()[1]->line, 7u);
  EXPECT_EQ(catalog.entries()[1]->timeout, "unbounded");
  EXPECT_EQ(catalog.entries()[1]->library, "mine");
}

TEST(Catalog, MalformedYamlNamesFileAndLine) {
  std::string error = loadError("library: x\ndescription: y\napis:\n  - name: a\n    role: [publish\n");
  EXPECT_NE(error.find("bad.yaml:"), std::string::npos) << error;
  EXPECT_NE(error.find(":5:"), std::string::npos) << error;
}

TEST(Catalog, UnknownKeyIsAnErrorWithItsLine) {
  std::string error = loadError("library: x\ndescription: y\napis:\n  - name: a\n    role: publish\n    destnation_arg: 1\n");
  EXPECT_NE(error.find("bad.yaml:6:"), std::string::npos) << error;
  EXPECT_NE(error.find("destnation_arg"), std::string::npos) << error;
}

TEST(Catalog, UnknownRoleIsAnError) {
  std::string error = loadError("library: x\ndescription: y\napis:\n  - name: a\n    role: publishes\n");
  EXPECT_NE(error.find("bad.yaml:5:"), std::string::npos) << error;
}

TEST(Catalog, MissingRoleIsAnError) {
  std::string error = loadError("library: x\ndescription: y\napis:\n  - name: a\n");
  EXPECT_NE(error.find("bad.yaml:4:"), std::string::npos) << error;
  EXPECT_NE(error.find("role"), std::string::npos) << error;
}

TEST(Catalog, InconsistentEntriesAreRejected) {
  EXPECT_NE(loadError("library: x\ndescription: y\napis:\n  - {name: a, name_regex: b, role: publish}\n").find("exactly one of"),
            std::string::npos);
  EXPECT_NE(loadError("library: x\ndescription: y\napis:\n  - {name_regex: '(', role: publish}\n").find("invalid regular expression"),
            std::string::npos);
  EXPECT_NE(loadError("library: x\ndescription: y\napis:\n  - {name: a, role: wait, timeout: forever}\n").find("'timeout'"),
            std::string::npos);
  EXPECT_NE(loadError("library: x\ndescription: y\napis:\n  - {name: a, role: fact}\n").find("'fact'"), std::string::npos);
  EXPECT_NE(loadError("library: x\ndescription: y\napis: []\n").find("no entries"), std::string::npos);
}

TEST(Catalog, LookupByAnyKnownNameAndBySignature) {
  Catalog catalog;
  catalog.load("c.yaml", "library: c\n"
                         "description: d\n"
                         "apis:\n"
                         "  - {name: lib::Base::send, role: publish}\n"
                         "  - {name: lib::Queue::take, arity: 1, role: receive, timeout_arg: 0}\n"
                         "  - {name: lib::Queue::take, arity: 0, role: receive, timeout: unbounded}\n"
                         "  - name_regex: '::Stub::[A-Za-z]+$'\n"
                         "    return_type: '^grpc::Status$'\n"
                         "    param_type: '^grpc::ClientContext \\*$'\n"
                         "    role: direct-request\n");
  // A derived class's method is found under the name of the one it overrides.
  auto found = catalog.lookupCall({"app::Derived::send", "lib::Base::send"}, "void", {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->role, Role::Publish);
  // Overloads are told apart by their number of parameters.
  found = catalog.lookupCall({"lib::Queue::take"}, "int", {"int"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->timeoutArg, 0);
  found = catalog.lookupCall({"lib::Queue::take"}, "int", {});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]->timeout, "unbounded");
  // Generated stubs are matched by shape.
  EXPECT_EQ(catalog.lookupCall({"inventory::Inventory::Stub::Check"}, "grpc::Status",
                               {"grpc::ClientContext *", "const inventory::CheckRequest &", "inventory::CheckReply *"})
                .size(),
            1u);
  EXPECT_TRUE(catalog.lookupCall({"inventory::Inventory::Stub::Check"}, "void", {"grpc::ClientContext *"}).empty());
  EXPECT_TRUE(catalog.lookupCall({"other::thing"}, "void", {}).empty());
}

TEST(Catalog, DigestChangesWithContent) {
  Catalog a, b;
  a.load("c.yaml", "library: c\ndescription: d\napis:\n  - {name: f, role: publish}\n");
  b.load("c.yaml", "library: c\ndescription: d\napis:\n  - {name: f, role: receive}\n");
  EXPECT_NE(a.digest(), b.digest());
  EXPECT_EQ(a.digest().size(), 64u);
}

} // namespace
