#include "reviewcontroller.h"

#include "domain/category.h"
#include "domain/recorddiff.h"
#include "domain/review.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/reviewrepository.h"
#include "storage/revisionhistory.h"
#include "storage/templaterepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

ReviewController::ReviewController(QSqlDatabase db, QObject *parent) : QObject(parent), m_db(db)
{
}

qint64 ReviewController::currentRevision(const QString &recordId) const
{
    const std::optional<Record> r = RecordRepository(m_db).find(recordId);
    return r ? r->serverSeq : 0;
}

// The supervisor's words for a decision the store refused.
static QString refusalText(const ReviewRepository &reviews)
{
    using Refusal = ReviewRepository::Refusal;
    switch (reviews.refusal()) {
    case Refusal::None:
        return {};
    case Refusal::ReturnNeedsComment:
        return ReviewController::tr("退回须写明意见");
    case Refusal::RejectNeedsReason:
        return ReviewController::tr("驳回须写明理由");
    case Refusal::UnknownRecord:
        return ReviewController::tr("本机没有这条记录，请先同步");
    case Refusal::NotCurrentRevision:
        return ReviewController::tr("这条记录已有新的版本，请重新打开后审核");
    case Refusal::PublishNeedsApproval:
        return ReviewController::tr("只有已通过的记录才能发布");
    case Refusal::StoreFailed:
        break;
    }
    return ReviewController::tr("审核未能保存：%1").arg(reviews.lastError());
}

bool ReviewController::write(const QList<ReviewEvent> &events)
{
    ReviewRepository reviews(m_db);
    const bool ok = reviews.decideAll(events);
    if (!ok)
        qWarning("review not stored: %s", qPrintable(reviews.lastError()));
    m_error = ok ? QString() : refusalText(reviews);
    emit lastErrorChanged();
    if (ok)
        emit decided();
    return ok;
}

bool ReviewController::decide(const QString &recordId, const QString &decision,
                              const QString &comment, const QVariantMap &questionComments)
{
    static const QHash<QString, ReviewDecision> decisions {
        {QStringLiteral("approve"), ReviewDecision::Approve},
        {QStringLiteral("return"), ReviewDecision::Return},
        {QStringLiteral("reject"), ReviewDecision::Reject}};
    if (!decisions.contains(decision)) {
        m_error = tr("未知的审核决定：%1").arg(decision);
        emit lastErrorChanged();
        return false;
    }
    ReviewEvent e;
    e.recordId = recordId;
    e.recordServerSeq = currentRevision(recordId);
    e.decision = decisions.value(decision);
    e.comment = comment;
    for (auto it = questionComments.begin(); it != questionComments.end(); ++it) {
        if (!it.value().toString().trimmed().isEmpty())
            e.questionComments << QuestionComment {it.key(), it.value().toString()};
    }
    return write({e});
}

bool ReviewController::approveMany(const QStringList &recordIds)
{
    QList<ReviewEvent> events;
    for (const QString &id : recordIds) {
        ReviewEvent e;
        e.recordId = id;
        e.recordServerSeq = currentRevision(id);
        e.decision = ReviewDecision::Approve;
        events << e;
    }
    return write(events);
}

bool ReviewController::publish(const QString &recordId, const QStringList &photos)
{
    ReviewEvent e;
    e.recordId = recordId;
    e.recordServerSeq = currentRevision(recordId);
    e.decision = ReviewDecision::Publish;
    e.publishedPhotos = photos;
    return write({e});
}

QVariantList ReviewController::revisions(const QString &recordId) const
{
    QVariantList out;
    for (const Record &r : RevisionHistory(m_db).revisionsOf(recordId)) {
        out << QVariantMap {{QStringLiteral("serverSeq"), r.serverSeq},
                            {QStringLiteral("status"), static_cast<int>(r.status)},
                            {QStringLiteral("updatedAtMs"), r.updatedAtMs},
                            {QStringLiteral("answers"),
                             QJsonDocument::fromJson(r.content)
                                 .object()
                                 .value(QLatin1String("answers"))
                                 .toVariant()}};
    }
    return out;
}

