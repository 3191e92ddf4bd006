#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace gistack {

// The --database setting: a SQLite path (or ":memory:"), or a
// postgresql://user:password@host:port/dbname?option=value URL for the QPSQL driver.
class DatabaseUrl {
public:
    static bool isPostgres(const QString &setting);
    // Parses a postgresql:// URL; on failure returns nothing and sets error (never echoing a password).
    static std::optional<DatabaseUrl> parsePostgres(const QString &setting, QString *error);
    // The setting as it may appear in a log line: any password is replaced by "***".
    static QString redacted(const QString &setting);

    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_databaseName; }
    // libpq keywords from the query string (sslmode, connect_timeout, ...), "key=value" each.
    QStringList options() const { return m_options; }

private:
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_password;
    QString m_databaseName;
    QStringList m_options;
};

} // namespace gistack
