#include "TimeFormat.h"

namespace gistack {

namespace {
const QString wireFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
}

QString TimeFormat::format(const QDateTime &time) {
    return time.toLocalTime().toString(wireFormat);
}

QDateTime TimeFormat::parseWire(const QString &text) {
    return QDateTime::fromString(text, wireFormat);
}

QDateTime TimeFormat::parse(const QString &text) {
    QDateTime parsed = QDateTime::fromString(text, wireFormat);
    if (parsed.isValid())
        return parsed;
    const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (date.isValid())
        return date.startOfDay();
    parsed = QDateTime::fromString(text, Qt::ISODate);
    return parsed.isValid() ? parsed.toLocalTime() : QDateTime();
}

} // namespace gistack
