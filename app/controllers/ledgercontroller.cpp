#include "ledgercontroller.h"

#include "controllers/photoproblemtext.h"
#include "controllers/positionstatus.h"
#include "controllers/problemlinebuilder.h"
#include "controllers/problemwords.h"
#include "controllers/recordproblems.h"
#include "controllers/refusaltext.h"
#include "domain/geodistance.h"
#include "domain/problemledger.h"
#include "domain/timeorderedid.h"
#include "media/photostore.h"
#include "photofetcher.h"
#include "refusal.h"
#include "storage/enrolmentrepository.h"
#include "storage/problemrepository.h"
#include "storage/recordrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QDate>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QUrl>

namespace {

// Ways are worked out again once the tablet has moved this far: a list does not redraw at
// every fix.
constexpr double kWayRefreshM = 10;

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString when(qint64 ms)
{
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat)
                  : QString();
}

} // namespace

LedgerController::LedgerController(QSqlDatabase db, PhotoStore *photos, PositionStatus *position,
                                   QObject *parent)
    : QObject(parent), m_db(db), m_photos(photos), m_position(position)
{
    if (m_position)
        connect(m_position, &PositionStatus::changed, this, &LedgerController::positionMoved);
    reload();
}

void LedgerController::setPhotoFetcher(PhotoFetcher *fetcher)
{
    m_fetcher = fetcher;
    // A photo of the open problem arrived: its thumbnail can be shown.
    connect(fetcher, &PhotoFetcher::photoArrived, this, [this](const QString &sha256) {
        if (!m_current)
            return;
        for (const ProblemEvent &e : m_current->history) {
            if (e.photos.contains(sha256)) {
                emit currentChanged();
                return;
            }
        }
    });
}

void LedgerController::reload()
{
    const DeviceAccount account = EnrolmentRepository(m_db).account();
    const ProblemRepository problems(m_db);
    const ProblemLineBuilder lines(m_db);
    const GeoFix here = m_position ? m_position->lastFix() : GeoFix();
    const qint64 t = now();
    m_toFix.clear();
    m_toRecheck.clear();
    for (const Problem &p : problems.toFix(account.scopes, t))
        m_toFix << lines.line(p, t, here);
    for (const Problem &p : problems.toRecheck(account.scopes, t))
        m_toRecheck << lines.line(p, t, here);
    if (m_position && m_position->lastFix().isValid()) {
        m_wayLatitude = m_position->lastFix().latitude;
        m_wayLongitude = m_position->lastFix().longitude;
    }
    emit listsChanged();
}

void LedgerController::refresh()
{
    reload();
    if (m_current)
        open(m_current->id);
}

bool LedgerController::open(const QString &problemId)
{
    const auto problem = ProblemRepository(m_db).problem(problemId);
    const bool other = !m_current || m_current->id != problemId;
    m_current = problem;
    if (m_current && m_fetcher && m_photos) {
        QStringList missing;
        for (const ProblemEvent &e : m_current->history)
            for (const QString &sha : e.photos)
                if (!m_photos->contains(sha) && !missing.contains(sha))
                    missing << sha;
        if (!missing.isEmpty())
            m_fetcher->fetchNow(missing);
    }
    if (other && !m_evidence.isEmpty()) {
        m_evidence.clear(); // evidence belongs to the problem it was taken for
        emit evidenceChanged();
    }
    emit currentChanged();
    emit wayChanged();
    return problem.has_value();
}

int LedgerController::overdueCount() const
{
    int n = 0;
    for (const QList<ProblemLine> *list : {&m_toFix, &m_toRecheck})
        for (const ProblemLine &line : *list)
            n += line.overdue ? 1 : 0;
    return n;
}

ProblemLine LedgerController::lineOf(const Problem &p, qint64 nowMs) const
{
    return ProblemLineBuilder(m_db).line(p, nowMs, m_position ? m_position->lastFix() : GeoFix());
}

