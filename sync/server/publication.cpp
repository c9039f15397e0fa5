#include "publication.h"

#include "blobstore.h"
#include "common/publicrendition.h"
#include "domain/formtemplate.h"
#include "publiccontent.h"

#include "qingshui/v1/common.pb.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QVariant>

namespace v1 = qingshui::v1;

namespace {

using Result = ChangeStore::ApplyResult;

// One publication's work, with the transaction's connection and where to say why it stops.
class Publisher {
public:
    Publisher(SqlSession &db, BlobStore &blobs, QString *why, ChangeStore::Refusal *refusal)
        : m_db(db), m_blobs(blobs), m_why(why), m_refusal(refusal)
    {
    }

    Result publish(const v1::ReviewEvent &publish, qint64 seq);

private:
    Result refuse(const char *code, const QStringList &args, const QString &text)
    {
        *m_why = text;
        *m_refusal = {QLatin1String(code), args};
        return Result::UnknownRecord; // FAILED_PRECONDITION: the request names a bad state
    }
    // Runs one statement; false (with *m_why set) when it fails.
    bool run(const QString &sql, const QVariantList &binds, SqlSession::Rows *rows = nullptr)
    {
        SqlSession::Rows ignored;
        return m_db.exec(sql, binds, rows ? rows : &ignored, m_why);
    }

    // The ticked photo's public rendition, made and stored as a blob (*rendition: its name).
    Result renditionOf(const QString &original, QString *rendition);

    SqlSession &m_db;
    BlobStore &m_blobs;
    QString *m_why;
    ChangeStore::Refusal *m_refusal;
};

Result Publisher::renditionOf(const QString &original, QString *rendition)
{
    return makePublicRendition(m_db, m_blobs, original, rendition, m_why, m_refusal);
}

Result Publisher::publish(const v1::ReviewEvent &publish, qint64 seq)
{
    const QString recordId = QString::fromStdString(publish.record_id());
    const qint64 revision = publish.record_server_seq();
    // Only the revision whose latest decision is an approval.
    SqlSession::Rows q;
    if (!run(QStringLiteral("SELECT decision, record_server_seq FROM review_event "
                            "WHERE record_id = ? AND decision IN (1, 2, 3) "
                            "ORDER BY server_seq DESC LIMIT 1"),
             {recordId}, &q))
        return Result::Failed;
    if (q.rows.isEmpty() || q.rows[0][0].toInt() != v1::REVIEW_DECISION_APPROVE
        || q.rows[0][1].toLongLong() != revision)
        return refuse("publish_not_approved", {recordId, QString::number(revision)},
                      QStringLiteral("revision %1 of record %2 is not approved: only an "
                                     "approved revision can be published")
                          .arg(revision)
                          .arg(recordId));
    QHash<QString, bool> photosOfRevision; // and whether each counts (docs/sync.md)
    if (!run(QStringLiteral("SELECT sha256, proved FROM record_photo WHERE server_seq = ?"),
             {revision}, &q))
        return Result::Failed;
    for (const QVariantList &row : std::as_const(q.rows))
        photosOfRevision.insert(row[0].toString(), row[1].toBool());
    QStringList ticked;
    for (const std::string &sha : publish.published_photo_sha256()) {
        const QString photo = QString::fromStdString(sha);
        if (!photosOfRevision.contains(photo))
            return refuse(
                "publish_photo_not_in_revision", {photo, QString::number(revision)},
                QStringLiteral("photo %1 is not one of revision %2's").arg(photo).arg(revision));
        // Named but never uploaded by whoever pushed the revision: as if not on the server.
        if (!photosOfRevision.value(photo))
            return refuse("publish_photo_not_on_server", {photo},
                          QStringLiteral("photo %1 is not on the server yet: it can be "
                                         "published once the tablet has sent it")
                              .arg(photo));
        if (!ticked.contains(photo))
            ticked << photo;
    }
    if (!run(QStringLiteral("SELECT template_id, template_version, village_code, "
                            "created_at_ms, updated_at_ms, content FROM record_revision "
                            "WHERE server_seq = ? AND record_id = ?"),
             {revision, recordId}, &q))
        return Result::Failed;
    if (q.rows.isEmpty())
        return refuse("revision_unknown", {recordId, QString::number(revision)},
                      QStringLiteral("no revision %1 of record %2").arg(revision).arg(recordId));
    const QVariantList found = q.rows[0];
    const QString templateId = found[0].toString();
    const int templateVersion = found[1].toInt();
    const QString villageCode = found[2].toString();
    const qint64 createdAtMs = found[3].toLongLong();
    const qint64 updatedAtMs = found[4].toLongLong();
    const QByteArray content = found[5].toByteArray();

    // The catalogue's template at that version: its category, and what its questions allow.
    if (!run(QStringLiteral(
                 "SELECT category, definition FROM form_template WHERE id = ? AND version = ?"),
             {templateId, templateVersion}, &q))
        return Result::Failed;
    std::optional<FormTemplate> form;
    QString category, formError = QStringLiteral("not in the catalogue");
    if (!q.rows.isEmpty()) {
        category = q.rows[0][0].toString();
        form = FormTemplate::fromJson(QJsonDocument::fromJson(q.rows[0][1].toByteArray()).object(),
                                      &formError);
    }
    if (!form)
        return refuse("publish_template_unknown", {templateId, QString::number(templateVersion)},
                      QStringLiteral("template %1 version %2: %3")
                          .arg(templateId)
                          .arg(templateVersion)
                          .arg(formError));

    QHash<QString, QString> renditions; // original → rendition
    QStringList shown; // the renditions, in the ticked order, each once
    for (const QString &photo : std::as_const(ticked)) {
        QString rendition;
        if (const Result r = renditionOf(photo, &rendition); r != Result::Applied)
            return r;
        renditions.insert(photo, rendition);
        if (!shown.contains(rendition))
            shown << rendition;
    }

    v1::Record copy;
    copy.set_id(publish.record_id());
    copy.set_template_id(templateId.toStdString());
    copy.set_template_version(templateVersion);
    copy.set_category(category.toStdString());
    copy.set_village_code(villageCode.toStdString());
    copy.set_status(v1::RECORD_STATUS_SUBMITTED);
    copy.set_created_at_ms(createdAtMs);
    copy.set_updated_at_ms(updatedAtMs);
    for (const QString &rendition : std::as_const(shown))
        copy.add_photo_sha256(rendition.toStdString());
    const QByteArray kept = publicContent(content, *form, renditions);
    copy.set_content(kept.constData(), static_cast<size_t>(kept.size()));

    // The new copy replaces the record's earlier one, its photos and a withdrawal.
    for (const char *table : {"public_record", "public_withdrawal", "public_photo"}) {
        if (!run(QStringLiteral("DELETE FROM %1 WHERE record_id = ?").arg(QLatin1String(table)),
                 {recordId}))
            return Result::Failed;
    }
    const std::string bytes = copy.SerializeAsString();
    if (!run(QStringLiteral("INSERT INTO public_record (server_seq, record_id, village_code, "
                            "record) VALUES (?,?,?,?)"),
             {seq, recordId, villageCode,
              QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()))}))
        return Result::Failed;
    for (auto it = renditions.cbegin(); it != renditions.cend(); ++it) {
        if (!run(QStringLiteral("INSERT INTO public_photo (record_id, rendition_sha256, "
                                "original_sha256) VALUES (?,?,?) ON CONFLICT DO NOTHING"),
                 {recordId, it.value(), it.key()}))
            return Result::Failed;
    }
    return Result::Applied;
}

} // namespace

