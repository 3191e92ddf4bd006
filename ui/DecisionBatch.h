#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace gistack {

class NotificationService;

// One pending item to decide, as the console's pending table names it.
struct PendingItemRef {
    QString id;
    bool registration = false;
    QString label; // for error reports
};

// Approves or rejects several items through the service's decide methods, the same calls the
// HTTP API's decision endpoints make, and reports once every answer is in.
class DecisionBatch : public QObject {
    Q_OBJECT
public:
    DecisionBatch(NotificationService &service, QList<PendingItemRef> items, bool approved, QString adminId,
                  QObject *parent = nullptr);

    void start();

signals:
    // failures: one line per item that was not decided, with the service's reason.
    void finished(int decided, const QStringList &failures);

private:
    void answered(const PendingItemRef &item, bool ok, const QString &error);

    QPointer<NotificationService> m_service;
    QList<PendingItemRef> m_items;
    bool m_approved;
    QString m_adminId;
    int m_waiting = 0;
    int m_decided = 0;
    QStringList m_failures;
};

} // namespace gistack
