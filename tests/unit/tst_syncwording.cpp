// What the sync layer and the photo code carry as codes and arguments (SyncErrorCode, the
// server's refusals, PhotoProblemCode) is worded by the app in the language of the moment:
// every code in Chinese and, through the app's translation, in English with no Chinese left;
// place names in English mode come from the bundled place data. (A stored message read after a
// language switch: tst_reviewcontroller's set-aside decision, tst_connect_server's sync log.)
#include "controllers/exportwordstext.h"
#include "controllers/photoproblemtext.h"
#include "controllers/placenames.h"
#include "controllers/syncerrortext.h"
#include "storage/database.h"
#include "storage/referencedatarepository.h"
#include "syncreport.h"

#include <QLocale>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

namespace {

bool hasChinese(const QString &text)
{
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if ((u >= 0x3000 && u <= 0x303f) || (u >= 0x3400 && u <= 0x9fff)
            || (u >= 0xff00 && u <= 0xffef))
            return true;
    }
    return false;
}

const QStringList kSyncCodes = {
    SyncErrorCode::kNoServer,
    SyncErrorCode::kNotLoggedIn,
    SyncErrorCode::kUnreachable,
    SyncErrorCode::kLocalStore,
    SyncErrorCode::kPhotosFailed,
    SyncErrorCode::kTimeout,
    SyncErrorCode::kServerFailed,
    SyncErrorCode::kPartialAck,
    SyncErrorCode::kBadCatalogue,
    SyncErrorCode::kLoginNotStored,
    SyncErrorCode::kWorkOfAnotherAccount,
};

const QStringList kPhotoCodes = {
    PhotoProblemCode::kNoCamera,      PhotoProblemCode::kNoPermission,
    PhotoProblemCode::kCaptureBusy,   PhotoProblemCode::kCameraClosed,
    PhotoProblemCode::kCaptureFailed, PhotoProblemCode::kCameraError,
    PhotoProblemCode::kNoImage,       PhotoProblemCode::kFileMissing,
    PhotoProblemCode::kNotAFile,      PhotoProblemCode::kCannotOpen,
    PhotoProblemCode::kFileEmpty,     PhotoProblemCode::kUnknownFormat,
    PhotoProblemCode::kTruncated,     PhotoProblemCode::kCorruptData,
    PhotoProblemCode::kUndecodable,   PhotoProblemCode::kNoPhotoFolder,
    PhotoProblemCode::kNeedsGui,      PhotoProblemCode::kEncodeFailed,
    PhotoProblemCode::kCannotWrite,   PhotoProblemCode::kCannotCreateFolder,
    PhotoProblemCode::kBadPhotoId,    PhotoProblemCode::kPhotoMissing,
    PhotoProblemCode::kPhotoCorrupt,
};

// Arguments as the code's users give them: ASCII, so that any Chinese left is the wording's.
const QStringList kArgs = {QStringLiteral("3"), QStringLiteral("7")};

} // namespace

class TestSyncWording : public QObject {
    Q_OBJECT

    QTranslator m_english;

    void useEnglish(bool english)
    {
        QCoreApplication::removeTranslator(&m_english);
        if (english)
            QCoreApplication::installTranslator(&m_english);
        QLocale::setDefault(QLocale(english ? QStringLiteral("en_US") : QStringLiteral("zh_CN")));
    }

private slots:
    void initTestCase() { QVERIFY(m_english.load(QStringLiteral(":/i18n/qingshui_en.qm"))); }
    void cleanup() { useEnglish(false); }

    void everySyncCodeIsWordedInBothLanguages()
    {
        QSet<QString> chinese;
        for (const QString &code : kSyncCodes) {
            useEnglish(false);
            const QString zh = SyncErrorText::describe(code, kArgs, QStringLiteral("detail"));
            QVERIFY2(hasChinese(zh), qPrintable(code + ": " + zh));
            QVERIFY2(!zh.contains(QLatin1String("detail")), qPrintable(zh)); // the code's words
            chinese.insert(zh);
            useEnglish(true);
            const QString en = SyncErrorText::describe(code, kArgs, QStringLiteral("detail"));
            QVERIFY2(!en.isEmpty() && !hasChinese(en), qPrintable(code + ": " + en));
        }
        QCOMPARE(chinese.size(), kSyncCodes.size()); // each its own words
        // The arguments land where the wording puts them.
        useEnglish(true);
        QCOMPARE(SyncErrorText::describe(SyncErrorCode::kPartialAck, {"3", "7"}, {}),
                 QStringLiteral("The server acknowledged 3 of 7; the rest go out with the next "
                                "sync"));
        useEnglish(false);
        QCOMPARE(SyncErrorText::describe(SyncErrorCode::kServerFailed, {"13", "boom"}, {}),
                 QStringLiteral("同步失败（gRPC 13）：boom"));
        // A server refusal goes to RefusalText; no code at all shows the detail as it was.
        QCOMPARE(SyncErrorText::describe("wrong_password", {}, {}), QStringLiteral("密码错误"));
        QCOMPARE(SyncErrorText::describe({}, {}, QStringLiteral("as it was")),
                 QStringLiteral("as it was"));
    }

