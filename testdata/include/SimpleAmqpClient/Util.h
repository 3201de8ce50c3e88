// SimpleAmqpClient export macros (src/SimpleAmqpClient/Util.h at d271adb).
#ifndef SIMPLEAMQPCLIENT_UTIL_H
#define SIMPLEAMQPCLIENT_UTIL_H

#define SIMPLEAMQPCLIENT_EXPORT

#endif // SIMPLEAMQPCLIENT_UTIL_H
