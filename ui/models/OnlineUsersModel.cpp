#include "OnlineUsersModel.h"

#include "DisplayNames.h"
#include "net/ConnectionRegistry.h"
#include "server/NotifyServer.h"
#include "time/Clock.h"

namespace gistack {

OnlineUsersModel::OnlineUsersModel(QObject *parent)
    : QAbstractTableModel(parent) {
}

void OnlineUsersModel::attach(NotifyServer *server) {
    m_server = server;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (!server)
        return;
    ConnectionRegistry &registry = server->registry();
    connect(&registry, &ConnectionRegistry::authenticated, this, &OnlineUsersModel::added);
    connect(&registry, &ConnectionRegistry::connectionClosed, this, &OnlineUsersModel::closed);
    const QList<ClientConnection *> connections = registry.authenticatedConnections();
    for (ClientConnection *connection : connections)
        added(connection);
}

int OnlineUsersModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OnlineUsersModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OnlineUsersModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &row = m_rows.at(index.row());
    if (role == UserIdRole)
        return row.user.id;
    if (role == Qt::TextAlignmentRole && index.column() == ConnectionsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (index.column()) {
    case UserColumn:
        return row.user.name.isEmpty() ? row.user.id : tr("%1 (%2)").arg(row.user.name, row.user.id);
    case OrgColumn:
        return row.user.orgId;
    case RoleColumn:
        return DisplayNames::role(row.user.role);
    case ConnectionsColumn:
        return int(row.sockets.size());
    case SinceColumn: {
        QDateTime since;
        for (const Socket &socket : row.sockets) {
            if (!since.isValid() || socket.since < since)
                since = socket.since;
        }
        return DisplayNames::dateTime(since);
    }
    case AddressColumn: {
        QStringList addresses;
        for (const Socket &socket : row.sockets) {
            if (!addresses.contains(socket.address))
                addresses.append(socket.address);
        }
        return addresses.join(QStringLiteral(", "));
    }
    }
    return QVariant();
}

QVariant OnlineUsersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserColumn:
        return tr("User");
    case OrgColumn:
        return tr("Organisation");
    case RoleColumn:
        return tr("Role");
    case ConnectionsColumn:
        return tr("Connections");
    case SinceColumn:
        return tr("Online since");
    case AddressColumn:
        return tr("Address");
    }
    return QVariant();
}

int OnlineUsersModel::rowOf(const QString &userId) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).user.id == userId)
            return i;
    }
    return -1;
}

void OnlineUsersModel::added(ClientConnection *connection) {
    if (!m_server)
        return;
    // The registry counts time from its own start; turn that into the server clock's time.
    const ConnectionRegistry &registry = m_server->registry();
    const QDateTime since =
        m_server->clock().now().addMSecs(connection->connectedAtMs() - registry.uptimeMs());
    const Socket socket{connection->id(), since, addressText(connection->peerAddress())};
    const int row = rowOf(connection->user().id);
    if (row >= 0) {
        m_rows[row].sockets.append(socket);
        emit dataChanged(index(row, ConnectionsColumn), index(row, AddressColumn));
        return;
    }
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size()));
    m_rows.append(Row{connection->user(), {socket}});
    endInsertRows();
}

void OnlineUsersModel::closed(ClientConnection *connection) {
    if (!connection->isAuthenticated())
        return;
    const int row = rowOf(connection->user().id);
    if (row < 0)
        return;
    QList<Socket> &sockets = m_rows[row].sockets;
    sockets.removeIf([connection](const Socket &socket) { return socket.id == connection->id(); });
    if (!sockets.isEmpty()) {
        emit dataChanged(index(row, ConnectionsColumn), index(row, AddressColumn));
        return;
    }
    beginRemoveRows(QModelIndex(), row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

QString OnlineUsersModel::addressText(const QHostAddress &address) {
    // IPv4 clients of a dual-stack listener show as ::ffff:a.b.c.d.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

} // namespace gistack
