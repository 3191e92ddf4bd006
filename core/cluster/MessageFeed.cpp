#include "MessageFeed.h"

#include "storage/StorageWorker.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcCluster)

namespace gistack {

MessageFeed::MessageFeed(StorageWorker &storage, QObject *parent)
    : QObject(parent)
    , m_storage(storage) {
    m_poll.setInterval(safetyPollMs);
    connect(&m_poll, &QTimer::timeout, this, &MessageFeed::catchUp);
}

void MessageFeed::start() {
    m_running = true;
    m_poll.start();
    catchUp();
}

void MessageFeed::stop() {
    m_running = false;
    m_poll.stop();
}

void MessageFeed::announced(qint64 seq) {
    if (seq > m_lastSeen)
        catchUp();
}

void MessageFeed::catchUp() {
    if (!m_running)
        return;
    if (m_reading) {
        m_again = true;
        return;
    }
    read();
}

void MessageFeed::read() {
    m_reading = true;
    m_again = false;
    const qint64 after = m_lastSeen;
    m_storage.run<QList<Broadcast>>(
        this,
        [after](Storage &s) {
            if (after < 0) {
                // First read: note where the log ends, deliver nothing older.
                Broadcast end;
                end.seq = s.lastMessageSeq();
                return QList<Broadcast>{end};
            }
            return s.broadcastsAfter(after, batchLimit);
        },
        [this, after](StorageResult<QList<Broadcast>> result) {
            m_reading = false;
            if (!result.ok()) {
                // The database is away; the reconnect or the next poll reads again from the same seq.
                qCDebug(lcCluster) << "message feed read failed:" << result.error;
                return;
            }
            const QList<Broadcast> &broadcasts = result.value;
            if (after < 0) {
                m_lastSeen = broadcasts.first().seq;
                qCDebug(lcCluster) << "message feed starts after seq" << m_lastSeen;
            } else if (!broadcasts.isEmpty()) {
                m_lastSeen = broadcasts.last().seq;
                emit arrived(broadcasts);
            }
            if (m_running && (m_again || after < 0 || broadcasts.size() >= batchLimit))
                read();
        });
}

} // namespace gistack
