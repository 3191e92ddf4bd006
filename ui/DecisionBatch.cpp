#include "DecisionBatch.h"

#include "service/NotificationService.h"

namespace gistack {

DecisionBatch::DecisionBatch(NotificationService &service, QList<PendingItemRef> items, bool approved,
                             QString adminId, QObject *parent)
    : QObject(parent)
    , m_service(&service)
    , m_items(std::move(items))
    , m_approved(approved)
    , m_adminId(std::move(adminId)) {
}

void DecisionBatch::start() {
    m_waiting = int(m_items.size());
    if (m_waiting == 0 || !m_service) {
        emit finished(0, {});
        return;
    }
    QPointer<DecisionBatch> self(this);
    for (const PendingItemRef &item : std::as_const(m_items)) {
        const Done done = [self, item](const Outcome &outcome) {
            if (self)
                self->answered(item, outcome.ok(), outcome.error);
        };
        if (item.registration)
            m_service->decideRegistration(item.id, m_approved, m_adminId, done);
        else
            m_service->decideRequest(item.id, m_approved, m_adminId, done);
    }
}

void DecisionBatch::answered(const PendingItemRef &item, bool ok, const QString &error) {
    if (ok)
        ++m_decided;
    else
        m_failures.append(item.label + QStringLiteral(": ") + error);
    if (--m_waiting == 0)
        emit finished(m_decided, m_failures);
}

} // namespace gistack
