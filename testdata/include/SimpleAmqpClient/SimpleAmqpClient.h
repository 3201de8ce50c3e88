// Minimal declarations of SimpleAmqpClient's public API (Debian does not
// package it), written for flowshape's tests. Namespaces, class names and
// signatures follow alanxz/SimpleAmqpClient at commit d271adb (v2.5.x,
// January 2025), src/SimpleAmqpClient/*.h; only what the tests use is
// declared, and there are no definitions.
#ifndef SIMPLEAMQPCLIENT_SIMPLEAMQPCLIENT_H
#define SIMPLEAMQPCLIENT_SIMPLEAMQPCLIENT_H

#include "SimpleAmqpClient/BasicMessage.h"
#include "SimpleAmqpClient/Channel.h"
#include "SimpleAmqpClient/Envelope.h"
#include "SimpleAmqpClient/Table.h"

#endif // SIMPLEAMQPCLIENT_SIMPLEAMQPCLIENT_H
