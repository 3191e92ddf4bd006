#pragma once

#include <QObject>

class QSocketNotifier;

namespace gistack {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (the handler only writes a byte).
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    static void handle(int signalNumber);
    static int s_fds[2];
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace gistack
