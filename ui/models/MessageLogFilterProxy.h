#pragma once

#include "protocol/MessageCatalogue.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace gistack {

// Narrows the message log to one type and/or the messages of users whose id contains a text.
class MessageLogFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit MessageLogFilterProxy(QObject *parent = nullptr);

    void setType(std::optional<MessageType> type);
    void setUser(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<MessageType> m_type;
    QString m_user;
};

} // namespace gistack
