// gRPC through generated stubs: synchronous, callback and asynchronous
// calls are direct requests. Asking a service and then announcing the
// outcome is mixed; an asynchronous call's completion queue is its answer,
// not a wait after the publish.
// EXPECT-NONE
#include <grpcpp/grpcpp.h>
#include <librdkafka/rdkafkacpp.h>

#include "grpc-gen/inventory.grpc.pb.h"

#include <string>

bool reserve(inventory::Inventory::Stub &stub, RdKafka::Producer *producer, const std::string &sku) { // SHAPE: mixed
  grpc::ClientContext context;
  inventory::CheckRequest request;
  request.set_sku(sku);
  inventory::CheckReply reply;
  if (!stub.Check(&context, request, &reply).ok() || !reply.available())
    return false;
  producer->produce("stock.reserved", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, nullptr, nullptr);
  return true;
}

bool announceThenCheckAsync(inventory::Inventory::Stub &stub, RdKafka::Producer *producer, const std::string &sku) { // SHAPE: mixed
  producer->produce("stock.check-started", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,
                    const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, nullptr, nullptr);
  grpc::CompletionQueue queue;
  grpc::ClientContext context;
  inventory::CheckRequest request;
  inventory::CheckReply reply;
  grpc::Status status;
  auto call = stub.AsyncCheck(&context, request, &queue);
  call->Finish(&reply, &status, reinterpret_cast<void *>(1));
  void *tag = nullptr;
  bool ok = false;
  queue.Next(&tag, &ok); // OK: publish-then-block
  return ok && status.ok() && reply.available();
}

void checkWithCallback(inventory::Inventory::Stub &stub, const std::string &sku) { // SHAPE: request-driven
  grpc::ClientContext context;
  inventory::CheckRequest request;
  request.set_sku(sku);
  inventory::CheckReply reply;
  stub.async()->Check(&context, &request, &reply, [](grpc::Status status) { (void)status; });
}
