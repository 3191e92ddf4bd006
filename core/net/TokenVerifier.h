#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace gistack {

class Clock;

struct TokenCheck {
    QString userId; // the verified "sub"; empty when the token is refused
    QString error;  // why it was refused
    bool ok() const { return error.isEmpty(); }
};

// Verifies the browsers' JWTs: HS256 only, signed with the configured secret, "sub" names
// the user and "exp" is enforced against the injected clock. Verifying is done here (one HMAC,
// compared in constant time, then the claims read with QJsonDocument): it runs once per login,
// and cpp-jwt's decode computed the HMAC a second time and parsed everything twice. Issuing
// (the token command, tests, the load generator) uses cpp-jwt.
class TokenVerifier {
public:
    TokenVerifier(QByteArray secret, const Clock &clock);

    TokenCheck verify(const QString &token) const;
    // Issues a token for userId valid for ttlSeconds from the clock's now.
    QString issue(const QString &userId, qint64 ttlSeconds) const;

private:
    QByteArray m_secret;
    const Clock &m_clock;
};

} // namespace gistack
