// The HTTP API body validators: the first byte picks the endpoint, the rest is the body (or
// the query string of GET /api/v1/messages).
#include "net/ApiBodies.h"
#include "net/JsonBody.h"

#include <cstddef>
#include <cstdint>

using namespace gistack;

namespace {

void require(bool condition) {
    if (!condition)
        __builtin_trap();
}

template <typename T> void check(const Parsed<T> &parsed) {
    // Refused input always says why.
    require(parsed.ok() || !parsed.error.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QString id = QStringLiteral("id-1");
    switch (data[0] % 10) {
    case 0:
        check(ApiBodies::org(id, body));
        break;
    case 1: {
        const auto user = ApiBodies::user(id, body);
        check(user);
        if (user.ok())
            require(JsonBody::isValidId(user.value.orgId) && !user.value.name.trimmed().isEmpty());
        break;
    }
    case 2: {
        const auto licence = ApiBodies::gistackLicence(body);
        check(licence);
        require(!licence.ok() || licence.value.isValid());
        break;
    }
    case 3:
        check(ApiBodies::arcgisLicence(id, body));
        break;
    case 4: {
        const auto lease = ApiBodies::lease(id, body);
        check(lease);
        if (lease.ok() && lease.value.arcgisLicence)
            require(lease.value.kind == LeaseKind::Site);
        break;
    }
    case 5: {
        const auto registration = ApiBodies::registration(body);
        check(registration);
        if (registration.ok())
            require(JsonBody::isValidId(registration.value.userId) &&
                    JsonBody::isValidId(registration.value.orgId));
        break;
    }
    case 6:
        check(ApiBodies::request(body));
        break;
    case 7:
        check(ApiBodies::decision(body));
        break;
    case 8: {
        QByteArray publishBody = body;
        if (!body.isEmpty() && (uchar(body.at(0)) & 1)) {
            // A real type name from the catalogue around the fuzzed msg, so the shape checks are reached.
            const QList<MessageTypeInfo> &types = MessageCatalogue::all();
            const MessageTypeInfo &info = types.at(uchar(body.at(0)) / 2 % types.size());
            publishBody = "{\"userId\":[\"u1\",\"u2\",\"u1\"],\"type\":\"" + QByteArray(info.name) +
                          "\",\"msg\":" + body.mid(1) + '}';
        }
        const auto publish = ApiBodies::publish(publishBody);
        check(publish);
        if (publish.ok()) {
            require(!publish.value.userIds.isEmpty() &&
                    publish.value.userIds.size() <= ApiBodies::maxRecipients);
            require(MessageCatalogue::validate(publish.value.type, publish.value.msg).isEmpty());
        }
        break;
    }
    default: {
        const auto history = ApiBodies::history(QUrlQuery(QString::fromUtf8(body)));
        check(history);
        if (history.ok())
            require(history.value.limit >= 1 && history.value.limit <= ApiBodies::maxHistory);
        break;
    }
    }
    return 0;
}
