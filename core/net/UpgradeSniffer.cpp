#include "UpgradeSniffer.h"

#include "RawFrameChannel.h"
#include "SocketReactor.h"

#include <QLoggingCategory>

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcWs)

namespace gistack {

namespace {
// Browsers send the whole head in one go; longer heads and slower clients take Qt's path.
constexpr int maxHeadBytes = 8 * 1024;
// A connection that has sent nothing by then goes to QtHttpServer, under the handshake timeout.
constexpr qint64 silentMs = 250;
} // namespace

class UpgradeSniffer::Waiting final : public SocketReactor::Handler {
public:
    Waiting(UpgradeSniffer &sniffer, int fd, qint64 sinceMs)
        : m_sniffer(sniffer)
        , m_fd(fd)
        , m_sinceMs(sinceMs) {}
    void socketReady(quint32) override { m_sniffer.judge(m_fd); }
    qint64 sinceMs() const { return m_sinceMs; }

private:
    UpgradeSniffer &m_sniffer;
    int m_fd;
    qint64 m_sinceMs;
};

UpgradeSniffer::UpgradeSniffer(std::shared_ptr<SocketReactor> reactor, Admission admission,
                               qint64 maxMessageBytes, QObject *parent)
    : QObject(parent)
    , m_reactor(std::move(reactor))
    , m_admission(std::move(admission))
    , m_maxMessageBytes(maxMessageBytes) {
    m_clock.start();
    m_sweep.setInterval(int(silentMs / 2));
    connect(&m_sweep, &QTimer::timeout, this, &UpgradeSniffer::sweep);
}

UpgradeSniffer::~UpgradeSniffer() {
    for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it) {
        m_reactor->unwatch(it.key());
        ::close(it.key());
        delete it.value();
    }
}

void UpgradeSniffer::sniff(int fd) {
    auto *waiting = new Waiting(*this, fd, m_clock.elapsed());
    if (!m_reactor->watch(fd, waiting, EPOLLIN | EPOLLRDHUP)) {
        delete waiting;
        emit handedOver(fd);
        return;
    }
    m_waiting.insert(fd, waiting);
    if (!m_sweep.isActive())
        m_sweep.start();
}

void UpgradeSniffer::judge(int fd) {
    char head[maxHeadBytes];
    const ssize_t got = ::recv(fd, head, sizeof(head), MSG_PEEK | MSG_DONTWAIT);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (got <= 0) { // gone before it said anything
        forget(fd);
        ::close(fd);
        return;
    }
    const UpgradeRequest request = UpgradeRequest::parse(QByteArrayView(head, got));
    if (request.verdict != UpgradeRequest::Verdict::Upgrade || !m_admission(request)) {
        handOver(fd);
        return;
    }
    delete m_waiting.take(fd); // still watched: the channel takes the descriptor over
    if (m_waiting.isEmpty())
        m_sweep.stop();
    // Consume exactly the head: a frame sent right behind it stays for the channel.
    const QByteArray answer = UpgradeRequest::switchingProtocols(request.key);
    // With the token in the request the login starts at once, and the answer waits for its first
    // frame: one write and one wake-up of the client instead of two. Without it the client needs
    // the answer before it can send its token frame.
    const QByteArray token = request.token();
    const bool hold = !token.isEmpty();
    if (::recv(fd, head, size_t(request.headLength), MSG_DONTWAIT) != request.headLength ||
        (!hold && ::send(fd, answer.constData(), size_t(answer.size()), MSG_NOSIGNAL | MSG_DONTWAIT) !=
                      answer.size())) {
        m_reactor->unwatch(fd);
        ::close(fd);
        return;
    }
    emit upgraded(new RawFrameChannel(m_reactor, fd, token, request.origin, m_maxMessageBytes,
                                      hold ? answer : QByteArray()));
}

void UpgradeSniffer::handOver(int fd) {
    forget(fd);
    emit handedOver(fd);
}

void UpgradeSniffer::forget(int fd) {
    m_reactor->unwatch(fd);
    delete m_waiting.take(fd);
    if (m_waiting.isEmpty())
        m_sweep.stop();
}

void UpgradeSniffer::handOverAll() {
    const QList<int> fds = m_waiting.keys();
    for (int fd : fds)
        handOver(fd);
}

void UpgradeSniffer::sweep() {
    const qint64 now = m_clock.elapsed();
    QList<int> silent;
    for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it) {
        if (now - it.value()->sinceMs() >= silentMs)
            silent.append(it.key());
    }
    for (int fd : std::as_const(silent))
        handOver(fd);
}

} // namespace gistack
