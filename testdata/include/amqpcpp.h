// Minimal declarations of AMQP-CPP's public API (Debian does not package
// it), written for flowshape's tests. Namespaces, class names and
// signatures follow CopernicaMarketingSoftware/AMQP-CPP at commit 839f74f
// (v4.3.x, June 2025); like the real umbrella header, this one includes
// the class headers of amqpcpp/ in dependency order. Only what the tests
// use is declared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "amqpcpp/classes.h"
#include "amqpcpp/table.h"
#include "amqpcpp/metadata.h"
#include "amqpcpp/envelope.h"
#include "amqpcpp/message.h"
#include "amqpcpp/exchangetype.h"
#include "amqpcpp/flags.h"
#include "amqpcpp/callbacks.h"
#include "amqpcpp/deferred.h"
#include "amqpcpp/deferredconsumer.h"
#include "amqpcpp/deferredqueue.h"
#include "amqpcpp/deferredconfirm.h"
#include "amqpcpp/deferredget.h"
#include "amqpcpp/deferredpublish.h"
#include "amqpcpp/channel.h"
#include "amqpcpp/tagger.h"
#include "amqpcpp/reliable.h"
#include "amqpcpp/connectionhandler.h"
#include "amqpcpp/connection.h"
