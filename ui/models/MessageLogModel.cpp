#include "MessageLogModel.h"

#include "DisplayNames.h"
#include "server/NotifyServer.h"
#include "service/NotificationService.h"

#include <QJsonDocument>

namespace gistack {

namespace {

constexpr int historyOnAttach = 200;
constexpr int recipientsShown = 5;

} // namespace

MessageLogModel::MessageLogModel(int maxRows, QObject *parent)
    : QAbstractTableModel(parent)
    , m_maxRows(qMax(1, maxRows)) {
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(defaultFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &MessageLogModel::flush);
}

void MessageLogModel::attach(NotifyServer *server) {
    m_server = server;
    ++m_generation;
    m_flushTimer.stop();
    beginResetModel();
    m_rows.clear();
    m_batch.clear();
    m_serialOf.clear();
    endResetModel();
    m_waitingForHistory = server != nullptr;
    if (!server)
        return;
    connect(&server->service(), &NotificationService::messageSent, this, &MessageLogModel::append);
    // Start with the latest history so the log is not empty after a restart.
    const quint64 generation = m_generation;
    QPointer<MessageLogModel> self(this);
    server->service().loadRecentMessages(
        qMin(historyOnAttach, m_maxRows),
        [this, self, generation](StorageResult<QList<MessageRecord>> result) {
            if (!self || generation != m_generation)
                return;
            m_waitingForHistory = false;
            // Anything that arrived live meanwhile is newer: put history before it.
            std::deque<Entry> live;
            live.swap(m_batch);
            for (const Entry &entry : live)
                m_serialOf.remove(entry.envelope.id());
            for (auto it = result.value.crbegin(); it != result.value.crend(); ++it) {
                if (!m_serialOf.contains(it->envelope.id()))
                    append(*it);
            }
            for (const Entry &entry : live)
                append(MessageRecord{0, entry.envelope, entry.recipients});
            flush();
        });
}

int MessageLogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MessageLogModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageLogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Entry &entry = m_rows[size_t(index.row())];
    switch (role) {
    case TypeRole:
        return int(entry.envelope.type());
    case MessageIdRole:
        return entry.envelope.id();
    case RecipientsRole: {
        QStringList ids;
        ids.reserve(entry.recipients.size());
        for (const Recipient &recipient : entry.recipients)
            ids.append(recipient.userId);
        return ids;
    }
    case JsonRole: {
        QStringList ids;
        for (const Recipient &recipient : entry.recipients)
            ids.append(recipient.userId);
        return QString::fromUtf8(QJsonDocument(entry.envelope.toJson(ids)).toJson(QJsonDocument::Indented));
    }
    case Qt::ToolTipRole:
        return index.column() == TypeColumn ? DisplayNames::messageSummary(entry.envelope.type())
                                            : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return QVariant();
    }
    switch (index.column()) {
    case TimeColumn:
        return DisplayNames::dateTime(entry.envelope.createTime());
    case TypeColumn:
        return MessageCatalogue::name(entry.envelope.type());
    case RecipientsColumn:
        return recipientsText(entry.recipients);
    case DeliveryColumn:
        return deliverySummary(entry.recipients);
    case MsgColumn:
        return QString::fromUtf8(entry.envelope.msgJson());
    }
    return QVariant();
}

QVariant MessageLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TypeColumn:
        return tr("Type");
    case RecipientsColumn:
        return tr("Recipients");
    case DeliveryColumn:
        return tr("Delivery");
    case MsgColumn:
        return tr("Message");
    }
    return QVariant();
}

void MessageLogModel::append(const MessageRecord &record) {
    int row = -1;
    if (Entry *known = find(record.envelope.id(), &row)) {
        merge(known->recipients, record.recipients);
        if (row >= 0)
            emit dataChanged(index(row, RecipientsColumn), index(row, DeliveryColumn));
        return;
    }
    // A message is reported once when queued and again as it reaches sockets: count it once.
    ++m_seen;
    Entry entry{m_nextSerial++, record.envelope, record.recipients};
    m_serialOf.insert(entry.envelope.id(), entry.serial);
    m_batch.push_back(std::move(entry));
    // More than a screenful of rows can never be shown: drop the oldest before they cost anything.
    while (int(m_batch.size()) > m_maxRows) {
        m_serialOf.remove(m_batch.front().envelope.id());
        m_batch.pop_front();
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void MessageLogModel::flush() {
    m_flushTimer.stop();
    // Until the history is in, live rows wait so that the order stays newest first.
    if (m_batch.empty() || m_waitingForHistory)
        return;
    ++m_flushes;
    const int incoming = int(m_batch.size());
    // Make room first, so the row count never goes past the cap.
    const int overflow = int(m_rows.size()) + incoming - m_maxRows;
    if (overflow > 0) {
        const int first = int(m_rows.size()) - overflow;
        beginRemoveRows(QModelIndex(), first, int(m_rows.size()) - 1);
        for (int i = 0; i < overflow; ++i) {
            m_serialOf.remove(m_rows.back().envelope.id());
            m_rows.pop_back();
        }
        endRemoveRows();
    }
    beginInsertRows(QModelIndex(), 0, incoming - 1);
    for (Entry &entry : m_batch)
        m_rows.push_front(std::move(entry));
    m_batch.clear();
    endInsertRows();
}

MessageLogModel::Entry *MessageLogModel::find(const QString &messageId, int *row) {
    const auto it = m_serialOf.constFind(messageId);
    if (it == m_serialOf.cend())
        return nullptr;
    const quint64 serial = *it;
    if (!m_batch.empty() && serial >= m_batch.front().serial) {
        *row = -1;
        return &m_batch[size_t(serial - m_batch.front().serial)];
    }
    if (m_rows.empty() || serial > m_rows.front().serial)
        return nullptr;
    *row = int(m_rows.front().serial - serial);
    return *row < int(m_rows.size()) ? &m_rows[size_t(*row)] : nullptr;
}

void MessageLogModel::merge(QList<Recipient> &into, const QList<Recipient> &from) {
    for (const Recipient &recipient : from) {
        auto it = std::find_if(into.begin(), into.end(),
                               [&](const Recipient &known) { return known.userId == recipient.userId; });
        if (it == into.end())
            into.append(recipient);
        else
            *it = recipient;
    }
}

QString MessageLogModel::deliverySummary(const QList<Recipient> &recipients) {
    int delivered = 0;
    for (const Recipient &recipient : recipients)
        delivered += recipient.state == DeliveryState::Delivered ? 1 : 0;
    const int queued = int(recipients.size()) - delivered;
    if (queued == 0)
        return DisplayNames::delivery(DeliveryState::Delivered);
    if (delivered == 0)
        return DisplayNames::delivery(DeliveryState::Queued);
    return tr("%1 delivered, %2 queued").arg(delivered).arg(queued);
}

QString MessageLogModel::recipientsText(const QList<Recipient> &recipients) {
    QStringList shown;
    for (int i = 0; i < recipients.size() && i < recipientsShown; ++i)
        shown.append(recipients.at(i).userId);
    QString text = shown.join(QStringLiteral(", "));
    if (recipients.size() > recipientsShown)
        text += tr(" and %n more", nullptr, int(recipients.size()) - recipientsShown);
    return text;
}

} // namespace gistack
