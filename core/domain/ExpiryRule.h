#pragma once

#include <QDate>
#include <QDateTime>

namespace gistack {

// When an expiry is worth a reminder: timeLeft is whole calendar days from today to the
// expiry date (negative once expired), and an item is reported while timeLeft <= threshold.
class ExpiryRule {
public:
    explicit ExpiryRule(int thresholdDays = 10)
        : m_thresholdDays(thresholdDays) {}

    int thresholdDays() const { return m_thresholdDays; }
    static int timeLeft(const QDate &today, const QDateTime &expireDate);
    bool isDue(const QDate &today, const QDateTime &expireDate) const;

private:
    int m_thresholdDays;
};

} // namespace gistack
