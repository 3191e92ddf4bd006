// The message catalogue, the envelope bytes, the expiry rule and the login plan: the pure
// parts of the wire protocol, checked against the spec without a server.

#include "domain/ExpiryRule.h"
#include "protocol/Envelope.h"
#include "protocol/MessageCatalogue.h"
#include "protocol/TimeFormat.h"
#include "service/LoginReminders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

namespace gistack {

namespace {

// The spec's list, in its order, spelled by hand so that a typo in the catalogue shows here.
const QStringList specNames = {
    QStringLiteral("GISTACK_LICENCE_EXPIRED"),
    QStringLiteral("ARCGIS_LICENCE_EXPIRED"),
    QStringLiteral("NORMAL_USER_SITE_LEASE_EXPIRED"),
    QStringLiteral("NORMAL_USER_SITE_AGS_LICENSE_EXPIRED"),
    QStringLiteral("NORMAL_USER_DESKTOP_LEASE_EXPIRED"),
    QStringLiteral("USER_REGISTER"),
    QStringLiteral("GCLOUD_WEBSITE_APPROVE_REQUEST"),
    QStringLiteral("GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST"),
    QStringLiteral("GCLOUD_DESKTOP_APPROVE_REQUEST"),
    QStringLiteral("GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST"),
    QStringLiteral("GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED"),
    QStringLiteral("GCLOUD_WEBSITE_APPROVE_REQUEST_REJECT"),
    QStringLiteral("GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_PASSED"),
    QStringLiteral("GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_REJECT"),
    QStringLiteral("GCLOUD_DESKTOP_APPROVE_REQUEST_PASS"),
    QStringLiteral("GCLOUD_DESKTOP_APPROVE_REQUEST_REJECT"),
    QStringLiteral("GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_PASSED"),
    QStringLiteral("GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_REJECT"),
};

MessageType typeNamed(const QString &name) {
    const auto type = MessageCatalogue::fromName(name);
    if (!type)
        qFatal("not a catalogue type: %s", qPrintable(name));
    return *type;
}

QJsonValue json(const char *text) {
    // Wrapped in an array so scalars parse too.
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text + "]");
    if (!doc.isArray())
        qFatal("bad JSON in test: %s", text);
    return doc.array().at(0);
}

QStringList typeNames(const QList<PlannedMessage> &planned) {
    QStringList names;
    for (const PlannedMessage &message : planned)
        names.append(MessageCatalogue::name(message.type));
    return names;
}

QJsonValue msgOf(const QList<PlannedMessage> &planned, const QString &type) {
    for (const PlannedMessage &message : planned) {
        if (MessageCatalogue::name(message.type) == type)
            return message.msg;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QStringList resourceNames(const QJsonValue &list) {
    QStringList names;
    for (const QJsonValue &item : list.toArray())
        names.append(item.toObject().value(QLatin1String("resourceName")).toString());
    return names;
}

const QDate today(2024, 6, 12);

QDateTime inDays(int days, QTime at = QTime(12, 0)) {
    return QDateTime(today.addDays(days), at);
}

ArcgisLicence licence(const QString &file, const QString &version, int days) {
    return ArcgisLicence{file + QLatin1String("-id"), file, version, inDays(days)};
}

Lease lease(const QString &id, LeaseKind kind, const QString &name, int days,
            std::optional<ArcgisLicence> arcgis = std::nullopt) {
    return Lease{id, QStringLiteral("u1"), kind, name, inDays(days), std::move(arcgis)};
}

// Facts where every source of reminders has something due, so the role alone decides.
LoginFacts everythingDue(Role role) {
    LoginFacts facts;
    facts.user = User{QStringLiteral("u1"), QStringLiteral("U1"), QStringLiteral("org1"), role};
    facts.gistackLicence = inDays(5);
    facts.arcgisLicences = {licence(QStringLiteral("test"), QStringLiteral("10.6.1"), 4)};
    facts.leases = {lease(QStringLiteral("s1"), LeaseKind::Site, QStringLiteral("city-map-site"), 3,
                          licence(QStringLiteral("site-ags"), QStringLiteral("10.8"), 9)),
                    lease(QStringLiteral("d1"), LeaseKind::Desktop, QStringLiteral("gis-desktop-01"), 10)};
    for (PendingKind kind : MessageCatalogue::pendingKinds())
        facts.pending[kind] = 2;
    return facts;
}

const QStringList leaseTypes = {QStringLiteral("NORMAL_USER_SITE_LEASE_EXPIRED"),
                                QStringLiteral("NORMAL_USER_SITE_AGS_LICENSE_EXPIRED"),
                                QStringLiteral("NORMAL_USER_DESKTOP_LEASE_EXPIRED")};

} // namespace

class TestCatalogue : public QObject {
    Q_OBJECT

private slots:
    void namesMatchTheSpec();
    void namesRoundTrip();
    void nearMissNamesAreUnknown_data();
    void nearMissNamesAreUnknown();
    void shapesAndAudiences();
    void validateAcceptsEachShape_data();
    void validateAcceptsEachShape();
    void validateRejectsWrongMsg_data();
    void validateRejectsWrongMsg();
    void resultTypes();
    void pendingMappings();

    void frameBytes();
    void frameEscapesUserId_data();
    void frameEscapesUserId();
    void frameParsesBack();
    void msgJsonIsTheFramesMsg_data();
    void msgJsonIsTheFramesMsg();

    void thresholdBoundary_data();
    void thresholdBoundary();
    void timeLeftIgnoresTimeOfDay();

    void planForRole_data();
    void planForRole();
    void planMessagesFitTheirShapes();
    void planContents();
    void planAgsOnlyFromSiteLeases();
    void planNothingToSay();

    void timeFormatParse_data();
    void timeFormatParse();
    void timeFormatWireOnly();
};

// msgJson() is what the log stores: exactly the msg bytes of the frame, for every kind of msg.
void TestCatalogue::msgJsonIsTheFramesMsg_data() {
    QTest::addColumn<QJsonValue>("msg");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("string") << QJsonValue("site-1") << QByteArray("\"site-1\"");
    QTest::newRow("string to escape") << QJsonValue("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
    QTest::newRow("number") << QJsonValue(3) << QByteArray("3");
    QTest::newRow("object") << QJsonValue(QJsonObject{{"registrations", 2}})
                            << QByteArray("{\"registrations\":2}");
    QTest::newRow("array") << QJsonValue(QJsonArray{QJsonObject{{"timeLeft", 4}}})
                           << QByteArray("[{\"timeLeft\":4}]");
}

void TestCatalogue::msgJsonIsTheFramesMsg() {
    QFETCH(QJsonValue, msg);
    QFETCH(QByteArray, json);
    const Envelope envelope(QStringLiteral("id-1"), MessageType::UserRegister,
                            QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5)), msg);
    QCOMPARE(envelope.msgJson(), json);
    const QByteArray frame = envelope.frameFor(QStringLiteral("u"));
    QVERIFY2(frame.endsWith(",\"msg\":" + json + '}'), frame.constData());
    QCOMPARE(QJsonDocument::fromJson(frame).object().value("msg"), msg);
    QCOMPARE(Envelope().msgJson(), QByteArray("null"));
}

void TestCatalogue::namesMatchTheSpec() {
    QStringList catalogueNames;
    for (const MessageTypeInfo &info : MessageCatalogue::all())
        catalogueNames.append(QString::fromLatin1(info.name));
    QCOMPARE(catalogueNames, specNames);
    QCOMPARE(QSet<QString>(specNames.begin(), specNames.end()).size(), 18);
}

void TestCatalogue::namesRoundTrip() {
    for (const QString &name : specNames) {
        const auto type = MessageCatalogue::fromName(name);
        QVERIFY2(type.has_value(), qPrintable(name));
        QCOMPARE(MessageCatalogue::name(*type), name);
        QCOMPARE(MessageCatalogue::info(*type).type, *type);
    }
}

void TestCatalogue::nearMissNamesAreUnknown_data() {
    QTest::addColumn<QString>("name");
    // The spec's own quirks: AGS_LICENSE once had a trailing space, DESKTOP_APPROVE is PASS not PASSED.
    QTest::newRow("trailing space") << QStringLiteral("NORMAL_USER_SITE_AGS_LICENSE_EXPIRED ");
    QTest::newRow("leading space") << QStringLiteral(" USER_REGISTER");
    QTest::newRow("PASSED for PASS") << QStringLiteral("GCLOUD_DESKTOP_APPROVE_REQUEST_PASSED");
    QTest::newRow("PASS for PASSED") << QStringLiteral("GCLOUD_WEBSITE_APPROVE_REQUEST_PASS");
    QTest::newRow("LICENCE for LICENSE") << QStringLiteral("NORMAL_USER_SITE_AGS_LICENCE_EXPIRED");
    QTest::newRow("lower case") << QStringLiteral("user_register");
    QTest::newRow("empty") << QString();
}

void TestCatalogue::nearMissNamesAreUnknown() {
    QFETCH(QString, name);
    QVERIFY(!MessageCatalogue::fromName(name).has_value());
}

void TestCatalogue::shapesAndAudiences() {
    for (int i = 0; i < specNames.size(); ++i) {
        const MessageTypeInfo &info = MessageCatalogue::info(typeNamed(specNames.at(i)));
        const MsgShape shape = i == 0   ? MsgShape::ExpiryObject
                               : i <= 4 ? MsgShape::ExpiryList
                               : i <= 9 ? MsgShape::Count
                                        : MsgShape::ResourceName;
        const Audience audience = i <= 1   ? Audience::Sysadmin
                                  : i <= 4 ? Audience::LeaseHolder
                                  : i <= 9 ? Audience::OrgAdmins
                                           : Audience::Applicant;
        QVERIFY2(info.shape == shape, qPrintable(specNames.at(i)));
        QVERIFY2(info.audience == audience, qPrintable(specNames.at(i)));
    }
}

void TestCatalogue::validateAcceptsEachShape_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonValue>("msg");
    const QJsonValue object = json(R"({"expireDate":"2024-06-20 23:59:59","timeLeft":8})");
    const QJsonValue expired = json(R"({"expireDate":"2024-06-09 00:00:00","timeLeft":-3})");
    const QJsonValue list =
        json(R"([{"expireDate":"2024-06-16 23:59:59","timeLeft":4,"resourceName":"test-10.6.1"},
                                     {"expireDate":"2024-06-12 08:00:00","timeLeft":0,"resourceName":"b"}])");
    for (const QString &name : specNames) {
        const QByteArray row = name.toLatin1();
        switch (MessageCatalogue::info(typeNamed(name)).shape) {
        case MsgShape::ExpiryObject:
            QTest::addRow("%s object", row.constData()) << name << object;
            QTest::addRow("%s expired", row.constData()) << name << expired;
            break;
        case MsgShape::ExpiryList:
            QTest::addRow("%s list", row.constData()) << name << list;
            QTest::addRow("%s expired item", row.constData())
                << name
                << json(R"([{"expireDate":"2024-06-09 00:00:00","timeLeft":-3,"resourceName":"old"}])");
            break;
        case MsgShape::Count:
            QTest::addRow("%s 0", row.constData()) << name << QJsonValue(0);
            QTest::addRow("%s 7", row.constData()) << name << QJsonValue(7);
            break;
        case MsgShape::ResourceName:
            QTest::addRow("%s ascii", row.constData()) << name << QJsonValue(QStringLiteral("city-map-site"));
            QTest::addRow("%s chinese", row.constData())
                << name << QJsonValue(QStringLiteral("智慧城市站点"));
            break;
        }
    }
}

