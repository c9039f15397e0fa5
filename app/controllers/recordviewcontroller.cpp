#include "recordviewcontroller.h"

#include "answerwordstext.h"
#include "controllers/photofetchtext.h"
#include "controllers/placenames.h"
#include "domain/category.h"
#include "domain/formtemplate.h"
#include "domain/photoreferences.h"
#include "media/photostore.h"
#include "models/liststatustext.h"
#include "models/recordlistmodel.h"
#include "photofetcher.h"
#include "reviewflagtext.h"
#include "storage/photocacherepository.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/reviewrepository.h"
#include "storage/revisionhistory.h"
#include "storage/templaterepository.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace {

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString decisionText(ReviewDecision d)
{
    switch (d) {
    case ReviewDecision::Approve:
        return RecordViewController::tr("通过");
    case ReviewDecision::Return:
        return RecordViewController::tr("退回");
    case ReviewDecision::Reject:
        return RecordViewController::tr("不通过");
    case ReviewDecision::Publish:
        return RecordViewController::tr("公开展示");
    }
    return {};
}

} // namespace

RecordViewController::RecordViewController(QSqlDatabase db, const PhotoStore *photos,
                                           PhotoFetcher *fetcher, QObject *parent)
    : QObject(parent), m_db(db), m_photos(photos), m_fetcher(fetcher)
{
    if (!m_fetcher)
        return;
    connect(m_fetcher, &PhotoFetcher::photoArrived, this, &RecordViewController::onArrived);
    connect(m_fetcher, &PhotoFetcher::photoArrived, this, &RecordViewController::photoArrived);
    connect(m_fetcher, &PhotoFetcher::photoProgress, this,
            [this](const QString &sha, qint64 done, qint64 total) {
                auto it = m_photoStates.find(sha);
                if (it == m_photoStates.end() || it->here)
                    return;
                it->done = done;
                it->total = total;
                it->failure = PhotoFetchFailure::None;
                emit photoStatesChanged();
            });
    connect(m_fetcher, &PhotoFetcher::photoFailed, this,
            [this](const QString &sha, PhotoFetchFailure failure) {
                auto it = m_photoStates.find(sha);
                if (it == m_photoStates.end() || it->here)
                    return;
                it->failure = failure;
                emit photoStatesChanged();
            });
}

QString RecordViewController::pinOwner() const
{
    // One per view: the record view and the past revision beside it pin apart.
    return QStringLiteral("recordView-%1").arg(quintptr(this), 0, 16);
}

void RecordViewController::track(const QStringList &sha256s)
{
    QStringList added;
    for (const QString &sha : sha256s) {
        if (isPhotoReference(sha) && !m_photoStates.contains(sha) && !added.contains(sha))
            added << sha;
    }
    m_shown << added;
    // Pinned before the files are looked at: an eviction under way cannot take a photo
    // between "it is here" and the view showing it.
    if (m_fetcher)
        m_fetcher->pin(pinOwner(), m_shown);
    QStringList missing;
    for (const QString &sha : std::as_const(added)) {
        PhotoState state;
        state.here = m_photos && m_photos->contains(sha);
        if (!state.here) {
            missing << sha;
            // A failure from before this view opened is shown until the new attempt says more.
            if (m_fetcher)
                state.failure = m_fetcher->failureOf(sha);
        }
        m_photoStates.insert(sha, state);
    }
    if (m_fetcher && !missing.isEmpty())
        m_fetcher->fetchNow(missing);
    PhotoCacheRepository(m_db).markShown(sha256s);
}

void RecordViewController::onArrived(const QString &sha256)
{
    auto it = m_photoStates.find(sha256);
    if (it == m_photoStates.end())
        return;
    it->here = true;
    it->failure = PhotoFetchFailure::None;
    PhotoCacheRepository(m_db).markShown({sha256});
    emit photoStatesChanged();
}

void RecordViewController::fetchPhotos(const QStringList &sha256s)
{
    track(sha256s);
    emit photoStatesChanged();
}

void RecordViewController::retryPhoto(const QString &sha256)
{
    auto it = m_photoStates.find(sha256);
    if (it == m_photoStates.end() || it->here || !m_fetcher)
        return;
    it->failure = PhotoFetchFailure::None;
    it->done = it->total = 0;
    m_fetcher->fetchNow({sha256});
    emit photoStatesChanged();
}

