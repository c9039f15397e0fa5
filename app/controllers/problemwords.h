#pragma once

#include "domain/problem.h"

#include <QCoreApplication>
#include <QString>

// The words the ledger shows for its codes, in the user's language: states, actions,
// severities, responsible units, the way to a problem.
class ProblemWords {
    Q_DECLARE_TR_FUNCTIONS(ProblemWords)
public:
    static QString state(ProblemState state); // 待整改, 整改中, 待复查, 已销号, 退回重改
    static QString action(ProblemAction action); // 发现问题, 交办, …
    static QString severity(int severity); // 一般, 较重, 严重
    static QString responsibleKind(ResponsibleKind kind);
    // "8 个方向" of a bearing in degrees: 北, 东北, 东, …
    static QString direction(double bearingDegrees);
    // "350 米" / "2.4 公里"
    static QString distance(double metres);
    // The way from a fix to where the problem was found: "东北 350 米", "就在附近"; empty when
    // either point is unknown.
    static QString way(const Problem &problem, const GeoFix &here);
    // A deadline against now: "剩 3 天", "今天到期", "逾期 2 天"; empty without one.
    static QString deadline(qint64 deadlineMs, qint64 nowMs);
};
