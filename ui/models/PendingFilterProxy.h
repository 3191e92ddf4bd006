#pragma once

#include "protocol/MessageCatalogue.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace gistack {

// Narrows the pending table to one organisation and/or one kind.
class PendingFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit PendingFilterProxy(QObject *parent = nullptr);

    // An empty orgId shows every organisation.
    void setOrgId(const QString &orgId);
    void setKind(std::optional<PendingKind> kind);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_orgId;
    std::optional<PendingKind> m_kind;
};

} // namespace gistack
