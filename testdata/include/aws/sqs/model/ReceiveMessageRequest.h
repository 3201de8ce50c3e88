// See ../SQSClient.h: the minimal SQS declarations live there.
#pragma once
#include <aws/sqs/SQSClient.h>
