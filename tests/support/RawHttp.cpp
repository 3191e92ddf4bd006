#include "RawHttp.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QTest>

namespace gistack::test {

RawHttp::RawHttp(quint16 port)
    : m_port(port) {
}

bool RawHttp::waitForData(int timeoutMs) {
    // The server runs in this thread: spin the event loop rather than block in waitForReadyRead.
    QDeadlineTimer deadline(timeoutMs);
    const qsizetype before = m_buffer.size();
    while (!deadline.hasExpired()) {
        QTest::qWait(2);
        m_buffer += m_socket.readAll();
        if (m_buffer.size() > before)
            return true;
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return false;
    }
    return false;
}

RawResponse RawHttp::request(const QByteArray &method, const QByteArray &target,
                             const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs) {
    RawResponse response;
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        m_socket.connectToHost(QHostAddress::LocalHost, m_port);
        QDeadlineTimer deadline(timeoutMs);
        while (m_socket.state() != QAbstractSocket::ConnectedState && !deadline.hasExpired())
            QTest::qWait(2);
        if (m_socket.state() != QAbstractSocket::ConnectedState)
            return response;
    }
    QByteArray text = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto &header : headers)
        text += header.first + ": " + header.second + "\r\n";
    m_socket.write(text + "\r\n");

    QDeadlineTimer deadline(timeoutMs);
    qsizetype headerEnd = -1;
    while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (!waitForData(int(deadline.remainingTime())))
            return response;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    m_buffer.remove(0, headerEnd + 4);
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            response.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                    lines.at(i).mid(colon + 1).trimmed());
    }
    const int status = statusLine.value(1).toInt();
    const qsizetype length = response.header("content-length").toLongLong();
    if (method != "HEAD" && status != 304) {
        while (m_buffer.size() < length) {
            if (!waitForData(int(deadline.remainingTime())))
                return response;
        }
        response.body = m_buffer.left(length);
        m_buffer.remove(0, length);
    }
    response.status = status;
    return response;
}

QByteArray RawHttp::leftover() {
    QTest::qWait(100);
    m_buffer += m_socket.readAll();
    return m_buffer;
}

} // namespace gistack::test
