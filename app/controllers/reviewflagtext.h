#pragma once

#include "domain/review.h"
#include "domain/reviewflags.h"
#include "reviewflagline.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

// The supervisor's words for the flags of a record (domain/reviewflags) and for photos that
// are not all on the device, shared by the queue's rows and the record view.
class ReviewFlagText {
    Q_DECLARE_TR_FUNCTIONS(ReviewFlagText)
public:
    // "2 小时 5 分钟", "40 分钟" (rounded to the minute).
    static QString duration(qint64 ms);
    // "照片未到齐 (1/2)".
    static QString photosIncomplete(int here, int total);
    // The queue row's mark: the short names of the flags raised, "" when none.
    static QString compact(const ReviewFlags &flags);
    // The record view's lines. labelOf turns a question id into its label.
    static QList<ReviewFlagLine> lines(const ReviewFlags &flags,
                                       const std::function<QString(const QString &)> &labelOf);
    // A decision's line in the record's history when the reviewer confirmed missing photos:
    // "照片未到齐 (1/2) 时确认通过"; "" when there was nothing to confirm.
    static QString confirmation(const ReviewEvent &event);
};
