// The server's blob files: only bytes that hash to their name get a complete name, never
// written again; a partial survives the store being dropped and opened again (a restart, or
// another server process) and resumes where the database says. Uploads under way live in the
// server database, one per device.
#include "blobstore.h"
#include "common/sha256.h"
#include "partialblob.h"
#include "serverdatabase.h"
#include "sqliteuploadstore.h"
#include "uploadsweep.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

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

ino_t inodeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
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

        const QString name = BlobStore::newPartialName(sha);
        QVERIFY(name.startsWith(QString::fromStdString(sha) + "-"));
        QVERIFY(name != BlobStore::newPartialName(sha));
        auto partial = store.partial(name, &error);
        QVERIFY2(partial, qPrintable(error));
        {
            PartialBlob::Lock lock(*partial);
            QVERIFY(partial->writeAt(0, bytes.constData(), 1 << 20, &error));
            QCOMPARE(partial->fileSize(), 1 << 20);
            QVERIFY(partial->writeAt(1 << 20, bytes.constData() + (1 << 20), 1 << 20, &error));
            QCOMPARE(partial->finish(bytes.size(), sha, store.completePath(sha), &error),
                     PartialBlob::Outcome::Stored);
        }
        QVERIFY(partial->finished());
        QCOMPARE(store.completeSize(sha), bytes.size());
        QCOMPARE(fileBytes(store.completePath(sha)), bytes);
        QCOMPARE(store.completePath(sha),
                 m_dir.filePath("whole/") + QString::fromStdString(sha.substr(0, 2)) + "/"
                     + QString::fromStdString(sha));
        // The partial is gone: only the complete name is left.
        QCOMPARE(filesUnder(m_dir.filePath("whole")),
                 QStringList {QString::fromStdString(sha.substr(0, 2) + "/" + sha)});
    }

    // A second upload of the same bytes ends beside a complete blob: it is left as it was
    // (the same inode, never written again), and the second partial goes.
    void secondCompletionLeavesTheBlob()
    {
        BlobStore store(m_dir.filePath("twice"));
        QString error;
        QVERIFY(store.open(&error));
        const QByteArray bytes = randomBytes(100000, 7);
        const std::string sha = shaOf(bytes);
        std::string stored;
        QVERIFY(store.storeBytes(bytes, &stored, &error));
        QCOMPARE(stored, sha);
        const ino_t before = inodeOf(store.completePath(sha));
        QVERIFY(before != 0);
        auto partial = store.partial(BlobStore::newPartialName(sha), &error);
        PartialBlob::Lock lock(*partial);
        QVERIFY(partial->writeAt(0, bytes.constData(), size_t(bytes.size()), &error));
        QCOMPARE(partial->finish(bytes.size(), sha, store.completePath(sha), &error),
                 PartialBlob::Outcome::Stored);
        QCOMPARE(inodeOf(store.completePath(sha)), before);
        QCOMPARE(fileBytes(store.completePath(sha)), bytes);
        QCOMPARE(filesUnder(m_dir.filePath("twice")),
                 QStringList {QString::fromStdString(sha.substr(0, 2) + "/" + sha)});
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
        auto partial = store.partial(BlobStore::newPartialName(sha), &error);
        QVERIFY(partial);
        PartialBlob::Lock lock(*partial);
        QVERIFY(partial->writeAt(0, tampered.constData(), size_t(tampered.size()), &error));
        QCOMPARE(partial->finish(bytes.size(), sha, store.completePath(sha), &error),
                 PartialBlob::Outcome::Mismatch);
        QVERIFY(error.contains(QString::fromStdString(sha)));
        QCOMPARE(store.completeSize(sha), -1);
        QCOMPARE(filesUnder(m_dir.filePath("wrong")), QStringList());
    }

    // Dropping every reference and opening the folder again is what a restart (or another
    // server process) does: the file keeps its bytes, the hash at the end covers them all.
    // A write at an offset cuts off whatever lay beyond it.
    void partialResumesAfterReopen()
    {
        const QByteArray bytes = randomBytes(5 * 1024 * 1024, 4);
        const std::string sha = shaOf(bytes);
        const QString name = BlobStore::newPartialName(sha);
        QString error;
        {
            BlobStore store(m_dir.filePath("resume"));
            QVERIFY(store.open(&error));
            auto partial = store.partial(name, &error);
            PartialBlob::Lock lock(*partial);
            QVERIFY(partial->writeAt(0, bytes.constData(), 4 * 1024 * 1024, &error));
        }
        BlobStore store(m_dir.filePath("resume"));
        QVERIFY(store.open(&error));
        auto partial = store.partial(name, &error);
        QVERIFY2(partial, qPrintable(error));
        PartialBlob::Lock lock(*partial);
        QCOMPARE(partial->fileSize(), 4 * 1024 * 1024);
        // The database counted 3 MB: the 4th is written again, and only once.
        QVERIFY(partial->writeAt(3 * 1024 * 1024, bytes.constData() + 3 * 1024 * 1024,
                                 2 * 1024 * 1024 - 100, &error));
        QCOMPARE(partial->fileSize(), 5 * 1024 * 1024 - 100);
        QVERIFY(partial->writeAt(5 * 1024 * 1024 - 100, bytes.constData() + 5 * 1024 * 1024 - 100,
                                 100, &error));
        QCOMPARE(partial->finish(bytes.size(), sha, store.completePath(sha), &error),
                 PartialBlob::Outcome::Stored);
        QCOMPARE(fileBytes(store.completePath(sha)), bytes);
    }

    // Partial files no upload row names and nothing wrote to for longer than the limit go;
    // fresh ones, and old ones a row names, stay.
    void orphanPartialsAreRemoved()
    {
        BlobStore store(m_dir.filePath("stale"));
        QString error;
        QVERIFY(store.open(&error));
        auto partialWith = [&](char seed, int ageDays) {
            const QString name = BlobStore::newPartialName(shaOf(QByteArray(16, seed)));
            {
                auto partial = store.partial(name, &error);
                PartialBlob::Lock lock(*partial);
                partial->writeAt(0, "0123456789", 10, &error);
            }
            QFile file(store.partialPath(name));
            file.open(QIODevice::ReadWrite);
            file.setFileTime(QDateTime::currentDateTimeUtc().addDays(-ageDays),
                             QFileDevice::FileModificationTime);
            return name;
        };
        const QString abandoned = partialWith('a', 20);
        const QString fresh = partialWith('f', 1);
        const QString named = partialWith('n', 30); // a row still names it
        const qint64 fourteenDays = 14LL * 24 * 3600 * 1000;
        QCOMPARE(store.removeOrphanPartials(fourteenDays, {named}, &error), 1);
        QVERIFY(!QFile::exists(store.partialPath(abandoned)));
        QVERIFY(QFile::exists(store.partialPath(fresh)));
        QVERIFY(QFile::exists(store.partialPath(named)));
        QCOMPARE(store.removeOrphanPartials(fourteenDays, {named}, &error), 0);
    }

    // This process's calls on one upload share one open partial; a finished one is not reused.
    void oneSharedPartialPerUpload()
    {
        BlobStore store(m_dir.filePath("shared"));
        QString error;
        QVERIFY(store.open(&error));
        const QByteArray bytes = randomBytes(4096, 5);
        const std::string sha = shaOf(bytes);
        const QString name = BlobStore::newPartialName(sha);
        auto a = store.partial(name, &error);
        auto b = store.partial(name, &error);
        QCOMPARE(a.get(), b.get());
        {
            PartialBlob::Lock lock(*a);
            QVERIFY(a->writeAt(0, "nonsense", 8, &error));
            QCOMPARE(a->finish(8, sha, store.completePath(sha), &error),
                     PartialBlob::Outcome::Mismatch);
        }
        QVERIFY(!QFile::exists(store.partialPath(name)));
        auto c = store.partial(name, &error);
        QVERIFY(c);
        QVERIFY(c.get() != a.get());
        PartialBlob::Lock lock(*c);
        QCOMPARE(c->fileSize(), 0);
        QVERIFY(c->writeAt(0, bytes.constData(), size_t(bytes.size()), &error));
        QCOMPARE(c->finish(bytes.size(), sha, store.completePath(sha), &error),
                 PartialBlob::Outcome::Stored);
    }

    // The uploads under way in a real server database: one per (blob, account, device), a
    // chunk counts only from the offset it was taken at, another size starts over, and the
    // idle ones are swept with their files.
    void uploadRowsBelongToTheirDevice()
    {
        ServerDatabase db;
        QVERIFY2(db.open(m_dir.filePath("uploads/server.db")), qPrintable(db.error()));
        SqliteUploadStore uploads(db);
        BlobStore blobs(m_dir.filePath("uploads/blobs"));
        QString error;
        QVERIFY(blobs.open(&error));
        const QString sha = QString::fromStdString(shaOf("photo"));
        const UploadStore::Owner mine {1, QStringLiteral("device-a")};
        const UploadStore::Owner other {2, QStringLiteral("device-b")};
        const UploadStore::Owner myOtherTablet {1, QStringLiteral("device-c")};

        UploadStore::Upload a, b, c, found;
        QVERIFY2(uploads.begin(sha, mine, 1000, "a-file", &a, &error), qPrintable(error));
        QVERIFY(uploads.begin(sha, other, 1000, "b-file", &b, &error));
        QVERIFY(uploads.begin(sha, myOtherTablet, 1000, "c-file", &c, &error));
        QVERIFY(a.id != b.id && a.id != c.id && b.id != c.id);
        QCOMPARE(a.fileName, QStringLiteral("a-file"));
        bool moved = true;
        QVERIFY(uploads.advance(a.id, 0, 400, &moved, &error));
        QVERIFY(!moved);
        // A chunk taken at a stale offset does not count.
        QVERIFY(uploads.advance(a.id, 0, 300, &moved, &error));
        QVERIFY(moved);
        QVERIFY(uploads.find(sha, mine, &found, &error));
        QCOMPARE(found.receivedBytes, 400);
        QVERIFY(uploads.find(sha, other, &found, &error));
        QCOMPARE(found.receivedBytes, 0);
        // Begun again: the same upload, where it was, with the size the new call says.
        QVERIFY(uploads.begin(sha, mine, 999, "ignored", &found, &error));
        QCOMPARE(found.id, a.id);
        QCOMPARE(found.fileName, QStringLiteral("a-file"));
        QCOMPARE(found.receivedBytes, 400);
        QCOMPARE(found.totalSize, 999);
        // Back to 0 (a restart), from where it is only.
        QVERIFY(uploads.advance(a.id, 400, 0, &moved, &error));
        QVERIFY(!moved);
        QVERIFY(uploads.find(sha, mine, &found, &error));
        QCOMPARE(found.receivedBytes, 0);

        // Swept: rows idle since before the cutoff (all of them, with a cutoff in the
        // future), their files, and old files no row names.
        for (const char *name : {"a-file", "b-file", "orphan"})
            QVERIFY(QFile(blobs.partialPath(name)).open(QIODevice::WriteOnly));
        QVERIFY(uploads.remove(c.id, &error));
        QCOMPARE(sweepAbandonedUploads(uploads, blobs, -60000, &error), 3);
        QVERIFY(uploads.find(sha, mine, &found, &error));
        QCOMPARE(found.id, 0);
        QCOMPARE(filesUnder(m_dir.filePath("uploads/blobs")), QStringList());
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
