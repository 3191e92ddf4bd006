#include "ApiClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

namespace gistack::test {

QJsonObject ApiResult::json() const {
    return QJsonDocument::fromJson(body).object();
}

ApiClient::ApiClient(QUrl base, QByteArray apiKey)
    : m_base(std::move(base))
    , m_apiKey(std::move(apiKey)) {
}

ApiResult ApiClient::get(const QString &pathAndQuery) {
    return send("GET", pathAndQuery, {}, m_apiKey);
}

ApiResult ApiClient::put(const QString &path, const QJsonObject &body) {
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), m_apiKey);
}

ApiResult ApiClient::post(const QString &path, const QJsonObject &body) {
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), m_apiKey);
}

ApiResult ApiClient::del(const QString &path) {
    return send("DELETE", path, {}, m_apiKey);
}

ApiResult ApiClient::send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                          const QByteArray &apiKey) {
    QUrl url = m_base.resolved(QUrl(pathAndQuery));
    QNetworkRequest request(url);
    if (!m_tls.isNull())
        request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!apiKey.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + apiKey);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    loop.exec();
    ApiResult result;
    if (reply->isFinished()) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
    }
    reply->abort();
    reply->deleteLater();
    return result;
}

} // namespace gistack::test
