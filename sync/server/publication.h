#pragma once

#include "changestore.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace qingshui::v1 {
class ReviewEvent;
} // namespace qingshui::v1

// The kiosks' public feed: a PUBLISH event on the approved revision of a record writes a
// redacted copy of it into public_record (replacing an earlier copy of the record).
// The copy carries no personal names: no author, reviewer or device ids, and no free-text
// answers (any may hold a name or a phone number, e.g. 管护责任人, 河长姓名); the location
// is coarsened to the village (the GPS points are dropped, the village code stays); only
// the photos the supervisor ticked. Answers to questions the template does not describe
// are dropped too. Runs inside the push's transaction; seq numbers the copy.
ChangeStore::ApplyResult publishRevision(QSqlDatabase db, const qingshui::v1::ReviewEvent &publish,
                                         qint64 seq, RefusalReason *why);

// The answers a kiosk may show ({"answers": {...}}), by the template definitions (every
// version of the record's template: a question keeps its type across versions).
QByteArray publicContent(const QByteArray &content, const QList<QByteArray> &definitions,
                         const QStringList &tickedPhotos);
