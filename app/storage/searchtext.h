#pragma once

#include <QByteArrayView>
#include <QString>

// What the record list's search looks in, from a record's answers (its content, UTF-8 JSON):
// every string value in document order, except photo references (SHA-256 hex) and whatever
// sits under a "source" key (GPS source names are not content). Appends them to *out,
// separated by spaces; malformed JSON appends nothing.
// Read with domain/jsonreader.h rather than a QJsonDocument: a pulled page does this a
// thousand times.
void appendAnswerText(QByteArrayView contentJson, QString *out);
