#pragma once

#include <QString>
#include <QThread>

namespace gistack {

// LISTENs for broadcast announcements on a PostgreSQL connection of its own, in a thread of
// its own: QSqlDriver delivers notifications through its thread's event loop, the storage
// thread has none, and a connect attempt to a server that is away must not stall the sockets.
// libpq does not report a dropped listening connection, so a probe asks every second; after a
// drop it reconnects with back-off and LISTENs again, and listening() tells the feed to catch up.
class NotificationListener : public QThread {
    Q_OBJECT
public:
    NotificationListener(QString databaseUrl, QString applicationName, QObject *parent = nullptr);
    ~NotificationListener() override;

    void stop();

signals:
    // The payload of a NOTIFY: the seq of a committed broadcast.
    void announced(qint64 seq);
    // LISTEN is in place (first time or after a reconnect): read what may have been missed.
    void listening();
    void lost();

protected:
    void run() override;

private:
    QString m_databaseUrl;
    QString m_applicationName;
};

} // namespace gistack
