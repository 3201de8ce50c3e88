// Minimal cppkafka declarations for flowshape's tests: the umbrella header,
// as mfontanini/cppkafka include/cppkafka/cppkafka.h at 9c5ea0e.
#pragma once

#include <cppkafka/buffer.h>
#include <cppkafka/configuration.h>
#include <cppkafka/consumer.h>
#include <cppkafka/error.h>
#include <cppkafka/header.h>
#include <cppkafka/header_list.h>
#include <cppkafka/kafka_handle_base.h>
#include <cppkafka/message.h>
#include <cppkafka/message_builder.h>
#include <cppkafka/producer.h>
#include <cppkafka/utils/buffered_producer.h>
#include <cppkafka/utils/consumer_dispatcher.h>