void TestCatalogue::validateAcceptsEachShape() {
    QFETCH(QString, type);
    QFETCH(QJsonValue, msg);
    const QString error = MessageCatalogue::validate(typeNamed(type), msg);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCatalogue::validateRejectsWrongMsg_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<QJsonValue>("msg");

    const QList<QPair<const char *, const char *>> badObjects = {
        {"a list", R"([{"expireDate":"2024-06-20 23:59:59","timeLeft":8}])"},
        {"a number", "8"},
        {"a string", R"("2024-06-20 23:59:59")"},
        {"null", "null"},
        {"no expireDate", R"({"timeLeft":8})"},
        {"no timeLeft", R"({"expireDate":"2024-06-20 23:59:59"})"},
        {"bare date", R"({"expireDate":"2024-06-20","timeLeft":8})"},
        {"ISO T", R"({"expireDate":"2024-06-20T23:59:59","timeLeft":8})"},
        {"slashes", R"({"expireDate":"2024/06/20 23:59:59","timeLeft":8})"},
        {"no seconds", R"({"expireDate":"2024-06-20 23:59","timeLeft":8})"},
        {"impossible date", R"({"expireDate":"2024-02-30 10:00:00","timeLeft":8})"},
        {"timeLeft string", R"({"expireDate":"2024-06-20 23:59:59","timeLeft":"8"})"},
        {"timeLeft fraction", R"({"expireDate":"2024-06-20 23:59:59","timeLeft":8.5})"},
    };
    const QList<QPair<const char *, const char *>> badLists = {
        {"an object", R"({"expireDate":"2024-06-20 23:59:59","timeLeft":8,"resourceName":"a"})"},
        {"empty list", "[]"},
        {"a string", R"("a")"},
        {"item not object", R"(["a"])"},
        {"item without resourceName", R"([{"expireDate":"2024-06-20 23:59:59","timeLeft":8}])"},
        {"item with empty resourceName",
         R"([{"expireDate":"2024-06-20 23:59:59","timeLeft":8,"resourceName":""}])"},
        {"item with bare date", R"([{"expireDate":"2024-06-20","timeLeft":8,"resourceName":"a"}])"},
        {"item timeLeft string",
         R"([{"expireDate":"2024-06-20 23:59:59","timeLeft":"8","resourceName":"a"}])"},
        {"second item bad", R"([{"expireDate":"2024-06-20 23:59:59","timeLeft":8,"resourceName":"a"},
                                {"expireDate":"tomorrow","timeLeft":9,"resourceName":"b"}])"},
    };
    const QList<QPair<const char *, const char *>> badCounts = {
        {"string number", R"("3")"},
        {"negative", "-1"},
        {"fraction", "2.5"},
        {"null", "null"},
        {"bool", "true"},
        {"object", R"({"count":3})"},
        {"list", "[3]"},
    };
    const QList<QPair<const char *, const char *>> badNames = {
        {"number", "5"},
        {"empty", R"("")"},
        {"blank", R"("   ")"},
        {"null", "null"},
        {"object", R"({"name":"a"})"},
        {"list", R"(["a"])"},
    };

    for (const QString &name : specNames) {
        const MsgShape shape = MessageCatalogue::info(typeNamed(name)).shape;
        const auto &bad = shape == MsgShape::ExpiryObject ? badObjects
                          : shape == MsgShape::ExpiryList ? badLists
                          : shape == MsgShape::Count      ? badCounts
                                                          : badNames;
        for (const auto &[label, text] : bad)
            QTest::newRow(qPrintable(name + QLatin1Char(' ') + QLatin1String(label))) << name << json(text);
    }
}

