// A dispatch loop of a hundred branches, each publishing a job and waiting
// for its reply: over the plain condensation's budget, so the function's
// event graph keeps the CFG's join points as junctions (docs/architecture.md,
// "Junctions"). Every wait is the reply to its own branch's publish; the
// loop holds both, so the next iteration's publishes are not what it
// answers; the sleep paces a loop that publishes.
#include <librdkafka/rdkafkacpp.h>

#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

int dispatch(RdKafka::Producer *producer, const std::vector<int> &commands, std::vector<std::future<int>> &replies, // SHAPE: messaging-request-reply
             char *buf, size_t len) {
  RdKafka::Headers *headers = RdKafka::Headers::create();
  headers->add("reply-topic", "jobs.replies");
  int done = 0;
  for (int command : commands) {
    if (command == 0) {
      producer->produce("jobs.0", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[0].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 1) {
      producer->produce("jobs.1", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[1].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 2) {
      producer->produce("jobs.2", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[2].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 3) {
      producer->produce("jobs.3", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[3].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 4) {
      producer->produce("jobs.4", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[4].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 5) {
      producer->produce("jobs.5", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[5].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 6) {
      producer->produce("jobs.6", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[6].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 7) {
      producer->produce("jobs.7", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[7].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 8) {
      producer->produce("jobs.8", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[8].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 9) {
      producer->produce("jobs.9", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[9].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 10) {
      producer->produce("jobs.10", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[10].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 11) {
      producer->produce("jobs.11", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[11].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 12) {
      producer->produce("jobs.12", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[12].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 13) {
      producer->produce("jobs.13", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[13].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 14) {
      producer->produce("jobs.14", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[14].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 15) {
      producer->produce("jobs.15", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[15].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 16) {
      producer->produce("jobs.16", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[16].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 17) {
      producer->produce("jobs.17", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[17].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 18) {
      producer->produce("jobs.18", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[18].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 19) {
      producer->produce("jobs.19", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[19].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 20) {
      producer->produce("jobs.20", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[20].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 21) {
      producer->produce("jobs.21", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[21].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 22) {
      producer->produce("jobs.22", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[22].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 23) {
      producer->produce("jobs.23", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[23].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 24) {
      producer->produce("jobs.24", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[24].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 25) {
      producer->produce("jobs.25", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[25].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 26) {
      producer->produce("jobs.26", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[26].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 27) {
      producer->produce("jobs.27", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[27].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 28) {
      producer->produce("jobs.28", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[28].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 29) {
      producer->produce("jobs.29", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[29].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 30) {
      producer->produce("jobs.30", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[30].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 31) {
      producer->produce("jobs.31", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[31].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 32) {
      producer->produce("jobs.32", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[32].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 33) {
      producer->produce("jobs.33", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[33].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 34) {
      producer->produce("jobs.34", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[34].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 35) {
      producer->produce("jobs.35", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[35].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 36) {
      producer->produce("jobs.36", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[36].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 37) {
      producer->produce("jobs.37", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[37].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 38) {
      producer->produce("jobs.38", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[38].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 39) {
      producer->produce("jobs.39", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[39].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 40) {
      producer->produce("jobs.40", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[40].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 41) {
      producer->produce("jobs.41", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[41].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 42) {
      producer->produce("jobs.42", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[42].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 43) {
      producer->produce("jobs.43", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[43].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 44) {
      producer->produce("jobs.44", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[44].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 45) {
      producer->produce("jobs.45", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[45].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 46) {
      producer->produce("jobs.46", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[46].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 47) {
      producer->produce("jobs.47", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[47].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 48) {
      producer->produce("jobs.48", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[48].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 49) {
      producer->produce("jobs.49", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[49].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 50) {
      producer->produce("jobs.50", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[50].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 51) {
      producer->produce("jobs.51", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[51].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 52) {
      producer->produce("jobs.52", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[52].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 53) {
      producer->produce("jobs.53", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[53].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 54) {
      producer->produce("jobs.54", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[54].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 55) {
      producer->produce("jobs.55", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[55].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 56) {
      producer->produce("jobs.56", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[56].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 57) {
      producer->produce("jobs.57", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[57].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 58) {
      producer->produce("jobs.58", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[58].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 59) {
      producer->produce("jobs.59", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[59].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 60) {
      producer->produce("jobs.60", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[60].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 61) {
      producer->produce("jobs.61", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[61].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 62) {
      producer->produce("jobs.62", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[62].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 63) {
      producer->produce("jobs.63", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[63].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 64) {
      producer->produce("jobs.64", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[64].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 65) {
      producer->produce("jobs.65", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[65].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 66) {
      producer->produce("jobs.66", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[66].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 67) {
      producer->produce("jobs.67", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[67].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 68) {
      producer->produce("jobs.68", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[68].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 69) {
      producer->produce("jobs.69", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[69].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 70) {
      producer->produce("jobs.70", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[70].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 71) {
      producer->produce("jobs.71", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[71].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 72) {
      producer->produce("jobs.72", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[72].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 73) {
      producer->produce("jobs.73", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[73].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 74) {
      producer->produce("jobs.74", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[74].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 75) {
      producer->produce("jobs.75", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[75].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 76) {
      producer->produce("jobs.76", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[76].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 77) {
      producer->produce("jobs.77", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[77].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 78) {
      producer->produce("jobs.78", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[78].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 79) {
      producer->produce("jobs.79", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[79].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 80) {
      producer->produce("jobs.80", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[80].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 81) {
      producer->produce("jobs.81", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[81].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 82) {
      producer->produce("jobs.82", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[82].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 83) {
      producer->produce("jobs.83", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[83].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 84) {
      producer->produce("jobs.84", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[84].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 85) {
      producer->produce("jobs.85", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[85].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 86) {
      producer->produce("jobs.86", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[86].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 87) {
      producer->produce("jobs.87", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[87].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 88) {
      producer->produce("jobs.88", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[88].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 89) {
      producer->produce("jobs.89", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[89].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 90) {
      producer->produce("jobs.90", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[90].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 91) {
      producer->produce("jobs.91", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[91].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 92) {
      producer->produce("jobs.92", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[92].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 93) {
      producer->produce("jobs.93", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[93].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 94) {
      producer->produce("jobs.94", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[94].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 95) {
      producer->produce("jobs.95", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[95].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 96) {
      producer->produce("jobs.96", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[96].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 97) {
      producer->produce("jobs.97", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[97].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 98) {
      producer->produce("jobs.98", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[98].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command == 99) {
      producer->produce("jobs.99", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, headers, nullptr);
      done += replies[99].get(); // EXPECT: sync-over-queue, unbounded-reply-wait
    }
    if (command < 0)
      producer->produce("jobs.heartbeat", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, buf, len, nullptr, 0, 0, nullptr, nullptr);
    std::this_thread::sleep_for(std::chrono::milliseconds(10)); // OK: publish-then-block
  }
  return done;
}
