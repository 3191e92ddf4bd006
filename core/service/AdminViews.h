#pragma once

#include "domain/Entities.h"

#include <QHash>
#include <QList>

#include <optional>

namespace gistack {

// Read-only snapshots the console loads once and then keeps current from the service's signals.

struct PendingSnapshot {
    QList<Registration> registrations;
    QList<ResourceRequest> requests;
};

struct LicenceSnapshot {
    std::optional<QDateTime> gistackLicence;
    QList<ArcgisLicence> arcgisLicences;
    QList<Lease> leases;
};

struct DirectorySnapshot {
    QList<Org> orgs;
    QList<User> users;
};

} // namespace gistack
