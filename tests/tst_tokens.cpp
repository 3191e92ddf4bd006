// TokenVerifier: only HS256 tokens signed with our secret, naming a user and not expired,
// get through; everything else is refused without crashing.

#include "net/TokenVerifier.h"
#include "time/ManualClock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

namespace gistack {

namespace {

const QByteArray secret = "tokens-test-secret-0123456789";

QByteArray b64(const QByteArray &bytes) {
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray b64(const QJsonObject &object) {
    return b64(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// A JWT built by hand, the way an attacker or another library would.
QString handMade(const QJsonObject &header, const QJsonObject &payload, const QByteArray &key,
                 QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256) {
    const QByteArray signingInput = b64(header) + '.' + b64(payload);
    const QByteArray signature = QMessageAuthenticationCode::hash(signingInput, key, algorithm);
    return QString::fromLatin1(signingInput + '.' + b64(signature));
}

QJsonObject hs256Header() {
    return QJsonObject{{"alg", "HS256"}, {"typ", "JWT"}};
}

qint64 nowSecs() {
    return QDateTime::currentSecsSinceEpoch();
}

} // namespace

class TestTokens : public QObject {
    Q_OBJECT

private slots:
    void issuedTokenVerifies();
    void handMadeHs256Verifies();
    void expiredByInjectedClock();
    void expiredByWallClock();
    void otherSecretRefused();
    void tamperedPayloadRefused();
    void algNoneRefused_data();
    void algNoneRefused();
    void otherAlgorithmRefused_data();
    void otherAlgorithmRefused();
    void missingClaimsRefused_data();
    void missingClaimsRefused();
    void garbageRefused_data();
    void garbageRefused();
    void randomTextNeverCrashes();
    void nonAsciiNeverCrashes_data();
    void nonAsciiNeverCrashes();

private:
    ManualClock m_clock; // starts at the real now
};

void TestTokens::issuedTokenVerifies() {
    const TokenVerifier verifier(secret, m_clock);
    const QString token = verifier.issue(QStringLiteral("alice"), 60);
    QCOMPARE(token.count(QLatin1Char('.')), 2);

    const TokenCheck check = verifier.verify(token);
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(check.userId, QStringLiteral("alice"));

    // Ids are opaque strings: non-ASCII survives the round trip.
    const TokenCheck chinese = verifier.verify(verifier.issue(QStringLiteral("用户-42"), 60));
    QVERIFY2(chinese.ok(), qPrintable(chinese.error));
    QCOMPARE(chinese.userId, QStringLiteral("用户-42"));

    // A second verifier with the same secret (another process) accepts it too.
    ManualClock otherClock;
    QCOMPARE(TokenVerifier(secret, otherClock).verify(token).userId, QStringLiteral("alice"));
}

void TestTokens::handMadeHs256Verifies() {
    // Guards the hand-made tokens below: a correct one passes, so their refusals mean something.
    const QString token =
        handMade(hs256Header(), QJsonObject{{"sub", "bob"}, {"exp", nowSecs() + 600}}, secret);
    const TokenCheck check = TokenVerifier(secret, m_clock).verify(token);
    QVERIFY2(check.ok(), qPrintable(check.error));
    QCOMPARE(check.userId, QStringLiteral("bob"));
}

void TestTokens::expiredByInjectedClock() {
    ManualClock clock;
    const TokenVerifier verifier(secret, clock);
    const QString token = verifier.issue(QStringLiteral("alice"), 60);
    clock.advanceSeconds(59);
    QVERIFY(verifier.verify(token).ok());
    clock.advanceSeconds(2);
    const TokenCheck check = verifier.verify(token);
    QVERIFY(!check.ok());
    QVERIFY(check.userId.isEmpty());
    QVERIFY2(check.error.contains(QLatin1String("expired")), qPrintable(check.error));
}

void TestTokens::expiredByWallClock() {
    // Issued an hour ago for ten minutes: expired whatever the clock says.
    const QString token =
        handMade(hs256Header(),
                 QJsonObject{{"sub", "alice"}, {"iat", nowSecs() - 3600}, {"exp", nowSecs() - 3000}}, secret);
    QVERIFY(!TokenVerifier(secret, m_clock).verify(token).ok());
}

void TestTokens::otherSecretRefused() {
    ManualClock clock;
    const QString forged =
        TokenVerifier("some-other-secret-0123456789", clock).issue(QStringLiteral("alice"), 60);
    const TokenCheck check = TokenVerifier(secret, m_clock).verify(forged);
    QVERIFY(!check.ok());
    QVERIFY(check.userId.isEmpty());

    // A prefix of the right secret is another secret.
    QVERIFY(!TokenVerifier(secret, m_clock)
                 .verify(TokenVerifier(secret.left(16), clock).issue("alice", 60))
                 .ok());
}

void TestTokens::tamperedPayloadRefused() {
    const TokenVerifier verifier(secret, m_clock);
    const QStringList parts = verifier.issue(QStringLiteral("alice"), 60).split(QLatin1Char('.'));
    QCOMPARE(parts.size(), 3);

    QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
            .object();
    QCOMPARE(payload.value("sub").toString(), QStringLiteral("alice"));
    payload.insert("sub", "mallory");
    const QString tampered =
        parts.at(0) + QLatin1Char('.') + QString::fromLatin1(b64(payload)) + QLatin1Char('.') + parts.at(2);
    QVERIFY(!verifier.verify(tampered).ok());

    // Extending exp is tampering too.
    payload.insert("sub", "alice");
    payload.insert("exp", nowSecs() + 365 * 24 * 3600);
    QVERIFY(!verifier
                 .verify(parts.at(0) + QLatin1Char('.') + QString::fromLatin1(b64(payload)) +
                         QLatin1Char('.') + parts.at(2))
                 .ok());

    // And a flipped signature byte.
    QString badSignature = parts.at(2);
    badSignature[0] = badSignature.at(0) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QVERIFY(!verifier.verify(parts.at(0) + QLatin1Char('.') + parts.at(1) + QLatin1Char('.') + badSignature)
                 .ok());
}

void TestTokens::algNoneRefused_data() {
    QTest::addColumn<QString>("token");
    const QJsonObject payload{{"sub", "alice"}, {"exp", nowSecs() + 600}};
    const QString unsigned_ =
        QString::fromLatin1(b64(QJsonObject{{"alg", "none"}, {"typ", "JWT"}}) + '.' + b64(payload));
    QTest::newRow("trailing dot") << unsigned_ + QLatin1Char('.');
    QTest::newRow("no trailing dot") << unsigned_;
    QTest::newRow("NONE") << QString::fromLatin1(b64(QJsonObject{{"alg", "NONE"}, {"typ", "JWT"}}) + '.' +
                                                 b64(payload) + '.');
    QTest::newRow("None") << QString::fromLatin1(b64(QJsonObject{{"alg", "None"}, {"typ", "JWT"}}) + '.' +
                                                 b64(payload) + '.');
    // A none header carrying the valid HS256 signature of the same payload.
    const QString signedToken = handMade(hs256Header(), payload, secret);
    QTest::newRow("none with a signature")
        << unsigned_ + QLatin1Char('.') + signedToken.section(QLatin1Char('.'), 2);
    QTest::newRow("no alg") << QString::fromLatin1(b64(QJsonObject{{"typ", "JWT"}}) + '.' + b64(payload) +
                                                   '.');
}

void TestTokens::algNoneRefused() {
    QFETCH(QString, token);
    const TokenCheck check = TokenVerifier(secret, m_clock).verify(token);
    QVERIFY2(!check.ok(), qPrintable(token));
    QVERIFY(check.userId.isEmpty());
}

void TestTokens::otherAlgorithmRefused_data() {
    QTest::addColumn<QString>("token");
    const QJsonObject payload{{"sub", "alice"}, {"exp", nowSecs() + 600}};
    // Right secret, wrong algorithm: only HS256 is ours.
    QTest::newRow("HS512") << handMade(QJsonObject{{"alg", "HS512"}, {"typ", "JWT"}}, payload, secret,
                                       QCryptographicHash::Sha512);
    QTest::newRow("HS384") << handMade(QJsonObject{{"alg", "HS384"}, {"typ", "JWT"}}, payload, secret,
                                       QCryptographicHash::Sha384);
    // Claims HS512 but carries an HS256 signature.
    QTest::newRow("HS512 header, HS256 signature")
        << handMade(QJsonObject{{"alg", "HS512"}, {"typ", "JWT"}}, payload, secret);
    QTest::newRow("RS256") << handMade(QJsonObject{{"alg", "RS256"}, {"typ", "JWT"}}, payload, secret);
    QTest::newRow("unknown alg") << handMade(QJsonObject{{"alg", "XX999"}, {"typ", "JWT"}}, payload, secret);
    QTest::newRow("alg not a string") << handMade(QJsonObject{{"alg", 256}, {"typ", "JWT"}}, payload, secret);
}

void TestTokens::otherAlgorithmRefused() {
    QFETCH(QString, token);
    QVERIFY2(!TokenVerifier(secret, m_clock).verify(token).ok(), qPrintable(token));
}

void TestTokens::missingClaimsRefused_data() {
    QTest::addColumn<QJsonObject>("payload");
    const qint64 exp = nowSecs() + 600;
    QTest::newRow("no sub") << QJsonObject{{"exp", exp}};
    QTest::newRow("empty sub") << QJsonObject{{"sub", ""}, {"exp", exp}};
    QTest::newRow("numeric sub") << QJsonObject{{"sub", 42}, {"exp", exp}};
    QTest::newRow("no exp") << QJsonObject{{"sub", "alice"}};
    QTest::newRow("exp as string") << QJsonObject{{"sub", "alice"}, {"exp", QString::number(exp)}};
    QTest::newRow("exp null") << QJsonObject{{"sub", "alice"}, {"exp", QJsonValue::Null}};
    QTest::newRow("negative exp") << QJsonObject{{"sub", "alice"}, {"exp", -1}};
    QTest::newRow("empty payload") << QJsonObject{};
}

void TestTokens::missingClaimsRefused() {
    QFETCH(QJsonObject, payload);
    // Correctly signed, so only the claims can be the reason.
    const TokenCheck check = TokenVerifier(secret, m_clock).verify(handMade(hs256Header(), payload, secret));
    QVERIFY(!check.ok());
    QVERIFY(check.userId.isEmpty());
}

void TestTokens::garbageRefused_data() {
    QTest::addColumn<QString>("token");
    const QString good = TokenVerifier(secret, m_clock).issue(QStringLiteral("alice"), 60);
    const QStringList parts = good.split(QLatin1Char('.'));
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("   ");
    QTest::newRow("word") << QStringLiteral("token");
    QTest::newRow("dots") << QStringLiteral("..");
    QTest::newRow("many dots") << QStringLiteral("....");
    QTest::newRow("a.b.c") << QStringLiteral("a.b.c");
    QTest::newRow("two parts") << parts.at(0) + QLatin1Char('.') + parts.at(1);
    QTest::newRow("four parts") << good + QStringLiteral(".x");
    QTest::newRow("empty signature") << parts.at(0) + QLatin1Char('.') + parts.at(1) + QLatin1Char('.');
    QTest::newRow("header not JSON") << QStringLiteral("bm90IGpzb24.") + parts.at(1) + QLatin1Char('.') +
                                            parts.at(2);
    QTest::newRow("payload not JSON") << parts.at(0) + QStringLiteral(".bm90IGpzb24.") + parts.at(2);
    QTest::newRow("payload an array") << parts.at(0) + QLatin1Char('.') +
                                             QString::fromLatin1(b64(QByteArray("[1]"))) + QLatin1Char('.') +
                                             parts.at(2);
    QTest::newRow("Bearer prefix") << QStringLiteral("Bearer ") + good;
    QTest::newRow("surrounding spaces") << QLatin1Char(' ') + good + QLatin1Char(' ');
    QTest::newRow("huge") << QString(20000, QLatin1Char('a'));
    QTest::newRow("huge with dots") << good + QString(10000, QLatin1Char('.'));
}

void TestTokens::garbageRefused() {
    QFETCH(QString, token);
    const TokenCheck check = TokenVerifier(secret, m_clock).verify(token);
    QVERIFY(!check.ok());
    QVERIFY(check.userId.isEmpty());
    QVERIFY(!check.error.isEmpty());
}

void TestTokens::randomTextNeverCrashes() {
    const TokenVerifier verifier(secret, m_clock);
    const QString good = verifier.issue(QStringLiteral("alice"), 60);
    QRandomGenerator random(20240612); // fixed seed: a failure reproduces
    const QByteArray alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ {}\"\\:,";
    for (int i = 0; i < 600; ++i) {
        QByteArray bytes;
        switch (i % 3) {
        case 0: // printable ASCII noise with dots
            for (int j = 0, n = random.bounded(1, 400); j < n; ++j)
                bytes.append(alphabet.at(random.bounded(int(alphabet.size()))));
            break;
        case 1: // a real token with a few characters changed
            bytes = good.toLatin1();
            for (int j = 0, n = random.bounded(1, 4); j < n; ++j)
                bytes[random.bounded(int(bytes.size()))] = alphabet.at(random.bounded(int(alphabet.size())));
            break;
        case 2: // well-encoded parts holding broken JSON
            bytes = b64(QByteArray("{\"alg\":\"HS256\",") + QByteArray::number(random.generate())) + '.' +
                    b64(QByteArray(R"({"sub":")") + QByteArray::number(random.generate()) + "\"," +
                        QByteArray::number(random.generate64())) +
                    '.' + b64(QByteArray::number(random.generate64()));
            break;
        }
        const TokenCheck check = verifier.verify(QString::fromLatin1(bytes));
        // A changed character may land where base64 ignores it; anything accepted must still be alice's.
        if (check.ok())
            QCOMPARE(check.userId, QStringLiteral("alice"));
        else
            QVERIFY(check.userId.isEmpty());
    }
}

void TestTokens::nonAsciiNeverCrashes_data() {
    QTest::addColumn<QByteArray>("token");
    const QByteArray header = b64(hs256Header());
    const QByteArray payload = b64(QJsonObject{{"sub", "alice"}, {"exp", nowSecs() + 600}});
    // What a browser sends for ?token=%C3%A9.a.b or a first frame {"token":"é.a.b"}.
    QTest::newRow("in the header") << QByteArray("\xC3\xA9.a.b");
    QTest::newRow("in the payload") << header + ".\xC3\xA9." + b64(QByteArray("x"));
    QTest::newRow("in the signature") << header + '.' + payload + ".\xC3\xA9";
    QTest::newRow("chinese") << QStringLiteral("令牌.令牌.令牌").toUtf8();
    QRandomGenerator random(20240612);
    QByteArray noise;
    for (int i = 0; i < 90; ++i)
        noise.append(i % 30 == 29 ? '.' : char(random.bounded(0x80, 0x100)));
    QTest::newRow("random high bytes") << noise;
}

void TestTokens::nonAsciiNeverCrashes() {
    QFETCH(QByteArray, token);
    // In a child process: a crash there is a failed check here, not the end of the test run.
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        std::signal(SIGABRT, SIG_DFL); // no QtTest crash report from the child
        std::signal(SIGSEGV, SIG_DFL);
        const TokenCheck check = TokenVerifier(secret, m_clock).verify(QString::fromUtf8(token));
        ::_exit(check.ok() ? 1 : 0);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY2(WIFEXITED(status),
             qPrintable(QStringLiteral("verify() died with signal %1").arg(WTERMSIG(status))));
    QCOMPARE(WEXITSTATUS(status), 0); // refused, not accepted
}

} // namespace gistack

QTEST_GUILESS_MAIN(gistack::TestTokens)
#include "tst_tokens.moc"
