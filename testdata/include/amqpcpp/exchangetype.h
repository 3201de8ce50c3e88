// AMQP-CPP ExchangeType (include/amqpcpp/exchangetype.h at 839f74f).
#pragma once

namespace AMQP {
enum ExchangeType { fanout, direct, topic, headers, consistent_hash, message_deduplication };
} // namespace AMQP
