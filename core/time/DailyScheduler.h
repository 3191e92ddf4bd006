#pragma once

#include <QObject>
#include <QTime>
#include <QTimer>

namespace gistack {

class Clock;

// Fires once a day at a wall-clock time read from the injected clock.
class DailyScheduler : public QObject {
    Q_OBJECT
public:
    DailyScheduler(const Clock &clock, QTime at, QObject *parent = nullptr);

    void start();
    void stop();
    QTime time() const { return m_at; }
    // Milliseconds from the clock's now to the next firing.
    qint64 msecsToNext() const;

signals:
    void fired();

private:
    void arm();
    void onTimeout();

    const Clock &m_clock;
    QTime m_at;
    QTimer m_timer;
    QDate m_lastFired;
};

} // namespace gistack
