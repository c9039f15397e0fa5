#include "ledgerwire.h"

#include "qingshui/v1/ledger.pb.h"

namespace v1 = qingshui::v1;

namespace {

QString text(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QStringList texts(const google::protobuf::RepeatedPtrField<std::string> &list)
{
    QStringList out;
    for (const std::string &s : list)
        out << text(s);
    return out;
}

} // namespace

ProblemEvent problemEventFromWire(const v1::ProblemEvent &e, qint64 serverSeq)
{
    ProblemEvent out;
    out.id = text(e.id());
    out.problemId = text(e.problem_id());
    out.action = static_cast<ProblemAction>(e.action());
    out.baseServerSeq = e.base_server_seq();
    out.createdAtMs = e.created_at_ms();
    out.author = text(e.author());
    out.comment = text(e.comment());
    out.photos = texts(e.photo_sha256());
    if (e.has_point()) { // absent: no fix (the message's zeros are not a place)
        out.point.latitude = e.point().latitude();
        out.point.longitude = e.point().longitude();
        out.point.horizontalAccuracyM = e.point().accuracy_m();
        out.point.fixTimeMs = e.point().fixed_at_ms();
    }
    out.villageCode = text(e.village_code());
    out.category = text(e.category());
    out.severity = e.severity();
    out.recordId = text(e.record_id());
    out.questionId = text(e.question_id());
    out.responsibleKind = static_cast<ResponsibleKind>(e.responsible_kind());
    out.responsibleCode = text(e.responsible_code());
    out.responsibleName = text(e.responsible_name());
    out.deadlineMs = e.deadline_ms();
    out.recheckPassed = e.recheck_passed();
    out.offSiteReason = text(e.off_site_reason());
    out.publishedBefore = texts(e.published_before_sha256());
    out.publishedAfter = texts(e.published_after_sha256());
    out.ledgerMonth = text(e.ledger_month());
    out.conflictWithServerSeq = e.conflict_with_server_seq();
    out.receivedAtMs = e.received_at_ms();
    out.serverSeq = serverSeq;
    return out;
}

LedgerSignoff signoffFromWire(const v1::LedgerSignoff &s, qint64 serverSeq)
{
    LedgerSignoff out;
    out.id = text(s.id());
    out.townshipCode = text(s.township_code());
    out.month = text(s.month());
    out.level = static_cast<SignoffLevel>(s.level());
    out.acknowledgedOpenProblemIds = texts(s.acknowledged_open_problem_ids());
    out.comment = text(s.comment());
    out.createdAtMs = s.created_at_ms();
    out.signer = text(s.signer());
    out.receivedAtMs = s.received_at_ms();
    out.serverSeq = serverSeq;
    return out;
}
