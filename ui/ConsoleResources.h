#pragma once

namespace gistack {

// Registers the icons and translations compiled into the static ui library; call once
// before the first window (static libraries drop resources nobody references).
void initConsoleResources();

} // namespace gistack
