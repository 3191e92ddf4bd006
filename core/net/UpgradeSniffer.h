#pragma once

#include "UpgradeRequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace gistack {

class FrameChannel;
class SocketReactor;

// Reads the first request on a new plain-text connection without consuming it (MSG_PEEK).
// A WebSocket upgrade it may take is answered here and becomes a RawFrameChannel; anything
// else (HTTP requests, refused or unusual upgrades, heads that come in pieces, silence) is
// handed on untouched, so QtHttpServer and the ConnectionGuard deal with it as before.
class UpgradeSniffer : public QObject {
    Q_OBJECT
public:
    // Whether an upgrade is taken here now (path, Origin, not shutting down).
    using Admission = std::function<bool(const UpgradeRequest &)>;

    UpgradeSniffer(std::shared_ptr<SocketReactor> reactor, Admission admission, qint64 maxMessageBytes,
                   QObject *parent = nullptr);
    ~UpgradeSniffer() override;

    // Takes a just-accepted descriptor.
    void sniff(int fd);
    // Everything still waiting goes on (shutdown).
    void handOverAll();

signals:
    void upgraded(gistack::FrameChannel *channel);
    // Not ours: the descriptor, unread, for QtHttpServer.
    void handedOver(qintptr fd);

private:
    class Waiting;

    void judge(int fd);
    void handOver(int fd);
    void forget(int fd);
    void sweep();

    std::shared_ptr<SocketReactor> m_reactor;
    Admission m_admission;
    qint64 m_maxMessageBytes;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    QHash<int, Waiting *> m_waiting;
};

} // namespace gistack
