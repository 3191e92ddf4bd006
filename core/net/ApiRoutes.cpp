#include "ApiRoutes.h"

#include "JsonBody.h"
#include "SecretCompare.h"
#include "service/NotificationService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcApi, "gistack.api", QtWarningMsg)

namespace gistack {

namespace {

constexpr int maxRecipients = 100000;
constexpr int maxHistory = 1000;

QStringList segmentsOf(const QString &path) {
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

} // namespace

ApiRoutes::ApiRoutes(NotificationService &service, QByteArray apiKey)
    : m_service(service)
    , m_apiKey(std::move(apiKey)) {
    const auto route = [this](const char *method, const char *path, Action action) {
        m_routes.append(Route{method, segmentsOf(QString::fromLatin1(path)), action});
    };
    route("PUT", "/api/v1/orgs/{}", &ApiRoutes::putOrg);
    route("PUT", "/api/v1/users/{}", &ApiRoutes::putUser);
    route("PUT", "/api/v1/licences/gistack", &ApiRoutes::putGistackLicence);
    route("PUT", "/api/v1/licences/arcgis/{}", &ApiRoutes::putArcgisLicence);
    route("DELETE", "/api/v1/licences/arcgis/{}", &ApiRoutes::deleteArcgisLicence);
    route("PUT", "/api/v1/leases/{}", &ApiRoutes::putLease);
    route("DELETE", "/api/v1/leases/{}", &ApiRoutes::deleteLease);
    route("POST", "/api/v1/registrations", &ApiRoutes::postRegistration);
    route("POST", "/api/v1/requests", &ApiRoutes::postRequest);
    route("POST", "/api/v1/registrations/{}/decision", &ApiRoutes::decideRegistration);
    route("POST", "/api/v1/requests/{}/decision", &ApiRoutes::decideRequest);
    route("POST", "/api/v1/messages", &ApiRoutes::postMessage);
    route("GET", "/api/v1/messages", &ApiRoutes::getMessages);
    route("GET", "/api/v1/stats", &ApiRoutes::getStats);
}

bool ApiRoutes::handle(const HttpRequest &request, HttpReply reply) {
    if (request.path == QLatin1String("/healthz")) {
        reply.json(200, QJsonObject{{"status", "ok"}});
        return true;
    }
    if (!request.path.startsWith(QLatin1String("/api/")))
        return false;
    if (!authorised(request)) {
        reply.error(401, QStringLiteral("missing or wrong API key (Authorization: Bearer <key>)"));
        return true;
    }
    const QStringList segments = segmentsOf(request.path);
    bool pathKnown = false;
    for (const Route &route : std::as_const(m_routes)) {
        Params params;
        if (!match(route.pattern, segments, &params))
            continue;
        pathKnown = true;
        if (route.method != request.method)
            continue;
        for (const QString &id : std::as_const(params)) {
            if (!JsonBody::isValidId(id)) {
                reply.error(400, QStringLiteral("ids are 1 to 128 characters without spaces or '/'"));
                return true;
            }
        }
        qCDebug(lcApi) << request.method << request.path;
        (this->*route.action)(request, params, reply);
        return true;
    }
    if (pathKnown)
        reply.error(405, QStringLiteral("method %1 not allowed on %2")
                             .arg(QString::fromLatin1(request.method), request.path));
    else
        reply.error(404, QStringLiteral("no such resource: ") + request.path);
    return true;
}

bool ApiRoutes::authorised(const HttpRequest &request) const {
    const QByteArray header = request.header("authorization");
    const QByteArray prefix = "Bearer ";
    if (m_apiKey.isEmpty() || !header.startsWith(prefix))
        return false;
    return SecretCompare::equal(header.mid(prefix.size()).trimmed(), m_apiKey);
}

bool ApiRoutes::match(const QStringList &pattern, const QStringList &segments, Params *params) {
    if (pattern.size() != segments.size())
        return false;
    for (int i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i) == QLatin1String("{}"))
            params->append(segments.at(i));
        else if (pattern.at(i) != segments.at(i))
            return false;
    }
    return true;
}

