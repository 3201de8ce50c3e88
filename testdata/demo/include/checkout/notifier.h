#ifndef CHECKOUT_NOTIFIER_H
#define CHECKOUT_NOTIFIER_H

#include <amqp.h>

/* Customer notifications go out over RabbitMQ (rabbitmq-c). */
void notify_order_confirmed(amqp_connection_state_t conn, const char *order_id);

#endif
