#pragma once

#include "Storage.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>

namespace gistack {

template <typename T> struct StorageResult {
    T value{};
    QString error; // empty on success
    bool ok() const { return error.isEmpty(); }
};

// Runs every database job on one thread that owns the only connection, so sockets never
// wait for the disk. Jobs queued while a commit is in flight are grouped into the next
// transaction (each in its own savepoint), so many small durable writes share one fsync.
// When the database server goes away, jobs fail at once (the API answers 503) while the
// thread reconnects with back-off; connectionChanged reports both edges.
class StorageWorker : public QThread {
    Q_OBJECT
public:
    using Factory = std::function<std::unique_ptr<Storage>()>;

    explicit StorageWorker(Factory factory, QObject *parent = nullptr);
    ~StorageWorker() override;

    // Starts the thread and opens the storage there; returns the error text, empty on success.
    QString startAndOpen();
    // Finishes queued jobs, then stops the thread.
    void shutdown();

    // Queues job; done runs later on context's thread, unless context is gone by then.
    template <typename T>
    void run(QObject *context, std::function<T(Storage &)> job, std::function<void(StorageResult<T>)> done) {
        enqueueFor(context, std::move(job), std::move(done), When::Committed);
    }

    // Like run(), but done may be told the job's result as soon as the job ran, before its
    // transaction commits (and so before the disk has it). Only for work that may be undone
    // without harm: reads, claims of queued messages and records of who got a broadcast, which
    // a failed commit leaves queued for the next login (clients drop a message they already
    // have by its id). A transaction
    // holding only such jobs commits without waiting for the disk.
    template <typename T>
    void runBeforeCommit(QObject *context, std::function<T(Storage &)> job,
                         std::function<void(StorageResult<T>)> done) {
        enqueueFor(context, std::move(job), std::move(done), When::Ran);
    }

    // Blocks the caller until the job ran; for start-up and command-line tools only.
    template <typename T> StorageResult<T> runSync(std::function<T(Storage &)> job) {
        auto result = std::make_shared<StorageResult<T>>();
        auto finished = std::make_shared<std::promise<void>>();
        std::future<void> waiter = finished->get_future();
        enqueue([job = std::move(job), result](Storage &storage) { result->value = job(storage); },
                [result, finished](const QString &error) {
                    result->error = error;
                    finished->set_value();
                });
        waiter.wait();
        return *result;
    }

    int queueDepth() const;
    bool isConnected() const { return m_connected; }

    // Told the duration of every transaction and its job count, on the storage thread.
    // Set it before startAndOpen().
    using BatchObserver = std::function<void(double seconds, int jobs)>;
    void setBatchObserver(BatchObserver observer) { m_batchObserver = std::move(observer); }

signals:
    // Emitted from the storage thread; false when the connection was lost, true once it is back.
    void connectionChanged(bool connected);

protected:
    void run() override;

private:
    // When a job's caller hears of it: after the commit, or as soon as the job ran.
    enum class When { Committed, Ran };
    struct Job {
        std::function<void(Storage &)> work;
        std::function<void(const QString &error)> finish;
        When when = When::Committed;
    };

    template <typename T>
    void enqueueFor(QObject *context, std::function<T(Storage &)> job,
                    std::function<void(StorageResult<T>)> done, When when) {
        auto result = std::make_shared<StorageResult<T>>();
        QPointer<QObject> guard(context);
        enqueue([job = std::move(job), result](Storage &storage) { result->value = job(storage); },
                [guard, done = std::move(done), result](const QString &error) {
                    result->error = error;
                    if (!guard)
                        return;
                    QMetaObject::invokeMethod(
                        guard.data(), [done, result] { done(std::move(*result)); }, Qt::QueuedConnection);
                },
                when);
    }
    void enqueue(std::function<void(Storage &)> work, std::function<void(const QString &)> finish,
                 When when = When::Committed);
    void runBatch(std::deque<Job> &batch);
    void connectionLost();
    void tryReconnect();

    Factory m_factory;
    BatchObserver m_batchObserver;
    std::unique_ptr<Storage> m_storage;
    QString m_openError;
    std::promise<QString> m_opened;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stopping = false;

    // Reconnection state, touched only by the storage thread (m_connected is read anywhere).
    std::atomic<bool> m_connected{true};
    std::chrono::milliseconds m_backoff{0};
    std::chrono::steady_clock::time_point m_nextAttempt;
};

} // namespace gistack
