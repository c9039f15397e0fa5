#pragma once

#include "controllers/refusaltext.h"
#include "deviceenrolment.h"
#include "enrolmentserver.h"
#include "storage/database.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/syncmetarepository.h"
#include "storedump.h"
#include "testframesource.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QObject>
#include <QSqlQuery>
#include <QUuid>

// What the QML tests of the 连接服务器 and 设置 pages need beside the app's own services: the
// real server's invites (good ones, one naming another certificate, one for a server that
// is down, one that expires a minute after the start), the camera's frames, the store as it
// is, and the wordings the pages must show.
class EnrolmentTestHelper : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString lastAccountMode MEMBER m_lastAccountMode NOTIFY accountModeChanged)
public:
    EnrolmentTestHelper(EnrolmentServer *server, const QString &storePath, TestFrameSource *frames,
                        QObject *parent = nullptr)
        : QObject(parent), m_server(server), m_storePath(storePath), m_frames(frames)
    {
    }

    // Made at start: it expires a minute later, when the tests reach it.
    void makeExpiringInvite()
    {
        m_expiring = m_server->invite(QStringLiteral("xc-inspector"), {"--expires", "1m"});
        m_expiresAtMs = QDateTime::currentMSecsSinceEpoch() + 60 * 1000;
    }
    // Another certificate than the one the server serves, for an invite that names it.
    void setOtherCertificate(const QString &path) { m_otherCertificate = path; }

    Q_INVOKABLE QString invite(const QString &user) { return m_server->invite(user).code; }
    Q_INVOKABLE QVariantMap inviteWithPicture(const QString &user)
    {
        const EnrolmentServer::Invite made = m_server->invite(user);
        return {{"code", made.code}, {"picture", made.qrPath}};
    }
    Q_INVOKABLE QString mismatchedInvite(const QString &user)
    {
        return m_server->invite(user, {}, {}, m_otherCertificate).code;
    }
    Q_INVOKABLE QString downInvite(const QString &user)
    {
        return m_server->invite(user, {}, EnrolmentServer::deadAddress()).code;
    }
    Q_INVOKABLE QString expiringInvite() const { return m_expiring.code; }
    Q_INVOKABLE double msUntilExpired() const
    {
        return double(m_expiresAtMs - QDateTime::currentMSecsSinceEpoch());
    }
    Q_INVOKABLE QString serverAddress() const { return m_server->address(); }
    Q_INVOKABLE QString fingerprint() const { return m_server->fingerprint(); }
    // The server's certificate file, as an administrator would hand it out for the advanced
    // way (self-signed: it is its own CA).
    Q_INVOKABLE QString certificatePath() const { return m_server->certificate.certPath; }
    Q_INVOKABLE QString password() const { return QString::fromLatin1(ServerProcess::kPassword); }

    // Files for the picture reader: text that is no picture, and a picture with no code.
    Q_INVOKABLE QString notAPicture() const
    {
        const QString path = m_server->dir.filePath(QStringLiteral("notes.png"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write("这不是图片\n");
        return path;
    }
    Q_INVOKABLE QString blankPicture() const
    {
        const QString path = m_server->dir.filePath(QStringLiteral("wall.png"));
        QImage blank(800, 600, QImage::Format_RGB32);
        blank.fill(Qt::white);
        blank.save(path);
        return path;
    }

    Q_INVOKABLE bool scanning() const { return m_frames->running(); }
    Q_INVOKABLE bool feedFrame(const QString &picture) { return m_frames->feed(QImage(picture)); }
    Q_INVOKABLE bool feedBlankFrame()
    {
        QImage blank(640, 480, QImage::Format_RGB32);
        blank.fill(Qt::darkGray);
        return m_frames->feed(blank);
    }

    // The wordings the pages must show (RefusalText, in the language of the moment).
    Q_INVOKABLE QString failureWording(const QString &failure) const
    {
        EnrolmentResult result;
        result.failure = failure == QLatin1String("Unreachable") ? EnrolmentResult::Unreachable
            : failure == QLatin1String("CertificateMismatch") ? EnrolmentResult::CertificateMismatch
                                                              : EnrolmentResult::NotTls;
        return RefusalText::describe(result);
    }
    Q_INVOKABLE QString refusalWording(const QString &code) const
    {
        Refusal refusal;
        refusal.code = code;
        return RefusalText::describe(refusal);
    }
    Q_INVOKABLE QString mistypedWording() const
    {
        return RefusalText::describe(EnrolmentCode::ParseError::Mistyped);
    }

    // The tablet's own work: a record submitted with the form's storage call.
    Q_INVOKABLE QString submitRecord()
    {
        Database db;
        if (!db.open(m_storePath))
            return {};
        Record r;
        r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        r.templateId = QStringLiteral("sanitation_toilet");
        r.category = QStringLiteral("sanitation");
        r.villageCode = QStringLiteral("411326105200");
        r.createdAtMs = r.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
        r.content = R"({"answers":{"A6":2}})";
        r.authorDeviceId = SyncMetaRepository(db.connection()).deviceId();
        return RecordRepository(db.connection())
                   .submit(r, QUuid::createUuid().toString(QUuid::WithoutBraces))
            ? r.id
            : QString();
    }
    Q_INVOKABLE int waitingRecords() const
    {
        Database db;
        return db.open(m_storePath) ? OutboxRepository(db.connection()).pendingCount() : -1;
    }
    Q_INVOKABLE int records() const
    {
        Database db;
        return db.open(m_storePath) ? RecordRepository(db.connection()).count() : -1;
    }
    Q_INVOKABLE QString deviceId() const
    {
        Database db;
        return db.open(m_storePath) ? SyncMetaRepository(db.connection()).deviceId() : QString();
    }
    // The administrator hands this tablet over to `user` (`device reassign`), as for a
    // tablet that changes hands: another account's invite does not take it over.
    Q_INVOKABLE bool reassignTablet(const QString &user) const
    {
        return m_server->process->runAdmin({QStringLiteral("device"), QStringLiteral("reassign"),
                                            deviceId(), QStringLiteral("--to"), user,
                                            QStringLiteral("--db"), m_server->dbPath()});
    }
    // Every row of every table: what "nothing changed" is compared with.
    Q_INVOKABLE QString storeDump() const
    {
        Database store;
        return store.open(m_storePath) ? storeDumpOf(store.connection()) : QString();
    }
    // Records the server holds, read from its own file.
    Q_INVOKABLE int serverRecords() const
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QUuid::createUuid().toString());
        db.setDatabaseName(m_server->dbPath());
        int n = -1;
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(DISTINCT record_id) FROM record_revision"))
                && q.next())
                n = q.value(0).toInt();
        }
        const QString name = db.connectionName();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return n;
    }

    // Where the QML test saves pictures of the pages for the docs: QS_SCREENSHOT_DIR, set
    // when they are wanted (run it under xvfb-run with QT_QPA_PLATFORM=xcb); empty: none.
    Q_INVOKABLE QString screenshotPath(const QString &name) const
    {
        const QString dir = qEnvironmentVariable("QS_SCREENSHOT_DIR");
        return dir.isEmpty() ? QString() : dir + QLatin1Char('/') + name;
    }

public slots:
    void noteAccountMode(const QString &mode)
    {
        m_lastAccountMode = mode;
        emit accountModeChanged();
    }

signals:
    void accountModeChanged();

private:
    EnrolmentServer *m_server;
    QString m_storePath;
    TestFrameSource *m_frames;
    EnrolmentServer::Invite m_expiring;
    qint64 m_expiresAtMs = 0;
    QString m_otherCertificate;
    QString m_lastAccountMode;
};
