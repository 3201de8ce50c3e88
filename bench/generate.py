#!/usr/bin/env python3
"""Generates a synthetic but realistic service codebase for benchmarking flowshape.

Each service has its own namespace, headers and sources: an event bus wrapper
over librdkafka, a request/reply helper over Kafka, a reply listener, and
handlers that show the patterns of the SPEC (mixed, request-driven,
event-driven, sync-over-queue through wrappers in other files,
publish-then-block, callers of the request/reply helper), with ordinary
business logic around them. Every translation unit includes the heavy
headers real services include: gRPC (with a protoc-generated stub), the
librdkafka C++ API and a good part of the standard library.

Two options make the call graph deep and the parse cheap, for the growth
series of bench/growth.sh: --chain-depth D adds per service D layers of
wrappers over the event bus, one translation unit per layer, each layer's
two functions calling both functions of the layer below (chains and
diamonds across files), with handlers at the top that publish through the
deepest layer (some then wait for the reply: sync-over-queue D+1 calls
away from the produce). --includes light drops gRPC and includes only the
headers a file needs.

Writes <out>/services/..., <out>/gen/ (generated gRPC stubs) and
<out>/compile_commands.json.
"""
import argparse
import json
import os
import shutil

NOUNS = ["orders", "payments", "inventory", "shipping", "pricing", "fraud", "notifications", "catalog", "accounts",
         "billing", "returns", "loyalty", "search", "reviews", "ledger", "tax", "invoices", "carts", "promotions",
         "warehouse"]

STD_HEADERS = ["<algorithm>", "<chrono>", "<functional>", "<future>", "<iostream>", "<map>", "<memory>", "<mutex>",
               "<numeric>", "<optional>", "<sstream>", "<string>", "<thread>", "<unordered_map>", "<vector>"]

MODEL_H = """// Domain types of the {noun} service.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {ns}::model {{

struct Item {{
  std::string sku;
  int quantity = 0;
  long unitCents = 0;
}};

struct Request {{
  std::string id;
  std::string customerId;
  std::vector<Item> items;
  std::map<std::string, std::string> attributes;
}};

struct Decision {{
  bool accepted = false;
  std::string reason;
  long totalCents = 0;
}};

long totalOf(const Request &request);
std::optional<std::string> validate(const Request &request);
std::string describe(const Request &request);

}} // namespace {ns}::model
"""

MODEL_CPP = """// Business logic of the {noun} service: no messaging here.
#include "{ns}/model.h"

#include <algorithm>
#include <numeric>
#include <sstream>

namespace {ns}::model {{

long totalOf(const Request &request) {{
  return std::accumulate(request.items.begin(), request.items.end(), 0L,
                         [](long sum, const Item &item) {{ return sum + item.unitCents * item.quantity; }});
}}

std::optional<std::string> validate(const Request &request) {{
  if (request.id.empty())
    return std::string("missing id");
  if (request.items.empty())
    return std::string("no items");
  for (const Item &item : request.items) {{
    if (item.quantity <= 0)
      return "bad quantity for " + item.sku;
    if (item.unitCents < 0)
      return "negative price for " + item.sku;
  }}
  std::vector<std::string> skus;
  for (const Item &item : request.items)
    skus.push_back(item.sku);
  std::sort(skus.begin(), skus.end());
  if (std::adjacent_find(skus.begin(), skus.end()) != skus.end())
    return std::string("duplicate sku");
  return std::nullopt;
}}

std::string describe(const Request &request) {{
  std::ostringstream out;
  out << "{noun} request " << request.id << " for " << request.customerId << ": ";
  for (const auto &[key, value] : request.attributes)
    out << key << "=" << value << " ";
  out << request.items.size() << " items, " << totalOf(request) << " cents";
  return out.str();
}}

}} // namespace {ns}::model
"""

BUS_H = """// The {noun} service's event bus: a thin wrapper over a Kafka producer.
#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <string>

namespace {ns} {{

class EventBus {{
public:
  explicit EventBus(RdKafka::Producer *producer) : producer_(producer) {{}}
  void publish(const std::string &topic, const std::string &payload);

private:
  RdKafka::Producer *producer_;
}};

}} // namespace {ns}
"""