ProblemDetail LedgerController::current() const
{
    ProblemDetail d;
    if (!m_current)
        return d;
    const Problem &p = *m_current;
    d.valid = true;
    d.line = lineOf(p, now());
    d.raisedText = tr("%1 发现于 %2")
                       .arg(p.raisedBy.isEmpty() ? tr("本机") : p.raisedBy, when(p.raisedAtMs));
    d.recordId = p.recordId;
    d.beforePhotos = p.beforePhotos;
    d.afterPhotos = p.afterPhotos;
    for (const ProblemEvent &e : p.history) {
        ProblemStep step;
        step.actionText = ProblemWords::action(e.action);
        if (e.action == ProblemAction::Recheck)
            step.actionText = e.recheckPassed ? tr("复查通过") : tr("复查未通过");
        // The server names who did it; a step not sent yet is this device's.
        step.author = e.author.isEmpty() ? tr("本机") : e.author;
        step.whenText = when(e.receivedAtMs > 0 ? e.receivedAtMs : e.createdAtMs);
        step.comment = e.comment;
        step.photos = e.photos;
        step.pending = e.serverSeq == 0;
        step.conflicted = e.conflictWithServerSeq > 0;
        QStringList detail;
        if (e.action == ProblemAction::Assign) {
            detail << (e.responsibleName.isEmpty()
                           ? ProblemWords::responsibleKind(e.responsibleKind)
                           : e.responsibleName);
            detail << tr("期限 %1").arg(
                ProblemLedger::chinaDateOf(e.deadlineMs).toString(QStringLiteral("yyyy-MM-dd")));
        }
        if (e.action == ProblemAction::Recheck) {
            const double metres = ProblemLedger::distanceFromProblemM(p, e.point);
            if (metres >= 0)
                detail << tr("距问题位置 %1").arg(ProblemWords::distance(metres));
            if (!e.offSiteReason.isEmpty())
                detail << tr("未到现场：%1").arg(e.offSiteReason);
        }
        if (!e.ledgerMonth.isEmpty() && e.receivedAtMs > 0
            && e.ledgerMonth != ProblemLedger::monthOf(e.receivedAtMs))
            detail << tr("计入 %1 台账（当月已签认）").arg(e.ledgerMonth);
        if (step.conflicted)
            detail << tr("与另一台设备的操作同时发生");
        step.detail = detail.join(QStringLiteral(" · "));
        d.history << step;
    }
    const DeviceAccount account = EnrolmentRepository(m_db).account();
    for (ProblemAction a : ProblemLedger::allowedActions(p, account.role))
        d.actions << ProblemLedger::actionName(a);
    return d;
}

double LedgerController::distanceToCurrent() const
{
    if (!m_current || !m_position)
        return -1;
    return ProblemLedger::distanceFromProblemM(*m_current, m_position->lastFix());
}

QString LedgerController::wayToCurrent() const
{
    if (!m_current)
        return {};
    // Read at every fix while a problem is open: the way alone, not its whole line.
    return ProblemWords::way(*m_current, m_position ? m_position->lastFix() : GeoFix());
}

double LedgerController::recheckRadiusM() const
{
    return kDefaultRecheckRadiusM;
}

void LedgerController::positionMoved()
{
    if (!m_current && m_toFix.isEmpty() && m_toRecheck.isEmpty())
        return;
    emit wayChanged();
    const GeoFix here = m_position->lastFix();
    if (!here.isValid()
        || haversineMetres(here.latitude, here.longitude, m_wayLatitude, m_wayLongitude)
            < kWayRefreshM)
        return;
    reload();
}

bool LedgerController::raiseOnRecord(const QString &recordId, const QString &questionId,
                                     const QString &description, int severity)
{
    const auto record = RecordRepository(m_db).find(recordId);
    if (!record)
        return fail(tr("找不到这条记录"));
    const auto form = TemplateRepository(m_db).find(record->templateId, record->templateVersion);
    if (!form)
        return fail(tr("找不到这条记录的检查表"));
    const QJsonObject answers = QJsonDocument::fromJson(record->content)
                                    .object()
                                    .value(QLatin1String("answers"))
                                    .toObject();
    QString error;
    RecordProblems problems(m_db);
    if (!problems.raise(*record, *form, answers, questionId, description, severity, GeoFix(),
                        &error))
        return fail(error);
    m_error.clear();
    emit lastErrorChanged();
    emit recorded();
    reload();
    return true;
}

QString LedgerController::addEvidencePhoto(
    const std::function<std::optional<StoredPhoto>(const PhotoCaption &, PhotoProblem *)> &import)
{
    if (!m_current || !m_photos)
        return tr("没有打开的问题");
    const auto village = ReferenceDataRepository(m_db).village(m_current->villageCode);
    PhotoProblem problem;
    const auto stored = import(PhotoCaption {QDateTime::currentDateTime(),
                                             m_position ? m_position->lastFix() : GeoFix(),
                                             village ? village->name : m_current->villageCode},
                               &problem);
    if (!stored)
        return PhotoProblemText::describe(problem);
    if (!m_evidence.contains(stored->sha256)) {
        m_evidence << stored->sha256;
        emit evidenceChanged();
    }
    return {};
}

QString LedgerController::addEvidencePhotoFromFile(const QString &pathOrUrl)
{
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    return addEvidencePhoto([&](const PhotoCaption &caption, PhotoProblem *problem) {
        return m_photos->importFile(path, caption, problem);
    });
}

QString LedgerController::addEvidencePhotoFromImage(const QImage &image)
{
    return addEvidencePhoto([&](const PhotoCaption &caption, PhotoProblem *problem) {
        return m_photos->importImage(image, caption, problem);
    });
}

void LedgerController::removeEvidencePhoto(const QString &sha256)
{
    if (m_evidence.removeAll(sha256) > 0)
        emit evidenceChanged();
}

QString LedgerController::photoUrl(const QString &sha256) const
{
    return m_photos && m_photos->contains(sha256)
        ? QUrl::fromLocalFile(m_photos->pathFor(sha256)).toString()
        : QString();
}

