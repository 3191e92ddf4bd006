#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

namespace gistack::test {

// The real gistack-server binary (GISTACK_SERVER_BIN) in a child process: for what only the
// program shows, such as its log output, exit codes and command-line commands.
class ServerProcess {
public:
    struct Result {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QByteArray all() const { return out + err; }
    };

    // Without the caller's GISTACK_* and Qt logging variables, so a test states all it uses.
    static QProcessEnvironment cleanEnvironment();
    static QString binary();
    // Runs a command that exits by itself (check-config, token).
    static Result run(const QStringList &args, const QProcessEnvironment &env = cleanEnvironment());

    ServerProcess(QStringList args, QProcessEnvironment env = cleanEnvironment());
    ~ServerProcess();

    // Starts serving and waits for "listening on http://..." on stdout.
    bool start(int timeoutMs = 15000);
    QUrl url() const { return m_url; }
    // SIGTERM, then waits for a clean exit; the output is complete afterwards.
    bool stop(int timeoutMs = 15000);
    const QByteArray &stdOut() const { return m_out; }
    const QByteArray &stdErr() const { return m_err; }
    int exitCode() const { return m_process.exitCode(); }

private:
    void collect();

    QStringList m_args;
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    QUrl m_url;
};

} // namespace gistack::test