BUS_CPP = """{includes}
#include "{ns}/event_bus.h"

namespace {ns} {{

void EventBus::publish(const std::string &topic, const std::string &payload) {{
  RdKafka::ErrorCode error = producer_->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                                                const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0,
                                                nullptr, nullptr);
  if (error != RdKafka::ERR_NO_ERROR)
    std::cerr << "publish to " << topic << " failed: " << RdKafka::err2str(error) << "\\n";
  producer_->poll(0);
}}

}} // namespace {ns}
"""

REPLIES_H = """// Replies addressed to the {noun} service, handed over by the consume callback.
#pragma once

#include <librdkafka/rdkafkacpp.h>

#include <future>
#include <map>
#include <mutex>
#include <string>

namespace {ns} {{

class Replies : public RdKafka::ConsumeCb {{
public:
  std::future<std::string> await(const std::string &correlationId);
  void consume_cb(RdKafka::Message &message, void *opaque) override;

private:
  std::mutex mutex_;
  std::map<std::string, std::promise<std::string>> waiting_;
}};

class RpcOverQueue {{
public:
  RpcOverQueue(RdKafka::Producer *producer, Replies &replies) : producer_(producer), replies_(replies) {{}}
  std::string call(const std::string &topic, const std::string &body);

private:
  RdKafka::Producer *producer_;
  Replies &replies_;
  long next_ = 0;
}};

}} // namespace {ns}
"""

REPLIES_CPP = """{includes}
#include "{ns}/replies.h"

namespace {ns} {{

std::future<std::string> Replies::await(const std::string &correlationId) {{
  std::lock_guard<std::mutex> lock(mutex_);
  return waiting_[correlationId].get_future();
}}

void Replies::consume_cb(RdKafka::Message &message, void *) {{
  if (message.err() != RdKafka::ERR_NO_ERROR)
    return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = waiting_.find(message.key() ? *message.key() : std::string());
  if (it == waiting_.end())
    return;
  it->second.set_value(std::string(static_cast<const char *>(message.payload()), message.len()));
  waiting_.erase(it);
}}

}} // namespace {ns}
"""

RPC_CPP = """{includes}
#include "{ns}/replies.h"

namespace {ns} {{

// Request/reply over Kafka: publish with reply headers, wait for the answer.
std::string RpcOverQueue::call(const std::string &topic, const std::string &body) {{
  std::string id = "{noun}-" + std::to_string(++next_);
  std::future<std::string> reply = replies_.await(id);
  RdKafka::Headers *headers = RdKafka::Headers::create();
  headers->add("reply-topic", "{noun}.replies");
  headers->add("correlation-id", id);
  producer_->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                     const_cast<char *>(body.data()), body.size(), nullptr, 0, 0, headers, nullptr);
  if (reply.wait_for(std::chrono::seconds(5)) != std::future_status::ready)
    return {{}};
  return reply.get();
}}

}} // namespace {ns}
"""

HANDLER_HEAD = """// {noun} service, handler {index}: {what}.
{includes}
#include "inventory.grpc.pb.h"
#include "{ns}/event_bus.h"
#include "{ns}/model.h"
#include "{ns}/replies.h"

namespace {ns} {{

namespace {{

// Formatting and bookkeeping around the interesting part, as in any service.
std::string payloadOf(const model::Request &request, const model::Decision &decision) {{
  std::ostringstream out;
  out << "{{\\"id\\":\\"" << request.id << "\\",\\"accepted\\":" << (decision.accepted ? "true" : "false")
      << ",\\"total\\":" << decision.totalCents << ",\\"items\\":[";
  for (size_t i = 0; i < request.items.size(); ++i)
    out << (i ? "," : "") << "\\"" << request.items[i].sku << "\\"";
  out << "]}}";
  return out.str();
}}

std::map<std::string, int> quantitiesBySku(const model::Request &request) {{
  std::map<std::string, int> out;
  for (const model::Item &item : request.items)
    out[item.sku] += item.quantity;
  return out;
}}

std::vector<model::Item> largestFirst(std::vector<model::Item> items) {{
  std::sort(items.begin(), items.end(), [](const model::Item &a, const model::Item &b) {{
    return a.unitCents * a.quantity > b.unitCents * b.quantity;
  }});
  return items;
}}

}} // namespace

"""

