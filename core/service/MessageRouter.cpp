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

QStringList MessageRouter::deliver(const Envelope &envelope, const QStringList &userIds, Kind kind,
                                   qint64 logSeq) const {
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
            if (logSeq > 0 && connection->loadedSeq() >= logSeq)
                continue;
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
    spread(qsizetype(recipients.size()), sendTo);

    QStringList reached;
    for (Recipient &recipient : recipients) {
        if (recipient.leftOver) {
            // Qt's sockets (TLS) are sent to here; slow ones are closed here.
            const QByteArray frame = envelope.frameFor(*recipient.userId);
            for (ClientConnection *connection : std::as_const(recipient.connections)) {
                if (logSeq > 0 && connection->loadedSeq() >= logSeq)
                    continue;
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

void MessageRouter::spread(qsizetype count, const std::function<void(qsizetype)> &send) const {
    if (count >= parallelFrom) {
        m_pool->forEach(count, send);
        return;
    }
    for (qsizetype i = 0; i < count; ++i)
        send(i);
}

std::vector<char> MessageRouter::deliverBatch(const QList<Envelope> &envelopes,
                                              const QList<quint64> &routeSeqs,
                                              const std::vector<Addressee> &addressees) const {
    // char, not bool: threads write neighbouring entries, which vector<bool> packs into one word.
    std::vector<char> reached(addressees.size(), 0);
    std::vector<char> leftOver(addressees.size(), 0);
    std::vector<QList<ClientConnection *>> connections(addressees.size());
    for (size_t i = 0; i < addressees.size(); ++i)
        connections[i] = m_registry.connectionsOf(addressees[i].userId);
    // One addressee's frames, in envelope order.
    const auto framesFor = [&](const Addressee &addressee, QList<QByteArray> *frames, QStringList *ids,
                               QList<quint64> *seqs) {
        for (qsizetype e = 0; e < envelopes.size(); ++e) {
            if (!(addressee.mask & (1u << e)))
                continue;
            frames->append(envelopes.at(e).frameFor(addressee.userId));
            ids->append(envelopes.at(e).id());
            seqs->append(routeSeqs.at(e));
        }
    };
    spread(qsizetype(addressees.size()), [&](qsizetype i) {
        if (connections[size_t(i)].isEmpty())
            return;
        QList<QByteArray> frames;
        QStringList ids;
        QList<quint64> seqs;
        framesFor(addressees[size_t(i)], &frames, &ids, &seqs);
        for (ClientConnection *connection : std::as_const(connections[size_t(i)])) {
            switch (connection->sendFromAnyThread(frames, ids, seqs)) {
            case ClientConnection::Attempt::Sent:
                reached[size_t(i)] = 1;
                break;
            case ClientConnection::Attempt::LeftForOwnThread:
                leftOver[size_t(i)] = 1;
                break;
            case ClientConnection::Attempt::Closed:
                break;
            }
        }
    });
    for (size_t i = 0; i < addressees.size(); ++i) {
        if (!leftOver[i])
            continue;
        QList<QByteArray> frames;
        QStringList ids;
        QList<quint64> seqs;
        framesFor(addressees[i], &frames, &ids, &seqs);
        for (ClientConnection *connection : std::as_const(connections[i])) {
            if (connection->sendsFromAnyThread()) {
                connection->checkBacklog();
                continue;
            }
            bool all = true;
            for (qsizetype f = 0; f < frames.size(); ++f)
                all = connection->send(frames.at(f), ids.at(f), seqs.at(f)) && all;
            reached[i] = char(all || reached[i]);
        }
    }
    return reached;
}

bool MessageRouter::deliverTo(ClientConnection *connection, const Envelope &envelope) const {
    return connection->send(envelope.frameFor(connection->user().id));
}

} // namespace gistack
