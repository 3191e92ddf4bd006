#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>
#include <QUrlQuery>

namespace gistack {

// A transport-neutral view of one HTTP request, so handlers never see QtHttpServer.
struct HttpRequest {
    QByteArray method; // "GET", "PUT", ...
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QHostAddress peer;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

} // namespace gistack
