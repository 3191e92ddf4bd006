#pragma once

#include "HttpHandler.h"

namespace gistack {

class Metrics;

// GET /metrics in the Prometheus text format. Open by default like /healthz (scrapers
// rarely send credentials, and it holds counts, never ids or secrets); with a metrics key
// set it wants "Authorization: Bearer <key>".
class MetricsEndpoint : public HttpHandler {
public:
    MetricsEndpoint(const Metrics &metrics, QByteArray key);

    bool handle(const HttpRequest &request, HttpReply reply) override;

private:
    const Metrics &m_metrics;
    QByteArray m_key;
};

} // namespace gistack