QString LedgerController::thumbnailUrl(const QString &sha256) const
{
    if (!m_photos || !m_photos->contains(sha256))
        return {};
    // A photo that came by sync has no thumbnail here (only an import makes one): the photo.
    const QString thumbnail = m_photos->thumbnailPathFor(sha256);
    return QUrl::fromLocalFile(QFileInfo::exists(thumbnail) ? thumbnail : m_photos->pathFor(sha256))
        .toString();
}

ProblemEvent LedgerController::newEvent(ProblemAction action) const
{
    ProblemEvent e;
    e.id = TimeOrderedId::create();
    e.problemId = m_current ? m_current->id : QString();
    e.action = action;
    e.baseServerSeq = m_current ? m_current->lastServerSeq : 0;
    e.createdAtMs = now();
    return e;
}

bool LedgerController::fail(const QString &message)
{
    m_error = message;
    emit lastErrorChanged();
    return false;
}

bool LedgerController::store(ProblemEvent event)
{
    if (!m_current)
        return fail(tr("没有打开的问题"));
    const DeviceAccount account = EnrolmentRepository(m_db).account();
    const LedgerActor actor {account.role, account.scopes};
    const LedgerRefusal refusal
        = ProblemLedger::check(&*m_current, event, actor, now(), recheckRadiusM());
    if (!refusal.ok())
        return fail(RefusalText::describe(Refusal {refusal.code, refusal.args}));
    ProblemRepository problems(m_db);
    if (!problems.record(event))
        return fail(tr("未能保存：%1").arg(problems.lastError()));
    m_error.clear();
    emit lastErrorChanged();
    if (!m_evidence.isEmpty()) {
        m_evidence.clear();
        emit evidenceChanged();
    }
    open(event.problemId);
    reload();
    emit recorded();
    return true;
}

bool LedgerController::reportProgress(const QString &comment)
{
    ProblemEvent e = newEvent(ProblemAction::Progress);
    e.comment = comment.trimmed();
    e.photos = m_evidence;
    e.point = m_position ? m_position->lastFix() : GeoFix();
    return store(e);
}

bool LedgerController::reportFix(const QString &comment)
{
    if (m_evidence.isEmpty())
        return fail(tr("请先拍摄整改后的照片"));
    ProblemEvent e = newEvent(ProblemAction::ReportFix);
    e.comment = comment.trimmed();
    e.photos = m_evidence;
    e.point = m_position ? m_position->lastFix() : GeoFix();
    return store(e);
}

bool LedgerController::recheck(bool passed, const QString &comment, const QString &offSiteReason)
{
    ProblemEvent e = newEvent(ProblemAction::Recheck);
    e.recheckPassed = passed;
    e.comment = comment.trimmed();
    e.offSiteReason = offSiteReason.trimmed();
    e.photos = m_evidence;
    e.point = m_position ? m_position->lastFix() : GeoFix();
    return store(e);
}

bool LedgerController::assign(int kind, const QString &code, const QString &name,
                              const QString &deadline)
{
    const QDate day = QDate::fromString(deadline, QStringLiteral("yyyy-MM-dd"));
    if (!day.isValid())
        return fail(tr("请填写整改期限（年-月-日）"));
    ProblemEvent e = newEvent(ProblemAction::Assign);
    e.responsibleKind = kind >= 1 && kind <= 3 ? ResponsibleKind(kind) : ResponsibleKind::None;
    e.responsibleCode = code.trimmed();
    e.responsibleName = name.trimmed();
    // A township or a village committee named by no code is the problem's own.
    if (e.responsibleCode.isEmpty() && m_current) {
        const ReferenceDataRepository reference(m_db);
        if (e.responsibleKind == ResponsibleKind::Township) {
            e.responsibleCode = m_current->villageCode.left(9);
            if (e.responsibleName.isEmpty())
                if (const auto t = reference.township(e.responsibleCode))
                    e.responsibleName = t->name;
        } else if (e.responsibleKind == ResponsibleKind::Village) {
            e.responsibleCode = m_current->villageCode;
            if (e.responsibleName.isEmpty())
                if (const auto v = reference.village(e.responsibleCode))
                    e.responsibleName = v->name;
        }
    }
    e.deadlineMs = ProblemLedger::endOfChinaDay(day);
    return store(e);
}

bool LedgerController::close(const QString &comment)
{
    ProblemEvent e = newEvent(ProblemAction::Close);
    e.comment = comment.trimmed();
    return store(e);
}

bool LedgerController::sendBack(const QString &comment)
{
    if (comment.trimmed().isEmpty())
        return fail(tr("请写明退回重改的原因"));
    ProblemEvent e = newEvent(ProblemAction::Return);
    e.comment = comment.trimmed();
    return store(e);
}

bool LedgerController::publish(const QStringList &before, const QStringList &after)
{
    if (before.isEmpty() || after.isEmpty())
        return fail(tr("请至少选择一张整改前和一张整改后的照片"));
    ProblemEvent e = newEvent(ProblemAction::Publish);
    e.publishedBefore = before;
    e.publishedAfter = after;
    return store(e);
}
