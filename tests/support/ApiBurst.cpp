#include "ApiBurst.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

namespace gistack::test {

ApiBurst::ApiBurst(QUrl base, QByteArray apiKey, int managers)
    : m_base(std::move(base))
    , m_apiKey(std::move(apiKey)) {
    for (int i = 0; i < managers; ++i)
        m_managers.push_back(std::make_unique<QNetworkAccessManager>());
}

int ApiBurst::post(const QString &path, const QJsonObject &body) {
    const int index = int(m_results.size());
    m_results.append(ApiResult());
    QNetworkRequest request(m_base.resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_apiKey);
    QNetworkAccessManager &manager = *m_managers.at(size_t(index) % m_managers.size());
    QNetworkReply *reply = manager.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, index] {
        ApiResult &result = m_results[index];
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        ++m_finished;
        if (result.status > 0)
            ++m_answered;
        reply->deleteLater();
    });
    return index;
}

bool ApiBurst::waitForFinished(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (m_finished < size() && !deadline.hasExpired())
        QTest::qWait(10);
    return m_finished == size();
}

} // namespace gistack::test
