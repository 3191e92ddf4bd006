#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>
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

    // Limits every socket and request gets (docs/SECURITY.md says what each protects).
    int handshakeTimeoutMs = 10000; // from accept to a complete HTTP request or upgrade
    int authTimeoutMs = 5000;       // from the upgrade to a verified token
    int pingIntervalMs = 25000;
    int pongTimeoutMs = 10000;
    qint64 maxMessageBytes = 64 * 1024;
    qint64 maxBodyBytes = 1024 * 1024;
    int maxConnectionsPerUser = 16;
    int connectionRate = 20;   // new connections per second and client address; 0 turns the limit off
    int connectionBurst = 100; // new connections an address may open at once before the rate applies
    qint64 maxSendBufferBytes = 1024 * 1024; // unsent bytes before a socket is closed as slow
    int databaseBusyTimeoutMs = 5000;

    // Transport security.
    QString tlsCertificate;     // PEM file: the certificate, then any chain
    QString tlsKey;             // PEM private key
    QStringList allowedOrigins; // empty: WebSockets from any Origin

    bool tlsEnabled() const { return !tlsCertificate.isEmpty(); }

    static QString defaultDatabasePath();
    QString databasePath() const { return database.isEmpty() ? defaultDatabasePath() : database; }
};

} // namespace gistack
