#pragma once

#include "HttpHandler.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace gistack {

class NotificationService;
struct Outcome;

// The platform backend's HTTP API (/api/v1/...) and /healthz: validates each request and
// turns it into one service call. Everything under /api needs "Authorization: Bearer <api key>".
class ApiRoutes : public HttpHandler {
public:
    ApiRoutes(NotificationService &service, QByteArray apiKey);

    bool handle(const HttpRequest &request, HttpReply reply) override;

    static int statusOf(const Outcome &outcome);

private:
    using Params = QStringList;
    using Action = void (ApiRoutes::*)(const HttpRequest &, const Params &, HttpReply);
    struct Route {
        QByteArray method;
        QStringList pattern; // path segments; "{}" matches one id
        Action action;
    };

    bool authorised(const HttpRequest &request) const;
    static bool match(const QStringList &pattern, const QStringList &segments, Params *params);
    static void answer(HttpReply reply, const Outcome &outcome);
    std::function<void(const Outcome &)> answerer(HttpReply reply) const;

    void putOrg(const HttpRequest &request, const Params &params, HttpReply reply);
    void putUser(const HttpRequest &request, const Params &params, HttpReply reply);
    void putGistackLicence(const HttpRequest &request, const Params &params, HttpReply reply);
    void putArcgisLicence(const HttpRequest &request, const Params &params, HttpReply reply);
    void deleteArcgisLicence(const HttpRequest &request, const Params &params, HttpReply reply);
    void putLease(const HttpRequest &request, const Params &params, HttpReply reply);
    void deleteLease(const HttpRequest &request, const Params &params, HttpReply reply);
    void postRegistration(const HttpRequest &request, const Params &params, HttpReply reply);
    void postRequest(const HttpRequest &request, const Params &params, HttpReply reply);
    void decideRegistration(const HttpRequest &request, const Params &params, HttpReply reply);
    void decideRequest(const HttpRequest &request, const Params &params, HttpReply reply);
    void postMessage(const HttpRequest &request, const Params &params, HttpReply reply);
    void getMessages(const HttpRequest &request, const Params &params, HttpReply reply);
    void getStats(const HttpRequest &request, const Params &params, HttpReply reply);

    NotificationService &m_service;
    QByteArray m_apiKey;
    QList<Route> m_routes;
};

} // namespace gistack
