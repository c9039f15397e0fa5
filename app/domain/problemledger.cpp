#include "problemledger.h"

#include "geodistance.h"

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace {

// Shifted by hand: a fixed offset needs no time-zone database (Android lacks some).
constexpr qint64 kChinaUtcOffsetMs = 8 * 3600 * 1000LL;

bool reviews(AccountRole role)
{
    return role == AccountRole::Supervisor || role == AccountRole::Admin;
}

bool fieldSide(AccountRole role)
{
    return role == AccountRole::Inspector || role == AccountRole::Admin;
}

LedgerRefusal refuse(const char *code, QStringList args = {})
{
    return {QLatin1String(code), std::move(args)};
}

QString stateName(ProblemState state)
{
    switch (state) {
    case ProblemState::ToFix:
        return QStringLiteral("to_fix");
    case ProblemState::Fixing:
        return QStringLiteral("fixing");
    case ProblemState::ToRecheck:
        return QStringLiteral("to_recheck");
    case ProblemState::Closed:
        return QStringLiteral("closed");
    case ProblemState::Rework:
        return QStringLiteral("rework");
    }
    return {};
}

bool mayTake(ProblemAction action, AccountRole role)
{
    switch (action) {
    case ProblemAction::Raise:
    case ProblemAction::Recheck:
        return fieldSide(role) || reviews(role);
    case ProblemAction::Progress:
    case ProblemAction::ReportFix:
        return fieldSide(role);
    case ProblemAction::Assign:
    case ProblemAction::Close:
    case ProblemAction::Return:
    case ProblemAction::Publish:
        return reviews(role);
    }
    return false;
}

// The state the action may be taken in (the role aside).
bool fitsState(ProblemAction action, const Problem &p)
{
    switch (action) {
    case ProblemAction::Raise:
        return false; // the problem exists already
    case ProblemAction::Assign:
    case ProblemAction::Progress:
    case ProblemAction::ReportFix:
    case ProblemAction::Return:
        return p.open();
    case ProblemAction::Recheck:
        return p.state == ProblemState::ToRecheck;
    case ProblemAction::Close:
        return p.state == ProblemState::ToRecheck && p.recheckPassed;
    case ProblemAction::Publish:
        return p.state == ProblemState::Closed;
    }
    return false;
}

bool isTownship(const QString &code)
{
    return code.size() == 9;
}

} // namespace

bool LedgerActor::covers(const QString &villageCode) const
{
    if (role == AccountRole::Admin)
        return true;
    if (role == AccountRole::Kiosk || villageCode.isEmpty())
        return false;
    for (const QString &code : scopeCodes) {
        if (!code.isEmpty() && villageCode.startsWith(code))
            return true;
    }
    return false;
}

