#include "ActivityMonitor.h"

#include "net/ConnectionRegistry.h"
#include "server/NotifyServer.h"
#include "service/NotificationService.h"

#include <numeric>

namespace gistack {

ActivityMonitor::ActivityMonitor(QObject *parent)
    : QObject(parent) {
    m_clock.start();
    // The minute window slides even when nothing happens.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        advance();
        const int count = messagesLastMinute();
        if (count != m_lastReported) {
            m_lastReported = count;
            emit changed();
        }
    });
    m_tick.start();
}

void ActivityMonitor::attach(NotifyServer *server) {
    m_server = server;
    if (server) {
        ConnectionRegistry &registry = server->registry();
        connect(&registry, &ConnectionRegistry::connectionAdded, this, &ActivityMonitor::changed);
        connect(&registry, &ConnectionRegistry::authenticated, this, &ActivityMonitor::changed);
        connect(&registry, &ConnectionRegistry::connectionClosed, this, &ActivityMonitor::changed);
        connect(&server->service(), &NotificationService::messageSent, this, &ActivityMonitor::countMessage);
    }
    emit changed();
}

int ActivityMonitor::connections() const {
    return m_server ? m_server->registry().connectionCount() : 0;
}

int ActivityMonitor::onlineUsers() const {
    return m_server ? m_server->registry().onlineUserCount() : 0;
}

int ActivityMonitor::messagesLastMinute() const {
    return std::accumulate(m_perSecond.begin(), m_perSecond.end(), 0);
}

void ActivityMonitor::countMessage() {
    advance();
    ++m_perSecond[size_t(m_currentSecond % 60)];
}

void ActivityMonitor::advance() {
    const qint64 second = m_clock.elapsed() / 1000;
    // Clear the buckets of the seconds that passed since the last message.
    for (qint64 s = m_currentSecond + 1; s <= second && s <= m_currentSecond + 60; ++s)
        m_perSecond[size_t(s % 60)] = 0;
    m_currentSecond = qMax(m_currentSecond, second);
}

} // namespace gistack
