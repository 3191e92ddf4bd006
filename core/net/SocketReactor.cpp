#include "SocketReactor.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <sys/epoll.h>
#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcWs)

namespace gistack {

namespace {
constexpr int batch = 64;
// Rounds per wake-up: small, so that storage answers (posted events) and timers get their turn
// between waves of socket events, which keeps every stage of a login flowing.
constexpr int maxRounds = 4;
} // namespace

SocketReactor::SocketReactor(QObject *parent)
    : QObject(parent)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC)) {
    if (m_epoll < 0) {
        qCWarning(lcWs) << "epoll_create1 failed; WebSockets go through Qt's own sockets";
        return;
    }
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SocketReactor::dispatch);
}

SocketReactor::~SocketReactor() {
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool SocketReactor::watch(int fd, Handler *handler, quint32 events) {
    if (m_epoll < 0 || fd < 0)
        return false;
    epoll_event event = {};
    event.events = events;
    event.data.fd = fd;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0)
        return false;
    if (size_t(fd) >= m_handlers.size())
        m_handlers.resize(size_t(fd) + 1024, nullptr);
    m_handlers[size_t(fd)] = handler;
    return true;
}

void SocketReactor::change(int fd, quint32 events) {
    epoll_event event = {};
    event.events = events;
    event.data.fd = fd;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
}

void SocketReactor::rehome(int fd, Handler *handler) {
    if (isWatched(fd))
        m_handlers[size_t(fd)] = handler;
}

void SocketReactor::unwatch(int fd) {
    if (fd < 0 || size_t(fd) >= m_handlers.size())
        return;
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    m_handlers[size_t(fd)] = nullptr;
}

void SocketReactor::dispatch() {
    epoll_event events[batch];
    for (int round = 0; round < maxRounds; ++round) {
        const int ready = ::epoll_wait(m_epoll, events, batch, 0);
        for (int i = 0; i < ready; ++i) {
            // A handler earlier in this batch may have closed or handed over this descriptor.
            const auto fd = size_t(events[i].data.fd);
            Handler *handler = fd < m_handlers.size() ? m_handlers[fd] : nullptr;
            if (handler)
                handler->socketReady(events[i].events);
        }
        if (ready < batch)
            return;
    }
}

} // namespace gistack
