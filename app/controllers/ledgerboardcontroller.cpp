#include "ledgerboardcontroller.h"

#include "controllers/refusaltext.h"
#include "domain/problemledger.h"
#include "domain/timeorderedid.h"
#include "models/ledgerlistmodel.h"
#include "refusal.h"
#include "reports/ledgercsv.h"
#include "storage/coveragequery.h"
#include "storage/enrolmentrepository.h"
#include "storage/ledgerquery.h"
#include "storage/problemrepository.h"
#include "storage/referencedatarepository.h"
#include "storage/templaterepository.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString oneDecimal(double value)
{
    return QLocale().toString(value, 'f', 1);
}

// The level this account signs a township's month at: its own township's supervisor, else
// the county's; admins the first level not signed yet. nullopt: none.
std::optional<SignoffLevel> levelFor(const DeviceAccount &account, const QString &township,
                                     bool townshipSigned)
{
    if (account.role == AccountRole::Admin)
        return townshipSigned ? SignoffLevel::County : SignoffLevel::Township;
    if (account.role != AccountRole::Supervisor)
        return std::nullopt;
    if (account.scopes.contains(township))
        return SignoffLevel::Township;
    if (account.scopes.contains(township.left(6)))
        return SignoffLevel::County;
    return std::nullopt;
}

} // namespace

LedgerBoardController::LedgerBoardController(QSqlDatabase db, LedgerListModel *list,
                                             QObject *parent)
    : QObject(parent), m_db(db), m_list(list)
{
    refresh();
}

int LedgerBoardController::coverageDays() const
{
    return kDefaultCoverageDays;
}

QString LedgerBoardController::currentMonth() const
{
    return ProblemLedger::monthOf(now());
}

QString LedgerBoardController::unitCode() const
{
    return m_list ? m_list->unitCode() : QString();
}

QString LedgerBoardController::nameOfTownship(const QString &code) const
{
    const auto township = ReferenceDataRepository(m_db).township(code);
    return township ? township->name : code;
}

void LedgerBoardController::refresh()
{
    const DeviceAccount account = EnrolmentRepository(m_db).account();
    const ReferenceDataRepository reference(m_db);
    const qint64 t = now();

    // The filter's choices: the jurisdiction, each county in it and its townships.
    m_units = {PlaceEntry {QString(), tr("全部辖区"), QString()}};
    for (const QString &code : account.scopes) {
        if (code.size() == 9) {
            m_units << PlaceEntry {code, nameOfTownship(code), QString()};
            continue;
        }
        for (const PairedUnit &u : reference.units()) {
            if (u.code != code)
                continue;
            m_units << PlaceEntry {u.code, u.name, QString()};
            for (const Township &tw : reference.townships(u.code))
                m_units << PlaceEntry {tw.code, QStringLiteral("　") + tw.name, u.name};
        }
    }
    m_categories = {PlaceEntry {QString(), tr("全部检查表"), QString()}};
    for (const FormTemplate &form : TemplateRepository(m_db).latestAll())
        m_categories << PlaceEntry {form.id, form.title.text(), QString()};

    // The ranking and the figures, over the list's unit.
    const QList<TownshipLedgerStats> stats = LedgerQuery(m_db).ranking(unitCode(), t);
    m_ranking.clear();
    m_summary = {};
    double closedDays = 0;
    for (const TownshipLedgerStats &s : stats) {
        m_ranking << TownshipRankLine {s.townshipCode,
                                       s.townshipName.isEmpty() ? s.townshipCode : s.townshipName,
                                       s.raised,
                                       s.closed,
                                       s.overdue,
                                       qRound(100 * s.closureRate),
                                       s.closed > 0 ? oneDecimal(s.meanDaysToClose) : QString()};
        m_summary.open += s.open;
        m_summary.overdue += s.overdue;
        m_summary.closed += s.closed;
        closedDays += s.meanDaysToClose * s.closed;
    }
    if (m_summary.closed > 0)
        m_summary.meanDaysToClose = oneDecimal(closedDays / m_summary.closed);

    // Coverage: the list's unit, else each unit of the jurisdiction.
    m_coverage.clear();
    const QStringList coverageUnits
        = unitCode().isEmpty() ? account.scopes : QStringList {unitCode()};
    const CoverageQuery coverage(m_db);
    // One list: begin and end of two temporaries read past each other's end.
    const QList<PairedUnit> pairedUnits = reference.units();
    for (const QString &code : coverageUnits) {
        // A township of a county is read with its county and picked out.
        const bool township = code.size() == 9 && !pairedUnits.isEmpty()
            && std::none_of(pairedUnits.cbegin(), pairedUnits.cend(),
                            [&](const PairedUnit &u) { return u.code == code; });
        for (const TownshipCoverage &c : coverage.townships(township ? code.left(6) : code, t)) {
            if (township && c.townshipCode != code)
                continue;
            QStringList names;
            for (const Village &v : c.notVisited)
                names << v.name;
            m_coverage << CoverageLine {c.townshipCode,       c.townshipName,
                                        c.villages,           c.visited,
                                        qRound(100 * c.rate), names.join(QStringLiteral("、"))};
        }
    }

    // The sign-off: the townships with problems this account signs for.
    m_signoffs.clear();
    const QString month = currentMonth();
    const ProblemRepository problems(m_db);
    for (const TownshipLedgerStats &s : stats) {
        QString townshipSigner, countySigner;
        for (const LedgerSignoff &o : problems.signoffs(s.townshipCode)) {
            if (o.month != month)
                continue;
            const QString who = o.signer.isEmpty() ? tr("本机，待同步") : o.signer;
            (o.level == SignoffLevel::Township ? townshipSigner : countySigner) = who;
        }
        const auto level = levelFor(account, s.townshipCode, !townshipSigner.isEmpty());
        if (!level)
            continue;
        SignoffTownshipLine line;
        line.townshipCode = s.townshipCode;
        line.townshipName = s.townshipName.isEmpty() ? s.townshipCode : s.townshipName;
        line.openItems = s.open;
        line.statusText = !countySigner.isEmpty() ? tr("乡镇、县级均已签认（%1）").arg(countySigner)
            : !townshipSigner.isEmpty() ? tr("乡镇已签认（%1），待县级签认").arg(townshipSigner)
                                        : tr("本月尚未签认");
        const bool mine
            = *level == SignoffLevel::Township ? townshipSigner.isEmpty() : countySigner.isEmpty();
        line.canSign = mine && (*level == SignoffLevel::Township || !townshipSigner.isEmpty());
        line.levelText = *level == SignoffLevel::Township ? tr("乡镇签认") : tr("县级签认");
        m_signoffs << line;
    }
    emit changed();
}

