#include "checkout/InventoryClient.h"

namespace checkout {

bool InventoryClient::check(const std::vector<Item> &items) { // SHAPE: request-driven
  std::string query;
  for (const Item &item : items)
    query += (query.empty() ? "?" : "&") + item.sku + "=" + std::to_string(item.quantity);
  auto response = http_.Get("/availability" + query);
  return response && response->status == 200 && response->body == "available";
}

} // namespace checkout
