#include "StorageWorker.h"

#include <algorithm>

#include "StorageError.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace gistack {

namespace {
// Bounds how long one transaction holds the write lock.
constexpr size_t maxBatch = 512;
// Reconnect attempts start quickly and slow down to one every few seconds.
constexpr std::chrono::milliseconds firstBackoff{250};
constexpr std::chrono::milliseconds maxBackoff{4000};

QString unavailable() {
    return QStringLiteral("database unavailable (reconnecting)");
}
} // namespace

StorageWorker::StorageWorker(Factory factory, QObject *parent)
    : QThread(parent)
    , m_factory(std::move(factory)) {
    setObjectName(QStringLiteral("gistack-storage"));
}

StorageWorker::~StorageWorker() {
    shutdown();
}

QString StorageWorker::startAndOpen() {
    std::future<QString> opened = m_opened.get_future();
    start();
    return opened.get();
}

void StorageWorker::shutdown() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (isRunning())
        wait();
}

int StorageWorker::queueDepth() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_jobs.size());
}

void StorageWorker::enqueue(std::function<void(Storage &)> work, std::function<void(const QString &)> finish,
                            When when) {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_stopping) {
            m_jobs.push_back(Job{std::move(work), std::move(finish), when});
            work = nullptr;
        }
    }
    if (work) {
        finish(QStringLiteral("the server is shutting down"));
        return;
    }
    m_wake.notify_one();
}

void StorageWorker::run() {
    try {
        m_storage = m_factory();
        m_storage->open();
    } catch (const StorageError &error) {
        m_openError = error.message();
        m_storage.reset();
    }
    m_opened.set_value(m_openError);

    for (;;) {
        std::deque<Job> batch;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            const auto ready = [this] {
                return m_stopping || !m_jobs.empty();
            };
            if (m_connected)
                m_wake.wait(lock, ready);
            else
                m_wake.wait_until(lock, m_nextAttempt, ready);
            if (m_jobs.empty() && m_stopping)
                break;
            while (!m_jobs.empty() && batch.size() < maxBatch) {
                batch.push_back(std::move(m_jobs.front()));
                m_jobs.pop_front();
            }
        }
        if (m_storage && !m_connected && std::chrono::steady_clock::now() >= m_nextAttempt)
            tryReconnect();
        runBatch(batch);
    }
    m_storage.reset();
}

void StorageWorker::connectionLost() {
    qCWarning(lcDb) << "lost the database connection; reconnecting";
    m_connected = false;
    m_backoff = firstBackoff;
    m_nextAttempt = std::chrono::steady_clock::now() + m_backoff;
    emit connectionChanged(false);
}

void StorageWorker::tryReconnect() {
    try {
        m_storage->reopen();
        m_connected = true;
        qCWarning(lcDb) << "database connection restored";
        emit connectionChanged(true);
    } catch (const StorageError &error) {
        qCInfo(lcDb) << "database still unavailable:" << error.message();
        m_backoff = std::min(m_backoff * 2, maxBackoff);
        m_nextAttempt = std::chrono::steady_clock::now() + m_backoff;
    }
}

void StorageWorker::runBatch(std::deque<Job> &batch) {
    std::vector<QString> errors(batch.size());
    std::vector<bool> told(batch.size(), false);
    if (!m_storage) {
        for (Job &job : batch)
            job.finish(QStringLiteral("database unavailable: ") + m_openError);
        return;
    }
    if (!m_connected) {
        for (Job &job : batch)
            job.finish(unavailable());
        return;
    }
    QElapsedTimer timer;
    timer.start();
    try {
        // A batch of logins' claims and delivery records alone need not wait for the disk (see
        // runBeforeCommit).
        m_storage->setDurableCommit(std::any_of(batch.cbegin(), batch.cend(),
                                                [](const Job &job) { return job.when == When::Committed; }));
        m_storage->begin();
        for (size_t i = 0; i < batch.size(); ++i) {
            m_storage->savepoint();
            try {
                batch[i].work(*m_storage);
                m_storage->releaseSavepoint();
                if (batch[i].when == When::Ran) {
                    // The rest of the batch and the fsync are not this caller's to wait for.
                    batch[i].finish(QString());
                    told[i] = true;
                }
            } catch (const StorageError &error) {
                errors[i] = error.message().isEmpty() ? QStringLiteral("database error") : error.message();
                m_storage->rollbackToSavepoint();
            } catch (const std::exception &error) {
                errors[i] = QStringLiteral("internal error: ") + QString::fromUtf8(error.what());
                m_storage->rollbackToSavepoint();
            }
        }
        m_storage->commit();
    } catch (const StorageError &error) {
        qCWarning(lcDb) << "transaction failed:" << error.message();
        m_storage->rollback();
        const bool lost = !m_storage->isAlive();
        if (lost)
            connectionLost();
        for (QString &jobError : errors) {
            if (lost)
                jobError = unavailable();
            else
                jobError = error.message().isEmpty() ? QStringLiteral("database error") : error.message();
        }
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    qCDebug(lcDb) << "transaction of" << batch.size() << "jobs in" << seconds * 1000 << "ms";
    if (m_batchObserver)
        m_batchObserver(seconds, int(batch.size()));
    for (size_t i = 0; i < batch.size(); ++i) {
        if (!told[i])
            batch[i].finish(errors[i]);
    }
}

} // namespace gistack