void TestCatalogue::validateRejectsWrongMsg() {
    QFETCH(QString, type);
    QFETCH(QJsonValue, msg);
    QVERIFY2(!MessageCatalogue::validate(typeNamed(type), msg).isEmpty(),
             QJsonDocument(QJsonArray{msg}).toJson(QJsonDocument::Compact).constData());
}

void TestCatalogue::resultTypes() {
    struct Case {
        ResourceKind kind;
        RequestAction action;
        bool approved;
        const char *name;
    };
    const Case cases[] = {
        {ResourceKind::Website, RequestAction::Apply, true, "GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED"},
        {ResourceKind::Website, RequestAction::Apply, false, "GCLOUD_WEBSITE_APPROVE_REQUEST_REJECT"},
        {ResourceKind::Website, RequestAction::Renew, true, "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_PASSED"},
        {ResourceKind::Website, RequestAction::Renew, false, "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_REJECT"},
        {ResourceKind::Desktop, RequestAction::Apply, true, "GCLOUD_DESKTOP_APPROVE_REQUEST_PASS"},
        {ResourceKind::Desktop, RequestAction::Apply, false, "GCLOUD_DESKTOP_APPROVE_REQUEST_REJECT"},
        {ResourceKind::Desktop, RequestAction::Renew, true, "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_PASSED"},
        {ResourceKind::Desktop, RequestAction::Renew, false, "GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_REJECT"},
    };
    for (const Case &c : cases)
        QCOMPARE(MessageCatalogue::name(MessageCatalogue::resultType(c.kind, c.action, c.approved)),
                 QString::fromLatin1(c.name));
}