namespace ProblemLedger {

QString actionName(ProblemAction action)
{
    switch (action) {
    case ProblemAction::Raise:
        return QStringLiteral("raise");
    case ProblemAction::Assign:
        return QStringLiteral("assign");
    case ProblemAction::Progress:
        return QStringLiteral("progress");
    case ProblemAction::ReportFix:
        return QStringLiteral("report_fix");
    case ProblemAction::Recheck:
        return QStringLiteral("recheck");
    case ProblemAction::Close:
        return QStringLiteral("close");
    case ProblemAction::Return:
        return QStringLiteral("return");
    case ProblemAction::Publish:
        return QStringLiteral("publish");
    }
    return {};
}

double distanceFromProblemM(const Problem &problem, const GeoFix &point)
{
    if (!problem.point.isValid() || !point.isValid())
        return -1;
    return haversineMetres(problem.point.latitude, problem.point.longitude, point.latitude,
                           point.longitude);
}

LedgerRefusal check(const Problem *current, const ProblemEvent &e, const LedgerActor &actor,
                    qint64 nowMs, double recheckRadiusM)
{
    if (e.id.isEmpty())
        return refuse("problem_event_invalid", {QStringLiteral("id")});
    if (e.problemId.isEmpty())
        return refuse("problem_event_invalid", {QStringLiteral("problem_id")});
    if (!mayTake(e.action, actor.role))
        return refuse("role_cannot_act", {actionName(e.action)});

    if (e.action == ProblemAction::Raise) {
        if (current)
            return refuse("problem_exists", {e.problemId});
        if (e.villageCode.size() != 12)
            return refuse("problem_event_invalid", {QStringLiteral("village_code")});
        if (e.category.isEmpty())
            return refuse("problem_event_invalid", {QStringLiteral("category")});
        if (e.severity < 1 || e.severity > 3)
            return refuse("problem_event_invalid", {QStringLiteral("severity")});
        if (e.comment.trimmed().isEmpty())
            return refuse("problem_event_invalid", {QStringLiteral("comment")});
        if (!actor.covers(e.villageCode))
            return refuse("problem_outside_scope", {e.problemId, e.villageCode});
        return {};
    }

    if (!current)
        return refuse("problem_unknown", {e.problemId});
    // Whoever acts on a problem must cover where it is now, and where an assignment moves it.
    if (!actor.covers(current->villageCode))
        return refuse("problem_outside_scope", {e.problemId, current->villageCode});
    if (!current->open() && e.action != ProblemAction::Publish)
        return refuse("problem_closed", {e.problemId, QString::number(current->closedAtMs)});
    if (!fitsState(e.action, *current)) {
        if (e.action == ProblemAction::Close)
            return refuse("problem_not_rechecked", {e.problemId});
        return refuse("problem_wrong_state",
                      {e.problemId, stateName(current->state), actionName(e.action)});
    }

    switch (e.action) {
    case ProblemAction::Assign:
        if (!e.villageCode.isEmpty()) {
            if (e.villageCode.size() != 12)
                return refuse("problem_event_invalid", {QStringLiteral("village_code")});
            if (!actor.covers(e.villageCode))
                return refuse("problem_outside_scope", {e.problemId, e.villageCode});
        }
        if (e.responsibleKind == ResponsibleKind::None)
            return refuse("problem_event_invalid", {QStringLiteral("responsible_kind")});
        if (e.responsibleKind == ResponsibleKind::Department ? e.responsibleName.trimmed().isEmpty()
                                                             : e.responsibleCode.isEmpty())
            return refuse("problem_event_invalid", {QStringLiteral("responsible")});
        if (e.deadlineMs <= nowMs)
            return refuse("deadline_in_past",
                          {QString::number(e.deadlineMs), QString::number(nowMs)});
        return {};
    case ProblemAction::Recheck: {
        if (!e.offSiteReason.trimmed().isEmpty())
            return {};
        const double metres = distanceFromProblemM(*current, e.point);
        if (metres < 0 || metres > recheckRadiusM)
            return refuse("recheck_off_site",
                          {metres < 0 ? QString() : QString::number(qRound64(metres)),
                           QString::number(qRound64(recheckRadiusM))});
        return {};
    }
    case ProblemAction::Publish:
        for (const QString &sha : e.publishedBefore) {
            if (!current->beforePhotos.contains(sha))
                return refuse("publish_photo_not_in_problem", {sha});
        }
        for (const QString &sha : e.publishedAfter) {
            if (!current->afterPhotos.contains(sha))
                return refuse("publish_photo_not_in_problem", {sha});
        }
        return {};
    default:
        return {};
    }
}

void apply(Problem &p, const ProblemEvent &e)
{
    switch (e.action) {
    case ProblemAction::Raise:
        p.id = e.problemId;
        p.villageCode = e.villageCode;
        p.category = e.category;
        p.severity = e.severity;
        p.description = e.comment;
        p.recordId = e.recordId;
        p.questionId = e.questionId;
        p.point = e.point;
        p.beforePhotos = e.photos;
        p.state = ProblemState::ToFix;
        p.raisedBy = e.author;
        p.raisedAtMs = e.receivedAtMs > 0 ? e.receivedAtMs : e.createdAtMs;
        p.ledgerMonth = e.ledgerMonth;
        break;
    case ProblemAction::Assign:
        if (!e.villageCode.isEmpty())
            p.villageCode = e.villageCode;
        p.responsibleKind = e.responsibleKind;
        p.responsibleCode = e.responsibleCode;
        p.responsibleName = e.responsibleName;
        p.deadlineMs = e.deadlineMs;
        break;
    case ProblemAction::Progress:
        if (p.open())
            p.state = ProblemState::Fixing;
        break;
    case ProblemAction::ReportFix:
        if (p.open()) {
            p.state = ProblemState::ToRecheck;
            p.recheckPassed = false;
        }
        for (const QString &sha : e.photos) {
            if (!p.afterPhotos.contains(sha))
                p.afterPhotos << sha;
        }
        break;
    case ProblemAction::Recheck:
        if (p.open()) {
            p.state = e.recheckPassed ? ProblemState::ToRecheck : ProblemState::Rework;
            p.recheckPassed = e.recheckPassed;
        }
        break;
    case ProblemAction::Close:
        p.state = ProblemState::Closed;
        p.closedAtMs = e.receivedAtMs > 0 ? e.receivedAtMs : e.createdAtMs;
        break;
    case ProblemAction::Return:
        if (p.open()) {
            p.state = ProblemState::Rework;
            p.recheckPassed = false;
        }
        break;
    case ProblemAction::Publish:
        p.published = true;
        break;
    }
    if (e.conflictWithServerSeq > 0)
        ++p.conflicts;
    if (e.serverSeq > p.lastServerSeq)
        p.lastServerSeq = e.serverSeq;
    p.history << e;
}

Problem fold(const QList<ProblemEvent> &events)
{
    Problem p;
    for (const ProblemEvent &e : events)
        apply(p, e);
    return p;
}

QList<ProblemAction> allowedActions(const Problem &problem, AccountRole role)
{
    QList<ProblemAction> out;
    for (ProblemAction a : {ProblemAction::Assign, ProblemAction::Progress,
                            ProblemAction::ReportFix, ProblemAction::Recheck, ProblemAction::Close,
                            ProblemAction::Return, ProblemAction::Publish}) {
        if (mayTake(a, role) && fitsState(a, problem)
            && !(a == ProblemAction::Publish && problem.published))
            out << a;
    }
    return out;
}

QDate chinaDateOf(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch + kChinaUtcOffsetMs, QTimeZone::utc())
        .date();
}