PATTERNS = [
    ("mixed: validates synchronously over gRPC, then publishes the consequence", """
class Handler{index} {{
public:
  Handler{index}(inventory::Inventory::Stub &stock, EventBus &bus) : stock_(stock), bus_(bus) {{}}

  model::Decision place(const model::Request &request) {{
    model::Decision decision;
    if (auto problem = model::validate(request)) {{
      decision.reason = *problem;
      return decision;
    }}
    for (const auto &[sku, quantity] : quantitiesBySku(request)) {{
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(300));
      inventory::CheckRequest check;
      check.set_sku(sku);
      inventory::CheckReply reply;
      grpc::Status status = stock_.Check(&context, check, &reply);
      if (!status.ok() || !reply.available()) {{
        decision.reason = "unavailable: " + sku;
        return decision;
      }}
    }}
    decision.accepted = true;
    decision.totalCents = model::totalOf(request);
    bus_.publish("{noun}.placed", payloadOf(request, decision));
    return decision;
  }}

private:
  inventory::Inventory::Stub &stock_;
  EventBus &bus_;
}};
"""),
    ("request-driven: answers from gRPC calls only", """
class Handler{index} {{
public:
  explicit Handler{index}(inventory::Inventory::StubInterface *stock) : stock_(stock) {{}}

  std::vector<std::string> unavailable(const model::Request &request) {{
    std::vector<std::string> missing;
    for (const model::Item &item : largestFirst(request.items)) {{
      grpc::ClientContext context;
      inventory::CheckRequest check;
      check.set_sku(item.sku);
      inventory::CheckReply reply;
      if (!stock_->Check(&context, check, &reply).ok() || !reply.available())
        missing.push_back(item.sku);
    }}
    std::sort(missing.begin(), missing.end());
    return missing;
  }}

private:
  inventory::Inventory::StubInterface *stock_;
}};
"""),
    ("event-driven: consumes, handles, publishes what it did", """
class Handler{index} {{
public:
  Handler{index}(RdKafka::KafkaConsumer *consumer, EventBus &bus) : consumer_(consumer), bus_(bus) {{}}

  void run() {{
    while (running_) {{
      std::unique_ptr<RdKafka::Message> message(consumer_->consume(500));
      if (message->err() == RdKafka::ERR_NO_ERROR)
        handle(*message);
    }}
  }}

  void handle(const RdKafka::Message &message) {{
    model::Request request;
    request.id = std::string(static_cast<const char *>(message.payload()), message.len());
    model::Decision decision;
    decision.accepted = !model::validate(request).has_value();
    bus_.publish("{noun}.processed", payloadOf(request, decision));
  }}

  void stop() {{ running_ = false; }}

private:
  RdKafka::KafkaConsumer *consumer_;
  EventBus &bus_;
  bool running_ = true;
}};
"""),
    ("sync-over-queue: publishes through the bus, then waits for the reply", """
class Handler{index} {{
public:
  Handler{index}(EventBus &bus, Replies &replies) : bus_(bus), replies_(replies) {{}}

  model::Decision approve(const model::Request &request) {{
    model::Decision decision;
    decision.totalCents = model::totalOf(request);
    std::future<std::string> verdict = replies_.await(request.id);
    bus_.publish("{noun}.approval.requested", payloadOf(request, decision));
    decision.accepted = verdict.get() == "approved";
    return decision;
  }}

private:
  EventBus &bus_;
  Replies &replies_;
}};
"""),
    ("publish-then-block: publishes, then polls a status until the effect shows", """
class Handler{index} {{
public:
  Handler{index}(EventBus &bus, inventory::Inventory::Stub &stock) : bus_(bus), stock_(stock) {{}}

  bool reserveAndWait(const model::Request &request) {{
    model::Decision decision;
    bus_.publish("{noun}.reservation.created", payloadOf(request, decision));
    for (int attempt = 0; attempt < 20; ++attempt) {{
      grpc::ClientContext context;
      inventory::CheckRequest check;
      check.set_sku(request.items.empty() ? std::string() : request.items.front().sku);
      inventory::CheckReply reply;
      if (stock_.Check(&context, check, &reply).ok() && !reply.available())
        return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }}
    return false;
  }}

private:
  EventBus &bus_;
  inventory::Inventory::Stub &stock_;
}};
"""),
    ("messaging request/reply: asks another service through the request/reply helper", """
class Handler{index} {{
public:
  explicit Handler{index}(RpcOverQueue &rpc) : rpc_(rpc) {{}}

  long quote(const model::Request &request) {{
    model::Decision decision;
    std::string answer = rpc_.call("{noun}.quote.requested", payloadOf(request, decision));
    if (answer.empty())
      return -1;
    return std::stol(answer);
  }}

private:
  RpcOverQueue &rpc_;
}};
"""),
]


