#pragma once

#include "domain/Entities.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace gistack {

class Directory;
class NotifyServer;

// Every pending registration and resource request, live: rows arrive with the service's
// registrationSubmitted/requestSubmitted and leave with itemDecided, whoever decided.
class PendingRequestsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { WhoColumn, OrgColumn, KindColumn, ResourceColumn, SubmittedColumn, ColumnCount };
    enum Roles { IdRole = Qt::UserRole + 1, OrgIdRole, KindRole, IsRegistrationRole, UserIdRole };

    PendingRequestsModel(Directory &directory, QObject *parent = nullptr);

    void attach(NotifyServer *server);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &id) const;

private:
    struct Item {
        QString id;
        bool registration = false;
        QString userId;
        QString name; // registrations carry the applicant's name
        QString orgId;
        PendingKind kind = PendingKind::Registration;
        QString resourceName;
        QDateTime submittedAt;
    };

    void addRegistration(const Registration &registration);
    void addRequest(const ResourceRequest &request);
    void add(const Item &item);
    void remove(const QString &id);
    void refreshNames();

    Directory &m_directory;
    QPointer<NotifyServer> m_server;
    QList<Item> m_items;
    quint64 m_generation = 0;
};

} // namespace gistack
