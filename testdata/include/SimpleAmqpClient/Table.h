// SimpleAmqpClient Table, reduced (src/SimpleAmqpClient/Table.h at d271adb).
#ifndef SIMPLEAMQPCLIENT_TABLE_H
#define SIMPLEAMQPCLIENT_TABLE_H

#include <map>
#include <string>

namespace AmqpClient {
class TableValue;
typedef std::string TableKey;
typedef std::map<TableKey, TableValue> Table;
} // namespace AmqpClient

#endif // SIMPLEAMQPCLIENT_TABLE_H
