#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

namespace gistack::test {

// A browser stand-in over a real QWebSocket: records every frame and how the socket closed.
class WsClient : public QObject {
    Q_OBJECT
public:
    explicit WsClient(QObject *parent = nullptr);
    ~WsClient() override;

    // Opens the socket and waits for the handshake; false when it did not open.
    bool open(const QUrl &url, int timeoutMs = 5000);
    void sendText(const QString &text);
    // For wss://: the certificates to trust. Set before open().
    void setSslConfiguration(const QSslConfiguration &tls) { m_socket.setSslConfiguration(tls); }
    void close();

    // Waits until at least count frames have arrived in total.
    bool waitForFrames(int count, int timeoutMs = 5000);
    // Waits until the frame count has not changed for quietMs (no more frames expected).
    void settle(int quietMs = 300);
    bool waitForClose(int timeoutMs = 8000);

    const QList<QByteArray> &rawFrames() const { return m_raw; }
    QList<QJsonObject> frames() const;
    QStringList types() const;
    QList<QJsonObject> framesOfType(const QString &type) const;
    void clearFrames() {
        m_raw.clear();
        m_arrivedMs.clear();
    }
    // When frame index arrived, in ms since the epoch (for latency figures).
    qint64 arrivedAtMs(int index) const { return m_arrivedMs.value(index, -1); }

    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    bool wasClosed() const { return m_closed; }
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }

private:
    QWebSocket m_socket;
    QList<QByteArray> m_raw;
    QList<qint64> m_arrivedMs;
    bool m_closed = false;
    int m_closeCode = -1;
    QString m_closeReason;
};

} // namespace gistack::test
