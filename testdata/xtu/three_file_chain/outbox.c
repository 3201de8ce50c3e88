/* Third file of the chain: the publish itself, in C. */
#include "outbox.h"

#include <string.h>

int outbox_emit(rd_kafka_t *rk, const char *topic, const char *payload) { // SHAPE: event-driven
  rd_kafka_resp_err_t err = rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(topic), // EVIDENCE: publish
                                              RD_KAFKA_V_VALUE((void *)payload, strlen(payload)),
                                              RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
  return err == RD_KAFKA_RESP_ERR_NO_ERROR ? 0 : -1;
}
