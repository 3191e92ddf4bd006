#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

namespace gistack::test {

// The real gistack-server binary (GISTACK_SERVER_BIN) as a child process on a free port,
// with the test secrets in its environment, for what only a process can show: signals,
// crashes, descriptors and memory.
class ServerChild {
public:
    explicit ServerChild(QString databasePath);
    ~ServerChild();

    void setEnv(const QString &name, const QString &value) { m_env.insert(name, value); }
    void setArguments(const QStringList &arguments) { m_arguments = arguments; }

    // Starts and waits for "listening on ..."; false (with the output logged) otherwise.
    bool start(int timeoutMs = 20000);
    void terminate(); // SIGTERM
    void kill();      // SIGKILL
    bool waitForExit(int timeoutMs);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    int exitCode() const { return m_process.exitCode(); }

    quint16 port() const { return m_port; }
    QUrl httpUrl() const;
    QUrl wsUrl(const QString &token) const;
    QString tokenFor(const QString &userId, qint64 ttlSeconds = 3600) const;
    qint64 pid() const { return m_process.processId(); }
    // Everything it printed so far, stdout and stderr.
    QByteArray output();

    int openDescriptors() const;
    qint64 residentKiB() const;

    static QString binary();

private:
    QString m_database;
    QStringList m_arguments;
    QProcessEnvironment m_env;
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

} // namespace gistack::test
