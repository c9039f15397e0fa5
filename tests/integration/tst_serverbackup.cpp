// `qingshui-server backup`: an online copy of the server's SQLite file while a real server
// goes on taking pushes. Each copy holds whole push batches, a prefix of what was pushed; a
// server started on the copy serves it (a fresh device pulls exactly that prefix and pushes
// more). A full disk, a file that is no database or a PostgreSQL --db: a clear error, and the
// previous copy and the database stay as they were.
#include "serverprocess.h"
#include "syncdevice.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

namespace {

constexpr int kBatch = 5; // records per push: one Push, one transaction on the server
const QString kVillage = QStringLiteral("420322100200");

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Submits batch `round` (kBatch records, each naming its batch and place) and pushes it.
bool pushRound(SyncDevice &device, int round)
{
    RecordRepository records = device.records();
    for (int i = 0; i < kBatch; ++i) {
        Record r;
        r.id = uuid();
        r.templateId = QStringLiteral("village_visit.pairing");
        r.category = QStringLiteral("village_visit");
        r.villageCode = kVillage;
        r.createdAtMs = r.updatedAtMs = 1700000000000 + round * kBatch + i;
        r.content = QStringLiteral("{\"answers\":{\"note\":\"batch %1 item %2\"}}")
                        .arg(round)
                        .arg(i)
                        .toUtf8();
        if (!records.submit(r, uuid()))
            return false;
    }
    const SyncResult result = device.sync();
    return result.ok && result.pushed == kBatch;
}

// The batches a store holds: batch number → how many of its records.
QMap<int, int> batchesIn(SyncDevice &device)
{
    static const QRegularExpression note(QStringLiteral("batch (\\d+) item \\d+"));
    QMap<int, int> batches;
    for (const Record &r : device.records().query({}, 100000)) {
        const auto m = note.match(QString::fromUtf8(r.content));
        if (m.hasMatch())
            ++batches[m.captured(1).toInt()];
    }
    return batches;
}

struct BackupRun {
    int exitCode = -1;
    QString output;
    QString errors;
};

// `qingshui-server backup ARGS` to its end; `maxFileBytes` > 0: as on a disk that is full.
BackupRun runBackup(const QStringList &args, qint64 maxFileBytes = 0)
{
    QProcess p;
    if (maxFileBytes > 0) {
        p.setChildProcessModifier([maxFileBytes] {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit {rlim_t(maxFileBytes), rlim_t(maxFileBytes)};
            setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    p.start(QStringLiteral(QINGSHUI_SERVER_PATH), QStringList {QStringLiteral("backup")} + args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
        ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
        : QByteArray();
}

// No half-written copy or journal beside `target`.
bool nothingPartialBeside(const QString &target)
{
    const QFileInfo info(target);
    return info.absoluteDir()
        .entryList({info.fileName() + QStringLiteral(".partial*")}, QDir::Files)
        .isEmpty();
}

} // namespace

class TestServerBackup : public QObject {
    Q_OBJECT

private slots:
    void copiesTakenWhileTheServerWritesHoldWholeBatchesAndServe()
    {
        QTemporaryDir dir;
        const QString serverDb = dir.filePath("server.db");
        ServerProcess server(serverDb);
        QVERIFY(server.addUser("inspector", "inspector", "420322"));
        QVERIFY(server.addUser("supervisor", "supervisor", "420322"));
        QVERIFY(server.start());
        SyncDevice tablet;
        QString error;
        QVERIFY2(tablet.open(dir.filePath("tablet.db"), server.address(), "inspector", &error),
                 qPrintable(error));

        // Three copies, each taken while the tablet goes on pushing: `before` batches were
        // on the server when the copy began, `after` when it had finished.
        struct Copy {
            QString path;
            int before = 0, after = 0;
            QString epoch;
            qint64 lastSeq = -1;
        };
        QList<Copy> copies;
        int round = 0;
        for (int c = 0; c < 3; ++c) {
            for (int i = 0; i < 3; ++i)
                QVERIFY(pushRound(tablet, round++));
            Copy copy;
            copy.path = dir.filePath(QStringLiteral("backup-%1.db").arg(c));
            copy.before = round;
            QProcess backup;
            backup.start(QStringLiteral(QINGSHUI_SERVER_PATH),
                         {"backup", "--db", serverDb, "--to", copy.path});
            QVERIFY(backup.waitForStarted());
            int during = 0;
            do {
                QVERIFY(pushRound(tablet, round++));
                ++during;
            } while (!backup.waitForFinished(1));
            copy.after = round;
            const QString out = QString::fromUtf8(backup.readAllStandardOutput());
            QVERIFY2(backup.exitCode() == 0,
                     qPrintable(out + QString::fromUtf8(backup.readAllStandardError())));
            QVERIFY2(out.contains("integrity ok"), qPrintable(out));
            const auto m = QRegularExpression("epoch (\\S+), server_seq (\\d+)").match(out);
            QVERIFY2(m.hasMatch(), qPrintable(out));
            copy.epoch = m.captured(1);
            copy.lastSeq = m.captured(2).toLongLong();
            QVERIFY(nothingPartialBeside(copy.path));
            qInfo("copy %d: %d batches before it, %d pushed while it ran", c, copy.before, during);
            copies << copy;
        }
        QVERIFY(pushRound(tablet, round++)); // the server still takes pushes

        for (const Copy &copy : copies) {
            QCOMPARE(copy.epoch, server.epoch());
            // A server started on the copy: the same history, and it serves.
            const QString restoredDb = dir.filePath(QFileInfo(copy.path).baseName() + "-served.db");
            QVERIFY(QFile::copy(copy.path, restoredDb));
            ServerProcess restored(restoredDb);
            QVERIFY(restored.start());
            QCOMPARE(restored.epoch(), server.epoch());
            SyncDevice fresh;
            QVERIFY2(fresh.open(dir.filePath(QFileInfo(copy.path).baseName() + "-fresh.db"),
                                restored.address(), "supervisor", &error),
                     qPrintable(error));
            const SyncResult pulled = fresh.sync();
            QVERIFY2(pulled.ok, qPrintable(pulled.error));

            // Whole batches only, and exactly batches 0 … k-1, with before ≤ k ≤ after.
            const QMap<int, int> batches = batchesIn(fresh);
            const int k = batches.size();
            QVERIFY2(k >= copy.before && k <= copy.after,
                     qPrintable(QStringLiteral("%1 batches, pushed %2 before and %3 after")
                                    .arg(k)
                                    .arg(copy.before)
                                    .arg(copy.after)));
            for (int b = 0; b < k; ++b)
                QVERIFY2(batches.value(b) == kBatch,
                         qPrintable(QStringLiteral("batch %1 has %2 of %3 records")
                                        .arg(b)
                                        .arg(batches.value(b))
                                        .arg(kBatch)));
            QCOMPARE(pulled.pulled, k * kBatch);
            QCOMPARE(copy.lastSeq, qint64(k * kBatch)); // as the command said of it

            // It takes new work, too.
            SyncDevice tablet2;
            QVERIFY2(tablet2.open(dir.filePath(QFileInfo(copy.path).baseName() + "-t2.db"),
                                  restored.address(), "inspector", &error),
                     qPrintable(error));
            QVERIFY(pushRound(tablet2, 1000));
            QVERIFY(fresh.sync().ok);
            QCOMPARE(batchesIn(fresh).value(1000), kBatch);
        }
    }

    // A full disk while copying: exit 1 with why; the previous copy is untouched and no
    // half-written file is left. The server's database is not touched either.
    void aFailedCopyKeepsThePreviousOne()
    {
        QTemporaryDir dir;
        const QString serverDb = dir.filePath("server.db");
        const QString target = dir.filePath("nightly.db");
        ServerProcess server(serverDb);
        QVERIFY(server.addUser("inspector", "inspector", "420322"));
        QVERIFY(server.start());
        SyncDevice tablet;
        QString error;
        QVERIFY2(tablet.open(dir.filePath("tablet.db"), server.address(), "inspector", &error),
                 qPrintable(error));
        QVERIFY(pushRound(tablet, 0));
        BackupRun first = runBackup({"--db", serverDb, "--to", target});
        QVERIFY2(first.exitCode == 0, qPrintable(first.errors));
        const QByteArray previous = sha256Of(target);
        QVERIFY(!previous.isEmpty());

        QVERIFY(pushRound(tablet, 1));
        constexpr qint64 kDiskLeft = 64 * 1024;
        QVERIFY(QFileInfo(target).size() > kDiskLeft);
        const BackupRun full = runBackup({"--db", serverDb, "--to", target}, kDiskLeft);
        QCOMPARE(full.exitCode, 1);
        // SQLite says "disk I/O error" when a write fails with EFBIG, as here, and "database or
        // disk is full" on ENOSPC.
        QVERIFY2(full.errors.contains("cannot copy")
                     && (full.errors.contains("disk I/O error") || full.errors.contains("full")),
                 qPrintable(full.errors));
        QCOMPARE(sha256Of(target), previous);
        QVERIFY(nothingPartialBeside(target));

        // The server went on, and the next copy has both batches.
        QVERIFY(pushRound(tablet, 2));
        const BackupRun again = runBackup({"--db", serverDb, "--to", target});
        QVERIFY2(again.exitCode == 0, qPrintable(again.errors));
        QVERIFY2(again.output.contains(QStringLiteral("server_seq %1").arg(3 * kBatch)),
                 qPrintable(again.output));
    }

    void badInputGetsAClearErrorAndWritesNothing()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath("copy.db");

        const BackupRun postgres
            = runBackup({"--db", "postgresql://qs:secret-pw@db.example/qingshui", "--to", target});
        QCOMPARE(postgres.exitCode, 2);
        QVERIFY2(postgres.errors.contains("pg_dump"), qPrintable(postgres.errors));
        QVERIFY2(!postgres.errors.contains("secret-pw"), "a URL's password is never printed");

        const BackupRun missing = runBackup({"--db", dir.filePath("none.db"), "--to", target});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.errors.contains("no database file"), qPrintable(missing.errors));

        const QString notADatabase = dir.filePath("notes.txt");
        QFile text(notADatabase);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write(QByteArray(8192, 'x'));
        text.close();
        const BackupRun junk = runBackup({"--db", notADatabase, "--to", target});
        QCOMPARE(junk.exitCode, 1);
        QVERIFY2(junk.errors.contains("no qingshui-server database"), qPrintable(junk.errors));

        const QString serverDb = dir.filePath("server.db");
        {
            ServerProcess server(serverDb);
            QVERIFY(server.start());
        }
        const QByteArray before = sha256Of(serverDb);
        const BackupRun itself = runBackup({"--db", serverDb, "--to", serverDb});
        QCOMPARE(itself.exitCode, 1);
        QVERIFY2(itself.errors.contains("names the database itself"), qPrintable(itself.errors));
        QCOMPARE(sha256Of(serverDb), before);

        const BackupRun noTarget = runBackup({"--db", serverDb});
        QCOMPARE(noTarget.exitCode, 2);

        QVERIFY(!QFile::exists(target));
        QVERIFY(nothingPartialBeside(target));
    }
};

QTEST_MAIN(TestServerBackup)
#include "tst_serverbackup.moc"
