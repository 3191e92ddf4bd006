#include "Role.h"

namespace gistack {

QString roleName(Role role) {
    switch (role) {
    case Role::Sysadmin:
        return QStringLiteral("sysadmin");
    case Role::OrgAdmin:
        return QStringLiteral("orgadmin");
    case Role::User:
        return QStringLiteral("user");
    }
    return QStringLiteral("user");
}

std::optional<Role> roleFromName(const QString &name) {
    for (Role role : {Role::Sysadmin, Role::OrgAdmin, Role::User}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

} // namespace gistack
