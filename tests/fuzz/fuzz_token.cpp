// The token verifier (our own HS256 check, base64url and JSON parsing) against any text.
#include "net/TokenVerifier.h"
#include "time/ManualClock.h"

#include <cstddef>
#include <cstdint>

using namespace gistack;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // A fixed clock: the seed corpus holds tokens signed with this secret that expire in 2100.
    static const ManualClock clock(QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
    static const TokenVerifier verifier(QByteArrayLiteral("fuzz-secret-0123456789"), clock);
    const QString token = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const TokenCheck check = verifier.verify(token);
    // Accepted means a subject; refused means a reason.
    if (check.ok() == check.userId.isEmpty())
        __builtin_trap();
    return 0;
}
