#include "publication.h"

#include "qingshui/v1/common.pb.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace v1 = qingshui::v1;

namespace {

// Question id -> type ("yesno", "number", "single", "multi", "text", "gps", "photos").
QHash<QString, QString> questionTypes(const QList<QByteArray> &definitions)
{
    QHash<QString, QString> types;
    for (const QByteArray &definition : definitions) {
        const QJsonArray sections = QJsonDocument::fromJson(definition)
                                        .object()
                                        .value(QLatin1String("sections"))
                                        .toArray();
        for (const QJsonValue &section : sections) {
            for (const QJsonValue &q : section[QLatin1String("questions")].toArray())
                types.insert(q[QLatin1String("id")].toString(),
                             q[QLatin1String("type")].toString());
        }
    }
    return types;
}

} // namespace

QByteArray publicContent(const QByteArray &content, const QList<QByteArray> &definitions,
                         const QStringList &tickedPhotos)
{
    static const QSet<QString> kept {QStringLiteral("yesno"), QStringLiteral("number"),
                                     QStringLiteral("single"), QStringLiteral("multi")};
    const QHash<QString, QString> types = questionTypes(definitions);
    const QJsonObject answers
        = QJsonDocument::fromJson(content).object().value(QLatin1String("answers")).toObject();
    QJsonObject out;
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const QString type = types.value(it.key());
        if (kept.contains(type)) {
            out.insert(it.key(), it.value());
        } else if (type == QLatin1String("photos")) {
            QJsonArray shown;
            for (const QJsonValue &photo : it.value().toArray()) {
                if (tickedPhotos.contains(photo.toString()))
                    shown.append(photo);
            }
            if (!shown.isEmpty())
                out.insert(it.key(), shown);
        }
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("answers"), out}})
        .toJson(QJsonDocument::Compact);
}

ChangeStore::ApplyResult publishRevision(QSqlDatabase db, const v1::ReviewEvent &publish,
                                         qint64 seq, RefusalReason *why)
{
    using Result = ChangeStore::ApplyResult;
    const QString recordId = QString::fromStdString(publish.record_id());
    const qint64 revision = publish.record_server_seq();
    auto failed = [&](const QSqlQuery &q) {
        why->message = q.lastError().text().toStdString();
        return Result::Failed;
    };
    const std::string revisionText = std::to_string(revision);
    // Only the revision whose latest decision is an approval.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT decision, record_server_seq FROM review_event "
                             "WHERE record_id = ? AND decision IN (1, 2, 3) "
                             "ORDER BY server_seq DESC LIMIT 1"));
    q.addBindValue(recordId);
    if (!q.exec())
        return failed(q);
    if (!q.next() || q.value(0).toInt() != v1::REVIEW_DECISION_APPROVE
        || q.value(1).toLongLong() != revision) {
        *why = {grpc::StatusCode::FAILED_PRECONDITION,
                "publish_not_approved",
                {publish.record_id(), revisionText},
                "revision " + revisionText + " of record " + publish.record_id()
                    + " is not approved: only an approved revision can be published"};
        return Result::UnknownRecord;
    }
    QSet<QString> photosOfRevision;
    q.prepare(QStringLiteral("SELECT sha256 FROM record_photo WHERE server_seq = ?"));
    q.addBindValue(revision);
    if (!q.exec())
        return failed(q);
    while (q.next())
        photosOfRevision.insert(q.value(0).toString());
    QStringList ticked;
    for (const std::string &sha : publish.published_photo_sha256()) {
        const QString photo = QString::fromStdString(sha);
        if (!photosOfRevision.contains(photo)) {
            *why = {grpc::StatusCode::FAILED_PRECONDITION,
                    "publish_photo_not_in_revision",
                    {sha, revisionText},
                    "photo " + sha + " is not one of revision " + revisionText + "'s"};
            return Result::UnknownRecord;
        }
        if (!ticked.contains(photo))
            ticked << photo;
    }
    q.prepare(QStringLiteral("SELECT template_id, template_version, category, village_code, "
                             "created_at_ms, updated_at_ms, content FROM record_revision "
                             "WHERE server_seq = ? AND record_id = ?"));
    q.addBindValue(revision);
    q.addBindValue(recordId);
    if (!q.exec())
        return failed(q);
    if (!q.next()) {
        *why = {grpc::StatusCode::FAILED_PRECONDITION,
                "revision_unknown",
                {publish.record_id(), revisionText},
                "no revision " + revisionText + " of record " + publish.record_id()};
        return Result::UnknownRecord;
    }
    v1::Record copy;
    copy.set_id(publish.record_id());
    copy.set_template_id(q.value(0).toString().toStdString());
    copy.set_template_version(q.value(1).toInt());
    copy.set_category(q.value(2).toString().toStdString());
    const QString villageCode = q.value(3).toString();
    copy.set_village_code(villageCode.toStdString());
    copy.set_status(v1::RECORD_STATUS_SUBMITTED);
    copy.set_created_at_ms(q.value(4).toLongLong());
    copy.set_updated_at_ms(q.value(5).toLongLong());
    const QByteArray content = q.value(6).toByteArray();
    for (const QString &photo : std::as_const(ticked))
        copy.add_photo_sha256(photo.toStdString());

    QList<QByteArray> definitions;
    q.prepare(QStringLiteral("SELECT definition FROM form_template WHERE id = ?"));
    q.addBindValue(QString::fromStdString(copy.template_id()));
    if (!q.exec())
        return failed(q);
    while (q.next())
        definitions << q.value(0).toByteArray();
    const QByteArray shown = publicContent(content, definitions, ticked);
    copy.set_content(shown.constData(), static_cast<size_t>(shown.size()));

    q.prepare(QStringLiteral("DELETE FROM public_record WHERE record_id = ?"));
    q.addBindValue(recordId);
    if (!q.exec())
        return failed(q);
    // Published again after a withdrawal: the new copy replaces the kiosks' deletion.
    q.prepare(QStringLiteral("DELETE FROM public_withdrawal WHERE record_id = ?"));
    q.addBindValue(recordId);
    if (!q.exec())
        return failed(q);
    q.prepare(QStringLiteral("INSERT INTO public_record (server_seq, record_id, village_code, "
                             "record) VALUES (?,?,?,?)"));
    q.addBindValue(seq);
    q.addBindValue(recordId);
    q.addBindValue(villageCode);
    const std::string bytes = copy.SerializeAsString();
    q.addBindValue(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    if (!q.exec())
        return failed(q);
    return Result::Applied;
}
