#include "MessageRouter.h"

#include "net/ConnectionRegistry.h"
#include "protocol/Envelope.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcWs)

namespace gistack {

MessageRouter::MessageRouter(ConnectionRegistry &registry)
    : m_registry(registry) {
}

QStringList MessageRouter::deliver(const Envelope &envelope, const QStringList &userIds, Kind kind) const {
    QStringList reached;
    const QString durableId = kind == Kind::Durable ? envelope.id() : QString();
    const quint64 routeSeq = kind == Kind::Durable ? m_registry.nextRouteSeq() : 0;
    for (const QString &userId : userIds) {
        const QList<ClientConnection *> connections = m_registry.connectionsOf(userId);
        if (connections.isEmpty())
            continue;
        const QByteArray frame = envelope.frameFor(userId);
        bool any = false;
        for (ClientConnection *connection : connections)
            any = connection->send(frame, durableId, routeSeq) || any;
        if (any)
            reached.append(userId);
    }
    qCDebug(lcWs) << "message" << envelope.id() << MessageCatalogue::name(envelope.type()) << "reached"
                  << reached;
    return reached;
}

bool MessageRouter::deliverTo(ClientConnection *connection, const Envelope &envelope) const {
    return connection->send(envelope.frameFor(connection->user().id));
}

} // namespace gistack
