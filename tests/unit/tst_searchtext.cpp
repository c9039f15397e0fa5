// The search text of a record's answers: what the byte scanner keeps, what it leaves out, and
// that it finds exactly what the QJsonDocument walk it replaced found.
#include "domain/photoreferences.h"
#include "storage/searchtext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

namespace {

QString textOf(const QByteArray &json)
{
    QString out;
    appendAnswerText(json, &out);
    return out;
}

// The walk schema 4 used (RecordRepository before the scanner), kept as the reference.
void referenceCollect(const QJsonValue &value, QStringList *out)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (!s.isEmpty() && !isPhotoReference(s))
            out->append(s);
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            referenceCollect(v, out);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != QLatin1String("source"))
                referenceCollect(it.value(), out);
        }
    }
}

QString referenceTextOf(const QByteArray &json)
{
    QStringList parts;
    referenceCollect(QJsonDocument::fromJson(json).object(), &parts);
    return parts.join(QLatin1Char(' '));
}

// Answers of random shape: nested objects and arrays, every kind of value, strings with
// quotes, backslashes, control characters, CJK, emoji and photo names.
class RandomAnswers {
public:
    explicit RandomAnswers(quint32 seed) : m_rng(seed) { }

    QJsonObject object(int depth)
    {
        static const QStringList keys = {"note",    "source",  "photos", "A1",      "名称",
                                         "C4_name", "sources", "lat",    "comment", "x"};
        QJsonObject o;
        const int n = int(m_rng.bounded(6));
        for (int i = 0; i < n; ++i)
            o.insert(keys.at(int(m_rng.bounded(keys.size()))), value(depth + 1));
        return o;
    }

private:
    QJsonValue value(int depth)
    {
        switch (m_rng.bounded(depth > 4 ? 5 : 7)) {
        case 0:
            return m_rng.bounded(2) == 1;
        case 1:
            return m_rng.generateDouble() * 1e6 - 5e5;
        case 2:
            return QJsonValue::Null;
        case 3:
        case 4:
            return string();
        case 5: {
            QJsonArray a;
            const int n = int(m_rng.bounded(4));
            for (int i = 0; i < n; ++i)
                a.append(value(depth + 1));
            return a;
        }
        default:
            return object(depth);
        }
    }

    QString string()
    {
        if (m_rng.bounded(5) == 0) {
            QString hex;
            for (int i = 0; i < 64; ++i)
                hex += QLatin1Char("0123456789abcdef"[m_rng.bounded(16)]);
            return hex;
        }
        static const QStringList pieces = {"户厕", " ", "\"", "\\",    "/", "\n",     "\t", "\x01",
                                           "😀",    "a", "ß",  "100%_", "",  "丹江口", "E"};
        QString s;
        const int n = int(m_rng.bounded(6));
        for (int i = 0; i < n; ++i)
            s += pieces.at(int(m_rng.bounded(pieces.size())));
        return s;
    }

    QRandomGenerator m_rng;
};

} // namespace

class TestSearchText : public QObject {
    Q_OBJECT

private slots:
    void keepsStringAnswersInOrder()
    {
        QCOMPARE(
            textOf(R"({"answers":{"C1":"YX-017","C2":true,"C3":12.5,"note":"坑塘 有漂浮物"}})"),
            QStringLiteral("YX-017 坑塘 有漂浮物"));
        QCOMPARE(textOf(R"({"a":["x",["y",{"b":"z"}],null,false]})"), QStringLiteral("x y z"));
        QCOMPARE(textOf(R"({"a":"","b":"  "})"), QStringLiteral("  ")); // empty strings add nothing
    }

