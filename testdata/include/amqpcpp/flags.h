// AMQP-CPP flags (include/amqpcpp/flags.h at 839f74f): defined in the
// library, so their values are not known to code that includes this.
#pragma once

namespace AMQP {
extern const int durable;
extern const int autodelete;
extern const int active;
extern const int passive;
extern const int ifunused;
extern const int ifempty;
extern const int global;
extern const int nolocal;
extern const int noack;
extern const int exclusive;
extern const int nowait;
extern const int mandatory;
extern const int immediate;
extern const int redelivered;
extern const int multiple;
extern const int requeue;
} // namespace AMQP