int ApiRoutes::statusOf(const Outcome &outcome) {
    switch (outcome.code) {
    case Outcome::Ok:
        return 200;
    case Outcome::Created:
        return 201;
    case Outcome::Invalid:
        return 400;
    case Outcome::NotFound:
        return 404;
    case Outcome::Forbidden:
        return 403;
    case Outcome::Conflict:
        return 409;
    case Outcome::Unavailable:
        return 503;
    }
    return 500;
}

void ApiRoutes::answer(HttpReply reply, const Outcome &outcome) {
    if (outcome.ok())
        reply.json(statusOf(outcome), outcome.body.isUndefined() ? QJsonValue(QJsonObject()) : outcome.body);
    else
        reply.error(statusOf(outcome), outcome.error);
}

std::function<void(const Outcome &)> ApiRoutes::answerer(HttpReply reply) const {
    return [reply](const Outcome &outcome) {
        answer(reply, outcome);
    };
}

void ApiRoutes::putOrg(const HttpRequest &request, const Params &params, HttpReply reply) {
    JsonBody body(request.body);
    const QString name = body.string("name");
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.putOrg(Org{params.at(0), name}, answerer(reply));
}

void ApiRoutes::putUser(const HttpRequest &request, const Params &params, HttpReply reply) {
    JsonBody body(request.body);
    const QString name = body.string("name");
    const QString orgId = body.string("orgId", 128);
    const std::optional<Role> role = roleFromName(body.string("role"));
    if (body.ok() && !role)
        body.fail(QStringLiteral("role must be \"sysadmin\", \"orgadmin\" or \"user\""));
    if (body.ok() && !JsonBody::isValidId(orgId))
        body.fail(QStringLiteral("orgId is not a valid id"));
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.putUser(User{params.at(0), name, orgId, *role}, answerer(reply));
}

void ApiRoutes::putGistackLicence(const HttpRequest &request, const Params &, HttpReply reply) {
    JsonBody body(request.body);
    const QDateTime expireDate = body.time("expireDate");
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.setGistackLicence(expireDate, answerer(reply));
}

void ApiRoutes::putArcgisLicence(const HttpRequest &request, const Params &params, HttpReply reply) {
    JsonBody body(request.body);
    ArcgisLicence licence{params.at(0), body.string("fileName"), body.string("version", 64),
                          body.time("expireDate")};
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.putArcgisLicence(licence, answerer(reply));
}

void ApiRoutes::deleteArcgisLicence(const HttpRequest &, const Params &params, HttpReply reply) {
    m_service.removeArcgisLicence(params.at(0), answerer(reply));
}

void ApiRoutes::putLease(const HttpRequest &request, const Params &params, HttpReply reply) {
    JsonBody body(request.body);
    Lease lease;
    lease.id = params.at(0);
    lease.userId = body.string("userId", 128);
    const QString kind = body.string("kind");
    lease.resourceName = body.string("resourceName");
    lease.expireDate = body.time("expireDate");
    if (body.ok() && kind != QLatin1String("site") && kind != QLatin1String("desktop"))
        body.fail(QStringLiteral("kind must be \"site\" or \"desktop\""));
    lease.kind = kind == QLatin1String("desktop") ? LeaseKind::Desktop : LeaseKind::Site;
    const QJsonObject agsObject = body.optionalObject("arcgisLicence");
    if (body.ok() && !agsObject.isEmpty()) {
        if (lease.kind != LeaseKind::Site)
            body.fail(QStringLiteral("arcgisLicence belongs to site leases only"));
        JsonBody ags(agsObject);
        ArcgisLicence licence{QString(), ags.string("fileName"), ags.string("version", 64),
                              ags.time("expireDate")};
        if (!ags.ok())
            body.fail(QStringLiteral("arcgisLicence: ") + ags.error());
        lease.arcgisLicence = licence;
    }
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.putLease(lease, answerer(reply));
}

void ApiRoutes::deleteLease(const HttpRequest &, const Params &params, HttpReply reply) {
    m_service.removeLease(params.at(0), answerer(reply));
}

