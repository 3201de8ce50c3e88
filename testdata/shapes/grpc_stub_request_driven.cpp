// A synchronous gRPC call through a generated stub is a direct request.
// EXPECT-NONE
#include <grpcpp/grpcpp.h>

#include "grpc-gen/inventory.grpc.pb.h"

#include <memory>
#include <string>

bool available(inventory::Inventory::Stub &stub, const std::string &sku) { // SHAPE: request-driven
  grpc::ClientContext context;
  inventory::CheckRequest request;
  request.set_sku(sku);
  inventory::CheckReply reply;
  grpc::Status status = stub.Check(&context, request, &reply);
  return status.ok() && reply.available();
}

bool availableThroughInterface(inventory::Inventory::StubInterface *stub, const std::string &sku) { // SHAPE: request-driven
  grpc::ClientContext context;
  inventory::CheckRequest request;
  inventory::CheckReply reply;
  return stub->Check(&context, request, &reply).ok();
}

// Building a request is not making one.
std::string describe(const std::string &sku) {
  inventory::CheckRequest request;
  request.set_sku(sku);
  return request.sku();
}
