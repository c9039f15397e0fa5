#pragma once

#include <QByteArrayView>
#include <functional>

// Reads the answers of a record's content ({"answers": {...}, ...}, UTF-8 JSON) without
// building a document: the dashboard looks at three answers of tens of thousands of records,
// where a full parse (QJsonDocument or SQLite's json_extract) costs most of its time.
// Calls visit(questionId, rawValue) for each answer, the value as its JSON text (true,
// false, "treated", {...}); text inside strings is never taken for a key. False, having
// visited no more than it read, when the content is not well-formed JSON (jsonreader.h: the
// grammar QJsonDocument reads).
bool scanAnswers(QByteArrayView json,
                 const std::function<void(QByteArrayView id, QByteArrayView value)> &visit);
