#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace gistack {

// The 18 message types of the platform spec. The wire names live only in MessageCatalogue.cpp.
enum class MessageType {
    GistackLicenceExpired,
    ArcgisLicenceExpired,
    SiteLeaseExpired,
    SiteArcgisLicenceExpired,
    DesktopLeaseExpired,
    UserRegister,
    WebsiteApplyRequest,
    WebsiteRenewRequest,
    DesktopApplyRequest,
    DesktopRenewRequest,
    WebsiteApplyPassed,
    WebsiteApplyRejected,
    WebsiteRenewPassed,
    WebsiteRenewRejected,
    DesktopApplyPassed,
    DesktopApplyRejected,
    DesktopRenewPassed,
    DesktopRenewRejected,
};

// What the "msg" field of a type must look like.
enum class MsgShape {
    ExpiryObject, // {expireDate, timeLeft}
    ExpiryList,   // [{expireDate, timeLeft, resourceName}, ...]
    Count,        // a non-negative integer
    ResourceName, // a non-empty string
};

// Who a type is meant for; informs routing and the docs.
enum class Audience {
    Sysadmin,    // at login
    LeaseHolder, // at login
    OrgAdmins,   // online admins of the org, live and at login
    Applicant,   // the requesting user, queued while offline
};

// A resource kind and action, as the HTTP API spells them.
enum class ResourceKind { Website, Desktop };
enum class RequestAction { Apply, Renew };

// Which pending queue a count message reports.
enum class PendingKind { Registration, WebsiteApply, WebsiteRenew, DesktopApply, DesktopRenew };

struct MessageTypeInfo {
    MessageType type;
    const char *name;
    MsgShape shape;
    Audience audience;
    const char *summary; // English, for docs and logs; translated in the console ("MessageCatalogue")
};

// The single definition of every message type: name, msg shape and audience.
class MessageCatalogue {
public:
    static const QList<MessageTypeInfo> &all();
    static const MessageTypeInfo &info(MessageType type);
    static QString name(MessageType type);
    static std::optional<MessageType> fromName(const QString &name);

    // Checks a msg value against the type's shape; returns an error text, empty when it fits.
    static QString validate(MessageType type, const QJsonValue &msg);

    static MessageType pendingCountType(PendingKind kind);
    static MessageType resultType(ResourceKind kind, RequestAction action, bool approved);
    static PendingKind pendingKindOf(ResourceKind kind, RequestAction action);
    static constexpr int pendingKindCount = 5;
    static QList<PendingKind> pendingKinds();
};

} // namespace gistack
