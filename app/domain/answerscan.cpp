#include "answerscan.h"

namespace {

using Visit = std::function<void(QByteArrayView, QByteArrayView)>;

constexpr int kMaxDepth = 64;

struct Cursor {
    const char *p;
    const char *end;

    bool atEnd() const { return p >= end; }
    void skipSpace()
    {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    }
};

bool readValue(Cursor &c, int depth);

// A string with its quotes; escapes are skipped, not decoded.
bool readString(Cursor &c)
{
    if (c.atEnd() || *c.p != '"')
        return false;
    ++c.p;
    while (c.p < c.end) {
        const char ch = *c.p++;
        if (ch == '\\') {
            if (c.atEnd())
                return false;
            ++c.p;
        } else if (ch == '"') {
            return true;
        } else if (static_cast<unsigned char>(ch) < 0x20) {
            return false;
        }
    }
    return false;
}

// true, false, null or a number.
bool readLiteral(Cursor &c)
{
    const char *start = c.p;
    while (c.p < c.end
           && ((*c.p >= '0' && *c.p <= '9') || (*c.p >= 'a' && *c.p <= 'z') || *c.p == '-'
               || *c.p == '+' || *c.p == '.' || *c.p == 'E'))
        ++c.p;
    const QByteArrayView token(start, c.p - start);
    if (token.isEmpty())
        return false;
    return token == "true" || token == "false" || token == "null" || token[0] == '-'
        || (token[0] >= '0' && token[0] <= '9');
}

// An object's members from its '{'; visit (if any) gets each member's key and value.
bool readObject(Cursor &c, int depth, const Visit *visit)
{
    ++c.p;
    c.skipSpace();
    if (!c.atEnd() && *c.p == '}') {
        ++c.p;
        return true;
    }
    for (;;) {
        c.skipSpace();
        const char *keyStart = c.p;
        if (!readString(c))
            return false;
        const QByteArrayView key(keyStart + 1, c.p - keyStart - 2);
        c.skipSpace();
        if (c.atEnd() || *c.p != ':')
            return false;
        ++c.p;
        c.skipSpace();
        const char *valueStart = c.p;
        if (!readValue(c, depth + 1))
            return false;
        if (visit)
            (*visit)(key, QByteArrayView(valueStart, c.p - valueStart));
        c.skipSpace();
        if (c.atEnd())
            return false;
        if (*c.p == '}') {
            ++c.p;
            return true;
        }
        if (*c.p++ != ',')
            return false;
    }
}

bool readArray(Cursor &c, int depth)
{
    ++c.p;
    c.skipSpace();
    if (!c.atEnd() && *c.p == ']') {
        ++c.p;
        return true;
    }
    for (;;) {
        if (!readValue(c, depth + 1))
            return false;
        c.skipSpace();
        if (c.atEnd())
            return false;
        if (*c.p == ']') {
            ++c.p;
            return true;
        }
        if (*c.p++ != ',')
            return false;
    }
}

bool readValue(Cursor &c, int depth)
{
    c.skipSpace();
    if (c.atEnd() || depth > kMaxDepth)
        return false;
    switch (*c.p) {
    case '"':
        return readString(c);
    case '{':
        return readObject(c, depth, nullptr);
    case '[':
        return readArray(c, depth);
    default:
        return readLiteral(c);
    }
}

} // namespace

bool scanAnswers(QByteArrayView json, const Visit &visit)
{
    Cursor c {json.data(), json.data() + json.size()};
    c.skipSpace();
    if (c.atEnd() || *c.p != '{')
        return false;
    // The top level: "answers" is read member by member, everything else only checked.
    bool ok = true;
    const Visit top = [&](QByteArrayView key, QByteArrayView value) {
        if (key != "answers" || value.isEmpty() || value[0] != '{')
            return;
        Cursor inner {value.data(), value.data() + value.size()};
        ok = readObject(inner, 1, &visit);
    };
    if (!readObject(c, 0, &top) || !ok)
        return false;
    c.skipSpace();
    return c.atEnd();
}
