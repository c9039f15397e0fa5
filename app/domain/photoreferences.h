#pragma once

#include <QByteArrayView>
#include <QStringList>
#include <QStringView>

// Photos are named by the SHA-256 of their bytes, written as 64 lowercase hex digits; a
// record's answers refer to them by that name (media/photostore.h).
inline bool isPhotoReference(QStringView s)
{
    if (s.size() != 64)
        return false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

// The photos a record's content (UTF-8 JSON) refers to, each once, in order of appearance:
// every JSON string that is exactly a photo name. A byte scan, no JSON parse: question ids
// and other keys are never 64 hex digits.
inline QStringList photoReferencesIn(QByteArrayView json)
{
    auto isHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    QStringList out;
    const qsizetype n = json.size();
    for (qsizetype i = 0; i + 65 < n; ++i) {
        if (json[i] != '"')
            continue;
        qsizetype j = i + 1;
        while (j < n && j - i <= 64 && isHex(json[j]))
            ++j;
        if (j - i == 65 && j < n && json[j] == '"') {
            const QString name = QString::fromLatin1(json.sliced(i + 1, 64));
            if (!out.contains(name))
                out << name;
        }
        i = j - 1; // the closing quote may open the next string: look at it again
    }
    return out;
}
