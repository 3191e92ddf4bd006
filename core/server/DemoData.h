#pragma once

#include <QDateTime>

namespace gistack {

class Storage;

// A small org with one user of each role and data that produces every login reminder.
// Upserts, so loading it again is harmless.
class DemoData {
public:
    static void seed(Storage &storage, const QDateTime &now);
    static constexpr const char *sysadminId = "demo-sysadmin";
    static constexpr const char *orgAdminId = "demo-orgadmin";
    static constexpr const char *userId = "demo-user";
};

} // namespace gistack
