#include "problemmapping.h"

#include "qingshui/v1/ledger.pb.h"

namespace v1 = qingshui::v1;

namespace {

QString text(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

template<typename Repeated> QStringList texts(const Repeated &in)
{
    QStringList out;
    for (const std::string &s : in)
        out << text(s);
    return out;
}

} // namespace

void toProto(const ProblemEvent &e, v1::ProblemEvent *out)
{
    out->set_id(e.id.toStdString());
    out->set_problem_id(e.problemId.toStdString());
    out->set_action(static_cast<v1::ProblemAction>(e.action));
    out->set_base_server_seq(e.baseServerSeq);
    out->set_created_at_ms(e.createdAtMs);
    out->set_comment(e.comment.toStdString());
    for (const QString &sha : e.photos)
        out->add_photo_sha256(sha.toStdString());
    if (e.point.isValid()) {
        v1::GeoPoint *point = out->mutable_point();
        point->set_latitude(e.point.latitude);
        point->set_longitude(e.point.longitude);
        if (!std::isnan(e.point.horizontalAccuracyM))
            point->set_accuracy_m(e.point.horizontalAccuracyM);
        point->set_fixed_at_ms(e.point.fixTimeMs);
    }
    out->set_village_code(e.villageCode.toStdString());
    out->set_category(e.category.toStdString());
    out->set_severity(e.severity);
    out->set_record_id(e.recordId.toStdString());
    out->set_question_id(e.questionId.toStdString());
    out->set_responsible_kind(static_cast<v1::ResponsibleKind>(e.responsibleKind));
    out->set_responsible_code(e.responsibleCode.toStdString());
    out->set_responsible_name(e.responsibleName.toStdString());
    out->set_deadline_ms(e.deadlineMs);
    out->set_recheck_passed(e.recheckPassed);
    out->set_off_site_reason(e.offSiteReason.toStdString());
    for (const QString &sha : e.publishedBefore)
        out->add_published_before_sha256(sha.toStdString());
    for (const QString &sha : e.publishedAfter)
        out->add_published_after_sha256(sha.toStdString());
}

ProblemEvent fromProto(const v1::ProblemEvent &in)
{
    ProblemEvent e;
    e.id = text(in.id());
    e.problemId = text(in.problem_id());
    e.action = static_cast<ProblemAction>(in.action());
    e.baseServerSeq = in.base_server_seq();
    e.createdAtMs = in.created_at_ms();
    e.author = text(in.author());
    e.comment = text(in.comment());
    e.photos = texts(in.photo_sha256());
    if (in.has_point()) {
        e.point.latitude = in.point().latitude();
        e.point.longitude = in.point().longitude();
        e.point.horizontalAccuracyM = in.point().accuracy_m() > 0 ? in.point().accuracy_m() : NAN;
        e.point.fixTimeMs = in.point().fixed_at_ms();
    }
    e.villageCode = text(in.village_code());
    e.category = text(in.category());
    e.severity = in.severity();
    e.recordId = text(in.record_id());
    e.questionId = text(in.question_id());
    e.responsibleKind = static_cast<ResponsibleKind>(in.responsible_kind());
    e.responsibleCode = text(in.responsible_code());
    e.responsibleName = text(in.responsible_name());
    e.deadlineMs = in.deadline_ms();
    e.recheckPassed = in.recheck_passed();
    e.offSiteReason = text(in.off_site_reason());
    e.publishedBefore = texts(in.published_before_sha256());
    e.publishedAfter = texts(in.published_after_sha256());
    e.ledgerMonth = text(in.ledger_month());
    e.conflictWithServerSeq = in.conflict_with_server_seq();
    e.receivedAtMs = in.received_at_ms();
    return e;
}

void toProto(const LedgerSignoff &s, v1::LedgerSignoff *out)
{
    out->set_id(s.id.toStdString());
    out->set_township_code(s.townshipCode.toStdString());
    out->set_month(s.month.toStdString());
    out->set_level(static_cast<v1::SignoffLevel>(s.level));
    for (const QString &id : s.acknowledgedOpenProblemIds)
        out->add_acknowledged_open_problem_ids(id.toStdString());
    out->set_comment(s.comment.toStdString());
    out->set_created_at_ms(s.createdAtMs);
}

LedgerSignoff fromProto(const v1::LedgerSignoff &in)
{
    LedgerSignoff s;
    s.id = text(in.id());
    s.townshipCode = text(in.township_code());
    s.month = text(in.month());
    s.level = static_cast<SignoffLevel>(in.level());
    s.acknowledgedOpenProblemIds = texts(in.acknowledged_open_problem_ids());
    s.comment = text(in.comment());
    s.createdAtMs = in.created_at_ms();
    s.signer = text(in.signer());
    s.receivedAtMs = in.received_at_ms();
    return s;
}

PublicProblem fromProto(const v1::PublicProblem &in)
{
    return {text(in.problem_id()),   text(in.village_code()), text(in.category()),
            in.raised_at_ms(),       in.closed_at_ms(),       texts(in.before_sha256()),
            texts(in.after_sha256())};
}

ClosureTally fromProto(const v1::ClosureTally &in)
{
    return {text(in.unit_code()), in.raised(), in.closed()};
}