void TestCatalogue::pendingMappings() {
    QCOMPARE(MessageCatalogue::pendingKindCount, 5);
    const QList<PendingKind> kinds = MessageCatalogue::pendingKinds();
    QCOMPARE(kinds.size(), 5);
    QCOMPARE(QSet<PendingKind>(kinds.begin(), kinds.end()).size(), 5);

    QCOMPARE(MessageCatalogue::name(MessageCatalogue::pendingCountType(PendingKind::Registration)),
             QStringLiteral("USER_REGISTER"));
    QCOMPARE(MessageCatalogue::name(MessageCatalogue::pendingCountType(PendingKind::WebsiteApply)),
             QStringLiteral("GCLOUD_WEBSITE_APPROVE_REQUEST"));
    QCOMPARE(MessageCatalogue::name(MessageCatalogue::pendingCountType(PendingKind::WebsiteRenew)),
             QStringLiteral("GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST"));
    QCOMPARE(MessageCatalogue::name(MessageCatalogue::pendingCountType(PendingKind::DesktopApply)),
             QStringLiteral("GCLOUD_DESKTOP_APPROVE_REQUEST"));
    QCOMPARE(MessageCatalogue::name(MessageCatalogue::pendingCountType(PendingKind::DesktopRenew)),
             QStringLiteral("GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST"));

    QCOMPARE(MessageCatalogue::pendingKindOf(ResourceKind::Website, RequestAction::Apply),
             PendingKind::WebsiteApply);
    QCOMPARE(MessageCatalogue::pendingKindOf(ResourceKind::Website, RequestAction::Renew),
             PendingKind::WebsiteRenew);
    QCOMPARE(MessageCatalogue::pendingKindOf(ResourceKind::Desktop, RequestAction::Apply),
             PendingKind::DesktopApply);
    QCOMPARE(MessageCatalogue::pendingKindOf(ResourceKind::Desktop, RequestAction::Renew),
             PendingKind::DesktopRenew);
}

