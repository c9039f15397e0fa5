#pragma once

#include "accountrole.h"
#include "problem.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

// The ledger's rules, pure: which action fits which state and role, what an event does to a
// problem, when a re-check counts as on site, which month an event counts in, who may sign a
// month off. The server decides with them (authoritative, on every push); the device folds
// pulled events with them and offers only the actions they allow.

// A re-check is on site within this distance of where the problem was found (the server's
// --recheck-radius-m may set another); farther needs a reason (off_site_reason).
inline constexpr double kDefaultRecheckRadiusM = 100;

// Why an event or a sign-off may not be applied: a refusal code and its args
// (docs/sync.md, "Refusal codes"). Empty code: it may.
struct LedgerRefusal {
    QString code;
    QStringList args;
    bool ok() const { return code.isEmpty(); }
};

// Who acts: the role and scope codes (county 6 digits, township 9) the server's token names.
struct LedgerActor {
    AccountRole role = AccountRole::Unknown;
    QStringList scopeCodes;
    bool covers(const QString &villageCode) const;
};

namespace ProblemLedger {

// May actor apply event to current (nullptr: the server holds no such problem)?
// nowMs: the server's clock (deadlines must lie after it).
LedgerRefusal check(const Problem *current, const ProblemEvent &event, const LedgerActor &actor,
                    qint64 nowMs, double recheckRadiusM = kDefaultRecheckRadiusM);

// What the event does to the problem (appends it to the history). A Raise starts it.
void apply(Problem &problem, const ProblemEvent &event);

// The problem folded from its events in server order.
Problem fold(const QList<ProblemEvent> &events);

// The actions actor may take on the problem now (for the UI: never offer what the server
// would refuse for its state or role; scope and distance are decided when it is sent).
QList<ProblemAction> allowedActions(const Problem &problem, AccountRole role);

// Metres between where the problem was found and point; negative when either is unknown.
double distanceFromProblemM(const Problem &problem, const GeoFix &point);

// An action's stable name: "raise", "assign", "progress", "report_fix", "recheck", "close",
// "return", "publish" (refusal args, and what the UI offers).
QString actionName(ProblemAction action);

// The calendar day of a moment in China Standard Time (UTC+8, no DST), and the last
// millisecond of such a day: what a deadline given as a date means.
QDate chinaDateOf(qint64 msSinceEpoch);
qint64 endOfChinaDay(const QDate &day);

// The ledger month (YYYY-MM) of a moment, in China Standard Time: the month a county's office
// sees on its calendar.
QString monthOf(qint64 msSinceEpoch);
QString nextMonth(const QString &month);
// The first month at or after month that signedMonths (the township's frozen months) lacks.
QString firstOpenMonth(const QString &month, const QStringList &signedMonths);

// May actor sign the township's month off at this level? existing: the township's sign-offs
// so far; openProblemIds: the problems of the township's ledger up to that month not closed.
LedgerRefusal checkSignoff(const LedgerSignoff &signoff, const LedgerActor &actor,
                           const QList<LedgerSignoff> &existing, const QStringList &openProblemIds,
                           qint64 nowMs);

} // namespace ProblemLedger
