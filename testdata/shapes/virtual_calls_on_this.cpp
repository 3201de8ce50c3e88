// A base class's helper that calls virtual methods on `this` runs the
// overriders of the object it is called on: a pipe connector's exchange()
// never reaches the ZeroMQ connector's sockets, a ZeroMQ connector's does,
// and so does a class derived from it that overrides nothing.
#include <zmq.h>

#include <string.h>
#include <unistd.h>

class Connector {
public:
  virtual ~Connector() = default;
  // Called on an unknown connector: any transport may run.
  bool exchange(const char *msg) { // SHAPE: messaging-request-reply
    send(msg);
    return receive(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

protected:
  virtual void send(const char *msg) = 0;
  virtual bool receive() = 0;
};

class ZmqConnector : public Connector {
public:
  explicit ZmqConnector(void *ctx) : sock_(zmq_socket(ctx, ZMQ_DEALER)) {}
  bool ping() { return exchange("ping"); } // SHAPE: messaging-request-reply

protected:
  void send(const char *msg) override { zmq_send(sock_, msg, strlen(msg), 0); } // SHAPE: event-driven
  bool receive() override { // SHAPE: event-driven
    char buffer[256];
    return zmq_recv(sock_, buffer, sizeof buffer, 0) >= 0;
  }

private:
  void *sock_;
};

// Inherits the ZeroMQ transport: its pings are the same round trip.
class TracedZmqConnector : public ZmqConnector {
public:
  using ZmqConnector::ZmqConnector;
  bool tracedPing() { return exchange("traced"); } // SHAPE: messaging-request-reply
};

// A sibling transport: its exchange runs only its own send and receive.
class PipeConnector : public Connector {
public:
  bool ping() { return exchange("ping"); }

protected:
  void send(const char *msg) override { (void)write(out_, msg, strlen(msg)); }
  bool receive() override {
    char buffer[256];
    return read(in_, buffer, sizeof buffer) > 0;
  }

private:
  int in_ = 0, out_ = 1;
};
