// Functions with only local waits, and no messaging, are not flows.
// EXPECT-NONE
#include <chrono>
#include <future>
#include <thread>

int compute(std::future<int> &pending) { return pending.get(); }

void backoff(int attempt) { std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt)); }
