#include "FanOutPool.h"

namespace gistack {

namespace {
// Indexes taken at a time: few enough atomics, small enough to even out the threads.
constexpr qsizetype chunk = 64;
} // namespace

FanOutPool::FanOutPool(int workers) {
    for (int i = 0; i < workers; ++i)
        m_threads.emplace_back([this] { workerLoop(); });
}

FanOutPool::~FanOutPool() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

void FanOutPool::forEach(qsizetype count, const std::function<void(qsizetype)> &job) {
    if (m_threads.empty() || count <= chunk) {
        for (qsizetype i = 0; i < count; ++i)
            job(i);
        return;
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_job = &job;
        m_count = count;
        m_next.store(0, std::memory_order_relaxed);
        m_finished = 0;
        ++m_round;
    }
    m_wake.notify_all();
    drain();
    std::unique_lock<std::mutex> lock(m_mutex);
    m_done.wait(lock, [this] { return m_finished == int(m_threads.size()); });
    m_job = nullptr;
}

void FanOutPool::drain() {
    for (;;) {
        const qsizetype begin = m_next.fetch_add(chunk, std::memory_order_relaxed);
        if (begin >= m_count)
            return;
        const qsizetype end = qMin(begin + chunk, m_count);
        for (qsizetype i = begin; i < end; ++i)
            (*m_job)(i);
    }
}

void FanOutPool::workerLoop() {
    quint64 seen = 0;
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_round != seen; });
            if (m_stop)
                return;
            seen = m_round;
        }
        drain();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            ++m_finished;
        }
        m_done.notify_one();
    }
}

} // namespace gistack
