#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QUrl>

namespace gistack::test {

struct ApiResult {
    int status = 0; // 0 when no answer came
    QByteArray body;
    QJsonObject json() const;
    QString text() const { return QString::number(status) + QLatin1Char(' ') + QString::fromUtf8(body); }
};

// Talks to the server's HTTP API over real loopback sockets, waiting for each answer
// while the test's event loop (and so the in-process server) keeps running.
class ApiClient {
public:
    ApiClient(QUrl base, QByteArray apiKey);

    ApiResult get(const QString &pathAndQuery);
    ApiResult put(const QString &path, const QJsonObject &body);
    ApiResult post(const QString &path, const QJsonObject &body);
    ApiResult del(const QString &path);
    // Anything, including malformed bodies and other keys.
    ApiResult send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                   const QByteArray &apiKey);

    const QByteArray &apiKey() const { return m_apiKey; }
    // For https://: the certificates to trust (a test's self-signed one).
    void setSslConfiguration(const QSslConfiguration &tls) { m_tls = tls; }

private:
    QUrl m_base;
    QByteArray m_apiKey;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;
};

} // namespace gistack::test