QVariantMap ReviewController::diffAgainstReturned(const QString &recordId) const
{
    // The revision of the latest return, against the record as it is now.
    qint64 returnedSeq = 0;
    for (const ReviewEvent &e : RecordRepository(m_db).reviewsOf(recordId)) {
        if (e.decision == ReviewDecision::Return)
            returnedSeq = e.recordServerSeq;
    }
    const std::optional<Record> current = RecordRepository(m_db).find(recordId);
    if (returnedSeq == 0 || !current || current->serverSeq == returnedSeq)
        return {};
    const std::optional<Record> returned = RevisionHistory(m_db).revision(recordId, returnedSeq);
    const std::optional<FormTemplate> form
        = TemplateRepository(m_db).find(current->templateId, current->templateVersion);
    if (!returned || !form)
        return {};
    const RecordDiff diff = diffRevisions(*form, returned->content, current->content);
    QVariantList answers, photos, gps;
    // Choices as their labels, as the record view shows them, not their stored values.
    auto shown = [&](const QString &questionId, const QJsonValue &value) -> QVariant {
        const Question *q = form->question(questionId);
        if (!q || q->options.isEmpty())
            return value.toVariant();
        if (value.isString())
            return q->optionText(value.toString());
        if (!value.isArray())
            return value.toVariant();
        QStringList labels;
        for (const QJsonValue &v : value.toArray())
            labels << q->optionText(v.toString());
        return labels;
    };
    for (const AnswerChange &c : diff.answers) {
        answers << QVariantMap {{QStringLiteral("questionId"), c.questionId},
                                {QStringLiteral("label"), c.label.text()},
                                {QStringLiteral("before"), shown(c.questionId, c.before)},
                                {QStringLiteral("after"), shown(c.questionId, c.after)}};
    }
    for (const PhotoChange &c : diff.photos) {
        photos << QVariantMap {{QStringLiteral("questionId"), c.questionId},
                               {QStringLiteral("label"), c.label.text()},
                               {QStringLiteral("added"), c.added},
                               {QStringLiteral("removed"), c.removed}};
    }
    for (const GpsMove &m : diff.gps) {
        gps << QVariantMap {{QStringLiteral("questionId"), m.questionId},
                            {QStringLiteral("label"), m.label.text()},
                            {QStringLiteral("before"), m.before.toVariant()},
                            {QStringLiteral("after"), m.after.toVariant()},
                            {QStringLiteral("metres"), m.metres}};
    }
    return {{QStringLiteral("returnedSeq"), returnedSeq},
            {QStringLiteral("currentSeq"), current->serverSeq},
            {QStringLiteral("answers"), answers},
            {QStringLiteral("photos"), photos},
            {QStringLiteral("gps"), gps}};
}

QVariantList ReviewController::setAside() const
{
    QVariantList out;
    const RecordRepository records(m_db);
    const TemplateRepository templates(m_db);
    const ReferenceDataRepository reference(m_db);
    for (const SetAsideReview &s : OutboxRepository(m_db).setAsideReviews()) {
        // Named as the queue names it: the form's title and the village.
        QString title = s.recordId;
        if (const std::optional<Record> r = records.find(s.recordId)) {
            const auto form = templates.find(r->templateId, r->templateVersion);
            const auto village = reference.village(r->villageCode);
            title = (form ? form->title.text() : categoryName(r->category)) + QStringLiteral(" · ")
                + (village ? village->name : r->villageCode);
        }
        out << QVariantMap {{QStringLiteral("reviewId"), s.reviewId},
                            {QStringLiteral("recordId"), s.recordId},
                            {QStringLiteral("title"), title},
                            {QStringLiteral("error"), s.error}};
    }
    return out;
}
