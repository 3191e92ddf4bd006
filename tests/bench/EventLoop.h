#pragma once

#include <cstdint>
#include <functional>

namespace bench {

// Something that owns a file descriptor and reacts to its epoll events.
class IoHandler {
public:
    virtual ~IoHandler() = default;
    virtual void onIo(uint32_t events) = 0;
};

// One epoll instance, driven from one thread. Handlers must outlive their registration:
// the benchmark never deletes a connection while the loop runs, it only closes its socket.
class EventLoop {
public:
    EventLoop();
    ~EventLoop();
    EventLoop(const EventLoop &) = delete;
    EventLoop &operator=(const EventLoop &) = delete;

    bool watch(int fd, uint32_t events, IoHandler *handler);
    bool rewatch(int fd, uint32_t events, IoHandler *handler);
    void unwatch(int fd);

    // Dispatches events until done() holds or the monotonic deadline passes; returns done().
    // onTick runs after every wake-up, so callers can start more work without a timer.
    bool runUntil(const std::function<bool()> &done, int64_t deadlineNs,
                  const std::function<void()> &onTick = {});

private:
    int m_epoll = -1;
};

} // namespace bench
