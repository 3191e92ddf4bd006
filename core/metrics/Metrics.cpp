#include "Metrics.h"

#include <QDateTime>

namespace gistack {

namespace {

// Taken during static initialisation, before main(): as close to the process start as Qt gets.
const qint64 processStartMs = QDateTime::currentMSecsSinceEpoch();

QByteArray number(double value) {
    return QByteArray::number(value, 'g', 12);
}

QByteArray labelValue(const QString &value) {
    QByteArray escaped = value.toUtf8();
    escaped.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return escaped;
}

class Writer {
public:
    void family(const QByteArray &name, const char *type, const QByteArray &help) {
        m_text += "# HELP " + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    }
    void sample(const QByteArray &name, double value, const QByteArray &labels = {}) {
        m_text += name;
        if (!labels.isEmpty())
            m_text += '{' + labels + '}';
        m_text += ' ' + number(value) + '\n';
    }
    void histogram(const QByteArray &name, const QByteArray &help, const Histogram::Snapshot &h) {
        family(name, "histogram", help);
        for (size_t i = 0; i < h.upperBounds.size(); ++i)
            sample(name + "_bucket", double(h.cumulativeCounts[i]), "le=\"" + number(h.upperBounds[i]) + '"');
        sample(name + "_bucket", double(h.count), "le=\"+Inf\"");
        sample(name + "_sum", h.sum);
        sample(name + "_count", double(h.count));
    }
    QByteArray text() const { return m_text; }

private:
    QByteArray m_text;
};

} // namespace

Metrics::Metrics()
    : m_sent(size_t(MessageCatalogue::all().size()), 0)
    , m_queued(size_t(MessageCatalogue::all().size()), 0)
    // Batches are usually a few milliseconds (one fsync); seconds mean a disk in trouble.
    , m_dbSeconds({0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5})
    , m_loopLag({0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}) {
}

void Metrics::countLogin() {
    ++m_logins;
}

void Metrics::countMessage(MessageType type, bool delivered) {
    ++(delivered ? m_sent : m_queued)[size_t(type)];
}

void Metrics::countApiRequest(int status) {
    ++m_apiByStatus[status];
}

void Metrics::observeDbBatch(double seconds, int jobs) {
    m_dbJobs += quint64(jobs);
    m_dbSeconds.observe(seconds);
}

void Metrics::observeLoopLag(double seconds) {
    m_loopLag.observe(seconds);
}

void Metrics::addGauge(const QByteArray &name, const QByteArray &help, std::function<double()> read) {
    m_gauges.append(Gauge{name, help, std::move(read)});
}

QByteArray Metrics::render() const {
    Writer out;
    for (const Gauge &gauge : m_gauges) {
        out.family(gauge.name, "gauge", gauge.help);
        out.sample(gauge.name, gauge.read());
    }
    out.family("gistack_logins_total", "counter", "WebSocket connections that authenticated.");
    out.sample("gistack_logins_total", double(m_logins));

    // Every type is listed from the start, so rate() and absent-series alerts work at once.
    out.family("gistack_messages_sent_total", "counter",
               "Messages written to a user's open sockets, one per recipient, by type.");
    for (const MessageTypeInfo &info : MessageCatalogue::all())
        out.sample("gistack_messages_sent_total", double(m_sent[size_t(info.type)]),
                   "type=\"" + labelValue(MessageCatalogue::name(info.type)) + '"');
    out.family("gistack_messages_queued_total", "counter",
               "Durable messages (decision results, API publishes) written to the outbox before delivery, "
               "one per recipient, by type; those still undelivered wait for the recipient's next login.");
    for (const MessageTypeInfo &info : MessageCatalogue::all())
        out.sample("gistack_messages_queued_total", double(m_queued[size_t(info.type)]),
                   "type=\"" + labelValue(MessageCatalogue::name(info.type)) + '"');

    out.family("gistack_api_requests_total", "counter", "HTTP API (/api/...) requests answered, by status.");
    for (auto it = m_apiByStatus.cbegin(); it != m_apiByStatus.cend(); ++it)
        out.sample("gistack_api_requests_total", double(it.value()),
                   "code=\"" + QByteArray::number(it.key()) + '"');

    out.family("gistack_db_jobs_total", "counter", "Database jobs run on the storage thread.");
    out.sample("gistack_db_jobs_total", double(m_dbJobs.load()));
    out.histogram("gistack_db_transaction_seconds",
                  "Time of one storage transaction (a batch of jobs and its commit).",
                  m_dbSeconds.snapshot());
    out.histogram("gistack_event_loop_lag_seconds",
                  "How late the main event loop ran a timer: time sockets waited for the server.",
                  m_loopLag.snapshot());

    out.family("gistack_build_info", "gauge", "The running version.");
    out.sample("gistack_build_info", 1, "version=\"" GISTACK_VERSION "\"");
    out.family("process_start_time_seconds", "gauge", "Start time of the process since the Unix epoch.");
    out.sample("process_start_time_seconds", double(processStartMs) / 1000.0);
    return out.text();
}

} // namespace gistack
