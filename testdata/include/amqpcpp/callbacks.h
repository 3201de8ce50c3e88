// AMQP-CPP callback types (include/amqpcpp/callbacks.h at 839f74f).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace AMQP {
class Message;
class MetaData;

using SuccessCallback = std::function<void()>;
using ErrorCallback = std::function<void(const char *message)>;
using FinalizeCallback = std::function<void()>;
using QueueCallback = std::function<void(const std::string &name, uint32_t messagecount, uint32_t consumercount)>;
using EmptyCallback = std::function<void()>;
using ConsumeCallback = std::function<void(const std::string &consumer)>;
using MessageCallback = std::function<void(const Message &message, uint64_t deliveryTag, bool redelivered)>;
using AckCallback = std::function<void(uint64_t deliveryTag, bool multiple)>;
using NackCallback = std::function<void(uint64_t deliveryTag, bool multiple, bool requeue)>;
using PublishAckCallback = std::function<void()>;
using PublishNackCallback = std::function<void()>;
using PublishLostCallback = std::function<void()>;
} // namespace AMQP
