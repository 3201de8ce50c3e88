// AMQP-CPP Table, reduced (include/amqpcpp/table.h at 839f74f).
#pragma once

#include <string>
#include <vector>

namespace AMQP {
class Table {
public:
  Table() {}
  Table(const Table &table);
  Table &operator=(const Table &table);
  virtual ~Table() {}
  std::vector<std::string> keys() const;
  Table &set(const std::string &name, bool value);
  Table &set(const std::string &name, int32_t value);
  Table &set(const std::string &name, const std::string &value);
  Table &set(const std::string &name, const char *value);
};
} // namespace AMQP