void TestCatalogue::frameBytes() {
    const QDateTime created(QDate(2024, 3, 5), QTime(9, 7, 3));

    // A user id that needs escaping is written as QJsonDocument writes it; plain ones are copied.
    const Envelope escaped(QStringLiteral("m-0"), MessageType::UserRegister, created, 1);
    for (const QString &userId :
         {QStringLiteral("a\"b\\c"), QStringLiteral("tab\there"), QStringLiteral("zoë-用户"),
          QStringLiteral("del\x7f"), QStringLiteral("plain-id_1.x@y")}) {
        QStringList parsedUsers;
        Envelope parsed;
        QVERIFY(Envelope::parse(escaped.frameFor(userId), &parsed, &parsedUsers));
        QCOMPARE(parsedUsers, QStringList{userId});
        const QByteArray expected = QJsonDocument(QJsonArray{userId}).toJson(QJsonDocument::Compact);
        QVERIFY(escaped.frameFor(userId).contains("\"userId\":" + expected + ","));
    }

    const Envelope count(QStringLiteral("m-1"), MessageType::UserRegister, created, 3);
    QCOMPARE(count.frameFor(QStringLiteral("admin-1")),
             QByteArray(R"({"id":"m-1","userId":["admin-1"],"createTime":"2024-03-05 09:07:03",)"
                        R"("type":"USER_REGISTER","msg":3})"));

    const Envelope result(QStringLiteral("m-2"), MessageType::DesktopApplyPassed, created,
                          QStringLiteral("gis-desktop-01"));
    QCOMPARE(result.frameFor(QStringLiteral("alice")),
             QByteArray(R"({"id":"m-2","userId":["alice"],"createTime":"2024-03-05 09:07:03",)"
                        R"("type":"GCLOUD_DESKTOP_APPROVE_REQUEST_PASS","msg":"gis-desktop-01"})"));

    const Envelope licence(QStringLiteral("m-3"), MessageType::GistackLicenceExpired, created,
                           json(R"({"expireDate":"2024-03-12 23:59:59","timeLeft":7})"));
    QCOMPARE(
        licence.frameFor(QStringLiteral("root")),
        QByteArray(
            R"({"id":"m-3","userId":["root"],"createTime":"2024-03-05 09:07:03",)"
            R"("type":"GISTACK_LICENCE_EXPIRED","msg":{"expireDate":"2024-03-12 23:59:59","timeLeft":7}})"));

    const Envelope leases(
        QStringLiteral("m-4"), MessageType::SiteArcgisLicenceExpired, created,
        json(R"([{"expireDate":"2024-03-09 23:59:59","timeLeft":4,"resourceName":"test-10.6.1"}])"));
    QCOMPARE(
        leases.frameFor(QStringLiteral("bob")),
        QByteArray(
            R"({"id":"m-4","userId":["bob"],"createTime":"2024-03-05 09:07:03",)"
            R"("type":"NORMAL_USER_SITE_AGS_LICENSE_EXPIRED",)"
            R"("msg":[{"expireDate":"2024-03-09 23:59:59","resourceName":"test-10.6.1","timeLeft":4}]})"));

    // One envelope, several receivers: each frame names only its own receiver.
    QCOMPARE(result.frameFor(QStringLiteral("bob")),
             QByteArray(R"({"id":"m-2","userId":["bob"],"createTime":"2024-03-05 09:07:03",)"
                        R"("type":"GCLOUD_DESKTOP_APPROVE_REQUEST_PASS","msg":"gis-desktop-01"})"));
}

void TestCatalogue::frameEscapesUserId_data() {
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("quote") << QStringLiteral("a\"b") << QByteArray(R"("a\"b")");
    QTest::newRow("backslash") << QStringLiteral("dom\\user") << QByteArray(R"("dom\\user")");
    QTest::newRow("newline and tab") << QStringLiteral("a\nb\tc") << QByteArray(R"("a\nb\tc")");
    QTest::newRow("control") << QStringLiteral("a") + QChar(0x01) << QByteArray(R"("a\u0001")");
    QTest::newRow("json injection") << QStringLiteral("x\"],\"userId\":[\"y")
                                    << QByteArray(R"("x\"],\"userId\":[\"y")");
    QTest::newRow("chinese") << QStringLiteral("张三") << QStringLiteral("\"张三\"").toUtf8();
}

