#include "SampleReport.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace flowshape::test {

namespace {

// Line 7 has a two-byte character before the wait: its byte column (22)
// and its UTF-16 column (21) differ.
const char *const kOrders = R"(#include "bus.h"

bool Orders::approve(const std::string &id) {
  if (!stock_.Get("/stock/" + id)) return false;
  auto decision = pending_[id].get_future();
  bus_.send("approval.requested", id);
  auto ok = /* é */ decision.get();
  return ok;
}

void Orders::ship(const std::string &id) {
  bus_.send("ship|now#1;<x>", id); // NOLINT(flowshape-command-named-event): legacy topic
}
)";

const char *const kBus = R"(#include "bus.h"

void Bus::send(const std::string &topic, const std::string &body) {
  producer_->produce(topic, body);
}
)";

void writeFile(const std::string &path, const char *text) {
  std::error_code error;
  llvm::raw_fd_ostream os(path, error);
  if (error)
    throw std::runtime_error(path + ": " + error.message());
  os << text;
}

Location at(const std::string &file, unsigned line, unsigned column, unsigned endLine = 0, unsigned endColumn = 0) {
  return Location{file, line, column, endLine, endColumn};
}

} // namespace

SampleReport::SampleReport() {
  llvm::SmallString<128> dir;
  if (llvm::sys::fs::createUniqueDirectory("flowshape-sample", dir))
    throw std::runtime_error("cannot create a temporary directory");
  root = std::string(dir.str());
  llvm::sys::fs::create_directories(root + "/src");
  std::string orders = root + "/src/orders.cpp", bus = root + "/src/bus.cpp";
  writeFile(orders, kOrders);
  writeFile(bus, kBus);

  report.root = root;
  report.files = 3;

  ViaStep viaBus{"shop::Bus::send", at(orders, 6, 3, 6, 38)};
  Evidence publish;
  publish.kind = publish.role = "publish";
  publish.loc = at(bus, 4, 3, 4, 34);
  publish.api = "Producer::produce";
  publish.message = "publish to 'approval.requested' via Producer::produce";
  publish.via = {viaBus};
  Evidence wait;
  wait.kind = wait.role = "wait";
  wait.loc = at(orders, 7, 22, 7, 36);
  wait.api = "std::future<bool>::get";
  wait.message = "blocks here: wait via std::future<bool>::get";

  Finding reply;
  reply.rule = "sync-over-queue";
  reply.severity = Severity::Warning;
  reply.loc = at(orders, 7, 22, 7, 36);
  reply.function = "shop::Orders::approve";
  reply.message = "publishes 'approval.requested' and then blocks until the reply arrives [sample]";
  reply.evidence = {publish, wait};
  reply.fingerprint = "0123456789abcdef:1";
  reply.baselineState = "new";

  Finding unbounded = reply;
  unbounded.rule = "unbounded-reply-wait";
  unbounded.message = "the wait for the reply to 'approval.requested' waits without a timeout";
  unbounded.evidence = {wait, publish};
  unbounded.fingerprint = "1111111111111111:1";
  unbounded.baselineState = "unchanged";

  Finding command;
  command.rule = "command-named-event";
  command.severity = Severity::Note;
  command.loc = at(orders, 12, 3, 12, 34);
  command.function = "shop::Orders::ship";
  command.message = "'ship|now#1;<x>' is published as an event but named as a command ('ship')";
  command.fingerprint = "2222222222222222:1";
  command.suppression = Suppression{"nolint", "legacy topic", at(orders, 12, 36)};

  Finding unused;
  unused.rule = "unused-suppression";
  unused.severity = Severity::Note;
  unused.loc = at(orders, 2, 1);
  unused.message = "NOLINT(flowshape-sync-over-queue) suppresses nothing";
  unused.fingerprint = "3333333333333333:1";

  report.findings = {unused, reply, unbounded, command};

  FlowInteraction stock{"direct-request", at(orders, 4, 8), at(orders, 4, 8), "httplib::Client::Get", "", {}};
  FlowInteraction send{"publish", at(orders, 6, 3), at(bus, 4, 3), "Producer::produce", "approval.requested", {viaBus}};
  FlowInteraction get{"wait", at(orders, 7, 22), at(orders, 7, 22), "std::future<bool>::get", "", {}};
  FlowInteraction ship{"publish", at(orders, 12, 3), at(bus, 4, 3), "Producer::produce", "ship|now#1;<x>",
                       {ViaStep{"shop::Bus::send", at(orders, 12, 3)}}};
  report.flows = {{"shop::Orders::approve", at(orders, 3, 14), Shape::MessagingRequestReply, {stock, send, get}},
                  {"shop::Orders::ship", at(orders, 11, 14), Shape::EventDriven, {ship}}};

  report.failures = {{root + "/src/broken.cpp", {"src/broken.cpp:3:1: error: unknown type name 'nope'", "1 error generated"}}};
  report.notices = {"baseline: 1 entry no longer matches a finding"};
}

SampleReport::~SampleReport() { llvm::sys::fs::remove_directories(root); }

Report rootCauseReport(const SampleReport &sample, size_t flows) {
  Report report;
  report.root = sample.root;
  report.files = 2;
  std::string orders = sample.root + "/src/orders.cpp", bus = sample.root + "/src/bus.cpp";
  auto member = [&](const std::string &rule, const std::string &function, unsigned line) {
    Finding f;
    f.rule = rule;
    f.loc = at(orders, line, 3, line, 20);
    f.apiLoc = at(bus, 4, 3, 4, 34);
    f.function = function;
    f.via = {ViaStep{"shop::Bus::send", f.loc}};
    Evidence request;
    request.kind = request.role = "broker-request";
    request.loc = f.apiLoc;
    request.api = "Producer::produce";
    request.message = "broker request via Producer::produce";
    request.via = f.via;
    f.evidence = {request};
    return f;
  };
  char name[32];
  for (size_t i = 0; i < flows; ++i) {
    std::snprintf(name, sizeof name, "shop::Flow%03zu", i);
    Finding f = member("unbounded-reply-wait", name, 3 + static_cast<unsigned>(i % 10));
    f.message = "the broker request waits for its reply without a timeout";
    f.fingerprint = std::string("aaaaaaaaaaaaaaaa:") + std::to_string(i + 1);
    report.findings.push_back(std::move(f));
  }
  for (unsigned i = 0; i < 2; ++i) {
    Finding f = member("broker-request-reply", "shop::Quiet" + std::to_string(i), 4 + i);
    f.severity = Severity::Note;
    f.message = "request/reply over the broker with Producer::produce";
    f.fingerprint = "bbbbbbbbbbbbbbbb:" + std::to_string(i + 1);
    f.suppression = Suppression{"nolint", "reason " + std::to_string(i), at(orders, 4 + i, 40)};
    report.findings.push_back(std::move(f));
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), findingLess);
  return report;
}

} // namespace flowshape::test
