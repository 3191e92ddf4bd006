#pragma once

#include "ApiClient.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

namespace gistack::test {

// Many API calls in flight at once, over many connections (several network managers, each
// with its own connection pool), like a busy platform backend. Results fill in as answers
// arrive; a call cut off by a dead server ends with status 0.
class ApiBurst : public QObject {
    Q_OBJECT
public:
    ApiBurst(QUrl base, QByteArray apiKey, int managers = 16);

    // Sends at once; returns the call's index.
    int post(const QString &path, const QJsonObject &body);

    int size() const { return int(m_results.size()); }
    int finished() const { return m_finished; }
    // Calls answered with any HTTP status.
    int answered() const { return m_answered; }
    const ApiResult &result(int index) const { return m_results.at(index); }
    bool waitForFinished(int timeoutMs);

private:
    QUrl m_base;
    QByteArray m_apiKey;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_managers;
    QList<ApiResult> m_results;
    int m_finished = 0;
    int m_answered = 0;
};

} // namespace gistack::test
