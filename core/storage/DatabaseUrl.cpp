#include "DatabaseUrl.h"

#include <QUrl>
#include <QUrlQuery>

namespace gistack {

namespace {
// libpq keywords a URL may carry; anything else is refused rather than silently ignored.
const QStringList allowedOptions = {QStringLiteral("sslmode"),
                                    QStringLiteral("sslrootcert"),
                                    QStringLiteral("sslcert"),
                                    QStringLiteral("sslkey"),
                                    QStringLiteral("connect_timeout"),
                                    QStringLiteral("application_name"),
                                    QStringLiteral("target_session_attrs")};
} // namespace

bool DatabaseUrl::isPostgres(const QString &setting) {
    return setting.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           setting.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

QString DatabaseUrl::redacted(const QString &setting) {
    if (!isPostgres(setting))
        return setting;
    QUrl url(setting);
    if (!url.isValid())
        return QStringLiteral("postgresql://(unparsable URL)");
    if (!url.password().isEmpty())
        url.setPassword(QStringLiteral("***"));
    return url.toString();
}

std::optional<DatabaseUrl> DatabaseUrl::parsePostgres(const QString &setting, QString *error) {
    const QUrl url(setting, QUrl::StrictMode);
    const QString shown = redacted(setting);
    if (!url.isValid() || url.host().isEmpty()) {
        *error =
            QStringLiteral("database URL %1 is not postgresql://user:password@host:port/dbname").arg(shown);
        return std::nullopt;
    }
    DatabaseUrl result;
    result.m_host = url.host();
    result.m_port = url.port(5432);
    result.m_user = url.userName(QUrl::FullyDecoded);
    result.m_password = url.password(QUrl::FullyDecoded);
    result.m_databaseName = url.path(QUrl::FullyDecoded).mid(1);
    if (result.m_databaseName.isEmpty() || result.m_databaseName.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("database URL %1 names no database (…/dbname)").arg(shown);
        return std::nullopt;
    }
    const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        if (!allowedOptions.contains(item.first)) {
            *error = QStringLiteral("database URL option \"%1\" is not supported (use one of %2)")
                         .arg(item.first, allowedOptions.join(QStringLiteral(", ")));
            return std::nullopt;
        }
        result.m_options.append(item.first + QLatin1Char('=') + item.second);
    }
    return result;
}

} // namespace gistack
