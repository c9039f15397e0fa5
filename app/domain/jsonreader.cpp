#include "jsonreader.h"

#include <cstring>

namespace {

constexpr int kMaxDepth = 1024; // QJsonDocument's nesting limit

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The escapes of a string's raw bytes: \u takes four hex digits; any other backslash an ASCII
// character (QJsonDocument keeps one that is no JSON escape, and refuses the rest).
bool validEscapes(const char *q, const char *close)
{
    while ((q = static_cast<const char *>(std::memchr(q, '\\', close - q)))) {
        const char c = q[1];
        q += 2;
        if (uchar(c) >= 0x80)
            return false;
        if (c == 'u') {
            if (close - q < 4)
                return false;
            for (int i = 0; i < 4; ++i) {
                if (hexValue(*q++) < 0)
                    return false;
            }
        }
    }
    return true;
}

} // namespace

JsonReader::JsonReader(QByteArrayView json) : m_p(json.data()), m_end(json.data() + json.size())
{
    // A UTF-8 byte order mark is allowed, as QJsonDocument allows it.
    if (m_end - m_p >= 3 && uchar(m_p[0]) == 0xef && uchar(m_p[1]) == 0xbb && uchar(m_p[2]) == 0xbf)
        m_p += 3;
}

bool JsonReader::fail()
{
    m_failed = true;
    return false;
}

bool JsonReader::enter(char open)
{
    skipSpace();
    if (m_failed || m_p == m_end || *m_p != open || m_depth > kMaxDepth)
        return fail();
    ++m_p;
    ++m_depth;
    m_first = true;
    return true;
}

bool JsonReader::enterObject()
{
    return enter('{');
}

bool JsonReader::enterArray()
{
    return enter('[');
}

// At the closing brace or bracket: the container ends, the next thing in its parent needs a
// comma before it.
bool JsonReader::close()
{
    ++m_p;
    --m_depth;
    m_first = false;
    return false;
}

bool JsonReader::nextMember(QByteArrayView *key, bool *keyEscaped)
{
    if (m_failed)
        return false;
    skipSpace();
    if (m_p == m_end)
        return fail();
    if (*m_p == '}')
        return close();
    if (!m_first) {
        if (*m_p != ',')
            return fail();
        ++m_p;
        skipSpace();
    }
    m_first = false;
    QByteArrayView k;
    bool escaped = false;
    if (!string(&k, &escaped))
        return fail();
    skipSpace();
    if (m_p == m_end || *m_p != ':')
        return fail();
    ++m_p;
    if (key)
        *key = k;
    if (keyEscaped)
        *keyEscaped = escaped;
    return true;
}

bool JsonReader::nextElement()
{
    if (m_failed)
        return false;
    skipSpace();
    if (m_p == m_end)
        return fail();
    if (*m_p == ']')
        return close();
    if (!m_first) {
        if (*m_p != ',')
            return fail();
        ++m_p;
    }
    m_first = false;
    return true;
}

// A string from its opening quote (white space skipped). Most are a few bytes long: a loop
// finds the closing quote sooner than memchr would.
bool JsonReader::string(QByteArrayView *raw, bool *escaped)
{
    if (m_p == m_end || *m_p != '"')
        return false;
    const char *start = ++m_p;
    const char *slash = nullptr;
    for (;;) {
        if (m_p == m_end)
            return false;
        const char c = *m_p++;
        if (c == '"')
            break;
        if (c == '\\') {
            if (!slash)
                slash = m_p - 1;
            if (m_p++ == m_end)
                return false;
        }
    }
    const char *quote = m_p - 1;
    if (slash && !validEscapes(slash, quote))
        return false;
    *raw = QByteArrayView(start, quote - start);
    *escaped = slash != nullptr;
    return true;
}

bool JsonReader::readString(QByteArrayView *raw, bool *escaped)
{
    skipSpace();
    QByteArrayView r;
    bool e = false;
    if (m_failed || !string(&r, &e))
        return fail();
    if (raw)
        *raw = r;
    if (escaped)
        *escaped = e;
    return true;
}

bool JsonReader::literal(QByteArrayView word)
{
    if (m_end - m_p < word.size() || std::memcmp(m_p, word.data(), word.size()) != 0)
        return false;
    m_p += word.size();
    return true;
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool JsonReader::number()
{
    auto digits = [this] {
        const char *from = m_p;
        while (m_p != m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p - from;
    };
    if (m_p != m_end && *m_p == '-')
        ++m_p;
    if (m_p != m_end && *m_p == '0')
        ++m_p;
    else if (digits() == 0)
        return false;
    if (m_p != m_end && *m_p == '.') {
        ++m_p;
        if (digits() == 0)
            return false;
    }
    if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
        ++m_p;
        if (m_p != m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        if (digits() == 0)
            return false;
    }
    return true;
}

bool JsonReader::skipValue(QByteArrayView *raw)
{
    if (m_failed)
        return false;
    const Kind kind = peek();
    const char *start = m_p;
    bool ok = true;
    switch (kind) {
    case Kind::Object:
        enterObject();
        while (ok && nextMember())
            ok = skipValue();
        break;
    case Kind::Array:
        enterArray();
        while (ok && nextElement())
            ok = skipValue();
        break;
    case Kind::String:
        ok = readString(nullptr);
        break;
    case Kind::Other:
        if (m_p == m_end)
            ok = false;
        else if (*m_p == 't')
            ok = literal("true");
        else if (*m_p == 'f')
            ok = literal("false");
        else if (*m_p == 'n')
            ok = literal("null");
        else
            ok = number();
        break;
    }
    if (!ok || m_failed)
        return fail();
    if (raw)
        *raw = QByteArrayView(start, m_p - start);
    return true;
}

bool JsonReader::atEnd()
{
    skipSpace();
    return !m_failed && m_depth == 0 && m_p == m_end;
}

QString JsonReader::decode(QByteArrayView raw)
{
    const char *run = raw.data();
    const char *close = raw.data() + raw.size();
    const char *slash = static_cast<const char *>(std::memchr(run, '\\', raw.size()));
    if (!slash)
        return QString::fromUtf8(raw);
    QString out;
    out.reserve(raw.size());
    for (const char *q = slash; q < close;) {
        if (*q != '\\') {
            ++q;
            continue;
        }
        out.append(QString::fromUtf8(run, q - run));
        ++q;
        switch (*q++) {
        case 'b':
            out.append(QLatin1Char('\b'));
            break;
        case 'f':
            out.append(QLatin1Char('\f'));
            break;
        case 'n':
            out.append(QLatin1Char('\n'));
            break;
        case 'r':
            out.append(QLatin1Char('\r'));
            break;
        case 't':
            out.append(QLatin1Char('\t'));
            break;
        case 'u': {
            // UTF-16 code units as written; a surrogate pair arrives as two of them.
            char16_t unit = 0;
            for (int i = 0; i < 4 && q < close; ++i)
                unit = char16_t(unit * 16 + hexValue(*q++));
            out.append(QChar(unit));
            break;
        }
        default:
            // \" \\ \/, and an ASCII character that is no JSON escape: the character itself.
            out.append(QLatin1Char(q[-1]));
            break;
        }
        run = q;
    }
    out.append(QString::fromUtf8(run, close - run));
    return out;
}
