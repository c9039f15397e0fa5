#pragma once

#include "domain/accountrole.h"

#include <QCoreApplication>
#include <QString>

// An account's role in the user's language (settings page, `qingshui --enrol`).
class AccountRoleText {
    Q_DECLARE_TR_FUNCTIONS(AccountRoleText)
public:
    static QString describe(AccountRole role);
};
