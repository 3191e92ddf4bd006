#include "DailyScheduler.h"

#include "Clock.h"

namespace gistack {

DailyScheduler::DailyScheduler(const Clock &clock, QTime at, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_at(at) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DailyScheduler::onTimeout);
}

void DailyScheduler::start() {
    // Starting after today's time means the first run is tomorrow.
    const QDateTime now = m_clock.now();
    if (now.time() >= m_at)
        m_lastFired = now.date();
    arm();
}

void DailyScheduler::stop() {
    m_timer.stop();
}

qint64 DailyScheduler::msecsToNext() const {
    const QDateTime now = m_clock.now();
    QDateTime next(now.date(), m_at, now.timeSpec());
    if (next <= now || m_lastFired == now.date())
        next = QDateTime(now.date().addDays(1), m_at, now.timeSpec());
    return now.msecsTo(next);
}

void DailyScheduler::onTimeout() {
    // Timers may wake a little early or late: fire once per date, once its time has come.
    const QDateTime now = m_clock.now();
    if (now.time() >= m_at && m_lastFired != now.date()) {
        m_lastFired = now.date();
        emit fired();
    }
    arm();
}

void DailyScheduler::arm() {
    m_timer.start(int(qBound<qint64>(10, msecsToNext(), qint64(3600) * 1000)));
}

} // namespace gistack
