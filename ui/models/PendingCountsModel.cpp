#include "PendingCountsModel.h"

#include "Directory.h"
#include "DisplayNames.h"
#include "server/NotifyServer.h"
#include "service/NotificationService.h"

namespace gistack {

namespace {

PendingKind kindOfColumn(int column) {
    return PendingKind(column - PendingCountsModel::RegistrationColumn);
}

} // namespace

PendingCountsModel::PendingCountsModel(Directory &directory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_directory(directory) {
    m_rows.append(Row{});
    connect(&m_directory, &Directory::changed, this, &PendingCountsModel::syncOrgs);
}

void PendingCountsModel::attach(NotifyServer *server) {
    m_server = server;
    ++m_generation;
    beginResetModel();
    m_rows = {Row{}};
    endResetModel();
    emit countsChanged();
    if (!server)
        return;
    connect(&server->service(), &NotificationService::pendingCountsChanged, this,
            &PendingCountsModel::setCounts);
    const quint64 generation = m_generation;
    QPointer<PendingCountsModel> self(this);
    server->service().loadPendingCounts(
        [this, self, generation](StorageResult<QHash<QString, PendingCounts>> result) {
            if (!self || !result.ok() || generation != m_generation)
                return;
            for (auto it = result.value.cbegin(); it != result.value.cend(); ++it)
                setCounts(it.key(), it.value());
        });
    syncOrgs();
}

int PendingCountsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PendingCountsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PendingCountsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    if (role == OrgIdRole)
        return row.orgId;
    if (role == Qt::TextAlignmentRole && index.column() != OrgColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case OrgColumn: {
        if (index.row() == 0)
            return DisplayNames::allOrganisations();
        const QString name = m_directory.orgName(row.orgId);
        return name.isEmpty() ? row.orgId : tr("%1 (%2)").arg(name, row.orgId);
    }
    case TotalColumn:
        return sum(row.counts);
    default:
        return row.counts[kindOfColumn(index.column())];
    }
}

QVariant PendingCountsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case OrgColumn:
        return tr("Organisation");
    case TotalColumn:
        return tr("Total");
    default:
        return section > OrgColumn && section < TotalColumn ? DisplayNames::pendingKind(kindOfColumn(section))
                                                            : QVariant();
    }
}

PendingCounts PendingCountsModel::countsOf(const QString &orgId) const {
    const int row = rowOf(orgId);
    return row < 0 ? PendingCounts() : m_rows.at(row).counts;
}

int PendingCountsModel::rowOf(const QString &orgId) const {
    if (orgId.isEmpty())
        return 0;
    for (int i = 1; i < m_rows.size(); ++i) {
        if (m_rows.at(i).orgId == orgId)
            return i;
    }
    return -1;
}

int PendingCountsModel::total() const {
    return sum(m_rows.at(0).counts);
}

void PendingCountsModel::setCounts(const QString &orgId, const PendingCounts &counts) {
    int row = rowOf(orgId);
    if (row < 0) {
        row = int(m_rows.size());
        beginInsertRows(QModelIndex(), row, row);
        m_rows.append(Row{orgId, counts});
        endInsertRows();
    } else {
        m_rows[row].counts = counts;
        emit dataChanged(index(row, RegistrationColumn), index(row, TotalColumn));
    }
    refreshTotals();
}

void PendingCountsModel::syncOrgs() {
    // Every known org gets a row, with zero counts until the service reports some.
    for (const Org &org : m_directory.orgs()) {
        if (rowOf(org.id) < 0) {
            const int row = int(m_rows.size());
            beginInsertRows(QModelIndex(), row, row);
            m_rows.append(Row{org.id, PendingCounts()});
            endInsertRows();
        }
    }
    if (m_rows.size() > 1)
        emit dataChanged(index(1, OrgColumn), index(int(m_rows.size()) - 1, OrgColumn));
}

void PendingCountsModel::refreshTotals() {
    PendingCounts total;
    for (int i = 1; i < m_rows.size(); ++i) {
        for (size_t k = 0; k < total.counts.size(); ++k)
            total.counts[k] += m_rows.at(i).counts.counts[k];
    }
    m_rows[0].counts = total;
    emit dataChanged(index(0, RegistrationColumn), index(0, TotalColumn));
    emit countsChanged();
}

int PendingCountsModel::sum(const PendingCounts &counts) {
    int total = 0;
    for (int count : counts.counts)
        total += count;
    return total;
}

} // namespace gistack
