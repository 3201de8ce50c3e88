/* A send-and-await helper that resends on a timeout: the two halves call
 * each other (a call cycle), and neither knows the socket it is given. */
#pragma once
#include <zmq.h>

int send_and_await(void *sock, const char *body, int tries);
int await_or_resend(void *socket_, const char *text, int attempts);
