#include "PendingFilterProxy.h"

#include "PendingRequestsModel.h"

namespace gistack {

PendingFilterProxy::PendingFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
}

void PendingFilterProxy::setOrgId(const QString &orgId) {
    m_orgId = orgId;
    invalidateFilter();
}

void PendingFilterProxy::setKind(std::optional<PendingKind> kind) {
    m_kind = kind;
    invalidateFilter();
}

bool PendingFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_orgId.isEmpty() && index.data(PendingRequestsModel::OrgIdRole).toString() != m_orgId)
        return false;
    if (m_kind && index.data(PendingRequestsModel::KindRole).toInt() != int(*m_kind))
        return false;
    return true;
}

} // namespace gistack
