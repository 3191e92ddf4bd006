#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QTest>

namespace gistack::test {

QProcessEnvironment ServerProcess::cleanEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("GISTACK_")) || key == QLatin1String("QT_LOGGING_RULES") ||
            key == QLatin1String("QT_MESSAGE_PATTERN") || key == QLatin1String("QT_LOGGING_CONF"))
            env.remove(key);
    }
    return env;
}

QString ServerProcess::binary() {
    return qEnvironmentVariable("GISTACK_SERVER_BIN", QStringLiteral("gistack-server"));
}

ServerProcess::Result ServerProcess::run(const QStringList &args, const QProcessEnvironment &env) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(binary(), args);
    Result result;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

ServerProcess::ServerProcess(QStringList args, QProcessEnvironment env)
    : m_args(std::move(args)) {
    m_process.setProcessEnvironment(env);
}

ServerProcess::~ServerProcess() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void ServerProcess::collect() {
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
}

bool ServerProcess::start(int timeoutMs) {
    m_process.start(binary(), m_args);
    if (!m_process.waitForStarted(timeoutMs))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on (http://[0-9.]+:[0-9]+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(100);
        collect();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_out));
        if (match.hasMatch()) {
            m_url = QUrl(match.captured(1));
            return true;
        }
    }
    collect();
    qWarning().noquote() << "server did not start:" << m_out << m_err;
    return false;
}

bool ServerProcess::stop(int timeoutMs) {
    if (m_process.state() == QProcess::NotRunning)
        return false;
    m_process.terminate();
    // Keep the test's own event loop (and its sockets) turning while the server closes them.
    QDeadlineTimer deadline(timeoutMs);
    while (m_process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
        QTest::qWait(20);
        collect();
    }
    collect();
    return m_process.state() == QProcess::NotRunning && m_process.exitStatus() == QProcess::NormalExit;
}

} // namespace gistack::test
