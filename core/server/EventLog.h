#pragma once

#include <QObject>

namespace gistack {

class ConnectionRegistry;
class HttpListener;
class NotificationService;

// One log line per event, with the user id and message id it concerns: disconnects
// (gistack.ws; logins are logged by ConnectionRegistry), messages delivered or queued,
// submissions and decisions (gistack.service), API answers (gistack.api) and other HTTP
// answers (gistack.http). Info level, so quiet unless --verbose or QT_LOGGING_RULES open a
// category. Never logs tokens, keys or request bodies.
class EventLog : public QObject {
    Q_OBJECT
public:
    EventLog(ConnectionRegistry &registry, NotificationService &service, HttpListener &listener,
             QObject *parent = nullptr);
};

} // namespace gistack
