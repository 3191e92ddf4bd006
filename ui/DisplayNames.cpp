#include "DisplayNames.h"

#include "protocol/TimeFormat.h"

namespace gistack {

QString DisplayNames::pendingKind(PendingKind kind) {
    switch (kind) {
    case PendingKind::Registration:
        return tr("Registration");
    case PendingKind::WebsiteApply:
        return tr("Website apply");
    case PendingKind::WebsiteRenew:
        return tr("Website renew");
    case PendingKind::DesktopApply:
        return tr("Desktop apply");
    case PendingKind::DesktopRenew:
        return tr("Desktop renew");
    }
    return QString();
}

QString DisplayNames::role(Role role) {
    switch (role) {
    case Role::Sysadmin:
        return tr("System admin");
    case Role::OrgAdmin:
        return tr("Org admin");
    case Role::User:
        return tr("User");
    }
    return QString();
}

QString DisplayNames::leaseKind(LeaseKind kind) {
    return kind == LeaseKind::Site ? tr("Site lease") : tr("Desktop lease");
}

QString DisplayNames::delivery(DeliveryState state) {
    return state == DeliveryState::Delivered ? tr("delivered") : tr("queued");
}

QString DisplayNames::messageSummary(MessageType type) {
    return QCoreApplication::translate("MessageCatalogue", MessageCatalogue::info(type).summary);
}

QString DisplayNames::allOrganisations() {
    return tr("All organisations");
}

QString DisplayNames::dateTime(const QDateTime &time) {
    return time.isValid() ? TimeFormat::format(time) : QString();
}

} // namespace gistack
