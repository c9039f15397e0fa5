#include "reviewcontroller.h"

#include "answerwordstext.h"
#include "domain/category.h"
#include "domain/recorddiff.h"
#include "domain/review.h"
#include "media/photopresence.h"
#include "reviewflagtext.h"
#include "storage/outboxrepository.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/reviewrepository.h"
#include "storage/revisionhistory.h"
#include "storage/templaterepository.h"
#include "syncerrortext.h"

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

bool ReviewController::confirmPhotos(ReviewEvent *e, bool confirmed)
{
    if (e->decision != ReviewDecision::Approve && e->decision != ReviewDecision::Publish)
        return true;
    const std::optional<Record> r = RecordRepository(m_db).find(e->recordId);
    if (!r)
        return true; // the store refuses it and says why
    const PhotoPresence photos = photoPresenceOf(r->content, m_photos);
    if (photos.complete())
        return true;
    if (!confirmed) {
        const QString missing = ReviewFlagText::photosIncomplete(photos.here, photos.total);
        m_error = e->decision == ReviewDecision::Publish
            ? tr("%1：确认照片未到齐后才能发布").arg(missing)
            : tr("%1：确认照片未到齐后才能通过").arg(missing);
        emit lastErrorChanged();
        return false;
    }
    e->photosIncompleteConfirmed = true;
    e->photosSeen = photos.here;
    e->photosTotal = photos.total;
    return true;
}

bool ReviewController::decide(const QString &recordId, const QString &decision,
                              const QString &comment, const QVariantMap &questionComments,
                              bool confirmMissingPhotos)
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
    if (!confirmPhotos(&e, confirmMissingPhotos))
        return false;
    return write({e});
}

bool ReviewController::approveMany(const QStringList &recordIds, bool confirmMissingPhotos)
{
    QList<ReviewEvent> events;
    for (const QString &id : recordIds) {
        ReviewEvent e;
        e.recordId = id;
        e.recordServerSeq = currentRevision(id);
        e.decision = ReviewDecision::Approve;
        if (!confirmPhotos(&e, confirmMissingPhotos))
            return false; // all or none
        events << e;
    }
    return write(events);
}

bool ReviewController::publish(const QString &recordId, const QStringList &photos,
                               bool confirmMissingPhotos)
{
    ReviewEvent e;
    e.recordId = recordId;
    e.recordServerSeq = currentRevision(recordId);
    e.decision = ReviewDecision::Publish;
    e.publishedPhotos = photos;
    if (!confirmPhotos(&e, confirmMissingPhotos))
        return false;
    return write({e});
}

RecordPhotoCount ReviewController::photoPresence(const QString &recordId) const
{
    const std::optional<Record> r = RecordRepository(m_db).find(recordId);
    if (!r)
        return {};
    const PhotoPresence photos = photoPresenceOf(r->content, m_photos);
    RecordPhotoCount out;
    out.recordId = recordId;
    out.here = photos.here;
    out.total = photos.total;
    out.pending = r->photosPending;
    out.complete = photos.complete();
    out.text = ReviewFlagText::photosIncomplete(photos.here, photos.total);
    return out;
}

QList<RecordPhotoCount> ReviewController::incompletePhotos(const QStringList &recordIds) const
{
    QList<RecordPhotoCount> out;
    const RecordRepository records(m_db);
    for (const QString &id : recordIds) {
        const std::optional<Record> r = records.find(id);
        if (!r)
            continue;
        const PhotoPresence photos = photoPresenceOf(r->content, m_photos);
        if (photos.complete())
            continue;
        RecordPhotoCount c;
        c.recordId = id;
        c.title = titleOf(*r);
        c.here = photos.here;
        c.total = photos.total;
        c.pending = r->photosPending;
        c.complete = false;
        c.text = ReviewFlagText::photosIncomplete(photos.here, photos.total);
        out << c;
    }
    return out;
}

QString ReviewController::titleOf(const Record &r) const
{
    // Named as the queue names it: the form's title and the village.
    const auto form = TemplateRepository(m_db).find(r.templateId, r.templateVersion);
    const auto village = ReferenceDataRepository(m_db).village(r.villageCode);
    return (form ? form->title.text() : categoryName(r.category)) + QStringLiteral(" · ")
        + (village ? village->name : r.villageCode);
}

