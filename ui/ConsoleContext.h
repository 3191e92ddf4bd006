#pragma once

#include <QObject>

namespace gistack {

class ActivityMonitor;
class Directory;
class LicencesModel;
class MessageLogModel;
class NotifyServer;
class OnlineUsersModel;
class PendingCountsModel;
class PendingRequestsModel;
class ServerHost;

// The console's models and live figures, kept apart from any window so that a window can be
// rebuilt (on a language switch) without losing them. Re-attaches all of them whenever the
// host replaces its server.
class ConsoleContext : public QObject {
    Q_OBJECT
public:
    explicit ConsoleContext(ServerHost &host, int logRows = 5000, QObject *parent = nullptr);
    ~ConsoleContext() override;

    ServerHost &host() { return m_host; }
    Directory &directory() { return *m_directory; }
    ActivityMonitor &activity() { return *m_activity; }
    PendingCountsModel &pendingCounts() { return *m_pendingCounts; }
    PendingRequestsModel &pendingRequests() { return *m_pendingRequests; }
    MessageLogModel &messageLog() { return *m_messageLog; }
    OnlineUsersModel &onlineUsers() { return *m_onlineUsers; }
    LicencesModel &licences() { return *m_licences; }

private:
    void attach(NotifyServer *server);

    ServerHost &m_host;
    Directory *m_directory;
    ActivityMonitor *m_activity;
    PendingCountsModel *m_pendingCounts;
    PendingRequestsModel *m_pendingRequests;
    MessageLogModel *m_messageLog;
    OnlineUsersModel *m_onlineUsers;
    LicencesModel *m_licences;
};

} // namespace gistack