void ApiRoutes::postRegistration(const HttpRequest &request, const Params &, HttpReply reply) {
    JsonBody body(request.body);
    const QString userId = body.string("userId", 128);
    const QString orgId = body.string("orgId", 128);
    const QString name = body.string("name");
    if (body.ok() && (!JsonBody::isValidId(userId) || !JsonBody::isValidId(orgId)))
        body.fail(QStringLiteral("userId and orgId must be valid ids"));
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.submitRegistration(userId, orgId, name, answerer(reply));
}

void ApiRoutes::postRequest(const HttpRequest &request, const Params &, HttpReply reply) {
    JsonBody body(request.body);
    const QString userId = body.string("userId", 128);
    const QString kind = body.string("kind");
    const QString action = body.string("action");
    const QString resourceName = body.string("resourceName");
    if (body.ok() && kind != QLatin1String("website") && kind != QLatin1String("desktop"))
        body.fail(QStringLiteral("kind must be \"website\" or \"desktop\""));
    if (body.ok() && action != QLatin1String("apply") && action != QLatin1String("renew"))
        body.fail(QStringLiteral("action must be \"apply\" or \"renew\""));
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.submitRequest(userId,
                            kind == QLatin1String("website") ? ResourceKind::Website : ResourceKind::Desktop,
                            action == QLatin1String("apply") ? RequestAction::Apply : RequestAction::Renew,
                            resourceName, answerer(reply));
}

void ApiRoutes::decideRegistration(const HttpRequest &request, const Params &params, HttpReply reply) {
    JsonBody body(request.body);
    const bool approved = body.boolean("approved");
    const QString adminId = body.string("adminId", 128);
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.decideRegistration(params.at(0), approved, adminId, answerer(reply));
}

void ApiRoutes::decideRequest(const HttpRequest &request, const Params &params, HttpReply reply) {
    JsonBody body(request.body);
    const bool approved = body.boolean("approved");
    const QString adminId = body.string("adminId", 128);
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.decideRequest(params.at(0), approved, adminId, answerer(reply));
}

void ApiRoutes::postMessage(const HttpRequest &request, const Params &, HttpReply reply) {
    JsonBody body(request.body);
    const QJsonValue users = body.object().value(QLatin1String("userId"));
    QStringList userIds;
    if (body.ok() &&
        (!users.isArray() || users.toArray().isEmpty() || users.toArray().size() > maxRecipients))
        body.fail(QStringLiteral("userId must be a non-empty array of user ids"));
    for (const QJsonValue &user : users.toArray()) {
        if (!user.isString() || !JsonBody::isValidId(user.toString()))
            body.fail(QStringLiteral("userId must hold user id strings"));
        else if (!userIds.contains(user.toString()))
            userIds.append(user.toString());
    }
    const QString typeName = body.string("type", 64);
    const auto type = MessageCatalogue::fromName(typeName);
    if (body.ok() && !type)
        body.fail(QStringLiteral("unknown message type \"%1\"").arg(typeName));
    if (body.ok() && !body.has("msg"))
        body.fail(QStringLiteral("msg is missing"));
    if (body.ok()) {
        const QString shapeError =
            MessageCatalogue::validate(*type, body.object().value(QLatin1String("msg")));
        if (!shapeError.isEmpty())
            body.fail(shapeError);
    }
    if (!body.ok())
        return reply.error(400, body.error());
    m_service.publish(*type, userIds, body.object().value(QLatin1String("msg")), answerer(reply));
}

void ApiRoutes::getMessages(const HttpRequest &request, const Params &, HttpReply reply) {
    const QString userId = request.query.queryItemValue(QStringLiteral("userId"), QUrl::FullyDecoded);
    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
    bool limitOk = true;
    const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&limitOk);
    if (!limitOk || limit < 1 || limit > maxHistory)
        return reply.error(400, QStringLiteral("limit must be a number from 1 to %1").arg(maxHistory));
    if (!userId.isEmpty() && !JsonBody::isValidId(userId))
        return reply.error(400, QStringLiteral("userId is not a valid id"));
    m_service.history(userId, limit, answerer(reply));
}

void ApiRoutes::getStats(const HttpRequest &, const Params &, HttpReply reply) {
    m_service.stats(answerer(reply));
}

} // namespace gistack
