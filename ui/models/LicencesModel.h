#pragma once

#include "service/AdminViews.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QTimer>

namespace gistack {

class NotifyServer;

// The GIStack licence, the uploaded ArcGIS licences and every user's site and desktop leases
// (with a site's own ArcGIS licence) with the days left; rows inside the reminder threshold
// are highlighted. Reloaded when the service reports a licence or lease change.
class LicencesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class RowKind { Gistack, Arcgis, SiteLease, DesktopLease, SiteArcgis };
    enum Column {
        KindColumn,
        IdColumn,
        ResourceColumn,
        HolderColumn,
        ExpiresColumn,
        DaysLeftColumn,
        ColumnCount
    };
    enum Roles { RowKindRole = Qt::UserRole + 1, IdRole, DaysLeftRole, DueRole };

    explicit LicencesModel(QObject *parent = nullptr);

    void attach(NotifyServer *server);
    void reload();
    void setThresholdDays(int days);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    RowKind rowKind(int row) const { return m_rows.at(row).kind; }
    // What an edit dialog starts from.
    std::optional<ArcgisLicence> arcgisLicence(int row) const;
    std::optional<Lease> lease(int row) const;
    std::optional<QDateTime> gistackLicence() const { return m_snapshot.gistackLicence; }
    int dueCount() const;

signals:
    void reloaded();

private:
    struct Row {
        RowKind kind;
        QString id;
        QString resource;
        QString holder;
        QDateTime expires;
        int source = -1; // index into the snapshot's list of that kind
    };

    void rebuild(LicenceSnapshot snapshot);
    int daysLeft(const Row &row) const;
    bool isDue(const Row &row) const;

    QPointer<NotifyServer> m_server;
    LicenceSnapshot m_snapshot;
    QList<Row> m_rows;
    int m_thresholdDays = 10;
    quint64 m_generation = 0;
    QTimer m_dayTimer;
};

} // namespace gistack
