#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace gistack {

// Measures event-loop lag: a timer that notes how late it fires. Anything that blocks the
// main thread (a slow handler, a burst of frames) shows up as lateness here.
class LoopLagProbe : public QObject {
    Q_OBJECT
public:
    explicit LoopLagProbe(int intervalMs = 250, QObject *parent = nullptr);

signals:
    void lagMeasured(double seconds);

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_sinceLast;
};

} // namespace gistack
