#include "ApiRoutes.h"

#include "ApiBodies.h"
#include "JsonBody.h"
#include "SecretCompare.h"
#include "service/NotificationService.h"

#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcApi, "gistack.api", QtWarningMsg)

namespace gistack {

namespace {

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
    const Parsed<Org> org = ApiBodies::org(params.at(0), request.body);
    if (!org.ok())
        return reply.error(400, org.error);
    m_service.putOrg(org.value, answerer(reply));
}

void ApiRoutes::putUser(const HttpRequest &request, const Params &params, HttpReply reply) {
    const Parsed<User> user = ApiBodies::user(params.at(0), request.body);
    if (!user.ok())
        return reply.error(400, user.error);
    m_service.putUser(user.value, answerer(reply));
}

void ApiRoutes::putGistackLicence(const HttpRequest &request, const Params &, HttpReply reply) {
    const Parsed<QDateTime> expireDate = ApiBodies::gistackLicence(request.body);
    if (!expireDate.ok())
        return reply.error(400, expireDate.error);
    m_service.setGistackLicence(expireDate.value, answerer(reply));
}

void ApiRoutes::putArcgisLicence(const HttpRequest &request, const Params &params, HttpReply reply) {
    const Parsed<ArcgisLicence> licence = ApiBodies::arcgisLicence(params.at(0), request.body);
    if (!licence.ok())
        return reply.error(400, licence.error);
    m_service.putArcgisLicence(licence.value, answerer(reply));
}

void ApiRoutes::deleteArcgisLicence(const HttpRequest &, const Params &params, HttpReply reply) {
    m_service.removeArcgisLicence(params.at(0), answerer(reply));
}

void ApiRoutes::putLease(const HttpRequest &request, const Params &params, HttpReply reply) {
    const Parsed<Lease> lease = ApiBodies::lease(params.at(0), request.body);
    if (!lease.ok())
        return reply.error(400, lease.error);
    m_service.putLease(lease.value, answerer(reply));
}

void ApiRoutes::deleteLease(const HttpRequest &, const Params &params, HttpReply reply) {
    m_service.removeLease(params.at(0), answerer(reply));
}

void ApiRoutes::postRegistration(const HttpRequest &request, const Params &, HttpReply reply) {
    const auto input = ApiBodies::registration(request.body);
    if (!input.ok())
        return reply.error(400, input.error);
    m_service.submitRegistration(input.value.userId, input.value.orgId, input.value.name, answerer(reply));
}

void ApiRoutes::postRequest(const HttpRequest &request, const Params &, HttpReply reply) {
    const auto input = ApiBodies::request(request.body);
    if (!input.ok())
        return reply.error(400, input.error);
    m_service.submitRequest(input.value.userId, input.value.kind, input.value.action,
                            input.value.resourceName, answerer(reply));
}

void ApiRoutes::decideRegistration(const HttpRequest &request, const Params &params, HttpReply reply) {
    const auto input = ApiBodies::decision(request.body);
    if (!input.ok())
        return reply.error(400, input.error);
    m_service.decideRegistration(params.at(0), input.value.approved, input.value.adminId, answerer(reply));
}

void ApiRoutes::decideRequest(const HttpRequest &request, const Params &params, HttpReply reply) {
    const auto input = ApiBodies::decision(request.body);
    if (!input.ok())
        return reply.error(400, input.error);
    m_service.decideRequest(params.at(0), input.value.approved, input.value.adminId, answerer(reply));
}

void ApiRoutes::postMessage(const HttpRequest &request, const Params &, HttpReply reply) {
    const auto input = ApiBodies::publish(request.body);
    if (!input.ok())
        return reply.error(400, input.error);
    m_service.publish(input.value.type, input.value.userIds, input.value.msg, answerer(reply));
}

void ApiRoutes::getMessages(const HttpRequest &request, const Params &, HttpReply reply) {
    const auto query = ApiBodies::history(request.query);
    if (!query.ok())
        return reply.error(400, query.error);
    m_service.history(query.value.userId, query.value.limit, answerer(reply));
}

void ApiRoutes::getStats(const HttpRequest &, const Params &, HttpReply reply) {
    m_service.stats(answerer(reply));
}

} // namespace gistack
