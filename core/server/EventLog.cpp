#include "EventLog.h"

#include "net/ClientConnection.h"
#include "net/ConnectionRegistry.h"
#include "net/HttpListener.h"
#include "service/NotificationService.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcWs)
Q_DECLARE_LOGGING_CATEGORY(lcService)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)

namespace gistack {

EventLog::EventLog(ConnectionRegistry &registry, NotificationService &service, HttpListener &listener,
                   QObject *parent)
    : QObject(parent) {
    connect(&registry, &ConnectionRegistry::connectionClosed, this, [](ClientConnection *connection) {
        if (connection->isAuthenticated())
            qCInfo(lcWs).noquote() << "user" << connection->user().id << "disconnected socket"
                                   << connection->id();
    });
    connect(&service, &NotificationService::messageSent, this, [](const MessageRecord &record) {
        const QString type = MessageCatalogue::name(record.envelope.type());
        for (const Recipient &recipient : record.recipients)
            qCInfo(lcService).noquote()
                << "message" << record.envelope.id() << type
                << (recipient.state == DeliveryState::Delivered ? "delivered to" : "queued for") << "user"
                << recipient.userId;
    });
    connect(&service, &NotificationService::registrationSubmitted, this, [](const Registration &r) {
        qCInfo(lcService).noquote() << "registration" << r.id << "by user" << r.userId << "in org" << r.orgId;
    });
    connect(&service, &NotificationService::requestSubmitted, this, [](const ResourceRequest &r) {
        qCInfo(lcService).noquote() << "request" << r.id << "by user" << r.userId << "in org" << r.orgId;
    });
    connect(&service, &NotificationService::itemDecided, this, [](const QString &id, bool approved) {
        qCInfo(lcService).noquote() << "decision on" << id << (approved ? "approved" : "rejected");
    });
    connect(&listener, &HttpListener::requestAnswered, this,
            [](const QByteArray &method, const QString &path, int status, qint64 elapsedMs) {
                // The path only: queries and bodies may carry user data, headers carry the key.
                const QLoggingCategory &category =
                    path.startsWith(QLatin1String("/api/")) ? lcApi() : lcHttp();
                qCInfo(category).noquote() << method << path << status << elapsedMs << "ms";
            });
}

} // namespace gistack
