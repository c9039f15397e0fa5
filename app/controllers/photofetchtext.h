#pragma once

#include "photofetchstatus.h"

#include <QCoreApplication>
#include <QString>

// Why a photo did not arrive, in the user's language (Chinese source, English in the .ts).
class PhotoFetchText {
    Q_DECLARE_TR_FUNCTIONS(PhotoFetchText)
public:
    // budgetBytes: the photo budget, named when the photo did not fit in it.
    static QString describe(PhotoFetchFailure failure, qint64 budgetBytes = 0);
    // "2.0 GB", "512 MB": a size as the settings and messages show it.
    static QString size(qint64 bytes);
};
