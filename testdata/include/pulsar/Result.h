// See Client.h: the minimal Pulsar declarations live there.
#pragma once
#include <pulsar/Client.h>