void TestCatalogue::frameEscapesUserId() {
    QFETCH(QString, userId);
    QFETCH(QByteArray, encoded);
    const Envelope envelope(QStringLiteral("m-1"), MessageType::UserRegister,
                            QDateTime(QDate(2024, 3, 5), QTime(9, 7, 3)), 1);
    const QByteArray frame = envelope.frameFor(userId);
    QCOMPARE(frame, QByteArray(R"({"id":"m-1","userId":[)") + encoded +
                        R"(],"createTime":"2024-03-05 09:07:03","type":"USER_REGISTER","msg":1})");

    // And a JSON parser reads back exactly that one receiver.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(doc.object().value("userId").toArray(), QJsonArray{userId});
    QCOMPARE(doc.object().keys().size(), 5);
}

void TestCatalogue::frameParsesBack() {
    const QDateTime created(QDate(2024, 3, 5), QTime(9, 7, 3));
    const Envelope sent(Envelope::newId(), MessageType::WebsiteRenewRejected, created,
                        QStringLiteral("portal"));
    QVERIFY(!sent.id().isEmpty());
    QVERIFY(Envelope::newId() != sent.id());

    Envelope received;
    QStringList userIds;
    QVERIFY(Envelope::parse(sent.frameFor(QStringLiteral("carol")), &received, &userIds));
    QCOMPARE(received.id(), sent.id());
    QCOMPARE(received.type(), MessageType::WebsiteRenewRejected);
    QCOMPARE(received.createTime(), created);
    QCOMPARE(received.msg(), QJsonValue(QStringLiteral("portal")));
    QCOMPARE(userIds, QStringList{QStringLiteral("carol")});

    QVERIFY(!Envelope::parse("not json", &received, &userIds));
    QVERIFY(!Envelope::parse(
        R"({"id":"x","userId":["a"],"createTime":"2024-03-05 09:07:03","type":"NOPE","msg":1})", &received,
        &userIds));
}

void TestCatalogue::thresholdBoundary_data() {
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("due");
    QTest::newRow("11 days: out") << 11 << false;
    QTest::newRow("10 days: in") << 10 << true;
    QTest::newRow("1 day: in") << 1 << true;
    QTest::newRow("today: in") << 0 << true;
    QTest::newRow("expired 3 days ago: in") << -3 << true;
    QTest::newRow("a year out") << 365 << false;
}

void TestCatalogue::thresholdBoundary() {
    QFETCH(int, days);
    QFETCH(bool, due);
    const ExpiryRule rule(10);
    QCOMPARE(rule.thresholdDays(), 10);
    // Time of day must not matter: just after midnight and just before it give the same answer.
    for (const QTime at : {QTime(0, 0, 1), QTime(12, 0), QTime(23, 59, 59)}) {
        const QDateTime expiry(today.addDays(days), at);
        QCOMPARE(ExpiryRule::timeLeft(today, expiry), days);
        QCOMPARE(rule.isDue(today, expiry), due);
    }
}

void TestCatalogue::timeLeftIgnoresTimeOfDay() {
    // Checked at 23:59 today, something expiring at 00:01 tomorrow is one calendar day away.
    const QDateTime now(today, QTime(23, 59));
    QCOMPARE(ExpiryRule::timeLeft(now.date(), QDateTime(today.addDays(1), QTime(0, 1))), 1);
    QCOMPARE(ExpiryRule::timeLeft(now.date(), QDateTime(today, QTime(0, 0))), 0);
    QCOMPARE(ExpiryRule::timeLeft(now.date(), QDateTime(today.addDays(-1), QTime(23, 59, 59))), -1);

    // A threshold of 0 reports only what expires today or has expired.
    const ExpiryRule strict(0);
    QVERIFY(strict.isDue(today, QDateTime(today, QTime(23, 59, 59))));
    QVERIFY(!strict.isDue(today, QDateTime(today.addDays(1), QTime(0, 0, 1))));
    QVERIFY(!ExpiryRule(10).isDue(today, QDateTime()));
}

void TestCatalogue::planForRole_data() {
    QTest::addColumn<int>("role");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("sysadmin") << int(Role::Sysadmin)
                              << (QStringList{QStringLiteral("GISTACK_LICENCE_EXPIRED"),
                                              QStringLiteral("ARCGIS_LICENCE_EXPIRED")} +
                                  leaseTypes);
    QTest::newRow("orgadmin") << int(Role::OrgAdmin)
                              << (QStringList{QStringLiteral("USER_REGISTER"),
                                              QStringLiteral("GCLOUD_WEBSITE_APPROVE_REQUEST"),
                                              QStringLiteral("GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST"),
                                              QStringLiteral("GCLOUD_DESKTOP_APPROVE_REQUEST"),
                                              QStringLiteral("GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST")} +
                                  leaseTypes);
    QTest::newRow("user") << int(Role::User) << leaseTypes;
}

