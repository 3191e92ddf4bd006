#include "LicencesModel.h"

#include "DisplayNames.h"
#include "domain/ExpiryRule.h"
#include "server/NotifyServer.h"
#include "service/NotificationService.h"
#include "time/Clock.h"

#include <QColor>

namespace gistack {

LicencesModel::LicencesModel(QObject *parent)
    : QAbstractTableModel(parent) {
    // Days left change at midnight without any data change.
    m_dayTimer.setInterval(10 * 60 * 1000);
    connect(&m_dayTimer, &QTimer::timeout, this, [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    });
    m_dayTimer.start();
}

void LicencesModel::attach(NotifyServer *server) {
    m_server = server;
    ++m_generation;
    rebuild(LicenceSnapshot());
    if (!server)
        return;
    m_thresholdDays = server->config().thresholdDays;
    connect(&server->service(), &NotificationService::licencesChanged, this, &LicencesModel::reload);
    reload();
}

void LicencesModel::reload() {
    if (!m_server)
        return;
    const quint64 generation = m_generation;
    QPointer<LicencesModel> self(this);
    m_server->service().loadLicences([this, self, generation](StorageResult<LicenceSnapshot> result) {
        if (!self || !result.ok() || generation != m_generation)
            return;
        rebuild(std::move(result.value));
    });
}

void LicencesModel::setThresholdDays(int days) {
    if (days == m_thresholdDays)
        return;
    m_thresholdDays = days;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int LicencesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LicencesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LicencesModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case RowKindRole:
        return int(row.kind);
    case IdRole:
        return row.id;
    case DaysLeftRole:
        return daysLeft(row);
    case DueRole:
        return isDue(row);
    case Qt::BackgroundRole:
        if (!isDue(row))
            return QVariant();
        return daysLeft(row) < 0 ? QColor(0xf8, 0xc4, 0xc4) : QColor(0xff, 0xe6, 0xa8);
    case Qt::ForegroundRole:
        return isDue(row) ? QColor(Qt::black) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == DaysLeftColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return QVariant();
    }
    switch (index.column()) {
    case KindColumn:
        switch (row.kind) {
        case RowKind::Gistack:
            return tr("GIStack licence");
        case RowKind::Arcgis:
            return tr("ArcGIS licence");
        case RowKind::SiteLease:
            return DisplayNames::leaseKind(LeaseKind::Site);
        case RowKind::DesktopLease:
            return DisplayNames::leaseKind(LeaseKind::Desktop);
        case RowKind::SiteArcgis:
            return tr("Site's ArcGIS licence");
        }
        return QVariant();
    case IdColumn:
        return row.id;
    case ResourceColumn:
        return row.resource;
    case HolderColumn:
        return row.holder;
    case ExpiresColumn:
        return DisplayNames::dateTime(row.expires);
    case DaysLeftColumn: {
        const int left = daysLeft(row);
        return left < 0 ? tr("expired %n day(s) ago", nullptr, -left) : QString::number(left);
    }
    }
    return QVariant();
}

QVariant LicencesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Kind");
    case IdColumn:
        return tr("Id");
    case ResourceColumn:
        return tr("Resource");
    case HolderColumn:
        return tr("Holder");
    case ExpiresColumn:
        return tr("Expires");
    case DaysLeftColumn:
        return tr("Days left");
    }
    return QVariant();
}

std::optional<ArcgisLicence> LicencesModel::arcgisLicence(int row) const {
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).kind != RowKind::Arcgis)
        return std::nullopt;
    return m_snapshot.arcgisLicences.at(m_rows.at(row).source);
}

std::optional<Lease> LicencesModel::lease(int row) const {
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    const RowKind kind = m_rows.at(row).kind;
    if (kind != RowKind::SiteLease && kind != RowKind::DesktopLease && kind != RowKind::SiteArcgis)
        return std::nullopt;
    return m_snapshot.leases.at(m_rows.at(row).source);
}

int LicencesModel::dueCount() const {
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [this](const Row &row) { return isDue(row); }));
}

void LicencesModel::rebuild(LicenceSnapshot snapshot) {
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_rows.clear();
    if (m_snapshot.gistackLicence)
        m_rows.append(Row{RowKind::Gistack, QStringLiteral("gistack"), QStringLiteral("GIStack"), QString(),
                          *m_snapshot.gistackLicence});
    for (int i = 0; i < m_snapshot.arcgisLicences.size(); ++i) {
        const ArcgisLicence &licence = m_snapshot.arcgisLicences.at(i);
        m_rows.append(
            Row{RowKind::Arcgis, licence.id, licence.resourceName(), QString(), licence.expireDate, i});
    }
    for (int i = 0; i < m_snapshot.leases.size(); ++i) {
        const Lease &lease = m_snapshot.leases.at(i);
        const RowKind kind = lease.kind == LeaseKind::Site ? RowKind::SiteLease : RowKind::DesktopLease;
        m_rows.append(Row{kind, lease.id, lease.resourceName, lease.userId, lease.expireDate, i});
        if (lease.arcgisLicence)
            m_rows.append(Row{RowKind::SiteArcgis, lease.id, lease.arcgisLicence->resourceName(),
                              lease.userId, lease.arcgisLicence->expireDate, i});
    }
    endResetModel();
    emit reloaded();
}

int LicencesModel::daysLeft(const Row &row) const {
    const QDate today = m_server ? m_server->clock().now().date() : QDate::currentDate();
    return ExpiryRule::timeLeft(today, row.expires);
}

bool LicencesModel::isDue(const Row &row) const {
    return daysLeft(row) <= m_thresholdDays;
}

} // namespace gistack
