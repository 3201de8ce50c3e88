#pragma once

#include <httplib.h>

#include <string>
#include <vector>

namespace checkout {

struct Item {
  std::string sku;
  int quantity = 0;
};

// Synchronous HTTP client of the inventory service.
class InventoryClient {
public:
  explicit InventoryClient(const std::string &baseUrl) : http_(baseUrl) {}
  bool check(const std::vector<Item> &items);

private:
  httplib::Client http_;
};

} // namespace checkout
