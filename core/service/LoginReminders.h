#pragma once

#include "domain/Entities.h"
#include "domain/ExpiryRule.h"

#include <QJsonValue>
#include <QList>

#include <optional>

namespace gistack {

// What the login checks read from storage for one user.
struct LoginFacts {
    User user;
    std::optional<QDateTime> gistackLicence; // sysadmins only
    QList<ArcgisLicence> arcgisLicences;     // sysadmins only
    QList<Lease> leases;
    PendingCounts pending; // orgadmins only
};

struct PlannedMessage {
    MessageType type;
    QJsonValue msg;
};

// The login checks of the spec, as a pure function of the facts and today's date:
// a sysadmin hears of the platform and ArcGIS licences, an orgadmin of its org's pending
// counts, and anyone holding leases of the leases due within the threshold.
class LoginReminders {
public:
    static QList<PlannedMessage> plan(const LoginFacts &facts, const ExpiryRule &rule, const QDate &today);
    static bool needsLicences(Role role) { return role == Role::Sysadmin; }
    static bool needsPendingCounts(Role role) { return role == Role::OrgAdmin; }
};

} // namespace gistack
