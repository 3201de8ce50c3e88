/* libcurl's easy interface blocks until the answer is there. */
/* EXPECT-NONE */
#include <curl/curl.h>

int fetch_rates(const char *url) { /* SHAPE: request-driven */
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url);
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return rc == CURLE_OK;
}

/* Setting options prepares a request; it does not make one. */
void configure(CURL *curl) { curl_easy_setopt(curl, CURLOPT_TIMEOUT, 5L); }
