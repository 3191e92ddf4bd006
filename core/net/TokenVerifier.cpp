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

// A base64url segment's JSON object; empty when it is not one.
QJsonObject jsonObjectOf(QByteArrayView segment) {
    const auto decoded = QByteArray::fromBase64Encoding(segment.toByteArray(),
                                                        base64Url | QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? QJsonDocument::fromJson(*decoded).object() : QJsonObject();
}

// Three base64url segments and nothing else.
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
    const QByteArray bytes = token.toUtf8();
    if (!isCompactJwt(bytes))
        return {QString(), QStringLiteral("invalid token: not a compact JWT")};
    const qsizetype headerEnd = bytes.indexOf('.');
    const qsizetype payloadEnd = bytes.indexOf('.', headerEnd + 1);
    const QByteArrayView signingInput = QByteArrayView(bytes).first(payloadEnd);
    // The algorithm is ours to choose, never the token's: anything but HS256 is refused before
    // the signature is looked at.
    if (jsonObjectOf(signingInput.first(headerEnd)).value(QLatin1String("alg")).toString() !=
        QLatin1String("HS256"))
        return {QString(), QStringLiteral("invalid token: only HS256 is accepted")};
    // One HMAC, compared in constant time.
    const QByteArray expected =
        QMessageAuthenticationCode::hash(signingInput.toByteArray(), m_secret, QCryptographicHash::Sha256)
            .toBase64(base64Url);
    if (!SecretCompare::equal(QByteArrayView(bytes).sliced(payloadEnd + 1).toByteArray(), expected))
        return {QString(), QStringLiteral("invalid token: invalid signature")};
    const QJsonObject payload = jsonObjectOf(signingInput.sliced(headerEnd + 1));
    const QJsonValue sub = payload.value(QLatin1String("sub"));
    if (!sub.isString() || sub.toString().isEmpty())
        return {QString(), QStringLiteral("invalid token: no subject")};
    const QJsonValue exp = payload.value(QLatin1String("exp"));
    if (!exp.isDouble())
        return {QString(), QStringLiteral("invalid token: no expiry")};
    if (exp.toDouble() <= double(m_clock.now().toSecsSinceEpoch()))
        return {QString(), QStringLiteral("token expired")};
    return {sub.toString(), QString()};
}

QString TokenVerifier::issue(const QString &userId, qint64 ttlSeconds) const {
    using namespace jwt::params;
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    jwt::jwt_object token{algorithm("HS256"), secret(m_secret.toStdString())};
    token.add_claim("sub", userId.toStdString()).add_claim("iat", now).add_claim("exp", now + ttlSeconds);
    return QString::fromStdString(token.signature());
}

} // namespace gistack
