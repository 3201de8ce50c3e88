/* Request helpers shared by every client of the program: one root cause
 * (a send and a reply-wait with no receive timeout) that each flow calling
 * them with its own REQ socket is reported for. Reports group those
 * findings by root cause (tests/GroupingTest.cpp); the expectations here
 * stay one per finding. */
#pragma once

char *ask(void *socket, const char *request);
char *ask_stock(void *socket, const char *sku);
