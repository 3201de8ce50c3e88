/* The outbox: a C helper over librdkafka's C API, used from C++ too. */
#pragma once

#include <librdkafka/rdkafka.h>

#ifdef __cplusplus
extern "C" {
#endif

int outbox_emit(rd_kafka_t *rk, const char *topic, const char *payload);

#ifdef __cplusplus
}
#endif
