#pragma once

#include <QByteArrayView>
#include <QString>

// The app's one JSON tokenizer: a forward-only reader over JSON text that builds no document.
// The dashboard and the exports read a few answers of 100,000 records and the search text
// reads every record pulled, where a QJsonDocument (or SQLite's json_extract) costs most of
// the time. The caller walks the document and reads or skips each value it reaches:
//
//     JsonReader r(json);
//     QByteArrayView key;
//     if (!r.enterObject())
//         return false;
//     while (r.nextMember(&key)) {
//         if (!r.skipValue()) // or read it
//             return false;
//     }
//     return r.atEnd(); // false after any syntax error
//
// The grammar is RFC 8259 with what QJsonDocument lets pass: a UTF-8 byte order mark, control
// characters inside strings, a backslash before an ASCII character that is no JSON escape.
// Nesting deeper than 1024 is an error. UTF-8 is not checked: a caller that makes text of the
// bytes checks them (QByteArrayView::isValidUtf8). Strings are given as their raw bytes
// between the quotes, escapes validated but not decoded (decode() decodes them).
class JsonReader {
public:
    enum class Kind { Object, Array, String, Other };

    explicit JsonReader(QByteArrayView json);

    // The kind of the next value, by its first byte: Other is a literal, a number or garbage.
    // Inline, as skipSpace: the walk asks before every value.
    Kind peek()
    {
        skipSpace();
        if (m_p == m_end)
            return Kind::Other;
        switch (*m_p) {
        case '{':
            return Kind::Object;
        case '[':
            return Kind::Array;
        case '"':
            return Kind::String;
        default:
            return Kind::Other;
        }
    }

    // Steps inside the next value, an object or an array; false (an error) if it is not one.
    bool enterObject();
    bool enterArray();

    // Inside an object: reads the next member's key and its colon, the caller then reads or
    // skips its value. False past the closing brace, or on a syntax error (failed()).
    bool nextMember(QByteArrayView *key = nullptr, bool *keyEscaped = nullptr);
    // Inside an array: true when an element follows, the caller then reads or skips it. False
    // past the closing bracket, or on a syntax error (failed()).
    bool nextElement();

    // A string value: its bytes between the quotes, and whether they hold a backslash.
    bool readString(QByteArrayView *raw, bool *escaped = nullptr);
    // Any value, checked to its end; *raw gets its JSON text (true, "treated", {...}).
    bool skipValue(QByteArrayView *raw = nullptr);

    // Only white space is left and nothing failed: the end of a well-formed document.
    bool atEnd();
    bool failed() const { return m_failed; }

    // The text of a string's raw bytes (from readString or nextMember), escapes decoded.
    static QString decode(QByteArrayView raw);

private:
    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool enter(char open);
    bool close();
    bool string(QByteArrayView *raw, bool *escaped);
    bool literal(QByteArrayView word);
    bool number();
    bool fail();

    const char *m_p;
    const char *m_end;
    int m_depth = 0;
    bool m_first = false; // the next member or element is its container's first: no comma
    bool m_failed = false;
};
