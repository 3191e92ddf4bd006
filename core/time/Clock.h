#pragma once

#include <QDateTime>

namespace gistack {

// Where the server reads the time. Injected everywhere so tests can move it.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTime(); }
};

} // namespace gistack
