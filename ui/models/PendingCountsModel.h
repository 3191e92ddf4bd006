#pragma once

#include "domain/Entities.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace gistack {

class Directory;
class NotifyServer;

// Pending counts per organisation, live from the service's pendingCountsChanged. Row 0 is
// the sum over all organisations, so a combo box over column 0 offers "All" first.
class PendingCountsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        OrgColumn,
        RegistrationColumn,
        WebsiteApplyColumn,
        WebsiteRenewColumn,
        DesktopApplyColumn,
        DesktopRenewColumn,
        TotalColumn,
        ColumnCount
    };
    enum Roles { OrgIdRole = Qt::UserRole + 1 };

    PendingCountsModel(Directory &directory, QObject *parent = nullptr);

    void attach(NotifyServer *server);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // An empty orgId means all organisations.
    PendingCounts countsOf(const QString &orgId) const;
    int rowOf(const QString &orgId) const;
    int total() const;

signals:
    void countsChanged();

private:
    struct Row {
        QString orgId;
        PendingCounts counts;
    };

    void setCounts(const QString &orgId, const PendingCounts &counts);
    void syncOrgs();
    void refreshTotals();
    static int sum(const PendingCounts &counts);

    Directory &m_directory;
    QPointer<NotifyServer> m_server;
    QList<Row> m_rows; // m_rows[0] is the total
    quint64 m_generation = 0;
};

} // namespace gistack
