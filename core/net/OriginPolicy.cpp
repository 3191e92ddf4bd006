#include "OriginPolicy.h"

#include <QUrl>

namespace gistack {

OriginPolicy::OriginPolicy(QStringList allowed)
    : m_allowed(std::move(allowed)) {
}

bool OriginPolicy::allows(const QByteArray &originHeader) const {
    if (m_allowed.isEmpty() || originHeader.trimmed().isEmpty())
        return true;
    const QString origin = normalize(QString::fromUtf8(originHeader.trimmed()));
    return !origin.isEmpty() && m_allowed.contains(origin);
}

QString OriginPolicy::normalize(const QString &text) {
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() ||
        (!url.path().isEmpty() && url.path() != QLatin1String("/")))
        return {};
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    QString origin = scheme + QStringLiteral("://") + url.host(QUrl::FullyEncoded).toLower();
    if (url.port() != -1 && url.port() != defaultPort)
        origin += QLatin1Char(':') + QString::number(url.port());
    return origin;
}

} // namespace gistack
