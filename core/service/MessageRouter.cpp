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
    std::vector<Addressee> addressees;
    addressees.reserve(size_t(userIds.size()));
    for (const QString &userId : userIds)
        addressees.push_back(Addressee{userId, 1u});
    const quint64 routeSeq = kind == Kind::Durable ? m_registry.nextRouteSeq() : 0;
    const std::vector<char> got = sendAll({envelope}, {routeSeq}, addressees, kind, logSeq);
    QStringList reached;
    for (size_t i = 0; i < addressees.size(); ++i) {
        if (got[i])
            reached.append(addressees[i].userId);
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
    return sendAll(envelopes, routeSeqs, addressees, Kind::Durable, 0);
}

std::vector<char> MessageRouter::sendAll(const QList<Envelope> &envelopes, const QList<quint64> &routeSeqs,
                                         const std::vector<Addressee> &addressees, Kind kind,
                                         qint64 logSeq) const {
    const bool durable = kind == Kind::Durable;
    // Sockets whose login read the log past logSeq already said it (counts).
    const auto alreadyTold = [logSeq](const ClientConnection *connection) {
        return logSeq > 0 && connection->loadedSeq() >= logSeq;
    };
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
            ids->append(durable ? envelopes.at(e).id() : QString());
            seqs->append(durable ? routeSeqs.at(e) : 0);
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
            if (alreadyTold(connection))
                continue;
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
            if (alreadyTold(connection))
                continue;
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
