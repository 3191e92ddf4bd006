#include "MetricsEndpoint.h"

#include "SecretCompare.h"
#include "metrics/Metrics.h"

namespace gistack {

MetricsEndpoint::MetricsEndpoint(const Metrics &metrics, QByteArray key)
    : m_metrics(metrics)
    , m_key(std::move(key)) {
}

bool MetricsEndpoint::handle(const HttpRequest &request, HttpReply reply) {
    if (request.path != QLatin1String("/metrics"))
        return false;
    if (request.method != "GET") {
        reply.error(
            405,
            QStringLiteral("method %1 not allowed on /metrics").arg(QString::fromLatin1(request.method)));
        return true;
    }
    if (!m_key.isEmpty()) {
        const QByteArray header = request.header("authorization");
        const QByteArray prefix = "Bearer ";
        if (!header.startsWith(prefix) || !SecretCompare::equal(header.mid(prefix.size()).trimmed(), m_key)) {
            reply.send(401, "metrics key required (Authorization: Bearer <metrics-key>)\n",
                       "text/plain; charset=utf-8", {{"WWW-Authenticate", "Bearer"}});
            return true;
        }
    }
    reply.send(200, m_metrics.render(), "text/plain; version=0.0.4; charset=utf-8",
               {{"Cache-Control", "no-store"}});
    return true;
}

} // namespace gistack
