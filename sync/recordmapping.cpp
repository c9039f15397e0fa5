#include "recordmapping.h"

#include "domain/photoreferences.h"

#include "qingshui/v1/common.pb.h"

namespace v1 = qingshui::v1;

namespace {

QString text(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

void toProto(const Record &r, v1::Record *out)
{
    out->set_id(r.id.toStdString());
    out->set_template_id(r.templateId.toStdString());
    out->set_template_version(r.templateVersion);
    out->set_category(r.category.toStdString());
    out->set_village_code(r.villageCode.toStdString());
    out->set_status(r.status == RecordStatus::Draft ? v1::RECORD_STATUS_DRAFT
                                                    : v1::RECORD_STATUS_SUBMITTED);
    out->set_created_at_ms(r.createdAtMs);
    out->set_updated_at_ms(r.updatedAtMs);
    out->set_content(r.content.constData(), static_cast<size_t>(r.content.size()));
    out->set_author_device_id(r.authorDeviceId.toStdString());
    out->set_base_server_seq(r.serverSeq);
    for (const QString &sha : photoReferencesIn(r.content))
        out->add_photo_sha256(sha.toStdString());
}

Record fromProto(const v1::Record &in)
{
    Record r;
    r.id = text(in.id());
    r.templateId = text(in.template_id());
    r.templateVersion = in.template_version();
    r.category = text(in.category());
    r.villageCode = text(in.village_code());
    r.status = in.status() == v1::RECORD_STATUS_SUBMITTED ? RecordStatus::Submitted
                                                          : RecordStatus::Draft;
    r.createdAtMs = in.created_at_ms();
    r.updatedAtMs = in.updated_at_ms();
    r.content = QByteArray(in.content().data(), static_cast<qsizetype>(in.content().size()));
    r.authorDeviceId = text(in.author_device_id());
    r.author = text(in.author());
    return r;
}

void toProto(const ReviewEvent &e, v1::ReviewEvent *out)
{
    out->set_id(e.id.toStdString());
    out->set_record_id(e.recordId.toStdString());
    out->set_record_server_seq(e.recordServerSeq);
    out->set_decision(static_cast<v1::ReviewDecision>(e.decision));
    out->set_comment(e.comment.toStdString());
    for (const QuestionComment &c : e.questionComments) {
        v1::QuestionComment *qc = out->add_question_comments();
        qc->set_question_id(c.questionId.toStdString());
        qc->set_comment(c.comment.toStdString());
    }
    out->set_created_at_ms(e.createdAtMs);
    for (const QString &sha : e.publishedPhotos)
        out->add_published_photo_sha256(sha.toStdString());
    if (e.photosIncompleteConfirmed) {
        out->set_photos_incomplete_confirmed(true);
        out->set_photos_seen(e.photosSeen);
        out->set_photos_total(e.photosTotal);
    }
    out->set_record_fingerprint(static_cast<quint64>(e.recordFingerprint));
}

ReviewEvent fromProto(const v1::ReviewEvent &in)
{
    ReviewEvent e;
    e.id = text(in.id());
    e.recordId = text(in.record_id());
    e.recordServerSeq = in.record_server_seq();
    e.decision = static_cast<ReviewDecision>(in.decision());
    e.comment = text(in.comment());
    for (const auto &c : in.question_comments())
        e.questionComments << QuestionComment {text(c.question_id()), text(c.comment())};
    e.createdAtMs = in.created_at_ms();
    e.reviewer = text(in.reviewer());
    for (const std::string &sha : in.published_photo_sha256())
        e.publishedPhotos << text(sha);
    e.photosIncompleteConfirmed = in.photos_incomplete_confirmed();
    e.photosSeen = in.photos_seen();
    e.photosTotal = in.photos_total();
    e.recordFingerprint = static_cast<qint64>(in.record_fingerprint());
    return e;
}
