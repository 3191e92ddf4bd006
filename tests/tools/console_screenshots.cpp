// Takes a screenshot of each main view of the console for docs/: the real MainWindow over a
// real embedded server with sample data, shown on the display it runs on (Xvfb in the docs'
// recipe) and read back from that display.
//   xvfb-run -a -s "-screen 0 1280x800x24" build/bin/console_screenshots docs [en|zh_CN]
#include "support/ConsoleFixture.h"
#include "support/WsClient.h"

#include "MainWindow.h"
#include "MessageLogView.h"
#include "PendingView.h"
#include "server/NotifyServer.h"
#include "service/NotificationService.h"

#include <QApplication>
#include <QDir>
#include <QJsonObject>
#include <QScreen>
#include <QTableView>
#include <QTest>

using namespace gistack;
using namespace gistack::test;

namespace {

QString at(const QDateTime &now, int days) {
    return QDateTime(now.date().addDays(days), QTime(23, 59, 59)).toString("yyyy-MM-dd HH:mm:ss");
}

void seed(ConsoleFixture &console) {
    console.addOrg("survey-bureau", QString::fromUtf8("Survey Bureau"));
    console.addOrg("planning-office", QString::fromUtf8("Planning Office"));
    console.addUser("li.na", "survey-bureau", "orgadmin", "Li Na");
    console.addUser("wang.wei", "survey-bureau", "user", "Wang Wei");
    console.addUser("zhang.min", "survey-bureau", "user", "Zhang Min");
    console.addUser("chen.jie", "planning-office", "orgadmin", "Chen Jie");
    console.addUser("zhao.lei", "planning-office", "user", "Zhao Lei");
    console.addUser("root", "survey-bureau", "sysadmin", "Platform Admin");
    const QDateTime now = console.clock().now();
    ApiClient &api = console.api();
    api.put("/api/v1/licences/gistack", QJsonObject{{"expireDate", at(now, 45)}});
    api.put("/api/v1/licences/arcgis/ags-1",
            QJsonObject{{"fileName", "test"}, {"version", "10.6.1"}, {"expireDate", at(now, 6)}});
    api.put("/api/v1/licences/arcgis/ags-2",
            QJsonObject{{"fileName", "enterprise"}, {"version", "10.8"}, {"expireDate", at(now, 200)}});
    api.put("/api/v1/leases/lease-1",
            QJsonObject{
                {"userId", "wang.wei"},
                {"kind", "site"},
                {"resourceName", "city-map-site"},
                {"expireDate", at(now, 3)},
                {"arcgisLicence",
                 QJsonObject{{"fileName", "site-ags"}, {"version", "10.6.1"}, {"expireDate", at(now, -1)}}}});
    api.put("/api/v1/leases/lease-2", QJsonObject{{"userId", "zhang.min"},
                                                  {"kind", "desktop"},
                                                  {"resourceName", "gis-desktop-07"},
                                                  {"expireDate", at(now, 30)}});
    api.put("/api/v1/leases/lease-3", QJsonObject{{"userId", "zhao.lei"},
                                                  {"kind", "desktop"},
                                                  {"resourceName", "gis-desktop-12"},
                                                  {"expireDate", at(now, 9)}});
    console.submitRegistration("liu.yang", "survey-bureau", "Liu Yang");
    console.submitRegistration("sun.li", "planning-office", "Sun Li");
    console.submitRequest("wang.wei", "website", "apply", "flood-risk-portal");
    console.submitRequest("zhang.min", "desktop", "renew", "gis-desktop-07");
    console.submitRequest("zhao.lei", "website", "renew", "zoning-viewer");
    console.submitRequest("zhao.lei", "desktop", "apply", "gis-desktop-15");
    const QString decided = console.submitRequest("wang.wei", "desktop", "apply", "gis-desktop-03");
    console.host().server()->service().decideRequest(decided, true, "li.na", [](const Outcome &) {});
}

void save(MainWindow &window, const QString &path) {
    QTest::qWait(400);
    QPixmap shot = window.screen()->grabWindow(window.winId());
    if (shot.isNull() || shot.width() < 100)
        shot = window.grab(); // platforms that cannot read the screen back
    if (!shot.save(path))
        qWarning() << "could not save" << path;
    else
        qInfo().noquote() << "wrote" << path << shot.size();
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString outDir = args.value(1, QStringLiteral("docs"));
    const QString language = args.value(2, QStringLiteral("en"));
    QDir().mkpath(outDir);

    ConsoleFixture console;
    if (!console.start())
        return 1;
    console.language().setLanguage(language);
    seed(console);
    std::vector<std::unique_ptr<WsClient>> browsers;
    for (const char *user : {"li.na", "li.na", "wang.wei", "zhang.min", "chen.jie", "root"}) {
        auto browser = std::make_unique<WsClient>();
        browser->open(console.wsUrl(QString::fromLatin1(user)));
        browsers.push_back(std::move(browser));
    }
    QTest::qWait(800);

    MainWindow &window = console.window();
    window.resize(1180, 700);
    window.show();
    QTest::qWaitForWindowExposed(&window);
    const QString suffix = language == QLatin1String("en") ? QString() : QLatin1Char('-') + language;
    const struct {
        MainWindow::Page page;
        const char *name;
    } pages[] = {{MainWindow::DashboardPage, "dashboard"}, {MainWindow::PendingPage, "pending"},
                 {MainWindow::MessagesPage, "messages"},   {MainWindow::OnlineUsersPage, "online-users"},
                 {MainWindow::LicencesPage, "licences"},   {MainWindow::SettingsPage, "settings"}};
    for (const auto &page : pages) {
        window.showPage(page.page);
        if (page.page == MainWindow::MessagesPage) {
            QTableView *table = window.messages()->table();
            table->setCurrentIndex(table->model()->index(0, 0));
        }
        if (page.page == MainWindow::PendingPage)
            window.pending()->table()->selectRow(0);
        save(window, QStringLiteral("%1/console-%2%3.png").arg(outDir, QLatin1String(page.name), suffix));
    }
    return 0;
}
