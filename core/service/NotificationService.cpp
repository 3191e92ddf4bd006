#include "NotificationService.h"

#include "cluster/ClusterNode.h"
#include "net/ClientConnection.h"
#include "net/ConnectionRegistry.h"
#include "protocol/TimeFormat.h"
#include "storage/StorageWorker.h"
#include "time/Clock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>
#include <QUuid>

#include <algorithm>

Q_LOGGING_CATEGORY(lcService, "gistack.service", QtWarningMsg)

namespace gistack {

namespace {

LoginFacts loadFacts(Storage &storage, const User &user) {
    LoginFacts facts;
    facts.user = user;
    if (LoginReminders::needsLicences(user.role)) {
        facts.gistackLicence = storage.gistackLicence();
        facts.arcgisLicences = storage.arcgisLicences();
    }
    if (LoginReminders::needsPendingCounts(user.role))
        facts.pending = storage.pendingCounts(user.orgId);
    facts.leases = storage.leasesOf(user.id);
    return facts;
}

constexpr int maxRequeueAttempts = 120;
// A queue is claimed in batches of about this much msg text.
constexpr qint64 claimBatchBytes = 256 * 1024;
constexpr int paceRetryMs = 20;
constexpr int requeueRetryMs = 1000;

QString newItemId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject countsJson(const PendingCounts &counts) {
    return QJsonObject{{QStringLiteral("registrations"), counts[PendingKind::Registration]},
                       {QStringLiteral("websiteApply"), counts[PendingKind::WebsiteApply]},
                       {QStringLiteral("websiteRenew"), counts[PendingKind::WebsiteRenew]},
                       {QStringLiteral("desktopApply"), counts[PendingKind::DesktopApply]},
                       {QStringLiteral("desktopRenew"), counts[PendingKind::DesktopRenew]}};
}

// Counts are live-only broadcasts to the org's admins online on any node at that moment.
void broadcastCount(Storage &storage, const QString &orgId, PendingKind kind, const PendingCounts &counts,
                    const QDateTime &now) {
    storage.insertBroadcast(
        Envelope(Envelope::newId(), MessageCatalogue::pendingCountType(kind), now, counts[kind]), {}, orgId);
}

// The first of userIds, in their order, that names no user. One statement checks them all:
// a 19,000-recipient publish made 19,000 lookups before.
std::optional<QString> firstUnknownUser(Storage &storage, const QStringList &userIds) {
    const QStringList unknown = storage.unknownUsers(userIds);
    if (unknown.isEmpty())
        return std::nullopt;
    const QSet<QString> missing(unknown.cbegin(), unknown.cend());
    for (const QString &userId : userIds) {
        if (missing.contains(userId))
            return userId;
    }
    return unknown.first();
}

QString checkAdmin(Storage &storage, const QString &adminId, const QString &orgId) {
    const std::optional<User> admin = storage.user(adminId);
    if (!admin || admin->role != Role::OrgAdmin || admin->orgId != orgId)
        return QStringLiteral("'%1' is not an orgadmin of org '%2'").arg(adminId, orgId);
    return {};
}

} // namespace

NotificationService::NotificationService(StorageWorker &storage, ConnectionRegistry &registry,
                                         const Clock &clock, ExpiryRule rule, QObject *parent)
    : QObject(parent)
    , m_storage(storage)
    , m_registry(registry)
    , m_clock(clock)
    , m_rule(rule)
    , m_router(registry)
    , m_delivery(new BroadcastDelivery(registry, m_router, this)) {
    connect(&registry, &ConnectionRegistry::connectionClosed, this, &NotificationService::requeueDropped);
    connect(m_delivery, &BroadcastDelivery::delivered, this, &NotificationService::recordDelivery);
}

Envelope NotificationService::makeEnvelope(MessageType type, const QJsonValue &msg) const {
    return Envelope(Envelope::newId(), type, m_clock.now(), msg);
}

void NotificationService::write(std::function<Outcome(Storage &)> job, Done done) {
    m_storage.run<Outcome>(this, std::move(job), [done = std::move(done)](StorageResult<Outcome> result) {
        if (!result.ok()) {
            qCWarning(lcService) << "database write failed:" << result.error;
            done(Outcome::failure(Outcome::Unavailable, QStringLiteral("database unavailable")));
            return;
        }
        done(result.value);
    });
}

Done NotificationService::notifying(void (NotificationService::*signal)(), Done done) {
    return [this, signal, done = std::move(done)](const Outcome &outcome) {
        if (outcome.ok())
            emit(this->*signal)();
        done(outcome);
    };
}

void NotificationService::putOrg(const Org &org, Done done) {
    write(
        [org](Storage &s) {
            s.upsertOrg(org);
            return Outcome::success(QJsonObject{{"id", org.id}, {"name", org.name}});
        },
        notifying(&NotificationService::directoryChanged, std::move(done)));
}

void NotificationService::putUser(const User &user, Done done) {
    write(
        [user](Storage &s) {
            if (!s.org(user.orgId))
                return Outcome::failure(Outcome::NotFound,
                                        QStringLiteral("org '%1' not found").arg(user.orgId));
            s.upsertUser(user);
            return Outcome::success(QJsonObject{
                {"id", user.id}, {"name", user.name}, {"orgId", user.orgId}, {"role", roleName(user.role)}});
        },
        notifying(&NotificationService::directoryChanged, std::move(done)));
}

void NotificationService::setGistackLicence(const QDateTime &expireDate, Done done) {
    write(
        [expireDate](Storage &s) {
            s.setGistackLicence(expireDate);
            return Outcome::success(QJsonObject{{"expireDate", TimeFormat::format(expireDate)}});
        },
        notifying(&NotificationService::licencesChanged, std::move(done)));
}

void NotificationService::putArcgisLicence(const ArcgisLicence &licence, Done done) {
    write(
        [licence](Storage &s) {
            s.upsertArcgisLicence(licence);
            return Outcome::success(QJsonObject{{"id", licence.id},
                                                {"resourceName", licence.resourceName()},
                                                {"expireDate", TimeFormat::format(licence.expireDate)}});
        },
        notifying(&NotificationService::licencesChanged, std::move(done)));
}

void NotificationService::removeArcgisLicence(const QString &id, Done done) {
    write(
        [id](Storage &s) {
            return s.removeArcgisLicence(id)
                       ? Outcome::success(QJsonObject{{"id", id}, {"removed", true}})
                       : Outcome::failure(Outcome::NotFound,
                                          QStringLiteral("ArcGIS licence '%1' not found").arg(id));
        },
        notifying(&NotificationService::licencesChanged, std::move(done)));
}

void NotificationService::putLease(const Lease &lease, Done done) {
    write(
        [lease](Storage &s) {
            if (!s.user(lease.userId))
                return Outcome::failure(Outcome::NotFound,
                                        QStringLiteral("user '%1' not found").arg(lease.userId));
            s.upsertLease(lease);
            return Outcome::success(QJsonObject{{"id", lease.id}, {"userId", lease.userId}});
        },
        notifying(&NotificationService::licencesChanged, std::move(done)));
}

void NotificationService::removeLease(const QString &id, Done done) {
    write(
        [id](Storage &s) {
            return s.removeLease(id)
                       ? Outcome::success(QJsonObject{{"id", id}, {"removed", true}})
                       : Outcome::failure(Outcome::NotFound, QStringLiteral("lease '%1' not found").arg(id));
        },
        notifying(&NotificationService::licencesChanged, std::move(done)));
}

void NotificationService::submitRegistration(const QString &userId, const QString &orgId, const QString &name,
                                             Done done) {
    const QDateTime now = m_clock.now();
    Registration registration{newItemId(), userId, orgId, name, DecisionState::Pending, now};
    auto counts = std::make_shared<PendingCounts>();
    write(
        [registration, counts, now](Storage &s) {
            if (!s.org(registration.orgId))
                return Outcome::failure(Outcome::NotFound,
                                        QStringLiteral("org '%1' not found").arg(registration.orgId));
            s.insertRegistration(registration);
            *counts = s.pendingCounts(registration.orgId);
            broadcastCount(s, registration.orgId, PendingKind::Registration, *counts, now);
            return Outcome::created(QJsonObject{{"id", registration.id}});
        },
        [this, registration, counts, done = std::move(done)](const Outcome &outcome) {
            if (outcome.ok()) {
                emit registrationSubmitted(registration);
                emit pendingCountsChanged(registration.orgId, *counts);
                emit broadcastCommitted();
            }
            done(outcome);
        });
}

void NotificationService::submitRequest(const QString &userId, ResourceKind kind, RequestAction action,
                                        const QString &resourceName, Done done) {
    const QDateTime now = m_clock.now();
    auto request = std::make_shared<ResourceRequest>(ResourceRequest{
        newItemId(), userId, QString(), kind, action, resourceName, DecisionState::Pending, now});
    auto counts = std::make_shared<PendingCounts>();
    write(
        [request, counts, now](Storage &s) {
            const std::optional<User> user = s.user(request->userId);
            if (!user)
                return Outcome::failure(Outcome::NotFound,
                                        QStringLiteral("user '%1' not found").arg(request->userId));
            request->orgId = user->orgId;
            s.insertRequest(*request);
            *counts = s.pendingCounts(request->orgId);
            broadcastCount(s, request->orgId, MessageCatalogue::pendingKindOf(request->kind, request->action),
                           *counts, now);
            return Outcome::created(QJsonObject{{"id", request->id}});
        },
        [this, request, counts, done = std::move(done)](const Outcome &outcome) {
            if (outcome.ok()) {
                emit requestSubmitted(*request);
                emit pendingCountsChanged(request->orgId, *counts);
                emit broadcastCommitted();
            }
            done(outcome);
        });
}

void NotificationService::decideRegistration(const QString &id, bool approved, const QString &adminId,
                                             Done done) {
    const QDateTime now = m_clock.now();
    auto registration = std::make_shared<Registration>();
    auto counts = std::make_shared<PendingCounts>();
    write(
        [=](Storage &s) {
            const std::optional<Registration> found = s.registration(id);
            if (!found)
                return Outcome::failure(Outcome::NotFound,
                                        QStringLiteral("registration '%1' not found").arg(id));
            *registration = *found;
            const QString adminError = checkAdmin(s, adminId, found->orgId);
            if (!adminError.isEmpty())
                return Outcome::failure(Outcome::Forbidden, adminError);
            if (!s.decideRegistration(id, approved, adminId, now))
                return Outcome::failure(Outcome::Conflict,
                                        QStringLiteral("registration '%1' was already decided").arg(id));
            // An approved registration makes the applicant a user of the org, unless it already is one.
            if (approved && !s.user(found->userId))
                s.upsertUser(User{found->userId, found->name, found->orgId, Role::User});
            *counts = s.pendingCounts(found->orgId);
            broadcastCount(s, found->orgId, PendingKind::Registration, *counts, now);
            return Outcome::success(QJsonObject{{"id", id}, {"approved", approved}});
        },
        [this, registration, counts, approved, done = std::move(done)](const Outcome &outcome) {
            if (outcome.ok()) {
                emit itemDecided(registration->id, approved);
                if (approved)
                    emit directoryChanged();
                emit pendingCountsChanged(registration->orgId, *counts);
                emit broadcastCommitted();
            }
            done(outcome);
        });
}

void NotificationService::decideRequest(const QString &id, bool approved, const QString &adminId, Done done) {
    const QDateTime now = m_clock.now();
    auto request = std::make_shared<ResourceRequest>();
    auto counts = std::make_shared<PendingCounts>();
    auto result = std::make_shared<Envelope>();
    write(
        [=](Storage &s) {
            const std::optional<ResourceRequest> found = s.request(id);
            if (!found)
                return Outcome::failure(Outcome::NotFound, QStringLiteral("request '%1' not found").arg(id));
            *request = *found;
            const QString adminError = checkAdmin(s, adminId, found->orgId);
            if (!adminError.isEmpty())
                return Outcome::failure(Outcome::Forbidden, adminError);
            if (!s.decideRequest(id, approved, adminId, now))
                return Outcome::failure(Outcome::Conflict,
                                        QStringLiteral("request '%1' was already decided").arg(id));
            // The result commits with the decision: queued first, handed to the sockets after commit
            // by whichever nodes hold the applicant's sockets.
            *result = Envelope(Envelope::newId(),
                               MessageCatalogue::resultType(found->kind, found->action, approved), now,
                               found->resourceName);
            s.insertBroadcast(*result, {found->userId}, QString());
            *counts = s.pendingCounts(found->orgId);
            broadcastCount(s, found->orgId, MessageCatalogue::pendingKindOf(found->kind, found->action),
                           *counts, now);
            return Outcome::success(
                QJsonObject{{"id", id}, {"approved", approved}, {"messageId", result->id()}});
        },
        [this, request, counts, result, approved, done = std::move(done)](const Outcome &outcome) {
            if (outcome.ok()) {
                emit itemDecided(request->id, approved);
                emit messageSent(
                    MessageRecord{0, *result, {Recipient{request->userId, DeliveryState::Queued, {}}}});
                emit pendingCountsChanged(request->orgId, *counts);
                emit broadcastCommitted();
            }
            done(outcome);
        });
}

void NotificationService::publish(MessageType type, const QStringList &userIds, const QJsonValue &msg,
                                  Done done) {
    const QString shapeError = MessageCatalogue::validate(type, msg);
    if (!shapeError.isEmpty()) {
        done(Outcome::failure(Outcome::Invalid, shapeError));
        return;
    }
    const Envelope envelope = makeEnvelope(type, msg);
    // Queued for everyone at first; the nodes holding a recipient's sockets mark it delivered.
    write(
        [envelope, userIds](Storage &s) {
            if (const std::optional<QString> unknown = firstUnknownUser(s, userIds))
                return Outcome::failure(Outcome::NotFound,
                                        QStringLiteral("user '%1' not found").arg(*unknown));
            s.insertBroadcast(envelope, userIds, QString());
            return Outcome::created(QJsonObject{{"id", envelope.id()}});
        },
        [this, envelope, userIds, done = std::move(done)](const Outcome &outcome) {
            if (outcome.ok()) {
                QList<Recipient> recipients;
                recipients.reserve(userIds.size());
                for (const QString &userId : userIds)
                    recipients.append(Recipient{userId, DeliveryState::Queued, QDateTime()});
                emit messageSent(MessageRecord{0, envelope, recipients});
                emit broadcastCommitted();
            }
            done(outcome);
        });
}

void NotificationService::history(const QString &userId, int limit, Done done) {
    m_storage.run<QList<MessageRecord>>(
        this, [userId, limit](Storage &s) { return s.history(userId, limit); },
        [done = std::move(done)](StorageResult<QList<MessageRecord>> result) {
            if (!result.ok()) {
                done(Outcome::failure(Outcome::Unavailable, QStringLiteral("database unavailable")));
                return;
            }
            QJsonArray messages;
            for (const MessageRecord &record : result.value) {
                const Recipient &recipient = record.recipients.first();
                QJsonObject entry = record.envelope.toJson({recipient.userId});
                entry.insert(QStringLiteral("delivery"), recipient.state == DeliveryState::Delivered
                                                             ? QStringLiteral("delivered")
                                                             : QStringLiteral("queued"));
                if (recipient.deliveredAt.isValid())
                    entry.insert(QStringLiteral("deliveredAt"), TimeFormat::format(recipient.deliveredAt));
                messages.append(entry);
            }
            done(Outcome::success(QJsonObject{{"messages", messages}}));
        });
}

void NotificationService::stats(Done done) {
    struct Figures {
        QHash<QString, PendingCounts> pending;
        ClusterPresence others;
    };
    const QString nodeId = m_nodeId;
    m_storage.run<Figures>(
        this,
        [nodeId](Storage &s) {
            Figures figures{s.allPendingCounts(), {}};
            if (!nodeId.isEmpty())
                figures.others = s.otherNodes(nodeId, ClusterNode::liveWithinMs);
            return figures;
        },
        [this, done = std::move(done)](StorageResult<Figures> result) {
            if (!result.ok()) {
                done(Outcome::failure(Outcome::Unavailable, QStringLiteral("database unavailable")));
                return;
            }
            QJsonObject pending;
            for (auto it = result.value.pending.cbegin(); it != result.value.pending.cend(); ++it)
                pending.insert(it.key(), countsJson(it.value()));
            // This node's figures are exact; the other nodes' are as of their last report.
            QSet<QString> users;
            const QList<ClientConnection *> connections = m_registry.authenticatedConnections();
            for (const ClientConnection *connection : connections)
                users.insert(connection->user().id);
            const int localUsers = int(users.size());
            const ClusterPresence &others = result.value.others;
            for (const QString &userId : others.userIds)
                users.insert(userId);
            done(Outcome::success(
                QJsonObject{{"connections", m_registry.connectionCount() + others.connections},
                            {"onlineUsers", int(users.size())},
                            {"nodes", 1 + others.liveNodes},
                            {"node", QJsonObject{{"id", m_nodeId},
                                                 {"connections", m_registry.connectionCount()},
                                                 {"onlineUsers", localUsers}}},
                            {"pending", pending}}));
        });
}

void NotificationService::loadPending(Loaded<PendingSnapshot> done) {
    m_storage.run<PendingSnapshot>(
        this,
        [](Storage &s) {
            return PendingSnapshot{s.pendingRegistrations(), s.pendingRequests()};
        },
        std::move(done));
}

void NotificationService::loadPendingCounts(Loaded<QHash<QString, PendingCounts>> done) {
    m_storage.run<QHash<QString, PendingCounts>>(
        this, [](Storage &s) { return s.allPendingCounts(); }, std::move(done));
}

void NotificationService::loadLicences(Loaded<LicenceSnapshot> done) {
    m_storage.run<LicenceSnapshot>(
        this,
        [](Storage &s) {
            return LicenceSnapshot{s.gistackLicence(), s.arcgisLicences(), s.leases()};
        },
        std::move(done));
}

void NotificationService::loadDirectory(Loaded<DirectorySnapshot> done) {
    m_storage.run<DirectorySnapshot>(
        this,
        [](Storage &s) {
            return DirectorySnapshot{s.orgs(), s.users()};
        },
        std::move(done));
}

void NotificationService::loadRecentMessages(int limit, Loaded<QList<MessageRecord>> done) {
    m_storage.run<QList<MessageRecord>>(
        this,
        [limit](Storage &s) {
            // history() has one row per recipient; fold them back into one record per message.
            QList<MessageRecord> merged;
            QHash<qint64, qsizetype> rowOf;
            const QList<MessageRecord> rows = s.history(QString(), limit * 4);
            for (const MessageRecord &row : rows) {
                const auto it = rowOf.constFind(row.seq);
                if (it != rowOf.cend()) {
                    merged[*it].recipients.append(row.recipients);
                } else if (merged.size() < limit) {
                    rowOf.insert(row.seq, merged.size());
                    merged.append(row);
                }
            }
            return merged;
        },
        std::move(done));
}

void NotificationService::deliverBroadcasts(const QList<Broadcast> &broadcasts) {
    m_delivery->enqueue(broadcasts);
}

void NotificationService::recordDelivery(const Broadcast &broadcast, const QStringList &reached) {
    const bool liveOnly = !broadcast.audienceOrg.isEmpty();
    // A live-only message nobody here got leaves nothing to record. A durable one still has its
    // per-recipient rows to write, as queued: now, rather than in the way of the next login.
    if (reached.isEmpty() && liveOnly)
        return;
    const QDateTime now = m_clock.now();
    if (!reached.isEmpty()) {
        QList<Recipient> recipients;
        recipients.reserve(reached.size());
        for (const QString &userId : reached)
            recipients.append(Recipient{userId, DeliveryState::Delivered, now});
        emit messageSent(MessageRecord{broadcast.seq, broadcast.envelope, recipients});
    }
    // No caller waits for this, and no fsync either: a record lost in a power cut leaves the
    // message queued (or its list pending), so it is delivered again at the next login.
    m_storage.runBeforeCommit<bool>(
        this,
        [seq = broadcast.seq, reached, liveOnly, now](Storage &s) {
            if (liveOnly)
                s.addRecipients(seq, reached, now);
            else
                s.settleBroadcast(seq, reached, now);
            return true;
        },
        [](StorageResult<bool> result) {
            // Left queued in the log: delivered again at the next login; clients de-duplicate by id.
            if (!result.ok())
                qCWarning(lcService) << "could not record deliveries:" << result.error;
        });
}

void NotificationService::logMessage(const Envelope &envelope, const QList<Recipient> &recipients) {
    if (recipients.isEmpty())
        return;
    m_storage.run<bool>(
        this,
        [envelope, recipients](Storage &s) {
            s.insertMessage(envelope, recipients);
            return true;
        },
        [](StorageResult<bool> result) {
            if (!result.ok())
                qCWarning(lcService) << "could not log a sent message:" << result.error;
        });
    emit messageSent(MessageRecord{0, envelope, recipients});
}

void NotificationService::login(ClientConnection *connection, const QString &userId) {
    const QDateTime now = m_clock.now();
    struct Login {
        std::optional<User> user;
        LoginFacts facts;
        QList<MessageRecord> queued;
        bool moreQueued = false;
        qint64 loadedSeq = 0;
    };
    QPointer<ClientConnection> guard(connection);
    // A slice pushed meanwhile found this user still offline: what it skipped is queued.
    const quint64 slicesBefore = m_delivery->slicesRun();
    // Told before the commit: a login waits for no fsync. Should the commit fail, the claimed
    // messages stay queued and come again at the next login (clients de-duplicate by id).
    m_storage.runBeforeCommit<Login>(
        this,
        [userId, now](Storage &s) {
            Login login;
            // First: the counts read below include every broadcast up to here.
            login.loadedSeq = s.lastMessageSeq();
            login.user = s.user(userId);
            if (login.user) {
                login.facts = loadFacts(s, *login.user);
                login.queued = s.claimQueued(userId, now, claimBatchBytes, &login.moreQueued);
            }
            return login;
        },
        [this, guard, userId, slicesBefore](StorageResult<Login> result) {
            if (!result.ok()) {
                if (guard)
                    guard->close(CloseCode::GoingAway, QStringLiteral("database unavailable, retry later"));
                return;
            }
            if (!result.value.user) {
                if (guard)
                    guard->close(CloseCode::Unauthorized, QStringLiteral("unknown user"));
                return;
            }
            if (!guard || !guard->isOpen()) {
                deliverClaimed(userId, result.value.queued); // requeues: the socket is gone
                return;
            }
            if (m_registry.authenticate(guard, *result.value.user)) {
                guard->setLoadedSeq(result.value.loadedSeq);
                sendReminders(guard, result.value.facts);
            }
            // Refused (4429): the user's other sockets get the queue, or it is kept.
            deliverClaimed(userId, result.value.queued);
            if (guard)
                guard->finishHandshake(); // if nothing was sent, the answer is still held
            // The rest of a long queue, paced; or what came while this login was loading.
            if (result.value.moreQueued || m_delivery->slicesRun() != slicesBefore)
                drainQueue(userId);
        });
}

void NotificationService::sendReminders(ClientConnection *connection, const LoginFacts &facts) {
    const QList<PlannedMessage> planned = LoginReminders::plan(facts, m_rule, m_clock.now().date());
    for (const PlannedMessage &message : planned) {
        const Envelope envelope = makeEnvelope(message.type, message.msg);
        if (m_router.deliverTo(connection, envelope))
            logMessage(envelope, {Recipient{facts.user.id, DeliveryState::Delivered, envelope.createTime()}});
    }
}

void NotificationService::drainQueue(const QString &userId) {
    // One drain per user at a time; asking again meanwhile makes it go round once more.
    if (m_draining.contains(userId)) {
        m_drainAgain.insert(userId);
        return;
    }
    m_draining.insert(userId);
    whenRoomFor(userId);
}

void NotificationService::whenRoomFor(const QString &userId) {
    // A long queue goes out batch by batch, each once the user's sockets have sent most of
    // the one before: a healthy browser is never taken for a slow one, and what a dropped
    // socket never got is still queued.
    const QList<ClientConnection *> connections = m_registry.connectionsOf(userId);
    if (connections.isEmpty()) {
        m_draining.remove(userId);
        m_drainAgain.remove(userId);
        return;
    }
    const qint64 roomy = m_registry.limits().maxSendBufferBytes / 4;
    const bool room = std::all_of(connections.cbegin(), connections.cend(),
                                  [roomy](ClientConnection *c) { return c->backlog() < roomy; });
    if (room)
        claimNextBatch(userId);
    else
        QTimer::singleShot(paceRetryMs, this, [this, userId] { whenRoomFor(userId); });
}

void NotificationService::claimNextBatch(const QString &userId) {
    const QDateTime now = m_clock.now();
    m_storage.run<QList<MessageRecord>>(
        this, [userId, now](Storage &s) { return s.claimQueued(userId, now, claimBatchBytes); },
        [this, userId](StorageResult<QList<MessageRecord>> result) {
            const bool more = result.ok() && !result.value.isEmpty();
            if (result.ok())
                deliverClaimed(userId, result.value);
            if (more || m_drainAgain.remove(userId)) {
                whenRoomFor(userId);
            } else {
                // A database failure leaves the rest queued for the next login or push.
                m_draining.remove(userId);
            }
        });
}

void NotificationService::deliverClaimed(const QString &userId, const QList<MessageRecord> &claimed) {
    if (claimed.isEmpty())
        return;
    QStringList undelivered;
    for (const MessageRecord &record : claimed) {
        // The feed may hand out this seq later: it must not push the message a second time.
        m_delivery->noteClaimed(record.seq, userId);
        if (m_router.deliver(record.envelope, {userId}, MessageRouter::Kind::Durable).isEmpty())
            undelivered.append(record.envelope.id());
        else
            emit messageSent(record);
    }
    if (undelivered.isEmpty())
        return;
    // Every socket closed before the frames went out: keep them for the next login.
    m_storage.run<bool>(
        this,
        [userId, undelivered](Storage &s) {
            for (const QString &messageId : undelivered)
                s.setDelivery(messageId, {userId}, DeliveryState::Queued, QDateTime());
            return true;
        },
        [this, userId](StorageResult<bool>) {
            if (m_registry.isOnline(userId))
                drainQueue(userId);
        });
}

void NotificationService::requeueDropped(ClientConnection *connection) {
    if (!connection->isAuthenticated() || connection->undelivered().isEmpty())
        return;
    const QString userId = connection->user().id;
    const QList<ClientConnection *> others = m_registry.connectionsOf(userId);
    QStringList messageIds;
    for (const ClientConnection::Unconfirmed &message : connection->undelivered()) {
        // A healthy socket of the same user that was already logged in got the same frame.
        const bool heardElsewhere = std::any_of(others.cbegin(), others.cend(), [&](ClientConnection *other) {
            return other != connection && other->isOpen() && !other->isDropping() &&
                   other->authenticatedSeq() < message.routeSeq;
        });
        if (!heardElsewhere && !messageIds.contains(message.messageId))
            messageIds.append(message.messageId);
    }
    if (messageIds.isEmpty())
        return;
    qCInfo(lcService) << messageIds.size() << "messages to" << userId
                      << "queued again: their socket was dropped before the peer had them";
    requeue(userId, messageIds, 0);
}

void NotificationService::requeue(const QString &userId, const QStringList &messageIds, int attempt) {
    m_storage.run<bool>(
        this,
        [userId, messageIds](Storage &s) {
            for (const QString &messageId : messageIds)
                s.setDelivery(messageId, {userId}, DeliveryState::Queued, QDateTime());
            return true;
        },
        [this, userId, messageIds, attempt](StorageResult<bool> result) {
            // The database may be locked or full for a while; these messages must not be lost.
            if (!result.ok() && attempt < maxRequeueAttempts)
                QTimer::singleShot(requeueRetryMs, this, [this, userId, messageIds, attempt] {
                    requeue(userId, messageIds, attempt + 1);
                });
            else if (!result.ok())
                qCWarning(lcService) << "could not queue" << messageIds.size() << "messages to" << userId
                                     << "again:" << result.error;
        });
}

void NotificationService::runDailyChecks() {
    const QList<ClientConnection *> connections = m_registry.authenticatedConnections();
    QHash<QString, User> users;
    for (ClientConnection *connection : connections)
        users.insert(connection->user().id, connection->user());
    if (users.isEmpty())
        return;
    qCInfo(lcService) << "daily checks for" << users.size() << "online users";
    const QList<User> online = users.values();
    m_storage.run<QList<LoginFacts>>(
        this,
        [online](Storage &s) {
            QList<LoginFacts> facts;
            for (const User &user : online)
                facts.append(loadFacts(s, user));
            return facts;
        },
        [this](StorageResult<QList<LoginFacts>> result) {
            if (!result.ok())
                return;
            for (const LoginFacts &facts : result.value) {
                const QList<ClientConnection *> connections = m_registry.connectionsOf(facts.user.id);
                for (ClientConnection *connection : connections)
                    sendReminders(connection, facts);
            }
        });
}

} // namespace gistack
