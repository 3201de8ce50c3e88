// See Session.h: the minimal CMS declarations live there.
#pragma once
#include <cms/Session.h>
