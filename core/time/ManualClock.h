#pragma once

#include "Clock.h"

#include <QMutex>

namespace gistack {

// A clock that only moves when told to; for tests and reproducible demos.
class ManualClock final : public Clock {
public:
    explicit ManualClock(QDateTime start = QDateTime::currentDateTime())
        : m_now(std::move(start)) {}

    QDateTime now() const override {
        QMutexLocker lock(&m_mutex);
        return m_now;
    }
    void set(const QDateTime &time) {
        QMutexLocker lock(&m_mutex);
        m_now = time;
    }
    void advanceSeconds(qint64 seconds) {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addSecs(seconds);
    }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};

} // namespace gistack
