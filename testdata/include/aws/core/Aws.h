// Minimal declarations of the AWS SDK for C++ core (aws/core/Aws.h,
// aws/core/utils/Outcome.h, aws/core/client/AWSError.h; SDK 1.11) for
// flowshape's testdata. Not the real header.
#pragma once

#include <functional>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Aws {
using String = std::string;
template <typename T> using Vector = std::vector<T>;
template <typename K, typename V> using Map = std::map<K, V>;

struct SDKOptions {};
void InitAPI(const SDKOptions &options);
void ShutdownAPI(const SDKOptions &options);

namespace Client {
class ClientConfiguration {
public:
  ClientConfiguration();
  Aws::String region;
  long requestTimeoutMs = 3000;
};
template <typename ERROR_TYPE> class AWSError {
public:
  const Aws::String &GetMessage() const;
};
class AsyncCallerContext {};
} // namespace Client

namespace Utils {
template <typename R, typename E> class Outcome {
public:
  bool IsSuccess() const;
  const R &GetResult() const;
  R &GetResult();
  const E &GetError() const;
};
} // namespace Utils
} // namespace Aws
