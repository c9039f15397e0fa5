// The server's blob files: only bytes that hash to their name get a complete name; a partial
// survives the store being dropped and opened again (a restart) and resumes where it ended.
#include "blobstore.h"
#include "partialblob.h"
#include "sha256.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

std::string shaOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

} // namespace

class TestBlobStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void sha256MatchesQt()
    {
        const QByteArray bytes = randomBytes(3 * 1024 * 1024 + 5, 1);
        Sha256 hash;
        hash.add(bytes.constData(), 1000);
        hash.add(bytes.constData() + 1000, size_t(bytes.size() - 1000));
        QCOMPARE(hash.hexDigest(), shaOf(bytes));
        QCOMPARE(hash.hexDigest(), shaOf({})); // starts afresh
    }

    void namesAreLowercaseHex()
    {
        QVERIFY(BlobStore::isSha256(shaOf("x")));
        QVERIFY(
            !BlobStore::isSha256(QByteArray::fromStdString(shaOf("x")).toUpper().toStdString()));
        QVERIFY(!BlobStore::isSha256(shaOf("x").substr(1)));
        QVERIFY(!BlobStore::isSha256(std::string(62, 'a') + "/."));
        QVERIFY(!BlobStore::isSha256(""));
    }

    void wholeBlobGetsItsName()
    {
        BlobStore store(m_dir.filePath("whole"));
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        const QByteArray bytes = randomBytes(2 * 1024 * 1024, 2);
        const std::string sha = shaOf(bytes);
        QCOMPARE(store.completeSize(sha), -1);

        bool complete = true;
        auto partial = store.partial(sha, &complete, &error);
        QVERIFY2(partial, qPrintable(error));
        QVERIFY(!complete);
        {
            std::lock_guard lock(partial->mutex());
            QVERIFY(partial->append(bytes.constData(), 1 << 20, &error));
            QCOMPARE(store.partialSize(sha), 1 << 20);
            QVERIFY(partial->append(bytes.constData() + (1 << 20), 1 << 20, &error));
            QCOMPARE(partial->finish(&error), PartialBlob::Outcome::Stored);
        }
        QVERIFY(partial->finished());
        QCOMPARE(store.completeSize(sha), bytes.size());
        QCOMPARE(fileBytes(store.completePath(sha)), bytes);
        QCOMPARE(store.completePath(sha),
                 m_dir.filePath("whole/") + QString::fromStdString(sha.substr(0, 2)) + "/"
                     + QString::fromStdString(sha));
        QCOMPARE(filesUnder(m_dir.filePath("whole")),
                 QStringList {QString::fromStdString(sha.substr(0, 2) + "/" + sha)});
        // Complete now: no new partial beside it.
        QVERIFY(!store.partial(sha, &complete, &error));
        QVERIFY(complete);
    }

    void wrongBytesAreDiscarded()
    {
        BlobStore store(m_dir.filePath("wrong"));
        QString error;
        QVERIFY(store.open(&error));
        const QByteArray bytes = randomBytes(300000, 3);
        QByteArray tampered = bytes;
        tampered[150000] = char(tampered[150000] ^ 1);
        const std::string sha = shaOf(bytes);
        bool complete = false;
        auto partial = store.partial(sha, &complete, &error);
        QVERIFY(partial);
        std::lock_guard lock(partial->mutex());
        QVERIFY(partial->append(tampered.constData(), size_t(tampered.size()), &error));
        QCOMPARE(partial->finish(&error), PartialBlob::Outcome::Mismatch);
        QVERIFY(error.contains(QString::fromStdString(sha)));
        QCOMPARE(store.completeSize(sha), -1);
        QCOMPARE(filesUnder(m_dir.filePath("wrong")), QStringList());
    }

    // Dropping every reference and opening the folder again is what a restart does.
    void partialResumesAfterReopen()
    {
        const QByteArray bytes = randomBytes(5 * 1024 * 1024, 4);
        const std::string sha = shaOf(bytes);
        QString error;
        bool complete = false;
        {
            BlobStore store(m_dir.filePath("resume"));
            QVERIFY(store.open(&error));
            auto partial = store.partial(sha, &complete, &error);
            std::lock_guard lock(partial->mutex());
            QVERIFY(partial->append(bytes.constData(), 3 * 1024 * 1024, &error));
        }
        BlobStore store(m_dir.filePath("resume"));
        QVERIFY(store.open(&error));
        QCOMPARE(store.partialSize(sha), 3 * 1024 * 1024);
        auto partial = store.partial(sha, &complete, &error);
        QVERIFY2(partial, qPrintable(error));
        std::lock_guard lock(partial->mutex());
        QCOMPARE(partial->size(), 3 * 1024 * 1024);
        QVERIFY(partial->append(bytes.constData() + 3 * 1024 * 1024, 2 * 1024 * 1024, &error));
        QCOMPARE(partial->finish(&error), PartialBlob::Outcome::Stored); // the hash spans both
        QCOMPARE(fileBytes(store.completePath(sha)), bytes);
    }

    // Partials nobody added to for longer than the limit go; fresh ones and ones an upload
    // holds open stay, whatever their age.
    void stalePartialsAreRemoved()
    {
        BlobStore store(m_dir.filePath("stale"));
        QString error;
        QVERIFY(store.open(&error));
        auto partialWith = [&](char seed, int ageDays) {
            const std::string sha = shaOf(QByteArray(16, seed));
            bool complete = false;
            auto partial = store.partial(sha, &complete, &error);
            {
                std::lock_guard lock(partial->mutex());
                partial->append("0123456789", 10, &error);
            }
            QFile file(store.partialPath(sha));
            file.open(QIODevice::ReadWrite);
            file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-ageDays),
                             QFileDevice::FileModificationTime);
            return std::pair {sha, partial};
        };
        const std::string abandoned = partialWith('a', 20).first;
        const std::string fresh = partialWith('f', 1).first;
        const auto [held, holder] = partialWith('h', 30); // an upload still holds it
        const qint64 fourteenDays = 14LL * 24 * 3600 * 1000;
        QCOMPARE(store.removeStalePartials(fourteenDays, &error), 1);
        QCOMPARE(store.partialSize(abandoned), 0);
        QVERIFY(!QFile::exists(store.partialPath(abandoned)));
        QCOMPARE(store.partialSize(fresh), 10);
        QCOMPARE(store.partialSize(held), 10);
        QCOMPARE(store.removeStalePartials(fourteenDays, &error), 0);
    }

    // Every upload of one blob under way shares one partial; a finished one is not reused.
    void oneSharedPartialPerBlob()
    {
        BlobStore store(m_dir.filePath("shared"));
        QString error;
        QVERIFY(store.open(&error));
        const QByteArray bytes = randomBytes(4096, 5);
        const std::string sha = shaOf(bytes);
        bool complete = false;
        auto a = store.partial(sha, &complete, &error);
        auto b = store.partial(sha, &complete, &error);
        QCOMPARE(a.get(), b.get());
        {
            std::lock_guard lock(a->mutex());
            QVERIFY(a->append("nonsense", 8, &error));
            QCOMPARE(a->finish(&error), PartialBlob::Outcome::Mismatch);
        }
        auto c = store.partial(sha, &complete, &error);
        QVERIFY(c);
        QVERIFY(c.get() != a.get());
        std::lock_guard lock(c->mutex());
        QCOMPARE(c->size(), 0);
        QVERIFY(c->append("more", 4, &error));
        QVERIFY(c->restart(&error));
        QCOMPARE(c->size(), 0);
        QCOMPARE(store.partialSize(sha), 0);
        QVERIFY(c->append(bytes.constData(), size_t(bytes.size()), &error));
        QCOMPARE(c->finish(&error), PartialBlob::Outcome::Stored);
    }

    void unusableFolderIsAnError()
    {
        QFile blocker(m_dir.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        BlobStore store(m_dir.filePath("blocker/blobs"));
        QString error;
        QVERIFY(!store.open(&error));
        QVERIFY(error.contains("blocker"));
    }
};

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
