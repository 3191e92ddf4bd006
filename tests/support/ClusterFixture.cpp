#include "ClusterFixture.h"

#include "protocol/MessageCatalogue.h"

#include <QUrl>

namespace gistack::test {

ClusterFixture::ClusterFixture()
    : m_database(std::make_unique<PgTestDatabase>()) {
}

ClusterFixture::~ClusterFixture() {
    m_nodes.clear(); // every node stops before its database is dropped
    m_database.reset();
}

bool ClusterFixture::start(int count) {
    if (!m_database->isValid()) {
        qWarning() << "no test database:" << m_database->error();
        return false;
    }
    for (int i = 0; i < count; ++i) {
        m_nodes.push_back(std::make_unique<NodeProcess>(QString(QChar('A' + i)), m_database->url()));
        if (!m_nodes.back()->start())
            return false;
    }
    return true;
}

QString ClusterFixture::password() const {
    return QUrl(m_database->url()).password();
}

QString ClusterFixture::nodeLeakingPassword() {
    const QByteArray secret = password().toUtf8();
    for (const auto &node : m_nodes) {
        if (!secret.isEmpty() && node->output().contains(secret))
            return node->name();
    }
    return {};
}

bool ClusterFixture::seed() {
    ApiClient &api = node(0).api();
    bool ok = api.put(QStringLiteral("/api/v1/orgs/org-a"), {{"name", "Org A"}}).status == 200;
    const auto user = [&](const char *id, const char *role) {
        return api.put(QStringLiteral("/api/v1/users/") + QLatin1String(id),
                       {{"name", QLatin1String(id)}, {"orgId", "org-a"}, {"role", QLatin1String(role)}})
                   .status == 200;
    };
    ok = ok && user("admin-a", "orgadmin") && user("alice", "user") && user("bob", "user");
    return ok;
}

std::unique_ptr<WsClient> ClusterFixture::login(quint16 port, const QString &userId) {
    auto client = std::make_unique<WsClient>();
    if (!client->open(NodeProcess::wsUrl(port, userId)))
        return nullptr;
    client->settle(300);
    client->clearFrames();
    return client;
}

QString ClusterFixture::submit(NodeProcess &node, const QString &userId, const QString &resource) {
    const ApiResult result = node.api().post(
        QStringLiteral("/api/v1/requests"),
        {{"userId", userId}, {"kind", "website"}, {"action", "apply"}, {"resourceName", resource}});
    if (result.status != 201)
        qWarning().noquote() << "submit on" << node.name() << "answered" << result.text();
    return result.json().value(QStringLiteral("id")).toString();
}

int ClusterFixture::decide(NodeProcess &node, const QString &requestId, bool approved) {
    return node.api()
        .post(QStringLiteral("/api/v1/requests/") + requestId + QStringLiteral("/decision"),
              {{"approved", approved}, {"adminId", "admin-a"}})
        .status;
}

QJsonObject ClusterFixture::stats(NodeProcess &node) {
    return node.api().get(QStringLiteral("/api/v1/stats")).json();
}

QString ClusterFixture::countType() {
    return MessageCatalogue::name(MessageCatalogue::pendingCountType(PendingKind::WebsiteApply));
}

QString ClusterFixture::passedType() {
    return MessageCatalogue::name(
        MessageCatalogue::resultType(ResourceKind::Website, RequestAction::Apply, true));
}

} // namespace gistack::test