    void leavesOutPhotosAndGpsSources()
    {
        const QString photo(64, QLatin1Char('c'));
        const QByteArray json = QStringLiteral(R"({"photos":["%1","%2","%3"],)"
                                               R"("loc":{"lat":33.1,"source":"gps"},)"
                                               R"("source":{"name":"nmea","list":["a"]},)"
                                               R"("sources":"kept"})")
                                    .arg(photo, photo.left(63), photo.toUpper())
                                    .toUtf8();
        // 63 digits or upper case are no photo names; "sources" is not "source".
        QCOMPARE(textOf(json), photo.left(63) + QLatin1Char(' ') + photo.toUpper() + " kept");
        // A key is "source" however it is spelt.
        QCOMPARE(textOf(R"({"sour\u0063e":"gps","b":"x"})"), QStringLiteral("x"));
    }

    void decodesEscapes()
    {
        const QByteArray escaped
            = "{\"a\":\"line\\nnext \\\"q\\\" back\\\\slash \\/ \\u4e2d \\ud83d\\ude00\"}";
        QCOMPARE(textOf(escaped), QStringLiteral("line\nnext \"q\" back\\slash / 中 😀"));
        QCOMPARE(textOf("\xef\xbb\xbf{\"a\":\"bom\"}"), QStringLiteral("bom"));
        // No JSON escape: QJsonDocument kept the character, and so does the scanner.
        QCOMPARE(textOf("{\"a\":\"\\q\"}"), QStringLiteral("q"));
        QCOMPARE(referenceTextOf("{\"a\":\"\\q\"}"), QStringLiteral("q"));
    }

    void malformedJsonGivesNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array at the top") << QByteArray("[\"a\"]");
        QTest::newRow("string at the top") << QByteArray("\"a\"");
        QTest::newRow("trailing comma") << QByteArray("{\"a\":\"x\",}");
        QTest::newRow("garbage after") << QByteArray("{\"a\":\"x\"} y");
        QTest::newRow("unterminated string") << QByteArray("{\"a\":\"x");
        QTest::newRow("unterminated object") << QByteArray("{\"a\":\"x\"");
        QTest::newRow("short unicode escape") << QByteArray("{\"a\":\"\\u12\"}");
        QTest::newRow("escaped non-ASCII") << QByteArray("{\"a\":\"\\中\"}");
        QTest::newRow("bad unicode escape under source") << QByteArray("{\"source\":\"\\u12g4\"}");
        QTest::newRow("leading zero") << QByteArray("{\"a\":01,\"b\":\"x\"}");
        QTest::newRow("bare word") << QByteArray("{\"a\":yes,\"b\":\"x\"}");
        QTest::newRow("key without quotes") << QByteArray("{a:\"x\"}");
        QTest::newRow("invalid UTF-8") << QByteArray("{\"a\":\"\xff\"}");
        QTest::newRow("too deep") << QByteArray("{\"a\":" + QByteArray(2000, '[')
                                                + QByteArray(2000, ']') + "}");
    }

    void malformedJsonGivesNothing()
    {
        QFETCH(QByteArray, json);
        QString out = QStringLiteral("九重村");
        appendAnswerText(json, &out);
        QCOMPARE(out, QStringLiteral("九重村"));
        QCOMPARE(referenceTextOf(json), QString()); // the old walk found nothing either
    }

    void appendsAfterWhatIsThere()
    {
        QString out = QStringLiteral("九重村 丹阳镇");
        appendAnswerText(R"({"note":"放流"})", &out);
        QCOMPARE(out, QStringLiteral("九重村 丹阳镇 放流"));
    }

    // QJsonDocument writes keys sorted, so its document order is the order the old walk
    // visited them in: both must give the same text, character for character.
    void findsWhatTheJsonDocumentWalkFound()
    {
        RandomAnswers answers(20261202);
        for (int i = 0; i < 3000; ++i) {
            const QJsonDocument doc(answers.object(0));
            const QByteArray json
                = doc.toJson(i % 2 ? QJsonDocument::Compact : QJsonDocument::Indented);
            QCOMPARE(textOf(json), referenceTextOf(json));
        }
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
