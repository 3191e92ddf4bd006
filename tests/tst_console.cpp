// The console over a real embedded server (loopback, real SQLite file): live pending table and
// dashboard, Approve/Reject through the service's decide methods, the message log, online users,
// licences, settings that move the port without losing data, translations, and every model
// checked by QAbstractItemModelTester while all of this happens.
#include "support/ConsoleFixture.h"
#include "support/FrameCheck.h"
#include "support/WsClient.h"

#include "ActivityMonitor.h"
#include "CountTile.h"
#include "DashboardView.h"
#include "DisplayNames.h"
#include "LicencesView.h"
#include "MainWindow.h"
#include "MessageLogView.h"
#include "OnlineUsersView.h"
#include "PendingView.h"
#include "SettingsView.h"
#include "models/LicencesModel.h"
#include "models/MessageLogModel.h"
#include "models/OnlineUsersModel.h"
#include "models/PendingCountsModel.h"
#include "models/PendingRequestsModel.h"
#include "server/NotifyServer.h"
#include "service/NotificationService.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTest>
#include <QXmlStreamReader>

using namespace gistack;
using namespace gistack::test;

namespace {

QString typeName(MessageType type) {
    return MessageCatalogue::name(type);
}

// Selects the given proxy rows of a table view, replacing the selection.
void selectRows(QTableView *table, const QList<int> &rows) {
    QItemSelection selection;
    for (int row : rows)
        selection.select(table->model()->index(row, 0),
                         table->model()->index(row, table->model()->columnCount() - 1));
    table->selectionModel()->select(selection,
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

int tile(MainWindow &window, PendingKind kind) {
    return window.dashboard()->tile(int(kind))->value();
}

} // namespace

class TestConsole : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ConsoleFixture> m_console;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    std::unique_ptr<WsClient> login(const QString &userId) {
        auto client = std::make_unique<WsClient>();
        if (!client->open(m_console->wsUrl(userId)))
            return nullptr;
        client->settle(300);
        client->clearFrames();
        return client;
    }

    void watchModels() {
        // Every model and every proxy a view puts over one is checked on each change.
        MainWindow &window = m_console->window();
        QList<QAbstractItemModel *> models = {
            &m_console->context().pendingCounts(), &m_console->context().pendingRequests(),
            &m_console->context().messageLog(),    &m_console->context().onlineUsers(),
            &m_console->context().licences(),      window.pending()->table()->model(),
            window.messages()->table()->model(),   window.onlineUsers()->table()->model()};
        for (QAbstractItemModel *model : models)
            m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
                model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

private slots:
    void init() {
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
        watchModels();
        m_console->window().show();
        QVERIFY(m_console->addOrg("org-a", "Org A"));
        QVERIFY(m_console->addOrg("org-b", "Org B"));
        QVERIFY(m_console->addUser("admin-a", "org-a", "orgadmin"));
        QVERIFY(m_console->addUser("admin-b", "org-b", "orgadmin"));
        QVERIFY(m_console->addUser("alice", "org-a", "user", "Alice"));
        QVERIFY(m_console->addUser("bert", "org-b", "user", "Bert"));
    }

    void cleanup() {
        m_testers.clear();
        m_console.reset();
    }

    void requestThroughApiShowsInPendingTableAndDashboard() {
        MainWindow &window = m_console->window();
        QTableView *table = window.pending()->table();
        QCOMPARE(table->model()->rowCount(), 0);
        QCOMPARE(tile(window, PendingKind::WebsiteApply), 0);

        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "flood-portal").isEmpty());
        // Live, without a refresh: the API's 201 means the signal has already fired.
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(tile(window, PendingKind::WebsiteApply), 1);
        const QAbstractItemModel *model = table->model();
        QCOMPARE(model->index(0, PendingRequestsModel::WhoColumn).data().toString(),
                 QString("Alice (alice)"));
        QCOMPARE(model->index(0, PendingRequestsModel::OrgColumn).data().toString(), QString("Org A"));
        QCOMPARE(model->index(0, PendingRequestsModel::KindColumn).data().toString(),
                 DisplayNames::pendingKind(PendingKind::WebsiteApply));
        QCOMPARE(model->index(0, PendingRequestsModel::ResourceColumn).data().toString(),
                 QString("flood-portal"));

        QVERIFY(!m_console->submitRegistration("carol", "org-b", "Carol").isEmpty());
        QVERIFY(!m_console->submitRequest("bert", "desktop", "renew", "desk-9").isEmpty());
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(tile(window, PendingKind::Registration), 1);
        QCOMPARE(tile(window, PendingKind::DesktopRenew), 1);

        // The dashboard's organisation choice narrows the counts.
        QComboBox *org = window.dashboard()->orgChooser();
        org->setCurrentIndex(m_console->context().pendingCounts().rowOf("org-a"));
        QCOMPARE(tile(window, PendingKind::WebsiteApply), 1);
        QCOMPARE(tile(window, PendingKind::Registration), 0);
        QCOMPARE(tile(window, PendingKind::DesktopRenew), 0);
        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "second-portal").isEmpty());
        QCOMPARE(tile(window, PendingKind::WebsiteApply), 2);
    }

    void filtersNarrowThePendingTable() {
        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "a1").isEmpty());
        QVERIFY(!m_console->submitRequest("alice", "desktop", "apply", "a2").isEmpty());
        QVERIFY(!m_console->submitRequest("bert", "website", "apply", "b1").isEmpty());
        QVERIFY(!m_console->submitRegistration("carol", "org-a", "Carol").isEmpty());
        PendingView *view = m_console->window().pending();
        QTableView *table = view->table();
        QCOMPARE(table->model()->rowCount(), 4);

        view->orgFilter()->setCurrentIndex(m_console->context().pendingCounts().rowOf("org-a"));
        QCOMPARE(table->model()->rowCount(), 3);
        view->kindFilter()->setCurrentIndex(view->kindFilter()->findData(int(PendingKind::WebsiteApply)));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, PendingRequestsModel::ResourceColumn).data().toString(),
                 QString("a1"));
        view->orgFilter()->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 2);
        view->kindFilter()->setCurrentIndex(view->kindFilter()->findData(int(PendingKind::Registration)));
        QCOMPARE(table->model()->rowCount(), 1);
        view->kindFilter()->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 4);
    }

    void approveSendsResultFrameAndCountDrops() {
        MainWindow &window = m_console->window();
        auto alice = login("alice");
        auto admin = login("admin-a");
        QVERIFY(alice && admin);
        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "flood-portal").isEmpty());
        QVERIFY(admin->waitForFrames(1));
        QCOMPARE(tile(window, PendingKind::WebsiteApply), 1);

        PendingView *pending = window.pending();
        QStringList asked;
        pending->setConfirmation([&asked](bool approve, const QStringList &items, const QStringList &orgIds) {
            asked = items;
            return approve && orgIds == QStringList{"org-a"} ? QString("admin-a") : QString();
        });
        selectRows(pending->table(), {0});
        QVERIFY(pending->approveButton()->isEnabled());
        QSignalSpy decided(pending, &PendingView::decided);
        QTest::mouseClick(pending->approveButton(), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY(decided.wait(5000));
        QCOMPARE(decided.at(0).at(0).toInt(), 1);
        QVERIFY(decided.at(0).at(1).toStringList().isEmpty());

        // The applicant gets the very frame the API's decision endpoint sends.
        QVERIFY(alice->waitForFrames(1));
        VERIFY_ENVELOPE(alice->rawFrames().at(0), typeName(MessageType::WebsiteApplyPassed), "alice",
                        QJsonValue("flood-portal"));
        // The org admin gets the new count, and the console's count drops.
        QVERIFY(admin->waitForFrames(2));
        VERIFY_ENVELOPE(admin->rawFrames().at(1), typeName(MessageType::WebsiteApplyRequest), "admin-a", 0);
        QCOMPARE(tile(window, PendingKind::WebsiteApply), 0);
        QCOMPARE(pending->table()->model()->rowCount(), 0);
        QCOMPARE(m_console->settings().adminId(), QString("admin-a"));

        // The message log shows the result frame, with its pretty JSON on selection.
        MessageLogView *log = window.messages();
        QAbstractItemModel *rows = log->table()->model();
        const QString passed = typeName(MessageType::WebsiteApplyPassed);
        int found = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int i = 0; i < rows->rowCount(); ++i) {
                    if (rows->index(i, MessageLogModel::TypeColumn).data().toString() == passed &&
                        rows->index(i, MessageLogModel::DeliveryColumn).data().toString() ==
                            DisplayNames::delivery(DeliveryState::Delivered))
                        found = i;
                }
                return found >= 0;
            }(),
            5000);
        QCOMPARE(rows->index(found, MessageLogModel::RecipientsColumn).data().toString(), QString("alice"));
        log->table()->setCurrentIndex(rows->index(found, 0));
        const QJsonObject shown = QJsonDocument::fromJson(log->details()->toPlainText().toUtf8()).object();
        QCOMPARE(shown.value("type").toString(), passed);
        QCOMPARE(shown.value("msg").toString(), QString("flood-portal"));
        QCOMPARE(shown.value("userId").toArray(), QJsonArray{"alice"});
        QVERIFY(log->details()->toPlainText().contains("\n    \"")); // indented
    }

    void rejectSeveralAtOnceAndQueueForOfflineApplicant() {
        const QString r1 = m_console->submitRequest("alice", "desktop", "apply", "desk-1");
        const QString r2 = m_console->submitRequest("alice", "website", "renew", "site-2");
        QVERIFY(!m_console->submitRegistration("dora", "org-a", "Dora").isEmpty());
        PendingView *pending = m_console->window().pending();
        QCOMPARE(pending->table()->model()->rowCount(), 3);
        pending->setConfirmation(
            [](bool, const QStringList &, const QStringList &) { return QString("admin-a"); });
        selectRows(pending->table(), {0, 1, 2});
        QSignalSpy decided(pending, &PendingView::decided);
        QTest::mouseClick(pending->rejectButton(), Qt::LeftButton);
        QVERIFY(decided.wait(5000));
        QCOMPARE(decided.at(0).at(0).toInt(), 3);
        QCOMPARE(pending->table()->model()->rowCount(), 0);
        QCOMPARE(m_console->context().pendingCounts().total(), 0);

        // Alice was offline: both results wait for her next login, oldest first.
        auto alice = std::make_unique<WsClient>();
        QVERIFY(alice->open(m_console->wsUrl("alice")));
        QVERIFY(alice->waitForFrames(2));
        QStringList types = alice->types();
        QVERIFY(types.contains(typeName(MessageType::DesktopApplyRejected)));
        QVERIFY(types.contains(typeName(MessageType::WebsiteRenewRejected)));
        Q_UNUSED(r1);
        Q_UNUSED(r2);
    }

    void cancelledConfirmationDecidesNothing() {
        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "keep-me").isEmpty());
        PendingView *pending = m_console->window().pending();
        pending->setConfirmation([](bool, const QStringList &, const QStringList &) { return QString(); });
        selectRows(pending->table(), {0});
        QTest::mouseClick(pending->approveButton(), Qt::LeftButton);
        QTest::qWait(200);
        QCOMPARE(pending->table()->model()->rowCount(), 1);
        QCOMPARE(m_console->context().pendingCounts().total(), 1);
    }

    void adminOfAnotherOrgIsRefusedAndItemStays() {
        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "guarded").isEmpty());
        PendingView *pending = m_console->window().pending();
        pending->setConfirmation(
            [](bool, const QStringList &, const QStringList &) { return QString("admin-b"); });
        selectRows(pending->table(), {0});
        QSignalSpy decided(pending, &PendingView::decided);
        QTest::mouseClick(pending->approveButton(), Qt::LeftButton);
        QVERIFY(decided.wait(5000));
        QCOMPARE(decided.at(0).at(0).toInt(), 0);
        QCOMPARE(decided.at(0).at(1).toStringList().size(), 1);
        QVERIFY(decided.at(0).at(1).toStringList().first().contains("admin-b"));
        QCOMPARE(pending->table()->model()->rowCount(), 1);
    }

    void decisionThroughApiAlsoLeavesTheTable() {
        const QString id = m_console->submitRequest("alice", "website", "apply", "via-api");
        QCOMPARE(m_console->window().pending()->table()->model()->rowCount(), 1);
        const ApiResult result = m_console->api().post(
            "/api/v1/requests/" + id + "/decision", QJsonObject{{"approved", true}, {"adminId", "admin-a"}});
        QCOMPARE(result.status, 200);
        QCOMPARE(m_console->window().pending()->table()->model()->rowCount(), 0);
        QCOMPARE(tile(m_console->window(), PendingKind::WebsiteApply), 0);
    }

    void onlineUsersFollowConnections() {
        OnlineUsersModel &users = m_console->context().onlineUsers();
        QCOMPARE(users.rowCount(), 0);
        auto tab1 = login("alice");
        auto tab2 = login("alice");
        auto bert = login("bert");
        QVERIFY(tab1 && tab2 && bert);
        QTRY_COMPARE(users.rowCount(), 2);
        const int row = users.rowOf("alice");
        QVERIFY(row >= 0);
        QCOMPARE(users.index(row, OnlineUsersModel::ConnectionsColumn).data().toInt(), 2);
        QCOMPARE(users.index(row, OnlineUsersModel::AddressColumn).data().toString(), QString("127.0.0.1"));
        QVERIFY(!users.index(row, OnlineUsersModel::SinceColumn).data().toString().isEmpty());
        QCOMPARE(m_console->context().activity().onlineUsers(), 2);
        QCOMPARE(m_console->context().activity().connections(), 3);

        tab1->close();
        QTRY_COMPARE(users.index(users.rowOf("alice"), OnlineUsersModel::ConnectionsColumn).data().toInt(),
                     1);
        tab2->close();
        bert->close();
        QTRY_COMPARE(users.rowCount(), 0);
        QTRY_COMPARE(m_console->context().activity().connections(), 0);
    }

    void messagesPerMinuteCountsSentMessages() {
        auto admin = login("admin-a");
        QVERIFY(admin);
        const int before = m_console->context().activity().messagesLastMinute();
        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "p1").isEmpty());
        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "p2").isEmpty());
        // Counted as the pushes go out, which follows the commit.
        QTRY_COMPARE(m_console->context().activity().messagesLastMinute(), before + 2);
    }

    void licencesShowDaysLeftAndHighlightWithinThreshold() {
        const QDateTime now = m_console->clock().now();
        const auto at = [&](int days) {
            return QDateTime(now.date().addDays(days), QTime(12, 0)).toString("yyyy-MM-dd HH:mm:ss");
        };
        QCOMPARE(m_console->api().put("/api/v1/licences/gistack", QJsonObject{{"expireDate", at(30)}}).status,
                 200);
        QCOMPARE(m_console->api()
                     .put("/api/v1/licences/arcgis/ags-1",
                          QJsonObject{{"fileName", "test"}, {"version", "10.6.1"}, {"expireDate", at(10)}})
                     .status,
                 200);
        QCOMPARE(m_console->api()
                     .put("/api/v1/leases/l-1",
                          QJsonObject{{"userId", "alice"},
                                      {"kind", "site"},
                                      {"resourceName", "city-site"},
                                      {"expireDate", at(11)},
                                      {"arcgisLicence", QJsonObject{{"fileName", "site-ags"},
                                                                    {"version", "10.8"},
                                                                    {"expireDate", at(-2)}}}})
                     .status,
                 200);
        LicencesModel &licences = m_console->context().licences();
        QTRY_COMPARE(licences.rowCount(), 4);
        QHash<QString, int> rowOf;
        for (int i = 0; i < licences.rowCount(); ++i)
            rowOf.insert(licences.index(i, LicencesModel::ResourceColumn).data().toString(), i);
        const auto due = [&](const QString &resource) {
            return licences.index(rowOf.value(resource), 0).data(LicencesModel::DueRole).toBool();
        };
        const auto left = [&](const QString &resource) {
            return licences.index(rowOf.value(resource), 0).data(LicencesModel::DaysLeftRole).toInt();
        };
        QCOMPARE(left("GIStack"), 30);
        QCOMPARE(left("test-10.6.1"), 10);
        QCOMPARE(left("city-site"), 11);
        QCOMPARE(left("site-ags-10.8"), -2);
        QVERIFY(!due("GIStack"));
        QVERIFY(due("test-10.6.1")); // 10 days: inside the default threshold
        QVERIFY(!due("city-site"));  // 11 days: outside
        QVERIFY(due("site-ags-10.8"));
        QVERIFY(licences.index(rowOf.value("test-10.6.1"), 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!licences.index(rowOf.value("GIStack"), 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(licences.dueCount(), 2);

        // Edits from the console go through the service, like the API's PUT and DELETE.
        QSignalSpy reloaded(&licences, &LicencesModel::reloaded);
        bool removed = false;
        m_console->host().server()->service().removeArcgisLicence(
            "ags-1", [&](const Outcome &o) { removed = o.ok(); });
        QVERIFY(reloaded.wait(5000));
        QVERIFY(removed);
        QCOMPARE(licences.rowCount(), 3);

        // A wider threshold from Settings highlights more, at once.
        ServerConfig config = m_console->host().config();
        config.thresholdDays = 40;
        QVERIFY(m_console->host().apply(config));
        QCOMPARE(licences.dueCount(), 3);
        QCOMPARE(m_console->host().server()->service().expiryRule().thresholdDays(), 40);
    }

    void newPortRestartsListenerKeepingDataAndConnections() {
        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "survives").isEmpty());
        auto alice = login("alice");
        QVERIFY(alice);
        NotifyServer *before = m_console->host().server();
        const quint16 oldPort = quint16(m_console->host().url().port());

        SettingsView *settings = m_console->window().settings();
        // A free port: bind one, remember it, let it go.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 newPort = probe.serverPort();
        probe.close();
        settings->portField()->setValue(newPort);
        QVERIFY2(settings->apply(), qPrintable(settings->resultLabel()->text()));
        QCOMPARE(quint16(m_console->host().url().port()), newPort);
        QVERIFY(newPort != oldPort);
        QCOMPARE(m_console->host().server(), before); // same server, same data
        QVERIFY(m_console->window().statusLabel()->text().contains(QString::number(newPort)));

        // The API answers on the new port with the data kept; the open socket stayed.
        const ApiResult stats = m_console->api().get("/api/v1/stats");
        QCOMPARE(stats.status, 200);
        QCOMPARE(
            stats.json().value("pending").toObject().value("org-a").toObject().value("websiteApply").toInt(),
            1);
        QVERIFY(alice->isOpen());
        QCOMPARE(m_console->window().pending()->table()->model()->rowCount(), 1);
        QCOMPARE(m_console->settings().load().port, newPort);
    }

    void secretsAreMaskedAndShortOnesRefused() {
        SettingsView *settings = m_console->window().settings();
        QCOMPARE(settings->jwtSecretField()->echoMode(), QLineEdit::Password);
        QCOMPARE(settings->apiKeyField()->echoMode(), QLineEdit::Password);
        settings->apiKeyField()->setText("short");
        QVERIFY(!settings->apply());
        QVERIFY(m_console->host().isRunning());
    }

    void newSecretRestartsServerAndModelsFollow() {
        QVERIFY(!m_console->submitRequest("alice", "website", "apply", "kept").isEmpty());
        // The old server is gone before the new one is made, so compare events, not addresses.
        QSignalSpy replaced(&m_console->host(), &ServerHost::serverChanged);
        ServerConfig config = m_console->host().config();
        config.jwtSecret = "another-jwt-secret-0123456789";
        QVERIFY(m_console->host().apply(config));
        QCOMPARE(replaced.size(), 2); // removed, then the new one
        QVERIFY(replaced.last().at(0).value<NotifyServer *>() != nullptr);
        QCOMPARE(m_console->host().server(), replaced.last().at(0).value<NotifyServer *>());
        // The models re-attached and reloaded from the same database file.
        QTRY_COMPARE(m_console->window().pending()->table()->model()->rowCount(), 1);
        QTRY_COMPARE(m_console->context().pendingCounts().total(), 1);
        QVERIFY(!m_console->submitRequest("alice", "desktop", "apply", "after").isEmpty());
        QCOMPARE(m_console->context().pendingCounts().total(), 2);
    }

    void chineseTranslationLoadsAndCoversEveryString() {
        QVERIFY(m_console->language().setLanguage("zh_CN"));
        QCOMPARE(m_console->language().effectiveLanguage(), QString("zh_CN"));
        QCOMPARE(DisplayNames::pendingKind(PendingKind::Registration), QString::fromUtf8("注册"));
        MainWindow fresh(m_console->context(), m_console->settings(), m_console->language());
        QCOMPARE(fresh.pending()
                     ->table()
                     ->model()
                     ->headerData(PendingRequestsModel::KindColumn, Qt::Horizontal)
                     .toString(),
                 QString::fromUtf8("类型"));
        QVERIFY(m_console->language().setLanguage("en"));
        QCOMPARE(DisplayNames::pendingKind(PendingKind::Registration), QString("Registration"));

        // Both .ts files translate every message: nothing unfinished, nothing empty.
        for (const QString &language : {QString("zh_CN"), QString("en")}) {
            QFile ts(QString(GISTACK_SOURCE_DIR) + "/translations/gistack_" + language + ".ts");
            QVERIFY(ts.open(QIODevice::ReadOnly));
            QXmlStreamReader xml(&ts);
            int messages = 0;
            QStringList missing;
            QString source;
            while (!xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("source")) {
                    source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    ++messages;
                    const bool unfinished = xml.attributes().value("type") == QLatin1String("unfinished");
                    const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                    if (unfinished || text.trimmed().isEmpty())
                        missing.append(source);
                }
            }
            QVERIFY(messages > 150);
            QVERIFY2(missing.isEmpty(), qPrintable(language + ": " + missing.join(" | ")));
        }
    }

    void headlessConsoleRunsTheServer() {
        const QString binary = qEnvironmentVariable("GISTACK_CONSOLE_BIN");
        if (binary.isEmpty())
            QSKIP("GISTACK_CONSOLE_BIN not set (run through ctest)");
        QTemporaryDir dir;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
        env.remove("QT_QPA_PLATFORM"); // --headless must not need any platform plugin
        env.insert("GISTACK_JWT_SECRET", "headless-jwt-secret-0123");
        env.insert("GISTACK_API_KEY", "headless-api-key-012345");
        env.insert("GISTACK_DATABASE", dir.filePath("h.db"));
        env.insert("GISTACK_PORT", "0");
        process.setProcessEnvironment(env);
        process.start(binary, {"--headless"});
        QVERIFY(process.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("listening on"), 10000);
        const QString url = QString::fromUtf8(out).section("listening on ", 1).trimmed();
        ApiClient api{QUrl(url), "headless-api-key-012345"};
        QCOMPARE(api.get("/healthz").status, 200);
        QCOMPARE(api.get("/api/v1/stats").status, 200);
        process.terminate();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
