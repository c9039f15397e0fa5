#pragma once

#include "sqlsession.h"

#include <QString>

// A later decision returned or rejected a published record: the kiosks must stop showing it.
// Removes the record's public copy (so its photos are no longer the kiosks' either) and puts
// a withdrawal numbered seq in the kiosks' feed, inside the push's transaction. Nothing to do
// for a record that has no public copy. False with *why on a storage error.
bool withdrawPublication(SqlSession &db, const QString &recordId, qint64 seq, QString *why);