    void everyPhotoCodeIsWordedInBothLanguages()
    {
        for (const QString &code : kPhotoCodes) {
            const PhotoProblem problem {code, {QStringLiteral("a.jpg"), QStringLiteral("why")}};
            useEnglish(false);
            const QString zh = PhotoProblemText::describe(problem);
            QVERIFY2(hasChinese(zh), qPrintable(code + ": " + zh));
            QVERIFY2(!zh.contains(code), qPrintable(code + " has no wording of its own: " + zh));
            useEnglish(true);
            const QString en = PhotoProblemText::describe(problem);
            QVERIFY2(!en.isEmpty() && !hasChinese(en), qPrintable(code + ": " + en));
        }
        QVERIFY(PhotoProblemText::describe({}).isEmpty());
        useEnglish(false);
        QCOMPARE(PhotoProblemText::describe({PhotoProblemCode::kNoCamera, {}}),
                 QStringLiteral("此设备没有摄像头，请从文件导入照片"));
        QCOMPARE(PhotoProblemText::describe({PhotoProblemCode::kFileEmpty, {"a.jpg"}}),
                 QStringLiteral("无法读取图片 a.jpg：文件为空"));
        useEnglish(true);
        QCOMPARE(PhotoProblemText::describe({PhotoProblemCode::kFileEmpty, {"a.jpg"}}),
                 QStringLiteral("Cannot read the picture a.jpg: the file is empty"));
    }

    void placeNamesFollowTheLanguage()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath("store.db")));
        ReferenceDataRepository reference(db.connection());
        QVERIFY(reference.loadIfEmpty());
        const QList<PairedUnit> units = reference.units();
        QCOMPARE(units.size(), 16);
        useEnglish(false);
        const PairedUnit &xichuan = units.first();
        QCOMPARE(PlaceNames::unit(xichuan), QStringLiteral("淅川县"));
        QCOMPARE(PlaceNames::partnerDistrict(xichuan), QStringLiteral("北京市朝阳区"));
        QCOMPARE(PlaceNames::place(QStringLiteral("河南省")), QStringLiteral("河南省"));
        useEnglish(true);
        QCOMPARE(PlaceNames::unit(xichuan), QStringLiteral("Xichuan"));
        QCOMPARE(PlaceNames::partnerDistrict(xichuan),
                 QStringLiteral("Chaoyang District, Beijing"));
        QCOMPARE(PlaceNames::place(QStringLiteral("河南省")), QStringLiteral("Henan Province"));
        // Every unit, its province and its partner district have English names.
        for (const PairedUnit &u : units) {
            for (const QString &name : {PlaceNames::unit(u), PlaceNames::partnerDistrict(u),
                                        PlaceNames::place(u.provinceName)})
                QVERIFY2(!hasChinese(name), qPrintable(u.name + ": " + name));
        }
        // Townships and villages have none: they stay as they are.
        QCOMPARE(PlaceNames::place(QStringLiteral("丹阳镇")), QStringLiteral("丹阳镇"));
    }

    // A CSV or GeoJSON file is written in the app's language at export time: in Chinese mode
    // the words the exports have always written, in English mode English throughout.
    void exportWordsFollowTheLanguage()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath("store.db")));
        QVERIFY(ReferenceDataRepository(db.connection()).loadIfEmpty());
        useEnglish(false);
        const ExportWords zh = ExportWordsText::current(db.connection());
        const ExportWords defaults;
        QCOMPARE(zh.csvHeader, defaults.csvHeader);
        QCOMPARE(zh.statuses, defaults.statuses);
        QCOMPARE(zh.yes, defaults.yes);
        QCOMPARE(zh.unit(QStringLiteral("淅川县")), QStringLiteral("淅川县"));
        useEnglish(true);
        const ExportWords en = ExportWordsText::current(db.connection());
        QCOMPARE(en.csvHeader.size(), defaults.csvHeader.size());
        const QStringList all = en.csvHeader + en.statuses
            + QStringList {en.yes, en.no, en.listSeparator, en.labelSeparator};
        for (const QString &word : all)
            QVERIFY2(!word.isEmpty() && !hasChinese(word), qPrintable(word));
        QCOMPARE(en.unit(QStringLiteral("淅川县")), QStringLiteral("Xichuan"));
        QCOMPARE(en.unitNames.size(), 16);
    }
};

QTEST_GUILESS_MAIN(TestSyncWording)
#include "tst_syncwording.moc"
