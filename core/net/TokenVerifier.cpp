#include "TokenVerifier.h"

#include "SecretCompare.h"
#include "time/Clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

#include <jwt/jwt.hpp>

namespace gistack {

namespace {

constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QString headerAlgorithm(const QByteArray &encodedHeader) {
    const auto decoded =
        QByteArray::fromBase64Encoding(encodedHeader, base64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    return QJsonDocument::fromJson(*decoded).object().value(QLatin1String("alg")).toString();
}

// Three base64url segments. cpp-jwt indexes its decoding table with raw (signed) chars,
// so anything outside this alphabet must never reach it.
bool isCompactJwt(const QByteArray &bytes) {
    int dots = 0;
    for (const char c : bytes) {
        if (c == '.')
            ++dots;
        else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                   c == '_'))
            return false;
    }
    return dots == 2;
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
    // cpp-jwt compares signatures with ==, which returns at the first differing byte. An
    // HS256 token's signature is checked here first, in constant time, so only tokens signed
    // with our secret ever reach that comparison.
    const QByteArray bytes = token.toUtf8();
    if (!isCompactJwt(bytes))
        return {QString(), QStringLiteral("invalid token: not a compact JWT")};
    const QList<QByteArray> parts = bytes.split('.');
    if (parts.size() == 3 && headerAlgorithm(parts.at(0)) == QLatin1String("HS256")) {
        const QByteArray expected = QMessageAuthenticationCode::hash(parts.at(0) + '.' + parts.at(1),
                                                                     m_secret, QCryptographicHash::Sha256)
                                        .toBase64(base64Url);
        if (!SecretCompare::equal(parts.at(2), expected))
            return {QString(), QStringLiteral("invalid token: invalid signature")};
    }
    using namespace jwt::params;
    try {
        std::error_code ec;
        const std::string encoded = bytes.toStdString();
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
