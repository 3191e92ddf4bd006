#include "NodeProcess.h"

#include "net/TokenVerifier.h"
#include "time/Clock.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

namespace gistack::test {

NodeProcess::NodeProcess(QString name, QString databaseUrl)
    : m_name(std::move(name))
    , m_databaseUrl(std::move(databaseUrl)) {
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

NodeProcess::~NodeProcess() {
    stop();
}

bool NodeProcess::start(int timeoutMs) {
    const QString binary = qEnvironmentVariable("GISTACK_SERVER_BIN");
    if (binary.isEmpty()) {
        qWarning() << "GISTACK_SERVER_BIN is not set";
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The URL with its password goes in the environment, never on a command line.
    env.insert(QStringLiteral("GISTACK_DATABASE"), m_databaseUrl);
    env.insert(QStringLiteral("GISTACK_JWT_SECRET"), QString::fromLatin1(jwtSecret));
    env.insert(QStringLiteral("GISTACK_API_KEY"), QString::fromLatin1(apiKey));
    env.insert(QStringLiteral("GISTACK_BIND"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("GISTACK_PORT"), QStringLiteral("0"));
    m_process.setProcessEnvironment(env);
    m_output.clear();
    m_process.start(binary, {});
    if (!m_process.waitForStarted(5000)) {
        qWarning() << m_name << "did not start:" << m_process.errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output()));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            QUrl base = baseUrl();
            m_api = std::make_unique<ApiClient>(base, QByteArray(apiKey));
            return true;
        }
        QTest::qWait(20);
    }
    qWarning().noquote() << m_name << "did not come up:" << QString::fromUtf8(output());
    return false;
}

void NodeProcess::kill() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(5000);
}

void NodeProcess::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000))
        kill();
}

QByteArray NodeProcess::output() {
    m_output += m_process.readAll();
    return m_output;
}

QUrl NodeProcess::baseUrl() const {
    QUrl url(QStringLiteral("http://127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QString NodeProcess::tokenFor(const QString &userId) {
    SystemClock clock;
    return TokenVerifier(QByteArray(jwtSecret), clock).issue(userId, 3600);
}

QUrl NodeProcess::wsUrl(quint16 port, const QString &userId) {
    QUrl url(QStringLiteral("ws://127.0.0.1/ws"));
    url.setPort(port);
    url.setQuery(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(tokenFor(userId))));
    return url;
}

QUrl NodeProcess::wsUrl(const QString &userId) const {
    return wsUrl(m_port, userId);
}

} // namespace gistack::test
