#include "LogSetup.h"

#include <QLoggingCategory>
#include <QtGlobal>

namespace gistack {

void LogSetup::installPattern() {
    // Qt prefers QT_MESSAGE_PATTERN over this; the unit file sets one without the time,
    // since journald stamps every line itself.
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{type} "
                                      "%{if-category}%{category}: %{endif}%{message}"));
}

void LogSetup::setVerbose(bool verbose) {
    // "gistack.*.debug=true" alone would leave info lines off in categories whose default
    // threshold is warning; "gistack.*=true" opens every level.
    if (verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("gistack.*=true"));
}

} // namespace gistack
