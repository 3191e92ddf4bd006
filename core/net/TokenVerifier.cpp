#include "TokenVerifier.h"

#include "time/Clock.h"

#include <jwt/jwt.hpp>

namespace gistack {

namespace {

// cpp-jwt's base64 decoder indexes a table with (signed) chars and aborts on bytes >= 0x80,
// so only header.payload.signature in the base64url alphabet ever reaches it.
bool looksLikeJws(const QString &token) {
    int dots = 0;
    qsizetype partLength = 0;
    for (const QChar c : token) {
        if (c == QLatin1Char('.')) {
            if (partLength == 0)
                return false;
            ++dots;
            partLength = 0;
            continue;
        }
        const char16_t u = c.unicode();
        const bool base64url = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                               u == '-' || u == '_';
        if (!base64url)
            return false;
        ++partLength;
    }
    return dots == 2 && partLength > 0;
}

} // namespace

TokenVerifier::TokenVerifier(QByteArray secret, const Clock &clock)
    : m_secret(std::move(secret))
    , m_clock(clock) {
}

TokenCheck TokenVerifier::verify(const QString &token) const {
    if (token.isEmpty())
        return {QString(), QStringLiteral("missing token")};
    if (token.size() > 8192)
        return {QString(), QStringLiteral("token too long")};
    if (!looksLikeJws(token))
        return {QString(), QStringLiteral("invalid token: not three base64url parts")};
    using namespace jwt::params;
    try {
        std::error_code ec;
        const std::string encoded = token.toStdString();
        // Signature and algorithm only: expiry is checked below against the injected clock.
        auto decoded = jwt::decode(encoded, algorithms({"HS256"}), ec,
                                   jwt::params::secret(m_secret.toStdString()), jwt::params::verify(true));
        if (ec)
            return {QString(), QStringLiteral("invalid token: ") + QString::fromStdString(ec.message())};
        if (decoded.header().algo() != jwt::algorithm::HS256)
            return {QString(), QStringLiteral("invalid token: only HS256 is accepted")};
        const auto payload = decoded.payload().create_json_obj();
        const auto sub = payload.find("sub");
        if (sub == payload.end() || !sub->is_string() || sub->get<std::string>().empty())
            return {QString(), QStringLiteral("invalid token: no subject")};
        const auto exp = payload.find("exp");
        if (exp == payload.end() || !exp->is_number())
            return {QString(), QStringLiteral("invalid token: no expiry")};
        if (exp->get<double>() <= double(m_clock.now().toSecsSinceEpoch()))
            return {QString(), QStringLiteral("token expired")};
        return {QString::fromStdString(sub->get<std::string>()), QString()};
    } catch (const std::exception &) {
        return {QString(), QStringLiteral("invalid token")};
    }
}

QString TokenVerifier::issue(const QString &userId, qint64 ttlSeconds) const {
    using namespace jwt::params;
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    jwt::jwt_object token{algorithm("HS256"), secret(m_secret.toStdString())};
    token.add_claim("sub", userId.toStdString()).add_claim("iat", now).add_claim("exp", now + ttlSeconds);
    return QString::fromStdString(token.signature());
}

} // namespace gistack