void RecordViewController::release(const QString &recordId)
{
    if (recordId != m_recordId)
        return; // another record is open by now: its photos stay pinned
    if (m_fetcher)
        m_fetcher->unpin(pinOwner());
    m_shown.clear();
    m_photoStates.clear();
    emit photoStatesChanged();
}

QVariantMap RecordViewController::photoStates() const
{
    QVariantMap out;
    const qint64 budget = PhotoCacheRepository(m_db).budgetBytes();
    for (auto it = m_photoStates.begin(); it != m_photoStates.end(); ++it) {
        const PhotoState &p = it.value();
        QString state = QStringLiteral("here");
        if (!p.here)
            state = p.failure == PhotoFetchFailure::NotOnServer ? QStringLiteral("notUploaded")
                : p.failure != PhotoFetchFailure::None          ? QStringLiteral("failed")
                : p.total > 0                                   ? QStringLiteral("fetching")
                                                                : QStringLiteral("waiting");
        out.insert(it.key(),
                   QVariant::fromValue(
                       PhotoViewState {p.here ? photoUrl(it.key()) : QString(), state, p.done,
                                       p.total, PhotoFetchText::describe(p.failure, budget)}));
    }
    return out;
}

QString RecordViewController::photoUrl(const QString &sha256) const
{
    if (!m_photos || !m_photos->contains(sha256))
        return {};
    return QUrl::fromLocalFile(m_photos->pathFor(sha256)).toString();
}

bool RecordViewController::open(const QString &recordId)
{
    m_pastRevision = false;
    return show(RecordRepository(m_db).find(recordId), recordId);
}

bool RecordViewController::openRevision(const QString &recordId, qint64 serverSeq)
{
    m_pastRevision = true;
    return show(RevisionHistory(m_db).revision(recordId, serverSeq), recordId);
}