LIGHT_HEADERS = ["<algorithm>", "<future>", "<iostream>", "<map>", "<sstream>", "<string>", "<vector>"]

LAYERS_H = """// Layers of wrappers over the {noun} service's event bus (generated call chains).
#pragma once

#include "{ns}/event_bus.h"

#include <string>

namespace {ns}::layers {{

{declarations}
}} // namespace {ns}::layers
"""

LAYER_DECLARATION = """void send_{k}_a(EventBus &bus, const std::string &topic, const std::string &payload);
void send_{k}_b(EventBus &bus, const std::string &topic, const std::string &payload);
"""

LEAF_LAYER_CPP = """// {noun} service, layer 1 of {depth}: the wrappers that publish.
#include "{ns}/layers.h"

namespace {ns}::layers {{

void send_1_a(EventBus &bus, const std::string &topic, const std::string &payload) {{
  bus.publish(topic, "[a]" + payload);
}}

void send_1_b(EventBus &bus, const std::string &topic, const std::string &payload) {{
  if (payload.empty())
    return;
  bus.publish(topic, payload + "[b]");
}}

}} // namespace {ns}::layers
"""

# Each function calls both functions of the layer below: the call graph is a
# chain of diamonds, with 2^depth paths from the top to a publish.
LAYER_CPP = """// {noun} service, layer {k} of {depth}: wrappers over layer {below}.
#include "{ns}/layers.h"

namespace {ns}::layers {{

void send_{k}_a(EventBus &bus, const std::string &topic, const std::string &payload) {{
  if (payload.size() % 2 == 0)
    send_{below}_a(bus, topic, payload);
  else
    send_{below}_b(bus, topic, payload + "!");
}}

void send_{k}_b(EventBus &bus, const std::string &topic, const std::string &payload) {{
  std::string framed = "<" + payload + ">";
  send_{below}_a(bus, topic, framed);
  if (framed.size() > 64)
    send_{below}_b(bus, topic, framed.substr(0, 64));
}}

}} // namespace {ns}::layers
"""

DEEP_PATTERNS = [
    ("deep sync-over-queue: publishes through {depth} layers of wrappers, then waits for the reply", """
class Handler{index} {{
public:
  Handler{index}(EventBus &bus, Replies &replies) : bus_(bus), replies_(replies) {{}}

  bool confirm(const model::Request &request) {{
    model::Decision decision;
    std::future<std::string> verdict = replies_.await(request.id);
    layers::send_{depth}_a(bus_, "{noun}.confirmation.requested", payloadOf(request, decision));
    return verdict.get() == "confirmed";
  }}

private:
  EventBus &bus_;
  Replies &replies_;
}};
"""),
    ("deep event-driven: consumes, publishes through {depth} layers of wrappers", """
class Handler{index} {{
public:
  Handler{index}(RdKafka::KafkaConsumer *consumer, EventBus &bus) : consumer_(consumer), bus_(bus) {{}}

  void run() {{
    while (running_) {{
      std::unique_ptr<RdKafka::Message> message(consumer_->consume(500));
      if (message->err() != RdKafka::ERR_NO_ERROR)
        continue;
      model::Request request;
      request.id = std::string(static_cast<const char *>(message->payload()), message->len());
      model::Decision decision;
      layers::send_{depth}_b(bus_, "{noun}.forwarded", payloadOf(request, decision));
    }}
  }}

  void stop() {{ running_ = false; }}

private:
  RdKafka::KafkaConsumer *consumer_;
  EventBus &bus_;
  bool running_ = true;
}};
"""),
]

LIGHT_PATTERNS = [PATTERNS[2], PATTERNS[3], PATTERNS[5]]  # the ones without gRPC


def includes_block(light=False):
    if light:
        headers = ["<librdkafka/rdkafkacpp.h>"] + LIGHT_HEADERS
    else:
        headers = ["<grpcpp/grpcpp.h>", "<librdkafka/rdkafkacpp.h>"] + STD_HEADERS
    return "\n".join("#include " + h for h in headers)


