#pragma once

#include <QStringList>

namespace gistack {

class ClientConnection;
class ConnectionRegistry;
class Envelope;

// Writes an envelope to the open sockets of its recipients, each frame naming only the
// user it goes to.
class MessageRouter {
public:
    explicit MessageRouter(ConnectionRegistry &registry);

    // Returns the users that had at least one open socket.
    QStringList deliver(const Envelope &envelope, const QStringList &userIds) const;
    bool deliverTo(ClientConnection *connection, const Envelope &envelope) const;

private:
    ConnectionRegistry &m_registry;
};

} // namespace gistack
