// See publisher.h: the minimal Pub/Sub declarations live there.
#pragma once
#include "google/cloud/pubsub/publisher.h"
