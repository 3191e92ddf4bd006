#include "DateTimeFields.h"

#include "net/JsonBody.h"

#include <QDateTimeEdit>

namespace gistack {

QDateTimeEdit *DateTimeFields::make(const QDateTime &value, QWidget *parent) {
    auto *edit = new QDateTimeEdit(value, parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return edit;
}

bool DateTimeFields::isValidId(const QString &id) {
    return JsonBody::isValidId(id);
}

} // namespace gistack
