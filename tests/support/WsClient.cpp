#include "WsClient.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

namespace gistack::test {

WsClient::WsClient(QObject *parent)
    : QObject(parent) {
    connect(&m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        m_raw.append(text.toUtf8());
        m_arrivedMs.append(QDateTime::currentMSecsSinceEpoch());
    });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_closed = true;
        m_closeCode = int(m_socket.closeCode());
        m_closeReason = m_socket.closeReason();
    });
}

WsClient::~WsClient() {
    // Qt 6.4 leaks the close reason when a QWebSocket is destroyed while still connected.
    m_socket.abort();
}

bool WsClient::open(const QUrl &url, int timeoutMs) {
    QSignalSpy connected(&m_socket, &QWebSocket::connected);
    QSignalSpy disconnected(&m_socket, &QWebSocket::disconnected);
    m_socket.open(url);
    QDeadlineTimer deadline(timeoutMs);
    while (connected.isEmpty() && disconnected.isEmpty() && !deadline.hasExpired())
        QTest::qWait(5);
    return !connected.isEmpty();
}

void WsClient::sendText(const QString &text) {
    m_socket.sendTextMessage(text);
}

void WsClient::close() {
    m_socket.close();
}

bool WsClient::waitForFrames(int count, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (m_raw.size() < count && !deadline.hasExpired())
        QTest::qWait(5);
    return m_raw.size() >= count;
}

void WsClient::settle(int quietMs) {
    qsizetype seen = -1;
    while (seen != m_raw.size()) {
        seen = m_raw.size();
        QTest::qWait(quietMs);
    }
}

bool WsClient::waitForClose(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!m_closed && !deadline.hasExpired())
        QTest::qWait(5);
    return m_closed;
}

QList<QJsonObject> WsClient::frames() const {
    QList<QJsonObject> result;
    for (const QByteArray &raw : m_raw)
        result.append(QJsonDocument::fromJson(raw).object());
    return result;
}

QStringList WsClient::types() const {
    QStringList result;
    for (const QJsonObject &frame : frames())
        result.append(frame.value(QLatin1String("type")).toString());
    return result;
}

QList<QJsonObject> WsClient::framesOfType(const QString &type) const {
    QList<QJsonObject> result;
    for (const QJsonObject &frame : frames()) {
        if (frame.value(QLatin1String("type")).toString() == type)
            result.append(frame);
    }
    return result;
}

} // namespace gistack::test
