#include "searchtext.h"

#include "domain/jsonreader.h"
#include "domain/photoreferences.h"

namespace {

// Appends the strings of the value the reader is at, in document order; keep is false under
// a "source" key, whose strings are read only to check them. False on a syntax error.
bool appendStrings(JsonReader &r, bool keep, QString *out)
{
    switch (r.peek()) {
    case JsonReader::Kind::Object: {
        r.enterObject();
        QByteArrayView key;
        bool escaped = false;
        while (r.nextMember(&key, &escaped)) {
            // A key is "source" however it is spelt ("sour\u0063e").
            const bool isSource = escaped ? JsonReader::decode(key) == QLatin1String("source")
                                          : key.size() == 6 && key == "source";
            if (!appendStrings(r, keep && !isSource, out))
                return false;
        }
        return !r.failed();
    }
    case JsonReader::Kind::Array:
        r.enterArray();
        while (r.nextElement()) {
            if (!appendStrings(r, keep, out))
                return false;
        }
        return !r.failed();
    case JsonReader::Kind::String: {
        QByteArrayView raw;
        bool escaped = false;
        if (!r.readString(&raw, &escaped))
            return false;
        if (!keep || raw.isEmpty())
            return true;
        const QString s = escaped ? JsonReader::decode(raw) : QString::fromUtf8(raw);
        if (!isPhotoReference(s)) {
            if (!out->isEmpty())
                out->append(QLatin1Char(' '));
            out->append(s);
        }
        return true;
    }
    case JsonReader::Kind::Other:
        break;
    }
    return r.skipValue();
}

} // namespace

void appendAnswerText(QByteArrayView contentJson, QString *out)
{
    // QJsonDocument refused invalid UTF-8 anywhere; so does this.
    if (!contentJson.isValidUtf8())
        return;
    JsonReader r(contentJson);
    const qsizetype before = out->size();
    if (r.peek() != JsonReader::Kind::Object || !appendStrings(r, true, out) || !r.atEnd())
        out->truncate(before); // a document with an error has no text
}
