#pragma once

#include "storage/ClusterRecords.h"

#include <QObject>
#include <QTimer>

namespace gistack {

class StorageWorker;

// Reads the broadcasts of the message log (the outbox every node writes) in sequence order and
// hands them to the service. It remembers the last seq it has seen and reads on from there when
// told a broadcast committed (locally, or by NOTIFY from another node), after a reconnect, and
// every few seconds in case a notification was lost: a missed NOTIFY only delays a message.
class MessageFeed : public QObject {
    Q_OBJECT
public:
    static constexpr int safetyPollMs = 3000;
    static constexpr int batchLimit = 500;

    explicit MessageFeed(StorageWorker &storage, QObject *parent = nullptr);

    // Starts after the log's current end: a new node does not replay history.
    void start();
    void stop();
    qint64 lastSeen() const { return m_lastSeen; }

    // Reads whatever committed after lastSeen; calls while a read is running are merged into one more.
    void catchUp();
    // A NOTIFY named seq.
    void announced(qint64 seq);

signals:
    void arrived(const QList<gistack::Broadcast> &broadcasts);

private:
    void read();

    StorageWorker &m_storage;
    QTimer m_poll;
    qint64 m_lastSeen = -1; // -1 until start() has read the log's end
    bool m_reading = false;
    bool m_again = false;
    bool m_running = false;
};

} // namespace gistack
