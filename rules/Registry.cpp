// Every rule of flowshape, in one explicit alphabetical list (as clang-tidy
// modules register their checks). A rule needs its rules/docs/<id>.md and a
// testdata/rules/<id>/ folder: tests/RegistryTest.cpp enforces both.
#include "flowshape/Rule.h"

namespace flowshape {

std::unique_ptr<Rule> makeBrokerRequestReply();
std::unique_ptr<Rule> makeCommandNamedEvent();
std::unique_ptr<Rule> makePublishThenBlock();
std::unique_ptr<Rule> makeSyncOverQueue();
std::unique_ptr<Rule> makeUnboundedReplyWait();
std::unique_ptr<Rule> makeUnjustifiedSuppression();
std::unique_ptr<Rule> makeUnusedSuppression();

const std::vector<std::unique_ptr<Rule>> &allRules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> r;
    r.push_back(makeBrokerRequestReply());
    r.push_back(makeCommandNamedEvent());
    r.push_back(makePublishThenBlock());
    r.push_back(makeSyncOverQueue());
    r.push_back(makeUnboundedReplyWait());
    r.push_back(makeUnjustifiedSuppression());
    r.push_back(makeUnusedSuppression());
    return r;
  }();
  return rules;
}

} // namespace flowshape
