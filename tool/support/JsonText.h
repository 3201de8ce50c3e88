// Every JSON flowshape writes (reports, SARIF, cache entries, shard files)
// goes through jsonText. Source code is not always UTF-8 (a Latin-1 topic
// literal, a suppression reason, a file name), and nlohmann's dump() throws
// on invalid UTF-8 by default: here each invalid byte becomes U+FFFD, so a
// report is always written and the same bytes always give the same output.
#pragma once

#include <string>

namespace flowshape {

// `value` (nlohmann::json or nlohmann::ordered_json) as text; `indent` as
// for dump() (-1: compact).
template <class Json> std::string jsonText(const Json &value, int indent = -1) {
  return value.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace);
}

} // namespace flowshape
