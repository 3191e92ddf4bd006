#include "Directory.h"

#include "server/NotifyServer.h"
#include "service/NotificationService.h"

namespace gistack {

Directory::Directory(QObject *parent)
    : QObject(parent) {
}

void Directory::attach(NotifyServer *server) {
    m_server = server;
    ++m_generation;
    m_snapshot = DirectorySnapshot();
    if (server)
        connect(&server->service(), &NotificationService::directoryChanged, this, &Directory::reload);
    emit changed();
    reload();
}

void Directory::reload() {
    if (!m_server)
        return;
    const quint64 generation = m_generation;
    QPointer<Directory> self(this);
    m_server->service().loadDirectory([this, self, generation](StorageResult<DirectorySnapshot> result) {
        if (!self || !result.ok() || generation != m_generation)
            return;
        m_snapshot = std::move(result.value);
        emit changed();
    });
}

QString Directory::orgName(const QString &orgId) const {
    for (const Org &org : m_snapshot.orgs) {
        if (org.id == orgId)
            return org.name;
    }
    return QString();
}

std::optional<User> Directory::user(const QString &userId) const {
    for (const User &user : m_snapshot.users) {
        if (user.id == userId)
            return user;
    }
    return std::nullopt;
}

QStringList Directory::adminsOf(const QStringList &orgIds) const {
    QStringList admins;
    for (const User &user : m_snapshot.users) {
        if (user.role == Role::OrgAdmin && orgIds.contains(user.orgId))
            admins.append(user.id);
    }
    admins.sort();
    return admins;
}

} // namespace gistack
