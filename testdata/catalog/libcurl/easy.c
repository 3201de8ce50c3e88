/* libcurl's easy interface: curl_easy_perform blocks until the answer is
   there. Publishing after it is mixed; before it, still no reply-wait. */
/* EXPECT-NONE */
#include <amqp.h>
#include <curl/curl.h>

int charge(CURL *curl, amqp_connection_state_t conn, const char *order) { /* SHAPE: mixed */
  curl_easy_setopt(curl, CURLOPT_URL, "https://payments/charges");
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, order);
  if (curl_easy_perform(curl) != CURLE_OK)
    return 0;
  amqp_basic_publish(conn, 1, amqp_cstring_bytes("orders"), amqp_cstring_bytes("orders.charged"), 0, 0, NULL,
                     amqp_cstring_bytes(order));
  return 1;
}

int announce_then_fetch(CURL *curl, amqp_connection_state_t conn, const char *order) { /* SHAPE: mixed */
  amqp_basic_publish(conn, 1, amqp_cstring_bytes("orders"), amqp_cstring_bytes("orders.placed"), 0, 0, NULL,
                     amqp_cstring_bytes(order));
  curl_easy_setopt(curl, CURLOPT_URL, "https://rates/today");
  return curl_easy_perform(curl) == CURLE_OK; /* OK: publish-then-block, sync-over-queue */
}
