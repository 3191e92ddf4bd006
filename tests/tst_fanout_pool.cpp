// The fork-join loop behind large fan-outs: every index exactly once, whatever the threads.
#include "service/FanOutPool.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <thread>

using namespace gistack;

class FanOutPoolTest : public QObject {
    Q_OBJECT
private slots:
    void everyIndexRunsOnce_data() {
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("count");
        QTest::newRow("no workers") << 0 << 10000;
        QTest::newRow("one worker, less than a chunk") << 1 << 10;
        QTest::newRow("one worker") << 1 << 19000;
        QTest::newRow("three workers") << 3 << 19000;
    }
    void everyIndexRunsOnce() {
        QFETCH(int, workers);
        QFETCH(int, count);
        FanOutPool pool(workers);
        QCOMPARE(pool.workerCount(), workers);
        // Many rounds in a row: a worker late for one round must not miss or repeat the next.
        for (int round = 0; round < 200; ++round) {
            std::vector<std::atomic<int>> runs(static_cast<size_t>(count));
            pool.forEach(count, [&](qsizetype i) { runs[size_t(i)].fetch_add(1); });
            for (int i = 0; i < count; ++i)
                QCOMPARE(runs[size_t(i)].load(), 1);
        }
    }

    void theWorkIsSharedWithTheWorkers() {
        FanOutPool pool(1);
        const std::thread::id caller = std::this_thread::get_id();
        std::atomic<bool> workerRan{false};
        std::atomic<bool> callerWaited{false};
        pool.forEach(4096, [&](qsizetype) {
            if (std::this_thread::get_id() != caller) {
                workerRan = true;
                return;
            }
            // The caller holds on to its first chunk until the worker has taken one.
            if (!callerWaited.exchange(true)) {
                QElapsedTimer timer;
                timer.start();
                while (!workerRan && timer.elapsed() < 10000)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
        QVERIFY(workerRan);
    }
};

QTEST_GUILESS_MAIN(FanOutPoolTest)
#include "tst_fanout_pool.moc"
