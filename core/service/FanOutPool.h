#pragma once

#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace gistack {

// A fork-join loop over a few threads: a fan-out to thousands of sockets spends most of its
// time in the kernel's send path, which runs in parallel on separate sockets. The calling
// thread takes part and forEach() returns only when every index is done, so the objects the
// job touches are back in the caller's hands before anything else sees them.
class FanOutPool {
public:
    // workers: threads besides the caller; 0 runs everything on the caller.
    explicit FanOutPool(int workers);
    ~FanOutPool();
    FanOutPool(const FanOutPool &) = delete;
    FanOutPool &operator=(const FanOutPool &) = delete;

    int workerCount() const { return int(m_threads.size()); }
    // Calls job(i) once for each i in [0, count). The job must touch disjoint data per index.
    void forEach(qsizetype count, const std::function<void(qsizetype)> &job);

private:
    void workerLoop();
    void drain();

    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    const std::function<void(qsizetype)> *m_job = nullptr;
    qsizetype m_count = 0;
    std::atomic<qsizetype> m_next{0};
    quint64 m_round = 0;
    int m_finished = 0;
    bool m_stop = false;
};

} // namespace gistack
