#pragma once

#include <QStringList>

#include <memory>

namespace gistack {

class ClientConnection;
class ConnectionRegistry;
class Envelope;
class FanOutPool;

// Writes an envelope to the open sockets of its recipients, each frame naming only the
// user it goes to.
class MessageRouter {
public:
    explicit MessageRouter(ConnectionRegistry &registry);
    ~MessageRouter();

    // Durable messages are the ones the database keeps queued for offline users (results,
    // publishes); counts and reminders are computed afresh and need no second chance.
    enum class Kind { Live, Durable };

    // Returns the users that had at least one open socket.
    QStringList deliver(const Envelope &envelope, const QStringList &userIds, Kind kind = Kind::Live) const;
    bool deliverTo(ClientConnection *connection, const Envelope &envelope) const;

private:
    ConnectionRegistry &m_registry;
    // Sends of a large fan-out run on all cores.
    std::unique_ptr<FanOutPool> m_pool;
};

} // namespace gistack
