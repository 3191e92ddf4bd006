#pragma once

#include <QObject>

#include <vector>

class QSocketNotifier;

namespace gistack {

// Readiness for many raw descriptors through one epoll set, which the Qt event loop watches
// as a single descriptor: Qt 6.4's dispatchers walk every registered socket notifier on each
// loop iteration, which costs more than the I/O itself with tens of thousands of sockets.
class SocketReactor : public QObject {
    Q_OBJECT
public:
    class Handler {
    public:
        // events: EPOLLIN, EPOLLOUT, EPOLLERR, EPOLLHUP, ... as epoll reports them.
        virtual void socketReady(quint32 events) = 0;

    protected:
        ~Handler() = default;
    };

    explicit SocketReactor(QObject *parent = nullptr);
    ~SocketReactor() override;

    bool isValid() const { return m_epoll >= 0; }
    // Level-triggered; EPOLLIN, EPOLLOUT or both.
    bool watch(int fd, Handler *handler, quint32 events);
    void change(int fd, quint32 events);
    // Another handler for a watched descriptor, events unchanged (no system call).
    void rehome(int fd, Handler *handler);
    bool isWatched(int fd) const {
        return fd >= 0 && size_t(fd) < m_handlers.size() && m_handlers[size_t(fd)];
    }
    // Before the descriptor is closed or handed to someone else.
    void unwatch(int fd);

private:
    void dispatch();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    std::vector<Handler *> m_handlers; // indexed by descriptor
};

} // namespace gistack
