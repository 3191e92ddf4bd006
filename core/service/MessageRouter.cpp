#include "MessageRouter.h"

#include "FanOutPool.h"
#include "net/ConnectionRegistry.h"
#include "protocol/Envelope.h"

#include <QLoggingCategory>
#include <QThread>

Q_DECLARE_LOGGING_CATEGORY(lcWs)

namespace gistack {

namespace {
// Below this many recipients the threads cost more than they save.
constexpr qsizetype parallelFrom = 256;
constexpr int maxWorkers = 3;
} // namespace

MessageRouter::MessageRouter(ConnectionRegistry &registry)
    : m_registry(registry)
    , m_pool(std::make_unique<FanOutPool>(qBound(0, QThread::idealThreadCount() - 1, maxWorkers))) {
}

MessageRouter::~MessageRouter() = default;

QStringList MessageRouter::deliver(const Envelope &envelope, const QStringList &userIds, Kind kind) const {
    const QString durableId = kind == Kind::Durable ? envelope.id() : QString();
    const quint64 routeSeq = kind == Kind::Durable ? m_registry.nextRouteSeq() : 0;
    struct Recipient {
        const QString *userId;
        QList<ClientConnection *> connections;
        bool reached = false;
        bool leftOver = false; // a socket the threads could not serve
    };
    std::vector<Recipient> recipients;
    recipients.reserve(size_t(userIds.size()));
    for (const QString &userId : userIds) {
        QList<ClientConnection *> connections = m_registry.connectionsOf(userId);
        if (!connections.isEmpty())
            recipients.push_back(Recipient{&userId, std::move(connections)});
    }
    // Each recipient's own sockets only, on any thread; nothing here emits.
    const auto sendTo = [&](qsizetype i) {
        Recipient &recipient = recipients[size_t(i)];
        const QByteArray frame = envelope.frameFor(*recipient.userId);
        for (ClientConnection *connection : std::as_const(recipient.connections)) {
            switch (connection->sendFromAnyThread(frame, durableId, routeSeq)) {
            case ClientConnection::Attempt::Sent:
                recipient.reached = true;
                break;
            case ClientConnection::Attempt::LeftForOwnThread:
                recipient.leftOver = true;
                break;
            case ClientConnection::Attempt::Closed:
                break;
            }
        }
    };
    const auto count = qsizetype(recipients.size());
    if (count >= parallelFrom)
        m_pool->forEach(count, sendTo);
    else
        for (qsizetype i = 0; i < count; ++i)
            sendTo(i);

    QStringList reached;
    for (Recipient &recipient : recipients) {
        if (recipient.leftOver) {
            // Qt's sockets (TLS) are sent to here; slow ones are closed here.
            const QByteArray frame = envelope.frameFor(*recipient.userId);
            for (ClientConnection *connection : std::as_const(recipient.connections)) {
                if (!connection->sendsFromAnyThread())
                    recipient.reached = connection->send(frame, durableId, routeSeq) || recipient.reached;
                else
                    connection->checkBacklog();
            }
        }
        if (recipient.reached)
            reached.append(*recipient.userId);
    }
    qCDebug(lcWs) << "message" << envelope.id() << MessageCatalogue::name(envelope.type()) << "reached"
                  << reached.size() << "users";
    return reached;
}

bool MessageRouter::deliverTo(ClientConnection *connection, const Envelope &envelope) const {
    return connection->send(envelope.frameFor(connection->user().id));
}

} // namespace gistack
