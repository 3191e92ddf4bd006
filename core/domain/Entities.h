#pragma once

#include "Role.h"
#include "protocol/MessageCatalogue.h"

#include <QDateTime>
#include <QString>

#include <array>
#include <optional>

namespace gistack {

// Plain value types shared by storage, service and the HTTP API.

struct Org {
    QString id;
    QString name;
};

struct User {
    QString id;
    QString name;
    QString orgId;
    Role role = Role::User;
};

struct ArcgisLicence {
    QString id;
    QString fileName;
    QString version;
    QDateTime expireDate;
    // The spec's resourceName: file name + "-" + version, e.g. "test-10.6.1".
    QString resourceName() const { return fileName + QLatin1Char('-') + version; }
};

enum class LeaseKind { Site, Desktop };

struct Lease {
    QString id;
    QString userId;
    LeaseKind kind = LeaseKind::Site;
    QString resourceName;
    QDateTime expireDate;
    std::optional<ArcgisLicence> arcgisLicence; // sites only
};

enum class DecisionState { Pending, Approved, Rejected };

struct Registration {
    QString id;
    QString userId;
    QString orgId;
    QString name;
    DecisionState state = DecisionState::Pending;
    QDateTime submittedAt;
};

struct ResourceRequest {
    QString id;
    QString userId;
    QString orgId;
    ResourceKind kind = ResourceKind::Website;
    RequestAction action = RequestAction::Apply;
    QString resourceName;
    DecisionState state = DecisionState::Pending;
    QDateTime submittedAt;
};

// Pending counts of one org, indexed by PendingKind.
struct PendingCounts {
    std::array<int, MessageCatalogue::pendingKindCount> counts{};
    int &operator[](PendingKind kind) { return counts[size_t(kind)]; }
    int operator[](PendingKind kind) const { return counts[size_t(kind)]; }
    bool operator==(const PendingCounts &other) const { return counts == other.counts; }
};

} // namespace gistack
