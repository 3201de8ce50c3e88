// See ../SNSClient.h: the minimal SNS declarations live there.
#pragma once
#include <aws/sns/SNSClient.h>
