// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/error.h at 9c5ea0e).
#pragma once

#include <librdkafka/rdkafka.h>

#include <string>

namespace cppkafka {

class Error {
public:
  Error();
  Error(rd_kafka_resp_err_t error);
  rd_kafka_resp_err_t get_error() const;
  std::string to_string() const;
  explicit operator bool() const;
};

} // namespace cppkafka
