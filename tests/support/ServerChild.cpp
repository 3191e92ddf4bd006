#include "ServerChild.h"

#include "TestServer.h"
#include "net/TokenVerifier.h"
#include "time/Clock.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

namespace gistack::test {

ServerChild::ServerChild(QString databasePath)
    : m_database(std::move(databasePath))
    , m_env(QProcessEnvironment::systemEnvironment()) {
    m_env.insert("GISTACK_JWT_SECRET", TestServer::jwtSecret);
    m_env.insert("GISTACK_API_KEY", TestServer::apiKey);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ServerChild::~ServerChild() {
    if (isRunning()) {
        kill();
        m_process.waitForFinished(5000);
    }
}

QString ServerChild::binary() {
    return qEnvironmentVariable("GISTACK_SERVER_BIN");
}

bool ServerChild::start(int timeoutMs) {
    m_output.clear();
    m_port = 0;
    m_process.setProcessEnvironment(m_env);
    m_process.start(binary(), QStringList{"--port", "0", "--database", m_database} + m_arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        qWarning() << "cannot start" << binary() << m_process.errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on https?://[^:]+:(\\d+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && isRunning()) {
        QTest::qWait(20);
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output()));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return true;
        }
    }
    qWarning() << "gistack-server did not start:" << output();
    return false;
}

void ServerChild::terminate() {
    ::kill(pid_t(pid()), SIGTERM);
}

void ServerChild::kill() {
    ::kill(pid_t(pid()), SIGKILL);
}

bool ServerChild::waitForExit(int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (isRunning() && !deadline.hasExpired())
        QTest::qWait(5);
    output();
    return !isRunning();
}

QByteArray ServerChild::output() {
    m_output += m_process.readAll();
    return m_output;
}

QUrl ServerChild::httpUrl() const {
    QUrl url(QStringLiteral("http://127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QUrl ServerChild::wsUrl(const QString &token) const {
    QUrl url(QStringLiteral("ws://127.0.0.1/ws"));
    url.setPort(m_port);
    url.setQuery(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(token)));
    return url;
}

QString ServerChild::tokenFor(const QString &userId, qint64 ttlSeconds) const {
    SystemClock clock;
    return TokenVerifier(QByteArray(TestServer::jwtSecret), clock).issue(userId, ttlSeconds);
}

int ServerChild::openDescriptors() const {
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid()))
                   .entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot)
                   .size());
}

qint64 ServerChild::residentKiB() const {
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace gistack::test
