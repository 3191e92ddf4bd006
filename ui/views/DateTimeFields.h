#pragma once

#include <QDateTime>

class QDateTimeEdit;
class QWidget;

namespace gistack {

// Shared bits of the licence and lease dialogs.
class DateTimeFields {
public:
    // A date-time editor in the wire format with a calendar.
    static QDateTimeEdit *make(const QDateTime &value, QWidget *parent);
    // The HTTP API's rule for ids: 1 to 128 characters without spaces or '/'.
    static bool isValidId(const QString &id);
};

} // namespace gistack
