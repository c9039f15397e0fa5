#pragma once

#include "domain/problem.h"
#include "domain/problemledger.h"
#include "storage/pulledpage.h"

#include <QDateTime>
#include <QHash>
#include <QUuid>

// Problems as the server hands them on in a pulled page: numbered, stamped and authored,
// for a device store to receive through PulledPageWriter the way a sync brings them.
class PulledProblems {
public:
    static constexpr qint64 kDayMs = 24 * 3600 * 1000LL;

    // Raised by an inspector `daysAgo` days ago in the village; its id.
    QString raise(const QString &villageCode, const QString &description, int daysAgo = 10,
                  const QString &category = QStringLiteral("sanitation.toilet"))
    {
        ProblemEvent e = next(newId(), ProblemAction::Raise, daysAgo, QStringLiteral("wangfang"));
        e.comment = description;
        e.villageCode = villageCode;
        e.category = category;
        e.severity = 2;
        e.point.latitude = 33.13782;
        e.point.longitude = 111.49096;
        e.point.horizontalAccuracyM = 4;
        m_page.problemEvents << e;
        return e.problemId;
    }
    // Assigned to its village committee with a deadline `deadlineInDays` from now.
    void assign(const QString &problemId, const QString &villageCode, int deadlineInDays)
    {
        ProblemEvent e = next(problemId, ProblemAction::Assign, 9, QStringLiteral("zhaomin"));
        e.responsibleKind = ResponsibleKind::Village;
        e.responsibleCode = villageCode;
        e.responsibleName = QStringLiteral("村委会");
        e.deadlineMs = QDateTime::currentMSecsSinceEpoch() + deadlineInDays * kDayMs;
        m_page.problemEvents << e;
    }
    // Fixed, re-checked on site and closed (销号), the close `daysAgo` days ago.
    void close(const QString &problemId, int daysAgo = 1)
    {
        ProblemEvent fix
            = next(problemId, ProblemAction::ReportFix, daysAgo, QStringLiteral("wangfang"));
        fix.photos << QStringLiteral("a").repeated(64);
        m_page.problemEvents << fix;
        ProblemEvent recheck
            = next(problemId, ProblemAction::Recheck, daysAgo, QStringLiteral("wangfang"));
        recheck.recheckPassed = true;
        recheck.point.latitude = 33.13782;
        recheck.point.longitude = 111.49096;
        m_page.problemEvents << recheck;
        m_page.problemEvents << next(problemId, ProblemAction::Close, daysAgo,
                                     QStringLiteral("zhaomin"));
    }

    PulledPage page(const QString &epoch = QStringLiteral("e1"))
    {
        PulledPage out = m_page;
        out.nextServerSeq = m_seq;
        out.epoch = epoch;
        return out;
    }

private:
    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    ProblemEvent next(const QString &problemId, ProblemAction action, int daysAgo,
                      const QString &author)
    {
        ProblemEvent e;
        e.id = newId();
        e.problemId = problemId;
        e.action = action;
        e.baseServerSeq = m_lastOf.value(problemId);
        e.createdAtMs = QDateTime::currentMSecsSinceEpoch() - daysAgo * kDayMs;
        e.receivedAtMs = e.createdAtMs;
        e.ledgerMonth = ProblemLedger::monthOf(e.receivedAtMs);
        e.author = author;
        e.serverSeq = ++m_seq;
        m_lastOf[problemId] = e.serverSeq;
        return e;
    }

    PulledPage m_page;
    qint64 m_seq = 0;
    QHash<QString, qint64> m_lastOf;
};
