#include "ConsoleContext.h"

#include "ActivityMonitor.h"
#include "Directory.h"
#include "ServerHost.h"
#include "models/LicencesModel.h"
#include "models/MessageLogModel.h"
#include "models/OnlineUsersModel.h"
#include "models/PendingCountsModel.h"
#include "models/PendingRequestsModel.h"

namespace gistack {

ConsoleContext::ConsoleContext(ServerHost &host, int logRows, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_directory(new Directory(this))
    , m_activity(new ActivityMonitor(this))
    , m_pendingCounts(new PendingCountsModel(*m_directory, this))
    , m_pendingRequests(new PendingRequestsModel(*m_directory, this))
    , m_messageLog(new MessageLogModel(logRows, this))
    , m_onlineUsers(new OnlineUsersModel(this))
    , m_licences(new LicencesModel(this)) {
    connect(&m_host, &ServerHost::serverChanged, this, &ConsoleContext::attach);
    connect(&m_host, &ServerHost::stateChanged, this,
            [this] { m_licences->setThresholdDays(m_host.config().thresholdDays); });
    attach(m_host.server());
}

ConsoleContext::~ConsoleContext() = default;

void ConsoleContext::attach(NotifyServer *server) {
    m_directory->attach(server);
    m_activity->attach(server);
    m_pendingCounts->attach(server);
    m_pendingRequests->attach(server);
    m_messageLog->attach(server);
    m_onlineUsers->attach(server);
    m_licences->attach(server);
}

} // namespace gistack
