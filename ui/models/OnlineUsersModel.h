#pragma once

#include "domain/Entities.h"

#include <QAbstractTableModel>
#include <QHostAddress>
#include <QPointer>

namespace gistack {

class ClientConnection;
class NotifyServer;

// Who is connected now: one row per user with the number of open connections, since when
// (the oldest one) and from which addresses. Live from the connection registry's signals.
class OnlineUsersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        UserColumn,
        OrgColumn,
        RoleColumn,
        ConnectionsColumn,
        SinceColumn,
        AddressColumn,
        ColumnCount
    };
    enum Roles { UserIdRole = Qt::UserRole + 1 };

    explicit OnlineUsersModel(QObject *parent = nullptr);

    void attach(NotifyServer *server);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &userId) const;

private:
    struct Socket {
        quint64 id = 0;
        QDateTime since;
        QString address;
    };
    struct Row {
        User user;
        QList<Socket> sockets;
    };

    void added(ClientConnection *connection);
    void closed(ClientConnection *connection);
    static QString addressText(const QHostAddress &address);

    QPointer<NotifyServer> m_server;
    QList<Row> m_rows;
};

} // namespace gistack