qint64 endOfChinaDay(const QDate &day)
{
    return QDateTime(day.addDays(1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch()
        - kChinaUtcOffsetMs - 1;
}

QString monthOf(qint64 msSinceEpoch)
{
    return chinaDateOf(msSinceEpoch).toString(QStringLiteral("yyyy-MM"));
}

QString nextMonth(const QString &month)
{
    const QDate first
        = QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    return first.isValid() ? first.addMonths(1).toString(QStringLiteral("yyyy-MM")) : QString();
}

QString firstOpenMonth(const QString &month, const QStringList &signedMonths)
{
    QString m = month;
    while (!m.isEmpty() && signedMonths.contains(m))
        m = nextMonth(m);
    return m;
}

LedgerRefusal checkSignoff(const LedgerSignoff &s, const LedgerActor &actor,
                           const QList<LedgerSignoff> &existing, const QStringList &openProblemIds,
                           qint64 nowMs)
{
    if (s.id.isEmpty())
        return refuse("signoff_invalid", {QStringLiteral("id")});
    if (!isTownship(s.townshipCode))
        return refuse("signoff_invalid", {QStringLiteral("township_code")});
    const QDate first
        = QDate::fromString(s.month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    if (!first.isValid() || s.month.size() != 7 || s.month > monthOf(nowMs))
        return refuse("signoff_month_invalid", {s.month});

    // The township level is the township's own supervisor's; the county level the county's.
    bool entitled = actor.role == AccountRole::Admin;
    if (actor.role == AccountRole::Supervisor) {
        const QString wanted
            = s.level == SignoffLevel::Township ? s.townshipCode : s.townshipCode.left(6);
        entitled = actor.scopeCodes.contains(wanted);
    }
    if (!entitled)
        return refuse("signoff_not_permitted", {s.townshipCode, QString::number(int(s.level))});

    bool townshipSigned = false;
    for (const LedgerSignoff &o : existing) {
        if (o.townshipCode != s.townshipCode || o.month != s.month)
            continue;
        if (o.level == s.level)
            return refuse("signoff_already",
                          {s.townshipCode, s.month, o.signer, QString::number(o.receivedAtMs)});
        if (o.level == SignoffLevel::Township)
            townshipSigned = true;
    }
    if (s.level == SignoffLevel::County && !townshipSigned)
        return refuse("signoff_township_first", {s.townshipCode, s.month});

    QStringList unacknowledged;
    for (const QString &id : openProblemIds) {
        if (!s.acknowledgedOpenProblemIds.contains(id))
            unacknowledged << id;
    }
    if (!unacknowledged.isEmpty())
        return refuse("signoff_open_items",
                      {QString::number(unacknowledged.size()), unacknowledged.first()});
    return {};
}

} // namespace ProblemLedger
