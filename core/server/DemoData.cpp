#include "DemoData.h"

#include "storage/Storage.h"

#include <QUuid>

namespace gistack {

void DemoData::seed(Storage &storage, const QDateTime &now) {
    const QDate today = now.date();
    const QTime endOfDay(23, 59, 59);
    const auto daysAhead = [&](int days) {
        return QDateTime(today.addDays(days), endOfDay);
    };

    storage.upsertOrg(Org{QStringLiteral("demo-org"), QStringLiteral("Demo Surveying Bureau")});
    storage.upsertOrg(Org{QStringLiteral("other-org"), QStringLiteral("Other Planning Office")});
    storage.upsertUser(
        User{sysadminId, QStringLiteral("System Admin"), QStringLiteral("demo-org"), Role::Sysadmin});
    storage.upsertUser(
        User{orgAdminId, QStringLiteral("Org Admin"), QStringLiteral("demo-org"), Role::OrgAdmin});
    storage.upsertUser(User{userId, QStringLiteral("Demo User"), QStringLiteral("demo-org"), Role::User});

    storage.setGistackLicence(daysAhead(7));
    storage.upsertArcgisLicence(ArcgisLicence{QStringLiteral("ags-1"), QStringLiteral("test"),
                                              QStringLiteral("10.6.1"), daysAhead(4)});
    storage.upsertArcgisLicence(ArcgisLicence{QStringLiteral("ags-2"), QStringLiteral("enterprise"),
                                              QStringLiteral("10.8"), daysAhead(90)});
    storage.upsertLease(Lease{
        QStringLiteral("lease-site"), userId, LeaseKind::Site, QStringLiteral("city-map-site"), daysAhead(3),
        ArcgisLicence{QString(), QStringLiteral("site-ags"), QStringLiteral("10.6.1"), daysAhead(9)}});
    storage.upsertLease(Lease{QStringLiteral("lease-desktop"), userId, LeaseKind::Desktop,
                              QStringLiteral("gis-desktop-01"), daysAhead(10), std::nullopt});

    // Pending work for the org admin, added once.
    if (storage.pendingCounts(QStringLiteral("demo-org"))[PendingKind::Registration] == 0) {
        storage.insertRegistration(Registration{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                QStringLiteral("new-surveyor"), QStringLiteral("demo-org"),
                                                QStringLiteral("New Surveyor"), DecisionState::Pending, now});
    }
    if (storage.pendingCounts(QStringLiteral("demo-org"))[PendingKind::WebsiteApply] == 0) {
        storage.insertRequest(ResourceRequest{QUuid::createUuid().toString(QUuid::WithoutBraces), userId,
                                              QStringLiteral("demo-org"), ResourceKind::Website,
                                              RequestAction::Apply, QStringLiteral("flood-risk-portal"),
                                              DecisionState::Pending, now});
    }
}

} // namespace gistack
