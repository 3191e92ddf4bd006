#include "PendingRequestsModel.h"

#include "Directory.h"
#include "DisplayNames.h"
#include "server/NotifyServer.h"
#include "service/NotificationService.h"

namespace gistack {

PendingRequestsModel::PendingRequestsModel(Directory &directory, QObject *parent)
    : QAbstractTableModel(parent)
    , m_directory(directory) {
    connect(&m_directory, &Directory::changed, this, &PendingRequestsModel::refreshNames);
}

void PendingRequestsModel::attach(NotifyServer *server) {
    m_server = server;
    ++m_generation;
    beginResetModel();
    m_items.clear();
    endResetModel();
    if (!server)
        return;
    NotificationService &service = server->service();
    connect(&service, &NotificationService::registrationSubmitted, this,
            &PendingRequestsModel::addRegistration);
    connect(&service, &NotificationService::requestSubmitted, this, &PendingRequestsModel::addRequest);
    connect(&service, &NotificationService::itemDecided, this, &PendingRequestsModel::remove);
    const quint64 generation = m_generation;
    QPointer<PendingRequestsModel> self(this);
    service.loadPending([this, self, generation](StorageResult<PendingSnapshot> result) {
        if (!self || !result.ok() || generation != m_generation)
            return;
        for (const Registration &registration : std::as_const(result.value.registrations))
            addRegistration(registration);
        for (const ResourceRequest &request : std::as_const(result.value.requests))
            addRequest(request);
    });
}

int PendingRequestsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

int PendingRequestsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PendingRequestsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Item &item = m_items.at(index.row());
    switch (role) {
    case IdRole:
        return item.id;
    case OrgIdRole:
        return item.orgId;
    case KindRole:
        return int(item.kind);
    case IsRegistrationRole:
        return item.registration;
    case UserIdRole:
        return item.userId;
    case Qt::ToolTipRole:
        return tr("Item id: %1").arg(item.id);
    case Qt::DisplayRole:
        break;
    default:
        return QVariant();
    }
    switch (index.column()) {
    case WhoColumn: {
        QString name = item.name;
        if (name.isEmpty()) {
            if (const std::optional<User> user = m_directory.user(item.userId))
                name = user->name;
        }
        return name.isEmpty() ? item.userId : tr("%1 (%2)").arg(name, item.userId);
    }
    case OrgColumn: {
        const QString name = m_directory.orgName(item.orgId);
        return name.isEmpty() ? item.orgId : name;
    }
    case KindColumn:
        return DisplayNames::pendingKind(item.kind);
    case ResourceColumn:
        return item.registration ? tr("new account") : item.resourceName;
    case SubmittedColumn:
        return DisplayNames::dateTime(item.submittedAt);
    }
    return QVariant();
}

QVariant PendingRequestsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhoColumn:
        return tr("Who");
    case OrgColumn:
        return tr("Organisation");
    case KindColumn:
        return tr("Kind");
    case ResourceColumn:
        return tr("Resource");
    case SubmittedColumn:
        return tr("Submitted at");
    }
    return QVariant();
}

int PendingRequestsModel::rowOf(const QString &id) const {
    for (int i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).id == id)
            return i;
    }
    return -1;
}

void PendingRequestsModel::addRegistration(const Registration &registration) {
    add(Item{registration.id, true, registration.userId, registration.name, registration.orgId,
             PendingKind::Registration, QString(), registration.submittedAt});
}

void PendingRequestsModel::addRequest(const ResourceRequest &request) {
    add(Item{request.id, false, request.userId, QString(), request.orgId,
             MessageCatalogue::pendingKindOf(request.kind, request.action), request.resourceName,
             request.submittedAt});
}

void PendingRequestsModel::add(const Item &item) {
    // The first snapshot and the live signals may both carry an item.
    if (rowOf(item.id) >= 0)
        return;
    const int row = int(m_items.size());
    beginInsertRows(QModelIndex(), row, row);
    m_items.append(item);
    endInsertRows();
}

void PendingRequestsModel::remove(const QString &id) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    m_items.removeAt(row);
    endRemoveRows();
}

void PendingRequestsModel::refreshNames() {
    if (!m_items.isEmpty())
        emit dataChanged(index(0, WhoColumn), index(int(m_items.size()) - 1, OrgColumn));
}

} // namespace gistack
