#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Why a sync failed, in the language of the moment: the sync log keeps a code and its
// arguments (a server refusal's, worded by RefusalText, or one of syncreport.h's
// SyncErrorCode), not words frozen in the language of the day it failed.
class SyncErrorText {
    Q_DECLARE_TR_FUNCTIONS(SyncErrorText)
public:
    // detail: the English detail, shown only when there is no code at all (an older log row).
    static QString describe(const QString &code, const QStringList &args, const QString &detail);
};