QString LedgerBoardController::exportCsv(const QUrl &folder)
{
    const QString dir = folder.isLocalFile() ? folder.toLocalFile() : folder.toString();
    if (dir.isEmpty() || !QDir(dir).exists())
        return tr("导出失败：文件夹不存在");
    const QString path = QDir(dir).filePath(
        QStringLiteral("整改台账_%1.csv")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    const LedgerFilter filter {unitCode(), m_list ? m_list->category() : QString(),
                               m_list ? m_list->state() : 0, m_list && m_list->overdueOnly(),
                               now()};
    const ExportOutcome outcome = exportLedgerCsv(m_db, filter, path);
    if (!outcome.ok)
        return tr("导出失败：%1").arg(outcome.error);
    return tr("已导出 %1 项：%2").arg(outcome.records).arg(outcome.path);
}

QString LedgerBoardController::signOff(const QString &townshipCode, const QString &month)
{
    const DeviceAccount account = EnrolmentRepository(m_db).account();
    ProblemRepository problems(m_db);
    const QList<LedgerSignoff> existing = problems.signoffs(townshipCode);
    bool townshipSigned = false;
    for (const LedgerSignoff &o : existing)
        townshipSigned = townshipSigned || (o.month == month && o.level == SignoffLevel::Township);
    const auto level = levelFor(account, townshipCode, townshipSigned);
    if (!level)
        return RefusalText::describe(
            Refusal {QStringLiteral("signoff_not_permitted"), {townshipCode, QStringLiteral("1")}});

    // The open items of the township's ledger up to that month: signed off as acknowledged.
    QStringList open;
    const LedgerFilter filter {townshipCode, {}, 0, false, now()};
    for (const LedgerRow &row :
         LedgerQuery(m_db).page(filter, 0, std::numeric_limits<int>::max())) {
        if (row.state != ProblemState::Closed && row.ledgerMonth <= month)
            open << row.id;
    }
    LedgerSignoff s;
    s.id = TimeOrderedId::create();
    s.townshipCode = townshipCode;
    s.month = month;
    s.level = *level;
    s.acknowledgedOpenProblemIds = open;
    s.createdAtMs = now();
    const LedgerRefusal refusal = ProblemLedger::checkSignoff(
        s, LedgerActor {account.role, account.scopes}, existing, open, s.createdAtMs);
    if (!refusal.ok())
        return RefusalText::describe(Refusal {refusal.code, refusal.args});
    if (!problems.recordSignoff(s))
        return tr("未能保存：%1").arg(problems.lastError());
    emit recorded();
    refresh();
    return open.isEmpty()
        ? tr("已签认 %1 月台账").arg(month)
        : tr("已签认 %1 月台账，%2 项未销号已知悉，转入下月督办").arg(month).arg(open.size());
}
