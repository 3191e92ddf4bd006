#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <array>

namespace gistack {

class NotifyServer;

// Live figures for the dashboard: open connections, online users and messages sent in the
// last minute (counted per second in a ring, so a burst costs nothing per message).
class ActivityMonitor : public QObject {
    Q_OBJECT
public:
    explicit ActivityMonitor(QObject *parent = nullptr);

    void attach(NotifyServer *server);

    int connections() const;
    int onlineUsers() const;
    int messagesLastMinute() const;

signals:
    void changed();

private:
    void countMessage();
    void advance();

    QPointer<NotifyServer> m_server;
    QElapsedTimer m_clock;
    std::array<int, 60> m_perSecond{};
    qint64 m_currentSecond = 0;
    int m_lastReported = -1;
    QTimer m_tick;
};

} // namespace gistack
