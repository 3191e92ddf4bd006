#pragma once

#include <QList>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

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
    // logSeq: a broadcast's seq in the message log; sockets whose login read the log past it
    // are skipped, as their login frames already said it (counts).
    QStringList deliver(const Envelope &envelope, const QStringList &userIds, Kind kind = Kind::Live,
                        qint64 logSeq = 0) const;
    bool deliverTo(ClientConnection *connection, const Envelope &envelope) const;

    // Several durable envelopes at once, for a fan-out that fell behind: each user's frames go
    // out together, one write per socket. mask: bit i set when envelope i is for that user.
    struct Addressee {
        QString userId;
        quint32 mask;
    };
    static constexpr int maxBatch = 32;
    // Returns, per addressee, whether one of its sockets took the frames (1) or not (0).
    std::vector<char> deliverBatch(const QList<Envelope> &envelopes, const QList<quint64> &routeSeqs,
                                   const std::vector<Addressee> &addressees) const;

private:
    // Both deliveries: frames for each addressee's sockets, on the pool's threads where they can
    // be sent from there, the rest (Qt's sockets, slow consumers) on this thread afterwards.
    std::vector<char> sendAll(const QList<Envelope> &envelopes, const QList<quint64> &routeSeqs,
                              const std::vector<Addressee> &addressees, Kind kind, qint64 logSeq) const;
    // Calls send(i) for i in [0, count), over the pool when count is large.
    void spread(qsizetype count, const std::function<void(qsizetype)> &send) const;

    ConnectionRegistry &m_registry;
    // Sends of a large fan-out run on all cores.
    std::unique_ptr<FanOutPool> m_pool;
};

} // namespace gistack