ChangeStore::ApplyResult publishRevision(SqlSession &db, BlobStore &blobs,
                                         const v1::ReviewEvent &publish, qint64 seq, QString *why,
                                         ChangeStore::Refusal *refusal)
{
    return Publisher(db, blobs, why, refusal).publish(publish, seq);
}

ChangeStore::ApplyResult makePublicRendition(SqlSession &db, BlobStore &blobs,
                                             const QString &original, QString *rendition,
                                             QString *why, ChangeStore::Refusal *refusal)
{
    const auto refuse = [&](const char *code, const QString &text) {
        *why = text;
        *refusal = {QLatin1String(code), {original}};
        return Result::UnknownRecord; // FAILED_PRECONDITION: the request names a bad state
    };
    const auto failed = [&](const QString &text) {
        *why = text;
        return Result::Failed;
    };
    const std::string sha = original.toStdString();
    SqlSession::Rows rows;
    if (!db.exec(QStringLiteral("SELECT 1 FROM blob WHERE sha256 = ?"), {original}, &rows, why))
        return Result::Failed;
    if (rows.rows.isEmpty() || blobs.completeSize(sha) < 0)
        return refuse("publish_photo_not_on_server",
                      QStringLiteral("photo %1 is not on the server yet: it can be published "
                                     "once the tablet has sent it")
                          .arg(original));
    QFile file(blobs.completePath(sha));
    if (!file.open(QIODevice::ReadOnly))
        return failed(
            QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
    PublicRendition::Failure failure = PublicRendition::Failure::None;
    QString error;
    const std::optional<PublicRendition> made
        = PublicRendition::make(file.readAll(), &failure, &error);
    if (!made) {
        if (failure == PublicRendition::Failure::EncodeFailed)
            return failed(QStringLiteral("photo %1: %2").arg(original, error));
        return refuse("publish_photo_unusable",
                      QStringLiteral("photo %1 cannot be made public: %2").arg(original, error));
    }
    std::string stored;
    if (!blobs.storeBytes(made->jpeg, &stored, &error))
        return failed(QStringLiteral("cannot store the rendition of %1: %2").arg(original, error));
    *rendition = QString::fromStdString(stored);
    return db.exec(QStringLiteral("INSERT INTO blob (sha256, size, stored_at_ms) VALUES (?,?,?) "
                                  "ON CONFLICT DO NOTHING"),
                   {*rendition, qint64(made->jpeg.size()), QDateTime::currentMSecsSinceEpoch()},
                   &rows, why)
        ? Result::Applied
        : Result::Failed;
}
