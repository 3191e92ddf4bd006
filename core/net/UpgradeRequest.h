#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace gistack {

// A WebSocket opening handshake read from the raw bytes of a new connection (RFC 6455 4.2.1),
// for the upgrades the server answers itself. Pure, so it can be fuzzed.
struct UpgradeRequest {
    enum class Verdict {
        Incomplete, // the header block has not ended yet
        Upgrade,    // a complete, valid version-13 upgrade
        Other,      // anything else: a plain request or an upgrade we leave to QtHttpServer
    };

    Verdict verdict = Verdict::Incomplete;
    qsizetype headLength = 0; // bytes up to and including the blank line
    QByteArray target;        // path and query, as sent
    QByteArray key;           // Sec-WebSocket-Key
    QByteArray origin;        // empty when absent

    QByteArray path() const;
    // The ?token= query item, percent-decoded; empty when absent.
    QByteArray token() const;

    static UpgradeRequest parse(QByteArrayView bytes);
    // The 101 answer to a valid request's key.
    static QByteArray switchingProtocols(const QByteArray &key);
};

} // namespace gistack
