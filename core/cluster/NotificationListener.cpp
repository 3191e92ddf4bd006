#include "NotificationListener.h"

#include "storage/DatabaseUrl.h"
#include "storage/PostgresStorage.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcCluster)

namespace gistack {

namespace {
constexpr int probeMs = 1000;
constexpr int firstRetryMs = 250;
constexpr int maxRetryMs = 4000;
} // namespace

NotificationListener::NotificationListener(QString databaseUrl, QString applicationName, QObject *parent)
    : QThread(parent)
    , m_databaseUrl(std::move(databaseUrl))
    , m_applicationName(std::move(applicationName)) {
    setObjectName(QStringLiteral("gistack-listen"));
}

NotificationListener::~NotificationListener() {
    stop();
}

void NotificationListener::stop() {
    if (!isRunning())
        return;
    quit();
    wait();
}

void NotificationListener::run() {
    QString error;
    const std::optional<DatabaseUrl> url = DatabaseUrl::parsePostgres(m_databaseUrl, &error);
    if (!url) {
        qCWarning(lcCluster).noquote() << "not listening for broadcasts:" << error;
        return;
    }
    const QString channel = PostgresStorage::notifyChannel();
    const QString name =
        QStringLiteral("gistack-listen-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url->host());
        db.setPort(url->port());
        db.setUserName(url->user());
        db.setPassword(url->password());
        db.setDatabaseName(url->databaseName());
        QString options = PostgresStorage::baseConnectOptions();
        for (const QString &option : url->options())
            options += QLatin1Char(';') + option;
        // Last, so that it wins: operators (and tests) find this session by its name.
        options += QStringLiteral(";application_name=") + m_applicationName;
        db.setConnectOptions(options);

        QObject context;
        QTimer probe;
        QTimer retry;
        probe.setInterval(probeMs);
        retry.setSingleShot(true);
        int retryMs = firstRetryMs;
        std::optional<QSqlQuery> ping;
        bool connected = false;
        bool everConnected = false;
        bool failureReported = false; // one line per outage, not one per attempt
        QMetaObject::Connection notifications;

        const auto dropped = [&] {
            connected = false;
            probe.stop();
            ping.reset();
            db.close();
            emit lost();
            retry.start(retryMs);
            retryMs = qMin(retryMs * 2, maxRetryMs);
        };
        const auto connectAndListen = [&] {
            if (!db.open()) {
                if (!failureReported)
                    qCInfo(lcCluster).noquote()
                        << "listening connection unavailable:" << db.lastError().text();
                failureReported = true;
                db.close();
                retry.start(retryMs);
                retryMs = qMin(retryMs * 2, maxRetryMs);
                return;
            }
            QSqlDriver *driver = db.driver();
            // The driver outlives close() and open(): connect to it once.
            if (!notifications) {
                notifications =
                    QObject::connect(driver, &QSqlDriver::notification, &context,
                                     [this, channel](const QString &notified, QSqlDriver::NotificationSource,
                                                     const QVariant &payload) {
                                         bool ok = false;
                                         const qint64 seq = payload.toString().toLongLong(&ok);
                                         if (notified == channel && ok)
                                             emit announced(seq);
                                     });
            }
            if (!driver->subscribeToNotification(channel)) {
                qCWarning(lcCluster).noquote() << "LISTEN failed:" << driver->lastError().text();
                dropped();
                return;
            }
            ping.emplace(db);
            ping->prepare(QStringLiteral("SELECT 1"));
            connected = true;
            if (everConnected)
                qCInfo(lcCluster) << "listening again for broadcasts";
            failureReported = false;
            everConnected = true;
            retryMs = firstRetryMs;
            probe.start();
            emit listening();
        };
        QObject::connect(&retry, &QTimer::timeout, &context, connectAndListen);
        QObject::connect(&probe, &QTimer::timeout, &context, [&] {
            if (connected && !(ping->exec() && ping->next())) {
                qCWarning(lcCluster) << "listening connection dropped; reconnecting";
                dropped();
            }
            if (ping)
                ping->finish();
        });

        connectAndListen();
        exec();

        probe.stop();
        retry.stop();
        ping.reset();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace gistack
