#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpSocket>

namespace gistack::test {

struct RawResponse {
    int status = 0;                        // 0 when no complete answer came
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// HTTP over a plain QTcpSocket, request line written byte for byte: paths such as
// "/%2e%2e/x" or "/..\\x" reach the server exactly as an attacker would send them, which
// QUrl-based clients would normalise first. Several requests may share one connection.
class RawHttp {
public:
    explicit RawHttp(quint16 port);

    // Sends one request and reads one answer. A HEAD or 304 answer has no body to read.
    RawResponse request(const QByteArray &method, const QByteArray &target,
                        const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 5000);
    // Bytes that arrived beyond the answers read so far (a HEAD answer must leave none).
    QByteArray leftover();

private:
    bool waitForData(int timeoutMs);

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace gistack::test
