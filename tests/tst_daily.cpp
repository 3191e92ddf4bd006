// DailyScheduler: open connections get the login checks again once a day at a set time,
// read from the injected clock. The timer itself runs in real time, so the tests put the
// manual clock a fraction of a second before the target and let the real timer wake up.

#include "time/DailyScheduler.h"
#include "time/ManualClock.h"

#include <QSignalSpy>
#include <QTest>

namespace gistack {

namespace {

// A day with no daylight-saving change anywhere near it, so a day is 24 hours.
const QDate day(2024, 6, 12);

QDateTime at(int h, int m, int s = 0, int ms = 0, QDate date = day) {
    return QDateTime(date, QTime(h, m, s, ms));
}

constexpr qint64 hour = 3600 * 1000;
constexpr qint64 minute = 60 * 1000;

} // namespace

class TestDaily : public QObject {
    Q_OBJECT

private slots:
    void defaultTimeIsNine();
    void msecsToNext_data();
    void msecsToNext();
    void startAfterTodaysTimeWaitsForTomorrow();
    void startAfterTodaysTimeDoesNotFireToday();
    void firesOncePerDayDespiteEarlyWakes();
    void stopSilences();
};

void TestDaily::defaultTimeIsNine() {
    // The server's default check time, as ServerConfig sets it.
    ManualClock clock(at(8, 0));
    DailyScheduler scheduler(clock, QTime(9, 0));
    QCOMPARE(scheduler.time(), QTime(9, 0));
    QCOMPARE(scheduler.msecsToNext(), hour);
}

void TestDaily::msecsToNext_data() {
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QTime>("checkAt");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("before 09:00: later today") << at(8, 0) << QTime(9, 0) << hour;
    QTest::newRow("one second before") << at(8, 59, 59) << QTime(9, 0) << qint64(1000);
    QTest::newRow("just after midnight") << at(0, 0, 1) << QTime(9, 0) << 9 * hour - 1000;
    QTest::newRow("exactly 09:00: tomorrow") << at(9, 0) << QTime(9, 0) << 24 * hour;
    QTest::newRow("after 09:00: tomorrow") << at(10, 0) << QTime(9, 0) << 23 * hour;
    QTest::newRow("late evening") << at(23, 30) << QTime(9, 0) << 9 * hour + 30 * minute;
    QTest::newRow("configured 17:30, before") << at(17, 0) << QTime(17, 30) << 30 * minute;
    QTest::newRow("configured 17:30, after") << at(17, 45) << QTime(17, 30) << 24 * hour - 15 * minute;
    QTest::newRow("configured 00:15 across midnight") << at(23, 30) << QTime(0, 15) << 45 * minute;
}

void TestDaily::msecsToNext() {
    QFETCH(QDateTime, now);
    QFETCH(QTime, checkAt);
    QFETCH(qint64, expected);
    ManualClock clock(now);
    DailyScheduler scheduler(clock, checkAt);
    QCOMPARE(scheduler.time(), checkAt);
    QCOMPARE(scheduler.msecsToNext(), expected);
    // Starting before the time changes nothing; after it, tomorrow's run is next either way.
    scheduler.start();
    QCOMPARE(scheduler.msecsToNext(), expected);
    scheduler.stop();
}

void TestDaily::startAfterTodaysTimeWaitsForTomorrow() {
    ManualClock clock(at(10, 0));
    DailyScheduler scheduler(clock, QTime(9, 0));
    scheduler.start();
    QCOMPARE(scheduler.msecsToNext(), 23 * hour);
    // The night passes: the next run is today's 09:00 again.
    clock.set(at(8, 30, 0, 0, day.addDays(1)));
    QCOMPARE(scheduler.msecsToNext(), 30 * minute);
}

void TestDaily::startAfterTodaysTimeDoesNotFireToday() {
    // Check time 00:00, server started at 23:59:59.5: today's time has passed, and the next
    // run is half a second away, so the real timer wakes soon while it is still "today".
    ManualClock clock(at(23, 59, 59, 500));
    DailyScheduler scheduler(clock, QTime(0, 0));
    QSignalSpy fired(&scheduler, &DailyScheduler::fired);
    scheduler.start();
    QCOMPARE(scheduler.msecsToNext(), qint64(500));

    QTest::qWait(800); // the timer has woken at least once
    QCOMPARE(fired.count(), 0);

    // Midnight: tomorrow's run happens, once.
    clock.set(at(0, 0, 0, 0, day.addDays(1)));
    QVERIFY(fired.wait(2000));
    QTest::qWait(600);
    QCOMPARE(fired.count(), 1);
}

void TestDaily::firesOncePerDayDespiteEarlyWakes() {
    ManualClock clock(at(8, 59, 59, 500));
    DailyScheduler scheduler(clock, QTime(9, 0));
    QSignalSpy fired(&scheduler, &DailyScheduler::fired);
    QList<QDateTime> firedAt;
    connect(&scheduler, &DailyScheduler::fired, this, [&] {
        firedAt.append(clock.now());
        // A day goes by while the check runs: put the clock just before tomorrow's time,
        // so the re-armed timer wakes soon again.
        if (firedAt.size() == 1)
            clock.set(at(8, 59, 59, 500, day.addDays(1)));
    });
    scheduler.start();

    // The timer wakes while the clock still reads 08:59:59.5 (it woke "early"): no run.
    QTest::qWait(800);
    QCOMPARE(fired.count(), 0);

    clock.set(at(9, 0));
    QTRY_COMPARE_WITH_TIMEOUT(fired.count(), 1, 2000);
    QCOMPARE(firedAt.at(0), at(9, 0));

    // Day two: an early wake again, then a late one well after 09:00; still one run.
    QTest::qWait(800);
    QCOMPARE(fired.count(), 1);
    clock.set(at(9, 0, 7, 0, day.addDays(1)));
    QTRY_COMPARE_WITH_TIMEOUT(fired.count(), 2, 2000);
    QCOMPARE(firedAt.at(1).date(), day.addDays(1));

    // Nothing more that day.
    QTest::qWait(600);
    QCOMPARE(fired.count(), 2);
    QCOMPARE(scheduler.msecsToNext(), 24 * hour - 7000);
}

void TestDaily::stopSilences() {
    ManualClock clock(at(8, 59, 59, 700));
    DailyScheduler scheduler(clock, QTime(9, 0));
    QSignalSpy fired(&scheduler, &DailyScheduler::fired);
    scheduler.start();
    scheduler.stop();
    clock.set(at(9, 0, 1));
    QTest::qWait(600);
    QCOMPARE(fired.count(), 0);
}

} // namespace gistack

QTEST_GUILESS_MAIN(gistack::TestDaily)
#include "tst_daily.moc"
