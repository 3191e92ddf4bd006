#include "MessageCatalogue.h"

#include "TimeFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace gistack {

namespace {

const QList<MessageTypeInfo> &catalogue() {
    using T = MessageType;
    using S = MsgShape;
    using A = Audience;
    // Spelled exactly as ../shared/GISTACK-WEBSOCKET-MESSAGES.md lists them, including
    // GCLOUD_DESKTOP_APPROVE_REQUEST_PASS without "ED".
    static const QList<MessageTypeInfo> entries = {
        {T::GistackLicenceExpired, "GISTACK_LICENCE_EXPIRED", S::ExpiryObject, A::Sysadmin,
         QT_TRANSLATE_NOOP("MessageCatalogue", "GIStack platform licence expires soon")},
        {T::ArcgisLicenceExpired, "ARCGIS_LICENCE_EXPIRED", S::ExpiryList, A::Sysadmin,
         QT_TRANSLATE_NOOP("MessageCatalogue", "uploaded ArcGIS licences expire soon")},
        {T::SiteLeaseExpired, "NORMAL_USER_SITE_LEASE_EXPIRED", S::ExpiryList, A::LeaseHolder,
         QT_TRANSLATE_NOOP("MessageCatalogue", "leased cloud sites expire soon")},
        {T::SiteArcgisLicenceExpired, "NORMAL_USER_SITE_AGS_LICENSE_EXPIRED", S::ExpiryList, A::LeaseHolder,
         QT_TRANSLATE_NOOP("MessageCatalogue", "ArcGIS licences of leased sites expire soon")},
        {T::DesktopLeaseExpired, "NORMAL_USER_DESKTOP_LEASE_EXPIRED", S::ExpiryList, A::LeaseHolder,
         QT_TRANSLATE_NOOP("MessageCatalogue", "leased cloud desktops expire soon")},
        {T::UserRegister, "USER_REGISTER", S::Count, A::OrgAdmins,
         QT_TRANSLATE_NOOP("MessageCatalogue", "registrations waiting for review")},
        {T::WebsiteApplyRequest, "GCLOUD_WEBSITE_APPROVE_REQUEST", S::Count, A::OrgAdmins,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud site applications waiting for approval")},
        {T::WebsiteRenewRequest, "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST", S::Count, A::OrgAdmins,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud site renewals waiting for approval")},
        {T::DesktopApplyRequest, "GCLOUD_DESKTOP_APPROVE_REQUEST", S::Count, A::OrgAdmins,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud desktop applications waiting for approval")},
        {T::DesktopRenewRequest, "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST", S::Count, A::OrgAdmins,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud desktop renewals waiting for approval")},
        {T::WebsiteApplyPassed, "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED", S::ResourceName, A::Applicant,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud site application approved")},
        {T::WebsiteApplyRejected, "GCLOUD_WEBSITE_APPROVE_REQUEST_REJECT", S::ResourceName, A::Applicant,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud site application rejected")},
        {T::WebsiteRenewPassed, "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_PASSED", S::ResourceName, A::Applicant,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud site renewal approved")},
        {T::WebsiteRenewRejected, "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_REJECT", S::ResourceName,
         A::Applicant, QT_TRANSLATE_NOOP("MessageCatalogue", "cloud site renewal rejected")},
        {T::DesktopApplyPassed, "GCLOUD_DESKTOP_APPROVE_REQUEST_PASS", S::ResourceName, A::Applicant,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud desktop application approved")},
        {T::DesktopApplyRejected, "GCLOUD_DESKTOP_APPROVE_REQUEST_REJECT", S::ResourceName, A::Applicant,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud desktop application rejected")},
        {T::DesktopRenewPassed, "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_PASSED", S::ResourceName, A::Applicant,
         QT_TRANSLATE_NOOP("MessageCatalogue", "cloud desktop renewal approved")},
        {T::DesktopRenewRejected, "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_REJECT", S::ResourceName,
         A::Applicant, QT_TRANSLATE_NOOP("MessageCatalogue", "cloud desktop renewal rejected")},
    };
    return entries;
}

QString checkExpiryItem(const QJsonObject &item, bool needsName) {
    if (!TimeFormat::parseWire(item.value(QLatin1String("expireDate")).toString()).isValid())
        return QStringLiteral("expireDate must be \"yyyy-MM-dd HH:mm:ss\"");
    const QJsonValue left = item.value(QLatin1String("timeLeft"));
    if (!left.isDouble() || left.toDouble() != double(left.toInteger()))
        return QStringLiteral("timeLeft must be a whole number of days");
    if (needsName && item.value(QLatin1String("resourceName")).toString().isEmpty())
        return QStringLiteral("resourceName must be a non-empty string");
    return {};
}

} // namespace

const QList<MessageTypeInfo> &MessageCatalogue::all() {
    return catalogue();
}

const MessageTypeInfo &MessageCatalogue::info(MessageType type) {
    return catalogue().at(int(type));
}

QString MessageCatalogue::name(MessageType type) {
    return QString::fromLatin1(info(type).name);
}

std::optional<MessageType> MessageCatalogue::fromName(const QString &name) {
    for (const MessageTypeInfo &entry : catalogue()) {
        if (name == QLatin1String(entry.name))
            return entry.type;
    }
    return std::nullopt;
}

QString MessageCatalogue::validate(MessageType type, const QJsonValue &msg) {
    switch (info(type).shape) {
    case MsgShape::ExpiryObject:
        if (!msg.isObject())
            return QStringLiteral("msg must be an object {expireDate, timeLeft}");
        return checkExpiryItem(msg.toObject(), false);
    case MsgShape::ExpiryList: {
        if (!msg.isArray() || msg.toArray().isEmpty())
            return QStringLiteral("msg must be a non-empty array of {expireDate, timeLeft, resourceName}");
        const QJsonArray items = msg.toArray();
        for (const QJsonValue &item : items) {
            if (!item.isObject())
                return QStringLiteral("each msg item must be an object {expireDate, timeLeft, resourceName}");
            const QString error = checkExpiryItem(item.toObject(), true);
            if (!error.isEmpty())
                return error;
        }
        return {};
    }
    case MsgShape::Count:
        if (!msg.isDouble() || msg.toDouble() < 0 || msg.toDouble() != double(msg.toInteger()))
            return QStringLiteral("msg must be a non-negative whole number");
        return {};
    case MsgShape::ResourceName:
        if (!msg.isString() || msg.toString().trimmed().isEmpty())
            return QStringLiteral("msg must be a non-empty string (the site or desktop name)");
        return {};
    }
    return QStringLiteral("unknown msg shape");
}

MessageType MessageCatalogue::pendingCountType(PendingKind kind) {
    switch (kind) {
    case PendingKind::Registration:
        return MessageType::UserRegister;
    case PendingKind::WebsiteApply:
        return MessageType::WebsiteApplyRequest;
    case PendingKind::WebsiteRenew:
        return MessageType::WebsiteRenewRequest;
    case PendingKind::DesktopApply:
        return MessageType::DesktopApplyRequest;
    case PendingKind::DesktopRenew:
        return MessageType::DesktopRenewRequest;
    }
    return MessageType::UserRegister;
}

PendingKind MessageCatalogue::pendingKindOf(ResourceKind kind, RequestAction action) {
    if (kind == ResourceKind::Website)
        return action == RequestAction::Apply ? PendingKind::WebsiteApply : PendingKind::WebsiteRenew;
    return action == RequestAction::Apply ? PendingKind::DesktopApply : PendingKind::DesktopRenew;
}

MessageType MessageCatalogue::resultType(ResourceKind kind, RequestAction action, bool approved) {
    using T = MessageType;
    if (kind == ResourceKind::Website) {
        if (action == RequestAction::Apply)
            return approved ? T::WebsiteApplyPassed : T::WebsiteApplyRejected;
        return approved ? T::WebsiteRenewPassed : T::WebsiteRenewRejected;
    }
    if (action == RequestAction::Apply)
        return approved ? T::DesktopApplyPassed : T::DesktopApplyRejected;
    return approved ? T::DesktopRenewPassed : T::DesktopRenewRejected;
}

QList<PendingKind> MessageCatalogue::pendingKinds() {
    return {PendingKind::Registration, PendingKind::WebsiteApply, PendingKind::WebsiteRenew,
            PendingKind::DesktopApply, PendingKind::DesktopRenew};
}

} // namespace gistack
