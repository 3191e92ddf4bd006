#include "ExpiryRule.h"

namespace gistack {

int ExpiryRule::timeLeft(const QDate &today, const QDateTime &expireDate) {
    return int(today.daysTo(expireDate.toLocalTime().date()));
}

bool ExpiryRule::isDue(const QDate &today, const QDateTime &expireDate) const {
    return expireDate.isValid() && timeLeft(today, expireDate) <= m_thresholdDays;
}

} // namespace gistack