void TestCatalogue::planForRole() {
    QFETCH(int, role);
    QFETCH(QStringList, expected);
    // Every kind of fact is present; only what the role may hear comes out.
    QCOMPARE(typeNames(LoginReminders::plan(everythingDue(Role(role)), ExpiryRule(10), today)), expected);

    // Without leases, the lease types disappear and nothing else changes.
    LoginFacts noLeases = everythingDue(Role(role));
    noLeases.leases.clear();
    QStringList withoutLeases = expected;
    for (const QString &type : leaseTypes)
        withoutLeases.removeAll(type);
    QCOMPARE(typeNames(LoginReminders::plan(noLeases, ExpiryRule(10), today)), withoutLeases);
}

void TestCatalogue::planMessagesFitTheirShapes() {
    for (Role role : {Role::Sysadmin, Role::OrgAdmin, Role::User}) {
        for (const PlannedMessage &message :
             LoginReminders::plan(everythingDue(role), ExpiryRule(10), today)) {
            const QString error = MessageCatalogue::validate(message.type, message.msg);
            QVERIFY2(error.isEmpty(),
                     qPrintable(MessageCatalogue::name(message.type) + QLatin1String(": ") + error));
        }
    }
}

void TestCatalogue::planContents() {
    LoginFacts facts = everythingDue(Role::OrgAdmin);
    facts.pending = PendingCounts{};
    facts.pending[PendingKind::Registration] = 3;
    facts.pending[PendingKind::DesktopRenew] = 1;
    facts.leases.append(lease(QStringLiteral("s2"), LeaseKind::Site, QStringLiteral("far-away-site"), 11));
    facts.leases.append(lease(QStringLiteral("s3"), LeaseKind::Site, QStringLiteral("lapsed-site"), -3));
    const QList<PlannedMessage> planned = LoginReminders::plan(facts, ExpiryRule(10), today);

    // Only the non-zero counts, with their values.
    QCOMPARE(typeNames(planned), QStringList({QStringLiteral("USER_REGISTER"),
                                              QStringLiteral("GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST")}) +
                                     leaseTypes);
    QCOMPARE(msgOf(planned, QStringLiteral("USER_REGISTER")).toInt(), 3);
    QCOMPARE(msgOf(planned, QStringLiteral("GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST")).toInt(), 1);

    // 11 days out is left out; the expired one is reported with a negative timeLeft.
    const QJsonValue sites = msgOf(planned, QStringLiteral("NORMAL_USER_SITE_LEASE_EXPIRED"));
    QCOMPARE(resourceNames(sites),
             QStringList({QStringLiteral("city-map-site"), QStringLiteral("lapsed-site")}));
    QCOMPARE(sites.toArray().at(0).toObject().value("timeLeft").toInt(), 3);
    QCOMPARE(sites.toArray().at(0).toObject().value("expireDate").toString(), TimeFormat::format(inDays(3)));
    QCOMPARE(sites.toArray().at(1).toObject().value("timeLeft").toInt(), -3);

    // The desktop lease sits exactly on the threshold.
    const QJsonValue desktops = msgOf(planned, QStringLiteral("NORMAL_USER_DESKTOP_LEASE_EXPIRED"));
    QCOMPARE(resourceNames(desktops), QStringList{QStringLiteral("gis-desktop-01")});
    QCOMPARE(desktops.toArray().at(0).toObject().value("timeLeft").toInt(), 10);

    // The site's ArcGIS licence is named file-version.
    QCOMPARE(resourceNames(msgOf(planned, QStringLiteral("NORMAL_USER_SITE_AGS_LICENSE_EXPIRED"))),
             QStringList{QStringLiteral("site-ags-10.8")});

    // A sysadmin's licences: the platform one as an object, ArcGIS ones as a list.
    const QList<PlannedMessage> admin =
        LoginReminders::plan(everythingDue(Role::Sysadmin), ExpiryRule(10), today);
    const QJsonValue platform = msgOf(admin, QStringLiteral("GISTACK_LICENCE_EXPIRED"));
    QVERIFY(platform.isObject());
    QCOMPARE(platform.toObject().value("timeLeft").toInt(), 5);
    QCOMPARE(platform.toObject().value("expireDate").toString(), TimeFormat::format(inDays(5)));
    QCOMPARE(resourceNames(msgOf(admin, QStringLiteral("ARCGIS_LICENCE_EXPIRED"))),
             QStringList{QStringLiteral("test-10.6.1")});
}

