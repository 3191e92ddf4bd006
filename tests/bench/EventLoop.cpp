#include "EventLoop.h"

#include "MonoClock.h"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace bench {

EventLoop::EventLoop()
    : m_epoll(epoll_create1(EPOLL_CLOEXEC)) {
    if (m_epoll < 0) {
        std::perror("epoll_create1");
        std::exit(1);
    }
}

EventLoop::~EventLoop() {
    ::close(m_epoll);
}

bool EventLoop::watch(int fd, uint32_t events, IoHandler *handler) {
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = handler;
    return epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) == 0;
}

bool EventLoop::rewatch(int fd, uint32_t events, IoHandler *handler) {
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = handler;
    return epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) == 0;
}

void EventLoop::unwatch(int fd) {
    epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
}

bool EventLoop::runUntil(const std::function<bool()> &done, int64_t deadlineNs,
                         const std::function<void()> &onTick) {
    constexpr int maxEvents = 1024;
    epoll_event events[maxEvents];
    if (onTick)
        onTick();
    while (!done()) {
        const int64_t left = deadlineNs - nowNs();
        if (left <= 0)
            return false;
        // Wake at least every 10 ms so onTick and the deadline are honoured on a quiet socket set.
        const int timeoutMs = int(std::min<int64_t>(10, (left + 999999) / 1000000));
        const int n = epoll_wait(m_epoll, events, maxEvents, timeoutMs);
        if (n < 0 && errno != EINTR) {
            std::perror("epoll_wait");
            return false;
        }
        for (int i = 0; i < n; ++i)
            static_cast<IoHandler *>(events[i].data.ptr)->onIo(events[i].events);
        if (onTick)
            onTick();
    }
    return true;
}

} // namespace bench
