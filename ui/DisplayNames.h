#pragma once

#include "domain/Entities.h"
#include "storage/MessageRecord.h"

#include <QCoreApplication>

namespace gistack {

// The translated words the console shows for the core's enums, in one place.
class DisplayNames {
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)
public:
    static QString pendingKind(PendingKind kind);
    static QString role(Role role);
    static QString leaseKind(LeaseKind kind);
    static QString delivery(DeliveryState state);
    // The catalogue's English summary of a type, translated; the wire name stays as it is.
    static QString messageSummary(MessageType type);
    static QString allOrganisations();
    static QString dateTime(const QDateTime &time);
};

} // namespace gistack