bool RecordViewController::show(const std::optional<Record> &record, const QString &recordId)
{
    m_shown.clear();
    m_photoStates.clear();
    m_answers.clear();
    m_history.clear();
    m_error.clear();
    m_flags.clear();
    if (!record) {
        if (m_fetcher)
            m_fetcher->unpin(pinOwner());
        m_recordId.clear();
        m_serverSeq = m_conflictWith = 0;
        m_content.clear();
        m_photosPending = false;
        m_photoPresence = {};
        m_error = m_pastRevision ? tr("本机没有这条记录的这一版本") : tr("找不到这条记录");
        emit changed();
        emit photoCountsChanged();
        return false;
    }
    m_recordId = record->id;
    m_serverSeq = record->serverSeq;
    m_content = record->content;
    m_photosPending = record->photosPending;
    m_photoPresence = photoPresenceOf(m_content, m_photos);
    m_templateVersion = record->templateVersion;
    m_statusText = ListStatusText::of(record->listStatus());
    m_author = record->author;
    m_updatedAt = timeText(record->updatedAtMs);
    ReferenceDataRepository reference(m_db);
    const auto village = reference.village(record->villageCode);
    const auto township = reference.township(record->villageCode.left(9));
    const auto unit = reference.unitOfVillage(record->villageCode);
    m_place = QStringList {unit ? PlaceNames::unit(*unit) : QString(),
                           township ? township->name : QString(),
                           village ? village->name : record->villageCode}
                  .join(QStringLiteral(" · "));

    // The labels of the version the record was filled with, not of the newest one.
    const auto form = TemplateRepository(m_db).find(record->templateId, record->templateVersion);
    m_title = form ? form->title.text() : categoryName(record->category);
    if (!form)
        m_error = tr("缺少模板 %1 第 %2 版，按原始字段显示")
                      .arg(record->templateId)
                      .arg(record->templateVersion);
    const QJsonObject answers = QJsonDocument::fromJson(record->content)
                                    .object()
                                    .value(QLatin1String("answers"))
                                    .toObject();
    QHash<QString, QString> labelOf;
    const AnswerWords words = AnswerWordsText::current();
    auto add = [&](const QString &section, const QString &id, const Question *q,
                   const QJsonValue &value) {
        RecordAnswer a;
        a.id = id;
        a.section = section;
        a.label = q ? q->label.text() : id;
        a.type = q ? questionTypeName(q->type) : QString();
        if (q && q->type == QuestionType::Photos) {
            for (const QJsonValue &v : value.toArray()) {
                const QString sha = v.toString();
                const QString url = photoUrl(sha);
                a.photos << AnswerPhoto {sha, url};
                a.missingPhotos += url.isEmpty() ? 1 : 0;
            }
        } else if ((!q || q->type == QuestionType::Text || q->type == QuestionType::GpsPoint)
                   && value.isObject() && value.toObject().contains(QLatin1String("lat"))) {
            const QJsonObject o = value.toObject();
            const QJsonValue accuracy = o.value(QLatin1String("accuracy_m"));
            a.hasGps = true;
            a.gps = AnswerGps {o.value(QLatin1String("lat")).toDouble(),
                               o.value(QLatin1String("lon")).toDouble(),
                               accuracy.isDouble() ? accuracy.toDouble() : -1.0,
                               o.value(QLatin1String("override_reason")).toString()};
        }
        a.text = answerText(q, value, words);
        m_answers << a;
    };
    QSet<QString> shown;
    if (form) {
        for (const Section &s : form->sections) {
            for (const Question &q : s.questions) {
                labelOf.insert(q.id, q.label.text());
                if (!answers.contains(q.id))
                    continue;
                add(s.title.text(), q.id, &q, answers.value(q.id));
                shown.insert(q.id);
            }
        }
    }
    // Whatever the template does not name is shown too: nothing stored is hidden.
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        if (!shown.contains(it.key()))
            add(QString(), it.key(), nullptr, it.value());
    }

    readFlags(*record, labelOf);
    for (const ReviewEvent &e : ReviewRepository(m_db).reviewsOf(recordId)) {
        ReviewHistoryEntry entry {
            decisionText(e.decision), e.comment, e.reviewer,
            timeText(e.createdAtMs),  {},        ReviewFlagText::confirmation(e)};
        for (const QuestionComment &c : e.questionComments)
            entry.questionComments
                << QuestionCommentLine {labelOf.value(c.questionId, c.questionId), c.comment};
        m_history << entry;
    }
    track(photoReferencesIn(record->content));
    emit changed();
    emit photoStatesChanged();
    emit photoCountsChanged();
    return true;
}

void RecordViewController::readFlags(const Record &record, const QHash<QString, QString> &labelOf)
{
    m_flags = ReviewFlagText::lines(
        reviewFlagsOf(record.content, record.updatedAtMs, record.deviceClockSkewMs),
        [&labelOf](const QString &id) { return labelOf.value(id, id); });
    // The revision this one overwrote: named here, shown (and compared) if this device has it.
    m_conflictWith = record.conflictWith;
    m_conflictAuthor.clear();
    m_conflictAt.clear();
    m_conflictAvailable = false;
    if (m_conflictWith == 0)
        return;
    if (const auto other = RevisionHistory(m_db).revision(record.id, m_conflictWith)) {
        m_conflictAvailable = true;
        m_conflictAuthor = other->author;
        m_conflictAt = timeText(other->updatedAtMs);
    }
}

QString RecordViewController::photosText() const
{
    return photosIncomplete()
        ? ReviewFlagText::photosIncomplete(m_photoPresence.here, m_photoPresence.total)
        : QString();
}

void RecordViewController::refreshPhotoCounts()
{
    // What the server says (a pull may have ended "photos pending") and what is here.
    bool pending = false;
    if (!m_pastRevision && !m_recordId.isEmpty()) {
        const std::optional<Record> r = RecordRepository(m_db).find(m_recordId);
        pending = r && r->serverSeq == m_serverSeq && r->photosPending;
    }
    const PhotoPresence now = photoPresenceOf(m_content, m_photos);
    if (now.here == m_photoPresence.here && now.total == m_photoPresence.total
        && pending == m_photosPending)
        return;
    m_photoPresence = now;
    m_photosPending = pending;
    emit photoCountsChanged();
}

void RecordViewController::photoArrived(const QString &sha256)
{
    if (!m_content.isEmpty() && m_content.contains(sha256.toLatin1()))
        refreshPhotoCounts();
}