def chain_sources(root, inc, ns, noun, depth, count):
    """Writes layers.h and the first min(depth, count) layer files; returns their paths."""
    declarations = "".join(LAYER_DECLARATION.format(k=k) for k in range(1, depth + 1))
    write(os.path.join(inc, "layers.h"), LAYERS_H.format(ns=ns, noun=noun, declarations=declarations))
    paths = []
    for k in range(1, min(depth, count) + 1):
        template = LEAF_LAYER_CPP if k == 1 else LAYER_CPP
        path = os.path.join(root, "src", "layer_%02d.cpp" % k)
        write(path, template.format(ns=ns, noun=noun, k=k, below=k - 1, depth=depth))
        paths.append(path)
    return paths


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="output directory (replaced)")
    parser.add_argument("--tus", type=int, default=200, help="translation units (default 200)")
    parser.add_argument("--services", type=int, default=20, help="services (default 20)")
    parser.add_argument("--grpc-gen", required=True, help="folder with inventory.grpc.pb.h and inventory.pb.h")
    parser.add_argument("--chain-depth", type=int, default=0,
                        help="layers of wrappers per service, one translation unit each (default 0: none)")
    parser.add_argument("--includes", choices=["full", "light"], default="full",
                        help="full: gRPC and fifteen standard headers in every file (default); light: only "
                        "librdkafka and the standard headers a file needs, no gRPC handlers")
    args = parser.parse_args()
    light = args.includes == "light"
    depth = max(0, args.chain_depth)
    patterns = LIGHT_PATTERNS if light else PATTERNS

    out = os.path.abspath(args.out)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    shutil.copytree(args.grpc_gen, os.path.join(out, "gen"))
    with open(os.path.join(out, ".flowshape.yaml"), "w") as f:
        f.write("# benchmark project root\n")

    services = max(1, min(args.services, args.tus))
    per_service = [args.tus // services + (1 if s < args.tus % services else 0) for s in range(services)]
    sources = []
    for s in range(services):
        noun = NOUNS[s % len(NOUNS)] + ("" if s < len(NOUNS) else str(s // len(NOUNS)))
        ns = "svc_" + noun
        root = os.path.join(out, "services", noun)
        inc = os.path.join(root, "include", ns)
        write(os.path.join(inc, "model.h"), MODEL_H.format(ns=ns, noun=noun))
        write(os.path.join(inc, "event_bus.h"), BUS_H.format(ns=ns, noun=noun))
        write(os.path.join(inc, "replies.h"), REPLIES_H.format(ns=ns, noun=noun))
        fixed = [("model.cpp", MODEL_CPP), ("event_bus.cpp", BUS_CPP), ("replies.cpp", REPLIES_CPP),
                 ("rpc_over_queue.cpp", RPC_CPP)]
        count = per_service[s]
        for name, template in fixed[:count]:
            path = os.path.join(root, "src", name)
            write(path, template.format(ns=ns, noun=noun, includes=includes_block(light)))
            sources.append((path, root))
        count -= len(fixed[:count])
        layers = chain_sources(root, inc, ns, noun, depth, count) if depth else []
        sources.extend((path, root) for path in layers)
        count -= len(layers)
        # Handlers call the deepest layer only when every layer was written.
        deep = DEEP_PATTERNS if depth and len(layers) == depth else []
        for index in range(max(0, count)):
            choices = deep + patterns
            what, body = choices[(index + s) % len(choices)]
            head = HANDLER_HEAD if not light else HANDLER_HEAD.replace('#include "inventory.grpc.pb.h"\n', "")
            if deep:
                head = head.replace('#include "{ns}/replies.h"\n', '#include "{ns}/replies.h"\n#include "{ns}/layers.h"\n')
            text = head.format(ns=ns, noun=noun, index=index, what=what.format(depth=depth),
                               includes=includes_block(light))
            text += body.format(index=index, noun=noun, depth=depth) + "\n} // namespace " + ns + "\n"
            path = os.path.join(root, "src", "handler_%02d.cpp" % index)
            write(path, text)
            sources.append((path, root))

    database = []
    for path, service_root in sources:
        database.append({
            "directory": service_root,
            "file": path,
            "arguments": ["clang++-19", "-std=c++17", "-O2", "-Wall", "-Iinclude", "-I" + os.path.join(out, "gen"),
                          "-c", path, "-o", path + ".o"],
        })
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(database, f, indent=1)
    print("generated %d translation units in %d services under %s" % (len(sources), services, out))


if __name__ == "__main__":
    main()