void TestCatalogue::planAgsOnlyFromSiteLeases() {
    LoginFacts facts;
    facts.user = User{QStringLiteral("u1"), QStringLiteral("U1"), QStringLiteral("org1"), Role::User};
    // A site far from expiry whose licence is due; a desktop whose (stray) licence is due.
    facts.leases = {lease(QStringLiteral("s1"), LeaseKind::Site, QStringLiteral("calm-site"), 60,
                          licence(QStringLiteral("site-ags"), QStringLiteral("10.6.1"), 2)),
                    lease(QStringLiteral("d1"), LeaseKind::Desktop, QStringLiteral("calm-desktop"), 60,
                          licence(QStringLiteral("desk-ags"), QStringLiteral("10.8"), 2)),
                    lease(QStringLiteral("s2"), LeaseKind::Site, QStringLiteral("no-licence-site"), 60)};
    // Sysadmin-only licences must not leak to a user.
    facts.gistackLicence = inDays(1);
    facts.arcgisLicences = {licence(QStringLiteral("test"), QStringLiteral("10.6.1"), 1)};

    const QList<PlannedMessage> planned = LoginReminders::plan(facts, ExpiryRule(10), today);
    QCOMPARE(typeNames(planned), QStringList{QStringLiteral("NORMAL_USER_SITE_AGS_LICENSE_EXPIRED")});
    QCOMPARE(resourceNames(planned.first().msg), QStringList{QStringLiteral("site-ags-10.6.1")});
}

void TestCatalogue::planNothingToSay() {
    const ExpiryRule rule(10);

    LoginFacts quietAdmin;
    quietAdmin.user = User{QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("org1"), Role::OrgAdmin};
    QVERIFY(LoginReminders::plan(quietAdmin, rule, today).isEmpty());

    LoginFacts quietRoot;
    quietRoot.user = User{QStringLiteral("r"), QStringLiteral("R"), QStringLiteral("org1"), Role::Sysadmin};
    QVERIFY(LoginReminders::plan(quietRoot, rule, today).isEmpty());
    // Licences beyond the threshold say nothing either.
    quietRoot.gistackLicence = inDays(11);
    quietRoot.arcgisLicences = {licence(QStringLiteral("test"), QStringLiteral("10.6.1"), 30)};
    QVERIFY(LoginReminders::plan(quietRoot, rule, today).isEmpty());

    LoginFacts quietUser;
    quietUser.user = User{QStringLiteral("u"), QStringLiteral("U"), QStringLiteral("org1"), Role::User};
    QVERIFY(LoginReminders::plan(quietUser, rule, today).isEmpty());
    quietUser.leases = {lease(QStringLiteral("s1"), LeaseKind::Site, QStringLiteral("site"), 11,
                              licence(QStringLiteral("ags"), QStringLiteral("1"), 11)),
                        lease(QStringLiteral("d1"), LeaseKind::Desktop, QStringLiteral("desk"), 11)};
    QVERIFY(LoginReminders::plan(quietUser, rule, today).isEmpty());
}

void TestCatalogue::timeFormatParse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("wire") << QStringLiteral("2024-03-05 09:07:03")
                          << QDateTime(QDate(2024, 3, 5), QTime(9, 7, 3));
    QTest::newRow("bare date is midnight")
        << QStringLiteral("2024-03-05") << QDateTime(QDate(2024, 3, 5), QTime(0, 0));
    QTest::newRow("ISO local") << QStringLiteral("2024-03-05T09:07:03")
                               << QDateTime(QDate(2024, 3, 5), QTime(9, 7, 3));
    QTest::newRow("ISO UTC") << QStringLiteral("2024-03-05T09:07:03Z")
                             << QDateTime(QDate(2024, 3, 5), QTime(9, 7, 3), Qt::UTC);
    QTest::newRow("ISO offset") << QStringLiteral("2024-03-05T09:07:03+08:00")
                                << QDateTime(QDate(2024, 3, 5), QTime(1, 7, 3), Qt::UTC);
    QTest::newRow("garbage") << QStringLiteral("next tuesday") << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("impossible") << QStringLiteral("2024-02-30 10:00:00") << QDateTime();
}

void TestCatalogue::timeFormatParse() {
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = TimeFormat::parse(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected); // the same instant
        // What goes back on the wire is always server local time in the one format.
        QCOMPARE(TimeFormat::format(parsed), expected.toLocalTime().toString("yyyy-MM-dd HH:mm:ss"));
    }
}

void TestCatalogue::timeFormatWireOnly() {
    const QDateTime time(QDate(2024, 12, 31), QTime(23, 59, 59));
    QCOMPARE(TimeFormat::format(time), QStringLiteral("2024-12-31 23:59:59"));
    QCOMPARE(TimeFormat::parseWire(TimeFormat::format(time)), time);
    QVERIFY(!TimeFormat::parseWire(QStringLiteral("2024-12-31")).isValid());
    QVERIFY(!TimeFormat::parseWire(QStringLiteral("2024-12-31T23:59:59")).isValid());
}

} // namespace gistack

QTEST_GUILESS_MAIN(gistack::TestCatalogue)
#include "tst_catalogue.moc"
