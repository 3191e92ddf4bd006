#pragma once

#include "storage/MessageRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace gistack {

class NotifyServer;

// The live log of outgoing messages, newest first. Messages are collected and inserted in
// batches (one beginInsertRows per flush, not per message) and only the newest maxRows are
// kept in memory; the database keeps them all. A message seen again (queued, then delivered)
// updates its row instead of adding one.
class MessageLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, TypeColumn, RecipientsColumn, DeliveryColumn, MsgColumn, ColumnCount };
    enum Roles { TypeRole = Qt::UserRole + 1, RecipientsRole, JsonRole, MessageIdRole };

    static constexpr int defaultMaxRows = 5000;
    static constexpr int defaultFlushMs = 100;

    explicit MessageLogModel(int maxRows = defaultMaxRows, QObject *parent = nullptr);

    void attach(NotifyServer *server);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Queues one record for the next flush (the slot behind the service's messageSent).
    void append(const MessageRecord &record);
    // Inserts the queued records now.
    void flush();

    int maxRows() const { return m_maxRows; }
    void setFlushInterval(int ms) { m_flushTimer.setInterval(ms); }
    int queuedForFlush() const { return int(m_batch.size()); }
    qint64 seenCount() const { return m_seen; }
    int flushCount() const { return m_flushes; }

private:
    struct Entry {
        quint64 serial = 0;
        Envelope envelope;
        QList<Recipient> recipients;
    };

    Entry *find(const QString &messageId, int *row);
    static void merge(QList<Recipient> &into, const QList<Recipient> &from);
    static QString deliverySummary(const QList<Recipient> &recipients);
    static QString recipientsText(const QList<Recipient> &recipients);

    int m_maxRows;
    std::deque<Entry> m_rows;  // front is the newest; serials fall by one per row
    std::deque<Entry> m_batch; // oldest first, waiting for the next flush
    QHash<QString, quint64> m_serialOf;
    quint64 m_nextSerial = 1;
    QTimer m_flushTimer;
    QPointer<NotifyServer> m_server;
    quint64 m_generation = 0;
    bool m_waitingForHistory = false;
    qint64 m_seen = 0;
    int m_flushes = 0;
};

} // namespace gistack
