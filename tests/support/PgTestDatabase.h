#pragma once

#include <QSqlDatabase>
#include <QString>

namespace gistack::test {

// A fresh PostgreSQL database for one test, made on the private test server that ./run.sh test
// starts (GISTACK_TEST_PG_URL names its maintenance database) and dropped afterwards.
class PgTestDatabase {
public:
    // The _pg variant of a test sets GISTACK_TEST_BACKEND=postgresql.
    static bool requested();
    static QString maintenanceUrl();
    // Exits with ctest's skip code when PostgreSQL is asked for but no server is configured.
    static void skipUnlessConfigured();

    PgTestDatabase();
    ~PgTestDatabase();
    PgTestDatabase(const PgTestDatabase &) = delete;
    PgTestDatabase &operator=(const PgTestDatabase &) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString name() const { return m_name; }
    // postgresql://... of this database, password included: never print it.
    QString url() const { return m_url; }

    // A connection of the test's own to url(), under connectionName.
    static QSqlDatabase open(const QString &url, const QString &connectionName);
    // Runs one administrative statement on the maintenance database.
    static bool runOnMaintenance(const QString &sql, QString *error);

private:
    QString m_name;
    QString m_url;
    QString m_error;
};

} // namespace gistack::test
