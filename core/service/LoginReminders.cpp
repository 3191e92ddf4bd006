#include "LoginReminders.h"

#include "protocol/TimeFormat.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gistack {

namespace {

QJsonObject expiryItem(const QDateTime &expireDate, const QDate &today) {
    return QJsonObject{{QStringLiteral("expireDate"), TimeFormat::format(expireDate)},
                       {QStringLiteral("timeLeft"), ExpiryRule::timeLeft(today, expireDate)}};
}

QJsonObject namedExpiryItem(const QDateTime &expireDate, const QString &name, const QDate &today) {
    QJsonObject item = expiryItem(expireDate, today);
    item.insert(QStringLiteral("resourceName"), name);
    return item;
}

void addList(QList<PlannedMessage> &out, MessageType type, const QJsonArray &items) {
    if (!items.isEmpty())
        out.append(PlannedMessage{type, items});
}

} // namespace

QList<PlannedMessage> LoginReminders::plan(const LoginFacts &facts, const ExpiryRule &rule,
                                           const QDate &today) {
    QList<PlannedMessage> out;
    const Role role = facts.user.role;
    if (needsLicences(role)) {
        if (facts.gistackLicence && rule.isDue(today, *facts.gistackLicence))
            out.append(
                PlannedMessage{MessageType::GistackLicenceExpired, expiryItem(*facts.gistackLicence, today)});
        QJsonArray arcgis;
        for (const ArcgisLicence &licence : facts.arcgisLicences) {
            if (rule.isDue(today, licence.expireDate))
                arcgis.append(namedExpiryItem(licence.expireDate, licence.resourceName(), today));
        }
        addList(out, MessageType::ArcgisLicenceExpired, arcgis);
    }
    if (needsPendingCounts(role)) {
        for (PendingKind kind : MessageCatalogue::pendingKinds()) {
            if (facts.pending[kind] > 0)
                out.append(PlannedMessage{MessageCatalogue::pendingCountType(kind), facts.pending[kind]});
        }
    }
    QJsonArray sites;
    QJsonArray siteLicences;
    QJsonArray desktops;
    for (const Lease &lease : facts.leases) {
        if (rule.isDue(today, lease.expireDate))
            (lease.kind == LeaseKind::Site ? sites : desktops)
                .append(namedExpiryItem(lease.expireDate, lease.resourceName, today));
        if (lease.kind == LeaseKind::Site && lease.arcgisLicence &&
            rule.isDue(today, lease.arcgisLicence->expireDate))
            siteLicences.append(
                namedExpiryItem(lease.arcgisLicence->expireDate, lease.arcgisLicence->resourceName(), today));
    }
    addList(out, MessageType::SiteLeaseExpired, sites);
    addList(out, MessageType::SiteArcgisLicenceExpired, siteLicences);
    addList(out, MessageType::DesktopLeaseExpired, desktops);
    return out;
}

} // namespace gistack
