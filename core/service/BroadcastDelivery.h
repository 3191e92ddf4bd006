#pragma once

#include "MessageRouter.h"
#include "storage/ClusterRecords.h"

#include <QHash>
#include <QObject>
#include <QPair>
#include <QSet>

#include <deque>
#include <vector>

namespace gistack {

class ConnectionRegistry;

// Pushes the log's broadcasts to this node's sockets, strictly in log order. A large fan-out
// goes out a slice of users at a time, letting the event loop run in between, so the next
// publishes are taken and stored meanwhile; the durable broadcasts waiting by then go out
// together, each user's frames in one write per socket. Frames are never reordered: a
// broadcast starts only when the ones before it have reached every user.
class BroadcastDelivery : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype sliceUsers = 1024;

    BroadcastDelivery(ConnectionRegistry &registry, const MessageRouter &router, QObject *parent = nullptr);

    void enqueue(const QList<gistack::Broadcast> &broadcasts);
    // A login claimed this message from its queue: this user is not pushed it again.
    void noteClaimed(qint64 seq, const QString &userId) { m_claimed.insert({seq, userId}); }
    // Counts the slices of durable broadcasts pushed so far: a login that loaded while one ran
    // may have been skipped as offline by it.
    quint64 slicesRun() const { return m_slicesRun; }

signals:
    // One broadcast has gone out; reached lists the users one of whose sockets took it.
    void delivered(const gistack::Broadcast &broadcast, const QStringList &reached);

private:
    void startPass();
    void runSlice();
    void finishPass();
    void deliverLive(const Broadcast &broadcast);

    ConnectionRegistry &m_registry;
    const MessageRouter &m_router;
    std::deque<Broadcast> m_waiting;
    QSet<QPair<qint64, QString>> m_claimed;
    bool m_running = false;
    bool m_starting = false;
    quint64 m_slicesRun = 0;

    // The durable broadcasts of the pass under way.
    QList<Broadcast> m_pass;
    QList<Envelope> m_envelopes;
    QList<quint64> m_routeSeqs;
    std::vector<QString> m_users;
    std::vector<quint32> m_masks;
    qsizetype m_next = 0;
    QList<QStringList> m_reached;
};

} // namespace gistack
