#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QString>

struct FormTemplate;
struct Question;

// What a public copy keeps of a record's answers, by the server's catalogue entry of the
// template (id and version) the record was filled with. An answer stays only if its value
// has exactly the shape its question allows:
//   yesno  → a JSON boolean
//   number → a finite number within the question's min and max (a whole one where the
//            question says integer)
//   single → a string that is one of the question's option values
//   multi  → a non-empty array of distinct strings, each an option value
//   photos → the public renditions of the ticked photos (renditionOf: original → rendition;
//            photos not ticked are left out, an answer with none is dropped)
// Everything else goes: text (it may hold a name or a phone number), GPS points (the village
// is the location), objects, numbers as strings, options by their label, questions the
// template does not describe.
bool hasPublicShape(const Question &question, const QJsonValue &value);

// {"answers": {...}} of the kept answers, compact JSON.
QByteArray publicContent(const QByteArray &content, const FormTemplate &form,
                         const QHash<QString, QString> &renditionOf);
