#include "ConsoleResources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initResourcesOutsideNamespace() {
    Q_INIT_RESOURCE(console);
}

namespace gistack {

void initConsoleResources() {
    initResourcesOutsideNamespace();
}

} // namespace gistack
