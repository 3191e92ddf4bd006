#include "MessageLogFilterProxy.h"

#include "MessageLogModel.h"

namespace gistack {

MessageLogFilterProxy::MessageLogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
}

void MessageLogFilterProxy::setType(std::optional<MessageType> type) {
    m_type = type;
    invalidateFilter();
}

void MessageLogFilterProxy::setUser(const QString &text) {
    m_user = text.trimmed();
    invalidateFilter();
}

bool MessageLogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (!m_type && m_user.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_type && index.data(MessageLogModel::TypeRole).toInt() != int(*m_type))
        return false;
    if (!m_user.isEmpty()) {
        const QStringList users = index.data(MessageLogModel::RecipientsRole).toStringList();
        return std::any_of(users.cbegin(), users.cend(), [this](const QString &user) {
            return user.contains(m_user, Qt::CaseInsensitive);
        });
    }
    return true;
}

} // namespace gistack
