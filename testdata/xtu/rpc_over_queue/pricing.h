#pragma once

#include "rpc_over_queue.h"

namespace rpc {

class PriceClient {
public:
  explicit PriceClient(RpcOverQueue &rpc) : rpc_(rpc) {}
  double quote(const std::string &sku);

private:
  RpcOverQueue &rpc_;
};

} // namespace rpc
