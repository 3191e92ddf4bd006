#pragma once

#include <QString>

#include <optional>

namespace gistack {

// The GIStack front end's own role names.
enum class Role { Sysadmin, OrgAdmin, User };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

} // namespace gistack
