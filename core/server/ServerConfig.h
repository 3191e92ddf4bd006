#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QTime>

namespace gistack {

// Every setting of the server, with the defaults of the README's table.
struct ServerConfig {
    static constexpr int minSecretLength = 16;

    quint16 port = 8080;
    QHostAddress bind = QHostAddress::LocalHost;
    // SQLite path or ":memory:", or a postgresql:// URL; empty means SQLite under the data dir.
    QString database;
    QByteArray jwtSecret;
    QByteArray apiKey;
    QByteArray metricsKey; // empty: GET /metrics needs no key
    int thresholdDays = 10;
    QTime dailyCheckAt = QTime(9, 0);
    bool demo = false;
    bool verbose = false;
    int authTimeoutMs = 5000;
    int pingIntervalMs = 25000;
    int pongTimeoutMs = 10000;
    qint64 maxMessageBytes = 64 * 1024;
    qint64 maxBodyBytes = 1024 * 1024;

    static QString defaultDatabasePath();
    QString databasePath() const { return database.isEmpty() ? defaultDatabasePath() : database; }
};

} // namespace gistack
