#pragma once

#include <QDateTime>
#include <QString>

namespace gistack {

// The spec's one time format, "yyyy-MM-dd HH:mm:ss" in server local time.
class TimeFormat {
public:
    static QString format(const QDateTime &time);
    // Accepts the wire format, a bare date (midnight) or ISO 8601; invalid QDateTime otherwise.
    static QDateTime parse(const QString &text);
    // Only the wire format itself.
    static QDateTime parseWire(const QString &text);
};

} // namespace gistack
