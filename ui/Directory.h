#pragma once

#include "service/AdminViews.h"

#include <QObject>
#include <QPointer>

namespace gistack {

class NotifyServer;

// The orgs and users the server knows, for names in tables and choices in dialogs.
// Reloaded whenever the service reports a directory change.
class Directory : public QObject {
    Q_OBJECT
public:
    explicit Directory(QObject *parent = nullptr);

    void attach(NotifyServer *server);
    void reload();

    const QList<Org> &orgs() const { return m_snapshot.orgs; }
    const QList<User> &users() const { return m_snapshot.users; }
    QString orgName(const QString &orgId) const;
    std::optional<User> user(const QString &userId) const;
    // Org admins of any of orgIds, sorted by id.
    QStringList adminsOf(const QStringList &orgIds) const;

signals:
    void changed();

private:
    QPointer<NotifyServer> m_server;
    DirectorySnapshot m_snapshot;
    quint64 m_generation = 0; // drops answers of a server that was replaced meanwhile
};

} // namespace gistack
