#include "ApiBodies.h"

#include "JsonBody.h"

#include <QJsonArray>
#include <QSet>

namespace gistack {

namespace {

template <typename T> Parsed<T> result(const JsonBody &body, T value) {
    if (!body.ok())
        return Parsed<T>{T{}, body.error()};
    return Parsed<T>{std::move(value), QString()};
}

} // namespace

Parsed<Org> ApiBodies::org(const QString &id, const QByteArray &bytes) {
    JsonBody body(bytes);
    const QString name = body.string("name");
    return result(body, Org{id, name});
}

Parsed<User> ApiBodies::user(const QString &id, const QByteArray &bytes) {
    JsonBody body(bytes);
    const QString name = body.string("name");
    const QString orgId = body.string("orgId", 128);
    const std::optional<Role> role = roleFromName(body.string("role"));
    if (body.ok() && !role)
        body.fail(QStringLiteral("role must be \"sysadmin\", \"orgadmin\" or \"user\""));
    if (body.ok() && !JsonBody::isValidId(orgId))
        body.fail(QStringLiteral("orgId is not a valid id"));
    return result(body, User{id, name, orgId, role.value_or(Role::User)});
}

Parsed<QDateTime> ApiBodies::gistackLicence(const QByteArray &bytes) {
    JsonBody body(bytes);
    const QDateTime expireDate = body.time("expireDate");
    return result(body, expireDate);
}

Parsed<ArcgisLicence> ApiBodies::arcgisLicence(const QString &id, const QByteArray &bytes) {
    JsonBody body(bytes);
    ArcgisLicence licence{id, body.string("fileName"), body.string("version", 64), body.time("expireDate")};
    return result(body, licence);
}

Parsed<Lease> ApiBodies::lease(const QString &id, const QByteArray &bytes) {
    JsonBody body(bytes);
    Lease lease;
    lease.id = id;
    lease.userId = body.string("userId", 128);
    const QString kind = body.string("kind");
    lease.resourceName = body.string("resourceName");
    lease.expireDate = body.time("expireDate");
    if (body.ok() && kind != QLatin1String("site") && kind != QLatin1String("desktop"))
        body.fail(QStringLiteral("kind must be \"site\" or \"desktop\""));
    lease.kind = kind == QLatin1String("desktop") ? LeaseKind::Desktop : LeaseKind::Site;
    const QJsonObject agsObject = body.optionalObject("arcgisLicence");
    if (body.ok() && !agsObject.isEmpty()) {
        if (lease.kind != LeaseKind::Site)
            body.fail(QStringLiteral("arcgisLicence belongs to site leases only"));
        JsonBody ags(agsObject);
        ArcgisLicence licence{QString(), ags.string("fileName"), ags.string("version", 64),
                              ags.time("expireDate")};
        if (!ags.ok())
            body.fail(QStringLiteral("arcgisLicence: ") + ags.error());
        lease.arcgisLicence = licence;
    }
    return result(body, lease);
}

Parsed<ApiBodies::RegistrationInput> ApiBodies::registration(const QByteArray &bytes) {
    JsonBody body(bytes);
    RegistrationInput input{body.string("userId", 128), body.string("orgId", 128), body.string("name")};
    if (body.ok() && (!JsonBody::isValidId(input.userId) || !JsonBody::isValidId(input.orgId)))
        body.fail(QStringLiteral("userId and orgId must be valid ids"));
    return result(body, input);
}

Parsed<ApiBodies::RequestInput> ApiBodies::request(const QByteArray &bytes) {
    JsonBody body(bytes);
    const QString userId = body.string("userId", 128);
    const QString kind = body.string("kind");
    const QString action = body.string("action");
    const QString resourceName = body.string("resourceName");
    if (body.ok() && kind != QLatin1String("website") && kind != QLatin1String("desktop"))
        body.fail(QStringLiteral("kind must be \"website\" or \"desktop\""));
    if (body.ok() && action != QLatin1String("apply") && action != QLatin1String("renew"))
        body.fail(QStringLiteral("action must be \"apply\" or \"renew\""));
    return result(
        body,
        RequestInput{userId, kind == QLatin1String("website") ? ResourceKind::Website : ResourceKind::Desktop,
                     action == QLatin1String("apply") ? RequestAction::Apply : RequestAction::Renew,
                     resourceName});
}

Parsed<ApiBodies::DecisionInput> ApiBodies::decision(const QByteArray &bytes) {
    JsonBody body(bytes);
    const bool approved = body.boolean("approved");
    const QString adminId = body.string("adminId", 128);
    return result(body, DecisionInput{approved, adminId});
}

Parsed<ApiBodies::PublishInput> ApiBodies::publish(const QByteArray &bytes) {
    JsonBody body(bytes);
    PublishInput input;
    const QJsonValue users = body.object().value(QLatin1String("userId"));
    QSet<QString> seen; // a list of 19,000 users must not cost a quadratic scan
    if (body.ok() &&
        (!users.isArray() || users.toArray().isEmpty() || users.toArray().size() > maxRecipients))
        body.fail(QStringLiteral("userId must be a non-empty array of user ids"));
    const QJsonArray list = users.toArray();
    input.userIds.reserve(list.size());
    for (const QJsonValue &user : list) {
        const QString id = user.toString(); // once: each call converts anew
        if (!user.isString() || !JsonBody::isValidId(id))
            body.fail(QStringLiteral("userId must hold user id strings"));
        else if (!seen.contains(id)) {
            seen.insert(id);
            input.userIds.append(id);
        }
    }
    const QString typeName = body.string("type", 64);
    const auto type = MessageCatalogue::fromName(typeName);
    if (body.ok() && !type)
        body.fail(QStringLiteral("unknown message type \"%1\"").arg(typeName));
    if (body.ok() && !body.has("msg"))
        body.fail(QStringLiteral("msg is missing"));
    if (body.ok()) {
        input.type = *type;
        input.msg = body.object().value(QLatin1String("msg"));
        const QString shapeError = MessageCatalogue::validate(input.type, input.msg);
        if (!shapeError.isEmpty())
            body.fail(shapeError);
    }
    return result(body, input);
}

Parsed<ApiBodies::HistoryQuery> ApiBodies::history(const QUrlQuery &query) {
    HistoryQuery input;
    input.userId = query.queryItemValue(QStringLiteral("userId"), QUrl::FullyDecoded);
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    bool limitOk = true;
    input.limit = limitText.isEmpty() ? 50 : limitText.toInt(&limitOk);
    if (!limitOk || input.limit < 1 || input.limit > maxHistory)
        return {HistoryQuery{}, QStringLiteral("limit must be a number from 1 to %1").arg(maxHistory)};
    if (!input.userId.isEmpty() && !JsonBody::isValidId(input.userId))
        return {HistoryQuery{}, QStringLiteral("userId is not a valid id")};
    return {input, QString()};
}

} // namespace gistack
