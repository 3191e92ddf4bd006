#include "BroadcastDelivery.h"

#include "net/ConnectionRegistry.h"

#include <QLoggingCategory>
#include <QScopeGuard>

Q_DECLARE_LOGGING_CATEGORY(lcWs)

namespace gistack {

namespace {
bool sameRecipients(const QList<Broadcast> &pass) {
    const QStringList &first = pass.first().recipients;
    for (qsizetype b = 1; b < pass.size(); ++b) {
        if (pass.at(b).recipients != first)
            return false;
    }
    return true;
}
} // namespace

BroadcastDelivery::BroadcastDelivery(ConnectionRegistry &registry, const MessageRouter &router,
                                     QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_router(router) {
}

void BroadcastDelivery::enqueue(const QList<Broadcast> &broadcasts) {
    m_waiting.insert(m_waiting.end(), broadcasts.cbegin(), broadcasts.cend());
    if (!m_running)
        startPass();
}

void BroadcastDelivery::startPass() {
    m_starting = true;
    const auto done = qScopeGuard([this] { m_starting = false; });
    while (!m_waiting.empty()) {
        if (!m_waiting.front().audienceOrg.isEmpty()) {
            // Counts for an org's admins: a handful of sockets, sent at once.
            const Broadcast live = std::move(m_waiting.front());
            m_waiting.pop_front();
            deliverLive(live);
            continue;
        }
        // The durable broadcasts waiting in a row, up to what one mask can name.
        m_pass.clear();
        while (!m_waiting.empty() && m_waiting.front().audienceOrg.isEmpty() &&
               m_pass.size() < MessageRouter::maxBatch) {
            m_pass.append(std::move(m_waiting.front()));
            m_waiting.pop_front();
        }
        m_envelopes.clear();
        m_routeSeqs.clear();
        m_users.clear();
        m_masks.clear();
        for (const Broadcast &broadcast : std::as_const(m_pass)) {
            m_envelopes.append(broadcast.envelope);
            m_routeSeqs.append(m_registry.nextRouteSeq());
        }
        if (sameRecipients(m_pass)) {
            // The common fan-out: every broadcast names the same users, so no union is needed.
            const QStringList &recipients = m_pass.first().recipients;
            m_users.assign(recipients.cbegin(), recipients.cend());
            m_masks.assign(m_users.size(), (m_pass.size() == 32 ? 0u : 1u << m_pass.size()) - 1u);
        } else {
            QHash<QString, size_t> indexOf;
            for (qsizetype b = 0; b < m_pass.size(); ++b) {
                for (const QString &userId : std::as_const(m_pass.at(b).recipients)) {
                    auto it = indexOf.find(userId);
                    if (it == indexOf.end()) {
                        it = indexOf.insert(userId, m_users.size());
                        m_users.push_back(userId);
                        m_masks.push_back(0);
                    }
                    m_masks[*it] |= 1u << b;
                }
            }
        }
        m_reached = QList<QStringList>(m_pass.size());
        qCDebug(lcWs) << "pushing" << m_pass.size() << "broadcasts to" << m_users.size() << "users";
        m_next = 0;
        m_running = true;
        runSlice();
        if (m_running)
            return; // the rest after the event loop has had a turn
    }
}

void BroadcastDelivery::runSlice() {
    ++m_slicesRun;
    const qsizetype end = qMin(m_next + sliceUsers, qsizetype(m_users.size()));
    std::vector<MessageRouter::Addressee> addressees;
    addressees.reserve(size_t(end - m_next));
    const bool anyClaimed = !m_claimed.isEmpty();
    for (qsizetype i = m_next; i < end; ++i) {
        const QString &userId = m_users[size_t(i)];
        // Online now: who logs in meanwhile claims the message from the queue instead.
        if (!m_registry.isOnline(userId))
            continue;
        quint32 mask = m_masks[size_t(i)];
        if (anyClaimed) {
            for (qsizetype b = 0; b < m_pass.size(); ++b) {
                if ((mask & (1u << b)) && m_claimed.contains({m_pass.at(b).seq, userId}))
                    mask &= ~(1u << b);
            }
        }
        if (mask != 0)
            addressees.push_back(MessageRouter::Addressee{userId, mask});
    }
    const std::vector<char> reached = m_router.deliverBatch(m_envelopes, m_routeSeqs, addressees);
    for (size_t i = 0; i < addressees.size(); ++i) {
        if (!reached[i])
            continue;
        for (qsizetype b = 0; b < m_pass.size(); ++b) {
            if (addressees[i].mask & (1u << b))
                m_reached[b].append(addressees[i].userId);
        }
    }
    m_next = end;
    if (m_next < qsizetype(m_users.size())) {
        QMetaObject::invokeMethod(this, &BroadcastDelivery::runSlice, Qt::QueuedConnection);
        return;
    }
    finishPass();
    // A pass that needed several turns: go on with what came meanwhile.
    if (!m_starting && !m_waiting.empty())
        startPass();
}

void BroadcastDelivery::finishPass() {
    m_running = false;
    const qint64 last = m_pass.last().seq;
    const QList<Broadcast> pass = std::move(m_pass);
    const QList<QStringList> reached = std::move(m_reached);
    m_pass.clear();
    m_reached.clear();
    m_users.clear();
    m_masks.clear();
    // The feed never hands these seqs out again.
    m_claimed.removeIf([last](const QPair<qint64, QString> &claim) { return claim.first <= last; });
    for (qsizetype b = 0; b < pass.size(); ++b)
        emit delivered(pass.at(b), reached.at(b));
}

void BroadcastDelivery::deliverLive(const Broadcast &broadcast) {
    const QStringList reached =
        m_router.deliver(broadcast.envelope, m_registry.onlineOrgAdmins(broadcast.audienceOrg),
                         MessageRouter::Kind::Live, broadcast.seq);
    emit delivered(broadcast, reached);
}

} // namespace gistack
