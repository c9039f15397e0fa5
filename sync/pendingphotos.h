#pragma once

#include <QSqlDatabase>
#include <QString>

// Bytes of the photos the records still queued in the outbox refer to, as the device's
// PhotoStore (rooted at photoDirectory) holds them; a photo it no longer has counts nothing.
qint64 pendingPhotoBytes(QSqlDatabase db, const QString &photoDirectory);
