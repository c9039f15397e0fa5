#include "accountroletext.h"

QString AccountRoleText::describe(AccountRole role)
{
    switch (role) {
    case AccountRole::Inspector:
        return tr("巡查员");
    case AccountRole::Supervisor:
        return tr("督导");
    case AccountRole::Admin:
        return tr("管理员");
    case AccountRole::Kiosk:
        return tr("展示屏");
    case AccountRole::Unknown:
        break;
    }
    return {};
}