QList<RecordRevision> ReviewController::revisions(const QString &recordId) const
{
    QList<RecordRevision> out;
    for (const Record &r : RevisionHistory(m_db).revisionsOf(recordId)) {
        RecordRevision revision;
        revision.serverSeq = r.serverSeq;
        revision.status = static_cast<int>(r.status);
        revision.updatedAtMs = r.updatedAtMs;
        revision.answers = QJsonDocument::fromJson(r.content)
                               .object()
                               .value(QLatin1String("answers"))
                               .toObject()
                               .toVariantMap();
        out << revision;
    }
    return out;
}

RevisionDiff ReviewController::diffAgainstReturned(const QString &recordId) const
{
    // The revision of the latest return, against the record as it is now.
    qint64 returnedSeq = 0;
    for (const ReviewEvent &e : ReviewRepository(m_db).reviewsOf(recordId)) {
        if (e.decision == ReviewDecision::Return)
            returnedSeq = e.recordServerSeq;
    }
    const std::optional<Record> current = RecordRepository(m_db).find(recordId);
    if (returnedSeq == 0 || !current || current->serverSeq == returnedSeq)
        return {};
    RevisionDiff out = diffBetween(recordId, returnedSeq, current->serverSeq);
    if (!out.valid)
        return {};
    out.returnedSeq = returnedSeq;
    out.currentSeq = current->serverSeq;
    return out;
}

RevisionDiff ReviewController::diffBetween(const QString &recordId, qint64 fromSeq,
                                           qint64 toSeq) const
{
    // The record as it is now for its own number, else the kept revision.
    const std::optional<Record> current = RecordRepository(m_db).find(recordId);
    const RevisionHistory history(m_db);
    auto revision = [&](qint64 seq) {
        return current && current->serverSeq == seq ? current : history.revision(recordId, seq);
    };
    const std::optional<Record> before = revision(fromSeq);
    const std::optional<Record> after = revision(toSeq);
    if (!before || !after)
        return {};
    // The labels of the newer revision's template version.
    const std::optional<FormTemplate> form
        = TemplateRepository(m_db).find(after->templateId, after->templateVersion);
    if (!form)
        return {};
    const RecordDiff diff = diffRevisions(*form, before->content, after->content);
    RevisionDiff out;
    out.valid = true;
    out.fromSeq = fromSeq;
    out.toSeq = toSeq;
    // Each value as the record view writes it, but numbers bare (the diff compares what was
    // typed); no value (not answered) stays undefined.
    const AnswerWords words = AnswerWordsText::current();
    AnswerTextOptions options;
    options.numbers = AnswerTextOptions::Numbers::Plain;
    auto shown = [&](const QString &questionId, const QJsonValue &value) -> QVariant {
        if (value.isUndefined() || value.isNull())
            return {};
        return answerText(form->question(questionId), value, words, options);
    };
    for (const AnswerChange &c : diff.answers) {
        out.answers << AnswerChangeLine {c.questionId, c.label.text(),
                                         shown(c.questionId, c.before),
                                         shown(c.questionId, c.after)};
    }
    for (const PhotoChange &c : diff.photos) {
        out.photos << PhotoChangeLine {c.questionId, c.label.text(), c.added, c.removed};
    }
    for (const GpsMove &m : diff.gps) {
        out.gps << GpsMoveLine {m.questionId, m.label.text(), m.before.toVariant(),
                                m.after.toVariant(), m.metres};
    }
    return out;
}

QList<SetAsideDecision> ReviewController::setAside() const
{
    QList<SetAsideDecision> out;
    const RecordRepository records(m_db);
    for (const SetAsideReview &s : OutboxRepository(m_db).setAsideReviews()) {
        QString title = s.recordId;
        if (const std::optional<Record> r = records.find(s.recordId))
            title = titleOf(*r);
        // Worded now, in the language the user reads it in.
        out << SetAsideDecision {s.reviewId, s.recordId, title,
                                 SyncErrorText::describe(s.errorCode, s.errorArgs, s.error)};
    }
    return out;
}
