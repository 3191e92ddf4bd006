#include "PgTestDatabase.h"

#include "storage/DatabaseUrl.h"

#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

#include <cstdio>
#include <cstdlib>

namespace gistack::test {

bool PgTestDatabase::requested() {
    return qEnvironmentVariable("GISTACK_TEST_BACKEND") == QLatin1String("postgresql");
}

QString PgTestDatabase::maintenanceUrl() {
    return qEnvironmentVariable("GISTACK_TEST_PG_URL");
}

void PgTestDatabase::skipUnlessConfigured() {
    if (!maintenanceUrl().isEmpty())
        return;
    std::fprintf(stderr, "SKIP: no PostgreSQL test server (GISTACK_TEST_PG_URL); ./run.sh test starts one\n");
    std::exit(77);
}

QSqlDatabase PgTestDatabase::open(const QString &url, const QString &connectionName) {
    QString error;
    const auto parsed = DatabaseUrl::parsePostgres(url, &error);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    if (!parsed)
        return db;
    db.setHostName(parsed->host());
    db.setPort(parsed->port());
    db.setUserName(parsed->user());
    db.setPassword(parsed->password());
    db.setDatabaseName(parsed->databaseName());
    db.open();
    return db;
}

bool PgTestDatabase::runOnMaintenance(const QString &sql, QString *error) {
    const QString name =
        QStringLiteral("pg-maintenance-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = open(maintenanceUrl(), name);
        if (!db.isOpen()) {
            *error = db.lastError().text();
        } else {
            // Administrative statements (CREATE/DROP DATABASE) take no parameters; the names are ours.
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok)
                *error = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

PgTestDatabase::PgTestDatabase() {
    skipUnlessConfigured();
    m_name = QStringLiteral("gistack_test_%1")
                 .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    if (!runOnMaintenance(QStringLiteral("CREATE DATABASE ") + m_name, &m_error))
        return;
    QUrl url(maintenanceUrl());
    url.setPath(QLatin1Char('/') + m_name);
    m_url = url.toString();
}

PgTestDatabase::~PgTestDatabase() {
    if (m_url.isEmpty())
        return;
    QString error;
    // FORCE: a killed node's sessions may linger for a moment.
    if (!runOnMaintenance(
            QStringLiteral("DROP DATABASE IF EXISTS ") + m_name + QStringLiteral(" WITH (FORCE)"), &error))
        std::fprintf(stderr, "could not drop test database %s: %s\n", qPrintable(m_name), qPrintable(error));
}

} // namespace gistack::test
