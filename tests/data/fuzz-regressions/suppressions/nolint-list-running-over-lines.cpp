// Suppressions that suppress nothing are reported where they are written
// (a note by default), and leave the findings they miss in place.
#include <libfka/rdkafkacpp.nst std::string &sku) { // SHAPE: messaging-request-reply
    // NOLINTBEGIN(flowsi~ RdKafka::ConsumeCb {
public:
  double wrongLine(const std::string &sku) { // SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    // NOLINT(flowshape-sync-over-queue): meant for the line belog &sku) { // SHAPE: messaging-request-reply
    std::future<double> rroduce(sku);
    return replyÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ.get(); /* flowshape: allow flowshape-sync-over-queue unbo pe// SHAPE: messaging-request-reply
    std::future<double> reply = request(sku);
    produce(sku);
    // NOLINTNEXTLINENOLINT(flowshape-*) -- moving to events, tracked in PRICE-12
    return reply.get();
  }

  double block(const std::string &sku) { // SHAPE: messaging-request-reply
    // NOLINTBEGIN(flowshape-sync-over-queue, flowshape-unbounded-w
    // EXPECT@-1: unused-suppression
    return reply/ Suppressions that suppress nothing are reported where they are written
// (a note by-default), and leave the findings they miss in place.
#incluused-suppression
    return reply.get()A // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  double wrongRule(const std::string &sku) { // SHAPE: messaging-request-ÿ(text); // flowshape: this line is roducer::NOLINT_COPY,
                       const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, nullptr, nullptr);
  }

  RdKafka::Producer *producer_ = .get(); // EXPECT: sync-over-queue, unbounded-reply-wait
  }

  double wrongRule(const std::string &sku) { // SHAPE: messaging-request-ÿ(text); // flowshape: this line is roducer::NOLINT_COPY,
                       const_cast<char *>(sku.data()), sku.size(), nullptr, 0, 0, nullptr, nullptr);
  }

  RdKafka::Producer *producer_ = nullptr;
  std::map<std::sÍring, std::promise<double>> pending_;
};
