#include "searchtext.h"

#include "domain/photoreferences.h"

#include <QStringList>

namespace {

// A recursive-descent walk over JSON text (RFC 8259) that keeps only the string values the
// search wants. Any syntax error makes the whole document worth nothing, as it was with
// QJsonDocument::fromJson.
class AnswerTextScanner {
public:
    explicit AnswerTextScanner(QByteArrayView json) : m_p(json.begin()), m_end(json.end()) { }

    bool scanDocument(QStringList *pieces)
    {
        m_pieces = pieces;
        // A UTF-8 byte order mark is allowed, as QJsonDocument allows it.
        if (m_end - m_p >= 3 && uchar(m_p[0]) == 0xef && uchar(m_p[1]) == 0xbb
            && uchar(m_p[2]) == 0xbf)
            m_p += 3;
        skipSpace();
        if (m_p == m_end || *m_p != '{' || !object(true, 0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

private:
    static constexpr int kMaxDepth = 1024; // QJsonDocument's nesting limit

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool consume(char c)
    {
        skipSpace();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    bool value(bool collect, int depth)
    {
        skipSpace();
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(collect, depth + 1);
        case '[':
            return array(collect, depth + 1);
        case '"': {
            QString s;
            if (!string(collect ? &s : nullptr))
                return false;
            if (collect && !s.isEmpty() && !isPhotoReference(s))
                m_pieces->append(s);
            return true;
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    // m_p is at '{'.
    bool object(bool collect, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        ++m_p;
        if (consume('}'))
            return true;
        do {
            skipSpace();
            bool isSource = false;
            if (m_p == m_end || *m_p != '"' || !key(&isSource) || !consume(':'))
                return false;
            if (!value(collect && !isSource, depth))
                return false;
        } while (consume(','));
        return consume('}');
    }

    // m_p is at '['.
    bool array(bool collect, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        ++m_p;
        if (consume(']'))
            return true;
        do {
            if (!value(collect, depth))
                return false;
        } while (consume(','));
        return consume(']');
    }

    // An object key; only whether it is "source" matters.
    bool key(bool *isSource)
    {
        const char *start = m_p + 1;
        bool escaped = false;
        if (!skipString(&escaped))
            return false;
        const QByteArrayView raw(start, m_p - 1 - start);
        if (!escaped) {
            *isSource = raw == QByteArrayView("source");
            return true;
        }
        m_p = start - 1;
        QString decoded;
        if (!string(&decoded))
            return false;
        *isSource = decoded == QLatin1String("source");
        return true;
    }

    // Moves past a string (m_p at its opening quote), noting whether it has escapes.
    bool skipString(bool *escaped)
    {
        ++m_p;
        while (m_p != m_end) {
            const char c = *m_p++;
            if (c == '"')
                return true;
            if (c == '\\') {
                *escaped = true;
                if (m_p == m_end)
                    return false;
                ++m_p;
            }
        }
        return false;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    // A string value (m_p at its opening quote), decoded into *out unless out is null.
    bool string(QString *out)
    {
        const char *start = m_p + 1;
        bool escaped = false;
        if (!skipString(&escaped))
            return false;
        const char *close = m_p - 1;
        if (!out)
            return !escaped || validEscapes(start, close);
        if (!escaped) {
            *out = QString::fromUtf8(start, close - start);
            return true;
        }
        out->reserve(close - start);
        const char *run = start;
        for (const char *q = start; q < close;) {
            if (*q != '\\') {
                ++q;
                continue;
            }
            out->append(QString::fromUtf8(run, q - run));
            ++q;
            switch (*q++) {
            case '"':
                out->append(QLatin1Char('"'));
                break;
            case '\\':
                out->append(QLatin1Char('\\'));
                break;
            case '/':
                out->append(QLatin1Char('/'));
                break;
            case 'b':
                out->append(QLatin1Char('\b'));
                break;
            case 'f':
                out->append(QLatin1Char('\f'));
                break;
            case 'n':
                out->append(QLatin1Char('\n'));
                break;
            case 'r':
                out->append(QLatin1Char('\r'));
                break;
            case 't':
                out->append(QLatin1Char('\t'));
                break;
            case 'u': {
                // UTF-16 code units as written; a surrogate pair arrives as two of them.
                if (close - q < 4)
                    return false;
                int unit = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(*q++);
                    if (h < 0)
                        return false;
                    unit = unit * 16 + h;
                }
                out->append(QChar(char16_t(unit)));
                break;
            }
            default:
                // Not a JSON escape: QJsonDocument kept an ASCII character, so does this.
                if (uchar(q[-1]) >= 0x80)
                    return false;
                run = q - 1;
                continue;
            }
            run = q;
        }
        out->append(QString::fromUtf8(run, close - run));
        return true;
    }

    static bool validEscapes(const char *q, const char *close)
    {
        while (q < close) {
            if (*q++ != '\\')
                continue;
            const char c = *q++;
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

    bool literal(const char *word)
    {
        const QByteArrayView w(word);
        if (m_end - m_p < w.size() || QByteArrayView(m_p, w.size()) != w)
            return false;
        m_p += w.size();
        return true;
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    bool number()
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

    const char *m_p;
    const char *m_end;
    QStringList *m_pieces = nullptr;
};

} // namespace

void appendAnswerText(QByteArrayView contentJson, QString *out)
{
    // QJsonDocument refused invalid UTF-8 anywhere; so does this.
    if (!contentJson.isValidUtf8())
        return;
    QStringList pieces;
    if (!AnswerTextScanner(contentJson).scanDocument(&pieces))
        return;
    for (const QString &piece : std::as_const(pieces)) {
        if (!out->isEmpty())
            out->append(QLatin1Char(' '));
        out->append(piece);
    }
}
