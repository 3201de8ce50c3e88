// Minimal cppkafka declarations for flowshape's tests (checked against
// mfontanini/cppkafka include/cppkafka/configuration.h and
// configuration_option.h at 9c5ea0e).
#pragma once

#include "error.h"

#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

namespace cppkafka {

class Message;
class Producer;
class Consumer;
class KafkaHandleBase;
class TopicPartitionList;

class ConfigurationOption {
public:
  ConfigurationOption(const std::string &key, const std::string &value);
  ConfigurationOption(const std::string &key, const char *value);
  ConfigurationOption(const std::string &key, bool value);
  template <typename T> ConfigurationOption(const std::string &key, T value);
};

class Configuration {
public:
  using DeliveryReportCallback = std::function<void(Producer &producer, const Message &)>;
  using OffsetCommitCallback = std::function<void(Consumer &consumer, Error error, const TopicPartitionList &)>;
  using ErrorCallback = std::function<void(KafkaHandleBase &handle, int error, const std::string &reason)>;

  Configuration();
  Configuration(const std::vector<ConfigurationOption> &options);
  Configuration(const std::initializer_list<ConfigurationOption> &options);

  Configuration &set(const std::string &name, const std::string &value);
  Configuration &set_delivery_report_callback(DeliveryReportCallback callback);
  Configuration &set_offset_commit_callback(OffsetCommitCallback callback);
  Configuration &set_error_callback(ErrorCallback callback);
  std::string get(const std::string &name) const;
};

} // namespace cppkafka
