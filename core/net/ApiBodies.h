#pragma once

#include "domain/Entities.h"

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>
#include <QUrlQuery>

namespace gistack {

// A validated API input, or the one reason it was refused (answered 400).
template <typename T> struct Parsed {
    T value{};
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// The HTTP API's request bodies, checked and turned into values: everything a client can get
// wrong is found here, before the service or the database see it. Pure, so it can be fuzzed.
class ApiBodies {
public:
    struct RegistrationInput {
        QString userId;
        QString orgId;
        QString name;
    };
    struct RequestInput {
        QString userId;
        ResourceKind kind = ResourceKind::Website;
        RequestAction action = RequestAction::Apply;
        QString resourceName;
    };
    struct DecisionInput {
        bool approved = false;
        QString adminId;
    };
    struct PublishInput {
        QStringList userIds; // without duplicates
        MessageType type = MessageType::UserRegister;
        QJsonValue msg;
    };
    struct HistoryQuery {
        QString userId; // empty: every user
        int limit = 50;
    };

    static constexpr int maxRecipients = 100000;
    static constexpr int maxHistory = 1000;

    static Parsed<Org> org(const QString &id, const QByteArray &body);
    static Parsed<User> user(const QString &id, const QByteArray &body);
    static Parsed<QDateTime> gistackLicence(const QByteArray &body);
    static Parsed<ArcgisLicence> arcgisLicence(const QString &id, const QByteArray &body);
    static Parsed<Lease> lease(const QString &id, const QByteArray &body);
    static Parsed<RegistrationInput> registration(const QByteArray &body);
    static Parsed<RequestInput> request(const QByteArray &body);
    static Parsed<DecisionInput> decision(const QByteArray &body);
    static Parsed<PublishInput> publish(const QByteArray &body);
    static Parsed<HistoryQuery> history(const QUrlQuery &query);
};

} // namespace gistack
